#include "allot/budgets/money_checks.h"

#include <limits>

#include "allot/base/int128.h"

namespace allot::budgets {

std::optional<Money> checked_add(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a.pence(), b.pence(), &out)) return std::nullopt;
  return Money::from_pence(out);
}

std::optional<Money> checked_sub(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a.pence(), b.pence(), &out)) return std::nullopt;
  return Money::from_pence(out);
}

std::optional<Money> checked_mul(Money amount, std::int64_t times) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(amount.pence(), times, &out)) return std::nullopt;
  return Money::from_pence(out);
}

bool add_into(Money& total, Money amount, const std::string& path, Issues& issues) {
  const std::optional<Money> sum = checked_add(total, amount);
  if (!sum) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, path,
                           "the total does not fit in 64-bit pence; found an amount of " + format_pounds(amount) +
                               " added to " + format_pounds(total)});
    return false;
  }
  total = *sum;
  return true;
}

Result<Money> checked_sum(std::span<const Money> amounts, const std::string& path) {
  Money total;
  Issues issues;
  for (Money amount : amounts) {
    if (!add_into(total, amount, path, issues)) return fail(std::move(issues));
  }
  return total;
}

std::optional<Money> scale(Money amount, std::int64_t numerator, std::int64_t denominator) {
  const Int128 product = static_cast<Int128>(amount.pence()) * numerator;
  const Int128 quotient = product / denominator;
  if (quotient > std::numeric_limits<std::int64_t>::max() || quotient < std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return Money::from_pence(round_half_away(product, denominator));
}

}  // namespace allot::budgets
