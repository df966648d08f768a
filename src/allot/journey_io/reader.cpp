#include "allot/journey_io/reader.h"

#include "allot/base/json_reader.h"

#include <charconv>
#include <cstdio>
#include <limits>

namespace allot::journey_io::detail {
namespace {

constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();

}  // namespace

Reader::Reader(const Json& object, std::string prefix, Issues& issues)
    : object_(object), prefix_(std::move(prefix)), issues_(issues) {
  if (!object_.is_object()) {
    problem(ErrorCode::kWrongType, "", fmt::format("expected an object; found {}", object_.type_name()));
  }
}

std::string Reader::path(std::string_view key) const { return join_path(prefix_, key); }

void Reader::problem(ErrorCode code, std::string_view key, std::string message) {
  issues_.push_back({code, path(key), std::move(message)});
}

const Json* Reader::find(const char* key, bool required) {
  if (!object_.is_object()) return nullptr;
  const auto found = object_.find(key);
  if (found == object_.end() || found->is_null()) {
    if (required) problem(ErrorCode::kMissingField, key, "is required");
    return nullptr;
  }
  return &*found;
}

std::string Reader::text(const char* key, bool required) {
  const Json* value = find(key, required);
  if (value == nullptr) return "";
  if (!value->is_string()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected a string; found {}", value->type_name()));
    return "";
  }
  std::string text = value->get<std::string>();
  if (auto control = control_character_problem(text)) {
    problem(ErrorCode::kInvalidValue, key, *control);
    return "";
  }
  if (required && text.empty()) problem(ErrorCode::kMissingField, key, "must not be empty");
  return text;
}

std::string Reader::text(const char* key, bool required, const FreeTextRule& rule) {
  std::string value = text(key, required);
  if (auto found = free_text_problem(value, rule)) {
    problem(required && is_blank(value) ? ErrorCode::kMissingField : ErrorCode::kInvalidValue, key, std::move(*found));
  }
  return value;
}

std::vector<std::string> Reader::texts(const char* key, bool required, const FreeTextRule& rule) {
  std::vector<std::string> list = texts(key, required);
  const Json* value = find(key, false);
  if (value == nullptr || !value->is_array()) return list;
  for (std::size_t item_idx = 0; item_idx < value->size(); ++item_idx) {
    const Json& item = (*value)[item_idx];
    if (!item.is_string()) continue;
    if (auto found = free_text_problem(item.get_ref<const std::string&>(), rule)) {
      problem(ErrorCode::kInvalidValue, fmt::format("{}[{}]", key, item_idx), std::move(*found));
    }
  }
  return list;
}

std::optional<std::int64_t> Reader::integer(const char* key, bool required, std::int64_t min, std::int64_t max) {
  const Json* value = find(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected a whole number; found {}", value->dump()));
    return std::nullopt;
  }
  // Above 2^63 - 1 an unsigned number would wrap to a negative one when read.
  const bool beyond_64_bits =
      value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxInt64);
  const std::int64_t number = beyond_64_bits ? kMaxInt64 : value->get<std::int64_t>();
  if (beyond_64_bits) {
    problem(ErrorCode::kInvalidValue, key, fmt::format("must be from {} to {}; found {}", min, max, value->dump()));
    return std::nullopt;
  }
  if (number < min || number > max) {
    problem(ErrorCode::kInvalidValue, key,
            number < 0 && min == 0 ? fmt::format("must not be negative; found {}", number)
                                   : fmt::format("must be from {} to {}; found {}", min, max, number));
    return std::nullopt;
  }
  return number;
}

std::optional<Money> Reader::pence(const char* key, bool required) {
  auto value = integer(key, required, 0, kMaxPence);
  if (!value) return std::nullopt;
  return Money::from_pence(*value);
}

bool Reader::boolean(const char* key, bool fallback) {
  return optional_boolean(key).value_or(fallback);
}

std::optional<bool> Reader::optional_boolean(const char* key) {
  const Json* value = find(key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected true or false; found {}", value->dump()));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<double> Reader::number(const char* key) {
  const Json* value = find(key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected a number; found {}", value->dump()));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<Date> Reader::date(const char* key, bool required) {
  const std::string value = text(key, required);
  if (value.empty()) return std::nullopt;
  auto parsed = Date::parse(value);
  if (!parsed) problem(ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a date YYYY-MM-DD", value));
  return parsed;
}

std::vector<std::string> Reader::texts(const char* key, bool required) {
  std::vector<std::string> list;
  const Json* value = find(key, required);
  if (value == nullptr) return list;
  if (!value->is_array()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected a list of text; found {}", value->type_name()));
    return list;
  }
  for (std::size_t item_idx = 0; item_idx < value->size(); ++item_idx) {
    const Json& item = (*value)[item_idx];
    if (!item.is_string()) {
      problem(ErrorCode::kWrongType, fmt::format("{}[{}]", key, item_idx), "expected text");
    } else {
      list.push_back(item.get<std::string>());
    }
  }
  return list;
}

const Json* Reader::array(const char* key, bool required) {
  const Json* value = find(key, required);
  if (value != nullptr && !value->is_array()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected a list; found {}", value->type_name()));
    return nullptr;
  }
  return value;
}

const Json* Reader::object(const char* key, bool required) {
  const Json* value = find(key, required);
  if (value != nullptr && !value->is_object()) {
    problem(ErrorCode::kWrongType, key, fmt::format("expected an object; found {}", value->type_name()));
    return nullptr;
  }
  return value;
}

std::string format_instant(journey::Instant at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> time{at - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return text;
}

namespace {

bool read_digits(std::string_view text, std::size_t offset, std::size_t width, int& out) {
  for (std::size_t idx = offset; idx < offset + width; ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return false;
  }
  std::from_chars(text.data() + offset, text.data() + offset + width, out);
  return true;
}

}  // namespace

std::optional<journey::Instant> parse_instant(std::string_view text) {
  if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[23] != 'Z') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, milli = 0;
  if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) || !read_digits(text, 8, 2, day) ||
      !read_digits(text, 11, 2, hour) || !read_digits(text, 14, 2, minute) || !read_digits(text, 17, 2, second) ||
      !read_digits(text, 20, 3, milli)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return journey::Instant{std::chrono::sys_days{ymd}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second} + std::chrono::milliseconds{milli};
}

std::optional<journey::Instant> instant(Reader& reader, const char* key) {
  const std::string value = reader.text(key, true);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_instant(value);
  if (!parsed) {
    reader.problem(ErrorCode::kInvalidValue, key,
                   fmt::format("found \"{}\"; expected a time such as 2026-11-22T05:10:45.123Z", value));
  }
  return parsed;
}

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json date_json(const std::optional<Date>& date) { return date ? Json(date->to_string()) : Json(nullptr); }
Json money_json(const std::optional<Money>& amount) { return amount ? Json(amount->pence()) : Json(nullptr); }

std::string join_path(std::string_view prefix, std::string_view path) {
  if (prefix.empty()) return std::string(path);
  if (path.empty()) return std::string(prefix);
  return fmt::format("{}.{}", prefix, path);
}

}  // namespace allot::journey_io::detail
