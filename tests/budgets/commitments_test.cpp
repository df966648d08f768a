#include "allot/budgets/commitments.h"

#include <numeric>

#include <gtest/gtest.h>

namespace allot::budgets {
namespace {

Date day(const char* text) { return *Date::parse(text); }
Money pence(std::int64_t value) { return Money::from_pence(value); }

TEST(FinancialYear, RunsFromAprilToMarchWithLeapDays) {
  EXPECT_EQ(financial_year_of(day("2027-03-31")).start_year, 2026);
  EXPECT_EQ(financial_year_of(day("2027-04-01")).start_year, 2027);
  EXPECT_EQ(FinancialYear{2026}.days(), 365);
  EXPECT_EQ(FinancialYear{2027}.days(), 366);  // holds 29 February 2028
  EXPECT_EQ(FinancialYear{2027}.month_last(10).to_string(), "2028-02-29");
  EXPECT_EQ(FinancialYear{2026}.label(), "2026/27");
}

TEST(Commitments, AWholeYearCommitsTheAnnualAmountExactly) {
  const CommitmentTerms terms{day("2020-01-01"), std::nullopt, pence(1'000'001), Money{}};
  for (int year : {2026, 2027}) {
    const auto months = committed_by_month(terms, FinancialYear{year});
    EXPECT_EQ(std::accumulate(months.begin(), months.end(), Money{}), pence(1'000'001)) << year;
  }
}

TEST(Commitments, SpanningTheYearEndCommitsIntoBothYearsProRataByDay) {
  // 1 February 2027 to 30 April 2027, £3,650 a year: 59 days in 2026/27, 30 in 2027/28 (a leap year).
  const CommitmentTerms terms{day("2027-02-01"), day("2027-04-30"), pence(365'000), Money{}};
  EXPECT_EQ(committed_between(terms, FinancialYear{2026}.first(), FinancialYear{2026}.last()), pence(59'000));
  // 30 days of 366 in 2027/28: 365,000 x 30 / 366 = 29,918.03 -> 29,918.
  EXPECT_EQ(committed_between(terms, FinancialYear{2027}.first(), FinancialYear{2027}.last()), pence(29'918));
  const auto months = committed_by_month(terms, FinancialYear{2026});
  EXPECT_EQ(months[10], pence(28'000));  // February 2027: 28 days
  EXPECT_EQ(months[11], pence(31'000));  // March 2027
  EXPECT_EQ(months[0], Money{});
}

TEST(Commitments, ALeapYearDividesBy366) {
  const CommitmentTerms terms{day("2028-02-01"), day("2028-02-29"), pence(366'000), Money{}};
  EXPECT_EQ(committed_between(terms, FinancialYear{2027}.first(), FinancialYear{2027}.last()), pence(29'000));
  EXPECT_EQ(committed_between(terms, day("2028-02-29"), day("2028-02-29")), pence(1'000));
}

TEST(Commitments, AdjacentPeriodsAddUpToTheWhole) {
  const CommitmentTerms terms{day("2026-05-17"), day("2027-01-09"), pence(1'234'567), pence(5'000)};
  const FinancialYear year{2026};
  const Money whole = committed_between(terms, year.first(), year.last());
  const Money split = committed_between(terms, year.first(), day("2026-11-22")) +
                      committed_between(terms, day("2026-11-23"), year.last());
  EXPECT_EQ(whole, split);
  const auto months = committed_by_month(terms, year);
  EXPECT_EQ(std::accumulate(months.begin(), months.end(), Money{}), whole);
  EXPECT_EQ(months[1].pence() > 5'000, true);  // the one-off lands in May, the start month
}

TEST(Commitments, AnEndBeforeTheStartCommitsNothing) {
  const CommitmentTerms terms{day("2026-06-01"), day("2026-05-31"), pence(100'000), pence(500)};
  EXPECT_EQ(committed_between(terms, FinancialYear{2026}.first(), FinancialYear{2026}.last()), Money{});
}

TEST(Commitments, TheMonthlyFastPathAgreesWithCommittedBetween) {
  const Date as_of = day("2027-11-22");
  for (int offset = -40; offset < 420; offset += 13) {
    const Date start = day("2027-04-01").plus_days(offset);
    for (const std::optional<Date> end : {std::optional<Date>{}, std::optional<Date>{start.plus_days(45)}}) {
      const CommitmentTerms terms{start, end, pence(1'234'567), pence(999)};
      const FinancialYear year{2027};
      const YearDays calendar = year_days(year);
      std::array<Money, 12> committed{};
      std::array<Money, 12> remaining{};
      ASSERT_TRUE(add_by_month(terms, calendar, year.first().days_until(as_of) + 1, committed, remaining));
      for (int month_idx = 0; month_idx < 12; ++month_idx) {
        const Date first = year.month_first(month_idx);
        const Date last = year.month_last(month_idx);
        EXPECT_EQ(committed[static_cast<std::size_t>(month_idx)], committed_between(terms, first, last)) << offset;
        const Money after = last <= as_of ? Money{} : committed_between(terms, std::max(first, as_of.plus_days(1)), last);
        EXPECT_EQ(remaining[static_cast<std::size_t>(month_idx)], after) << offset << " month " << month_idx;
      }
    }
  }
}

TEST(SplitBySource, SharesTheOneOffAndNetsTheContributionOffTheCouncil) {
  auto split = split_by_source(day("2026-04-01"), std::nullopt, pence(10'000), pence(1'000), pence(7'000),
                               pence(3'000), pence(2'000));
  ASSERT_TRUE(split) << format_issues(split.error());
  EXPECT_EQ(split->nhs.one_off, pence(300));
  EXPECT_EQ(split->council.one_off, pence(700));
  EXPECT_EQ(split->nhs.recurring_annual, pence(2'700));
  EXPECT_EQ(split->council.recurring_annual, pence(7'000 - 700 - 2'000));
}

TEST(SplitBySource, ReportsEveryProblem) {
  auto split = split_by_source(day("2026-04-01"), day("2026-03-01"), pence(10'000), pence(-1), pence(7'000),
                               pence(2'000), Money{});
  ASSERT_FALSE(split);
  EXPECT_EQ(split.error().size(), 3u);  // one_off negative, shares do not add up, end before start
}

}  // namespace
}  // namespace allot::budgets
