// Start times: forward starts and backward slack on the simple path; elsewhere the
// least solution of the difference constraints, raised by propagation along
// routes and across links (double-handed partners start together, precedence
// gaps hold) and logged so that a tentative rise can be undone.

#include "allot/solver/search/plan.h"

#include <algorithm>

namespace allot::solver::search {

void Plan::refresh_slack(int route) {
  const Carer& carer = model_.problem.carers[route];
  const auto& seq = routes_[route];
  double ready = carer.shift.start;
  int location = carer.start_location;
  for (int task : seq) {
    const Task& info = model_.tasks[task];
    const double arrival = ready + model_.leg_time(route, location, info.location);
    const double window_start = info.windows.empty() ? -kUnbounded : info.windows[0].start;
    start_[task] = std::max(arrival, window_start);
    ready = start_[task] + info.duration;
    location = info.location;
  }
  auto& latest = latest_[route];
  latest.resize(seq.size() + 1);
  latest[seq.size()] = carer.shift.end;  // latest arrival at the end place
  int next_location = carer.end_location;
  for (int pos = static_cast<int>(seq.size()) - 1; pos >= 0; --pos) {
    const Task& info = model_.tasks[seq[pos]];
    const double window_end = info.windows.empty() ? kUnbounded : info.windows[0].end;
    latest[pos] = std::min(window_end,
                           latest[pos + 1] - model_.leg_time(route, info.location, next_location) - info.duration);
    next_location = info.location;
  }
}

// The earliest start the task's predecessor and its routed links allow.
double Plan::lower_bound(int task) const {
  const int route = task_route_[task];
  const int position = task_position_[task];
  double earliest = ready_before(route, position);
  const Task& info = model_.tasks[task];
  if (info.location >= 0) earliest += model_.leg_time(route, location_before(route, position), info.location);
  for (const Bound& bound : info.bounds)
    if (task_route_[bound.other] >= 0 && start_[bound.other] != kUnset)
      earliest = std::max(earliest, start_[bound.other] + bound.offset);
  return earliest;
}

bool Plan::propagate_from(int source) {
  queue_.push_back(source);
  queued_[source] = 1;
  long steps = 0;
  const long step_limit = 50L * static_cast<long>(model_.tasks.size()) + 1000;
  bool feasible = true;
  // Drains the queue even once infeasible, so that no task is left marked queued.
  while (!queue_.empty()) {
    const int task = queue_.front();
    queue_.pop_front();
    queued_[task] = 0;
    if (!feasible) continue;
    if (++steps > step_limit) {
      feasible = false;  // a cycle of links that keeps pushing starts later
      continue;
    }
    double start = 0;
    if (!model_.place_in_window(task, lower_bound(task), start)) {
      feasible = false;
      continue;
    }
    if (start_[task] != kUnset && start <= start_[task] + kEpsilon) continue;
    // The state before the insertion had a least solution, so every rise comes from
    // the source; a rise that comes back round to it is a cycle that gains time
    // each time round (e.g. two synchronised pairs in opposite orders): infeasible.
    if (task == source && start_[task] != kUnset) {
      feasible = false;
      continue;
    }
    const int route = task_route_[task];
    const Carer& carer = model_.problem.carers[route];
    if (start > carer.shift.end + kEpsilon) {
      feasible = false;
      continue;
    }
    undo_.push_back({task, start_[task]});
    start_[task] = start;
    const auto& seq = routes_[route];
    const int position = task_position_[task];
    if (position + 1 < static_cast<int>(seq.size())) {
      const int next = seq[position + 1];
      if (!queued_[next]) {
        queued_[next] = 1;
        queue_.push_back(next);
      }
    } else if (visit_tasks_in_route_[route] > 0) {
      const int here = location_before(route, position + 1);
      if (start + model_.tasks[task].duration + model_.leg_time(route, here, carer.end_location) >
          carer.shift.end + kEpsilon)
        feasible = false;
    }
    for (const Bound& bound : model_.tasks[task].bounds)
      if (task_route_[bound.other] >= 0 && !queued_[bound.other]) {
        queued_[bound.other] = 1;
        queue_.push_back(bound.other);
      }
  }
  return feasible;
}

void Plan::undo_to(std::size_t mark) {
  while (undo_.size() > mark) {
    start_[undo_.back().first] = undo_.back().second;
    undo_.pop_back();
  }
}

void Plan::recompute_all_starts() {
  if (model_.simple) {
    for (int route = 0; route < route_count(); ++route) refresh_route(route);
    return;
  }
  // Sweeps over every route, raising starts from below until nothing moves: the
  // least solution of the constraints. Removals only relax constraints, so it exists.
  for (const auto& seq : routes_)
    for (int task : seq) start_[task] = kUnset;
  const long sweep_limit = 2L * static_cast<long>(model_.tasks.size()) + 10;  // guards against a cycle of links
  bool changed = true;
  for (long sweep = 0; changed && sweep < sweep_limit; ++sweep) {
    changed = false;
    for (const auto& seq : routes_)
      for (int task : seq) {
        double start = 0;
        const double earliest = lower_bound(task);
        if (!model_.place_in_window(task, earliest, start)) start = earliest;
        if (start_[task] == kUnset || start > start_[task] + kEpsilon) {
          start_[task] = start;
          changed = true;
        }
      }
  }
  undo_.clear();
  max_lateness_ = 0;
  for (const auto& seq : routes_)
    for (int task : seq) max_lateness_ = std::max(max_lateness_, lateness(task));
}

}  // namespace allot::solver::search
