#pragma once
// The search's read-only view of a problem, built once per search: visits and
// breaks as tasks, travel as tables, and the static lists the operators draw on.
// Private to the solver (src/allot/solver/search/ is not part of the API).

#include <algorithm>
#include <cstddef>
#include <vector>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver::search {

inline constexpr double kUnset = -kUnbounded;  // the start of a task outside every route
inline constexpr double kEpsilon = 1e-9;
inline constexpr int kGranularRoutes = 60;  // above this many candidate carers, try a granular list
inline constexpr int kNearestCarers = 20;
inline constexpr int kUnusedPerKind = 2;  // unused carers of one kind tried per visit, at different places

// s_task >= s_other + offset (only while `other` is routed).
struct Bound {
  int other = 0;
  double offset = 0;
};

// One carer's part of a visit (a double-handed visit has two), or a break.
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

class Model {
 public:
  explicit Model(const Problem& problem);
  // The travel tables may point into this object's own caches.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  int visit_count() const { return static_cast<int>(problem.visits.size()); }
  int carer_count() const { return static_cast<int>(problem.carers.size()); }

  double leg_time(int route, int from, int to) const {
    const double base = duration_table_ != nullptr ? duration_table_[static_cast<std::size_t>(from) * table_size_ + to]
                                                   : travel_duration(problem.travel, from, to);
    return base / speed_factor_[route];  // divided, as the checker does, so both agree to the last bit
  }
  double leg_distance(int from, int to) const {
    return distance_table_ != nullptr ? distance_table_[static_cast<std::size_t>(from) * table_size_ + to]
                                      : travel_distance(problem.travel, from, to);
  }

  // The first start at or after `earliest` inside one of the task's windows (any
  // start when lateness is allowed); false when every window has closed.
  bool place_in_window(int task, double earliest, double& start) const {
    const Task& info = tasks[task];
    if (info.windows.empty()) {
      start = earliest;
      return true;
    }
    for (const TimeWindow& window : info.windows)
      if (window.end >= earliest - kEpsilon) {
        start = std::max(earliest, window.start);
        return true;
      }
    if (info.visit >= 0 && problem.objective.allow_lateness) {
      start = earliest;
      return true;
    }
    return false;
  }
  double lateness_at(int task, double start) const {
    const Task& info = tasks[task];
    if (info.visit < 0 || info.windows.empty() || start == kUnset) return 0;
    double late = kUnbounded;
    for (const TimeWindow& window : info.windows)
      if (start >= window.start - kEpsilon) late = std::min(late, std::max(0.0, start - window.end));
    return late == kUnbounded ? 0 : late;
  }

  // Why a visit left out could not be planned, from the problem alone.
  UnassignedReason static_reason(int visit) const;

  const Problem& problem;
  std::vector<Task> tasks;                          // the visits' tasks in visit order, then the breaks
  std::vector<std::vector<int>> tasks_of_visit;
  std::vector<std::vector<int>> breaks_of_carer;    // each carer's break tasks in window order
  std::vector<std::vector<int>> candidate_carers;   // per visit, static filters passed, ascending
  std::vector<std::vector<int>> neighbours;         // per visit, nearest visits
  std::vector<std::vector<int>> linked_visits;      // per visit, visits tied to it by a precedence
  std::vector<std::vector<int>> apart_visits;       // per visit, visits that must go to another carer
  std::vector<std::vector<int>> nearest_carers;     // per visit with many candidates, those starting nearest
  // Per visit with many candidates: every candidate, cheapest empty day first
  // (start to the visit and on to the end place), to open new routes from.
  std::vector<std::vector<int>> opening_order;
  // Carers alike in everything but their start and end places (shift, skills,
  // breaks, speed, capacity, working time) share a kind; carers alike in those
  // places too share a twin class, and an unused one stands for all its twins.
  std::vector<int> carer_kind;
  std::vector<int> carer_twin_class;
  int kind_count = 0;
  int twin_class_count = 0;
  // Plain VRPTW: one hard window per visit, no breaks, links or lateness, so
  // places are checked in O(1) from forward starts and backward latest starts.
  bool simple = true;
  bool has_links = false;  // some task is tied to another (double-handed or precedence)

 private:
  bool carer_can_take(int carer, int visit) const;
  void classify_carers();

  // Travel is read from full tables: the caller's matrices, or coordinates turned
  // into matrices once when they fit in memory comfortably (null: compute each arc).
  std::size_t table_size_ = 0;
  const double* distance_table_ = nullptr;
  const double* duration_table_ = nullptr;
  std::vector<double> distance_cache_;
  std::vector<double> duration_cache_;
  std::vector<double> speed_factor_;  // per carer, kept beside the tables for locality
};

}  // namespace allot::solver::search
