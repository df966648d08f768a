// solve(): one seeded search per thread, the best result wins. The search itself
// lives in search/, one file per concern.

#include "allot/solver/solve.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "allot/solver/explain.h"
#include "allot/solver/search/search.h"

namespace allot::solver {

Solution solve(const Problem& problem, const SolveOptions& options, const ProgressCallback& on_progress,
               const StopCheck& should_stop) {
  const auto errors = find_problem_errors(problem);
  if (!errors.empty()) throw std::invalid_argument("solve: ill-formed problem: " + errors.front());
  const int threads = std::max(1, options.threads);
  std::vector<Solution> results(threads);
  // Each thread reports its own improvements; the caller hears only those that
  // beat the best of every thread so far, with the iterations of all threads.
  std::mutex progress_mutex;
  Cost reported;
  bool any_reported = false;
  std::vector<long> thread_iterations(threads, 0);
  const auto work = [&](int thread_idx) {
    search::Search search(problem, options.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(thread_idx));
    ProgressCallback report;
    if (on_progress)
      report = [&, thread_idx](const Progress& progress) {
        const std::lock_guard lock(progress_mutex);
        thread_iterations[thread_idx] = progress.iteration;
        if (any_reported && !is_better_for(problem.objective, progress.best, reported)) return;
        any_reported = true;
        reported = progress.best;
        long total = 0;
        for (long count : thread_iterations) total += count;
        on_progress({total, reported});
      };
    results[thread_idx] = search.run(options.iteration_limit, options, report, should_stop);
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int thread_idx = 0; thread_idx < threads; ++thread_idx) pool.emplace_back(work, thread_idx);
    for (auto& thread : pool) thread.join();
  }
  int best = 0;
  long iterations = 0;
  for (int thread_idx = 0; thread_idx < threads; ++thread_idx) {
    iterations += results[thread_idx].iterations;
    if (is_better_for(problem.objective, results[thread_idx].cost, results[best].cost)) best = thread_idx;
  }
  Solution solution = std::move(results[best]);
  solution.iterations = iterations;
  attach_explanations(problem, solution);
  return solution;
}

}  // namespace allot::solver
