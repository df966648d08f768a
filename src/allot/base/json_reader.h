#pragma once
// Reading JSON input at the edge: every problem is collected as an Issue with a
// JSON-path-like place ("questions[3].answers[1].points", "visits[2].window") and
// one wording everywhere (docs/errors.md), so a person sees every mistake in one
// run and the same mistake reads the same in every file and request.
//
//   Issues issues;
//   auto root = JsonReader(document, issues).object();      // "expected an object; found 42"
//   if (!root) return fail(std::move(issues));
//   root->known_fields({"id", "version", "visits"});         // "unknown field; expected one of ..."
//   auto id = root->required("id").text({.min_length = 1}); // "is required", "expected a string; found 42"
//   auto version = root->required("version").whole({.min = 1});
//   if (auto visits = root->optional("visits").array()) {
//     for (JsonReader& visit : *visits) ...                  // paths "visits[0]", "visits[1]", ...
//   }
//   if (!issues.empty()) return fail(std::move(issues));
//
// A getter returns nothing when the value is absent (the "is required" issue, if
// any, was added when the field was looked up) or wrong (its issue is added).
// Nothing here throws for any input: numbers too large for their type, such as
// 1e400 or a 30-digit integer, are issues like any other.
//
// Readers hold a pointer to the JSON value and to the issue list: both must
// outlive them. Not thread-safe (one reader per document and thread).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/date.h"
#include "allot/base/enum_text.h"
#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot {

// Lengths count characters (Unicode code points), not bytes.
struct TextRule {
  std::size_t min_length = 0;  // 1: "must not be empty"
  std::size_t max_length = std::numeric_limits<std::size_t>::max();
};

struct WholeRule {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

// Real-valued quantities (solver times, distances, weights). The default bounds
// keep sums and products of thousands of them finite and exact to the minute.
struct NumberRule {
  double min = -1e15;
  double max = 1e15;
};

// Exact decimals: a JSON number or a string such as "12.5", read as a Fraction.
// The default bounds keep products of a few of them inside Fraction's range.
struct DecimalRule {
  Fraction min = Fraction(-1'000'000'000'000);
  Fraction max = Fraction(1'000'000'000'000);
  int max_decimal_places = 12;
};

// Pence, a whole number, at most kMaxPence (base/money.h).
struct MoneyRule {
  std::int64_t min_pence = 0;
  std::int64_t max_pence = kMaxPence;
};

struct ArrayRule {
  std::size_t min_items = 0;
  std::size_t max_items = std::numeric_limits<std::size_t>::max();
};

class JsonObjectReader;

// One JSON value at a path, or the absence of one.
class JsonReader {
 public:
  // `value` found at `path` ("" for a whole document); issues go to `issues`.
  JsonReader(const nlohmann::json& value, Issues& issues, std::string path = {});
  // An absent value at `path`: every getter returns nothing and adds no issue.
  static JsonReader absent(Issues& issues, std::string path);

  bool present() const { return value_ != nullptr; }
  const nlohmann::json* json() const { return value_; }
  const std::string& path() const { return path_; }
  Issues& issues() const { return *issues_; }
  // Adds an issue at this value's path (for checks only the caller can make).
  void add(ErrorCode code, std::string message) const;

  // "expected a string; found 42"; "must not be empty"; "must be at most 64 characters; found 70".
  std::optional<std::string> text(const TextRule& rule = {}) const;
  // "expected a whole number; found 2.5"; "must not be negative; found -3"; "must be at most 100; found 150".
  std::optional<std::int64_t> whole(const WholeRule& rule = {}) const;
  // "expected a number; found \"12\""; range as whole().
  std::optional<double> number(const NumberRule& rule = {}) const;
  // "expected a decimal number; found true"; "expected at most 12 decimal places; found 0.1234567890123".
  std::optional<Fraction> decimal(const DecimalRule& rule = {}) const;
  // "expected whole pence; found 12.5"; range as whole().
  std::optional<Money> money(const MoneyRule& rule = {}) const;
  // "expected true or false; found \"yes\"".
  std::optional<bool> boolean() const;
  // "expected a date like 2026-04-01; found \"2026-02-30\"".
  std::optional<Date> date() const;
  // "expected one of points, bands, rates; found \"guess\"".
  template <typename Enum, std::size_t N>
  std::optional<Enum> one_of(const EnumText<Enum, N>& table) const;

