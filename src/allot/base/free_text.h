#pragma once
// Free text people type into a record (names, addresses, reasons, notes, plan
// outcomes): never blank, never longer than its field allows, and free of control
// characters, which no one types and which break exports, logs and screens.
// Lengths count characters (Unicode code points), not bytes; the text must be
// UTF-8, which JSON text already is.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allot {

struct FreeTextRule {
  std::size_t max_length = 200;
  bool multiline = false;  // new lines and tabs allowed (reasons, notes, addresses)
};

// The usual fields.
inline constexpr FreeTextRule kNameText{100, false};       // a person's given or family name
inline constexpr FreeTextRule kCodeText{100, false};       // a code or id from a list
inline constexpr FreeTextRule kLineText{200, false};       // one line: a plan line, a provider, a team
inline constexpr FreeTextRule kAddressText{300, true};     // an address, on one or more lines
inline constexpr FreeTextRule kParagraphText{4000, true};  // a reason, a note, an outcome in the person's words

// True when the text has no character other than spaces, tabs and line breaks
// (including no-break and other Unicode spaces).
bool is_blank(std::string_view text);

// The first problem with non-empty text, or nothing: "must not be blank (only
// spaces)", "must be at most 100 characters; found 120", "must not contain
// control characters; found U+0007 at character 4". Empty text is the caller's
// to judge (required or not).
std::optional<std::string> free_text_problem(std::string_view text, const FreeTextRule& rule);

}  // namespace allot
