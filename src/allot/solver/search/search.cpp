#include "allot/solver/search/search.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "allot/solver/search/acceptance.h"

namespace allot::solver::search {

Search::Search(const Problem& problem, std::uint64_t seed)
    : model_(problem),
      random_(seed),
      plan_(model_),
      pricing_(model_, plan_),
      insertion_(model_, plan_, pricing_, random_),
      ruin_(model_, plan_, random_) {}

void Search::ruin_and_recreate() {
  plan_.begin_iteration();
  std::vector<int> removed;
  ruin_.ruin(removed);
  // Off the simple path starts only ever rise as tasks go in; after removals they
  // are computed afresh so that they may fall back.
  if (!model_.simple) plan_.recompute_all_starts();
  for (int visit = 0; visit < model_.visit_count(); ++visit)
    if (!plan_.routed(visit) && std::find(removed.begin(), removed.end(), visit) == removed.end())
      removed.push_back(visit);
  insertion_.recreate(removed);
}

Solution Search::run(long iteration_limit, const SolveOptions& options, const ProgressCallback& on_progress,
                     const StopCheck& should_stop) {
  const int visit_count = model_.visit_count();
  const Objective& weights = model_.problem.objective;
  std::vector<int> order(visit_count);
  std::iota(order.begin(), order.end(), 0);
  insertion_.recreate(order);
  Cost best = plan_.cost();
  Solution best_solution = plan_.to_solution(0);
  std::vector<std::vector<int>> best_routes = plan_.routes();
  if (on_progress) on_progress({0, best});

  // With neither an iteration limit nor elapsed_fraction the search cannot tell
  // how far through it is, so it cools again every 20,000 iterations.
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
    best_solution = plan_.to_solution(iteration);
    best_routes = plan_.routes();
    if (on_progress) on_progress({iteration, best});
  };

  // Simulated annealing over [from, to) of the budget, cooling from the start to
  // the end temperature. With `rank_routes` a candidate with fewer routes is
  // always taken and one with more never (the fleet cap holds it anyway).
  const auto anneal = [&](long iteration, double from, double to, bool rank_routes) {
    Cost current = plan_.cost();
    const Annealing annealing(current, visit_count);
    while (visit_count > 0 && !out_of_budget(iteration)) {
      const double used = fraction_used(iteration);
      if (to < 1 && used >= to) break;
      const double fraction = std::clamp((used - from) / (to - from), 0.0, 1.0);
      const double temperature = annealing.temperature(fraction);
      ++iteration;
      ruin_and_recreate();
      const Cost candidate = plan_.cost();
      if (annealing.accepts(candidate, current, temperature, rank_routes, random_)) {
        current = candidate;
        if (rank_routes) plan_.set_max_routes(std::min(plan_.max_routes(), current.routes_used));
        keep_if_best(current, iteration);
      } else {
        plan_.take_back();
      }
    }
    return iteration;
  };

  // Last, every visit still out is tried in every suitable route, an unused
  // carer's empty day included and the fleet cap lifted: a visit reported as
  // fully booked must truly fit nowhere beside the plan (the checker tries too).
  const auto place_the_rest = [&](long iterations) {
    best_solution.iterations = iterations;
    if (best_solution.unassigned.empty()) return;
    plan_.restore_routes(best_routes);
    plan_.set_max_routes(std::numeric_limits<int>::max());
    insertion_.set_full_neighbourhood(true);
    std::vector<int> left;
    for (int visit = 0; visit < visit_count; ++visit)
      if (!plan_.routed(visit)) left.push_back(visit);
    std::stable_sort(left.begin(), left.end(), [&](int first, int second) {
      const Visit& one = model_.problem.visits[first];
      const Visit& other = model_.problem.visits[second];
      return one.priority > other.priority || (one.priority == other.priority && one.carers_needed > other.carers_needed);
    });
    bool placed = false;
    for (int visit : left) placed = insertion_.insert_visit(visit, 0.0) || placed;
    insertion_.set_full_neighbourhood(false);
    if (!placed) return;
    const Cost cost = plan_.cost();
    if (!is_better_for(weights, cost, best_solution.cost)) return;
    best_solution = plan_.to_solution(iterations);
    if (on_progress) on_progress({iterations, best_solution.cost});
  };

  if (!weights.fewest_routes_first) {
    place_the_rest(anneal(0, 0, 1, false));
    return best_solution;
  }
  // Fewest routes first, in three parts of the budget: shorten travel freely (a
  // short plan is a good start, and on clustered days it already has the fewest
  // routes); from the best plan, remove routes while every visit stays placed;
  // then shorten the travel of the routes left, the fleet capped at their number.
  long iteration = anneal(0, 0, 0.25, false);
  plan_.restore_routes(best_routes);
  iteration = minimise_routes(
      [&](long spent) { return out_of_budget(spent) || fraction_used(spent) >= 0.6; }, on_progress, best_solution,
      iteration);
  keep_if_best(plan_.cost(), iteration);
  place_the_rest(anneal(iteration, 0.6, 1, true));
  return best_solution;
}

}  // namespace allot::solver::search
