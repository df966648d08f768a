// Allot's problem and solution JSON (docs/solver.md) and the iolab HHCRSP JSON.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "allot/base/enum_text.h"
#include "allot/base/json_reader.h"
#include "allot/solver_io/readers.h"

namespace allot::solver_io {
namespace {

using nlohmann::json;
using solver::Problem;
using solver::TimeWindow;

constexpr auto kTravelKinds = make_enum_text<solver::TravelModel::Kind>({
    {solver::TravelModel::Kind::kMatrix, "matrix"},
    {solver::TravelModel::Kind::kEuclidean, "euclidean"},
    {solver::TravelModel::Kind::kGreatCircle, "great_circle"},
});
static_assert(kTravelKinds.covers_through(solver::TravelModel::Kind::kGreatCircle));

constexpr auto kStopKinds = make_enum_text<solver::Stop::Kind>({
    {solver::Stop::Kind::kVisit, "visit"},
    {solver::Stop::Kind::kBreak, "break"},
});
static_assert(kStopKinds.covers_through(solver::Stop::Kind::kBreak));

using solver::kObstacleNames;
using solver::kUnassignedReasonNames;

constexpr NumberRule kNotNegative{.min = 0};

std::string items_text(std::size_t count) { return std::to_string(count) + (count == 1 ? " item" : " items"); }

// Ids are strings; a whole number is taken as its digits (older files number their carers).
std::string read_id(const JsonReader& field) {
  if (field.present() && field.json()->is_number_integer()) return field.json()->dump();
  return field.text().value_or("");
}

double number_or(const JsonReader& field, double fallback, const NumberRule& rule = {}) {
  return field.number(rule).value_or(fallback);
}

double positive_or(const JsonReader& field, double fallback) {
  const std::optional<double> value = field.number();
  if (value && !(*value > 0)) {
    field.add(ErrorCode::kInvalidValue, "must be above 0; found " + describe_json(*field.json()));
    return fallback;
  }
  return value.value_or(fallback);
}

// "[start, end]" with start <= end; a null end is unbounded (docs/solver.md).
std::optional<TimeWindow> read_window(const JsonReader& field) {
  if (!field.present()) return std::nullopt;
  const json& value = *field.json();
  if (!value.is_array() || value.size() != 2) {
    field.add(ErrorCode::kWrongType, "expected [start, end]; found " +
                                         (value.is_array() ? items_text(value.size()) : describe_json(value)));
    return std::nullopt;
  }
  const std::vector<JsonReader> ends = *field.array();
  const std::optional<double> start = ends[0].number();
  const std::optional<double> end = value[1].is_null() ? solver::kUnbounded : ends[1].number();
  if (!start || !end) return std::nullopt;
  if (*start > *end) {
    field.add(ErrorCode::kInvalidValue, "must not end before it starts; found " + value.dump());
    return std::nullopt;
  }
  return TimeWindow{*start, *end};
}

// [x, y] or [longitude, latitude].
bool read_point(const JsonReader& field, Problem& problem) {
  const json& value = *field.json();
  if (!value.is_array() || value.size() != 2) {
    field.add(ErrorCode::kWrongType, "expected [x, y] (great_circle: [longitude, latitude]); found " +
                                         (value.is_array() ? items_text(value.size()) : describe_json(value)));
    return false;
  }
  const std::vector<JsonReader> coordinates = *field.array();
  const std::optional<double> x = coordinates[0].number();
  const std::optional<double> y = coordinates[1].number();
  if (!x || !y) return false;
  problem.travel.x.push_back(*x);
  problem.travel.y.push_back(*y);
  return true;
}

// A square matrix of non-negative numbers, one row per location. Cells are checked
// directly: a matrix of a thousand locations has a million of them.
bool read_matrix(const JsonReader& field, std::size_t size, std::vector<double>& out) {
  const json& rows = *field.json();
  const NumberRule rule = kNotNegative;
  for (std::size_t from = 0; from < size; ++from) {
    const json* row = from < rows.size() ? &rows[from] : nullptr;
    if (row == nullptr || !row->is_array() || row->size() != size) {
      field.issues().push_back({ErrorCode::kInvalidValue, index_path(field.path(), from),
                                "expected a row of " + std::to_string(size) + " non-negative numbers; found " +
                                    (row == nullptr ? std::string("no row")
                                     : row->is_array() ? items_text(row->size())
                                                       : describe_json(*row))});
      return false;
    }
    for (std::size_t to = 0; to < size; ++to) {
      const json& cell = (*row)[to];
      const double value = cell.is_number() ? cell.get<double>() : -1;
      if (!(value >= rule.min && value <= rule.max)) {
        JsonReader(cell, field.issues(), index_path(index_path(field.path(), from), to)).number(rule);
        return false;
      }
      out.push_back(value);
    }
  }
  return true;
}

std::vector<int> read_skills(const JsonReader& field, std::map<std::string, int>& skills) {
  std::vector<int> out;
  for (const JsonReader& item : field.array().value_or(std::vector<JsonReader>{})) {
    if (auto name = item.text({.min_length = 1})) {
      out.push_back(skills.emplace(*name, static_cast<int>(skills.size())).first->second);
    }
  }
  return out;
}

void read_travel(const JsonObjectReader& root, Problem& problem) {
  const JsonReader travel_field = root.optional("travel");
  const std::optional<JsonObjectReader> travel = travel_field.present() ? travel_field.object() : std::nullopt;
  if (travel_field.present() && !travel) return;
  const json empty = json::object();
  Issues& issues = root.issues();
  const JsonObjectReader fields = travel ? *travel : JsonObjectReader(empty, issues, "travel");
  fields.known_fields({"kind", "durations", "distances", "truncate_to_tenth", "road_factor", "speed_metres_per_minute"});
  const JsonReader kind_field = fields.optional("kind");
  const JsonReader durations = fields.optional("durations");
  // Without a known kind, read on as the default so locations and visits are still checked.
  const solver::TravelModel::Kind kind =
      kind_field.one_of(kTravelKinds)
          .value_or(durations.present() ? solver::TravelModel::Kind::kMatrix : solver::TravelModel::Kind::kEuclidean);
  problem.travel.kind = kind;
  if (kind == solver::TravelModel::Kind::kMatrix) {
    if (!durations.present()) {
      durations.add(ErrorCode::kMissingField, "is required for a matrix");
      return;
    }
    const auto duration_rows = durations.array();
    if (!duration_rows) return;
    const std::size_t size = duration_rows->size();
    problem.travel.location_count = static_cast<int>(size);
    const JsonReader distances = fields.optional("distances");
    if (distances.present() && !distances.array()) return;
    if (read_matrix(durations, size, problem.travel.duration_matrix)) {
      read_matrix(distances.present() ? distances : durations, size, problem.travel.distance_matrix);
    }
    return;
  }
  if (kind == solver::TravelModel::Kind::kEuclidean) {
    problem.travel.truncate_to_tenth = fields.optional("truncate_to_tenth").boolean().value_or(false);
  } else {
    problem.travel.road_factor = number_or(fields.optional("road_factor"), 1.3);
    problem.travel.speed_metres_per_time_unit = positive_or(fields.optional("speed_metres_per_minute"), 500);
  }
  const JsonReader locations = root.optional("locations");
  if (!locations.present()) {
    locations.add(ErrorCode::kMissingField, "is required unless travel has matrices");
    return;
  }
  const auto points = locations.array();
  if (!points) return;
  for (const JsonReader& point : *points) read_point(point, problem);
  problem.travel.location_count = static_cast<int>(points->size());
}

// Reads a problem's carers, visits and precedences, resolving ids as it goes.
struct ProblemReader {
  Problem& problem;
  std::map<std::string, int> skills;
  std::map<std::string, int> carer_ids;
  std::map<std::string, int> visit_ids;

