#include "allot/solver/search/insertion.h"

#include <algorithm>

namespace allot::solver::search {

Insertion::Insertion(const Model& model, Plan& plan, Pricing& pricing, std::mt19937_64& random)
    : model_(model),
      plan_(plan),
      pricing_(pricing),
      random_(random),
      route_mark_(model.carer_count(), 0),
      kind_stamp_(model.kind_count, 0),
      kind_taken_(model.kind_count, 0),
      twin_stamp_(model.twin_class_count, 0) {}

// The routes worth trying for a visit: all candidates when few, else a granular
// list: the routes of its nearest visits, the carers starting nearest, and the
// unused carers of every kind that could open a new route (the nearest few of
// each kind, one for each set of identical carers).
const std::vector<int>& Insertion::routes_to_try(int visit, std::vector<int>& scratch) {
  const auto& all = model_.candidate_carers[visit];
  if (full_neighbourhood_ || static_cast<int>(all.size()) <= kGranularRoutes) return all;
  scratch.clear();
  ++route_mark_stamp_;
  const auto add = [&](int route) {
    if (route < 0 || route_mark_[route] == route_mark_stamp_) return;
    if (!std::binary_search(all.begin(), all.end(), route)) return;
    route_mark_[route] = route_mark_stamp_;
    scratch.push_back(route);
  };
  for (int carer : model_.nearest_carers[visit]) add(carer);
  for (int neighbour : model_.neighbours[visit])
    for (int task : model_.tasks_of_visit[neighbour]) add(plan_.route_of(task));
  ++kind_round_;
  for (int carer : model_.opening_order[visit]) {
    if (plan_.has_visits(carer)) continue;
    const int kind = model_.carer_kind[carer];
    const int twins = model_.carer_twin_class[carer];
    if (kind_stamp_[kind] != kind_round_) {
      kind_stamp_[kind] = kind_round_;
      kind_taken_[kind] = 0;
    }
    if (kind_taken_[kind] >= kUnusedPerKind || twin_stamp_[twins] == kind_round_) continue;
    twin_stamp_[twins] = kind_round_;
    ++kind_taken_[kind];
    add(carer);
  }
  return scratch;
}

// Whether a visit that must go to another carer than this one is in the route.
bool Insertion::kept_apart(int visit, int route) const {
  for (int other : model_.apart_visits[visit])
    for (int task : model_.tasks_of_visit[other])
      if (plan_.route_of(task) == route) return true;
  return false;
}

Move Insertion::best_insertion(int task, int excluded_route, double blink_rate) {
  Move best;
  const Task& info = model_.tasks[task];
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double last_window_end =
      info.windows.empty() || model_.problem.objective.allow_lateness ? kUnbounded : info.windows.back().end;
  // With links, a place's full effect can reach many routes; screen every place
  // along its own route first and evaluate only the most promising ones in full.
  const bool screen = model_.has_links;
  const Links first_look = screen ? Links::kHold : Links::kFollow;
  constexpr std::size_t kShortlist = 4;
  std::vector<Move> shortlist;
  std::vector<int> scratch;
  const std::vector<int>& routes = routes_to_try(info.visit, scratch);
  const bool apart = !model_.apart_visits[info.visit].empty();
  for (int route : routes) {
    if (route == excluded_route || !plan_.route_open(route)) continue;
    // A route holding a visit this one must not share is passed over after the
    // blinks are drawn, so that where the rule does not bind the search draws the
    // same random numbers as without it.
    const bool barred = apart && kept_apart(info.visit, route);
    const auto& seq = plan_.route(route);
    const int length = static_cast<int>(seq.size());
    for (int position = 0; position <= length; ++position) {
      // stops start in time order, so once the previous stop starts after this
      // visit's last window closes, later places are no better
      if (position > 0 && plan_.start(seq[position - 1]) > last_window_end) break;
      if (blink_rate > 0 && unit(random_) < blink_rate) continue;
      if (barred) continue;
      double lateness_delta = 0;
      const double cutoff = screen ? (shortlist.size() < kShortlist ? kUnbounded : shortlist.back().delta) : best.delta;
      const double delta = pricing_.price(task, route, position, first_look, lateness_delta, cutoff);
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
  for (const Move& move : shortlist) {
    double lateness_delta = 0;
    const double delta = pricing_.price(task, move.route, move.position, Links::kFollow, lateness_delta, best.delta);
    if (delta < best.delta) best = {move.route, move.position, delta};
  }
  if (screen && best.route < 0) {
    // every shortlisted place fails once links are followed: try them all in full
    for (int route : routes) {
      if (route == excluded_route || !plan_.route_open(route)) continue;
      if (apart && kept_apart(info.visit, route)) continue;
      const auto& seq = plan_.route(route);
      const int length = static_cast<int>(seq.size());
      for (int position = 0; position <= length; ++position) {
        if (position > 0 && plan_.start(seq[position - 1]) > last_window_end) break;
        double lateness_delta = 0;
        const double delta = pricing_.price(task, route, position, Links::kFollow, lateness_delta, best.delta);
        if (delta < best.delta) best = {route, position, delta};
      }
    }
  }
  return best;
}

bool Insertion::insert_visit(int visit, double blink_rate) {
  const auto& parts = model_.tasks_of_visit[visit];
  if (parts.size() != 1) return insert_double_handed(visit, blink_rate);
  const Move move = best_insertion(parts[0], -1, blink_rate);
  if (move.route < 0) return false;
  plan_.save_route(move.route);
  double lateness_delta = 0;
  pricing_.insert(parts[0], move.route, move.position, lateness_delta);
  plan_.forget_undo();
  if (!model_.simple) plan_.refresh_route(move.route);
  plan_.mark_routed(visit);
  return true;
}

// Tries the first half's cheapest few places, each with the second half's best
// place beside it, and keeps the best pair: the second half's place depends on
// where the first half went, so the two are not priced apart.
bool Insertion::insert_double_handed(int visit, double blink_rate) {
  const auto& parts = model_.tasks_of_visit[visit];
  const int first = parts[0];
  const int second = parts[1];
  double lateness_delta = 0;
  std::vector<Move> options;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<int> scratch;
  for (int route : routes_to_try(visit, scratch)) {
    if (!plan_.route_open(route)) continue;
    const bool barred = kept_apart(visit, route);
    const int length = static_cast<int>(plan_.route(route).size());
    for (int position = 0; position <= length; ++position) {
      if (blink_rate > 0 && unit(random_) < blink_rate) continue;
      if (barred) continue;
      const double delta = pricing_.price(first, route, position, Links::kHold, lateness_delta);
      if (delta < kUnbounded) options.push_back({route, position, delta});
    }
  }
  std::sort(options.begin(), options.end(), [](const Move& left, const Move& right) {
    return left.delta < right.delta || (left.delta == right.delta && left.route < right.route);
  });
  // The final pass also tries the first half on the empty day of one unused
  // carer of each set of identical ones, so that two free carers are always paired.
  std::vector<Move> empty_days;
  if (full_neighbourhood_) {
    ++kind_round_;
    for (const Move& option : options) {
      if (plan_.has_visits(option.route)) continue;
      const int twins = model_.carer_twin_class[option.route];
      if (twin_stamp_[twins] == kind_round_) continue;
      twin_stamp_[twins] = kind_round_;
      empty_days.push_back(option);
    }
  }
  if (options.size() > 6) options.resize(6);
  for (const Move& option : empty_days)
    if (std::find_if(options.begin(), options.end(), [&](const Move& kept) { return kept.route == option.route; }) ==
        options.end())
      options.push_back(option);
  Move best_first;
  Move best_second;
  double best_total = kUnbounded;
  for (const Move& option : options) {
    const std::size_t mark = plan_.undo_mark();
    const double saved_max = plan_.max_lateness();
    const double first_delta = pricing_.insert(first, option.route, option.position, lateness_delta);
    if (first_delta < kUnbounded) {
      const Move second_move = best_insertion(second, option.route, 0.0);
      if (second_move.route >= 0 && first_delta + second_move.delta < best_total) {
        best_total = first_delta + second_move.delta;
        best_first = option;
        best_second = second_move;
      }
    }
    plan_.undo_to(mark);
    if (plan_.route_of(first) >= 0) plan_.remove_element(first);
    plan_.set_max_lateness(saved_max);
  }
  if (best_first.route < 0) return false;
  plan_.save_route(best_first.route);
  plan_.save_route(best_second.route);
  const double first_delta = pricing_.insert(first, best_first.route, best_first.position, lateness_delta);
  // the second half's best place was found with the first half in place, so it still fits
  const double second_delta = pricing_.insert(second, best_second.route, best_second.position, lateness_delta);
  if (first_delta == kUnbounded || second_delta == kUnbounded) {
    if (plan_.route_of(second) >= 0) plan_.remove_element(second);
    if (plan_.route_of(first) >= 0) plan_.remove_element(first);
    plan_.recompute_all_starts();
    plan_.refresh_route(best_first.route);
    plan_.refresh_route(best_second.route);
    return false;
  }
  plan_.forget_undo();
  plan_.refresh_route(best_first.route);
  plan_.refresh_route(best_second.route);
  plan_.mark_routed(visit);
  return true;
}

void Insertion::recreate(std::vector<int>& order) {
  std::uniform_int_distribution<int> pick(0, 10);
  const int rule = pick(random_);
  const Problem& problem = model_.problem;
  const auto window_start = [&](int visit) {
    return problem.visits[visit].windows.empty() ? 0.0 : problem.visits[visit].windows.front().start;
  };
  const auto depot_distance = [&](int visit) {
    return problem.carers.empty() ? 0.0 : model_.leg_distance(problem.carers[0].start_location, problem.visits[visit].location);
  };
  std::shuffle(order.begin(), order.end(), random_);
  if (rule >= 4 && rule < 8) {
    std::stable_sort(order.begin(), order.end(),
                     [&](int left, int right) { return problem.visits[left].demand > problem.visits[right].demand; });
  } else if (rule >= 8 && rule < 10) {
    std::stable_sort(order.begin(), order.end(),
                     [&](int left, int right) { return depot_distance(left) > depot_distance(right); });
  } else if (rule == 10) {
    std::stable_sort(order.begin(), order.end(),
                     [&](int left, int right) { return window_start(left) < window_start(right); });
  }
  // more important visits first, whatever the rule
  std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
    return problem.visits[left].priority > problem.visits[right].priority ||
           (problem.visits[left].priority == problem.visits[right].priority &&
            problem.visits[left].carers_needed > problem.visits[right].carers_needed);
  });
  for (int visit : order) insert_visit(visit, 0.01);
}

}  // namespace allot::solver::search
