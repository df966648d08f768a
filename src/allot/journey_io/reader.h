#pragma once
// Internal to journey_io: reads the fields of one JSON object, collecting every
// problem with its path and going on after each, so one pass reports them all.
// A field that cannot be read gives nothing, "" or the fallback.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/base/date.h"
#include "allot/base/free_text.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/journey/case_state.h"

namespace allot::journey_io::detail {

using Json = nlohmann::json;

class Reader {
 public:
  // `prefix`: the object's own path ("decisions[0]"), put before each field's.
  Reader(const Json& object, std::string prefix, Issues& issues);

  std::string path(std::string_view key) const;
  void problem(ErrorCode code, std::string_view key, std::string message);

  // The field, or null when absent or JSON null (then "is required" if required).
  const Json* find(const char* key, bool required);
  // Text; a required text must not be empty.
  std::string text(const char* key, bool required);
  // Text typed by a person (request bodies): also never blank, too long or with
  // control characters (base/free_text.h). On a problem the text is given back as
  // found, so the field is not reported again as missing.
  std::string text(const char* key, bool required, const FreeTextRule& rule);
  std::optional<std::int64_t> integer(const char* key, bool required, std::int64_t min, std::int64_t max);
  // Whole pence from 0 to kMaxPence (£10 trillion).
  std::optional<Money> pence(const char* key, bool required);
  bool boolean(const char* key, bool fallback);
  // true, false, or nothing when absent (a field left out stays left out).
  std::optional<bool> optional_boolean(const char* key);
  std::optional<double> number(const char* key);
  // "YYYY-MM-DD".
  std::optional<Date> date(const char* key, bool required);
  // One of a fixed set of ids: `parse` gives the value; `expected` lists the ids.
  template <typename Parse>
  auto choice(const char* key, bool required, Parse parse, std::string_view expected) -> decltype(parse("")) {
    const std::string value = text(key, required);
    if (value.empty()) return std::nullopt;
    auto parsed = parse(value);
    if (!parsed) {
      problem(ErrorCode::kInvalidValue, key, fmt::format("unknown value \"{}\"; expected one of {}", value, expected));
    }
    return parsed;
  }
  std::vector<std::string> texts(const char* key, bool required);
  std::vector<std::string> texts(const char* key, bool required, const FreeTextRule& rule);
  const Json* array(const char* key, bool required);
  const Json* object(const char* key, bool required);

 private:
  const Json& object_;
  std::string prefix_;
  Issues& issues_;
};

// Stored instants: "2026-11-22T05:10:45.123Z" (the form app::format_timestamp
// writes).
std::string format_instant(journey::Instant at);
std::optional<journey::Instant> parse_instant(std::string_view text);

// A stored instant, or a problem.
std::optional<journey::Instant> instant(Reader& reader, const char* key);

Json optional_text(const std::string& text);
Json date_json(const std::optional<Date>& date);
Json money_json(const std::optional<Money>& amount);

// The path `prefix.path` (or either alone when the other is empty).
std::string join_path(std::string_view prefix, std::string_view path);

}  // namespace allot::journey_io::detail
