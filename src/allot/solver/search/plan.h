#pragma once
// The current plan: each carer's sequence of tasks, their start times and each
// route's totals, with the two ways of taking a change back: an undo log of start
// times for a tentative insertion, and a journal of the routes one iteration
// touched. Private to the solver.
//
// Start times are kept in one of two ways. On the simple path (Model::simple)
// each route holds forward starts and backward latest starts (Savelsbergh's
// slack). Otherwise the starts are the least solution of a system of difference
// constraints (route order, windows, synchronisation, precedence gaps); an
// insertion only raises starts, so it is applied by propagating the rise from the
// new stop through routes and links.

#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "allot/solver/search/model.h"

namespace allot::solver::search {

// FIFO of task ids without per-use allocation.
class TaskQueue {
 public:
  bool empty() const { return head_ == items_.size(); }
  int front() const { return items_[head_]; }
  void pop_front() {
    if (++head_ == items_.size()) {
      items_.clear();
      head_ = 0;
    }
  }
  void push_back(int task) { items_.push_back(task); }

 private:
  std::vector<int> items_;
  std::size_t head_ = 0;
};

class Plan {
 public:
  using UndoEntry = std::pair<int, double>;  // (task, start before the change)

  // Every route holds only its carer's breaks, every visit is out.
  explicit Plan(const Model& model);

  // ---- reading ---------------------------------------------------------------
  int route_count() const { return static_cast<int>(routes_.size()); }
  const std::vector<std::vector<int>>& routes() const { return routes_; }
  const std::vector<int>& route(int route) const { return routes_[route]; }
  int route_of(int task) const { return task_route_[task]; }
  int position_of(int task) const { return task_position_[task]; }
  double start(int task) const { return start_[task]; }
  double latest(int route, int position) const { return latest_[route][position]; }  // simple path only
  double distance(int route) const { return route_distance_[route]; }
  double travel_time(int route) const { return route_travel_time_[route]; }
  double working_time(int route) const { return route_work_[route]; }
  double load(int route) const { return route_load_[route]; }
  int visit_tasks_in(int route) const { return visit_tasks_in_route_[route]; }
  bool has_visits(int route) const { return visit_tasks_in_route_[route] > 0; }
  // A visit may go into a route already in use, or open one while under the cap.
  bool route_open(int route) const { return has_visits(route) || used_routes_ < max_routes_; }
  int used_routes() const { return used_routes_; }
  int max_routes() const { return max_routes_; }
  bool routed(int visit) const { return visit_routed_[visit] != 0; }
  const std::vector<char>& routed_visits() const { return visit_routed_; }
  double max_lateness() const { return max_lateness_; }
  double lateness(int task) const { return model_.lateness_at(task, start_[task]); }

  // Where the carer is before element `position` of the route (start place if first).
  int location_before(int route, int position) const {
    const auto& seq = routes_[route];
    for (int pos = position - 1; pos >= 0; --pos)
      if (model_.tasks[seq[pos]].location >= 0) return model_.tasks[seq[pos]].location;
    return model_.problem.carers[route].start_location;
  }
  int location_after(int route, int position) const {  // first real place at or after position
    const auto& seq = routes_[route];
    for (int pos = position; pos < static_cast<int>(seq.size()); ++pos)
      if (model_.tasks[seq[pos]].location >= 0) return model_.tasks[seq[pos]].location;
    return model_.problem.carers[route].end_location;
  }
  double ready_before(int route, int position) const {
    if (position == 0) return model_.problem.carers[route].shift.start;
    const int prev = routes_[route][position - 1];
    if (start_[prev] == kUnset) return model_.problem.carers[route].shift.start;
    return start_[prev] + model_.tasks[prev].duration;
  }

  // The plan's cost, and the plan as the solver's answer (export.cpp).
  Cost cost() const;
  Solution to_solution(long iterations) const;

  // ---- routes (plan.cpp) -------------------------------------------------------
  // Membership only: starts and totals are the caller's to refresh.
  void insert_element(int task, int route, int position);
  void remove_element(int task);
  // Recomputes the route's totals and, on the simple path, its starts and slack.
  void refresh_route(int route);
  void mark_routed(int visit) { visit_routed_[visit] = 1; }
  // Takes every part of the visit out of its route, saving the routes first.
  void remove_visit(int visit);
  void set_max_routes(int count) { max_routes_ = count; }
  // Puts every route back as in `routes` (a copy of routes() taken earlier) and
  // drops the journal.
  void restore_routes(const std::vector<std::vector<int>>& routes);

  // ---- journal of one iteration (plan.cpp) -------------------------------------
  // A rejected candidate is taken back by restoring only the routes it touched,
  // each saved before its first change.
  void begin_iteration();
  void save_route(int route);
  void take_back();
  const std::vector<char>& routed_before() const { return routed_before_; }  // at begin_iteration

  // ---- start times (timing.cpp) ------------------------------------------------
  // Raises starts from `source`, just inserted, through its route and its links;
  // false when that breaks a window, a shift or a link. Each change is logged.
  bool propagate_from(int source);
  std::size_t undo_mark() const { return undo_.size(); }
  const std::vector<UndoEntry>& undo_log() const { return undo_; }
  void undo_to(std::size_t mark);
  void forget_undo() { undo_.clear(); }
  void set_max_lateness(double value) { max_lateness_ = value; }
  // Every start from scratch (the least solution) and the maximum lateness.
  void recompute_all_starts();

 private:
  void recount_used_routes();
  void refresh_slack(int route);  // simple path: forward starts, backward latest starts
  double lower_bound(int task) const;

  const Model& model_;
  std::vector<std::vector<int>> routes_;
  std::vector<int> task_route_;
  std::vector<int> task_position_;
  std::vector<double> start_;
  std::vector<std::vector<double>> latest_;  // simple path only
  std::vector<double> route_distance_;
  std::vector<double> route_travel_time_;
  std::vector<double> route_work_;
  std::vector<double> route_load_;
  std::vector<int> visit_tasks_in_route_;
  int used_routes_ = 0;
  int max_routes_ = std::numeric_limits<int>::max();
  std::vector<char> visit_routed_;
  double max_lateness_ = 0;

  std::vector<UndoEntry> undo_;
  std::vector<char> queued_;
  TaskQueue queue_;

  std::vector<std::vector<int>> saved_routes_;
  std::vector<char> route_saved_;
  std::vector<int> saved_list_;
  std::vector<char> routed_before_;
  double max_lateness_before_ = 0;
};

}  // namespace allot::solver::search
