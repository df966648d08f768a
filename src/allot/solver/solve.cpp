// The search: ruin and recreate with simulated-annealing acceptance, after the
// "slack induction by string removals" (SISR) idea of Christiaens and Vanden Berghe
// (2020): remove a few strings of visits near each other, reinsert every removed
// visit at its cheapest place (skipping a place now and then), accept by a
// falling threshold.
//
// Evaluation has two paths:
//  * plain VRPTW (one hard window per visit, no breaks, links or lateness): an
//    insertion is checked in O(1) from each stop's forward start time and backward
//    latest start time (Savelsbergh's slack).
//  * everything else: start times are the least solution of a system of difference
//    constraints (route order, windows, synchronisation, precedence gaps); an
//    insertion only raises start times, so it is evaluated by propagating the rise
//    from the new stop through routes and links, and undoing it afterwards.

#include "allot/solver/solve.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace allot::solver {

const char* unassigned_reason_name(UnassignedReason reason) {
  switch (reason) {
    case UnassignedReason::kNoSkilledCarer: return "no_skilled_carer";
    case UnassignedReason::kCapacity: return "capacity";
    case UnassignedReason::kOutsideShifts: return "outside_shifts";
    case UnassignedReason::kWindowUnreachable: return "window_unreachable";
    case UnassignedReason::kCarersFullyBooked: return "carers_fully_booked";
  }
  return "carers_fully_booked";
}

bool is_better(const Cost& left, const Cost& right) {
  if (left.unassigned_priority < right.unassigned_priority - 1e-9) return true;
  if (left.unassigned_priority > right.unassigned_priority + 1e-9) return false;
  return left.objective < right.objective - 1e-9 * std::max(1.0, std::fabs(right.objective));
}

bool is_better_for(const Objective& objective, const Cost& left, const Cost& right) {
  if (objective.fewest_routes_first && std::fabs(left.unassigned_priority - right.unassigned_priority) <= 1e-9 &&
      left.routes_used != right.routes_used)
    return left.routes_used < right.routes_used;
  return is_better(left, right);
}

namespace {

constexpr double kUnset = -kUnbounded;
constexpr double kRouteRemovalRate = 0.05;
constexpr double kStartTemperature = 3.0;  // in average arcs per visit
constexpr double kEndTemperature = 0.03;
constexpr double kEpsilon = 1e-9;
constexpr int kGranularRoutes = 60;  // above this many candidate carers, try a granular list
constexpr int kNearestCarers = 20;

// s_task >= s_other + offset (only while `other` is routed).
struct Bound {
  int other = 0;
  double offset = 0;
};

struct Task {
  int visit = -1;        // -1: a break
  int fixed_carer = -1;  // breaks belong to one carer
  int break_index = -1;
  int location = -1;     // -1: a break, taken where the carer is
  double duration = 0;
  double demand = 0;
  std::vector<TimeWindow> windows;
  std::vector<Bound> bounds;
  int partner = -1;      // the other half of a double-handed visit
};

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

struct Move {
  int route = -1;
  int position = -1;
  double delta = kUnbounded;
};

class Search {
 public:
  Search(const Problem& problem, std::uint64_t seed) : problem_(problem), random_(seed) { build(); }

  Solution run(long iteration_limit, const SolveOptions& options, const ProgressCallback& on_progress,
               const StopCheck& should_stop);

 private:
  // ---- model -------------------------------------------------------------
  void build();
  bool carer_can_take(int carer, int visit) const;
  UnassignedReason static_reason(int visit) const;

  double leg_time(int route, int from, int to) const {
    const double base = duration_table_ != nullptr ? duration_table_[static_cast<std::size_t>(from) * table_size_ + to]
                                                   : travel_duration(problem_.travel, from, to);
    return base / speed_factor_[route];  // divided, as the checker does, so both agree to the last bit
  }
  double leg_distance(int from, int to) const {
    return distance_table_ != nullptr ? distance_table_[static_cast<std::size_t>(from) * table_size_ + to]
                                      : travel_distance(problem_.travel, from, to);
  }

  // Where the carer is before element `position` of the route (start place if first).
  int location_before(int route, int position) const {
    const auto& seq = routes_[route];
    for (int pos = position - 1; pos >= 0; --pos)
      if (tasks_[seq[pos]].location >= 0) return tasks_[seq[pos]].location;
    return problem_.carers[route].start_location;
  }
  int location_after(int route, int position) const {  // first real place at or after position
    const auto& seq = routes_[route];
    for (int pos = position; pos < static_cast<int>(seq.size()); ++pos)
      if (tasks_[seq[pos]].location >= 0) return tasks_[seq[pos]].location;
    return problem_.carers[route].end_location;
  }
  double ready_before(int route, int position) const {
    if (position == 0) return problem_.carers[route].shift.start;
    const int prev = routes_[route][position - 1];
    if (start_[prev] == kUnset) return problem_.carers[route].shift.start;
    return start_[prev] + tasks_[prev].duration;
  }
  double lower_bound(int task) const;
  bool place_in_window(int task, double earliest, double& start) const;
  double lateness_at(int task, double start) const;
  double lateness(int task) const { return lateness_at(task, start_[task]); }

  // ---- state updates -----------------------------------------------------
  void insert_element(int task, int route, int position);
  void remove_element(int task);
  void refresh_route(int route);
  bool propagate(int source);  // drains queue_; `source` is the task just inserted
  void undo_to(std::size_t mark);
  void recompute_all_starts();
  Cost compute_cost() const;
  bool route_has_visits(int route) const { return visit_tasks_in_route_[route] > 0; }
  // A visit may go into a route already in use, or open one while under the cap.
  bool route_open(int route) const { return route_has_visits(route) || used_routes_ < max_routes_; }
  void recount_used_routes();
  void restore_routes(const std::vector<std::vector<int>>& routes);
  struct Undo {  // what an iteration needs to be taken back, beside the saved routes
    std::vector<char> was_routed;
    double max_lateness = 0;
  };
  Undo ruin_and_recreate();
  void undo_iteration(const Undo& undo);
  void empty_a_route(const std::vector<int>& routed, std::vector<int>& removed);
  using Budget = std::function<bool(long iteration)>;  // true: stop now
  long minimise_routes(const Budget& spent, const ProgressCallback& on_progress, Solution& best_solution,
                       long iteration);

  // ---- moves ---------------------------------------------------------------
  double evaluate_insert(int task, int route, int position, bool keep, double& lateness_delta,
                         double cutoff = kUnbounded);
  double walk_insert(int task, int route, int position, double& lateness_delta, double budget, bool& reaches_link);
  Move best_insertion(int task, int excluded_route, double blink_rate);
  bool insert_visit(int visit, double blink_rate);
  void remove_visit(int visit);
  void ruin(std::vector<int>& removed);
  void remove_with_links(const std::vector<int>& victims, std::vector<int>& removed);
  void recreate(std::vector<int>& order);
  void save_route(int route);
  const std::vector<int>& routes_to_try(int visit, std::vector<int>& scratch);

  Solution export_solution(long iterations) const;

