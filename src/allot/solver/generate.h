#pragma once
// A realistic, synthetic day of home care for scale testing: visits around a town
// (great-circle travel), morning/lunch/tea/evening windows, skills, double-handed
// visits, preferred carers, carers with shifts and breaks. Deterministic by seed.

#include <cstdint>

#include "allot/solver/problem.h"

namespace allot::solver {

struct DayShape {
  int visits = 5000;
  int carers = 600;
  std::uint64_t seed = 1;
  // 0: carers start and end at home. N > 0: every carer works from one of N
  // offices (a provider's branches, at the centres of the busiest areas), so
  // many carers share a start place.
  int offices = 0;
};

Problem generate_day(const DayShape& shape);

}  // namespace allot::solver
