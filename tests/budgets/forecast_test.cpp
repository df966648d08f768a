#include "allot/budgets/forecast.h"

#include <limits>
#include <numeric>

#include <gtest/gtest.h>

namespace allot::budgets {
namespace {

TEST(Forecast, IsActualsPlusRemainingCommitmentsAndFlagsAnOverspend) {
  LineInputs inputs;
  inputs.budget = Money::from_pence(1'200);
  for (std::size_t month = 0; month < 12; ++month) inputs.committed[month] = Money::from_pence(110);
  for (std::size_t month = 0; month < 7; ++month) inputs.actual[month] = Money::from_pence(105);
  for (std::size_t month = 7; month < 12; ++month) inputs.remaining_committed[month] = Money::from_pence(110);
  auto forecast = forecast_line(inputs, "lines[0]");
  ASSERT_TRUE(forecast);
  EXPECT_EQ(forecast->forecast_total, Money::from_pence(7 * 105 + 5 * 110));
  EXPECT_EQ(forecast->variance_total, Money::from_pence(1'200 - 1'285));
  EXPECT_TRUE(forecast->overspent);
  EXPECT_EQ(forecast->budget[0], Money::from_pence(100));
}

TEST(Forecast, AnOverflowIsAnIssueNotAWrappedNumber) {
  LineInputs inputs;
  inputs.actual[0] = Money::from_pence(std::numeric_limits<std::int64_t>::max());
  inputs.actual[1] = Money::from_pence(1);
  auto forecast = forecast_line(inputs, "lines[3]");
  ASSERT_FALSE(forecast);
  EXPECT_EQ(forecast.error()[0].path, "lines[3]");
}

TEST(Forecast, ProfileAddsUpExactly) {
  const Months months = profile_evenly(Money::from_pence(1'340'000'001));
  EXPECT_EQ(std::accumulate(months.begin(), months.end(), Money{}), Money::from_pence(1'340'000'001));
}

}  // namespace
}  // namespace allot::budgets
