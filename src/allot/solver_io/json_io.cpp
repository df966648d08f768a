// Allot's problem and solution JSON (docs/solver.md) and the iolab HHCRSP JSON.
#include <algorithm>
#include <cmath>
#include <map>

#include "allot/solver_io/readers.h"

namespace allot::solver_io {
namespace {

using nlohmann::json;
using solver::Problem;
using solver::TimeWindow;

// Collects issues while reading one JSON document, so one run reports them all.
class Fields {
 public:
  explicit Fields(Issues& issues) : issues_(issues) {}

  double number(const json& object, const char* key, const std::string& path, double fallback, bool required = false) {
    if (!object.is_object() || !object.contains(key)) {
      if (required) issues_.push_back({ErrorCode::kMissingField, path + "." + key, "required"});
      return fallback;
    }
    const json& value = object.at(key);
    if (value.is_null()) return fallback;
    if (!value.is_number()) {
      issues_.push_back({ErrorCode::kWrongType, path + "." + key, "expected a number; found " + value.dump()});
      return fallback;
    }
    return value.get<double>();
  }
  bool flag(const json& object, const char* key, const std::string& path, bool fallback) {
    if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) return fallback;
    const json& value = object.at(key);
    if (!value.is_boolean()) {
      issues_.push_back({ErrorCode::kWrongType, path + "." + key, "expected true or false; found " + value.dump()});
      return fallback;
    }
    return value.get<bool>();
  }
  std::string text(const json& object, const char* key, const std::string& path, bool required = true) {
    if (!object.is_object() || !object.contains(key)) {
      if (required) issues_.push_back({ErrorCode::kMissingField, path + "." + key, "required"});
      return {};
    }
    const json& value = object.at(key);
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    issues_.push_back({ErrorCode::kWrongType, path + "." + key, "expected a string; found " + value.dump()});
    return {};
  }
  const json* array(const json& object, const char* key, const std::string& path, bool required = false) {
    if (!object.is_object() || !object.contains(key)) {
      if (required) issues_.push_back({ErrorCode::kMissingField, path + "." + key, "required"});
      return nullptr;
    }
    const json& value = object.at(key);
    if (!value.is_array()) {
      issues_.push_back({ErrorCode::kWrongType, path + "." + key, "expected an array"});
      return nullptr;
    }
    return &value;
  }
  bool window(const json& value, const std::string& path, TimeWindow& window) {
    if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
      issues_.push_back({ErrorCode::kWrongType, path, "expected [start, end] numbers; found " + value.dump()});
      return false;
    }
    window = {value[0].get<double>(), value[1].get<double>()};
    if (window.start > window.end) {
      issues_.push_back({ErrorCode::kInvalidValue, path, "start after end"});
      return false;
    }
    return true;
  }
  void add(ErrorCode code, std::string path, std::string message) {
    issues_.push_back({code, std::move(path), std::move(message)});
  }

 private:
  Issues& issues_;
};

int skill_index(std::map<std::string, int>& skills, const std::string& name) {
  const auto [entry, inserted] = skills.emplace(name, static_cast<int>(skills.size()));
  return entry->second;
}

}  // namespace

