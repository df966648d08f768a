#include "allot/solver/search/plan.h"

#include <algorithm>

namespace allot::solver::search {

Plan::Plan(const Model& model) : model_(model), routes_(model.breaks_of_carer) {
  const auto task_count = model.tasks.size();
  const int carer_count = model.carer_count();
  task_route_.assign(task_count, -1);
  task_position_.assign(task_count, -1);
  start_.assign(task_count, kUnset);
  queued_.assign(task_count, 0);
  latest_.assign(carer_count, {});
  route_distance_.assign(carer_count, 0);
  route_travel_time_.assign(carer_count, 0);
  route_work_.assign(carer_count, 0);
  route_load_.assign(carer_count, 0);
  visit_tasks_in_route_.assign(carer_count, 0);
  visit_routed_.assign(model.visit_count(), 0);
  saved_routes_.assign(carer_count, {});
  route_saved_.assign(carer_count, 0);
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
    for (int pos = 0; pos < static_cast<int>(routes_[carer_idx].size()); ++pos) {
      task_route_[routes_[carer_idx][pos]] = carer_idx;
      task_position_[routes_[carer_idx][pos]] = pos;
    }
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) refresh_route(carer_idx);
  recompute_all_starts();
}

void Plan::insert_element(int task, int route, int position) {
  auto& seq = routes_[route];
  seq.insert(seq.begin() + position, task);
  for (int pos = position; pos < static_cast<int>(seq.size()); ++pos) task_position_[seq[pos]] = pos;
  task_route_[task] = route;
  if (model_.tasks[task].visit >= 0 && visit_tasks_in_route_[route]++ == 0) ++used_routes_;
}

void Plan::remove_element(int task) {
  const int route = task_route_[task];
  auto& seq = routes_[route];
  const int position = task_position_[task];
  seq.erase(seq.begin() + position);
  for (int pos = position; pos < static_cast<int>(seq.size()); ++pos) task_position_[seq[pos]] = pos;
  task_route_[task] = -1;
  task_position_[task] = -1;
  start_[task] = kUnset;
  if (model_.tasks[task].visit >= 0 && --visit_tasks_in_route_[route] == 0) --used_routes_;
}

void Plan::refresh_route(int route) {
  const Carer& carer = model_.problem.carers[route];
  const auto& seq = routes_[route];
  double distance = 0;
  double travel = 0;
  double work = 0;
  double load = 0;
  int location = carer.start_location;
  for (int task : seq) {
    const Task& info = model_.tasks[task];
    if (info.location < 0) continue;
    distance += model_.leg_distance(location, info.location);
    const double leg = model_.leg_time(route, location, info.location);
    travel += leg;
    work += leg + info.duration;
    load += info.demand;
    location = info.location;
  }
  // a route with breaks only is not used: the carer stays at home
  if (!seq.empty() && visit_tasks_in_route_[route] > 0) {
    distance += model_.leg_distance(location, carer.end_location);
    const double leg = model_.leg_time(route, location, carer.end_location);
    travel += leg;
    work += leg;
  }
  route_distance_[route] = distance;
  route_travel_time_[route] = travel;
  route_work_[route] = work;
  route_load_[route] = load;
  if (model_.simple) refresh_slack(route);
}

void Plan::remove_visit(int visit) {
  for (int task : model_.tasks_of_visit[visit]) {
    const int route = task_route_[task];
    if (route < 0) continue;
    save_route(route);
    remove_element(task);
    refresh_route(route);
  }
  visit_routed_[visit] = 0;
}

void Plan::recount_used_routes() {
  used_routes_ = 0;
  for (int route = 0; route < route_count(); ++route) used_routes_ += has_visits(route) ? 1 : 0;
}

void Plan::restore_routes(const std::vector<std::vector<int>>& routes) {
  for (int route : saved_list_) route_saved_[route] = 0;
  saved_list_.clear();
  for (int task = 0; task < static_cast<int>(model_.tasks.size()); ++task) {
    task_route_[task] = -1;
    task_position_[task] = -1;
    start_[task] = kUnset;
  }
  std::fill(visit_tasks_in_route_.begin(), visit_tasks_in_route_.end(), 0);
  std::fill(visit_routed_.begin(), visit_routed_.end(), 0);
  routes_ = routes;
  for (int route = 0; route < route_count(); ++route)
    for (int pos = 0; pos < static_cast<int>(routes_[route].size()); ++pos) {
      const int task = routes_[route][pos];
      task_route_[task] = route;
      task_position_[task] = pos;
      if (model_.tasks[task].visit < 0) continue;
      ++visit_tasks_in_route_[route];
      visit_routed_[model_.tasks[task].visit] = 1;
    }
  recount_used_routes();
  for (int route = 0; route < route_count(); ++route) refresh_route(route);
  recompute_all_starts();
}

void Plan::begin_iteration() {
  for (int route : saved_list_) route_saved_[route] = 0;
  saved_list_.clear();
  routed_before_ = visit_routed_;
  max_lateness_before_ = max_lateness_;
}

void Plan::save_route(int route) {
  if (route_saved_[route]) return;
  route_saved_[route] = 1;
  saved_routes_[route] = routes_[route];
  saved_list_.push_back(route);
}

// Only the saved routes changed, so only they are rebuilt (all starts off the
// simple path, where links reach across routes).
void Plan::take_back() {
  for (int route : saved_list_)
    for (int task : routes_[route]) {
      task_route_[task] = -1;
      task_position_[task] = -1;
      start_[task] = kUnset;
      if (model_.tasks[task].visit >= 0) --visit_tasks_in_route_[route];
    }
  for (int route : saved_list_) {
    routes_[route] = saved_routes_[route];
    for (int pos = 0; pos < static_cast<int>(routes_[route].size()); ++pos) {
      const int task = routes_[route][pos];
      task_route_[task] = route;
      task_position_[task] = pos;
      if (model_.tasks[task].visit >= 0) ++visit_tasks_in_route_[route];
    }
  }
  visit_routed_ = routed_before_;
  recount_used_routes();
  for (int route : saved_list_) refresh_route(route);
  if (!model_.simple) recompute_all_starts();
  max_lateness_ = max_lateness_before_;
}

}  // namespace allot::solver::search
