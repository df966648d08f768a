#include "allot/solver/check.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace allot::solver {
namespace {

bool close_enough(double left, double right) {
  return std::fabs(left - right) <= 1e-6 + 1e-9 * std::max(std::fabs(left), std::fabs(right));
}

bool holds_all(const std::vector<int>& held, const std::vector<int>& needed) {
  return std::all_of(needed.begin(), needed.end(),
                     [&](int skill) { return std::find(held.begin(), held.end(), skill) != held.end(); });
}

bool contains(const std::vector<int>& list, int value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string number(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

// Slack demanded before the checker calls a place free: a reason is refuted only
// by a place that fits with room to spare, never by rounding.
constexpr double kRoom = 1e-6;

// The first start at or after `earliest` inside a window and inside [low, high]
// (bounds from linked visits already planned); false when there is none.
bool first_start(const Problem& problem, const Visit& visit, double earliest, double low, double high, double& start) {
  start = std::max(earliest, low);
  if (!visit.windows.empty()) {
    bool found = false;
    for (const TimeWindow& window : visit.windows)
      if (window.end >= start + kRoom) {
        start = std::max(start, window.start);
        found = true;
        break;
      }
    if (!found && !problem.objective.allow_lateness) return false;
  }
  return start <= high - kRoom;
}

// Whether the carer could do the visit on an otherwise empty day, taking every
// break before or after it in window order; `fixed_start` >= 0 pins the start.
bool empty_day_fits(const Problem& problem, int carer_idx, int visit_idx, double low, double high,
                    double* found_start = nullptr, double fixed_start = -1) {
  const Carer& carer = problem.carers[carer_idx];
  const Visit& visit = problem.visits[visit_idx];
  if (!holds_all(carer.skills, visit.skills) || contains(visit.excluded_carers, carer_idx)) return false;
  if (visit.demand > carer.capacity - kRoom && visit.demand > 0) return false;
  std::vector<Break> rests = carer.breaks;
  std::sort(rests.begin(), rests.end(), [](const Break& left, const Break& right) { return left.window.start < right.window.start; });
  const double out = travel_duration(problem.travel, carer.start_location, visit.location) / carer.speed_factor;
  const double back = travel_duration(problem.travel, visit.location, carer.end_location) / carer.speed_factor;
  if (out + visit.duration + back > carer.max_working_time - kRoom) return false;
  for (std::size_t before = 0; before <= rests.size(); ++before) {
    double ready = carer.shift.start;
    bool ok = true;
    for (std::size_t rest = 0; rest < before && ok; ++rest) {
      const double begin = std::max(ready, rests[rest].window.start);
      ok = begin <= rests[rest].window.end - kRoom;
      ready = begin + rests[rest].duration;
    }
    if (!ok) continue;
    double start = 0;
    if (fixed_start >= 0) {
      start = fixed_start;
      if (start < ready + out - 1e-9 || start < low || start > high) continue;
      bool inside = visit.windows.empty() || problem.objective.allow_lateness;
      for (const TimeWindow& window : visit.windows)
        inside = inside || (start >= window.start && start <= window.end - kRoom);
      if (!inside) continue;
    } else if (!first_start(problem, visit, ready + out, low, high, start)) {
      continue;
    }
    ready = start + visit.duration;
    for (std::size_t rest = before; rest < rests.size() && ok; ++rest) {
      const double begin = std::max(ready, rests[rest].window.start);
      ok = begin <= rests[rest].window.end - kRoom;
      ready = begin + rests[rest].duration;
    }
    if (!ok || ready + back > carer.shift.end - kRoom) continue;
    if (found_start != nullptr) *found_start = start;
    return true;
  }
  return false;
}

// Whether the visit fits into the planned route at `position` without moving any
// other stop's start in a way that could disturb a linked visit: the stops after
// it may start later only if nothing else is tied to them.
bool fits_in_route(const Problem& problem, const Route& route, std::size_t position, int visit_idx, double low,
                   double high, const std::vector<char>& tied) {
  const Carer& carer = problem.carers[route.carer];
  const Visit& visit = problem.visits[visit_idx];
  int location = carer.start_location;
  double ready = position == 0 ? carer.shift.start : route.departure;
  double working = 0;
  double load = visit.demand;
  for (const Stop& stop : route.stops)
    if (stop.kind == Stop::Kind::kVisit) load += problem.visits[stop.index].demand;
  if (visit.demand > 0 && load > carer.capacity - kRoom) return false;
  const auto leg = [&](int to) { return travel_duration(problem.travel, location, to) / carer.speed_factor; };
  for (std::size_t idx = 0; idx < position; ++idx) {
    const Stop& stop = route.stops[idx];
    if (stop.kind == Stop::Kind::kVisit) {
      working += leg(problem.visits[stop.index].location) + problem.visits[stop.index].duration;
      location = problem.visits[stop.index].location;
    }
    ready = stop.end;
  }
  double start = 0;
  const double out = leg(visit.location);
  if (!first_start(problem, visit, ready + out, low, high, start)) return false;
  working += out + visit.duration;
  location = visit.location;
  ready = start + visit.duration;
  for (std::size_t idx = position; idx < route.stops.size(); ++idx) {
    const Stop& stop = route.stops[idx];
    if (stop.kind == Stop::Kind::kBreak) {
      const Break& rest = carer.breaks[stop.index];
      const double begin = std::max(stop.start, ready);
      if (begin > rest.window.end - kRoom) return false;
      ready = begin + rest.duration;
      continue;
    }
    const Visit& next = problem.visits[stop.index];
    const double travel = leg(next.location);
    const double begin = std::max(stop.start, ready + travel);
    if (begin > stop.start && tied[stop.index]) return false;
    if (!problem.objective.allow_lateness && !next.windows.empty()) {
      bool inside = false;
      for (const TimeWindow& window : next.windows) inside = inside || (begin >= window.start && begin <= window.end - kRoom);
      if (!inside) return false;
    }
    working += travel + next.duration;
    location = next.location;
    ready = begin + next.duration;
  }
  const double back = leg(carer.end_location);
  return ready + back <= carer.shift.end - kRoom && working + back <= carer.max_working_time - kRoom;
}

// Bounds on a visit's start from the planned visits it is linked to, and the
// carers it must not share with them.
void link_bounds(const Problem& problem, int visit, const std::vector<std::vector<double>>& starts_of_visit,
                 const std::vector<std::vector<int>>& carers_of_visit, double& low, double& high,
                 std::vector<int>& barred) {
  for (const Precedence& link : problem.precedences) {
    const bool first = link.first_visit == visit;
    if (!first && link.second_visit != visit) continue;
    const int other = first ? link.second_visit : link.first_visit;
    if (starts_of_visit[other].empty()) continue;
    const double other_start = starts_of_visit[other][0];
    if (first) {
      high = std::min(high, other_start - link.min_gap);
      low = std::max(low, other_start - link.max_gap);
    } else {
      low = std::max(low, other_start + link.min_gap);
      high = std::min(high, other_start + link.max_gap);
    }
    if (link.different_carers) barred.insert(barred.end(), carers_of_visit[other].begin(), carers_of_visit[other].end());
  }
}

// Visits whose start another planned visit depends on (or which depend on one).
std::vector<char> tied_visits(const Problem& problem, const std::vector<std::vector<double>>& starts_of_visit) {
  std::vector<char> tied(problem.visits.size(), 0);
  for (std::size_t visit_idx = 0; visit_idx < problem.visits.size(); ++visit_idx)
    if (problem.visits[visit_idx].carers_needed > 1) tied[visit_idx] = 1;
  for (const Precedence& link : problem.precedences) {
    if (starts_of_visit[link.first_visit].empty() || starts_of_visit[link.second_visit].empty()) continue;
    tied[link.first_visit] = 1;
    tied[link.second_visit] = 1;
  }
  return tied;
}

// Each left-out visit's reason must be true. A visit some suitable carer could
// do on an empty day is not window_unreachable, outside_shifts or capacity; one
// that an unused carer's empty day, or a planned route with room, could take
// is not carers_fully_booked.
void check_reasons(const Problem& problem, const Solution& solution,
                   const std::vector<std::vector<double>>& starts_of_visit,
                   const std::vector<std::vector<int>>& carers_of_visit, std::vector<std::string>& violations) {
  const int visit_count = static_cast<int>(problem.visits.size());
  const int carer_count = static_cast<int>(problem.carers.size());
  std::vector<char> used(problem.carers.size(), 0);
  for (const Route& route : solution.routes)
    if (route.carer >= 0 && route.carer < carer_count && !route.stops.empty()) used[route.carer] = 1;
  const std::vector<char> tied = tied_visits(problem, starts_of_visit);
  for (const Unassigned& entry : solution.unassigned) {
    if (entry.visit < 0 || entry.visit >= visit_count) continue;
    const Visit& visit = problem.visits[entry.visit];
    const std::string what = "unassigned: visit " + visit.id + " is reported as " + unassigned_reason_name(entry.reason);
    if (entry.reason != UnassignedReason::kCarersFullyBooked) {
      std::vector<std::string> able;
      for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
        if (empty_day_fits(problem, carer_idx, entry.visit, -kUnbounded, kUnbounded)) able.push_back(problem.carers[carer_idx].id);
      if (static_cast<int>(able.size()) >= visit.carers_needed)
        violations.push_back(what + " but carer " + able.front() + " could do it on an empty day");
      continue;
    }
    double low = -kUnbounded;
    double high = kUnbounded;
    std::vector<int> barred;
    link_bounds(problem, entry.visit, starts_of_visit, carers_of_visit, low, high, barred);
    if (visit.carers_needed == 1) {
      std::string refuted;
      for (int carer_idx = 0; carer_idx < carer_count && refuted.empty(); ++carer_idx)
        if (!used[carer_idx] && !contains(barred, carer_idx) && empty_day_fits(problem, carer_idx, entry.visit, low, high))
          refuted = "carer " + problem.carers[carer_idx].id + " is unused and could do it";
      for (const Route& route : solution.routes) {
        if (!refuted.empty()) break;
        if (route.carer < 0 || route.carer >= carer_count || route.stops.empty() || contains(barred, route.carer)) continue;
        const Carer& carer = problem.carers[route.carer];
        if (!holds_all(carer.skills, visit.skills) || contains(visit.excluded_carers, route.carer)) continue;
        for (std::size_t position = 0; position <= route.stops.size() && refuted.empty(); ++position)
          if (fits_in_route(problem, route, position, entry.visit, low, high, tied))
            refuted = "carer " + carer.id + "'s route has room for it at stop " + std::to_string(position);
      }
      if (!refuted.empty()) violations.push_back(what + " but " + refuted);
      continue;
    }
    // Double-handed: two unused carers who could both start it at one time.
    std::vector<double> times;
    for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
      double start = 0;
      if (!used[carer_idx] && empty_day_fits(problem, carer_idx, entry.visit, low, high, &start)) times.push_back(start);
    }
    for (double time : times) {
      std::vector<std::string> pair;
      for (int carer_idx = 0; carer_idx < carer_count && pair.size() < 2; ++carer_idx)
        if (!used[carer_idx] && empty_day_fits(problem, carer_idx, entry.visit, low, high, nullptr, time))
          pair.push_back(problem.carers[carer_idx].id);
      if (pair.size() == 2) {
        violations.push_back(what + " but unused carers " + pair[0] + " and " + pair[1] + " could do it together");
        break;
      }
    }
  }
}

}  // namespace

CheckReport check_solution(const Problem& problem, const Solution& solution) {
  CheckReport report;
  auto& violations = report.violations;
  Cost& cost = report.recomputed;
  const int visit_count = static_cast<int>(problem.visits.size());
  const int carer_count = static_cast<int>(problem.carers.size());
  std::vector<std::vector<double>> starts_of_visit(problem.visits.size());
  std::vector<std::vector<int>> carers_of_visit(problem.visits.size());
  std::vector<int> routes_of_carer(problem.carers.size(), 0);

  for (std::size_t route_idx = 0; route_idx < solution.routes.size(); ++route_idx) {
    const Route& route = solution.routes[route_idx];
    const std::string where = "routes[" + std::to_string(route_idx) + "]";
    if (route.carer < 0 || route.carer >= carer_count) {
      violations.push_back(where + ": unknown carer " + std::to_string(route.carer));
      continue;
    }
    if (++routes_of_carer[route.carer] > 1) violations.push_back(where + ": carer has two routes");
    const Carer& carer = problem.carers[route.carer];
    if (route.stops.empty()) continue;
    ++cost.routes_used;
    if (route.departure < carer.shift.start - 1e-6)
      violations.push_back(where + ": departs before the shift starts");
    int location = carer.start_location;
    double ready = route.departure;  // when the carer is free to move on
    double distance = 0;
    double travel_time = 0;
    double working_time = 0;
    double load = 0;
    std::vector<int> breaks_taken(carer.breaks.size(), 0);
    for (std::size_t stop_idx = 0; stop_idx < route.stops.size(); ++stop_idx) {
      const Stop& stop = route.stops[stop_idx];
      const std::string at = where + ".stops[" + std::to_string(stop_idx) + "]";
      if (stop.kind == Stop::Kind::kBreak) {
        if (stop.index < 0 || stop.index >= static_cast<int>(carer.breaks.size())) {
          violations.push_back(at + ": unknown break");
          continue;
        }
        const Break& rest = carer.breaks[stop.index];
        ++breaks_taken[stop.index];
        if (stop.start < ready - 1e-6) violations.push_back(at + ": break starts before the previous visit ends");
        if (stop.start < rest.window.start - 1e-6 || stop.start > rest.window.end + 1e-6)
          violations.push_back(at + ": break starts at " + number(stop.start) + " outside its window");
        if (!close_enough(stop.end, stop.start + rest.duration)) violations.push_back(at + ": break end wrong");
        ready = std::max(ready, stop.start + rest.duration);
        continue;
      }
      if (stop.index < 0 || stop.index >= visit_count) {
        violations.push_back(at + ": unknown visit");
        continue;
      }
      const Visit& visit = problem.visits[stop.index];
      const double leg_time = travel_duration(problem.travel, location, visit.location) / carer.speed_factor;
      const double leg_distance = travel_distance(problem.travel, location, visit.location);
      const double arrival = ready + leg_time;
      if (!close_enough(stop.arrival, arrival))
        violations.push_back(at + ": arrival " + number(stop.arrival) + " but recomputed " + number(arrival));
      if (stop.start < arrival - 1e-6) violations.push_back(at + ": starts before arriving");
      if (!holds_all(carer.skills, visit.skills)) violations.push_back(at + ": carer lacks a required skill");
      if (contains(visit.excluded_carers, route.carer)) violations.push_back(at + ": carer is excluded");
      if (!visit.preferred_carers.empty() && !contains(visit.preferred_carers, route.carer))
        ++cost.non_preferred_visits;
      double lateness = 0;
      if (!visit.windows.empty()) {
        lateness = kUnbounded;
        for (const TimeWindow& window : visit.windows)
          if (stop.start >= window.start - 1e-6) lateness = std::min(lateness, std::max(0.0, stop.start - window.end));
        if (lateness == kUnbounded) {
          violations.push_back(at + ": starts at " + number(stop.start) + " before its first window");
          lateness = 0;
        } else if (lateness > 1e-6 && !problem.objective.allow_lateness) {
          violations.push_back(at + ": starts at " + number(stop.start) + " after every window");
        }
      }
      if (lateness <= 1e-9) lateness = 0;
      cost.total_lateness += lateness;
      cost.max_lateness = std::max(cost.max_lateness, lateness);
      if (!close_enough(stop.end, stop.start + visit.duration)) violations.push_back(at + ": end wrong");
      distance += leg_distance;
      travel_time += leg_time;
      working_time += leg_time + visit.duration;
      load += visit.demand;
      ready = stop.start + visit.duration;
      location = visit.location;
      starts_of_visit[stop.index].push_back(stop.start);
      carers_of_visit[stop.index].push_back(route.carer);
    }
    for (std::size_t break_idx = 0; break_idx < breaks_taken.size(); ++break_idx)
      if (breaks_taken[break_idx] != 1)
        violations.push_back(where + ": break " + std::to_string(break_idx) + " taken " +
                             std::to_string(breaks_taken[break_idx]) + " times");
    const double home_time = travel_duration(problem.travel, location, carer.end_location) / carer.speed_factor;
    distance += travel_distance(problem.travel, location, carer.end_location);
    travel_time += home_time;
    working_time += home_time;
    const double return_time = ready + home_time;
    if (return_time > carer.shift.end + 1e-6)
      violations.push_back(where + ": returns at " + number(return_time) + " after the shift ends");
    if (working_time > carer.max_working_time + 1e-6) violations.push_back(where + ": works too long");
    if (load > carer.capacity + 1e-6) violations.push_back(where + ": load above capacity");
    if (!close_enough(route.return_time, return_time)) violations.push_back(where + ": return time wrong");
    if (!close_enough(route.distance, distance)) violations.push_back(where + ": distance wrong");
    cost.distance += distance;
    cost.travel_time += travel_time;
  }

  std::vector<int> unassigned_count(problem.visits.size(), 0);
  for (const Unassigned& entry : solution.unassigned) {
    if (entry.visit < 0 || entry.visit >= visit_count) {
      violations.push_back("unassigned: unknown visit " + std::to_string(entry.visit));
      continue;
    }
    ++unassigned_count[entry.visit];
    ++cost.unassigned_visits;
    cost.unassigned_priority += problem.visits[entry.visit].priority;
    if (entry.reason == UnassignedReason::kNoSkilledCarer) {
      int skilled = 0;
      for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
        if (holds_all(problem.carers[carer_idx].skills, problem.visits[entry.visit].skills) &&
            !contains(problem.visits[entry.visit].excluded_carers, carer_idx))
          ++skilled;
      if (skilled >= problem.visits[entry.visit].carers_needed)
        violations.push_back("unassigned: visit " + problem.visits[entry.visit].id +
                             " has enough skilled carers but is reported without them");
    }
  }
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    const Visit& visit = problem.visits[visit_idx];
    const auto served = static_cast<int>(starts_of_visit[visit_idx].size());
    const std::string what = "visit " + visit.id;
    if (served == 0 && unassigned_count[visit_idx] != 1)
      violations.push_back(what + ": neither routed nor listed once as unassigned");
    if (served > 0 && unassigned_count[visit_idx] != 0) violations.push_back(what + ": both routed and unassigned");
    if (served != 0 && served != visit.carers_needed)
      violations.push_back(what + ": served by " + std::to_string(served) + " carers, needs " +
                           std::to_string(visit.carers_needed));
    if (served == 2) {
      if (carers_of_visit[visit_idx][0] == carers_of_visit[visit_idx][1])
        violations.push_back(what + ": double-handed by the same carer");
      if (!close_enough(starts_of_visit[visit_idx][0], starts_of_visit[visit_idx][1]))
        violations.push_back(what + ": the two carers start at different times");
    }
  }
  for (std::size_t link_idx = 0; link_idx < problem.precedences.size(); ++link_idx) {
    const Precedence& link = problem.precedences[link_idx];
    if (starts_of_visit[link.first_visit].empty() || starts_of_visit[link.second_visit].empty()) continue;
    const double gap = starts_of_visit[link.second_visit][0] - starts_of_visit[link.first_visit][0];
    if (gap < link.min_gap - 1e-6 || gap > link.max_gap + 1e-6)
      violations.push_back("precedences[" + std::to_string(link_idx) + "]: gap " + number(gap) +
                           " outside [" + number(link.min_gap) + ", " + number(link.max_gap) + "]");
  }

