#pragma once
// An independent solution checker: recomputes every arrival, window, skill,
// synchronisation, precedence, capacity and shift from the problem and the
// solution's sequences alone, and the objective from scratch. It shares no
// evaluation code with the search, so a bug in one shows up in the other.

#include <string>
#include <vector>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

struct CheckReport {
  std::vector<std::string> violations;  // empty: feasible and consistent
  Cost recomputed;
  bool ok() const { return violations.empty(); }
};

// Times reported in the solution are checked against recomputed arrivals with an
// absolute tolerance of 1e-6 time units (plus 1e-9 relative).
CheckReport check_solution(const Problem& problem, const Solution& solution);

}  // namespace allot::solver
