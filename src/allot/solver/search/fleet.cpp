// Fleet minimisation (Christiaens and Vanden Berghe 2020, section 6): empty a
// route, cap the fleet one below, and ruin and recreate until every visit fits
// again, accepting by absence counts. Every time all fit, that plan is the new
// best and another route is emptied.

#include "allot/solver/search/acceptance.h"
#include "allot/solver/search/search.h"

namespace allot::solver::search {

// Ends with the best plan in place and the fleet capped at its size.
long Search::minimise_routes(const Budget& spent, const ProgressCallback& on_progress, Solution& best_solution,
                             long iteration) {
  const int visit_count = model_.visit_count();
  AbsenceCounts absence(visit_count);
  // A plan is complete when it leaves out only visits that fit no carer's empty
  // day. Until the first complete plan the fleet is not capped.
  int impossible = 0;
  for (int visit = 0; visit < visit_count; ++visit)
    impossible += model_.candidate_carers[visit].size() < model_.tasks_of_visit[visit].size() ? 1 : 0;
  bool complete = absence.left_out(plan_.routed_visits()).visits <= impossible;
  std::vector<std::vector<int>> best_routes = plan_.routes();
  int best_count = plan_.used_routes();
  const auto next_target = [&] {
    std::vector<int> routed;
    for (int visit = 0; visit < visit_count; ++visit)
      if (plan_.routed(visit)) routed.push_back(visit);
    std::vector<int> removed;
    ruin_.empty_a_route(routed, removed);
    plan_.set_max_routes(plan_.used_routes());
  };
  if (complete && plan_.used_routes() > 1) next_target();
  while (best_count > 1 && !spent(iteration)) {
    ++iteration;
    ruin_and_recreate();
    const AbsenceCounts::LeftOut current = absence.left_out(plan_.routed_before());
    const AbsenceCounts::LeftOut candidate = absence.left_out(plan_.routed_visits());
    absence.count(plan_.routed_visits());
    if (AbsenceCounts::better(candidate, current)) {
      if (candidate.visits <= impossible) {
        complete = true;
        best_routes = plan_.routes();
        best_count = plan_.used_routes();
        best_solution = plan_.to_solution(iteration);
        if (on_progress) on_progress({iteration, best_solution.cost});
        if (best_count > 1) next_target();
      }
    } else {
      plan_.take_back();
    }
  }
  plan_.restore_routes(best_routes);
  if (complete) plan_.set_max_routes(plan_.used_routes());
  return iteration;
}

}  // namespace allot::solver::search