  const Problem& problem_;
  std::mt19937_64 random_;
  std::vector<Task> tasks_;
  std::vector<std::vector<int>> tasks_of_visit_;
  std::vector<std::vector<int>> candidate_carers_;  // per visit, static filters passed
  std::vector<std::vector<int>> neighbours_;        // per visit, nearest visits
  std::vector<std::vector<int>> linked_visits_;     // per visit, visits tied to it by a precedence
  std::vector<std::vector<int>> nearest_carers_;    // per visit, candidate carers starting nearest
  std::vector<int> route_mark_;                     // scratch for granular route lists
  int route_mark_stamp_ = 0;
  bool simple_ = true;
  // Travel is read from full tables: the caller's matrices, or coordinates turned
  // into matrices once when they fit in memory comfortably (null: compute each arc).
  std::size_t table_size_ = 0;
  const double* distance_table_ = nullptr;
  const double* duration_table_ = nullptr;
  std::vector<double> distance_cache_;
  std::vector<double> duration_cache_;
  std::vector<double> speed_factor_;  // per carer, kept beside the tables for locality

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

  // undo log for tentative propagation: (task, previous start)
  std::vector<std::pair<int, double>> undo_;
  std::vector<char> queued_;
  TaskQueue queue_;
  bool has_links_ = false;
  // false: screen places by propagating along the route only, partners' starts held
  bool follow_links_ = true;
  std::vector<long> stamp_;
  long stamp_counter_ = 0;
  // walk_insert's tentative starts, valid where walk_stamp_ equals walk_counter_
  std::vector<double> walk_start_;
  std::vector<long> walk_stamp_;
  long walk_counter_ = 0;

  // per-iteration snapshot of routes before change
  std::vector<std::vector<int>> saved_routes_;
  std::vector<char> route_saved_;
  std::vector<int> saved_list_;
};

void Search::build() {
  const int location_count = problem_.travel.location_count;
  table_size_ = static_cast<std::size_t>(location_count);
  if (problem_.travel.kind == TravelModel::Kind::kMatrix) {
    distance_table_ = problem_.travel.distance_matrix.data();
    duration_table_ = problem_.travel.duration_matrix.data();
  } else if (location_count <= 2500) {
    const auto size = static_cast<std::size_t>(location_count);
    distance_cache_.resize(size * size);
    duration_cache_.resize(size * size);
    for (int from = 0; from < location_count; ++from)
      for (int to = 0; to < location_count; ++to) {
        distance_cache_[from * size + to] = travel_distance(problem_.travel, from, to);
        duration_cache_[from * size + to] = travel_duration(problem_.travel, from, to);
      }
    distance_table_ = distance_cache_.data();
    duration_table_ = duration_cache_.data();
  }
  for (const Carer& carer : problem_.carers) speed_factor_.push_back(carer.speed_factor);
  const int visit_count = static_cast<int>(problem_.visits.size());
  const int carer_count = static_cast<int>(problem_.carers.size());
  tasks_of_visit_.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    const Visit& visit = problem_.visits[visit_idx];
    for (int slot = 0; slot < visit.carers_needed; ++slot) {
      Task task;
      task.visit = visit_idx;
      task.location = visit.location;
      task.duration = visit.duration;
      task.demand = visit.demand;
      task.windows = visit.windows;
      tasks_of_visit_[visit_idx].push_back(static_cast<int>(tasks_.size()));
      tasks_.push_back(std::move(task));
    }
    if (visit.carers_needed == 2) {
      const int first = tasks_of_visit_[visit_idx][0];
      const int second = tasks_of_visit_[visit_idx][1];
      tasks_[first].bounds.push_back({second, 0});
      tasks_[second].bounds.push_back({first, 0});
      tasks_[first].partner = second;
      tasks_[second].partner = first;
      simple_ = false;
    }
    if (visit.windows.size() > 1) simple_ = false;
  }
  linked_visits_.resize(visit_count);
  for (const Precedence& link : problem_.precedences) {
    linked_visits_[link.first_visit].push_back(link.second_visit);
    linked_visits_[link.second_visit].push_back(link.first_visit);
    const int first = tasks_of_visit_[link.first_visit][0];
    const int second = tasks_of_visit_[link.second_visit][0];
    tasks_[second].bounds.push_back({first, link.min_gap});
    if (link.max_gap < kUnbounded) tasks_[first].bounds.push_back({second, -link.max_gap});
    else tasks_[first].bounds.push_back({second, -kUnbounded});
    simple_ = false;
  }
  if (problem_.objective.allow_lateness) simple_ = false;
  for (const Task& task : tasks_) has_links_ = has_links_ || !task.bounds.empty();

  routes_.assign(carer_count, {});
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
    const Carer& carer = problem_.carers[carer_idx];
    for (int break_idx = 0; break_idx < static_cast<int>(carer.breaks.size()); ++break_idx) {
      Task task;
      task.fixed_carer = carer_idx;
      task.break_index = break_idx;
      task.duration = carer.breaks[break_idx].duration;
      task.windows = {carer.breaks[break_idx].window};
      routes_[carer_idx].push_back(static_cast<int>(tasks_.size()));
      tasks_.push_back(std::move(task));
      simple_ = false;
    }
    // Breaks in window order, so the empty route is feasible if any is.
    std::sort(routes_[carer_idx].begin(), routes_[carer_idx].end(),
              [&](int left, int right) { return tasks_[left].windows[0].start < tasks_[right].windows[0].start; });
  }

  const auto task_count = tasks_.size();
  task_route_.assign(task_count, -1);
  task_position_.assign(task_count, -1);
  start_.assign(task_count, kUnset);
  queued_.assign(task_count, 0);
  stamp_.assign(task_count, 0);
  walk_start_.assign(task_count, 0);
  walk_stamp_.assign(task_count, 0);
  latest_.assign(carer_count, {});
  route_distance_.assign(carer_count, 0);
  route_travel_time_.assign(carer_count, 0);
  route_work_.assign(carer_count, 0);
  route_load_.assign(carer_count, 0);
  visit_tasks_in_route_.assign(carer_count, 0);
  visit_routed_.assign(visit_count, 0);
  saved_routes_.assign(carer_count, {});
  route_saved_.assign(carer_count, 0);
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
    for (int pos = 0; pos < static_cast<int>(routes_[carer_idx].size()); ++pos) {
      task_route_[routes_[carer_idx][pos]] = carer_idx;
      task_position_[routes_[carer_idx][pos]] = pos;
    }

  candidate_carers_.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx)
    for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
      if (carer_can_take(carer_idx, visit_idx)) candidate_carers_[visit_idx].push_back(carer_idx);

  // Nearest visits by travel distance, for choosing which strings to remove together.
  const int neighbour_count = std::min(visit_count - 1, 40);
  neighbours_.resize(visit_count);
  std::vector<std::pair<double, int>> by_distance;
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    by_distance.clear();
    for (int other = 0; other < visit_count; ++other)
      if (other != visit_idx)
        by_distance.push_back({leg_distance(problem_.visits[visit_idx].location, problem_.visits[other].location), other});
    if (neighbour_count > 0) {
      std::partial_sort(by_distance.begin(), by_distance.begin() + neighbour_count, by_distance.end());
      for (int rank = 0; rank < neighbour_count; ++rank) neighbours_[visit_idx].push_back(by_distance[rank].second);
    }
  }
  // Granular neighbourhoods for large problems (Vidal's idea, routes instead of arcs):
  // a visit is tried in the routes of its nearest visits and of the nearest carers.
  nearest_carers_.resize(visit_count);
  route_mark_.assign(carer_count, 0);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    if (static_cast<int>(candidate_carers_[visit_idx].size()) <= kGranularRoutes) continue;
    std::vector<std::pair<double, int>> by_home;
    for (int carer : candidate_carers_[visit_idx])
      by_home.push_back({leg_distance(problem_.carers[carer].start_location, problem_.visits[visit_idx].location), carer});
    std::partial_sort(by_home.begin(), by_home.begin() + kNearestCarers, by_home.end());
    for (int rank = 0; rank < kNearestCarers; ++rank) nearest_carers_[visit_idx].push_back(by_home[rank].second);
  }
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) refresh_route(carer_idx);
  recompute_all_starts();
}

