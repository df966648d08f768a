#pragma once
// Exact fractions for the few non-integer quantities in rulebooks (adjustment
// factors such as 0.9, units such as 3.5 hours a week). Parsed from their decimal
// text so 0.9 is exactly 9/10: money derived from them is rounded once, at the end.

#include <cstdint>

#include "allot/base/int128.h"
#include <optional>
#include <string>
#include <string_view>

namespace allot {

class Fraction {
 public:
  constexpr Fraction() = default;
  constexpr Fraction(std::int64_t whole) : numerator_(whole), denominator_(1) {}  // NOLINT: integers are fractions
  // Throws std::overflow_error if the reduced result does not fit.
  static Fraction of(Int128 numerator, Int128 denominator);

  // Parses "12", "-3", "0.9", "3.25", "1e-1". Returns nothing for anything else
  // or more than 12 decimal places.
  static std::optional<Fraction> parse(std::string_view text);
  // The exact value of a double (JSON numbers arrive as doubles): its shortest
  // round-trip decimal text, parsed as above.
  static std::optional<Fraction> from_double(double value);

  constexpr Int128 numerator() const { return numerator_; }
  constexpr Int128 denominator() const { return denominator_; }
  bool is_integer() const { return denominator_ == 1; }

  Fraction operator*(const Fraction& other) const;
  Fraction operator+(const Fraction& other) const;
  Fraction operator-(const Fraction& other) const;
  Fraction operator/(const Fraction& other) const;
  bool operator==(const Fraction& other) const = default;
  bool operator<(const Fraction& other) const;
  bool operator<=(const Fraction& other) const { return !(other < *this); }
  bool operator>(const Fraction& other) const { return other < *this; }
  bool operator>=(const Fraction& other) const { return !(*this < other); }

  double to_double() const;
  // Shortest decimal text when the value has a finite decimal expansion ("0.9"),
  // otherwise "n/d".
  std::string to_string() const;

 private:
  Int128 numerator_ = 0;
  Int128 denominator_ = 1;
};

}  // namespace allot
