#pragma once
// Money is whole pence in a 64-bit integer, never floating point (DESIGN.md).
// Every rounding in Allot goes through round_half_away().

#include <compare>
#include <cstdint>

#include "allot/base/int128.h"
#include <string>

namespace allot {

// Rounds numerator / denominator to the nearest integer, halves away from zero.
// denominator must be non-zero. The one rounding rule of the whole system.
std::int64_t round_half_away(Int128 numerator, Int128 denominator);

// Integer division rounding toward negative infinity (floor), for figures that must
// never exceed what they are drawn from (the calibrated value of a point).
std::int64_t floor_div(Int128 numerator, Int128 denominator);

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_pence(std::int64_t pence) { return Money(pence); }
  constexpr std::int64_t pence() const { return pence_; }

  constexpr Money operator+(Money other) const { return Money(pence_ + other.pence_); }
  constexpr Money operator-(Money other) const { return Money(pence_ - other.pence_); }
  constexpr Money& operator+=(Money other) { pence_ += other.pence_; return *this; }
  constexpr Money& operator-=(Money other) { pence_ -= other.pence_; return *this; }
  constexpr Money operator*(std::int64_t times) const { return Money(pence_ * times); }
  constexpr auto operator<=>(const Money&) const = default;

  // Weekly to annual is x 52; annual to weekly is / 52, rounded (DESIGN.md).
  constexpr Money weekly_to_annual() const { return Money(pence_ * 52); }
  Money annual_to_weekly() const { return Money(round_half_away(pence_, 52)); }

 private:
  constexpr explicit Money(std::int64_t pence) : pence_(pence) {}
  std::int64_t pence_ = 0;
};

// "£1,234.56", "-£0.05": how a person reads an amount.
std::string format_pounds(Money amount);

}  // namespace allot