// The routes worth trying for a visit: all candidates when few, else a granular list.
const std::vector<int>& Search::routes_to_try(int visit, std::vector<int>& scratch) {
  const auto& all = candidate_carers_[visit];
  if (static_cast<int>(all.size()) <= kGranularRoutes) return all;
  scratch.clear();
  ++route_mark_stamp_;
  const auto add = [&](int route) {
    if (route < 0 || route_mark_[route] == route_mark_stamp_) return;
    if (!std::binary_search(all.begin(), all.end(), route)) return;
    route_mark_[route] = route_mark_stamp_;
    scratch.push_back(route);
  };
  for (int carer : nearest_carers_[visit]) add(carer);
  for (int neighbour : neighbours_[visit])
    for (int task : tasks_of_visit_[neighbour]) add(task_route_[task]);
  return scratch;
}

bool Search::carer_can_take(int carer_idx, int visit_idx) const {
  const Carer& carer = problem_.carers[carer_idx];
  const Visit& visit = problem_.visits[visit_idx];
  for (int skill : visit.skills)
    if (std::find(carer.skills.begin(), carer.skills.end(), skill) == carer.skills.end()) return false;
  if (std::find(visit.excluded_carers.begin(), visit.excluded_carers.end(), carer_idx) != visit.excluded_carers.end())
    return false;
  if (visit.demand > carer.capacity) return false;
  const double arrival = carer.shift.start + leg_time(carer_idx, carer.start_location, visit.location);
  double start = arrival;
  if (!visit.windows.empty()) {
    bool found = false;
    for (const TimeWindow& window : visit.windows)
      if (window.end >= arrival) {
        start = std::max(arrival, window.start);
        found = true;
        break;
      }
    if (!found) {
      if (!problem_.objective.allow_lateness) return false;
      start = std::max(arrival, visit.windows.front().start);
    }
  }
  const double home = leg_time(carer_idx, visit.location, carer.end_location);
  if (start + visit.duration + home > carer.shift.end + kEpsilon) return false;
  const double work = leg_time(carer_idx, carer.start_location, visit.location) + visit.duration + home;
  return work <= carer.max_working_time + kEpsilon;
}

UnassignedReason Search::static_reason(int visit_idx) const {
  const Visit& visit = problem_.visits[visit_idx];
  std::vector<int> skilled;
  for (int carer_idx = 0; carer_idx < static_cast<int>(problem_.carers.size()); ++carer_idx) {
    const Carer& carer = problem_.carers[carer_idx];
    bool ok = std::find(visit.excluded_carers.begin(), visit.excluded_carers.end(), carer_idx) ==
              visit.excluded_carers.end();
    for (int skill : visit.skills)
      if (std::find(carer.skills.begin(), carer.skills.end(), skill) == carer.skills.end()) ok = false;
    if (ok) skilled.push_back(carer_idx);
  }
  const auto needed = static_cast<std::size_t>(visit.carers_needed);
  if (skilled.size() < needed) return UnassignedReason::kNoSkilledCarer;
  std::erase_if(skilled, [&](int carer) { return visit.demand > problem_.carers[carer].capacity; });
  if (skilled.size() < needed) return UnassignedReason::kCapacity;
  std::erase_if(skilled, [&](int carer_idx) {
    const TimeWindow& shift = problem_.carers[carer_idx].shift;
    if (visit.windows.empty()) return false;
    for (const TimeWindow& window : visit.windows)
      if (window.start <= shift.end && (window.end >= shift.start || problem_.objective.allow_lateness)) return false;
    return true;
  });
  if (skilled.size() < needed) return UnassignedReason::kOutsideShifts;
  if (candidate_carers_[visit_idx].size() < needed) return UnassignedReason::kWindowUnreachable;
  return UnassignedReason::kCarersFullyBooked;
}

double Search::lower_bound(int task) const {
  const int route = task_route_[task];
  const int position = task_position_[task];
  double earliest = ready_before(route, position);
  const Task& info = tasks_[task];
  if (info.location >= 0) earliest += leg_time(route, location_before(route, position), info.location);
  for (const Bound& bound : info.bounds)
    if (task_route_[bound.other] >= 0 && start_[bound.other] != kUnset)
      earliest = std::max(earliest, start_[bound.other] + bound.offset);
  return earliest;
}

bool Search::place_in_window(int task, double earliest, double& start) const {
  const Task& info = tasks_[task];
  if (info.windows.empty()) {
    start = earliest;
    return true;
  }
  for (const TimeWindow& window : info.windows)
    if (window.end >= earliest - kEpsilon) {
      start = std::max(earliest, window.start);
      return true;
    }
  if (info.visit >= 0 && problem_.objective.allow_lateness) {
    start = earliest;
    return true;
  }
  return false;
}

double Search::lateness_at(int task, double start) const {
  const Task& info = tasks_[task];
  if (info.visit < 0 || info.windows.empty() || start == kUnset) return 0;
  double late = kUnbounded;
  for (const TimeWindow& window : info.windows)
    if (start >= window.start - kEpsilon) late = std::min(late, std::max(0.0, start - window.end));
  return late == kUnbounded ? 0 : late;
}

void Search::insert_element(int task, int route, int position) {
  auto& seq = routes_[route];
  seq.insert(seq.begin() + position, task);
  for (int pos = position; pos < static_cast<int>(seq.size()); ++pos) task_position_[seq[pos]] = pos;
  task_route_[task] = route;
  if (tasks_[task].visit >= 0 && visit_tasks_in_route_[route]++ == 0) ++used_routes_;
}

void Search::remove_element(int task) {
  const int route = task_route_[task];
  auto& seq = routes_[route];
  const int position = task_position_[task];
  seq.erase(seq.begin() + position);
  for (int pos = position; pos < static_cast<int>(seq.size()); ++pos) task_position_[seq[pos]] = pos;
  task_route_[task] = -1;
  task_position_[task] = -1;
  start_[task] = kUnset;
  if (tasks_[task].visit >= 0 && --visit_tasks_in_route_[route] == 0) --used_routes_;
}

