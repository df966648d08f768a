#include "allot/solver/problem.h"

#include <cmath>
#include <string>

namespace allot::solver {
namespace {

constexpr double kEarthRadiusMetres = 6371008.8;
constexpr double kPi = 3.14159265358979323846;

double great_circle_metres(double lon_a, double lat_a, double lon_b, double lat_b) {
  const double to_radians = kPi / 180.0;
  const double half_dlat = (lat_b - lat_a) * to_radians / 2;
  const double half_dlon = (lon_b - lon_a) * to_radians / 2;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(lat_a * to_radians) * std::cos(lat_b * to_radians) *
                       std::sin(half_dlon) * std::sin(half_dlon);
  return 2 * kEarthRadiusMetres * std::asin(std::sqrt(std::min(1.0, h)));
}

std::string at(const char* list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

}  // namespace

double travel_distance(const TravelModel& travel, int from, int to) {
  switch (travel.kind) {
    case TravelModel::Kind::kMatrix:
      return travel.distance_matrix[static_cast<std::size_t>(from) * travel.location_count + to];
    case TravelModel::Kind::kEuclidean: {
      const double dx = travel.x[from] - travel.x[to];
      const double dy = travel.y[from] - travel.y[to];
      const double exact = std::sqrt(dx * dx + dy * dy);
      return travel.truncate_to_tenth ? std::floor(exact * 10.0) / 10.0 : exact;
    }
    case TravelModel::Kind::kGreatCircle:
      if (from == to) return 0;
      return great_circle_metres(travel.x[from], travel.y[from], travel.x[to], travel.y[to]) *
             travel.road_factor;
  }
  return 0;
}

double travel_duration(const TravelModel& travel, int from, int to) {
  switch (travel.kind) {
    case TravelModel::Kind::kMatrix:
      return travel.duration_matrix[static_cast<std::size_t>(from) * travel.location_count + to];
    case TravelModel::Kind::kEuclidean:
      return travel_distance(travel, from, to);
    case TravelModel::Kind::kGreatCircle:
      return travel_distance(travel, from, to) / travel.speed_metres_per_time_unit;
  }
  return 0;
}

std::vector<std::string> find_problem_errors(const Problem& problem) {
  std::vector<std::string> errors;
  const TravelModel& travel = problem.travel;
  const auto count = static_cast<std::size_t>(travel.location_count);
  if (travel.location_count <= 0) errors.push_back("travel.location_count: must be positive");
  if (travel.kind == TravelModel::Kind::kMatrix) {
    if (travel.duration_matrix.size() != count * count || travel.distance_matrix.size() != count * count)
      errors.push_back("travel: matrices must have location_count^2 entries");
  } else if (travel.x.size() != count || travel.y.size() != count) {
    errors.push_back("travel: coordinates must have location_count entries");
  }
  if (travel.kind == TravelModel::Kind::kGreatCircle && !(travel.speed_metres_per_time_unit > 0))
    errors.push_back("travel.speed: must be positive");
  const auto location_ok = [&](int location) { return location >= 0 && location < travel.location_count; };
  const int carer_count = static_cast<int>(problem.carers.size());
  for (std::size_t visit_idx = 0; visit_idx < problem.visits.size(); ++visit_idx) {
    const Visit& visit = problem.visits[visit_idx];
    const std::string path = at("visits", visit_idx);
    if (!location_ok(visit.location)) errors.push_back(path + ".location: out of range");
    if (!(visit.duration >= 0)) errors.push_back(path + ".duration: must not be negative");
    if (visit.priority < 1) errors.push_back(path + ".priority: must be at least 1");
    if (visit.carers_needed != 1 && visit.carers_needed != 2)
      errors.push_back(path + ".carers_needed: must be 1 or 2");
    if (visit.demand < 0) errors.push_back(path + ".demand: must not be negative");
    for (std::size_t window_idx = 0; window_idx < visit.windows.size(); ++window_idx) {
      const TimeWindow& window = visit.windows[window_idx];
      if (!(window.start <= window.end))
        errors.push_back(path + ".windows[" + std::to_string(window_idx) + "]: start after end");
      if (window_idx > 0 && !(visit.windows[window_idx - 1].end < window.start))
        errors.push_back(path + ".windows[" + std::to_string(window_idx) + "]: windows must be sorted and disjoint");
    }
    for (int carer : visit.preferred_carers)
      if (carer < 0 || carer >= carer_count) errors.push_back(path + ".preferred_carers: out of range");
    for (int carer : visit.excluded_carers)
      if (carer < 0 || carer >= carer_count) errors.push_back(path + ".excluded_carers: out of range");
  }
  for (std::size_t carer_idx = 0; carer_idx < problem.carers.size(); ++carer_idx) {
    const Carer& carer = problem.carers[carer_idx];
    const std::string path = at("carers", carer_idx);
    if (!location_ok(carer.start_location)) errors.push_back(path + ".start_location: out of range");
    if (!location_ok(carer.end_location)) errors.push_back(path + ".end_location: out of range");
    if (!(carer.shift.start <= carer.shift.end)) errors.push_back(path + ".shift: start after end");
    if (!(carer.speed_factor > 0)) errors.push_back(path + ".speed_factor: must be positive");
    if (!(carer.max_working_time >= 0)) errors.push_back(path + ".max_working_time: must not be negative");
    for (std::size_t break_idx = 0; break_idx < carer.breaks.size(); ++break_idx) {
      const Break& rest = carer.breaks[break_idx];
      if (!(rest.window.start <= rest.window.end) || !(rest.duration >= 0))
        errors.push_back(path + ".breaks[" + std::to_string(break_idx) + "]: bad window or duration");
    }
  }
  const int visit_count = static_cast<int>(problem.visits.size());
  for (std::size_t link_idx = 0; link_idx < problem.precedences.size(); ++link_idx) {
    const Precedence& link = problem.precedences[link_idx];
    const std::string path = at("precedences", link_idx);
    if (link.first_visit < 0 || link.first_visit >= visit_count || link.second_visit < 0 ||
        link.second_visit >= visit_count || link.first_visit == link.second_visit)
      errors.push_back(path + ": visits out of range or equal");
    if (!(link.min_gap <= link.max_gap)) errors.push_back(path + ": min_gap above max_gap");
  }
  return errors;
}

}  // namespace allot::solver
