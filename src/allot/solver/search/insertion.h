#pragma once
// Recreate: put visits back, each at its cheapest place, skipping a place now and
// then ("blinks", after SISR). Private to the solver.

#include <random>
#include <vector>

#include "allot/solver/search/model.h"
#include "allot/solver/search/plan.h"
#include "allot/solver/search/pricing.h"

namespace allot::solver::search {

struct Move {
  int route = -1;
  int position = -1;
  double delta = kUnbounded;
};

class Insertion {
 public:
  Insertion(const Model& model, Plan& plan, Pricing& pricing, std::mt19937_64& random);

  // Puts the visit (both halves of a double-handed one) at its best place found;
  // false, with the plan unchanged, when there is none.
  bool insert_visit(int visit, double blink_rate);
  // Reinserts the visits of `order` (shuffled and sorted by a random rule first).
  void recreate(std::vector<int>& order);
  // Every suitable route for every visit, ignoring the granular lists (the final
  // pass that places what still fits anywhere).
  void set_full_neighbourhood(bool full) { full_neighbourhood_ = full; }

 private:
  Move best_insertion(int task, int excluded_route, double blink_rate);
  bool insert_double_handed(int visit, double blink_rate);
  const std::vector<int>& routes_to_try(int visit, std::vector<int>& scratch);
  bool kept_apart(int visit, int route) const;

  const Model& model_;
  Plan& plan_;
  Pricing& pricing_;
  std::mt19937_64& random_;
  std::vector<int> route_mark_;  // scratch for granular route lists
  int route_mark_stamp_ = 0;
  std::vector<int> kind_stamp_;   // per carer kind: the round its count was last reset
  std::vector<int> kind_taken_;   // per carer kind: unused carers added this round
  std::vector<int> twin_stamp_;   // per set of identical carers: the round one was added
  int kind_round_ = 0;
  bool full_neighbourhood_ = false;
};

}  // namespace allot::solver::search
