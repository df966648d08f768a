#include "allot/base/date.h"

#include <gtest/gtest.h>

namespace allot {
namespace {

TEST(Date, ParsesIsoDatesAndRejectsImpossibleOnes) {
  const auto date = Date::parse("2026-04-01");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->to_string(), "2026-04-01");
  EXPECT_FALSE(Date::parse("2026-02-30"));
  EXPECT_FALSE(Date::parse("2026-4-1"));
  EXPECT_FALSE(Date::parse("01/04/2026"));
}

TEST(Date, FinancialYearRunsAprilToMarch) {
  EXPECT_EQ(Date::parse("2026-03-31")->financial_year_label(), "2025/26");
  EXPECT_EQ(Date::parse("2026-04-01")->financial_year_label(), "2026/27");
  EXPECT_EQ(Date::parse("2099-12-31")->financial_year_label(), "2099/00");
}

TEST(Date, AddsDays) {
  const Date start = *Date::parse("2026-12-30");
  EXPECT_EQ(start.plus_days(42).to_string(), "2027-02-10");
  EXPECT_EQ(start.days_until(*Date::parse("2027-01-01")), 2);
}

}  // namespace
}  // namespace allot