  int location(const JsonReader& field) const {
    const std::optional<std::int64_t> index = field.whole();
    if (!index) return 0;
    if (*index < 0 || *index >= problem.travel.location_count) {
      field.add(ErrorCode::kInvalidValue, "must be a location index below " + std::to_string(problem.travel.location_count) +
                                              "; found " + std::to_string(*index));
      return 0;
    }
    return static_cast<int>(*index);
  }

  std::vector<int> carer_list(const JsonReader& field) const {
    std::vector<int> list;
    for (const JsonReader& item : field.array().value_or(std::vector<JsonReader>{})) {
      const std::string id = read_id(item);
      const auto found = carer_ids.find(id);
      if (found != carer_ids.end()) {
        list.push_back(found->second);
      } else if (item.json()->is_string() || item.json()->is_number_integer()) {
        item.add(ErrorCode::kUnknownReference, "no carer \"" + id + "\"");
      }
    }
    return list;
  }

  void carer(const JsonObjectReader& item, int carer_idx) {
    item.known_fields({"id", "start_location", "end_location", "shift", "skills", "breaks", "max_working_time",
                       "speed_factor", "capacity"});
    solver::Carer carer;
    const JsonReader id_field = item.required("id");
    carer.id = read_id(id_field);
    if (id_field.present() && !carer_ids.emplace(carer.id, carer_idx).second) {
      id_field.add(ErrorCode::kDuplicate, "id \"" + carer.id + "\" used twice");
    }
    carer.start_location = location(item.required("start_location"));
    const JsonReader end_location = item.optional("end_location");
    carer.end_location = end_location.present() ? location(end_location) : carer.start_location;
    if (auto shift = read_window(item.optional("shift"))) carer.shift = *shift;
    for (const JsonReader& rest_field : item.optional("breaks").array().value_or(std::vector<JsonReader>{})) {
      const auto rest_object = rest_field.object();
      if (!rest_object) continue;
      rest_object->known_fields({"window", "duration"});
      solver::Break rest;
      if (auto window = read_window(rest_object->required("window"))) rest.window = *window;
      rest.duration = number_or(rest_object->required("duration"), 0, kNotNegative);
      carer.breaks.push_back(rest);
    }
    carer.skills = read_skills(item.optional("skills"), skills);
    carer.max_working_time = number_or(item.optional("max_working_time"), solver::kUnbounded);
    carer.speed_factor = positive_or(item.optional("speed_factor"), 1);
    carer.capacity = number_or(item.optional("capacity"), solver::kUnbounded);
    problem.carers.push_back(std::move(carer));
  }