  for (std::size_t link_idx = 0; link_idx < problem.precedences.size(); ++link_idx) {
    const Precedence& link = problem.precedences[link_idx];
    if (!link.different_carers) continue;
    for (int carer : carers_of_visit[link.first_visit])
      if (contains(carers_of_visit[link.second_visit], carer))
        violations.push_back("precedences[" + std::to_string(link_idx) + "]: visits " +
                             problem.visits[link.first_visit].id + " and " + problem.visits[link.second_visit].id +
                             " need different carers but carer " + problem.carers[carer].id + " does both");
  }
  check_reasons(problem, solution, starts_of_visit, carers_of_visit, violations);
  // what the solution says stops each carer from each left-out visit
  for (std::string& violation : check_explanations(problem, solution, explanations_of(solution)))
    violations.push_back(std::move(violation));

  const Objective& weights = problem.objective;
  cost.objective = weights.distance_weight * cost.distance + weights.travel_time_weight * cost.travel_time +
                   weights.route_cost * cost.routes_used + weights.non_preferred_cost * cost.non_preferred_visits +
                   weights.lateness_weight * cost.total_lateness + weights.max_lateness_weight * cost.max_lateness;
  const Cost& claimed = solution.cost;
  if (claimed.unassigned_visits != cost.unassigned_visits || !close_enough(claimed.unassigned_priority, cost.unassigned_priority))
    violations.push_back("cost: unassigned figures differ from the recomputed ones");
  if (std::fabs(claimed.objective - cost.objective) > 1e-5 * std::max(1.0, std::fabs(cost.objective)))
    violations.push_back("cost: objective " + number(claimed.objective) + " but recomputed " + number(cost.objective));
  return report;
}

