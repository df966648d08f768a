#include "allot/solver/search/model.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace allot::solver::search {

Model::Model(const Problem& problem) : problem(problem) {
  const int location_count = problem.travel.location_count;
  table_size_ = static_cast<std::size_t>(location_count);
  if (problem.travel.kind == TravelModel::Kind::kMatrix) {
    distance_table_ = problem.travel.distance_matrix.data();
    duration_table_ = problem.travel.duration_matrix.data();
  } else if (location_count <= 2500) {
    const auto size = static_cast<std::size_t>(location_count);
    distance_cache_.resize(size * size);
    duration_cache_.resize(size * size);
    for (int from = 0; from < location_count; ++from)
      for (int to = 0; to < location_count; ++to) {
        distance_cache_[from * size + to] = travel_distance(problem.travel, from, to);
        duration_cache_[from * size + to] = travel_duration(problem.travel, from, to);
      }
    distance_table_ = distance_cache_.data();
    duration_table_ = duration_cache_.data();
  }
  for (const Carer& carer : problem.carers) speed_factor_.push_back(carer.speed_factor);
  const int visit_count = this->visit_count();
  const int carer_count = this->carer_count();
  tasks_of_visit.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    const Visit& visit = problem.visits[visit_idx];
    for (int slot = 0; slot < visit.carers_needed; ++slot) {
      Task task;
      task.visit = visit_idx;
      task.location = visit.location;
      task.duration = visit.duration;
      task.demand = visit.demand;
      task.windows = visit.windows;
      tasks_of_visit[visit_idx].push_back(static_cast<int>(tasks.size()));
      tasks.push_back(std::move(task));
    }
    if (visit.carers_needed == 2) {
      const int first = tasks_of_visit[visit_idx][0];
      const int second = tasks_of_visit[visit_idx][1];
      tasks[first].bounds.push_back({second, 0});
      tasks[second].bounds.push_back({first, 0});
      tasks[first].partner = second;
      tasks[second].partner = first;
      simple = false;
    }
    if (visit.windows.size() > 1) simple = false;
  }
  linked_visits.resize(visit_count);
  apart_visits.resize(visit_count);
  for (const Precedence& link : problem.precedences) {
    linked_visits[link.first_visit].push_back(link.second_visit);
    linked_visits[link.second_visit].push_back(link.first_visit);
    if (link.different_carers) {
      apart_visits[link.first_visit].push_back(link.second_visit);
      apart_visits[link.second_visit].push_back(link.first_visit);
    }
    const int first = tasks_of_visit[link.first_visit][0];
    const int second = tasks_of_visit[link.second_visit][0];
    tasks[second].bounds.push_back({first, link.min_gap});
    if (link.max_gap < kUnbounded) tasks[first].bounds.push_back({second, -link.max_gap});
    else tasks[first].bounds.push_back({second, -kUnbounded});
    simple = false;
  }
  if (problem.objective.allow_lateness) simple = false;
  for (const Task& task : tasks) has_links = has_links || !task.bounds.empty();

  breaks_of_carer.assign(carer_count, {});
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
    const Carer& carer = problem.carers[carer_idx];
    for (int break_idx = 0; break_idx < static_cast<int>(carer.breaks.size()); ++break_idx) {
      Task task;
      task.fixed_carer = carer_idx;
      task.break_index = break_idx;
      task.duration = carer.breaks[break_idx].duration;
      task.windows = {carer.breaks[break_idx].window};
      breaks_of_carer[carer_idx].push_back(static_cast<int>(tasks.size()));
      tasks.push_back(std::move(task));
      simple = false;
    }
    // Breaks in window order, so the empty route is feasible if any is.
    std::sort(breaks_of_carer[carer_idx].begin(), breaks_of_carer[carer_idx].end(),
              [&](int left, int right) { return tasks[left].windows[0].start < tasks[right].windows[0].start; });
  }

  candidate_carers.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx)
    for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx)
      if (carer_can_take(carer_idx, visit_idx)) candidate_carers[visit_idx].push_back(carer_idx);

  // Nearest visits by travel distance, for choosing which strings to remove together.
  const int neighbour_count = std::min(visit_count - 1, 40);
  neighbours.resize(visit_count);
  std::vector<std::pair<double, int>> by_distance;
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    by_distance.clear();
    for (int other = 0; other < visit_count; ++other)
      if (other != visit_idx)
        by_distance.push_back({leg_distance(problem.visits[visit_idx].location, problem.visits[other].location), other});
    if (neighbour_count > 0) {
      std::partial_sort(by_distance.begin(), by_distance.begin() + neighbour_count, by_distance.end());
      for (int rank = 0; rank < neighbour_count; ++rank) neighbours[visit_idx].push_back(by_distance[rank].second);
    }
  }
  // Granular neighbourhoods for large problems (Vidal's idea, routes instead of arcs):
  // a visit is tried in the routes of its nearest visits and of the nearest carers.
  nearest_carers.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    if (static_cast<int>(candidate_carers[visit_idx].size()) <= kGranularRoutes) continue;
    std::vector<std::pair<double, int>> by_home;
    for (int carer : candidate_carers[visit_idx])
      by_home.push_back({leg_distance(problem.carers[carer].start_location, problem.visits[visit_idx].location), carer});
    std::partial_sort(by_home.begin(), by_home.begin() + kNearestCarers, by_home.end());
    for (int rank = 0; rank < kNearestCarers; ++rank) nearest_carers[visit_idx].push_back(by_home[rank].second);
  }
  classify_carers();
  // With many carers from one place the nearest carers are the same for every
  // visit; routes are opened from the unused carers of every kind instead.
  opening_order.resize(visit_count);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    if (static_cast<int>(candidate_carers[visit_idx].size()) <= kGranularRoutes) continue;
    const int place = problem.visits[visit_idx].location;
    std::vector<std::pair<double, int>> by_detour;
    for (int carer : candidate_carers[visit_idx])
      by_detour.push_back({leg_distance(problem.carers[carer].start_location, place) +
                               leg_distance(place, problem.carers[carer].end_location),
                           carer});
    std::stable_sort(by_detour.begin(), by_detour.end(),
                     [](const auto& left, const auto& right) { return left.first < right.first; });
    for (const auto& entry : by_detour) opening_order[visit_idx].push_back(entry.second);
  }
}