// Aggregates (distance, travel, work, load) and, on the simple path, forward
// start times and backward latest starts.
void Search::refresh_route(int route) {
  const Carer& carer = problem_.carers[route];
  const auto& seq = routes_[route];
  double distance = 0;
  double travel = 0;
  double work = 0;
  double load = 0;
  int location = carer.start_location;
  for (int task : seq) {
    const Task& info = tasks_[task];
    if (info.location < 0) continue;
    distance += leg_distance(location, info.location);
    const double leg = leg_time(route, location, info.location);
    travel += leg;
    work += leg + info.duration;
    load += info.demand;
    location = info.location;
  }
  if (!seq.empty() && visit_tasks_in_route_[route] > 0) {
    distance += leg_distance(location, carer.end_location);
    const double leg = leg_time(route, location, carer.end_location);
    travel += leg;
    work += leg;
  }
  route_distance_[route] = distance;
  route_travel_time_[route] = travel;
  route_work_[route] = work;
  route_load_[route] = load;
  if (!simple_) return;
  // simple path: forward starts and backward latest starts
  double ready = carer.shift.start;
  location = carer.start_location;
  for (int task : seq) {
    const double arrival = ready + leg_time(route, location, tasks_[task].location);
    const double window_start = tasks_[task].windows.empty() ? -kUnbounded : tasks_[task].windows[0].start;
    start_[task] = std::max(arrival, window_start);
    ready = start_[task] + tasks_[task].duration;
    location = tasks_[task].location;
  }
  auto& latest = latest_[route];
  latest.resize(seq.size() + 1);
  latest[seq.size()] = carer.shift.end;  // latest arrival at the end place
  int next_location = carer.end_location;
  for (int pos = static_cast<int>(seq.size()) - 1; pos >= 0; --pos) {
    const Task& info = tasks_[seq[pos]];
    const double window_end = info.windows.empty() ? kUnbounded : info.windows[0].end;
    latest[pos] = std::min(window_end, latest[pos + 1] - leg_time(route, info.location, next_location) - info.duration);
    next_location = info.location;
  }
}

bool Search::propagate(int source) {
  auto& queue = queue_;
  long steps = 0;
  const long step_limit = 50L * static_cast<long>(tasks_.size()) + 1000;
  bool feasible = true;
  while (!queue.empty()) {
    const int task = queue.front();
    queue.pop_front();
    queued_[task] = 0;
    if (!feasible) continue;
    if (++steps > step_limit) {
      feasible = false;  // a cycle of links that keeps pushing starts later
      continue;
    }
    double start = 0;
    if (!place_in_window(task, lower_bound(task), start)) {
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
    const Carer& carer = problem_.carers[route];
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
        queue.push_back(next);
      }
    } else if (visit_tasks_in_route_[route] > 0) {
      const int here = location_before(route, position + 1);
      if (start + tasks_[task].duration + leg_time(route, here, carer.end_location) > carer.shift.end + kEpsilon)
        feasible = false;
    }
    if (follow_links_)
      for (const Bound& bound : tasks_[task].bounds)
        if (task_route_[bound.other] >= 0 && !queued_[bound.other]) {
        queued_[bound.other] = 1;
        queue.push_back(bound.other);
      }
  }
  return feasible;
}

void Search::undo_to(std::size_t mark) {
  while (undo_.size() > mark) {
    start_[undo_.back().first] = undo_.back().second;
    undo_.pop_back();
  }
}

