#pragma once
// Ruin: take visits out of the plan for recreate to put back. Private to the solver.

#include <random>
#include <vector>

#include "allot/solver/search/model.h"
#include "allot/solver/search/plan.h"

namespace allot::solver::search {

class Ruin {
 public:
  Ruin(const Model& model, Plan& plan, std::mt19937_64& random);

  // Removes a few strings of consecutive visits from routes near a random visit,
  // or now and then empties a route; the visits removed join `removed`.
  void ruin(std::vector<int>& removed);
  // Empties the shortest of the routes of three visits drawn from `routed` (the
  // visits in routes, in index order); its visits join `removed`.
  void empty_a_route(const std::vector<int>& routed, std::vector<int>& removed);

 private:
  void remove_with_links(const std::vector<int>& victims, std::vector<int>& removed);

  const Model& model_;
  Plan& plan_;
  std::mt19937_64& random_;
};

}  // namespace allot::solver::search
