#pragma once
// A provider's week as problems for the visit scheduling engine: one problem per
// day, built from the provider's packages' visits (where each person lives, the
// day, start time and tolerance, duration, one or two carers, tasks) and its
// carers (skills, shifts and staff base, and how they travel). People and carers
// keep their names beside the solver's ids, so a plan reads by name.
//
// The solver plans one day's axis of minutes after midnight, so a week is seven
// problems. A carer's shift on the day is a route from and back to their base; a
// carer with two shifts on one day (a split shift) has one route for each. A
// visit may start from its time less its tolerance to its time plus its
// tolerance, and later at a cost (lateness, in minutes), so a plan shows how late
// visits would be rather than leaving them out; a visit is left out only when no
// carer can do it at all, and the solver says why, carer by carer. The tasks a
// visit needs are skills its carers must hold. Pure: no I/O, no clock.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace allot::app {

struct WeekPlace {
  double latitude = 0;
  double longitude = 0;
};

struct WeekShift {
  int day = 0;           // 0 Monday .. 6 Sunday
  int start_minute = 0;  // after midnight
  int end_minute = 0;
};

struct WeekCarer {
  long long id = 0;
  std::string name;
  std::vector<std::string> skills;
  std::vector<WeekShift> shifts;
  std::string base_name;
  WeekPlace base;
  double metres_per_minute = 500;  // by road: 500 is 30 km/h by car
};

struct WeekVisit {
  long long package_id = 0;
  int index = 0;             // the visit's place in its package's pattern
  std::string person;        // the person's name, or their reference when no name is known
  int day = 0;               // 0 Monday .. 6 Sunday
  int start_minute = 0;
  int tolerance_minutes = 0;
  int duration_minutes = 0;
  int carers_needed = 1;
  std::vector<std::string> tasks;
  WeekPlace place;
  std::vector<long long> usual_carers;  // continuity: carers who make it now (ids of WeekCarer)
};

// One route's carer as the page names it.
struct DayRouteCarer {
  std::string solver_id;     // "carer-12" or "carer-12-shift-2"
  long long carer_id = 0;
  std::string name;
  std::string shift;         // "07:00 to 14:30"
  std::string base_name;
};

struct DayVisitLabel {
  std::string solver_id;     // "package-7-visit-3"
  long long package_id = 0;
  std::string person;
  int start_minute = 0;
  int tolerance_minutes = 0;
  int duration_minutes = 0;
  int carers_needed = 1;
  std::vector<std::string> tasks;
};

struct DayProblem {
  int day = 0;
  nlohmann::json problem;    // the solver's problem JSON (docs/solver.md)
  std::vector<DayRouteCarer> carers;
  std::vector<DayVisitLabel> visits;
};

// Road distance is the great-circle distance times this (the solver's travel model).
inline constexpr double kRoadFactor = 1.3;
// The travel model's speed; each carer's own speed is a factor of it.
inline constexpr double kModelMetresPerMinute = 500;
// What a visit made by someone other than its usual carers costs, in minutes of travel.
inline constexpr double kNonUsualCarerCost = 5;

// The day's problem from the provider's visits and carers (those of other days
// are left aside). `name` names the problem ("Allanbank Home Care, Monday").
DayProblem build_day_problem(const std::string& name, int day, const std::vector<WeekVisit>& visits,
                             const std::vector<WeekCarer>& carers);

// "Monday" .. "Sunday".
const char* day_name(int day);

}  // namespace allot::app