Result<Problem> problem_from_json(const json& document) {
  Issues issues;
  Fields fields(issues);
  if (!document.is_object()) return fail(ErrorCode::kWrongType, "", "the problem must be a JSON object");
  Problem problem;
  problem.name = fields.text(document, "name", "", false);
  std::map<std::string, int> skills;

  // travel
  const json travel = document.value("travel", json::object());
  const std::string kind = fields.text(travel, "kind", "travel", false);
  const json* locations = fields.array(document, "locations", "");
  const json* durations = fields.array(travel, "durations", "travel");
  const json* distances = fields.array(travel, "distances", "travel");
  if (kind == "matrix" || (kind.empty() && durations)) {
    problem.travel.kind = solver::TravelModel::Kind::kMatrix;
    if (!durations) {
      fields.add(ErrorCode::kMissingField, "travel.durations", "required for a matrix");
    } else {
      const auto size = durations->size();
      problem.travel.location_count = static_cast<int>(size);
      const json* distance_rows = distances ? distances : durations;
      if (distance_rows->size() != size) fields.add(ErrorCode::kInvalidValue, "travel.distances", "must be as large as travel.durations");
      for (std::size_t from = 0; from < size; ++from)
        for (std::size_t to = 0; to < size; ++to) {
          const std::string at = "[" + std::to_string(from) + "][" + std::to_string(to) + "]";
          const json* duration = (*durations)[from].is_array() && (*durations)[from].size() == size ? &(*durations)[from][to] : nullptr;
          const json* distance = from < distance_rows->size() && (*distance_rows)[from].is_array() &&
                                         (*distance_rows)[from].size() == size ? &(*distance_rows)[from][to] : nullptr;
          if (!duration || !duration->is_number() || duration->get<double>() < 0) {
            fields.add(ErrorCode::kInvalidValue, "travel.durations" + at, "expected a square matrix of non-negative numbers");
            to = size;
            from = size;
            break;
          }
          if (!distance || !distance->is_number() || distance->get<double>() < 0) {
            fields.add(ErrorCode::kInvalidValue, "travel.distances" + at, "expected a square matrix of non-negative numbers");
            to = size;
            from = size;
            break;
          }
          problem.travel.duration_matrix.push_back(duration->get<double>());
          problem.travel.distance_matrix.push_back(distance->get<double>());
        }
    }
  } else {
    if (kind == "euclidean" || kind.empty()) {
      problem.travel.kind = solver::TravelModel::Kind::kEuclidean;
      problem.travel.truncate_to_tenth = travel.value("truncate_to_tenth", false);
    } else if (kind == "great_circle") {
      problem.travel.kind = solver::TravelModel::Kind::kGreatCircle;
      problem.travel.road_factor = fields.number(travel, "road_factor", "travel", 1.3);
      problem.travel.speed_metres_per_time_unit = fields.number(travel, "speed_metres_per_minute", "travel", 500);
      if (!(problem.travel.speed_metres_per_time_unit > 0))
        fields.add(ErrorCode::kInvalidValue, "travel.speed_metres_per_minute", "must be positive");
    } else {
      fields.add(ErrorCode::kInvalidValue, "travel.kind", "unknown \"" + kind + "\"; expected matrix, euclidean or great_circle");
    }
    if (!locations) {
      fields.add(ErrorCode::kMissingField, "locations", "required unless travel has matrices");
    } else {
      for (std::size_t location_idx = 0; location_idx < locations->size(); ++location_idx) {
        const json& point = (*locations)[location_idx];
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) {
          fields.add(ErrorCode::kWrongType, "locations[" + std::to_string(location_idx) + "]",
                     "expected [x, y] (great_circle: [longitude, latitude])");
          continue;
        }
        problem.travel.x.push_back(point[0].get<double>());
        problem.travel.y.push_back(point[1].get<double>());
      }
      problem.travel.location_count = static_cast<int>(locations->size());
    }
  }
  const int location_count = problem.travel.location_count;
  const auto location_field = [&](const json& object, const char* key, const std::string& path) {
    const double value = fields.number(object, key, path, 0, true);
    if (value < 0 || value >= location_count || value != std::floor(value)) {
      fields.add(ErrorCode::kInvalidValue, path + "." + key,
                 "must be a location index below " + std::to_string(location_count));
      return 0;
    }
    return static_cast<int>(value);
  };

  // carers first: visits refer to them by id
  std::map<std::string, int> carer_ids;
  if (const json* carers = fields.array(document, "carers", "", true)) {
    for (std::size_t carer_idx = 0; carer_idx < carers->size(); ++carer_idx) {
      const json& item = (*carers)[carer_idx];
      const std::string path = "carers[" + std::to_string(carer_idx) + "]";
      solver::Carer carer;
      carer.id = fields.text(item, "id", path);
      if (!carer_ids.emplace(carer.id, static_cast<int>(carer_idx)).second)
        fields.add(ErrorCode::kDuplicate, path + ".id", "id \"" + carer.id + "\" used twice");
      carer.start_location = location_field(item, "start_location", path);
      carer.end_location = item.contains("end_location") ? location_field(item, "end_location", path) : carer.start_location;
      if (item.contains("shift")) fields.window(item["shift"], path + ".shift", carer.shift);
      if (const json* breaks = fields.array(item, "breaks", path))
        for (std::size_t break_idx = 0; break_idx < breaks->size(); ++break_idx) {
          const std::string at = path + ".breaks[" + std::to_string(break_idx) + "]";
          solver::Break rest;
          fields.window((*breaks)[break_idx].value("window", json()), at + ".window", rest.window);
          rest.duration = fields.number((*breaks)[break_idx], "duration", at, 0, true);
          if (rest.duration < 0) fields.add(ErrorCode::kInvalidValue, at + ".duration", "must not be negative");
          carer.breaks.push_back(rest);
        }
      if (const json* list = fields.array(item, "skills", path))
        for (const json& skill : *list) {
          if (skill.is_string()) carer.skills.push_back(skill_index(skills, skill.get<std::string>()));
          else fields.add(ErrorCode::kWrongType, path + ".skills", "skills are strings");
        }
      carer.max_working_time = fields.number(item, "max_working_time", path, solver::kUnbounded);
      carer.speed_factor = fields.number(item, "speed_factor", path, 1);
      if (!(carer.speed_factor > 0)) fields.add(ErrorCode::kInvalidValue, path + ".speed_factor", "must be positive");
      carer.capacity = fields.number(item, "capacity", path, solver::kUnbounded);
      problem.carers.push_back(std::move(carer));
    }
  }
  const auto carer_list = [&](const json& item, const char* key, const std::string& path) {
    std::vector<int> list;
    if (const json* ids = fields.array(item, key, path))
      for (std::size_t entry = 0; entry < ids->size(); ++entry) {
        const std::string id = (*ids)[entry].is_string() ? (*ids)[entry].get<std::string>() : (*ids)[entry].dump();
        const auto found = carer_ids.find(id);
        if (found == carer_ids.end())
          fields.add(ErrorCode::kUnknownReference, path + "." + key + "[" + std::to_string(entry) + "]", "no carer \"" + id + "\"");
        else
          list.push_back(found->second);
      }
    return list;
  };

  std::map<std::string, int> visit_ids;
  if (const json* visits = fields.array(document, "visits", "", true)) {
    for (std::size_t visit_idx = 0; visit_idx < visits->size(); ++visit_idx) {
      const json& item = (*visits)[visit_idx];
      const std::string path = "visits[" + std::to_string(visit_idx) + "]";
      solver::Visit visit;
      visit.id = fields.text(item, "id", path);
      if (!visit_ids.emplace(visit.id, static_cast<int>(visit_idx)).second)
        fields.add(ErrorCode::kDuplicate, path + ".id", "id \"" + visit.id + "\" used twice");
      visit.location = location_field(item, "location", path);
      visit.duration = fields.number(item, "duration", path, 0, true);
      if (visit.duration < 0) fields.add(ErrorCode::kInvalidValue, path + ".duration", "must not be negative");
      if (const json* windows = fields.array(item, "time_windows", path))
        for (std::size_t window_idx = 0; window_idx < windows->size(); ++window_idx) {
          TimeWindow window;
          const std::string at = path + ".time_windows[" + std::to_string(window_idx) + "]";
          if (!fields.window((*windows)[window_idx], at, window)) continue;
          if (!visit.windows.empty() && !(visit.windows.back().end < window.start))
            fields.add(ErrorCode::kInvalidValue, at, "windows must be in time order and must not overlap");
          visit.windows.push_back(window);
        }
      if (const json* list = fields.array(item, "skills", path))
        for (const json& skill : *list) {
          if (skill.is_string()) visit.skills.push_back(skill_index(skills, skill.get<std::string>()));
          else fields.add(ErrorCode::kWrongType, path + ".skills", "skills are strings");
        }
      visit.priority = static_cast<int>(fields.number(item, "priority", path, 1));
      if (visit.priority < 1) fields.add(ErrorCode::kInvalidValue, path + ".priority", "must be at least 1");
      visit.carers_needed = static_cast<int>(fields.number(item, "carers_needed", path, 1));
      if (visit.carers_needed != 1 && visit.carers_needed != 2)
        fields.add(ErrorCode::kInvalidValue, path + ".carers_needed", "must be 1 or 2; found " + std::to_string(visit.carers_needed));
      visit.demand = fields.number(item, "demand", path, 0);
      if (visit.demand < 0) fields.add(ErrorCode::kInvalidValue, path + ".demand", "must not be negative");
      visit.preferred_carers = carer_list(item, "preferred_carers", path);
      visit.excluded_carers = carer_list(item, "excluded_carers", path);
      problem.visits.push_back(std::move(visit));
    }
  }
  if (const json* links = fields.array(document, "precedences", "")) {
    for (std::size_t link_idx = 0; link_idx < links->size(); ++link_idx) {
      const json& item = (*links)[link_idx];
      const std::string path = "precedences[" + std::to_string(link_idx) + "]";
      solver::Precedence link;
      const std::string first = fields.text(item, "first", path);
      const std::string second = fields.text(item, "second", path);
      const auto first_found = visit_ids.find(first);
      const auto second_found = visit_ids.find(second);
      if (first_found == visit_ids.end()) fields.add(ErrorCode::kUnknownReference, path + ".first", "no visit \"" + first + "\"");
      if (second_found == visit_ids.end()) fields.add(ErrorCode::kUnknownReference, path + ".second", "no visit \"" + second + "\"");
      if (first_found == visit_ids.end() || second_found == visit_ids.end()) continue;
      if (first == second) fields.add(ErrorCode::kInvalidValue, path, "a visit cannot precede itself");
      link.first_visit = first_found->second;
      link.second_visit = second_found->second;
      link.min_gap = fields.number(item, "min_gap", path, 0);
      link.max_gap = fields.number(item, "max_gap", path, solver::kUnbounded);
      if (link.min_gap > link.max_gap) fields.add(ErrorCode::kInvalidValue, path, "min_gap above max_gap");
      problem.precedences.push_back(link);
    }
  }
  const json objective = document.value("objective", json::object());
  solver::Objective& weights = problem.objective;
  weights.distance_weight = fields.number(objective, "distance_weight", "objective", 1);
  weights.travel_time_weight = fields.number(objective, "travel_time_weight", "objective", 0);
  weights.route_cost = fields.number(objective, "route_cost", "objective", 0);
  weights.non_preferred_cost = fields.number(objective, "non_preferred_cost", "objective", 0);
  weights.allow_lateness = fields.flag(objective, "allow_lateness", "objective", false);
  weights.lateness_weight = fields.number(objective, "lateness_weight", "objective", 0);
  weights.max_lateness_weight = fields.number(objective, "max_lateness_weight", "objective", 0);
  weights.fewest_routes_first = fields.flag(objective, "fewest_routes_first", "objective", false);
  if (!issues.empty()) return fail(std::move(issues));
  for (const std::string& error : solver::find_problem_errors(problem)) {
    const auto colon = error.find(": ");
    issues.push_back({ErrorCode::kInvalidValue, error.substr(0, colon), colon == std::string::npos ? error : error.substr(colon + 2)});
  }
  if (!issues.empty()) return fail(std::move(issues));
  return problem;
}