void Model::classify_carers() {
  using Breaks = std::vector<std::tuple<double, double, double>>;
  using KindKey = std::tuple<double, double, std::vector<int>, Breaks, double, double, double>;
  std::map<KindKey, int> kinds;
  std::map<std::tuple<int, int, int>, int> twins;
  for (const Carer& carer : problem.carers) {
    std::vector<int> skills = carer.skills;
    std::sort(skills.begin(), skills.end());
    Breaks rests;
    for (const Break& rest : carer.breaks) rests.emplace_back(rest.window.start, rest.window.end, rest.duration);
    const KindKey key{carer.shift.start, carer.shift.end, skills, rests, carer.speed_factor, carer.capacity,
                      carer.max_working_time};
    const int kind = kinds.try_emplace(key, static_cast<int>(kinds.size())).first->second;
    carer_kind.push_back(kind);
    const std::tuple<int, int, int> twin_key{kind, carer.start_location, carer.end_location};
    carer_twin_class.push_back(twins.try_emplace(twin_key, static_cast<int>(twins.size())).first->second);
  }
  kind_count = static_cast<int>(kinds.size());
  twin_class_count = static_cast<int>(twins.size());
}

// Whether the carer could do the visit alone on an otherwise empty day.
bool Model::carer_can_take(int carer_idx, int visit_idx) const {
  const Carer& carer = problem.carers[carer_idx];
  const Visit& visit = problem.visits[visit_idx];
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
      if (!problem.objective.allow_lateness) return false;
      start = std::max(arrival, visit.windows.front().start);
    }
  }
  const double home = leg_time(carer_idx, visit.location, carer.end_location);
  if (start + visit.duration + home > carer.shift.end + kEpsilon) return false;
  const double work = leg_time(carer_idx, carer.start_location, visit.location) + visit.duration + home;
  return work <= carer.max_working_time + kEpsilon;
}

// The filters of carer_can_take one at a time, so the first that empties the
// list names the reason; past them all, the visit fits alone but found no room.
UnassignedReason Model::static_reason(int visit_idx) const {
  const Visit& visit = problem.visits[visit_idx];
  std::vector<int> skilled;
  for (int carer_idx = 0; carer_idx < carer_count(); ++carer_idx) {
    const Carer& carer = problem.carers[carer_idx];
    bool ok = std::find(visit.excluded_carers.begin(), visit.excluded_carers.end(), carer_idx) ==
              visit.excluded_carers.end();
    for (int skill : visit.skills)
      if (std::find(carer.skills.begin(), carer.skills.end(), skill) == carer.skills.end()) ok = false;
    if (ok) skilled.push_back(carer_idx);
  }
  const auto needed = static_cast<std::size_t>(visit.carers_needed);
  if (skilled.size() < needed) return UnassignedReason::kNoSkilledCarer;
  std::erase_if(skilled, [&](int carer) { return visit.demand > problem.carers[carer].capacity; });
  if (skilled.size() < needed) return UnassignedReason::kCapacity;
  std::erase_if(skilled, [&](int carer_idx) {
    const TimeWindow& shift = problem.carers[carer_idx].shift;
    if (visit.windows.empty()) return false;
    for (const TimeWindow& window : visit.windows)
      if (window.start <= shift.end && (window.end >= shift.start || problem.objective.allow_lateness)) return false;
    return true;
  });
  if (skilled.size() < needed) return UnassignedReason::kOutsideShifts;
  if (candidate_carers[visit_idx].size() < needed) return UnassignedReason::kWindowUnreachable;
  return UnassignedReason::kCarersFullyBooked;
}

}  // namespace allot::solver::search
