#include "allot/journey/nhs_number.h"

namespace allot::journey {
namespace {

std::string digits_of(std::string_view text, bool& other_characters) {
  std::string digits;
  other_characters = false;
  for (const char ch : text) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
    } else if (ch != ' ' && ch != '-') {
      other_characters = true;
    }
  }
  return digits;
}

// The modulus 11 check: weights 10 down to 2 on the first nine digits; the check
// digit is 11 minus the remainder, 11 becomes 0, and 10 means no valid number.
int expected_check_digit(std::string_view digits) {
  int sum = 0;
  for (int position = 0; position < 9; ++position) sum += (digits[position] - '0') * (10 - position);
  const int check = 11 - sum % 11;
  return check == 11 ? 0 : check;
}

}  // namespace

std::string nhs_number_problem(std::string_view text) {
  bool other = false;
  const std::string digits = digits_of(text, other);
  if (other) return "an NHS number has only digits (spaces and hyphens are allowed); found \"" + std::string(text) + "\"";
  if (digits.size() != 10) return "an NHS number has 10 digits; found " + std::to_string(digits.size());
  const int check = expected_check_digit(digits);
  if (check == 10) return "not a valid NHS number: no check digit fits the first nine digits";
  if (digits[9] - '0' != check) return "not a valid NHS number: the check digit does not match (mistyped?)";
  return "";
}

std::optional<std::string> normalise_nhs_number(std::string_view text) {
  if (!nhs_number_problem(text).empty()) return std::nullopt;
  bool other = false;
  return digits_of(text, other);
}

}  // namespace allot::journey
