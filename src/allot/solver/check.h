#pragma once
// An independent solution checker: recomputes every arrival, window, skill,
// synchronisation, precedence, capacity and shift from the problem and the
// solution's sequences alone, and the objective from scratch. It shares no
// evaluation code with the search, so a bug in one shows up in the other.

#include <string>
#include <vector>

#include "allot/solver/explain.h"
#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

struct CheckReport {
  std::vector<std::string> violations;  // empty: feasible and consistent
  Cost recomputed;
  bool ok() const { return violations.empty(); }
};

// Times reported in the solution are checked against recomputed arrivals with an
// absolute tolerance of 1e-6 time units (plus 1e-9 relative). Each left-out
// visit must name what stops every carer (Unassigned::carers), and every such
// claim is verified as check_explanations does.
CheckReport check_solution(const Problem& problem, const Solution& solution);

// Verifies each carer's obstacle for each left-out visit (explain.h) by the
// checker's own arithmetic: skills, exclusions, capacity and shifts as stated;
// `window` and `travel` only if the carer cannot do the visit on an empty day;
// `partner` only if the carer does a visit it must not share; `booked` only if
// the carer's route has no room for it (or, unused, its empty day cannot take it
// beside the visits it is linked to). Every left-out visit must be explained,
// every carer named once. Empty: every claim holds.
std::vector<std::string> check_explanations(const Problem& problem, const Solution& solution,
                                            const std::vector<Explanation>& explanations);

}  // namespace allot::solver
