#pragma once
// Acceptance: whether the search moves to a candidate plan. Simulated annealing
// for the search proper; absence counts for fleet minimisation. Private to the solver.

#include <random>
#include <vector>

#include "allot/solver/solution.h"

namespace allot::solver::search {

// A threshold that cools geometrically from about three average arcs to three
// hundredths of one, the arc measured on the plan the phase starts from, so that
// the schedule fits any unit of distance or time.
class Annealing {
 public:
  Annealing(const Cost& start, int visit_count);

  double temperature(double fraction) const;  // fraction: 0..1 of the phase used
  // Fewer unassigned (by priority) always wins; with `rank_routes` fewer routes
  // come next, and only a candidate with as many routes faces the threshold.
  bool accepts(const Cost& candidate, const Cost& current, double temperature, bool rank_routes,
               std::mt19937_64& random) const;

 private:
  double start_temperature_ = 0;
  double end_temperature_ = 0;
};

// Fleet minimisation's acceptance (Christiaens and Vanden Berghe 2020, section 6):
// each visit counts the iterations it spent out of the plan, and a candidate wins
// when it leaves fewer visits out or visits that have been out less often, so the
// search keeps working on the visits that are hard to place.
class AbsenceCounts {
 public:
  struct LeftOut {
    int visits = 0;
    long absences = 0;  // the sum of their counts
  };

  explicit AbsenceCounts(int visit_count) : absence_(visit_count, 0) {}

  LeftOut left_out(const std::vector<char>& routed) const;
  void count(const std::vector<char>& routed);  // one more iteration out for each visit left out
  static bool better(const LeftOut& candidate, const LeftOut& current) {
    return candidate.visits < current.visits || candidate.absences < current.absences;
  }

 private:
  std::vector<long> absence_;
};

}  // namespace allot::solver::search
