#pragma once
// Money is whole pence in a 64-bit integer, never floating point (DESIGN.md).
// Every rounding in Allot goes through round_half_away().

#include <compare>
#include <cstdint>
#include <optional>

#include "allot/base/int128.h"
#include <string>

namespace allot {

// Rounds numerator / denominator to the nearest integer, halves away from zero.
// denominator must be non-zero. The one rounding rule of the whole system.
std::int64_t round_half_away(Int128 numerator, Int128 denominator);

// Integer division rounding toward negative infinity (floor), for figures that must
// never exceed what they are drawn from (the calibrated value of a point).
std::int64_t floor_div(Int128 numerator, Int128 denominator);

// The largest amount Allot holds, either way: £10 trillion, far above any amount a
// council handles, and small enough that sums of thousands of such amounts still
// fit in 64 bits. An amount beyond it is refused where it enters (422 naming the
// field or the plan line), never wrapped or clamped.
inline constexpr std::int64_t kMaxPence = 1'000'000'000'000'000;

// Thrown by Money's operators when a result does not fit in 64 bits. Input is
// bounded where it enters, so this is a bug (a 500 with an incident), never a
// wrapped amount.
void throw_money_overflow(const char* operation);

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_pence(std::int64_t pence) { return Money(pence); }
  constexpr std::int64_t pence() const { return pence_; }

  constexpr Money operator+(Money other) const { return Money(add(pence_, other.pence_)); }
  constexpr Money operator-(Money other) const { return Money(subtract(pence_, other.pence_)); }
  constexpr Money& operator+=(Money other) { pence_ = add(pence_, other.pence_); return *this; }
  constexpr Money& operator-=(Money other) { pence_ = subtract(pence_, other.pence_); return *this; }
  constexpr Money operator*(std::int64_t times) const { return Money(multiply(pence_, times)); }
  constexpr auto operator<=>(const Money&) const = default;

  // Weekly to annual is x 52; annual to weekly is / 52, rounded (DESIGN.md).
  constexpr Money weekly_to_annual() const { return Money(multiply(pence_, 52)); }
  Money annual_to_weekly() const { return Money(round_half_away(pence_, 52)); }

  // True when the amount is within ±kMaxPence.
  constexpr bool holdable() const { return pence_ >= -kMaxPence && pence_ <= kMaxPence; }

 private:
  constexpr explicit Money(std::int64_t pence) : pence_(pence) {}
  static constexpr std::int64_t add(std::int64_t left, std::int64_t right) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(left, right, &out)) throw_money_overflow("sum");
    return out;
  }
  static constexpr std::int64_t subtract(std::int64_t left, std::int64_t right) {
    std::int64_t out = 0;
    if (__builtin_sub_overflow(left, right, &out)) throw_money_overflow("difference");
    return out;
  }
  static constexpr std::int64_t multiply(std::int64_t left, std::int64_t right) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(left, right, &out)) throw_money_overflow("product");
    return out;
  }
  std::int64_t pence_ = 0;
};

// Checked arithmetic for amounts that come from input: nothing when the result is
// beyond ±kMaxPence (the caller reports it, naming what overflowed).
std::optional<Money> checked_sum(Money left, Money right);
std::optional<Money> checked_product(Money amount, std::int64_t times);
// An exact amount computed in 128 bits (a unit cost times units), if holdable.
std::optional<Money> holdable_pence(Int128 pence);

// "£1,234.56", "-£0.05": how a person reads an amount.
std::string format_pounds(Money amount);

}  // namespace allot
