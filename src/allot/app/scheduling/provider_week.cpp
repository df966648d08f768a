#include "allot/app/scheduling/provider_week.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

namespace allot::app {

namespace {

using nlohmann::json;

std::string clock_text(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

// Places as solver locations ([longitude, latitude]), each place once.
class Locations {
 public:
  int index_of(const WeekPlace& place) {
    const auto key = std::make_pair(place.latitude, place.longitude);
    const auto [found, added] = index_.emplace(key, static_cast<int>(points_.size()));
    if (added) points_.push_back(json::array({place.longitude, place.latitude}));
    return found->second;
  }
  const json& points() const { return points_; }

 private:
  std::map<std::pair<double, double>, int> index_;
  json points_ = json::array();
};

}  // namespace

const char* day_name(int day) {
  static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return day >= 0 && day < 7 ? kDays[day] : "";
}

DayProblem build_day_problem(const std::string& name, int day, const std::vector<WeekVisit>& visits,
                             const std::vector<WeekCarer>& carers) {
  DayProblem out;
  out.day = day;
  Locations locations;
  json solver_carers = json::array();
  std::map<long long, std::vector<std::string>> routes_of;  // carer id -> solver ids
  for (const WeekCarer& carer : carers) {
    std::vector<WeekShift> shifts;
    for (const WeekShift& shift : carer.shifts) {
      if (shift.day == day) shifts.push_back(shift);
    }
    std::sort(shifts.begin(), shifts.end(), [](const WeekShift& a, const WeekShift& b) { return a.start_minute < b.start_minute; });
    for (std::size_t index = 0; index < shifts.size(); ++index) {
      const std::string id = index == 0 ? fmt::format("carer-{}", carer.id) : fmt::format("carer-{}-shift-{}", carer.id, index + 1);
      const int base = locations.index_of(carer.base);
      solver_carers.push_back({{"id", id},
                               {"start_location", base},
                               {"end_location", base},
                               {"shift", {shifts[index].start_minute, shifts[index].end_minute}},
                               {"skills", carer.skills},
                               {"speed_factor", carer.metres_per_minute / kModelMetresPerMinute}});
      out.carers.push_back(DayRouteCarer{id, carer.id, carer.name,
                                         fmt::format("{} to {}", clock_text(shifts[index].start_minute),
                                                     clock_text(shifts[index].end_minute)),
                                         carer.base_name});
      routes_of[carer.id].push_back(id);
    }
  }
  json solver_visits = json::array();
  for (const WeekVisit& visit : visits) {
    if (visit.day != day) continue;
    const std::string id = fmt::format("package-{}-visit-{}", visit.package_id, visit.index);
    json item = {{"id", id},
                 {"location", locations.index_of(visit.place)},
                 {"duration", visit.duration_minutes},
                 {"time_windows", json::array({json::array({std::max(0, visit.start_minute - visit.tolerance_minutes),
                                                            visit.start_minute + visit.tolerance_minutes})})},
                 {"skills", visit.tasks},
                 {"carers_needed", visit.carers_needed}};
    json preferred = json::array();
    for (long long carer : visit.usual_carers) {
      for (const std::string& route : routes_of[carer]) preferred.push_back(route);
    }
    if (!preferred.empty()) item["preferred_carers"] = preferred;
    solver_visits.push_back(std::move(item));
    out.visits.push_back(DayVisitLabel{id, visit.package_id, visit.person, visit.start_minute, visit.tolerance_minutes,
                                       visit.duration_minutes, visit.carers_needed, visit.tasks});
  }
  out.problem = {{"name", name},
                 {"travel", {{"kind", "great_circle"}, {"road_factor", kRoadFactor}, {"speed_metres_per_minute", kModelMetresPerMinute}}},
                 {"locations", locations.points()},
                 {"carers", solver_carers},
                 {"visits", solver_visits},
                 {"objective",
                  {{"distance_weight", 0},
                   {"travel_time_weight", 1},
                   {"allow_lateness", true},
                   {"lateness_weight", 1},
                   {"non_preferred_cost", kNonUsualCarerCost}}}};
  return out;
}

}  // namespace allot::app
