#include "allot/base/money.h"

#include <limits>
#include <stdexcept>

namespace allot {
namespace {

// A result that does not fit in 64 bits is a bug upstream (input is bounded where
// it enters): an exception, never a wrapped number.
std::int64_t narrow(Int128 value, const char* what) {
  if (value < std::numeric_limits<std::int64_t>::min() || value > std::numeric_limits<std::int64_t>::max()) {
    throw std::overflow_error(std::string(what) + ": the result does not fit in 64 bits");
  }
  return static_cast<std::int64_t>(value);
}

}  // namespace

std::int64_t round_half_away(Int128 numerator, Int128 denominator) {
  if (denominator == 0) throw std::logic_error("round_half_away: zero denominator");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const bool negative = numerator < 0;
  const Int128 magnitude = negative ? -numerator : numerator;
  constexpr Int128 kFits64 = std::numeric_limits<std::int64_t>::max();
  if (magnitude <= kFits64 && denominator <= kFits64) {
    // Most amounts fit in 64 bits, where division costs a fraction of 128-bit division.
    const auto small_magnitude = static_cast<std::uint64_t>(magnitude);
    const auto small_denominator = static_cast<std::uint64_t>(denominator);
    std::uint64_t quotient = small_magnitude / small_denominator;
    if ((small_magnitude % small_denominator) >= small_denominator - small_magnitude % small_denominator) ++quotient;
    const auto result = static_cast<std::int64_t>(quotient);
    return negative ? -result : result;
  }
  Int128 quotient = magnitude / denominator;
  const Int128 remainder = magnitude % denominator;
  if (remainder * 2 >= denominator) ++quotient;
  return narrow(negative ? -quotient : quotient, "round_half_away");
}

std::int64_t floor_div(Int128 numerator, Int128 denominator) {
  if (denominator == 0) throw std::logic_error("floor_div: zero denominator");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  Int128 quotient = numerator / denominator;
  if (numerator % denominator != 0 && numerator < 0) --quotient;
  return narrow(quotient, "floor_div");
}

void throw_money_overflow(const char* operation) {
  throw std::overflow_error(std::string("money: the ") + operation + " of two amounts does not fit in 64 bits");
}

std::optional<Money> holdable_pence(Int128 pence) {
  if (pence < -kMaxPence || pence > kMaxPence) return std::nullopt;
  return Money::from_pence(static_cast<std::int64_t>(pence));
}

std::optional<Money> checked_sum(Money left, Money right) {
  return holdable_pence(static_cast<Int128>(left.pence()) + right.pence());
}

std::optional<Money> checked_product(Money amount, std::int64_t times) {
  return holdable_pence(static_cast<Int128>(amount.pence()) * times);
}

std::string format_pounds(Money amount) {
  const std::int64_t pence = amount.pence();
  const bool negative = pence < 0;
  // Work in unsigned so the most negative value does not overflow.
  const std::uint64_t magnitude =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
  const std::string digits = std::to_string(magnitude / 100);
  std::string pounds;
  for (std::size_t pos = 0; pos < digits.size(); ++pos) {
    if (pos > 0 && (digits.size() - pos) % 3 == 0) pounds += ',';
    pounds += digits[pos];
  }
  const std::uint64_t part = magnitude % 100;
  std::string out = negative ? "-£" : "£";
  out += pounds;
  out += '.';
  out += static_cast<char>('0' + part / 10);
  out += static_cast<char>('0' + part % 10);
  return out;
}

}  // namespace allot
