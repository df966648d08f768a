// String removal after SISR (Christiaens and Vanden Berghe 2020): strings of
// consecutive visits from routes near one seed visit, so that recreate can
// rearrange a neighbourhood rather than scattered visits.

#include "allot/solver/search/ruin.h"

#include <algorithm>
#include <cmath>

namespace allot::solver::search {
namespace {

constexpr double kRouteRemovalRate = 0.05;
constexpr double kAverageRemoved = 10;
constexpr double kMaxStringLength = 10;

}  // namespace

Ruin::Ruin(const Model& model, Plan& plan, std::mt19937_64& random) : model_(model), plan_(plan), random_(random) {}

void Ruin::ruin(std::vector<int>& removed) {
  const int visit_count = model_.visit_count();
  if (visit_count == 0) return;
  std::vector<int> routed;
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx)
    if (plan_.routed(visit_idx)) routed.push_back(visit_idx);
  if (routed.empty()) return;
  int used_routes = 0;
  for (int route = 0; route < plan_.route_count(); ++route) used_routes += plan_.has_visits(route) ? 1 : 0;
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
  order.insert(order.end(), model_.neighbours[seed_visit].begin(), model_.neighbours[seed_visit].end());
  std::vector<int> ruined_routes;
  for (int visit : order) {
    if (static_cast<int>(ruined_routes.size()) >= strings) break;
    if (!plan_.routed(visit)) continue;
    const int task = model_.tasks_of_visit[visit][0];
    const int route = plan_.route_of(task);
    if (std::find(ruined_routes.begin(), ruined_routes.end(), route) != ruined_routes.end()) continue;
    ruined_routes.push_back(route);
    const auto& seq = plan_.route(route);
    const int length = static_cast<int>(seq.size());
    const int cap = std::max(1, static_cast<int>(std::min<double>(string_limit, length)));
    const int string_length = static_cast<int>(std::floor(unit(random_) * cap)) + 1;
    const int position = plan_.position_of(task);
    const int first_pos = std::max(0, std::min(position - static_cast<int>(unit(random_) * string_length),
                                               length - string_length));
    std::vector<int> victims;
    for (int pos = first_pos; pos < std::min(length, first_pos + string_length); ++pos)
      if (model_.tasks[seq[pos]].visit >= 0) victims.push_back(model_.tasks[seq[pos]].visit);
    remove_with_links(victims, removed);
  }
}

// Shared by the ruin and fleet minimisation, so that both empty a route the same way.
void Ruin::empty_a_route(const std::vector<int>& routed, std::vector<int>& removed) {
  if (routed.empty()) return;
  int chosen = -1;
  for (int draw = 0; draw < 3; ++draw) {
    const int visit = routed[std::uniform_int_distribution<std::size_t>(0, routed.size() - 1)(random_)];
    const int route = plan_.route_of(model_.tasks_of_visit[visit][0]);
    if (chosen < 0 || plan_.visit_tasks_in(route) < plan_.visit_tasks_in(chosen)) chosen = route;
  }
  std::vector<int> victims;
  for (int task : plan_.route(chosen))
    if (model_.tasks[task].visit >= 0) victims.push_back(model_.tasks[task].visit);
  remove_with_links(victims, removed);
}

// Visits tied by a precedence leave together, so that neither is reinserted
// around a partner held in place.
void Ruin::remove_with_links(const std::vector<int>& victims, std::vector<int>& removed) {
  for (int victim : victims) {
    if (plan_.routed(victim)) {
      plan_.remove_visit(victim);
      removed.push_back(victim);
    }
    for (int linked : model_.linked_visits[victim])
      if (plan_.routed(linked)) {
        plan_.remove_visit(linked);
        removed.push_back(linked);
      }
  }
}

}  // namespace allot::solver::search
