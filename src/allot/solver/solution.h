#pragma once
// What the solver returns: one route per carer used, every other visit listed as
// unassigned with a reason, and the objective broken down.

#include <string>
#include <vector>

#include "allot/base/enum_text.h"  // header only, standard library only

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

inline constexpr auto kUnassignedReasonNames = make_enum_text<UnassignedReason>({
    {UnassignedReason::kNoSkilledCarer, "no_skilled_carer"},
    {UnassignedReason::kCapacity, "capacity"},
    {UnassignedReason::kOutsideShifts, "outside_shifts"},
    {UnassignedReason::kWindowUnreachable, "window_unreachable"},
    {UnassignedReason::kCarersFullyBooked, "carers_fully_booked"},
});
static_assert(kUnassignedReasonNames.covers_through(UnassignedReason::kCarersFullyBooked));

const char* unassigned_reason_name(UnassignedReason reason);

// What stops one carer from taking a left-out visit. Stable codes, append only
// (docs/solver.md lists them); explain.h computes them, check.h verifies them.
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

inline constexpr auto kObstacleNames = make_enum_text<Obstacle>({
    {Obstacle::kSkill, "skill"},
    {Obstacle::kExcluded, "excluded"},
    {Obstacle::kCapacity, "capacity"},
    {Obstacle::kShift, "shift"},
    {Obstacle::kWindow, "window"},
    {Obstacle::kShiftEnd, "shift_end"},
    {Obstacle::kTravel, "travel"},
    {Obstacle::kPartner, "partner"},
    {Obstacle::kBooked, "booked"},
});
static_assert(kObstacleNames.covers_through(Obstacle::kBooked));

const char* obstacle_name(Obstacle obstacle);

struct CarerObstacle {
  int carer = 0;
  Obstacle obstacle = Obstacle::kBooked;
};

struct Unassigned {
  int visit = 0;
  UnassignedReason reason = UnassignedReason::kCarersFullyBooked;
  // Every carer once, with what stops them (explain.h). solve() fills it; the
  // checker verifies each claim and that no left-out visit goes without them.
  std::vector<CarerObstacle> carers;
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