void Search::recompute_all_starts() {
  if (simple_) {
    for (int route = 0; route < static_cast<int>(routes_.size()); ++route) refresh_route(route);
    return;
  }
  // Sweeps over every route, raising starts from below until nothing moves: the
  // least solution of the constraints. Removals only relax constraints, so it exists.
  for (const auto& seq : routes_)
    for (int task : seq) start_[task] = kUnset;
  const long sweep_limit = 2L * static_cast<long>(tasks_.size()) + 10;  // guards against a cycle of links
  bool changed = true;
  for (long sweep = 0; changed && sweep < sweep_limit; ++sweep) {
    changed = false;
    for (const auto& seq : routes_)
      for (int task : seq) {
        double start = 0;
        const double earliest = lower_bound(task);
        if (!place_in_window(task, earliest, start)) start = earliest;
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

// Cost change of putting `task` at `position` of `route`, or infinity when
// infeasible. With keep=false the state is restored; with keep=true the
// insertion stays (the caller refreshes aggregates).
double Search::evaluate_insert(int task, int route, int position, bool keep, double& lateness_delta, double cutoff) {
  const Task& info = tasks_[task];
  const Carer& carer = problem_.carers[route];
  const Objective& weights = problem_.objective;
  if (route_load_[route] + info.demand > carer.capacity + kEpsilon) return kUnbounded;
  double delta_distance = 0;
  double delta_time = 0;
  if (info.location >= 0) {
    const int before = location_before(route, position);
    const int after = location_after(route, position);
    if (route_has_visits(route)) {
      delta_distance = leg_distance(before, info.location) + leg_distance(info.location, after) - leg_distance(before, after);
      delta_time = leg_time(route, before, info.location) + leg_time(route, info.location, after) - leg_time(route, before, after);
    } else {
      delta_distance = leg_distance(before, info.location) + leg_distance(info.location, after);
      delta_time = leg_time(route, before, info.location) + leg_time(route, info.location, after);
    }
  }
  if (route_work_[route] + delta_time + info.duration > carer.max_working_time + kEpsilon) return kUnbounded;
  double delta = weights.distance_weight * delta_distance + weights.travel_time_weight * delta_time;
  if (info.visit >= 0) {
    if (!route_has_visits(route)) delta += weights.route_cost;
    const auto& preferred = problem_.visits[info.visit].preferred_carers;
    if (!preferred.empty() && std::find(preferred.begin(), preferred.end(), route) == preferred.end())
      delta += weights.non_preferred_cost;
  }
  lateness_delta = 0;
  // the other terms only add, so a place already dearer than the best one found is skipped
  if (delta >= cutoff) return kUnbounded;
  if (simple_) {
    const double ready = ready_before(route, position);
    const int before = location_before(route, position);
    const double arrival = ready + leg_time(route, before, info.location);
    const double window_start = info.windows.empty() ? -kUnbounded : info.windows[0].start;
    const double window_end = info.windows.empty() ? kUnbounded : info.windows[0].end;
    if (arrival > window_end + kEpsilon) return kUnbounded;
    const double start = std::max(arrival, window_start);
    const int after = location_after(route, position);
    const double next_arrival = start + info.duration + leg_time(route, info.location, after);
    if (next_arrival > latest_[route][position] + kEpsilon) return kUnbounded;
    if (keep) {
      insert_element(task, route, position);
      refresh_route(route);
    }
    return delta;
  }
  // A look that changes nothing: exact when no link can carry the rise to
  // another route, and the screen used before following links otherwise.
  // Following links only raises more starts, so a place the walk rules out stays out.
  if (!keep) {
    bool reaches_link = false;
    const double rise = walk_insert(task, route, position, lateness_delta, cutoff - delta, reaches_link);
    if (rise == kUnbounded) return kUnbounded;
    if (!follow_links_ || !reaches_link) return delta + rise;
    lateness_delta = 0;
  }
  // general path: quick window test, then propagate the rise and measure it
  {
    const double ready = ready_before(route, position);
    const double arrival = ready + (info.location >= 0 ? leg_time(route, location_before(route, position), info.location) : 0);
    double start = 0;
    if (!place_in_window(task, arrival, start)) return kUnbounded;
    if (start > carer.shift.end + kEpsilon) return kUnbounded;
  }
  const std::size_t mark = undo_.size();
  insert_element(task, route, position);
  queue_.push_back(task);
  queued_[task] = 1;
  const bool feasible = propagate(task);
  if (feasible) {
    double new_max = max_lateness_;
    ++stamp_counter_;
    for (std::size_t entry = mark; entry < undo_.size(); ++entry) {
      const int changed = undo_[entry].first;
      const double now = lateness(changed);
      double before = 0;
      if (undo_[entry].second != kUnset) {
        const double saved = start_[changed];
        start_[changed] = undo_[entry].second;
        before = lateness(changed);
        start_[changed] = saved;
      }
      // a task may be logged more than once; only its first entry holds the original start
      if (stamp_[changed] != stamp_counter_) {
        stamp_[changed] = stamp_counter_;
        lateness_delta += now - before;
      }
      new_max = std::max(new_max, now);
    }
    delta += weights.lateness_weight * lateness_delta + weights.max_lateness_weight * (new_max - max_lateness_);
    if (keep) {  // the undo log keeps the entries so a caller may still take it back
      max_lateness_ = new_max;
      return delta;
    }
  }
  undo_to(mark);
  remove_element(task);
  start_[task] = kUnset;
  return feasible ? delta : kUnbounded;
}

// The lateness cost of putting `task` at `position` of `route`, found by walking
// the rise in start times down the route without changing anything: starts only
// rise, and the rise ends at the first stop that does not move. Tasks in other
// routes are held where they are, as propagate() does with follow_links_ off; a
// linked task later in this route sees its partner's new start. Returns infinity
// when infeasible or once the cost reaches `budget` (lateness only adds).
// `reaches_link` tells whether a task that moved is tied to a routed task
// elsewhere, so that following links could change the answer.
double Search::walk_insert(int task, int route, int position, double& lateness_delta, double budget,
                           bool& reaches_link) {
  const Carer& carer = problem_.carers[route];
  const Objective& weights = problem_.objective;
  const auto& seq = routes_[route];
  const Task& info = tasks_[task];
  ++walk_counter_;
  const auto current_start = [&](int other) {
    return walk_stamp_[other] == walk_counter_ ? walk_start_[other] : start_[other];
  };
  const auto earliest_with_links = [&](const Task& item, double earliest) {
    for (const Bound& bound : item.bounds)
      if (task_route_[bound.other] >= 0) {
        const double other_start = current_start(bound.other);
        if (other_start != kUnset) earliest = std::max(earliest, other_start + bound.offset);
      }
    return earliest;
  };
  const auto note_links = [&](const Task& item) {
    for (const Bound& bound : item.bounds) reaches_link = reaches_link || task_route_[bound.other] >= 0;
  };
  int here = location_before(route, position);
  double earliest = ready_before(route, position);
  if (info.location >= 0) {
    earliest += leg_time(route, here, info.location);
    here = info.location;
  }
  double start = 0;
  if (!place_in_window(task, earliest_with_links(info, earliest), start)) return kUnbounded;
  if (start > carer.shift.end + kEpsilon) return kUnbounded;
  walk_stamp_[task] = walk_counter_;
  walk_start_[task] = start;
  note_links(info);
  double late_sum = lateness_at(task, start);
  double new_max = std::max(max_lateness_, late_sum);
  const auto cost = [&] {
    return weights.lateness_weight * late_sum + weights.max_lateness_weight * (new_max - max_lateness_);
  };
  if (cost() >= budget) return kUnbounded;
  double ready = start + info.duration;
  const int length = static_cast<int>(seq.size());
  int pos = position;
  for (; pos < length; ++pos) {
    const int next = seq[pos];
    const Task& next_info = tasks_[next];
    double arrival = ready;
    if (next_info.location >= 0) arrival += leg_time(route, here, next_info.location);
    double next_start = 0;
    if (!place_in_window(next, earliest_with_links(next_info, arrival), next_start)) return kUnbounded;
    if (start_[next] != kUnset && next_start <= start_[next] + kEpsilon) break;
    if (next_start > carer.shift.end + kEpsilon) return kUnbounded;
    const double late = lateness_at(next, next_start);
    late_sum += late - lateness_at(next, start_[next]);
    new_max = std::max(new_max, late);
    if (cost() >= budget) return kUnbounded;
    walk_stamp_[next] = walk_counter_;
    walk_start_[next] = next_start;
    note_links(next_info);
    ready = next_start + next_info.duration;
    if (next_info.location >= 0) here = next_info.location;
  }
  // the rise reached the end of the day: the carer must still be back in time
  if (pos == length && ready + leg_time(route, here, carer.end_location) > carer.shift.end + kEpsilon)
    return kUnbounded;
  lateness_delta = late_sum;
  return cost();
}

Move Search::best_insertion(int task, int excluded_route, double blink_rate) {
  Move best;
  const Task& info = tasks_[task];
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double last_window_end =
      info.windows.empty() || problem_.objective.allow_lateness ? kUnbounded : info.windows.back().end;
  // With links, a place's full effect can reach many routes; screen every place
  // along its own route first and evaluate only the most promising ones in full.
  const bool screen = has_links_;
  constexpr std::size_t kShortlist = 4;
  std::vector<Move> shortlist;
  follow_links_ = !screen;
  std::vector<int> scratch;
  const std::vector<int>& routes = routes_to_try(info.visit, scratch);
  for (int route : routes) {
    if (route == excluded_route || !route_open(route)) continue;
    const int length = static_cast<int>(routes_[route].size());
    for (int position = 0; position <= length; ++position) {
      // stops start in time order, so once the previous stop starts after this
      // visit's last window closes, later places are no better
      if (position > 0 && start_[routes_[route][position - 1]] > last_window_end) break;
      if (blink_rate > 0 && unit(random_) < blink_rate) continue;
      double lateness_delta = 0;
      const double cutoff = screen ? (shortlist.size() < kShortlist ? kUnbounded : shortlist.back().delta) : best.delta;
      const double delta = evaluate_insert(task, route, position, false, lateness_delta, cutoff);
      if (delta >= cutoff) continue;
      if (!screen) {
        best = {route, position, delta};
        continue;
      }
      const Move move{route, position, delta};
      shortlist.insert(std::upper_bound(shortlist.begin(), shortlist.end(), move,
                                        [](const Move& left, const Move& right) { return left.delta < right.delta; }),
                       move);
      if (shortlist.size() > kShortlist) shortlist.pop_back();
    }
  }
  follow_links_ = true;
  for (const Move& move : shortlist) {
    double lateness_delta = 0;
    const double delta = evaluate_insert(task, move.route, move.position, false, lateness_delta, best.delta);
    if (delta < best.delta) best = {move.route, move.position, delta};
  }
  if (screen && best.route < 0) {
    // every shortlisted place fails once links are followed: try them all in full
    for (int route : routes) {
      if (route == excluded_route || !route_open(route)) continue;
      const int length = static_cast<int>(routes_[route].size());
      for (int position = 0; position <= length; ++position) {
        if (position > 0 && start_[routes_[route][position - 1]] > last_window_end) break;
        double lateness_delta = 0;
        const double delta = evaluate_insert(task, route, position, false, lateness_delta, best.delta);
        if (delta < best.delta) best = {route, position, delta};
      }
    }
  }
  return best;
}

void Search::save_route(int route) {
  if (route_saved_[route]) return;
  route_saved_[route] = 1;
  saved_routes_[route] = routes_[route];
  saved_list_.push_back(route);
}

bool Search::insert_visit(int visit, double blink_rate) {
  const auto& parts = tasks_of_visit_[visit];
  double lateness_delta = 0;
  if (parts.size() == 1) {
    const Move move = best_insertion(parts[0], -1, blink_rate);
    if (move.route < 0) return false;
    save_route(move.route);
    evaluate_insert(parts[0], move.route, move.position, true, lateness_delta);
    undo_.clear();
    if (!simple_) refresh_route(move.route);
    visit_routed_[visit] = 1;
    return true;
  }
  // Double-handed: try the first half's cheapest few places, each with the second
  // half's best place beside it; keep the best pair.
  const int first = parts[0];
  const int second = parts[1];
  std::vector<Move> options;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  follow_links_ = false;
  std::vector<int> scratch;
  for (int route : routes_to_try(visit, scratch)) {
    if (!route_open(route)) continue;
    const int length = static_cast<int>(routes_[route].size());
    for (int position = 0; position <= length; ++position) {
      if (blink_rate > 0 && unit(random_) < blink_rate) continue;
      const double delta = evaluate_insert(first, route, position, false, lateness_delta);
      if (delta < kUnbounded) options.push_back({route, position, delta});
    }
  }
  follow_links_ = true;
  std::sort(options.begin(), options.end(), [](const Move& left, const Move& right) {
    return left.delta < right.delta || (left.delta == right.delta && left.route < right.route);
  });
  if (options.size() > 6) options.resize(6);
  Move best_first;
  Move best_second;
  double best_total = kUnbounded;
  for (const Move& option : options) {
    const std::size_t mark = undo_.size();
    const double saved_max = max_lateness_;
    const double first_delta = evaluate_insert(first, option.route, option.position, true, lateness_delta);
    if (first_delta < kUnbounded) {
      const Move second_move = best_insertion(second, option.route, 0.0);
      if (second_move.route >= 0 && first_delta + second_move.delta < best_total) {
        best_total = first_delta + second_move.delta;
        best_first = option;
        best_second = second_move;
      }
    }
    undo_to(mark);
    if (task_route_[first] >= 0) remove_element(first);
    max_lateness_ = saved_max;
  }
  if (best_first.route < 0) return false;
  save_route(best_first.route);
  save_route(best_second.route);
  const double first_delta = evaluate_insert(first, best_first.route, best_first.position, true, lateness_delta);
  // the second half's best place was found with the first half in place, so it still fits
  const double second_delta = evaluate_insert(second, best_second.route, best_second.position, true, lateness_delta);
  if (first_delta == kUnbounded || second_delta == kUnbounded) {
    if (task_route_[second] >= 0) remove_element(second);
    if (task_route_[first] >= 0) remove_element(first);
    recompute_all_starts();
    refresh_route(best_first.route);
    refresh_route(best_second.route);
    return false;
  }
  undo_.clear();
  refresh_route(best_first.route);
  refresh_route(best_second.route);
  visit_routed_[visit] = 1;
  return true;
}

void Search::remove_visit(int visit) {
  for (int task : tasks_of_visit_[visit]) {
    const int route = task_route_[task];
    if (route < 0) continue;
    save_route(route);
    remove_element(task);
    refresh_route(route);
  }
  visit_routed_[visit] = 0;
}

// Remove a few strings of consecutive visits from routes near a random seed visit.
void Search::ruin(std::vector<int>& removed) {
  const int visit_count = static_cast<int>(problem_.visits.size());
  if (visit_count == 0) return;
  std::vector<int> routed;
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx)
    if (visit_routed_[visit_idx]) routed.push_back(visit_idx);
  if (routed.empty()) return;
  constexpr double kAverageRemoved = 10;
  constexpr double kMaxStringLength = 10;
  int used_routes = 0;
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route) used_routes += route_has_visits(route) ? 1 : 0;
  const double average_length = static_cast<double>(routed.size()) / std::max(1, used_routes);
  const double string_limit = std::min(kMaxStringLength, average_length);
  const double strings_limit = 4.0 * kAverageRemoved / (1.0 + string_limit) - 1.0;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // Now and then empty the smallest of a few routes: strings alone rarely free a whole route.
  if (used_routes > 1 && unit(random_) < kRouteRemovalRate) {
    empty_a_route(routed, removed);
    return;
  }
  const int strings = static_cast<int>(std::floor(unit(random_) * strings_limit)) + 1;
  const int seed_visit = routed[std::uniform_int_distribution<std::size_t>(0, routed.size() - 1)(random_)];
  std::vector<int> order{seed_visit};
  order.insert(order.end(), neighbours_[seed_visit].begin(), neighbours_[seed_visit].end());
  std::vector<int> ruined_routes;
  for (int visit : order) {
    if (static_cast<int>(ruined_routes.size()) >= strings) break;
    if (!visit_routed_[visit]) continue;
    const int task = tasks_of_visit_[visit][0];
    const int route = task_route_[task];
    if (std::find(ruined_routes.begin(), ruined_routes.end(), route) != ruined_routes.end()) continue;
    ruined_routes.push_back(route);
    const auto& seq = routes_[route];
    const int length = static_cast<int>(seq.size());
    const int cap = std::max(1, static_cast<int>(std::min<double>(string_limit, length)));
    const int string_length = static_cast<int>(std::floor(unit(random_) * cap)) + 1;
    const int position = task_position_[task];
    const int first_pos = std::max(0, std::min(position - static_cast<int>(unit(random_) * string_length),
                                               length - string_length));
    std::vector<int> victims;
    for (int pos = first_pos; pos < std::min(length, first_pos + string_length); ++pos)
      if (tasks_[seq[pos]].visit >= 0) victims.push_back(tasks_[seq[pos]].visit);
    remove_with_links(victims, removed);
  }
}

// Visits tied by a precedence leave together, so that neither is reinserted
// around a partner held in place.
void Search::remove_with_links(const std::vector<int>& victims, std::vector<int>& removed) {
  for (int victim : victims) {
    if (visit_routed_[victim]) {
      remove_visit(victim);
      removed.push_back(victim);
    }
    for (int linked : linked_visits_[victim])
      if (visit_routed_[linked]) {
        remove_visit(linked);
        removed.push_back(linked);
      }
  }
}

void Search::recreate(std::vector<int>& order) {
  std::uniform_int_distribution<int> pick(0, 10);
  const int rule = pick(random_);
  const auto window_start = [&](int visit) {
    return problem_.visits[visit].windows.empty() ? 0.0 : problem_.visits[visit].windows.front().start;
  };
  const auto depot_distance = [&](int visit) {
    return problem_.carers.empty() ? 0.0
                                   : leg_distance(problem_.carers[0].start_location, problem_.visits[visit].location);
  };
  std::shuffle(order.begin(), order.end(), random_);
  if (rule >= 4 && rule < 8) {
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
      return problem_.visits[left].demand > problem_.visits[right].demand;
    });
  } else if (rule >= 8 && rule < 10) {
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) { return depot_distance(left) > depot_distance(right); });
  } else if (rule == 10) {
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) { return window_start(left) < window_start(right); });
  }
  // more important visits first, whatever the rule
  std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
    return problem_.visits[left].priority > problem_.visits[right].priority ||
           (problem_.visits[left].priority == problem_.visits[right].priority &&
            problem_.visits[left].carers_needed > problem_.visits[right].carers_needed);
  });
  for (int visit : order) insert_visit(visit, 0.01);
}

