#pragma once
// Why each carer could not take a visit left out: the reason of a left-out visit,
// carer by carer. Computed from the problem and the plan alone; the independent
// checker verifies every claim (check_explanations in check.h).

#include <vector>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

// One per left-out visit, in the order of solution.unassigned, with every carer once.
struct Explanation {
  int visit = 0;
  std::vector<CarerObstacle> carers;
};

std::vector<Explanation> explain_unassigned(const Problem& problem, const Solution& solution);

// Fills each left-out visit's `carers` with explain_unassigned's answer.
void attach_explanations(const Problem& problem, Solution& solution);

// The explanations a solution carries (its unassigned visits' `carers`).
std::vector<Explanation> explanations_of(const Solution& solution);

}  // namespace allot::solver