std::vector<std::string> check_explanations(const Problem& problem, const Solution& solution,
                                            const std::vector<Explanation>& explanations) {
  std::vector<std::string> violations;
  const int visit_count = static_cast<int>(problem.visits.size());
  const int carer_count = static_cast<int>(problem.carers.size());
  std::vector<std::vector<double>> starts_of_visit(problem.visits.size());
  std::vector<std::vector<int>> carers_of_visit(problem.visits.size());
  std::vector<const Route*> route_of_carer(problem.carers.size(), nullptr);
  for (const Route& route : solution.routes) {
    if (route.carer < 0 || route.carer >= carer_count || route.stops.empty()) continue;
    route_of_carer[route.carer] = &route;
    for (const Stop& stop : route.stops)
      if (stop.kind == Stop::Kind::kVisit && stop.index >= 0 && stop.index < visit_count) {
        starts_of_visit[stop.index].push_back(stop.start);
        carers_of_visit[stop.index].push_back(route.carer);
      }
  }
  const std::vector<char> tied = tied_visits(problem, starts_of_visit);
  std::vector<int> explained(problem.visits.size(), 0);
  for (const Explanation& explanation : explanations) {
    if (explanation.visit < 0 || explanation.visit >= visit_count) {
      violations.push_back("explanations: unknown visit " + std::to_string(explanation.visit));
      continue;
    }
    ++explained[explanation.visit];
    const Visit& visit = problem.visits[explanation.visit];
    if (explanation.carers.empty() && carer_count > 0) {
      violations.push_back("explanations: visit " + visit.id + " is left out without naming what stops each carer");
      continue;
    }
    double low = -kUnbounded;
    double high = kUnbounded;
    std::vector<int> barred;
    link_bounds(problem, explanation.visit, starts_of_visit, carers_of_visit, low, high, barred);
    std::vector<int> named(problem.carers.size(), 0);
    for (const CarerObstacle& entry : explanation.carers) {
      if (entry.carer < 0 || entry.carer >= carer_count) {
        violations.push_back("explanations: visit " + visit.id + ": unknown carer " + std::to_string(entry.carer));
        continue;
      }
      ++named[entry.carer];
      const Carer& carer = problem.carers[entry.carer];
      bool holds = true;
      switch (entry.obstacle) {
        case Obstacle::kSkill: holds = !holds_all(carer.skills, visit.skills); break;
        case Obstacle::kExcluded: holds = contains(visit.excluded_carers, entry.carer); break;
        case Obstacle::kCapacity: holds = visit.demand > carer.capacity; break;
        case Obstacle::kShift:
          for (const TimeWindow& window : visit.windows)
            holds = holds && !(window.start <= carer.shift.end &&
                               (window.end >= carer.shift.start || problem.objective.allow_lateness));
          holds = holds && !visit.windows.empty();
          break;
        case Obstacle::kWindow: {
          const double arrival =
              carer.shift.start + travel_duration(problem.travel, carer.start_location, visit.location) / carer.speed_factor;
          holds = !visit.windows.empty() && !problem.objective.allow_lateness &&
                  arrival > visit.windows.back().end - kRoom;
          break;
        }
        case Obstacle::kShiftEnd:
        case Obstacle::kTravel: holds = !empty_day_fits(problem, entry.carer, explanation.visit, -kUnbounded, kUnbounded); break;
        case Obstacle::kPartner: holds = contains(barred, entry.carer); break;
        case Obstacle::kBooked: {
          if (!holds_all(carer.skills, visit.skills) || contains(visit.excluded_carers, entry.carer)) {
            holds = false;
            break;
          }
          if (visit.carers_needed > 1 || contains(barred, entry.carer)) break;
          const Route* route = route_of_carer[entry.carer];
          if (route == nullptr) {
            holds = !empty_day_fits(problem, entry.carer, explanation.visit, low, high);
            break;
          }
          for (std::size_t position = 0; position <= route->stops.size() && holds; ++position)
            holds = !fits_in_route(problem, *route, position, explanation.visit, low, high, tied);
          break;
        }
      }
      if (!holds)
        violations.push_back("explanations: visit " + visit.id + ": carer " + carer.id + " is said to be stopped by " +
                             obstacle_name(entry.obstacle) + ", which does not hold");
    }
    for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
      if (named[carer_idx] != 1)
        violations.push_back("explanations: visit " + visit.id + ": carer " + problem.carers[carer_idx].id + " named " +
                             std::to_string(named[carer_idx]) + " times");
  }
  for (const Unassigned& entry : solution.unassigned)
    if (entry.visit >= 0 && entry.visit < visit_count && explained[entry.visit] != 1)
      violations.push_back("explanations: visit " + problem.visits[entry.visit].id + " left out but explained " +
                           std::to_string(explained[entry.visit]) + " times");
  return violations;
}

}  // namespace allot::solver
