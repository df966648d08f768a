#include "allot/solver/search/pricing.h"

#include <algorithm>

namespace allot::solver::search {

Pricing::Pricing(const Model& model, Plan& plan)
    : model_(model),
      plan_(plan),
      stamp_(model.tasks.size(), 0),
      walk_start_(model.tasks.size(), 0),
      walk_stamp_(model.tasks.size(), 0) {}

double Pricing::evaluate(int task, int route, int position, bool keep, Links links, double& lateness_delta,
                         double cutoff) {
  const Task& info = model_.tasks[task];
  const Carer& carer = model_.problem.carers[route];
  const Objective& weights = model_.problem.objective;
  if (plan_.load(route) + info.demand > carer.capacity + kEpsilon) return kUnbounded;
  double delta_distance = 0;
  double delta_time = 0;
  if (info.location >= 0) {
    const int before = plan_.location_before(route, position);
    const int after = plan_.location_after(route, position);
    if (plan_.has_visits(route)) {
      delta_distance = model_.leg_distance(before, info.location) + model_.leg_distance(info.location, after) -
                       model_.leg_distance(before, after);
      delta_time = model_.leg_time(route, before, info.location) + model_.leg_time(route, info.location, after) -
                   model_.leg_time(route, before, after);
    } else {
      delta_distance = model_.leg_distance(before, info.location) + model_.leg_distance(info.location, after);
      delta_time = model_.leg_time(route, before, info.location) + model_.leg_time(route, info.location, after);
    }
  }
  if (plan_.working_time(route) + delta_time + info.duration > carer.max_working_time + kEpsilon) return kUnbounded;
  double delta = weights.distance_weight * delta_distance + weights.travel_time_weight * delta_time;
  if (info.visit >= 0) {
    if (!plan_.has_visits(route)) delta += weights.route_cost;
    const auto& preferred = model_.problem.visits[info.visit].preferred_carers;
    if (!preferred.empty() && std::find(preferred.begin(), preferred.end(), route) == preferred.end())
      delta += weights.non_preferred_cost;
  }
  lateness_delta = 0;
  // the other terms only add, so a place already dearer than the best one found is skipped
  if (delta >= cutoff) return kUnbounded;
  if (model_.simple) {
    const double ready = plan_.ready_before(route, position);
    const int before = plan_.location_before(route, position);
    const double arrival = ready + model_.leg_time(route, before, info.location);
    const double window_start = info.windows.empty() ? -kUnbounded : info.windows[0].start;
    const double window_end = info.windows.empty() ? kUnbounded : info.windows[0].end;
    if (arrival > window_end + kEpsilon) return kUnbounded;
    const double start = std::max(arrival, window_start);
    const int after = plan_.location_after(route, position);
    const double next_arrival = start + info.duration + model_.leg_time(route, info.location, after);
    if (next_arrival > plan_.latest(route, position) + kEpsilon) return kUnbounded;
    if (keep) {
      plan_.insert_element(task, route, position);
      plan_.refresh_route(route);
    }
    return delta;
  }
  // A look that changes nothing: exact when no link can carry the rise to
  // another route, and the screen used before following links otherwise.
  // Following links only raises more starts, so a place the walk rules out stays out.
  if (!keep) {
    bool reaches_link = false;
    const double rise = walk(task, route, position, lateness_delta, cutoff - delta, reaches_link);
    if (rise == kUnbounded) return kUnbounded;
    if (links == Links::kHold || !reaches_link) return delta + rise;
    lateness_delta = 0;
  }
  // general path: quick window test, then propagate the rise and measure it
  {
    const double ready = plan_.ready_before(route, position);
    const double arrival =
        ready +
        (info.location >= 0 ? model_.leg_time(route, plan_.location_before(route, position), info.location) : 0);
    double start = 0;
    if (!model_.place_in_window(task, arrival, start)) return kUnbounded;
    if (start > carer.shift.end + kEpsilon) return kUnbounded;
  }
  const std::size_t mark = plan_.undo_mark();
  plan_.insert_element(task, route, position);
  const bool feasible = plan_.propagate_from(task);
  if (feasible) {
    const double old_max = plan_.max_lateness();
    double new_max = old_max;
    ++stamp_counter_;
    const auto& log = plan_.undo_log();
    for (std::size_t entry = mark; entry < log.size(); ++entry) {
      const auto [changed, previous_start] = log[entry];
      const double now = plan_.lateness(changed);
      const double before = previous_start != kUnset ? model_.lateness_at(changed, previous_start) : 0;
      // a task may be logged more than once; only its first entry holds the original start
      if (stamp_[changed] != stamp_counter_) {
        stamp_[changed] = stamp_counter_;
        lateness_delta += now - before;
      }
      new_max = std::max(new_max, now);
    }
    delta += weights.lateness_weight * lateness_delta + weights.max_lateness_weight * (new_max - old_max);
    if (keep) {
      plan_.set_max_lateness(new_max);
      return delta;
    }
  }
  plan_.undo_to(mark);
  plan_.remove_element(task);
  return feasible ? delta : kUnbounded;
}

// The lateness cost of putting `task` at `position` of `route`, found by walking
// the rise in start times down the route without changing anything: starts only
// rise, and the rise ends at the first stop that does not move. Tasks in other
// routes are held where they are; a linked task later in this route sees its
// partner's new start. Returns infinity when infeasible or once the cost reaches
// `budget` (lateness only adds). `reaches_link` tells whether a task that moved
// is tied to a routed task elsewhere, so that following links could change the answer.
double Pricing::walk(int task, int route, int position, double& lateness_delta, double budget, bool& reaches_link) {
  const Carer& carer = model_.problem.carers[route];
  const Objective& weights = model_.problem.objective;
  const auto& seq = plan_.route(route);
  const Task& info = model_.tasks[task];
  const double max_lateness = plan_.max_lateness();
  ++walk_counter_;
  const auto current_start = [&](int other) {
    return walk_stamp_[other] == walk_counter_ ? walk_start_[other] : plan_.start(other);
  };
  const auto earliest_with_links = [&](const Task& item, double earliest) {
    for (const Bound& bound : item.bounds)
      if (plan_.route_of(bound.other) >= 0) {
        const double other_start = current_start(bound.other);
        if (other_start != kUnset) earliest = std::max(earliest, other_start + bound.offset);
      }
    return earliest;
  };
  const auto note_links = [&](const Task& item) {
    for (const Bound& bound : item.bounds) reaches_link = reaches_link || plan_.route_of(bound.other) >= 0;
  };
  int here = plan_.location_before(route, position);
  double earliest = plan_.ready_before(route, position);
  if (info.location >= 0) {
    earliest += model_.leg_time(route, here, info.location);
    here = info.location;
  }
  double start = 0;
  if (!model_.place_in_window(task, earliest_with_links(info, earliest), start)) return kUnbounded;
  if (start > carer.shift.end + kEpsilon) return kUnbounded;
  walk_stamp_[task] = walk_counter_;
  walk_start_[task] = start;
  note_links(info);
  double late_sum = model_.lateness_at(task, start);
  double new_max = std::max(max_lateness, late_sum);
  const auto cost = [&] {
    return weights.lateness_weight * late_sum + weights.max_lateness_weight * (new_max - max_lateness);
  };
  if (cost() >= budget) return kUnbounded;
  double ready = start + info.duration;
  const int length = static_cast<int>(seq.size());
  int pos = position;
  for (; pos < length; ++pos) {
    const int next = seq[pos];
    const Task& next_info = model_.tasks[next];
    double arrival = ready;
    if (next_info.location >= 0) arrival += model_.leg_time(route, here, next_info.location);
    double next_start = 0;
    if (!model_.place_in_window(next, earliest_with_links(next_info, arrival), next_start)) return kUnbounded;
    if (plan_.start(next) != kUnset && next_start <= plan_.start(next) + kEpsilon) break;
    if (next_start > carer.shift.end + kEpsilon) return kUnbounded;
    const double late = model_.lateness_at(next, next_start);
    late_sum += late - model_.lateness_at(next, plan_.start(next));
    new_max = std::max(new_max, late);
    if (cost() >= budget) return kUnbounded;
    walk_stamp_[next] = walk_counter_;
    walk_start_[next] = next_start;
    note_links(next_info);
    ready = next_start + next_info.duration;
    if (next_info.location >= 0) here = next_info.location;
  }
  // the rise reached the end of the day: the carer must still be back in time
  if (pos == length && ready + model_.leg_time(route, here, carer.end_location) > carer.shift.end + kEpsilon)
    return kUnbounded;
  lateness_delta = late_sum;
  return cost();
}

}  // namespace allot::solver::search
