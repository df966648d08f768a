#pragma once
// Why each carer could not take a visit left out: the reason of a left-out visit,
// carer by carer. Computed from the problem and the plan alone; the independent
// checker verifies every claim (check_explanations in check.h).

#include <vector>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

// Stable codes, append only (docs/solver.md lists them).
enum class Obstacle {
  kSkill,     // lacks a required skill
  kExcluded,  // excluded from the visit
  kCapacity,  // the demand exceeds the carer's capacity
  kShift,     // no window of the visit overlaps the carer's shift
  kWindow,    // leaving at the shift's start, arrives after every window has closed
  kShiftEnd,  // could start in a window, but the visit itself would run past the shift's end
  kTravel,    // could do the visit in its shift, but not travel home by the shift's end (or within working time)
  kPartner,   // does the visit's partner, which must go to a different carer
  kBooked,    // could do it on an empty day, but not beside the visits planned (or with no partner free)
};

const char* obstacle_name(Obstacle obstacle);

struct CarerObstacle {
  int carer = 0;
  Obstacle obstacle = Obstacle::kBooked;
};

// One per left-out visit, in the order of solution.unassigned, with every carer once.
struct Explanation {
  int visit = 0;
  std::vector<CarerObstacle> carers;
};

std::vector<Explanation> explain_unassigned(const Problem& problem, const Solution& solution);

}  // namespace allot::solver
