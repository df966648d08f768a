#include "allot/base/fraction.h"

#include <charconv>
#include <stdexcept>

namespace allot {
namespace {

Int128 abs128(Int128 value) { return value < 0 ? -value : value; }

Int128 gcd128(Int128 a, Int128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    const Int128 rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

// Products stay below 2^126 so the next addition or comparison cannot overflow.
constexpr Int128 kLimit = static_cast<Int128>(1) << 62;

Int128 checked_mul(Int128 a, Int128 b) {
  if (a == 0 || b == 0) return 0;
  if (abs128(a) > kLimit * kLimit / abs128(b)) throw std::overflow_error("Fraction: value too large");
  return a * b;
}

std::string int128_text(Int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  UInt128 magnitude = negative ? static_cast<UInt128>(-value) : static_cast<UInt128>(value);
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Fraction Fraction::of(Int128 numerator, Int128 denominator) {
  if (denominator == 0) throw std::domain_error("Fraction: zero denominator");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const Int128 divisor = gcd128(numerator, denominator);
  Fraction result;
  if (divisor > 1) {
    numerator /= divisor;
    denominator /= divisor;
  }
  if (abs128(numerator) > kLimit * kLimit || denominator > kLimit * kLimit) {
    throw std::overflow_error("Fraction: value too large");
  }
  result.numerator_ = numerator;
  result.denominator_ = denominator;
  return result;
}

std::optional<Fraction> Fraction::parse(std::string_view text) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    negative = text[pos] == '-';
    ++pos;
  }
  Int128 digits = 0;
  int decimals = 0;
  bool seen_digit = false;
  bool seen_point = false;
  for (; pos < text.size(); ++pos) {
    const char ch = text[pos];
    if (ch >= '0' && ch <= '9') {
      if (digits > kLimit) return std::nullopt;
      digits = digits * 10 + (ch - '0');
      seen_digit = true;
      if (seen_point) ++decimals;
    } else if (ch == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  int exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    const auto [end, error] = std::from_chars(text.data() + pos + (pos < text.size() && text[pos] == '+' ? 1 : 0),
                                              text.data() + text.size(), exponent);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    pos = text.size();
  }
  if (pos != text.size()) return std::nullopt;
  int scale = decimals - exponent;
  if (scale > 12 || scale < -12) return std::nullopt;
  Int128 numerator = negative ? -digits : digits;
  Int128 denominator = 1;
  for (; scale > 0; --scale) denominator *= 10;
  for (; scale < 0; ++scale) numerator *= 10;
  try {
    return Fraction::of(numerator, denominator);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<Fraction> Fraction::from_double(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) return std::nullopt;
  return parse(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

Fraction Fraction::operator*(const Fraction& other) const {
  // Cross-reduce first so repeated factors such as 9/10 x 3/4 stay small.
  const Int128 g1 = gcd128(numerator_, other.denominator_);
  const Int128 g2 = gcd128(other.numerator_, denominator_);
  const Int128 n1 = g1 > 1 ? numerator_ / g1 : numerator_;
  const Int128 d2 = g1 > 1 ? other.denominator_ / g1 : other.denominator_;
  const Int128 n2 = g2 > 1 ? other.numerator_ / g2 : other.numerator_;
  const Int128 d1 = g2 > 1 ? denominator_ / g2 : denominator_;
  return of(checked_mul(n1, n2), checked_mul(d1, d2));
}

Fraction Fraction::operator+(const Fraction& other) const {
  if (denominator_ == other.denominator_) return of(numerator_ + other.numerator_, denominator_);
  return of(checked_mul(numerator_, other.denominator_) + checked_mul(other.numerator_, denominator_),
            checked_mul(denominator_, other.denominator_));
}

Fraction Fraction::operator-(const Fraction& other) const {
  return *this + Fraction::of(-other.numerator_, other.denominator_);
}

Fraction Fraction::operator/(const Fraction& other) const {
  if (other.numerator_ == 0) throw std::domain_error("Fraction: division by zero");
  return *this * Fraction::of(other.denominator_, other.numerator_);
}

bool Fraction::operator<(const Fraction& other) const {
  return checked_mul(numerator_, other.denominator_) < checked_mul(other.numerator_, denominator_);
}

double Fraction::to_double() const {
  return static_cast<double>(numerator_) / static_cast<double>(denominator_);
}

std::string Fraction::to_string() const {
  Int128 denominator = denominator_;
  int twos = 0;
  int fives = 0;
  while (denominator % 2 == 0) { denominator /= 2; ++twos; }
  while (denominator % 5 == 0) { denominator /= 5; ++fives; }
  if (denominator != 1) return int128_text(numerator_) + "/" + int128_text(denominator_);
  const int places = twos > fives ? twos : fives;
  Int128 scaled = numerator_;
  Int128 scale = 1;
  for (int place = 0; place < places; ++place) scale *= 10;
  scaled = numerator_ * (scale / denominator_);
  const bool negative = scaled < 0;
  std::string digits = int128_text(negative ? -scaled : scaled);
  if (places > 0) {
    while (static_cast<int>(digits.size()) <= places) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - places, '.');
  }
  return negative ? "-" + digits : digits;
}

}  // namespace allot
