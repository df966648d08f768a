#include "allot/solver/solution.h"

#include <algorithm>
#include <cmath>

#include "allot/solver/problem.h"

namespace allot::solver {

const char* unassigned_reason_name(UnassignedReason reason) { return kUnassignedReasonNames.name(reason); }

const char* obstacle_name(Obstacle obstacle) { return kObstacleNames.name(obstacle); }

bool is_better(const Cost& left, const Cost& right) {
  if (left.unassigned_priority < right.unassigned_priority - 1e-9) return true;
  if (left.unassigned_priority > right.unassigned_priority + 1e-9) return false;
  return left.objective < right.objective - 1e-9 * std::max(1.0, std::fabs(right.objective));
}

bool is_better_for(const Objective& objective, const Cost& left, const Cost& right) {
  if (objective.fewest_routes_first && std::fabs(left.unassigned_priority - right.unassigned_priority) <= 1e-9 &&
      left.routes_used != right.routes_used)
    return left.routes_used < right.routes_used;
  return is_better(left, right);
}

}  // namespace allot::solver
