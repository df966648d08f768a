#pragma once
// The finance system's payments export (docs/api.md, "Payments CSV"): a header
// row naming the columns, in any order,
//   date,payee,person_reference,amount,budget_line,reference
// then one payment a line. date is YYYY-MM-DD; amount is pounds with at most two
// decimals ("1234.56", "-20.00" for a correction); person_reference is
// "person:42", a package reference (listed as unmatched until packages exist) or empty; budget_line is the line's code in the budget;
// reference is the finance system's own unique reference, which becomes the
// payment's idempotency key, so a file imported twice never counts twice.
// Fields may be quoted ("a, b" and "" for a quote). Blank lines are skipped.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::budgets {

struct PaymentLine {
  int line_number = 0;  // in the file, 1-based (the header is line 1)
  Date paid_on;
  std::string payee;
  std::string person_reference;
  Money amount;
  std::string budget_line;
  std::string reference;
};

// Every line, or every problem at once with its path ("payments.csv:4.amount").
// A line that reads but names no known budget line or person is not a problem
// here: the caller lists it as unmatched.
Result<std::vector<PaymentLine>> read_payments_csv(std::string_view text, std::string_view source);

// "12.34" / "-5" / "1,234.50" is refused: pounds with at most two decimals, no
// thousands separators; nothing for anything else (or an amount beyond 64-bit pence).
std::optional<Money> parse_pounds(std::string_view text);

// The person id in "person:42", or nothing.
std::optional<std::int64_t> parse_person_reference(std::string_view text);

}  // namespace allot::budgets
