#include "allot/base/money.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace allot {
namespace {

TEST(RoundHalfAway, RoundsHalvesAwayFromZero) {
  EXPECT_EQ(round_half_away(5, 2), 3);
  EXPECT_EQ(round_half_away(-5, 2), -3);
  EXPECT_EQ(round_half_away(7, 2), 4);
  EXPECT_EQ(round_half_away(1, 3), 0);
  EXPECT_EQ(round_half_away(2, 3), 1);
  EXPECT_EQ(round_half_away(-2, 3), -1);
  EXPECT_EQ(round_half_away(10, -4), -3);  // -2.5 rounds to -3
  EXPECT_EQ(round_half_away(0, 7), 0);
}

TEST(RoundHalfAway, ZeroDenominatorIsABug) { EXPECT_THROW(round_half_away(1, 0), std::logic_error); }

TEST(FloorDiv, RoundsDown) {
  EXPECT_EQ(floor_div(7, 2), 3);
  EXPECT_EQ(floor_div(-7, 2), -4);
  EXPECT_EQ(floor_div(8, 2), 4);
}

TEST(Money, WeeklyAndAnnual) {
  EXPECT_EQ(Money::from_pence(1000).weekly_to_annual().pence(), 52000);
  // 100,000 / 52 = 1923.0769 -> 1923
  EXPECT_EQ(Money::from_pence(100000).annual_to_weekly().pence(), 1923);
  // 26 / 52 = 0.5 -> 1 (half away from zero)
  EXPECT_EQ(Money::from_pence(26).annual_to_weekly().pence(), 1);
}

TEST(Money, FormatsAsPounds) {
  EXPECT_EQ(format_pounds(Money::from_pence(0)), "£0.00");
  EXPECT_EQ(format_pounds(Money::from_pence(5)), "£0.05");
  EXPECT_EQ(format_pounds(Money::from_pence(4500)), "£45.00");
  EXPECT_EQ(format_pounds(Money::from_pence(123456789)), "£1,234,567.89");
  EXPECT_EQ(format_pounds(Money::from_pence(-100005)), "-£1,000.05");
}

}  // namespace
}  // namespace allot

namespace allot {
namespace {

TEST(MoneyOverflow, CheckedArithmeticStopsAtWhatAllotHolds) {
  EXPECT_EQ(checked_sum(Money::from_pence(kMaxPence - 1), Money::from_pence(1)), Money::from_pence(kMaxPence));
  EXPECT_EQ(checked_sum(Money::from_pence(kMaxPence), Money::from_pence(1)), std::nullopt);
  EXPECT_EQ(checked_product(Money::from_pence(1'000'000'000), 1'000'000'000), std::nullopt);
  EXPECT_EQ(checked_product(Money::from_pence(-kMaxPence), 1), Money::from_pence(-kMaxPence));
  EXPECT_EQ(holdable_pence(static_cast<Int128>(kMaxPence) * 1000), std::nullopt);
  EXPECT_TRUE(Money::from_pence(kMaxPence).holdable());
  EXPECT_FALSE(Money::from_pence(kMaxPence + 1).holdable());
}

// The issue quoted a plan of 1,000,000,000 pence x 1,000,000,000 units a week kept as
// about -£33 quadrillion a year: Money's operators never wrap.
TEST(MoneyOverflow, OperatorsThrowRatherThanWrap) {
  const Money weekly = Money::from_pence(1'000'000'000'000'000'000);
  EXPECT_THROW(weekly.weekly_to_annual(), std::overflow_error);
  EXPECT_THROW(weekly * 10, std::overflow_error);
  EXPECT_THROW(Money::from_pence(INT64_MAX) + Money::from_pence(1), std::overflow_error);
  EXPECT_THROW(Money::from_pence(INT64_MIN) - Money::from_pence(1), std::overflow_error);
  Money total = Money::from_pence(INT64_MAX);
  EXPECT_THROW(total += Money::from_pence(1), std::overflow_error);
  EXPECT_THROW(round_half_away(static_cast<Int128>(INT64_MAX) * 4, 2), std::overflow_error);
  EXPECT_EQ((Money::from_pence(250) * 52).pence(), 13000);
}

}  // namespace
}  // namespace allot
