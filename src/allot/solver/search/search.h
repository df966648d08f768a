#pragma once
// One seeded search: ruin and recreate with simulated-annealing acceptance, after
// the "slack induction by string removals" (SISR) idea of Christiaens and Vanden
// Berghe (2020): remove a few strings of visits near each other, reinsert every
// removed visit at its cheapest place (skipping a place now and then), accept by a
// falling threshold. Private to the solver; solve() runs one per thread.

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "allot/solver/search/insertion.h"
#include "allot/solver/search/model.h"
#include "allot/solver/search/plan.h"
#include "allot/solver/search/pricing.h"
#include "allot/solver/search/ruin.h"
#include "allot/solver/solve.h"

namespace allot::solver::search {

class Search {
 public:
  Search(const Problem& problem, std::uint64_t seed);
  // The parts hold references to each other.
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  Solution run(long iteration_limit, const SolveOptions& options, const ProgressCallback& on_progress,
               const StopCheck& should_stop);

 private:
  using Budget = std::function<bool(long iteration)>;  // true: stop now

  // One iteration's candidate, journaled so that Plan::take_back() undoes it.
  void ruin_and_recreate();
  // fleet.cpp
  long minimise_routes(const Budget& spent, const ProgressCallback& on_progress, Solution& best_solution,
                       long iteration);

  const Model model_;
  std::mt19937_64 random_;  // one stream for every random choice, so a seed fixes the run
  Plan plan_;
  Pricing pricing_;
  Insertion insertion_;
  Ruin ruin_;
};

}  // namespace allot::solver::search
