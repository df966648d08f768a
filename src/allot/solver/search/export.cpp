// The plan as solve() returns it. Arrivals and departures are not kept during
// the search (only starts are), so they are worked out here once.

#include "allot/solver/search/plan.h"

#include <algorithm>
#include <utility>

namespace allot::solver::search {

Cost Plan::cost() const {
  Cost cost;
  const Objective& weights = model_.problem.objective;
  for (int route = 0; route < route_count(); ++route) {
    if (!has_visits(route)) continue;
    ++cost.routes_used;
    cost.distance += route_distance_[route];
    cost.travel_time += route_travel_time_[route];
    for (int task : routes_[route]) {
      const double late = lateness(task);
      cost.total_lateness += late;
      cost.max_lateness = std::max(cost.max_lateness, late);
      if (model_.tasks[task].visit < 0) continue;
      const auto& preferred = model_.problem.visits[model_.tasks[task].visit].preferred_carers;
      if (!preferred.empty() && std::find(preferred.begin(), preferred.end(), route) == preferred.end())
        ++cost.non_preferred_visits;
    }
  }
  for (int visit_idx = 0; visit_idx < model_.visit_count(); ++visit_idx)
    if (!visit_routed_[visit_idx]) {
      ++cost.unassigned_visits;
      cost.unassigned_priority += model_.problem.visits[visit_idx].priority;
    }
  cost.objective = weights.distance_weight * cost.distance + weights.travel_time_weight * cost.travel_time +
                   weights.route_cost * cost.routes_used + weights.non_preferred_cost * cost.non_preferred_visits +
                   weights.lateness_weight * cost.total_lateness + weights.max_lateness_weight * cost.max_lateness;
  return cost;
}

Solution Plan::to_solution(long iterations) const {
  Solution solution;
  solution.iterations = iterations;
  for (int route = 0; route < route_count(); ++route) {
    if (!has_visits(route)) continue;
    const Carer& carer = model_.problem.carers[route];
    Route out;
    out.carer = route;
    const auto& seq = routes_[route];
    // leave just in time for the first stop when it is a visit
    out.departure = carer.shift.start;
    if (model_.tasks[seq.front()].location >= 0)
      out.departure =
          std::max(carer.shift.start,
                   start_[seq.front()] - model_.leg_time(route, carer.start_location, model_.tasks[seq.front()].location));
    double ready = out.departure;
    int location = carer.start_location;
    for (int task : seq) {
      const Task& info = model_.tasks[task];
      Stop stop;
      if (info.location >= 0) {
        stop.kind = Stop::Kind::kVisit;
        stop.index = info.visit;
        stop.arrival = ready + model_.leg_time(route, location, info.location);
        location = info.location;
      } else {
        stop.kind = Stop::Kind::kBreak;
        stop.index = info.break_index;
        stop.arrival = ready;
      }
      stop.start = start_[task];
      stop.end = stop.start + info.duration;
      ready = stop.end;
      out.stops.push_back(stop);
    }
    out.return_time = ready + model_.leg_time(route, location, carer.end_location);
    out.distance = route_distance_[route];
    out.travel_time = route_travel_time_[route];
    out.working_time = route_work_[route];
    out.load = route_load_[route];
    solution.routes.push_back(std::move(out));
  }
  for (int visit_idx = 0; visit_idx < model_.visit_count(); ++visit_idx)
    if (!visit_routed_[visit_idx]) solution.unassigned.push_back({visit_idx, model_.static_reason(visit_idx)});
  solution.cost = cost();
  return solution;
}

}  // namespace allot::solver::search
