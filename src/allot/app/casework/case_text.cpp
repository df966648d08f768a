#include "allot/app/casework/case_text.h"

#include <fmt/format.h>

namespace allot::app {

Issues check_case_text(std::string_view text, std::string_view path, std::string_view what, std::size_t max_chars) {
  Issues issues;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    issues.push_back({ErrorCode::kMissingField, std::string(path), fmt::format("give {}; it cannot be blank", what)});
    return issues;
  }
  // Characters, not bytes: UTF-8 continuation bytes do not count.
  std::size_t characters = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++characters;
  }
  if (characters > max_chars) {
    issues.push_back({ErrorCode::kInvalidValue, std::string(path),
                      fmt::format("is {} characters long; at most {} are kept", characters, max_chars)});
  }
  for (const char byte : text) {
    const auto code = static_cast<unsigned char>(byte);
    if ((code < 0x20 && byte != '\n' && byte != '\t' && byte != '\r') || code == 0x7F) {
      issues.push_back({ErrorCode::kInvalidValue, std::string(path),
                        fmt::format("contains the control character U+{:04X}; only text, new lines and tabs are kept",
                                    static_cast<unsigned>(code))});
      break;
    }
  }
  return issues;
}

}  // namespace allot::app
