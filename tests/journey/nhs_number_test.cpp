#include "allot/journey/nhs_number.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

TEST(NhsNumber, AcceptsValidNumbersWithOrWithoutSpaces) {
  // 943 476 5919 is the NHS's published example of a valid number.
  EXPECT_EQ(normalise_nhs_number("9434765919"), "9434765919");
  EXPECT_EQ(normalise_nhs_number("943 476 5919"), "9434765919");
  EXPECT_EQ(normalise_nhs_number("943-476-5919"), "9434765919");
  EXPECT_EQ(nhs_number_problem("943 476 5919"), "");
}

TEST(NhsNumber, RejectsAWrongCheckDigitWithAReason) {
  EXPECT_FALSE(normalise_nhs_number("9434765918"));
  EXPECT_EQ(nhs_number_problem("9434765918"), "not a valid NHS number: the check digit does not match (mistyped?)");
}

TEST(NhsNumber, RejectsWrongLengthsAndLetters) {
  EXPECT_EQ(nhs_number_problem("943476591"), "an NHS number has 10 digits; found 9");
  EXPECT_NE(nhs_number_problem("94347A5919").find("only digits"), std::string::npos);
}

TEST(NhsNumber, RejectsNumbersWhoseCheckWouldBeTen) {
  // Some nine-digit stems give a check of 10, which no digit can hold: find one and refuse it.
  int found = 0;
  for (int tail = 0; tail < 1000 && found == 0; ++tail) {
    char digits[11];
    std::snprintf(digits, sizeof digits, "100000%03d", tail);
    int sum = 0;
    for (int position = 0; position < 9; ++position) sum += (digits[position] - '0') * (10 - position);
    if (11 - sum % 11 == 10) {
      const std::string candidate = std::string(digits) + "0";
      EXPECT_EQ(nhs_number_problem(candidate), "not a valid NHS number: no check digit fits the first nine digits");
      found = 1;
    }
  }
  EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace allot::journey