json problem_to_json(const Problem& problem) {
  json document;
  document["name"] = problem.name;
  std::map<int, std::string> skill_names;
  const auto skill_name = [](int skill) { return "s" + std::to_string(skill + 1); };
  const auto time_or_null = [](double value) { return std::isinf(value) ? json() : json(value); };
  const auto& travel = problem.travel;
  if (travel.kind == solver::TravelModel::Kind::kMatrix) {
    json durations = json::array();
    json distances = json::array();
    for (int from = 0; from < travel.location_count; ++from) {
      json duration_row = json::array();
      json distance_row = json::array();
      for (int to = 0; to < travel.location_count; ++to) {
        duration_row.push_back(solver::travel_duration(travel, from, to));
        distance_row.push_back(solver::travel_distance(travel, from, to));
      }
      durations.push_back(std::move(duration_row));
      distances.push_back(std::move(distance_row));
    }
    document["travel"] = {{"kind", "matrix"}, {"durations", durations}, {"distances", distances}};
  } else {
    if (travel.kind == solver::TravelModel::Kind::kEuclidean)
      document["travel"] = {{"kind", "euclidean"}, {"truncate_to_tenth", travel.truncate_to_tenth}};
    else
      document["travel"] = {{"kind", "great_circle"}, {"road_factor", travel.road_factor},
                            {"speed_metres_per_minute", travel.speed_metres_per_time_unit}};
    json locations = json::array();
    for (int location = 0; location < travel.location_count; ++location)
      locations.push_back({travel.x[location], travel.y[location]});
    document["locations"] = std::move(locations);
  }
  json carers = json::array();
  for (const solver::Carer& carer : problem.carers) {
    json item{{"id", carer.id}, {"start_location", carer.start_location}, {"end_location", carer.end_location},
              {"shift", {carer.shift.start, time_or_null(carer.shift.end)}}};
    json skills = json::array();
    for (int skill : carer.skills) skills.push_back(skill_name(skill));
    item["skills"] = skills;
    if (!carer.breaks.empty()) {
      json breaks = json::array();
      for (const solver::Break& rest : carer.breaks)
        breaks.push_back({{"window", {rest.window.start, rest.window.end}}, {"duration", rest.duration}});
      item["breaks"] = breaks;
    }
    if (!std::isinf(carer.max_working_time)) item["max_working_time"] = carer.max_working_time;
    if (carer.speed_factor != 1) item["speed_factor"] = carer.speed_factor;
    if (!std::isinf(carer.capacity)) item["capacity"] = carer.capacity;
    carers.push_back(std::move(item));
  }
  json visits = json::array();
  for (const solver::Visit& visit : problem.visits) {
    json item{{"id", visit.id}, {"location", visit.location}, {"duration", visit.duration}};
    json windows = json::array();
    for (const TimeWindow& window : visit.windows) windows.push_back({window.start, time_or_null(window.end)});
    item["time_windows"] = windows;
    json skills = json::array();
    for (int skill : visit.skills) skills.push_back(skill_name(skill));
    item["skills"] = skills;
    if (visit.priority != 1) item["priority"] = visit.priority;
    if (visit.carers_needed != 1) item["carers_needed"] = visit.carers_needed;
    if (visit.demand != 0) item["demand"] = visit.demand;
    json preferred = json::array();
    for (int carer : visit.preferred_carers) preferred.push_back(problem.carers[carer].id);
    if (!preferred.empty()) item["preferred_carers"] = preferred;
    json excluded = json::array();
    for (int carer : visit.excluded_carers) excluded.push_back(problem.carers[carer].id);
    if (!excluded.empty()) item["excluded_carers"] = excluded;
    visits.push_back(std::move(item));
  }
  document["carers"] = std::move(carers);
  document["visits"] = std::move(visits);
  json links = json::array();
  for (const solver::Precedence& link : problem.precedences) {
    json item{{"first", problem.visits[link.first_visit].id}, {"second", problem.visits[link.second_visit].id},
              {"min_gap", link.min_gap}};
    if (!std::isinf(link.max_gap)) item["max_gap"] = link.max_gap;
    links.push_back(std::move(item));
  }
  document["precedences"] = std::move(links);
  const solver::Objective& weights = problem.objective;
  document["objective"] = {{"distance_weight", weights.distance_weight},
                           {"travel_time_weight", weights.travel_time_weight},
                           {"route_cost", weights.route_cost},
                           {"non_preferred_cost", weights.non_preferred_cost},
                           {"allow_lateness", weights.allow_lateness},
                           {"lateness_weight", weights.lateness_weight},
                           {"max_lateness_weight", weights.max_lateness_weight},
                           {"fewest_routes_first", weights.fewest_routes_first}};
  return document;
}

