#pragma once
// solve(): the visit scheduling engine's one entry point. Standard library only;
// no I/O, no clock. The caller owns time: `should_stop` is polled between
// iterations (return true to cancel or when a deadline passes), and
// `options.elapsed_fraction` (optional) tells the search how much of its budget
// is used so that it can cool down in time.
//
// Deterministic for a given problem, seed and iteration limit, also with two
// threads (each thread runs its own seeded search; the best wins, ties to the
// lower thread). Callbacks are called from worker threads: `should_stop` and
// `elapsed_fraction` must be thread-safe when threads > 1; progress reports come
// one at a time, each better than the last, whichever thread found it.

#include <cstdint>
#include <functional>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

struct SolveOptions {
  std::uint64_t seed = 1;
  long iteration_limit = 0;  // 0: until should_stop says stop (then at least the construction)
  int threads = 1;
  std::function<double()> elapsed_fraction;  // 0..1 of the caller's time budget used
};

struct Progress {
  long iteration = 0;  // iterations of every thread, as last reported
  Cost best;           // the best of every thread so far
};

using ProgressCallback = std::function<void(const Progress&)>;
using StopCheck = std::function<bool()>;

// Precondition: find_problem_errors(problem) is empty (throws std::invalid_argument otherwise).
Solution solve(const Problem& problem, const SolveOptions& options,
               const ProgressCallback& on_progress = {}, const StopCheck& should_stop = {});

}  // namespace allot::solver