  // "expected an object; found an array".
  std::optional<JsonObjectReader> object() const;
  // "expected an array; found an object"; "must have at least 1 item; found 0".
  // The items' paths are this path + "[index]".
  std::optional<std::vector<JsonReader>> array(const ArrayRule& rule = {}) const;

 private:
  JsonReader(const nlohmann::json* value, Issues* issues, std::string path)
      : value_(value), issues_(issues), path_(std::move(path)) {}
  std::optional<std::string> enum_text(std::string_view names) const;

  const nlohmann::json* value_;
  Issues* issues_;
  std::string path_;
};

// A JSON object at a path. Built from a value that is not an object, it reads
// every field as absent.
class JsonObjectReader {
 public:
  JsonObjectReader(const nlohmann::json& object, Issues& issues, std::string path = {});

  const nlohmann::json& json() const { return *object_; }
  const std::string& path() const { return path_; }
  Issues& issues() const { return *issues_; }
  void add(ErrorCode code, std::string message) const;

  // The field `key`; absent (or null) adds "is required" at path.key.
  JsonReader required(std::string_view key) const;
  // The field `key`; absent or null reads as absent without an issue.
  JsonReader optional(std::string_view key) const;
  bool has(std::string_view key) const;
  // Each field not in `known` gets "unknown field; expected one of a, b, c".
  void known_fields(std::initializer_list<std::string_view> known) const;
  // Every field in key order (nlohmann::json keeps keys sorted), for objects used as maps ({"unit": amount}).
  std::vector<std::pair<std::string, JsonReader>> entries() const;

 private:
  const nlohmann::json* object_;
  Issues* issues_;
  std::string path_;
};

// Parses JSON text. A syntax error becomes one kMalformed issue at
// "source_name:line:column" ("not valid JSON: ..."); a number too large for a
// double (1e400), which nlohmann::json refuses to hold, becomes one kInvalidValue
// issue at the field's path ("budget_pence", "visits[2].duration"). Arrays and
// objects nested deeper than kMaxJsonDepth are one kMalformed issue at the path
// where the limit was passed: no document Allot reads comes near it, and the
// depth would otherwise cost time and memory out of all proportion to the text
// (each level keeps its path). Never throws for any text.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Text from outside may hold tabs and line breaks but no other control character
// (NUL, escape sequences that rewrite a terminal, ...): the problem to report, or
// nothing when the text is fine. JsonReader::text() refuses such text.
std::optional<std::string> control_character_problem(std::string_view text);
Result<nlohmann::json> parse_json(std::string_view text, std::string_view source_name);

// Paths: field_path("visits[2]", "window") == "visits[2].window"; a root field is
// just "window"; a key that is not letters, digits, _ or - is quoted: a["b c"].
std::string field_path(std::string_view path, std::string_view key);
std::string index_path(std::string_view path, std::size_t index);

// How a JSON value is named after "found": 42, "12", true, null, an object,
// an array, a number too large to hold. Long strings are cut short with "…".
std::string describe_json(const nlohmann::json& value);

template <typename Enum, std::size_t N>
std::optional<Enum> JsonReader::one_of(const EnumText<Enum, N>& table) const {
  const std::optional<std::string> name = enum_text(table.names());
  if (!name) return std::nullopt;
  if (std::optional<Enum> value = table.parse(*name)) return value;
  add(ErrorCode::kInvalidValue, "expected one of " + table.names() + "; found " + describe_json(*value_));
  return std::nullopt;
}

}  // namespace allot
