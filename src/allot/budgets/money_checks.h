#pragma once
// Checked money arithmetic for budgets: every sum and product of pence is checked
// (DESIGN.md), so an overflow is an error naming the input, never a wrapped
// number.

#include <optional>
#include <span>
#include <string>

#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::budgets {

// a + b, or nothing if it does not fit in 64 bits.
std::optional<Money> checked_add(Money a, Money b);
// a - b, or nothing if it does not fit.
std::optional<Money> checked_sub(Money a, Money b);
// amount x times, or nothing if it does not fit.
std::optional<Money> checked_mul(Money amount, std::int64_t times);

// Adds `amount` into `total`; on overflow adds a kInvalidValue issue at `path`
// to `issues` and leaves `total` unchanged. Returns false on overflow.
bool add_into(Money& total, Money amount, const std::string& path, Issues& issues);

// The sum of amounts, or one kInvalidValue issue at `path` on overflow.
Result<Money> checked_sum(std::span<const Money> amounts, const std::string& path);

// amount x numerator / denominator rounded half away from zero (the one rounding
// rule), computed in 128 bits; nothing if the result does not fit.
// denominator must be positive.
std::optional<Money> scale(Money amount, std::int64_t numerator, std::int64_t denominator);

}  // namespace allot::budgets
