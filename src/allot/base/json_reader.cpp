#include "allot/base/json_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace allot {
namespace {

using nlohmann::json;

constexpr std::size_t kShownCharacters = 40;
constexpr const char* kTooLarge = "a number too large to hold";

// Doubles at or beyond 2^63 do not fit a std::int64_t.
constexpr double kTwoTo63 = 9223372036854775808.0;

bool is_continuation_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::size_t character_count(std::string_view text) {
  const auto count = std::count_if(text.begin(), text.end(), [](char byte) { return !is_continuation_byte(byte); });
  return static_cast<std::size_t>(count);
}

std::string quoted(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string format_double(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) return kTooLarge;
  return std::string(buffer, end);
}

bool is_plain_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

std::string below_message(const std::string& minimum, const std::string& found) {
  if (minimum == "0") return "must not be negative; found " + found;
  return "must be at least " + minimum + "; found " + found;
}

std::string above_message(const std::string& maximum, const std::string& found) {
  return "must be at most " + maximum + "; found " + found;
}

// A JSON number as a whole number within [min, max], or the issue why not.
// `expected` names the kind for a type mismatch ("a whole number").
std::optional<std::int64_t> read_whole(const JsonReader& reader, std::int64_t min, std::int64_t max, const char* expected) {
  const json& value = *reader.json();
  const std::string found = describe_json(value);
  std::int64_t number = 0;
  if (value.is_number_unsigned() && (max < 0 || value.get<std::uint64_t>() > static_cast<std::uint64_t>(max))) {
    reader.add(ErrorCode::kInvalidValue, above_message(std::to_string(max), found));
    return std::nullopt;
  }
  if (value.is_number_integer()) {
    number = value.get<std::int64_t>();
  } else if (value.is_number_float()) {
    const double real = value.get<double>();
    if (std::isfinite(real) && real != std::floor(real)) {
      reader.add(ErrorCode::kWrongType, std::string("expected ") + expected + "; found " + found);
      return std::nullopt;
    }
    // Integral floats (3.0, 1e3) are whole numbers; beyond 64 bits they are out of range.
    if (!(real < kTwoTo63)) {
      reader.add(ErrorCode::kInvalidValue, above_message(std::to_string(max), found));
      return std::nullopt;
    }
    if (!(real >= -kTwoTo63)) {
      reader.add(ErrorCode::kInvalidValue, below_message(std::to_string(min), found));
      return std::nullopt;
    }
    number = static_cast<std::int64_t>(real);
  } else {
    reader.add(ErrorCode::kWrongType, std::string("expected ") + expected + "; found " + found);
    return std::nullopt;
  }
  if (number < min) {
    reader.add(ErrorCode::kInvalidValue, below_message(std::to_string(min), found));
    return std::nullopt;
  }
  if (number > max) {
    reader.add(ErrorCode::kInvalidValue, above_message(std::to_string(max), found));
    return std::nullopt;
  }
  return number;
}

// True when `value`'s denominator divides 10^places: it has at most that many decimal places.
bool has_at_most_places(const Fraction& value, int places) {
  Int128 power = 1;
  for (int place = 0; place < places && power <= (static_cast<Int128>(1) << 100); ++place) power *= 10;
  return power % value.denominator() == 0;
}

// The rough value of decimal text that Fraction::parse refused ("1e400", "0.1234567890123",
// a 30-digit integer): infinite when too large for a double, 0 when too small.
// Nothing when the text is not a decimal number at all.
std::optional<double> approximate_decimal(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  const bool only_number_characters = std::all_of(text.begin(), text.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
  });
  if (text.empty() || text[0] == '+' || !only_number_characters ||
      text.find_first_of("0123456789") == std::string_view::npos) {
    return std::nullopt;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (error == std::errc::result_out_of_range) {
    if (text.find("e-") != std::string_view::npos || text.find("E-") != std::string_view::npos) return 0.0;
    return text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  if (error != std::errc{}) return std::nullopt;
  return value;
}

// Builds the document with nlohmann's own DOM builder while keeping the path of the
// value being read, so a number too large to hold can be reported at its field.
class PathTrackingSax {
 public:
  explicit PathTrackingSax(json& result) : dom_(result, /*allow_exceptions=*/false) {}

  bool null() { return value_done(dom_.null()); }
  bool boolean(bool value) { return value_done(dom_.boolean(value)); }
  bool number_integer(json::number_integer_t value) { return value_done(dom_.number_integer(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return value_done(dom_.number_unsigned(value)); }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    return value_done(dom_.number_float(value, text));
  }
  bool string(json::string_t& value) { return value_done(dom_.string(value)); }
  bool binary(json::binary_t& value) { return value_done(dom_.binary(value)); }
  bool start_object(std::size_t size) {
    if (too_deep()) return false;
    frames_.push_back(Frame{current_path(), false, 0, {}});
    return dom_.start_object(size);
  }
  bool key(json::string_t& name) {
    frames_.back().key = name;
    return dom_.key(name);
  }
  bool end_object() {
    frames_.pop_back();
    return value_done(dom_.end_object());
  }
  bool start_array(std::size_t size) {
    if (too_deep()) return false;
    frames_.push_back(Frame{current_path(), true, 0, {}});
    return dom_.start_array(size);
  }
  // Stops the parse (sax_parse returns false) one level past kMaxJsonDepth.
  bool too_deep() {
    if (frames_.size() < kMaxJsonDepth) return false;
    too_deep_ = true;
    error_path_ = current_path();
    return true;
  }
  bool was_too_deep() const { return too_deep_; }
  bool end_array() {
    frames_.pop_back();
    return value_done(dom_.end_array());
  }
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& error) {
    error_position_ = position;
    error_id_ = error.id;
    error_message_ = error.what();
    error_token_ = last_token;
    error_path_ = current_path();
    return false;
  }

  std::size_t error_position() const { return error_position_; }
  int error_id() const { return error_id_; }
  const std::string& error_message() const { return error_message_; }
  const std::string& error_token() const { return error_token_; }
  const std::string& error_path() const { return error_path_; }

 private:
  struct Frame {
    std::string path;
    bool is_array;
    std::size_t index;
    std::string key;
  };

  // The path of the value about to be read.
  std::string current_path() const {
    if (frames_.empty()) return {};
    const Frame& frame = frames_.back();
    return frame.is_array ? index_path(frame.path, frame.index) : field_path(frame.path, frame.key);
  }
  bool value_done(bool ok) {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    return ok;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
  std::size_t error_position_ = 0;
  int error_id_ = 0;
  std::string error_message_;
  std::string error_token_;
  std::string error_path_;
};

}  // namespace

std::optional<std::string> control_character_problem(std::string_view text) {
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      return std::string("must not contain control characters; found U+00") + kHex[byte >> 4] + kHex[byte & 15] +
             " at character " + std::to_string(character_count(text.substr(0, index)) + 1);
    }
  }
  return std::nullopt;
}