json solution_to_json(const Problem& problem, const solver::Solution& solution) {
  json routes = json::array();
  for (const solver::Route& route : solution.routes) {
    json stops = json::array();
    for (const solver::Stop& stop : route.stops) {
      if (stop.kind == solver::Stop::Kind::kVisit)
        stops.push_back({{"type", "visit"}, {"visit", problem.visits[stop.index].id}, {"arrival", stop.arrival},
                         {"start", stop.start}, {"end", stop.end}});
      else
        stops.push_back({{"type", "break"}, {"break", stop.index}, {"start", stop.start}, {"end", stop.end}});
    }
    routes.push_back({{"carer", problem.carers[route.carer].id}, {"departure", route.departure},
                      {"return", route.return_time}, {"distance", route.distance}, {"travel_time", route.travel_time},
                      {"working_time", route.working_time}, {"load", route.load}, {"stops", stops}});
  }
  json unassigned = json::array();
  for (const solver::Unassigned& entry : solution.unassigned)
    unassigned.push_back({{"visit", problem.visits[entry.visit].id}, {"reason", solver::unassigned_reason_name(entry.reason)}});
  const solver::Cost& cost = solution.cost;
  return {{"problem", problem.name},
          {"cost", {{"objective", cost.objective}, {"unassigned_visits", cost.unassigned_visits},
                    {"unassigned_priority", cost.unassigned_priority}, {"distance", cost.distance},
                    {"travel_time", cost.travel_time}, {"total_lateness", cost.total_lateness},
                    {"max_lateness", cost.max_lateness}, {"non_preferred_visits", cost.non_preferred_visits},
                    {"routes", cost.routes_used}}},
          {"routes", routes},
          {"unassigned", unassigned},
          {"iterations", solution.iterations}};
}