Cost Search::compute_cost() const {
  Cost cost;
  const Objective& weights = problem_.objective;
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route) {
    if (!route_has_visits(route)) continue;
    ++cost.routes_used;
    cost.distance += route_distance_[route];
    cost.travel_time += route_travel_time_[route];
    for (int task : routes_[route]) {
      const double late = lateness(task);
      cost.total_lateness += late;
      cost.max_lateness = std::max(cost.max_lateness, late);
      if (tasks_[task].visit < 0) continue;
      const auto& preferred = problem_.visits[tasks_[task].visit].preferred_carers;
      if (!preferred.empty() && std::find(preferred.begin(), preferred.end(), route) == preferred.end())
        ++cost.non_preferred_visits;
    }
  }
  for (int visit_idx = 0; visit_idx < static_cast<int>(problem_.visits.size()); ++visit_idx)
    if (!visit_routed_[visit_idx]) {
      ++cost.unassigned_visits;
      cost.unassigned_priority += problem_.visits[visit_idx].priority;
    }
  cost.objective = weights.distance_weight * cost.distance + weights.travel_time_weight * cost.travel_time +
                   weights.route_cost * cost.routes_used + weights.non_preferred_cost * cost.non_preferred_visits +
                   weights.lateness_weight * cost.total_lateness + weights.max_lateness_weight * cost.max_lateness;
  return cost;
}

