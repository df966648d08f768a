#pragma once
// One way to map an enum to and from its stable text: a constexpr table of
// {value, "name"} pairs. The names are what files, JSON bodies and the database
// hold, so they never change once published; append new values only.
//
//   constexpr auto kMethods = make_enum_text<AllocationMethod>({
//       {AllocationMethod::kPoints, "points"}, {AllocationMethod::kBands, "bands"}});
//   kMethods.name(AllocationMethod::kBands)  -> "bands"
//   kMethods.parse("points")                 -> AllocationMethod::kPoints
//   kMethods.names()                         -> "points, bands" (for messages)

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace allot {

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;  // a string literal, so name() can hand out a C string
};

template <typename Enum, std::size_t N>
class EnumText {
 public:
  static_assert(std::is_enum_v<Enum>);
  static_assert(N > 0);

  constexpr explicit EnumText(const std::array<EnumName<Enum>, N>& entries) : entries_(entries) {}

  // The stable text of `value`; "" for a value the table does not list (a bug:
  // every table has a test, or a static_assert of covers_through(), for this).
  constexpr const char* name(Enum value) const {
    for (const EnumName<Enum>& entry : entries_) {
      if (entry.value == value) return entry.name;
    }
    return "";
  }

  // The value named exactly `text` (case-sensitive); nothing for any other text.
  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const EnumName<Enum>& entry : entries_) {
      if (text == entry.name) return entry.value;
    }
    return std::nullopt;
  }

  // "a, b, c" in table order, for "expected one of a, b, c".
  std::string names() const {
    std::string out;
    for (const EnumName<Enum>& entry : entries_) {
      if (!out.empty()) out += ", ";
      out += entry.name;
    }
    return out;
  }

  // True when every value from the first enumerator (0) through `last` appears
  // exactly once and every name is distinct and non-empty; for a static_assert
  // beside tables of enums numbered 0, 1, 2, ...
  constexpr bool covers_through(Enum last) const {
    using Underlying = std::underlying_type_t<Enum>;
    const auto count = static_cast<Underlying>(last) + 1;
    if (count < 0 || static_cast<std::size_t>(count) != N) return false;
    for (Underlying value = 0; value < count; ++value) {
      int seen = 0;
      for (const EnumName<Enum>& entry : entries_) seen += static_cast<Underlying>(entry.value) == value ? 1 : 0;
      if (seen != 1) return false;
    }
    for (std::size_t first = 0; first < N; ++first) {
      if (std::string_view(entries_[first].name).empty()) return false;
      for (std::size_t second = first + 1; second < N; ++second) {
        if (std::string_view(entries_[first].name) == entries_[second].name) return false;
      }
    }
    return true;
  }

  static constexpr std::size_t size() { return N; }
  constexpr auto begin() const { return entries_.begin(); }
  constexpr auto end() const { return entries_.end(); }

 private:
  std::array<EnumName<Enum>, N> entries_;
};

// Builds a table from a braced list, deducing its length:
//   constexpr auto kKinds = make_enum_text<Kind>({{Kind::kA, "a"}, {Kind::kB, "b"}});
template <typename Enum, std::size_t N>
constexpr EnumText<Enum, N> make_enum_text(const EnumName<Enum> (&entries)[N]) {
  std::array<EnumName<Enum>, N> copy{};
  for (std::size_t entry_idx = 0; entry_idx < N; ++entry_idx) copy[entry_idx] = entries[entry_idx];
  return EnumText<Enum, N>(copy);
}

}  // namespace allot
