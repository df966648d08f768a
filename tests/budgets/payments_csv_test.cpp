#include "allot/budgets/payments_csv.h"

#include <gtest/gtest.h>

namespace allot::budgets {
namespace {

TEST(PaymentsCsv, ReadsEveryLineWithQuotedFieldsInAnyColumnOrder) {
  auto lines = read_payments_csv(
      "reference,date,payee,person_reference,amount,budget_line\r\n"
      "FIN-1,2026-04-30,\"Care, Ltd\",person:7,1234.56,north\n\n"
      "FIN-2,2026-05-31,Demo Care,,-20.5,south\n",
      "payments.csv");
  ASSERT_TRUE(lines) << format_issues(lines.error());
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].payee, "Care, Ltd");
  EXPECT_EQ((*lines)[0].amount, Money::from_pence(123'456));
  EXPECT_EQ((*lines)[1].amount, Money::from_pence(-2'050));
  EXPECT_EQ((*lines)[1].line_number, 4);
  EXPECT_EQ(parse_person_reference((*lines)[0].person_reference), 7);
}

// Found by the hostile-input table (tests/api/hostile_input_test.cpp): control
// characters and invalid UTF-8 were posted as text, and a file with only a header
// was answered as an import of nothing.
TEST(PaymentsCsv, TextMustBeValidUtf8WithoutControlCharactersAndAFileNeedsPayments) {
  auto lines = read_payments_csv(std::string("date,payee,person_reference,amount,budget_line,reference\n"
                                             "2026-04-30,Care\x1b[2J,,1.00,north,R1\n"
                                             "2026-04-30,Caf\xc3\x28,,1.00,north,R2\n"
                                             "2026-04-30,Care,,1.00,north,R\0003\n", 156),
                                 "payments.csv");
  ASSERT_FALSE(lines);
  const Issues expected = {
      {ErrorCode::kInvalidValue, "payments.csv:2.payee", "must not contain control characters; found U+001B at character 5"},
      {ErrorCode::kInvalidValue, "payments.csv:3.payee", "is not valid UTF-8 text"},
      {ErrorCode::kInvalidValue, "payments.csv:4.reference", "must not contain control characters; found U+0000 at character 2"},
  };
  ASSERT_GE(lines.error().size(), expected.size());
  EXPECT_EQ(Issues(lines.error().begin(), lines.error().begin() + 3), expected) << format_issues(lines.error());
  auto header_only = read_payments_csv("date,payee,person_reference,amount,budget_line,reference\n", "empty.csv");
  ASSERT_FALSE(header_only);
  EXPECT_EQ(header_only.error()[0].message, "has a header but no payments");
}

TEST(PaymentsCsv, ListsEveryProblemWithItsLine) {
  auto lines = read_payments_csv(
      "date,payee,person_reference,amount,budget_line,reference\n"
      "2026-02-30,A,,1.234,north,R1\n"
      "2026-04-01,B,,1,north,R1\n"
      "2026-04-01,C,,1,north,\n",
      "payments.csv");
  ASSERT_FALSE(lines);
  std::vector<std::string> paths;
  for (const Issue& issue : lines.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"payments.csv:2.date", "payments.csv:2.amount",
                                             "payments.csv:3.reference", "payments.csv:4.reference"}));
}

TEST(PaymentsCsv, NamesAMissingColumn) {
  auto lines = read_payments_csv("date,payee,amount\n", "p.csv");
  ASSERT_FALSE(lines);
  EXPECT_EQ(lines.error().size(), 3u);
}

TEST(PaymentsCsv, ParsesPoundsStrictly) {
  EXPECT_EQ(parse_pounds("0.05"), Money::from_pence(5));
  EXPECT_EQ(parse_pounds("12"), Money::from_pence(1200));
  EXPECT_FALSE(parse_pounds("1,234.00"));
  EXPECT_FALSE(parse_pounds("£5"));
  EXPECT_FALSE(parse_pounds("99999999999999999999"));
}

}  // namespace
}  // namespace allot::budgets
