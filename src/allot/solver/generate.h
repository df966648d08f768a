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
};

Problem generate_day(const DayShape& shape);

}  // namespace allot::solver