Solution Search::export_solution(long iterations) const {
  Solution solution;
  solution.iterations = iterations;
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route) {
    if (!route_has_visits(route)) continue;
    const Carer& carer = problem_.carers[route];
    Route out;
    out.carer = route;
    const auto& seq = routes_[route];
    // leave just in time for the first stop when it is a visit
    out.departure = carer.shift.start;
    if (tasks_[seq.front()].location >= 0)
      out.departure = std::max(carer.shift.start,
                               start_[seq.front()] - leg_time(route, carer.start_location, tasks_[seq.front()].location));
    double ready = out.departure;
    int location = carer.start_location;
    for (int task : seq) {
      const Task& info = tasks_[task];
      Stop stop;
      if (info.location >= 0) {
        stop.kind = Stop::Kind::kVisit;
        stop.index = info.visit;
        stop.arrival = ready + leg_time(route, location, info.location);
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
    out.return_time = ready + leg_time(route, location, carer.end_location);
    out.distance = route_distance_[route];
    out.travel_time = route_travel_time_[route];
    out.working_time = route_work_[route];
    out.load = route_load_[route];
    solution.routes.push_back(std::move(out));
  }
  for (int visit_idx = 0; visit_idx < static_cast<int>(problem_.visits.size()); ++visit_idx)
    if (!visit_routed_[visit_idx]) solution.unassigned.push_back({visit_idx, static_reason(visit_idx)});
  solution.cost = compute_cost();
  return solution;
}

void Search::recount_used_routes() {
  used_routes_ = 0;
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route) used_routes_ += route_has_visits(route) ? 1 : 0;
}

// Put every route back as it was in `routes` (a copy of routes_ taken earlier).
void Search::restore_routes(const std::vector<std::vector<int>>& routes) {
  for (int task = 0; task < static_cast<int>(tasks_.size()); ++task) {
    task_route_[task] = -1;
    task_position_[task] = -1;
    start_[task] = kUnset;
  }
  std::fill(visit_tasks_in_route_.begin(), visit_tasks_in_route_.end(), 0);
  std::fill(visit_routed_.begin(), visit_routed_.end(), 0);
  routes_ = routes;
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route)
    for (int pos = 0; pos < static_cast<int>(routes_[route].size()); ++pos) {
      const int task = routes_[route][pos];
      task_route_[task] = route;
      task_position_[task] = pos;
      if (tasks_[task].visit < 0) continue;
      ++visit_tasks_in_route_[route];
      visit_routed_[tasks_[task].visit] = 1;
    }
  recount_used_routes();
  for (int route = 0; route < static_cast<int>(routes_.size()); ++route) refresh_route(route);
  recompute_all_starts();
}

// One iteration's change: ruin, then recreate every removed or unplanned visit.
Search::Undo Search::ruin_and_recreate() {
  for (int route : saved_list_) route_saved_[route] = 0;
  saved_list_.clear();
  Undo undo{visit_routed_, max_lateness_};
  std::vector<int> removed;
  ruin(removed);
  if (!simple_) recompute_all_starts();
  for (int visit = 0; visit < static_cast<int>(problem_.visits.size()); ++visit)
    if (!visit_routed_[visit] && std::find(removed.begin(), removed.end(), visit) == removed.end())
      removed.push_back(visit);
  recreate(removed);
  return undo;
}

// Take back this iteration's ruin and recreate: only the saved routes changed.
void Search::undo_iteration(const Undo& undo) {
  for (int route : saved_list_)
    for (int task : routes_[route]) {
      task_route_[task] = -1;
      task_position_[task] = -1;
      start_[task] = kUnset;
      if (tasks_[task].visit >= 0) --visit_tasks_in_route_[route];
    }
  for (int route : saved_list_) {
    routes_[route] = saved_routes_[route];
    for (int pos = 0; pos < static_cast<int>(routes_[route].size()); ++pos) {
      const int task = routes_[route][pos];
      task_route_[task] = route;
      task_position_[task] = pos;
      if (tasks_[task].visit >= 0) ++visit_tasks_in_route_[route];
    }
  }
  visit_routed_ = undo.was_routed;
  recount_used_routes();
  for (int route : saved_list_) refresh_route(route);
  if (!simple_) recompute_all_starts();
  max_lateness_ = undo.max_lateness;
}

// Empty the shortest of the routes of three visits drawn from `routed` (the
// visits in routes, in index order); its visits join `removed`.
void Search::empty_a_route(const std::vector<int>& routed, std::vector<int>& removed) {
  if (routed.empty()) return;
  int chosen = -1;
  for (int draw = 0; draw < 3; ++draw) {
    const int visit = routed[std::uniform_int_distribution<std::size_t>(0, routed.size() - 1)(random_)];
    const int route = task_route_[tasks_of_visit_[visit][0]];
    if (chosen < 0 || visit_tasks_in_route_[route] < visit_tasks_in_route_[chosen]) chosen = route;
  }
  std::vector<int> victims;
  for (int task : routes_[chosen])
    if (tasks_[task].visit >= 0) victims.push_back(tasks_[task].visit);
  remove_with_links(victims, removed);
}

