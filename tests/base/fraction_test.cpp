#include "allot/base/fraction.h"

#include <gtest/gtest.h>

namespace allot {
namespace {

TEST(Fraction, ParsesDecimalTextExactly) {
  EXPECT_EQ(Fraction::parse("0.9"), Fraction::of(9, 10));
  EXPECT_EQ(Fraction::parse("3.25"), Fraction::of(13, 4));
  EXPECT_EQ(Fraction::parse("-2"), Fraction(-2));
  EXPECT_EQ(Fraction::parse("1e-1"), Fraction::of(1, 10));
  EXPECT_EQ(Fraction::parse("15E1"), Fraction(150));
  EXPECT_FALSE(Fraction::parse("abc"));
  EXPECT_FALSE(Fraction::parse("1.2.3"));
  EXPECT_FALSE(Fraction::parse(""));
  EXPECT_FALSE(Fraction::parse("0.0000000000001"));  // more than 12 places
}

TEST(Fraction, FromDoubleUsesShortestText) {
  // 0.1 + 0.2 as a double is 0.30000000000000004; a JSON 0.9 is exactly 9/10 here.
  EXPECT_EQ(Fraction::from_double(0.9), Fraction::of(9, 10));
  EXPECT_EQ(Fraction::from_double(0.75), Fraction::of(3, 4));
}

TEST(Fraction, Arithmetic) {
  const Fraction a = Fraction::of(9, 10);
  const Fraction b = Fraction::of(3, 4);
  EXPECT_EQ(a * b, Fraction::of(27, 40));
  EXPECT_EQ(a + b, Fraction::of(33, 20));
  EXPECT_EQ(a - b, Fraction::of(3, 20));
  EXPECT_EQ(a / b, Fraction::of(6, 5));
  EXPECT_TRUE(b < a);
  EXPECT_TRUE(a <= a);
}

TEST(Fraction, PrintsDecimalsWhenFinite) {
  EXPECT_EQ(Fraction::of(9, 10).to_string(), "0.9");
  EXPECT_EQ(Fraction::of(-13, 4).to_string(), "-3.25");
  EXPECT_EQ(Fraction(12).to_string(), "12");
  EXPECT_EQ(Fraction::of(1, 3).to_string(), "1/3");
}

TEST(Fraction, OverflowIsReportedNotWrapped) {
  Fraction big = Fraction::of(1, 1000000007);
  EXPECT_THROW(
      {
        for (int step = 0; step < 10; ++step) big = big * Fraction::of(1, 1000000009);
      },
      std::overflow_error);
}

}  // namespace
}  // namespace allot