Result<solver::Solution> solution_from_json(const Problem& problem, const json& document) {
  Issues issues;
  Fields fields(issues);
  if (!document.is_object()) return fail(ErrorCode::kWrongType, "", "the solution must be a JSON object");
  std::map<std::string, int> visit_ids;
  std::map<std::string, int> carer_ids;
  for (std::size_t visit_idx = 0; visit_idx < problem.visits.size(); ++visit_idx)
    visit_ids[problem.visits[visit_idx].id] = static_cast<int>(visit_idx);
  for (std::size_t carer_idx = 0; carer_idx < problem.carers.size(); ++carer_idx)
    carer_ids[problem.carers[carer_idx].id] = static_cast<int>(carer_idx);
  solver::Solution solution;
  if (const json* routes = fields.array(document, "routes", "", true))
    for (std::size_t route_idx = 0; route_idx < routes->size(); ++route_idx) {
      const json& item = (*routes)[route_idx];
      const std::string path = "routes[" + std::to_string(route_idx) + "]";
      solver::Route route;
      const std::string carer = fields.text(item, "carer", path);
      const auto found = carer_ids.find(carer);
      if (found == carer_ids.end()) {
        fields.add(ErrorCode::kUnknownReference, path + ".carer", "no carer \"" + carer + "\"");
        continue;
      }
      route.carer = found->second;
      route.departure = fields.number(item, "departure", path, 0, true);
      route.return_time = fields.number(item, "return", path, 0, true);
      route.distance = fields.number(item, "distance", path, 0);
      if (const json* stops = fields.array(item, "stops", path, true))
        for (std::size_t stop_idx = 0; stop_idx < stops->size(); ++stop_idx) {
          const json& entry = (*stops)[stop_idx];
          const std::string at = path + ".stops[" + std::to_string(stop_idx) + "]";
          solver::Stop stop;
          if (fields.text(entry, "type", at) == "break") {
            stop.kind = solver::Stop::Kind::kBreak;
            stop.index = static_cast<int>(fields.number(entry, "break", at, 0, true));
          } else {
            const std::string visit = fields.text(entry, "visit", at);
            const auto visit_found = visit_ids.find(visit);
            if (visit_found == visit_ids.end()) {
              fields.add(ErrorCode::kUnknownReference, at + ".visit", "no visit \"" + visit + "\"");
              continue;
            }
            stop.index = visit_found->second;
            stop.arrival = fields.number(entry, "arrival", at, 0, true);
          }
          stop.start = fields.number(entry, "start", at, 0, true);
          stop.end = fields.number(entry, "end", at, 0, true);
          if (stop.kind == solver::Stop::Kind::kBreak) stop.arrival = stop.start;
          route.stops.push_back(stop);
        }
      solution.routes.push_back(std::move(route));
    }
  if (const json* unassigned = fields.array(document, "unassigned", "", true))
    for (std::size_t entry_idx = 0; entry_idx < unassigned->size(); ++entry_idx) {
      const std::string path = "unassigned[" + std::to_string(entry_idx) + "]";
      const std::string visit = fields.text((*unassigned)[entry_idx], "visit", path);
      const std::string reason = fields.text((*unassigned)[entry_idx], "reason", path);
      const auto found = visit_ids.find(visit);
      if (found == visit_ids.end()) {
        fields.add(ErrorCode::kUnknownReference, path + ".visit", "no visit \"" + visit + "\"");
        continue;
      }
      solver::Unassigned entry{found->second, solver::UnassignedReason::kCarersFullyBooked};
      bool known = false;
      for (auto code : {solver::UnassignedReason::kNoSkilledCarer, solver::UnassignedReason::kCapacity,
                        solver::UnassignedReason::kOutsideShifts, solver::UnassignedReason::kWindowUnreachable,
                        solver::UnassignedReason::kCarersFullyBooked})
        if (reason == solver::unassigned_reason_name(code)) {
          entry.reason = code;
          known = true;
        }
      if (!known) fields.add(ErrorCode::kInvalidValue, path + ".reason", "unknown reason \"" + reason + "\"");
      solution.unassigned.push_back(entry);
    }
  const json cost = document.value("cost", json::object());
  solution.cost.objective = fields.number(cost, "objective", "cost", 0, true);
  solution.cost.unassigned_visits = static_cast<int>(fields.number(cost, "unassigned_visits", "cost", 0, true));
  solution.cost.unassigned_priority = fields.number(cost, "unassigned_priority", "cost", 0, true);
  if (!issues.empty()) return fail(std::move(issues));
  return solution;
}