// Fleet minimisation (Christiaens and Vanden Berghe 2020, section 6): empty a
// route, cap the fleet one below, and ruin and recreate until every visit fits
// again. A candidate is accepted when it leaves fewer visits out, or visits that
// have been left out less often (each visit counts the iterations it spent out),
// so the search keeps working on the visits that are hard to place. Every time
// all fit, that plan is the new best and another route is emptied. Ends with the
// best plan in place and the fleet capped at its size.
long Search::minimise_routes(const Budget& spent, const ProgressCallback& on_progress, Solution& best_solution,
                             long iteration) {
  const int visit_count = static_cast<int>(problem_.visits.size());
  std::vector<long> absence(visit_count, 0);
  // Visits out of `routed` and the sum of their absence counts.
  const auto left_out = [&](const std::vector<char>& routed, long& absent) {
    int count = 0;
    absent = 0;
    for (int visit = 0; visit < visit_count; ++visit)
      if (!routed[visit]) {
        ++count;
        absent += absence[visit];
      }
    return count;
  };
  // A plan is complete when it leaves out only visits that fit no carer's empty
  // day. Until the first complete plan the fleet is not capped.
  int impossible = 0;
  for (int visit = 0; visit < visit_count; ++visit)
    impossible += candidate_carers_[visit].size() < tasks_of_visit_[visit].size() ? 1 : 0;
  long ignored = 0;
  bool complete = left_out(visit_routed_, ignored) <= impossible;
  std::vector<std::vector<int>> best_routes = routes_;
  int best_count = used_routes_;
  const auto next_target = [&] {
    std::vector<int> routed;
    for (int visit = 0; visit < visit_count; ++visit)
      if (visit_routed_[visit]) routed.push_back(visit);
    std::vector<int> removed;
    empty_a_route(routed, removed);
    max_routes_ = used_routes_;
  };
  if (complete && used_routes_ > 1) next_target();
  while (best_count > 1 && !spent(iteration)) {
    ++iteration;
    const Undo undo = ruin_and_recreate();
    long current_absent = 0;
    long absent = 0;
    const int current_out = left_out(undo.was_routed, current_absent);
    const int out = left_out(visit_routed_, absent);
    for (int visit = 0; visit < visit_count; ++visit)
      if (!visit_routed_[visit]) ++absence[visit];
    if (out < current_out || absent < current_absent) {
      if (out <= impossible) {
        complete = true;
        best_routes = routes_;
        best_count = used_routes_;
        best_solution = export_solution(iteration);
        if (on_progress) on_progress({iteration, best_solution.cost});
        if (best_count > 1) next_target();
      }
    } else {
      undo_iteration(undo);
    }
  }
  for (int route : saved_list_) route_saved_[route] = 0;
  saved_list_.clear();
  restore_routes(best_routes);
  if (complete) max_routes_ = used_routes_;
  return iteration;
}

Solution Search::run(long iteration_limit, const SolveOptions& options, const ProgressCallback& on_progress,
                     const StopCheck& should_stop) {
  const int visit_count = static_cast<int>(problem_.visits.size());
  const Objective& weights = problem_.objective;
  std::vector<int> order(visit_count);
  std::iota(order.begin(), order.end(), 0);
  recreate(order);
  Cost best = compute_cost();
  Solution best_solution = export_solution(0);
  std::vector<std::vector<int>> best_routes = routes_;
  if (on_progress) on_progress({0, best});

  const auto fraction_used = [&](long iteration) {
    if (iteration_limit > 0) return static_cast<double>(iteration) / static_cast<double>(iteration_limit);
    if (options.elapsed_fraction) return std::clamp(options.elapsed_fraction(), 0.0, 1.0);
    return static_cast<double>(iteration % 20000) / 20000.0;
  };
  const auto out_of_budget = [&](long iteration) {
    if (iteration_limit > 0 && iteration >= iteration_limit) return true;
    if (iteration_limit <= 0 && !should_stop && !options.elapsed_fraction) return true;
    return (iteration & 15) == 0 && should_stop && should_stop();
  };
  const auto keep_if_best = [&](const Cost& cost, long iteration) {
    if (!is_better_for(weights, cost, best)) return;
    best = cost;
    best_solution = export_solution(iteration);
    best_routes = routes_;
    if (on_progress) on_progress({iteration, best});
  };

  // Simulated annealing over [from, to) of the budget, cooling from the start to
  // the end temperature. With `rank_routes` a candidate with fewer routes is
  // always taken and one with more never (the fleet cap holds it anyway).
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto anneal = [&](long iteration, double from, double to, bool rank_routes) {
    Cost current = compute_cost();
    const double scale = current.objective / std::max(1, visit_count + current.routes_used);
    const double start_temperature = kStartTemperature * scale;
    const double end_temperature = kEndTemperature * scale;
    while (visit_count > 0 && !out_of_budget(iteration)) {
      const double used = fraction_used(iteration);
      if (to < 1 && used >= to) break;
      const double fraction = std::clamp((used - from) / (to - from), 0.0, 1.0);
      const double temperature = start_temperature * std::pow(end_temperature / start_temperature, fraction);
      ++iteration;
      const Undo undo = ruin_and_recreate();
      const Cost candidate = compute_cost();
      const bool same_fleet = !rank_routes || candidate.routes_used == current.routes_used;
      const bool accept =
          candidate.unassigned_priority < current.unassigned_priority - 1e-9 ||
          (candidate.unassigned_priority <= current.unassigned_priority + 1e-9 &&
           (same_fleet ? candidate.objective < current.objective - temperature * std::log(std::max(1e-300, unit(random_)))
                       : candidate.routes_used < current.routes_used));
      if (accept) {
        current = candidate;
        if (rank_routes) max_routes_ = std::min(max_routes_, current.routes_used);
        keep_if_best(current, iteration);
      } else {
        undo_iteration(undo);
      }
    }
    return iteration;
  };

  if (!weights.fewest_routes_first) {
    best_solution.iterations = anneal(0, 0, 1, false);
    return best_solution;
  }
  // Fewest routes first, in three parts of the budget: shorten travel freely (a
  // short plan is a good start, and on clustered days it already has the fewest
  // routes); from the best plan, remove routes while every visit stays placed;
  // then shorten the travel of the routes left, the fleet capped at their number.
  long iteration = anneal(0, 0, 0.25, false);
  restore_routes(best_routes);
  iteration = minimise_routes(
      [&](long spent) { return out_of_budget(spent) || fraction_used(spent) >= 0.6; }, on_progress, best_solution,
      iteration);
  keep_if_best(compute_cost(), iteration);
  best_solution.iterations = anneal(iteration, 0.6, 1, true);
  return best_solution;
}

}  // namespace

Solution solve(const Problem& problem, const SolveOptions& options, const ProgressCallback& on_progress,
               const StopCheck& should_stop) {
  const auto errors = find_problem_errors(problem);
  if (!errors.empty()) throw std::invalid_argument("solve: ill-formed problem: " + errors.front());
  const int threads = std::max(1, options.threads);
  std::vector<Solution> results(threads);
  // Each thread reports its own improvements; the caller hears only those that
  // beat the best of every thread so far, with the iterations of all threads.
  std::mutex progress_mutex;
  Cost reported;
  bool any_reported = false;
  std::vector<long> thread_iterations(threads, 0);
  const auto work = [&](int thread_idx) {
    Search search(problem, options.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(thread_idx));
    ProgressCallback report;
    if (on_progress)
      report = [&, thread_idx](const Progress& progress) {
        const std::lock_guard lock(progress_mutex);
        thread_iterations[thread_idx] = progress.iteration;
        if (any_reported && !is_better_for(problem.objective, progress.best, reported)) return;
        any_reported = true;
        reported = progress.best;
        long total = 0;
        for (long count : thread_iterations) total += count;
        on_progress({total, reported});
      };
    results[thread_idx] = search.run(options.iteration_limit, options, report, should_stop);
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int thread_idx = 0; thread_idx < threads; ++thread_idx) pool.emplace_back(work, thread_idx);
    for (auto& thread : pool) thread.join();
  }
  int best = 0;
  long iterations = 0;
  for (int thread_idx = 0; thread_idx < threads; ++thread_idx) {
    iterations += results[thread_idx].iterations;
    if (is_better_for(problem.objective, results[thread_idx].cost, results[best].cost)) best = thread_idx;
  }
  Solution solution = std::move(results[best]);
  solution.iterations = iterations;
  return solution;
}

}  // namespace allot::solver