  void visit(const JsonObjectReader& item, int visit_idx) {
    item.known_fields({"id", "location", "duration", "time_windows", "skills", "priority", "carers_needed", "demand",
                       "preferred_carers", "excluded_carers"});
    solver::Visit visit;
    const JsonReader id_field = item.required("id");
    visit.id = read_id(id_field);
    if (id_field.present() && !visit_ids.emplace(visit.id, visit_idx).second) {
      id_field.add(ErrorCode::kDuplicate, "id \"" + visit.id + "\" used twice");
    }
    visit.location = location(item.required("location"));
    visit.duration = number_or(item.required("duration"), 0, kNotNegative);
    for (const JsonReader& window_field : item.optional("time_windows").array().value_or(std::vector<JsonReader>{})) {
      const std::optional<TimeWindow> window = read_window(window_field);
      if (!window) continue;
      if (!visit.windows.empty() && !(visit.windows.back().end < window->start)) {
        window_field.add(ErrorCode::kInvalidValue, "windows must be in time order and must not overlap");
      }
      visit.windows.push_back(*window);
    }
    visit.skills = read_skills(item.optional("skills"), skills);
    visit.priority = static_cast<int>(item.optional("priority").whole({.min = 1, .max = 1'000'000}).value_or(1));
    const JsonReader carers_needed = item.optional("carers_needed");
    if (auto needed = carers_needed.whole()) {
      if (*needed == 1 || *needed == 2) {
        visit.carers_needed = static_cast<int>(*needed);
      } else {
        carers_needed.add(ErrorCode::kInvalidValue, "must be 1 or 2; found " + std::to_string(*needed));
      }
    }
    visit.demand = number_or(item.optional("demand"), 0, kNotNegative);
    visit.preferred_carers = carer_list(item.optional("preferred_carers"));
    visit.excluded_carers = carer_list(item.optional("excluded_carers"));
    problem.visits.push_back(std::move(visit));
  }