Result<Problem> read_iolab(const json& document, const std::string& source) {
  Issues issues;
  Fields fields(issues);
  Problem problem;
  problem.name = source.substr(source.find_last_of('/') + 1);
  problem.name = problem.name.substr(0, problem.name.find_last_of('.'));
  std::map<std::string, int> services;
  if (const json* list = fields.array(document, "services", source, true))
    for (std::size_t service_idx = 0; service_idx < list->size(); ++service_idx)
      services[fields.text((*list)[service_idx], "id", source + ": services[" + std::to_string(service_idx) + "]")] =
          static_cast<int>(service_idx);
  const json* patients = fields.array(document, "patients", source, true);
  const json* distances = fields.array(document, "distances", source, true);
  if (!patients || !distances) return fail(std::move(issues));
  const auto size = patients->size() + 1;  // the office first
  if (distances->size() != size) fields.add(ErrorCode::kInvalidValue, source + ": distances", "must be (patients + 1) square");
  problem.travel.kind = solver::TravelModel::Kind::kMatrix;
  problem.travel.location_count = static_cast<int>(size);
  for (std::size_t from = 0; from < size && issues.empty(); ++from)
    for (std::size_t to = 0; to < size; ++to) {
      const json& row = (*distances)[from];
      if (!row.is_array() || row.size() != size || !row[to].is_number()) {
        fields.add(ErrorCode::kInvalidValue, source + ": distances[" + std::to_string(from) + "]", "must have one number per place");
        break;
      }
      problem.travel.distance_matrix.push_back(row[to].get<double>());
      problem.travel.duration_matrix.push_back(row[to].get<double>());
    }
  for (std::size_t patient_idx = 0; patient_idx < patients->size(); ++patient_idx) {
    const json& patient = (*patients)[patient_idx];
    const std::string path = source + ": patients[" + std::to_string(patient_idx) + "]";
    const std::string id = fields.text(patient, "id", path);
    TimeWindow window;
    fields.window(patient.value("time_window", json()), path + ".time_window", window);
    const json* required = fields.array(patient, "required_caregivers", path, true);
    if (!required) continue;
    std::vector<int> made;
    for (std::size_t need_idx = 0; need_idx < required->size(); ++need_idx) {
      const json& need = (*required)[need_idx];
      const std::string at = path + ".required_caregivers[" + std::to_string(need_idx) + "]";
      const std::string service = fields.text(need, "service", at);
      const auto found = services.find(service);
      if (found == services.end()) {
        fields.add(ErrorCode::kUnknownReference, at + ".service", "no service \"" + service + "\"");
        continue;
      }
      solver::Visit visit;
      visit.id = required->size() > 1 ? id + "/" + service : id;
      visit.location = static_cast<int>(patient_idx + 1);
      visit.duration = fields.number(need, "duration", at, 0, true);
      visit.windows = {window};
      visit.skills = {found->second};
      made.push_back(static_cast<int>(problem.visits.size()));
      problem.visits.push_back(std::move(visit));
    }
    if (made.size() == 2) {
      const json sync = patient.value("synchronization", json::object());
      const std::string type = sync.value("type", "simultaneous");
      solver::Precedence link{made[0], made[1], 0, 0};
      if (type == "sequential") {
        const json gap = sync.value("distance", json::array({0, 0}));
        if (gap.is_array() && gap.size() == 2 && gap[0].is_number() && gap[1].is_number()) {
          link.min_gap = gap[0].get<double>();
          link.max_gap = gap[1].get<double>();
        } else {
          fields.add(ErrorCode::kWrongType, path + ".synchronization.distance", "expected [min, max]");
        }
      }
      problem.precedences.push_back(link);
    } else if (made.size() > 2) {
      fields.add(ErrorCode::kInvalidValue, path + ".required_caregivers", "at most two services per patient");
    }
  }
  if (const json* caregivers = fields.array(document, "caregivers", source, true))
    for (std::size_t carer_idx = 0; carer_idx < caregivers->size(); ++carer_idx) {
      const json& item = (*caregivers)[carer_idx];
      solver::Carer carer;
      carer.id = fields.text(item, "id", source + ": caregivers[" + std::to_string(carer_idx) + "]");
      carer.shift = {0, solver::kUnbounded};
      for (const json& ability : item.value("abilities", json::array()))
        if (ability.is_string() && services.count(ability.get<std::string>()))
          carer.skills.push_back(services[ability.get<std::string>()]);
      problem.carers.push_back(std::move(carer));
    }
  problem.objective.distance_weight = 1.0 / 3;
  problem.objective.allow_lateness = true;
  problem.objective.lateness_weight = 1.0 / 3;
  problem.objective.max_lateness_weight = 1.0 / 3;
  if (!issues.empty()) return fail(std::move(issues));
  return problem;
}

}  // namespace allot::solver_io
