#include "allot/base/free_text.h"

#include <cstdint>
#include <cstdio>
#include <utility>

namespace allot {
namespace {

// The code point starting at `pos` and its length in bytes (JSON text is valid
// UTF-8; a stray byte reads as itself).
std::pair<std::uint32_t, std::size_t> code_point_at(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  std::size_t length = 1;
  std::uint32_t point = byte;
  if (byte >= 0xF0) {
    length = 4;
    point = byte & 0x07U;
  } else if (byte >= 0xE0) {
    length = 3;
    point = byte & 0x0FU;
  } else if (byte >= 0xC0) {
    length = 2;
    point = byte & 0x1FU;
  }
  if (pos + length > text.size()) return {byte, 1};
  for (std::size_t next = 1; next < length; ++next) {
    point = (point << 6U) | (static_cast<unsigned char>(text[pos + next]) & 0x3FU);
  }
  return {point, length};
}

bool is_space(std::uint32_t point) {
  return point == ' ' || point == '\t' || point == '\n' || point == '\r' || point == 0xA0 || point == 0x1680 ||
         (point >= 0x2000 && point <= 0x200B) || point == 0x2028 || point == 0x2029 || point == 0x202F ||
         point == 0x205F || point == 0x3000 || point == 0xFEFF;
}

// C0 and C1 controls and DEL; a multi-line field keeps its tabs and line breaks.
bool is_control(std::uint32_t point, bool multiline) {
  if (multiline && (point == '\n' || point == '\r' || point == '\t')) return false;
  return point < 0x20 || (point >= 0x7F && point <= 0x9F) || point == 0x2028 || point == 0x2029;
}

}  // namespace

bool is_blank(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto [point, length] = code_point_at(text, pos);
    if (!is_space(point)) return false;
    pos += length;
  }
  return true;
}

std::optional<std::string> free_text_problem(std::string_view text, const FreeTextRule& rule) {
  if (text.empty()) return std::nullopt;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto [point, length] = code_point_at(text, pos);
    ++characters;
    if (is_control(point, rule.multiline)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(point));
      return std::string("must not contain control characters") + (rule.multiline ? " other than line breaks and tabs" : "") +
             "; found " + code + " at character " + std::to_string(characters);
    }
    pos += length;
  }
  if (is_blank(text)) return "must not be blank (only spaces)";
  if (characters > rule.max_length) {
    return "must be at most " + std::to_string(rule.max_length) + " characters; found " + std::to_string(characters);
  }
  return std::nullopt;
}

}  // namespace allot