  void precedence(const JsonObjectReader& item) {
    item.known_fields({"first", "second", "min_gap", "max_gap", "different_carers"});
    const JsonReader first_field = item.required("first");
    const JsonReader second_field = item.required("second");
    const std::string first = read_id(first_field);
    const std::string second = read_id(second_field);
    const auto first_found = visit_ids.find(first);
    const auto second_found = visit_ids.find(second);
    if (first_field.present() && first_found == visit_ids.end()) {
      first_field.add(ErrorCode::kUnknownReference, "no visit \"" + first + "\"");
    }
    if (second_field.present() && second_found == visit_ids.end()) {
      second_field.add(ErrorCode::kUnknownReference, "no visit \"" + second + "\"");
    }
    if (first_found == visit_ids.end() || second_found == visit_ids.end()) return;
    if (first == second) item.add(ErrorCode::kInvalidValue, "a visit cannot precede itself");
    solver::Precedence link;
    link.first_visit = first_found->second;
    link.second_visit = second_found->second;
    link.min_gap = number_or(item.optional("min_gap"), 0);
    link.max_gap = number_or(item.optional("max_gap"), solver::kUnbounded);
    if (link.min_gap > link.max_gap) item.add(ErrorCode::kInvalidValue, "min_gap above max_gap");
    link.different_carers = item.optional("different_carers").boolean().value_or(false);
    problem.precedences.push_back(link);
  }

