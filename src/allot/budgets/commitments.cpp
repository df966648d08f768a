#include "allot/budgets/commitments.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "allot/budgets/money_checks.h"

namespace allot::budgets {

namespace {

Date ymd(int year, unsigned month, unsigned day) {
  return Date(std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}});
}

// Day number of `date` in its financial year, 1-based.
int day_in_year(const FinancialYear& year, Date date) { return year.first().days_until(date) + 1; }

// round(R x k / N): the recurring amount committed from the year's first day to day k.
Money cumulative(Money recurring, int day_count, int days) {
  return Money::from_pence(round_half_away(static_cast<Int128>(recurring.pence()) * day_count, days));
}

}  // namespace

Date FinancialYear::first() const { return ymd(start_year, 4, 1); }
Date FinancialYear::last() const { return ymd(start_year + 1, 3, 31); }
int FinancialYear::days() const { return first().days_until(last()) + 1; }

Date FinancialYear::month_first(int month_index) const {
  const int month = 4 + month_index;
  return month <= 12 ? ymd(start_year, static_cast<unsigned>(month), 1)
                     : ymd(start_year + 1, static_cast<unsigned>(month - 12), 1);
}

Date FinancialYear::month_last(int month_index) const {
  return month_index == 11 ? last() : month_first(month_index + 1).plus_days(-1);
}

std::string FinancialYear::label() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d/%02d", start_year, (start_year + 1) % 100);
  return buffer;
}

FinancialYear financial_year_of(Date date) { return FinancialYear{date.financial_year_start()}; }

Money committed_between(const CommitmentTerms& terms, Date from, Date to) {
  const FinancialYear year = financial_year_of(from);
  const Date begin = std::max(from, terms.start);
  const Date end = terms.end ? std::min(to, *terms.end) : to;
  if (end < begin) return Money{};
  const int days = year.days();
  Money amount = cumulative(terms.recurring_annual, day_in_year(year, end), days) -
                 cumulative(terms.recurring_annual, day_in_year(year, begin) - 1, days);
  if (terms.start >= from && terms.start <= to && (!terms.end || terms.start <= *terms.end)) amount += terms.one_off;
  return amount;
}

std::array<Money, 12> committed_by_month(const CommitmentTerms& terms, FinancialYear year) {
  std::array<Money, 12> months{};
  for (int month_idx = 0; month_idx < 12; ++month_idx) {
    months[static_cast<std::size_t>(month_idx)] =
        committed_between(terms, year.month_first(month_idx), year.month_last(month_idx));
  }
  return months;
}

YearDays year_days(FinancialYear year) {
  YearDays calendar;
  calendar.year = year;
  calendar.days = year.days();
  const Date first = year.first();
  for (int month_idx = 0; month_idx < 12; ++month_idx) {
    const auto month = static_cast<std::size_t>(month_idx);
    calendar.month_first[month] = first.days_until(year.month_first(month_idx)) + 1;
    calendar.month_last[month] = first.days_until(year.month_last(month_idx)) + 1;
  }
  return calendar;
}

bool add_by_month(const CommitmentTerms& terms, const YearDays& calendar, int as_of_day, std::array<Money, 12>& committed,
                  std::array<Money, 12>& remaining) {
  const Date first = calendar.year.first();
  const int start_day = first.days_until(terms.start) + 1;
  const int begin = std::max(1, start_day);
  const int end = terms.end ? std::min(calendar.days, first.days_until(*terms.end) + 1) : calendar.days;
  if (end < begin) return true;
  const Money recurring = terms.recurring_annual;
  auto add = [](Money& into, Money amount) {
    std::optional<Money> sum = checked_add(into, amount);
    if (!sum) return false;
    into = *sum;
    return true;
  };
  for (std::size_t month = 0; month < 12; ++month) {
    const int low = std::max(begin, calendar.month_first[month]);
    const int high = std::min(end, calendar.month_last[month]);
    if (low > high) continue;
    const Money upto = cumulative(recurring, high, calendar.days);
    if (!add(committed[month], upto - cumulative(recurring, low - 1, calendar.days))) return false;
    const int remaining_low = std::max(low, as_of_day + 1);
    if (remaining_low <= high && !add(remaining[month], upto - cumulative(recurring, remaining_low - 1, calendar.days))) {
      return false;
    }
  }
  if (terms.one_off != Money{} && start_day >= 1 && start_day <= end) {
    for (std::size_t month = 0; month < 12; ++month) {
      if (start_day < calendar.month_first[month] || start_day > calendar.month_last[month]) continue;
      if (!add(committed[month], terms.one_off)) return false;
      if (start_day > as_of_day && !add(remaining[month], terms.one_off)) return false;
    }
  }
  return true;
}

Result<SourceTerms> split_by_source(Date start, std::optional<Date> end, Money annual, Money one_off,
                                    Money council_annual, Money nhs_annual, Money contribution_annual) {
  Issues issues;
  auto non_negative = [&](Money amount, const char* path) {
    if (amount < Money{}) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, path, "must not be negative; found " + format_pounds(amount)});
    }
  };
  non_negative(annual, "annual");
  non_negative(one_off, "one_off");
  non_negative(council_annual, "by_funding_source.council");
  non_negative(nhs_annual, "by_funding_source.nhs");
  non_negative(contribution_annual, "contribution");
  const std::optional<Money> shares = checked_add(council_annual, nhs_annual);
  if (!shares || *shares != annual) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, "by_funding_source",
                           "the council and NHS shares must add up to the annual amount " + format_pounds(annual)});
  }
  if (one_off > annual) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, "one_off", "must not exceed the annual amount"});
  }
  if (end && *end < start) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, "end", "must not be before the start " + start.to_string()});
  }
  if (!issues.empty()) return fail(std::move(issues));
  const Money nhs_one_off = annual.pence() == 0 ? Money{} : *scale(one_off, nhs_annual.pence(), annual.pence());
  const Money council_one_off = one_off - nhs_one_off;
  const Money council_recurring = council_annual - council_one_off;
  if (contribution_annual > council_recurring) {
    return fail(ErrorCode::kInvalidValue, "contribution",
                "the person's contribution " + format_pounds(contribution_annual) +
                    " is more than the council's recurring share " + format_pounds(council_recurring));
  }
  return SourceTerms{CommitmentTerms{start, end, council_recurring - contribution_annual, council_one_off},
                     CommitmentTerms{start, end, nhs_annual - nhs_one_off, nhs_one_off}};
}

}  // namespace allot::budgets
