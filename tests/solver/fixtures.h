#pragma once
// Tiny hand-made problems for the solver tests, each named after what it exercises.
#include <gtest/gtest.h>

#include "allot/solver/check.h"
#include "allot/solver/generate.h"
#include "allot/solver/solve.h"

namespace allot::solver::testing {

// Visits on a line: location k at x = 10k; depot at 0. Travel time = distance.
inline Problem line_problem(int visit_count, int carer_count) {
  Problem problem;
  problem.name = "line";
  problem.travel.kind = TravelModel::Kind::kEuclidean;
  problem.travel.location_count = visit_count + 1;
  for (int location = 0; location <= visit_count; ++location) {
    problem.travel.x.push_back(10.0 * location);
    problem.travel.y.push_back(0);
  }
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    Visit visit;
    visit.id = "v" + std::to_string(visit_idx + 1);
    visit.location = visit_idx + 1;
    visit.duration = 5;
    problem.visits.push_back(visit);
  }
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
    Carer carer;
    carer.id = "c" + std::to_string(carer_idx + 1);
    carer.shift = {0, 1000};
    problem.carers.push_back(carer);
  }
  return problem;
}

inline Solution solve_quietly(const Problem& problem, long iterations = 200, std::uint64_t seed = 1) {
  SolveOptions options;
  options.seed = seed;
  options.iteration_limit = iterations;
  return solve(problem, options);
}

// Every solver test runs the independent checker on what the solver returns.
inline Solution solve_and_check(const Problem& problem, long iterations = 200, std::uint64_t seed = 1) {
  Solution solution = solve_quietly(problem, iterations, seed);
  const CheckReport report = check_solution(problem, solution);
  EXPECT_TRUE(report.ok()) << problem.name << ": " << (report.violations.empty() ? "" : report.violations.front());
  return solution;
}

inline const Unassigned* find_unassigned(const Solution& solution, int visit) {
  for (const Unassigned& entry : solution.unassigned)
    if (entry.visit == visit) return &entry;
  return nullptr;
}

inline std::vector<const Stop*> stops_of(const Solution& solution, int visit, std::vector<int>* carers = nullptr) {
  std::vector<const Stop*> found;
  for (const Route& route : solution.routes)
    for (const Stop& stop : route.stops)
      if (stop.kind == Stop::Kind::kVisit && stop.index == visit) {
        found.push_back(&stop);
        if (carers) carers->push_back(route.carer);
      }
  return found;
}

}  // namespace allot::solver::testing
