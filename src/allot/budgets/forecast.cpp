#include "allot/budgets/forecast.h"

#include "allot/budgets/money_checks.h"

namespace allot::budgets {

Months profile_evenly(Money total) {
  Months months{};
  for (int month_idx = 0; month_idx < 12; ++month_idx) {
    months[static_cast<std::size_t>(month_idx)] =
        Money::from_pence(round_half_away(static_cast<Int128>(total.pence()) * (month_idx + 1), 12) -
                          round_half_away(static_cast<Int128>(total.pence()) * month_idx, 12));
  }
  return months;
}

Result<LineForecast> forecast_line(const LineInputs& inputs, const std::string& path) {
  LineForecast out;
  Issues issues;
  out.budget = profile_evenly(inputs.budget);
  out.committed = inputs.committed;
  out.actual = inputs.actual;
  out.budget_total = inputs.budget;
  for (std::size_t month = 0; month < 12; ++month) {
    const std::optional<Money> forecast = checked_add(inputs.actual[month], inputs.remaining_committed[month]);
    const std::optional<Money> variance = forecast ? checked_sub(out.budget[month], *forecast) : std::nullopt;
    if (!forecast || !variance) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, path, "a month's forecast does not fit in 64-bit pence"});
      break;
    }
    out.forecast[month] = *forecast;
    out.variance[month] = *variance;
    add_into(out.committed_total, inputs.committed[month], path, issues);
    add_into(out.actual_total, inputs.actual[month], path, issues);
    add_into(out.forecast_total, *forecast, path, issues);
  }
  if (!issues.empty()) return fail(std::move(issues));
  const std::optional<Money> variance = checked_sub(out.budget_total, out.forecast_total);
  if (!variance) return fail(ErrorCode::kInvalidValue, path, "the variance does not fit in 64-bit pence");
  out.variance_total = *variance;
  out.overspent = out.forecast_total > out.budget_total;
  return out;
}

Result<LineForecast> add_forecasts(const LineForecast& a, const LineForecast& b, const std::string& path) {
  LineForecast out;
  Issues issues;
  for (std::size_t month = 0; month < 12; ++month) {
    out.budget[month] = a.budget[month];
    out.committed[month] = a.committed[month];
    out.actual[month] = a.actual[month];
    out.forecast[month] = a.forecast[month];
    out.variance[month] = a.variance[month];
    add_into(out.budget[month], b.budget[month], path, issues);
    add_into(out.committed[month], b.committed[month], path, issues);
    add_into(out.actual[month], b.actual[month], path, issues);
    add_into(out.forecast[month], b.forecast[month], path, issues);
    add_into(out.variance[month], b.variance[month], path, issues);
  }
  out.budget_total = a.budget_total;
  out.committed_total = a.committed_total;
  out.actual_total = a.actual_total;
  out.forecast_total = a.forecast_total;
  out.variance_total = a.variance_total;
  add_into(out.budget_total, b.budget_total, path, issues);
  add_into(out.committed_total, b.committed_total, path, issues);
  add_into(out.actual_total, b.actual_total, path, issues);
  add_into(out.forecast_total, b.forecast_total, path, issues);
  add_into(out.variance_total, b.variance_total, path, issues);
  if (!issues.empty()) return fail(std::move(issues));
  out.overspent = out.forecast_total > out.budget_total;
  return out;
}

}  // namespace allot::budgets
