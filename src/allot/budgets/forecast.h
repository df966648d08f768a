#pragma once
// Forecast outturn and variance for a budget line, month by month.
//
// Forecast outturn = actuals to date + commitments still to come (after the
// as-of date). Variance = budget - forecast: positive is an underspend, negative
// an overspend. A line may go over; that is flagged, never refused (care is
// never refused because a pot is empty).

#include <array>

#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::budgets {

using Months = std::array<Money, 12>;  // index 0 = April

struct LineInputs {
  Money budget;                 // the line's allocation for the year
  Months committed;             // every commitment in each month
  Months remaining_committed;   // the part of each month's commitments after the as-of date
  Months actual;                // payments posted in each month
};

struct LineForecast {
  Months budget;      // the allocation profiled evenly over the months (adds up exactly)
  Months committed;
  Months actual;
  Months forecast;    // actual + remaining commitments
  Months variance;    // budget - forecast
  Money budget_total;
  Money committed_total;
  Money actual_total;
  Money forecast_total;
  Money variance_total;
  bool overspent = false;  // forecast_total > budget_total
};

// Every sum is checked: an overflow is a kInvalidValue issue at `path`.
Result<LineForecast> forecast_line(const LineInputs& inputs, const std::string& path);

// Adds line forecasts into a total (month by month), checked.
Result<LineForecast> add_forecasts(const LineForecast& a, const LineForecast& b, const std::string& path);

// `total` spread over 12 months: month m gets round(total x (m+1) / 12) -
// round(total x m / 12), so the months add up to `total` exactly.
Months profile_evenly(Money total);

}  // namespace allot::budgets
