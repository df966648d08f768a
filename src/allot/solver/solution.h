#pragma once
// What the solver returns: one route per carer used, every other visit listed as
// unassigned with a reason, and the objective broken down.

#include <string>
#include <vector>

namespace allot::solver {

struct Stop {
  enum class Kind { kVisit, kBreak };
  Kind kind = Kind::kVisit;
  int index = 0;       // visit index, or the carer's break index
  double arrival = 0;  // when the carer gets there (break: when the previous visit ends)
  double start = 0;    // start of service or break
  double end = 0;      // start + duration
};

struct Route {
  int carer = 0;
  std::vector<Stop> stops;
  double departure = 0;    // leaves the start location
  double return_time = 0;  // arrives at the end location
  double distance = 0;
  double travel_time = 0;
  double working_time = 0;  // travel plus service
  double load = 0;
};

// Stable codes, append only (docs/solver.md lists them).
enum class UnassignedReason {
  kNoSkilledCarer,      // no carer holds every required skill (or all such carers are excluded)
  kCapacity,            // demand exceeds every suitable carer's capacity
  kOutsideShifts,       // no window overlaps a suitable carer's shift
  kWindowUnreachable,   // no suitable carer can get there within a window and back by shift end
  kCarersFullyBooked,   // feasible alone, but no room left beside the other visits
};

const char* unassigned_reason_name(UnassignedReason reason);

struct Unassigned {
  int visit = 0;
  UnassignedReason reason = UnassignedReason::kCarersFullyBooked;
};

struct Cost {
  int unassigned_visits = 0;
  double unassigned_priority = 0;  // sum of priorities: compared first
  double distance = 0;
  double travel_time = 0;
  double total_lateness = 0;
  double max_lateness = 0;
  int non_preferred_visits = 0;
  int routes_used = 0;
  double objective = 0;  // weighted sum of the terms after unassigned_priority
};

// (unassigned priority, objective) lexicographically, with a small tolerance.
bool is_better(const Cost& left, const Cost& right);

struct Objective;
// As is_better, with the number of routes compared before the objective when
// the objective puts the fewest routes first.
bool is_better_for(const Objective& objective, const Cost& left, const Cost& right);

struct Solution {
  std::vector<Route> routes;  // carers without visits are left out
  std::vector<Unassigned> unassigned;
  Cost cost;
  long iterations = 0;
};

}  // namespace allot::solver
