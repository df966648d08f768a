#pragma once
// Commitments: what an agreed personal budget commits against a budget, pro rata
// by day. A financial year runs 1 April to 31 March (365 or 366 days); an open
// budget recurs, so one that spans 31 March commits into both years.
//
// Pro rata by day is computed cumulatively within a financial year: the amount
// for days a..b is round(R x b / N) - round(R x (a - 1) / N), where R is the
// recurring annual amount, N the days in that year and a, b day numbers in it.
// Adjacent periods therefore add up exactly, and a whole year is exactly R.

#include <array>
#include <optional>

#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::budgets {

// The financial year that starts on 1 April of start_year.
struct FinancialYear {
  int start_year = 0;
  Date first() const;   // 1 April start_year
  Date last() const;    // 31 March start_year + 1
  int days() const;     // 365, or 366 when it holds 29 February
  // The first day of month index 0..11 (0 = April).
  Date month_first(int month_index) const;
  Date month_last(int month_index) const;
  std::string label() const;  // "2026/27"
  bool operator==(const FinancialYear&) const = default;
};
FinancialYear financial_year_of(Date date);

// One funding source's part of an agreed budget, as it commits money.
struct CommitmentTerms {
  Date start;
  std::optional<Date> end;  // the last day, inclusive; none while the budget runs on
  Money recurring_annual;   // committed pro rata by day
  Money one_off;            // committed in full on the start date
  bool operator==(const CommitmentTerms&) const = default;
};

// What the terms commit on the days from..to (inclusive), which must lie within
// one financial year (from <= to). Zero outside the terms' period.
Money committed_between(const CommitmentTerms& terms, Date from, Date to);
// The same for a whole year, month by month (index 0 = April); the months add up
// to the year exactly.
std::array<Money, 12> committed_by_month(const CommitmentTerms& terms, FinancialYear year);

// A financial year's day numbers (1-based), computed once so that many
// commitments can be spread over its months with integer arithmetic only.
struct YearDays {
  FinancialYear year;
  int days = 0;
  std::array<int, 12> month_first{};  // day number of each month's first day
  std::array<int, 12> month_last{};
};
YearDays year_days(FinancialYear year);

// Adds what the terms commit in each month of the year into `committed`, and the
// part after day number `as_of_day` (0: the whole year is still to come) into
// `remaining`. The same amounts as committed_between() month by month, without
// date arithmetic per month: monitoring sums thousands of commitments. Returns
// false, adding nothing further, if a month's total would overflow.
bool add_by_month(const CommitmentTerms& terms, const YearDays& calendar, int as_of_day, std::array<Money, 12>& committed,
                  std::array<Money, 12>& remaining);

// An agreed budget's parts by funding source, net of what the person pays.
struct SourceTerms {
  CommitmentTerms council;
  CommitmentTerms nhs;
  bool operator==(const SourceTerms&) const = default;
};

// Splits an agreed budget into its council and NHS terms: the one-off part is
// shared in proportion to each source's annual share (rounded once; the council
// gets the remainder so the two add up), and the person's contribution (annual)
// is netted off the council's recurring part, which never goes below zero: a
// contribution above the council's share is an issue, not a negative commitment.
// kInvalidValue issues when the shares do not add up to the annual amount, an
// amount is negative, or the contribution exceeds the council's recurring share.
Result<SourceTerms> split_by_source(Date start, std::optional<Date> end, Money annual, Money one_off,
                                    Money council_annual, Money nhs_annual, Money contribution_annual);

}  // namespace allot::budgets
