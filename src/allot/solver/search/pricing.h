#pragma once
// Pricing a place: the cost change of putting one task at one position of one
// route, or kUnbounded when the place is infeasible. Private to the solver.

#include <vector>

#include "allot/solver/search/model.h"
#include "allot/solver/search/plan.h"

namespace allot::solver::search {

// Whether pricing may follow links into other routes (exact, dearer) or holds
// tasks in other routes where they are (a screen: it can only be optimistic).
enum class Links { kHold, kFollow };

class Pricing {
 public:
  Pricing(const Model& model, Plan& plan);

  // Leaves the plan as it was. A place whose cost reaches `cutoff` may be
  // reported as kUnbounded without being priced in full.
  double price(int task, int route, int position, Links links, double& lateness_delta, double cutoff = kUnbounded) {
    return evaluate(task, route, position, false, links, lateness_delta, cutoff);
  }
  // Prices with links followed and, when feasible, leaves the task in place; the
  // undo log keeps the rise so that the caller may still take it back. The caller
  // refreshes the route's totals.
  double insert(int task, int route, int position, double& lateness_delta) {
    return evaluate(task, route, position, true, Links::kFollow, lateness_delta, kUnbounded);
  }

 private:
  double evaluate(int task, int route, int position, bool keep, Links links, double& lateness_delta, double cutoff);
  double walk(int task, int route, int position, double& lateness_delta, double budget, bool& reaches_link);

  const Model& model_;
  Plan& plan_;
  // tasks already counted in a lateness delta, where stamp_ equals stamp_counter_
  std::vector<long> stamp_;
  long stamp_counter_ = 0;
  // walk()'s tentative starts, valid where walk_stamp_ equals walk_counter_
  std::vector<double> walk_start_;
  std::vector<long> walk_stamp_;
  long walk_counter_ = 0;
};

}  // namespace allot::solver::search
