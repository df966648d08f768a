#pragma once
// The routing problem the visit scheduling engine solves. Plain values, no I/O,
// standard library only. The solver knows nothing of care: visits are jobs with a
// place, a duration and start windows; carers are vehicles with shifts.
//
// Units: every time and duration is in the caller's time unit (minutes for real
// plans); distances in the caller's distance unit (metres for real plans). Times
// are absolute on one day's axis (e.g. minutes after midnight).

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace allot::solver {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// A window for the *start* of service (or of a break), both ends inclusive.
struct TimeWindow {
  double start = 0;
  double end = kUnbounded;
};

struct Visit {
  std::string id;
  int location = 0;                   // index into the travel model's locations
  double duration = 0;                // service time
  std::vector<TimeWindow> windows;    // sorted, disjoint; empty means any time in a shift
  std::vector<int> skills;            // every one must be held by each carer doing it
  int priority = 1;                   // weight of leaving the visit unassigned (>= 1)
  int carers_needed = 1;              // 1, or 2 for a double-handed visit (both start together)
  double demand = 0;                  // VRPTW load; 0 for care visits
  std::vector<int> preferred_carers;  // continuity: assigning anyone else costs Objective::non_preferred_cost
  std::vector<int> excluded_carers;   // never assigned to these carers
};

// The second visit starts between min_gap and max_gap after the first one starts.
// Binds only when both visits are assigned. With different_carers the two are
// done by two different carers (a patient's two services in Mankowska et al.
// 2014, where a carer visits a patient at most once).
struct Precedence {
  int first_visit = 0;
  int second_visit = 0;
  double min_gap = 0;
  double max_gap = kUnbounded;
  bool different_carers = false;
};

// A break is taken where the carer is, after finishing one visit and before
// travelling to the next; it starts inside its window.
struct Break {
  TimeWindow window;
  double duration = 0;
};

struct Carer {
  std::string id;
  int start_location = 0;
  int end_location = 0;
  TimeWindow shift;                           // leave start no earlier than shift.start, be back by shift.end
  std::vector<Break> breaks;                  // taken only on a day with at least one visit
  std::vector<int> skills;
  double max_working_time = kUnbounded;       // travel plus service time, waiting and breaks excluded
  double speed_factor = 1;                    // travel time = model travel time / speed_factor
  double capacity = kUnbounded;               // VRPTW capacity
};

// Travel between locations: either full matrices supplied by the caller, or
// computed from coordinates.
struct TravelModel {
  enum class Kind { kMatrix, kEuclidean, kGreatCircle };
  Kind kind = Kind::kEuclidean;
  int location_count = 0;
  std::vector<double> duration_matrix;  // kMatrix: location_count^2, row-major
  std::vector<double> distance_matrix;  // kMatrix: location_count^2, row-major
  std::vector<double> x;                // kEuclidean: coordinates; kGreatCircle: longitude (degrees)
  std::vector<double> y;                // kEuclidean: coordinates; kGreatCircle: latitude (degrees)
  // kEuclidean: truncate each arc to one decimal (DIMACS VRPTW convention); travel time = distance.
  bool truncate_to_tenth = false;
  // kGreatCircle: road distance = great-circle metres * road_factor; time = road metres / speed.
  double road_factor = 1.3;
  double speed_metres_per_time_unit = 500;  // 30 km/h with minutes
};

// Weights of the objective after the number (priority-weighted) of unassigned
// visits, which always comes first.
struct Objective {
  double distance_weight = 1;
  double travel_time_weight = 0;
  double route_cost = 0;             // per carer with at least one visit
  double non_preferred_cost = 0;     // per visit served by a carer outside its non-empty preferred list
  // Soft windows: when true a visit may start after its last window ends, at a
  // cost; Mankowska et al. (2014) use weights 1/3 on distance, total and maximum lateness.
  bool allow_lateness = false;
  double lateness_weight = 0;
  double max_lateness_weight = 0;
  // Fewest routes (carers used) first, then the weighted sum: the hierarchical
  // VRPTW convention, or a provider short of staff. The search then spends half
  // its budget removing routes before it shortens the rest.
  bool fewest_routes_first = false;
};

struct Problem {
  std::string name;
  TravelModel travel;
  std::vector<Visit> visits;
  std::vector<Carer> carers;
  std::vector<Precedence> precedences;
  Objective objective;
};

// Travel lookups shared by the solver and the checker (pure arithmetic).
double travel_distance(const TravelModel& travel, int from, int to);
double travel_duration(const TravelModel& travel, int from, int to);

// Contract violations a caller must fix before solving (indices out of range,
// negative durations, unsorted windows...): "visits[3].windows[1]: ..." lines.
// Empty means the problem is well formed. The I/O layer reports friendlier issues.
std::vector<std::string> find_problem_errors(const Problem& problem);

}  // namespace allot::solver
