#pragma once
// A care at home package made from an agreed support plan's lines (seed 002,
// 3.6): the weekly pattern of visits must give exactly the carers' hours the
// lines pay for, so the package delivers what was agreed, no more and no less.
// No I/O.

#include <cstdint>
#include <vector>

#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/care_at_home/package.h"

namespace allot::care_at_home {

// Each carer's minutes a week the visits give: a double-handed hour is two hours,
// as a plan line's units count each carer's.
std::int64_t carer_minutes_of(const std::vector<Visit>& visits);

// The problem, at path "visits", when the visits' carers' minutes a week differ
// from `plan_hours_per_week` (the lines' hourly units, each carer's counted); none
// when they are equal.
Issues check_visits_match_plan(const std::vector<Visit>& visits, const Fraction& plan_hours_per_week);

}  // namespace allot::care_at_home
