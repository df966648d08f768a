#pragma once
// A provider's day built around a plan: carers working from one or several
// offices, with mixed skills, shifts, breaks and travel modes (some walk), do
// single and double-handed visits and medication rounds at least three hours
// apart. The generator walks each carer (or pair of carers) through the day,
// placing each visit where the carer can reach it, and only then writes the
// visit's window around the planned start. The plan it returns therefore does
// every visit, so "every visit can be done" is known to be true of the problem;
// the independent checker (check.h) verifies the plan. Deterministic by seed.

#include <cstdint>

#include "allot/solver/problem.h"
#include "allot/solver/solution.h"

namespace allot::solver {

struct PlannedDayShape {
  // Made until reached, or until every carer's day is full (then fewer: about
  // nine calls a carer, a pair's double-handed calls counted once).
  int visits = 1000;
  int carers = 100;
  int offices = 1;    // carers are spread over the offices in turn
  std::uint64_t seed = 1;
  // Share of each carer's working time the plan fills at most: below 1 leaves the
  // search room to move visits between carers, as a real rota does.
  double fill = 0.8;
};

struct PlannedDay {
  Problem problem;
  Solution plan;  // every visit routed; cost filled in as the checker recomputes it
};

PlannedDay generate_planned_day(const PlannedDayShape& shape);

}  // namespace allot::solver