Result<json> parse_json(std::string_view text, std::string_view source_name) {
  json result;
  PathTrackingSax sax(result);
  if (json::sax_parse(text.begin(), text.end(), &sax)) return result;
  if (sax.was_too_deep()) {
    return fail(ErrorCode::kMalformed, sax.error_path().empty() ? std::string(source_name) : sax.error_path(),
                "arrays and objects may be nested at most " + std::to_string(kMaxJsonDepth) + " levels deep");
  }
  // nlohmann refuses numbers beyond a double (out_of_range.406) at parse time.
  // It cannot be read at all, so it is malformed input, named by its field.
  if (sax.error_id() == 406) {
    return fail(ErrorCode::kMalformed, sax.error_path(),
                "expected a number no larger than 1.7976931348623157e+308; found " + sax.error_token());
  }
  // nlohmann reports a byte offset; people want a line and column.
  std::size_t line = 1;
  std::size_t column = 1;
  const std::size_t end = std::min<std::size_t>(sax.error_position() == 0 ? 0 : sax.error_position() - 1, text.size());
  for (std::size_t pos = 0; pos < end; ++pos) {
    if (text[pos] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  std::string message = sax.error_message();
  // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
  if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
  return fail(ErrorCode::kMalformed, std::string(source_name) + ":" + std::to_string(line) + ":" + std::to_string(column),
              "not valid JSON: " + message);
}

std::string field_path(std::string_view path, std::string_view key) {
  if (!is_plain_key(key)) return std::string(path) + "[" + quoted(std::string(key)) + "]";
  if (path.empty()) return std::string(key);
  return std::string(path) + "." + std::string(key);
}

std::string index_path(std::string_view path, std::size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

std::string describe_json(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      if (character_count(text) <= kShownCharacters) return quoted(text);
      std::size_t cut = 0;
      for (std::size_t characters = 0; cut < text.size(); ++cut) {
        if (!is_continuation_byte(text[cut]) && characters++ == kShownCharacters) break;
      }
      std::string shown = quoted(text.substr(0, cut));
      shown.insert(shown.size() - 1, "…");
      return shown;
    }
    case json::value_t::number_float: {
      const double real = value.get<double>();
      return std::isfinite(real) ? value.dump() : kTooLarge;
    }
    case json::value_t::boolean:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::null: return value.dump();
    case json::value_t::binary:
    case json::value_t::discarded: break;
  }
  return "an unreadable value";
}

JsonReader::JsonReader(const nlohmann::json& value, Issues& issues, std::string path)
    : value_(&value), issues_(&issues), path_(std::move(path)) {}

JsonReader JsonReader::absent(Issues& issues, std::string path) { return JsonReader(nullptr, &issues, std::move(path)); }

void JsonReader::add(ErrorCode code, std::string message) const {
  issues_->push_back(Issue{code, path_, std::move(message)});
}

std::optional<std::string> JsonReader::text(const TextRule& rule) const {
  if (!present()) return std::nullopt;
  if (!value_->is_string()) {
    add(ErrorCode::kWrongType, "expected a string; found " + describe_json(*value_));
    return std::nullopt;
  }
  const std::string& text = value_->get_ref<const std::string&>();
  if (auto problem = control_character_problem(text)) {
    add(ErrorCode::kInvalidValue, *problem);
    return std::nullopt;
  }
  const std::size_t length = character_count(text);
  if (length == 0 && rule.min_length > 0) {
    add(ErrorCode::kInvalidValue, "must not be empty");
    return std::nullopt;
  }
  if (length < rule.min_length) {
    add(ErrorCode::kInvalidValue,
        "must be at least " + std::to_string(rule.min_length) + " characters; found " + std::to_string(length));
    return std::nullopt;
  }
  if (length > rule.max_length) {
    add(ErrorCode::kInvalidValue,
        "must be at most " + std::to_string(rule.max_length) + " characters; found " + std::to_string(length));
    return std::nullopt;
  }
  return text;
}

std::optional<std::int64_t> JsonReader::whole(const WholeRule& rule) const {
  if (!present()) return std::nullopt;
  return read_whole(*this, rule.min, rule.max, "a whole number");
}

std::optional<Money> JsonReader::money(const MoneyRule& rule) const {
  if (!present()) return std::nullopt;
  const auto pence = read_whole(*this, rule.min_pence, rule.max_pence, "whole pence");
  if (!pence) return std::nullopt;
  return Money::from_pence(*pence);
}

std::optional<double> JsonReader::number(const NumberRule& rule) const {
  if (!present()) return std::nullopt;
  if (!value_->is_number()) {
    add(ErrorCode::kWrongType, "expected a number; found " + describe_json(*value_));
    return std::nullopt;
  }
  const double real = value_->get<double>();
  // NaN cannot come from JSON text; comparisons below treat infinities as out of range.
  if (!(real >= rule.min)) {
    add(ErrorCode::kInvalidValue, below_message(format_double(rule.min), describe_json(*value_)));
    return std::nullopt;
  }
  if (!(real <= rule.max)) {
    add(ErrorCode::kInvalidValue, above_message(format_double(rule.max), describe_json(*value_)));
    return std::nullopt;
  }
  return real;
}

std::optional<Fraction> JsonReader::decimal(const DecimalRule& rule) const {
  if (!present()) return std::nullopt;
  const std::string found = describe_json(*value_);
  std::optional<Fraction> parsed;
  double approximate = 0;  // for a value no Fraction holds: far out of range, or too many places
  if (value_->is_number_integer() && !(value_->is_number_unsigned() && value_->get<std::uint64_t>() > INT64_MAX)) {
    parsed = Fraction(value_->get<std::int64_t>());
  } else if (value_->is_number()) {
    approximate = value_->get<double>();
    parsed = Fraction::from_double(approximate);
  } else if (value_->is_string()) {
    const std::string& text = value_->get_ref<const std::string&>();
    parsed = Fraction::parse(text);
    if (!parsed) {
      const std::optional<double> number = approximate_decimal(text);
      if (!number) {
        add(ErrorCode::kInvalidValue, "expected a decimal number; found " + found);
        return std::nullopt;
      }
      approximate = *number;
    }
  } else {
    add(ErrorCode::kWrongType, "expected a decimal number; found " + found);
    return std::nullopt;
  }
  const std::string places_message =
      "expected at most " + std::to_string(rule.max_decimal_places) + " decimal places; found " + found;
  if (!parsed) {
    // Out of range is the better answer for 1e400 than too many decimal places.
    if (!(approximate >= rule.min.to_double())) {
      add(ErrorCode::kInvalidValue, below_message(rule.min.to_string(), found));
    } else if (!(approximate <= rule.max.to_double())) {
      add(ErrorCode::kInvalidValue, above_message(rule.max.to_string(), found));
    } else {
      add(ErrorCode::kInvalidValue, places_message);
    }
    return std::nullopt;
  }
  if (*parsed < rule.min) {
    add(ErrorCode::kInvalidValue, below_message(rule.min.to_string(), found));
    return std::nullopt;
  }
  if (*parsed > rule.max) {
    add(ErrorCode::kInvalidValue, above_message(rule.max.to_string(), found));
    return std::nullopt;
  }
  if (!has_at_most_places(*parsed, rule.max_decimal_places)) {
    add(ErrorCode::kInvalidValue, places_message);
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> JsonReader::boolean() const {
  if (!present()) return std::nullopt;
  if (!value_->is_boolean()) {
    add(ErrorCode::kWrongType, "expected true or false; found " + describe_json(*value_));
    return std::nullopt;
  }
  return value_->get<bool>();
}

std::optional<Date> JsonReader::date() const {
  if (!present()) return std::nullopt;
  const std::string message = "expected a date like 2026-04-01; found " + describe_json(*value_);
  if (!value_->is_string()) {
    add(ErrorCode::kWrongType, message);
    return std::nullopt;
  }
  std::optional<Date> parsed = Date::parse(value_->get_ref<const std::string&>());
  if (!parsed) add(ErrorCode::kInvalidValue, message);
  return parsed;
}

std::optional<std::string> JsonReader::enum_text(std::string_view names) const {
  if (!present()) return std::nullopt;
  if (!value_->is_string()) {
    add(ErrorCode::kWrongType, "expected one of " + std::string(names) + "; found " + describe_json(*value_));
    return std::nullopt;
  }
  return value_->get<std::string>();
}

std::optional<JsonObjectReader> JsonReader::object() const {
  if (!present()) return std::nullopt;
  if (!value_->is_object()) {
    add(ErrorCode::kWrongType, "expected an object; found " + describe_json(*value_));
    return std::nullopt;
  }
  return JsonObjectReader(*value_, *issues_, path_);
}

std::optional<std::vector<JsonReader>> JsonReader::array(const ArrayRule& rule) const {
  if (!present()) return std::nullopt;
  if (!value_->is_array()) {
    add(ErrorCode::kWrongType, "expected an array; found " + describe_json(*value_));
    return std::nullopt;
  }
  const std::size_t count = value_->size();
  if (count < rule.min_items) {
    add(ErrorCode::kInvalidValue, "must have at least " + std::to_string(rule.min_items) +
                                      (rule.min_items == 1 ? " item" : " items") + "; found " + std::to_string(count));
    return std::nullopt;
  }
  if (count > rule.max_items) {
    add(ErrorCode::kInvalidValue, "must have at most " + std::to_string(rule.max_items) +
                                      (rule.max_items == 1 ? " item" : " items") + "; found " + std::to_string(count));
    return std::nullopt;
  }
  std::vector<JsonReader> items;
  items.reserve(count);
  for (std::size_t item_idx = 0; item_idx < count; ++item_idx) {
    items.push_back(JsonReader((*value_)[item_idx], *issues_, index_path(path_, item_idx)));
  }
  return items;
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& object, Issues& issues, std::string path)
    : object_(&object), issues_(&issues), path_(std::move(path)) {}

void JsonObjectReader::add(ErrorCode code, std::string message) const {
  issues_->push_back(Issue{code, path_, std::move(message)});
}

bool JsonObjectReader::has(std::string_view key) const {
  if (!object_->is_object()) return false;
  const auto found = object_->find(std::string(key));
  return found != object_->end() && !found->is_null();
}

JsonReader JsonObjectReader::optional(std::string_view key) const {
  std::string path = field_path(path_, key);
  if (!has(key)) return JsonReader::absent(*issues_, std::move(path));
  return JsonReader(*object_->find(std::string(key)), *issues_, std::move(path));
}

JsonReader JsonObjectReader::required(std::string_view key) const {
  JsonReader field = optional(key);
  if (!field.present()) field.add(ErrorCode::kMissingField, "is required");
  return field;
}

void JsonObjectReader::known_fields(std::initializer_list<std::string_view> known) const {
  if (!object_->is_object()) return;
  std::string expected;
  for (const auto& [key, value] : object_->items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (expected.empty()) {
      for (std::string_view name : known) expected += (expected.empty() ? "" : ", ") + std::string(name);
    }
    issues_->push_back(
        Issue{ErrorCode::kInvalidValue, field_path(path_, key), "unknown field; expected one of " + expected});
  }
}

std::vector<std::pair<std::string, JsonReader>> JsonObjectReader::entries() const {
  std::vector<std::pair<std::string, JsonReader>> out;
  if (!object_->is_object()) return out;
  for (const auto& [key, value] : object_->items()) {
    out.emplace_back(key, JsonReader(value, *issues_, field_path(path_, key)));
  }
  return out;
}

}  // namespace allot