  void objective(const JsonReader& field) {
    const auto object = field.object();
    if (!object) return;
    object->known_fields({"distance_weight", "travel_time_weight", "route_cost", "non_preferred_cost", "allow_lateness",
                          "lateness_weight", "max_lateness_weight", "fewest_routes_first"});
    solver::Objective& weights = problem.objective;
    weights.distance_weight = number_or(object->optional("distance_weight"), 1);
    weights.travel_time_weight = number_or(object->optional("travel_time_weight"), 0);
    weights.route_cost = number_or(object->optional("route_cost"), 0);
    weights.non_preferred_cost = number_or(object->optional("non_preferred_cost"), 0);
    weights.allow_lateness = object->optional("allow_lateness").boolean().value_or(false);
    weights.lateness_weight = number_or(object->optional("lateness_weight"), 0);
    weights.max_lateness_weight = number_or(object->optional("max_lateness_weight"), 0);
    weights.fewest_routes_first = object->optional("fewest_routes_first").boolean().value_or(false);
  }
};

}  // namespace

Result<Problem> problem_from_json(const json& document) {
  Issues issues;
  const std::optional<JsonObjectReader> root = JsonReader(document, issues).object();
  if (!root) return fail(std::move(issues));
  root->known_fields({"name", "travel", "locations", "carers", "visits", "precedences", "objective"});
  Problem problem;
  problem.name = root->optional("name").text().value_or("");
  read_travel(*root, problem);
  ProblemReader reader{problem, {}, {}, {}};
  // carers first: visits refer to them by id
  if (const auto carers = root->required("carers").array()) {
    for (std::size_t carer_idx = 0; carer_idx < carers->size(); ++carer_idx) {
      if (const auto item = (*carers)[carer_idx].object()) reader.carer(*item, static_cast<int>(carer_idx));
    }
  }
  if (const auto visits = root->required("visits").array()) {
    for (std::size_t visit_idx = 0; visit_idx < visits->size(); ++visit_idx) {
      if (const auto item = (*visits)[visit_idx].object()) reader.visit(*item, static_cast<int>(visit_idx));
    }
  }
  for (const JsonReader& link : root->optional("precedences").array().value_or(std::vector<JsonReader>{})) {
    if (const auto item = link.object()) reader.precedence(*item);
  }
  reader.objective(root->optional("objective"));
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
    document["travel"] = {{"kind", kTravelKinds.name(travel.kind)}, {"durations", durations}, {"distances", distances}};
  } else {
    if (travel.kind == solver::TravelModel::Kind::kEuclidean)
      document["travel"] = {{"kind", kTravelKinds.name(travel.kind)}, {"truncate_to_tenth", travel.truncate_to_tenth}};
    else
      document["travel"] = {{"kind", kTravelKinds.name(travel.kind)}, {"road_factor", travel.road_factor},
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
    if (link.different_carers) item["different_carers"] = true;
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
        stops.push_back({{"type", kStopKinds.name(stop.kind)}, {"visit", problem.visits[stop.index].id}, {"arrival", stop.arrival},
                         {"start", stop.start}, {"end", stop.end}});
      else
        stops.push_back({{"type", kStopKinds.name(stop.kind)}, {"break", stop.index}, {"start", stop.start}, {"end", stop.end}});
    }
    routes.push_back({{"carer", problem.carers[route.carer].id}, {"departure", route.departure},
                      {"return", route.return_time}, {"distance", route.distance}, {"travel_time", route.travel_time},
                      {"working_time", route.working_time}, {"load", route.load}, {"stops", stops}});
  }
  json unassigned = json::array();
  for (const solver::Unassigned& entry : solution.unassigned) {
    json carers = json::array();
    for (const solver::CarerObstacle& stopped : entry.carers)
      carers.push_back({{"carer", problem.carers[stopped.carer].id}, {"obstacle", kObstacleNames.name(stopped.obstacle)}});
    unassigned.push_back({{"visit", problem.visits[entry.visit].id},
                          {"reason", kUnassignedReasonNames.name(entry.reason)},
                          {"carers", std::move(carers)}});
  }
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
  const std::optional<JsonObjectReader> root = JsonReader(document, issues).object();
  if (!root) return fail(std::move(issues));
  std::map<std::string, int> visit_ids;
  std::map<std::string, int> carer_ids;
  for (std::size_t visit_idx = 0; visit_idx < problem.visits.size(); ++visit_idx)
    visit_ids[problem.visits[visit_idx].id] = static_cast<int>(visit_idx);
  for (std::size_t carer_idx = 0; carer_idx < problem.carers.size(); ++carer_idx)
    carer_ids[problem.carers[carer_idx].id] = static_cast<int>(carer_idx);
  // The visit an id names, or nothing (with an issue).
  const auto visit_index = [&](const JsonReader& field) -> std::optional<int> {
    const std::string visit = read_id(field);
    const auto found = visit_ids.find(visit);
    if (found != visit_ids.end()) return found->second;
    if (field.present() && (field.json()->is_string() || field.json()->is_number_integer()))
      field.add(ErrorCode::kUnknownReference, "no visit \"" + visit + "\"");
    return std::nullopt;
  };
  // The carer an id names, or nothing (with an issue).
  const auto carer_index = [&](const JsonReader& field) -> std::optional<int> {
    const std::string carer = read_id(field);
    const auto found = carer_ids.find(carer);
    if (found != carer_ids.end()) return found->second;
    if (field.present() && (field.json()->is_string() || field.json()->is_number_integer()))
      field.add(ErrorCode::kUnknownReference, "no carer \"" + carer + "\"");
    return std::nullopt;
  };
  solver::Solution solution;
  for (const JsonReader& route_field : root->required("routes").array().value_or(std::vector<JsonReader>{})) {
    const auto item = route_field.object();
    if (!item) continue;
    solver::Route route;
    const std::optional<int> carer = carer_index(item->required("carer"));
    if (!carer) continue;
    route.carer = *carer;
    route.departure = number_or(item->required("departure"), 0);
    route.return_time = number_or(item->required("return"), 0);
    route.distance = number_or(item->optional("distance"), 0);
    for (const JsonReader& stop_field : item->required("stops").array().value_or(std::vector<JsonReader>{})) {
      const auto entry = stop_field.object();
      if (!entry) continue;
      const std::optional<solver::Stop::Kind> kind = entry->required("type").one_of(kStopKinds);
      if (!kind) continue;
      solver::Stop stop;
      stop.kind = *kind;
      if (stop.kind == solver::Stop::Kind::kBreak) {
        stop.index = static_cast<int>(entry->required("break").whole({.min = 0, .max = 1'000'000}).value_or(0));
      } else {
        const std::optional<int> visit = visit_index(entry->required("visit"));
        if (!visit) continue;
        stop.index = *visit;
        stop.arrival = number_or(entry->required("arrival"), 0);
      }
      stop.start = number_or(entry->required("start"), 0);
      stop.end = number_or(entry->required("end"), 0);
      if (stop.kind == solver::Stop::Kind::kBreak) stop.arrival = stop.start;
      route.stops.push_back(stop);
    }
    solution.routes.push_back(std::move(route));
  }
  for (const JsonReader& entry_field : root->required("unassigned").array().value_or(std::vector<JsonReader>{})) {
    const auto entry = entry_field.object();
    if (!entry) continue;
    const std::optional<int> visit = visit_index(entry->required("visit"));
    const std::optional<solver::UnassignedReason> reason = entry->required("reason").one_of(kUnassignedReasonNames);
    std::vector<solver::CarerObstacle> stopped;
    for (const JsonReader& carer_field : entry->optional("carers").array().value_or(std::vector<JsonReader>{})) {
      const auto item = carer_field.object();
      if (!item) continue;
      const std::optional<int> carer = carer_index(item->required("carer"));
      const std::optional<solver::Obstacle> obstacle = item->required("obstacle").one_of(kObstacleNames);
      if (carer && obstacle) stopped.push_back({*carer, *obstacle});
    }
    if (visit && reason) solution.unassigned.push_back({*visit, *reason, std::move(stopped)});
  }
  if (const auto cost = root->required("cost").object()) {
    solution.cost.objective = number_or(cost->required("objective"), 0);
    solution.cost.unassigned_visits =
        static_cast<int>(cost->required("unassigned_visits").whole({.min = 0, .max = 1'000'000'000}).value_or(0));
    solution.cost.unassigned_priority = number_or(cost->required("unassigned_priority"), 0);
  }
  if (!issues.empty()) return fail(std::move(issues));
  return solution;
}

namespace {

void read_iolab_patients(const std::vector<JsonReader>& patients, const std::map<std::string, int>& services,
                         Problem& problem) {
  std::set<std::string> seen;
  std::set<std::string> visit_ids;
  for (std::size_t patient_idx = 0; patient_idx < patients.size(); ++patient_idx) {
    const auto patient = patients[patient_idx].object();
    if (!patient) continue;
    const JsonReader id_field = patient->required("id");
    const std::string id = read_id(id_field);
    // A visit is named after its patient: two patients of one name could not be told apart.
    if (id_field.present() && !seen.insert(id).second) id_field.add(ErrorCode::kDuplicate, "id \"" + id + "\" used twice");
    const TimeWindow window = read_window(patient->required("time_window")).value_or(TimeWindow{});
    const auto required = patient->required("required_caregivers").array();
    if (!required) continue;
    std::vector<int> made;
    for (const JsonReader& need_field : *required) {
      const auto need = need_field.object();
      if (!need) continue;
      const JsonReader service_field = need->required("service");
      const std::string service = read_id(service_field);
      const auto found = services.find(service);
      if (found == services.end()) {
        if (service_field.present()) service_field.add(ErrorCode::kUnknownReference, "no service \"" + service + "\"");
        continue;
      }
      solver::Visit visit;
      visit.id = required->size() > 1 ? id + "/" + service : id;
      // A service named twice for one patient, or a patient called "p1/s1" beside
      // p1's s1, would give two visits one id.
      if (!visit_ids.insert(visit.id).second) {
        service_field.add(ErrorCode::kDuplicate, "makes a second visit \"" + visit.id + "\"");
        continue;
      }
      visit.location = static_cast<int>(patient_idx + 1);
      visit.duration = number_or(need->required("duration"), 0, kNotNegative);
      visit.windows = {window};
      visit.skills = {found->second};
      made.push_back(static_cast<int>(problem.visits.size()));
      problem.visits.push_back(std::move(visit));
    }
    if (made.size() == 2) {
      solver::Precedence link{made[0], made[1], 0, 0};
      if (const auto sync = patient->optional("synchronization").object()) {
        if (sync->optional("type").text().value_or("simultaneous") == "sequential") {
          const JsonReader gap = sync->optional("distance");
          if (gap.present()) {
            const auto bounds = gap.array({.min_items = 2, .max_items = 2});
            const auto min_gap = bounds ? (*bounds)[0].number() : std::nullopt;
            const auto max_gap = bounds ? (*bounds)[1].number() : std::nullopt;
            if (min_gap && max_gap && *min_gap > *max_gap) {
              // Found by fuzz/fuzz_solver_json: a gap that can never be met made a
              // problem Allot's own JSON refuses.
              gap.add(ErrorCode::kInvalidValue, "the smaller gap must come first; found " + gap.json()->dump());
            } else if (min_gap && max_gap) {
              link.min_gap = *min_gap;
              link.max_gap = *max_gap;
            }
          }
        }
      }
      problem.precedences.push_back(link);
    } else if (made.size() > 2) {
      patient->issues().push_back({ErrorCode::kInvalidValue, field_path(patient->path(), "required_caregivers"),
                                   "at most two services per patient"});
    }
  }
}

}  // namespace

Result<Problem> read_iolab(const json& document, const std::string& source) {
  Issues issues;
  Problem problem;
  problem.name = source.substr(source.find_last_of('/') + 1);
  problem.name = problem.name.substr(0, problem.name.find_last_of('.'));
  // Issues carry the file name: "C1.json: patients[3].time_window".
  const auto failed = [&] {
    for (Issue& issue : issues) issue.path = issue.path.empty() ? source : source + ": " + issue.path;
    return fail(std::move(issues));
  };
  const std::optional<JsonObjectReader> root = JsonReader(document, issues).object();
  if (!root) return failed();
  std::map<std::string, int> services;
  if (const auto list = root->required("services").array()) {
    for (std::size_t service_idx = 0; service_idx < list->size(); ++service_idx) {
      if (const auto service = (*list)[service_idx].object()) {
        const JsonReader id_field = service->required("id");
        const std::string id = read_id(id_field);
        if (id_field.present() && !services.emplace(id, static_cast<int>(service_idx)).second)
          id_field.add(ErrorCode::kDuplicate, "id \"" + id + "\" used twice");
      }
    }
  }
  const auto patients = root->required("patients").array();
  const JsonReader distances = root->required("distances");
  if (!patients || !distances.array()) return failed();
  const auto size = patients->size() + 1;  // the office first
  problem.travel.kind = solver::TravelModel::Kind::kMatrix;
  problem.travel.location_count = static_cast<int>(size);
  if (distances.json()->size() != size) {
    distances.add(ErrorCode::kInvalidValue, "must have one row per place (patients + 1); found " +
                                                std::to_string(distances.json()->size()) + " rows");
  } else if (read_matrix(distances, size, problem.travel.distance_matrix)) {
    problem.travel.duration_matrix = problem.travel.distance_matrix;
  }
  read_iolab_patients(*patients, services, problem);
  if (const auto caregivers = root->required("caregivers").array()) {
    std::set<std::string> seen;
    for (const JsonReader& carer_field : *caregivers) {
      const auto item = carer_field.object();
      if (!item) continue;
      solver::Carer carer;
      const JsonReader id_field = item->required("id");
      carer.id = read_id(id_field);
      if (id_field.present() && !seen.insert(carer.id).second)
        id_field.add(ErrorCode::kDuplicate, "id \"" + carer.id + "\" used twice");
      carer.shift = {0, solver::kUnbounded};
      for (const JsonReader& ability : item->optional("abilities").array().value_or(std::vector<JsonReader>{})) {
        const json& name = *ability.json();
        if (name.is_string() && services.count(name.get<std::string>())) carer.skills.push_back(services.at(name.get<std::string>()));
      }
      problem.carers.push_back(std::move(carer));
    }
  }
  problem.objective.distance_weight = 1.0 / 3;
  problem.objective.allow_lateness = true;
  problem.objective.lateness_weight = 1.0 / 3;
  problem.objective.max_lateness_weight = 1.0 / 3;
  if (!issues.empty()) return failed();
  return problem;
}

}  // namespace allot::solver_io
