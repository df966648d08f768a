#include "allot/budgets/payments_csv.h"

#include "allot/base/json_reader.h"

#include <array>
#include <cstdint>
#include <charconv>
#include <map>

namespace allot::budgets {

namespace {

// Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates,
// nothing beyond U+10FFFF.
bool valid_utf8(std::string_view text) {
  std::size_t index = 0;
  while (index < text.size()) {
    const auto byte = static_cast<unsigned char>(text[index]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++index;
      continue;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
      code = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      code = byte & 0x0F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (index + length > text.size()) return false;
    for (std::size_t next = 1; next < length; ++next) {
      const auto continuation = static_cast<unsigned char>(text[index + next]);
      if ((continuation & 0xC0) != 0x80) return false;
      code = (code << 6) | (continuation & 0x3F);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
      return false;
    index += length;
  }
  return true;
}


constexpr std::array<const char*, 6> kColumns = {"date", "payee", "person_reference", "amount", "budget_line",
                                                 "reference"};

// Splits one record into fields; false if a quote is left open.
bool split_fields(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t index = 0; index < line.size(); ++index) {
    const char c = line[index];
    if (quoted) {
      if (c == '"') {
        if (index + 1 < line.size() && line[index + 1] == '"') {
          field += '"';
          ++index;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return !quoted;
}

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

std::optional<Money> parse_pounds(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2))) return std::nullopt;
  for (char c : whole) if (c < '0' || c > '9') return std::nullopt;
  for (char c : fraction) if (c < '0' || c > '9') return std::nullopt;
  std::int64_t pounds = 0;
  const auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), pounds);
  if (error != std::errc{} || end != whole.data() + whole.size()) return std::nullopt;
  std::int64_t pence = 0;
  if (!fraction.empty()) pence = (fraction[0] - '0') * 10 + (fraction.size() > 1 ? fraction[1] - '0' : 0);
  std::int64_t total = 0;
  if (__builtin_mul_overflow(pounds, 100, &total) || __builtin_add_overflow(total, pence, &total)) return std::nullopt;
  return Money::from_pence(negative ? -total : total);
}

std::optional<std::int64_t> parse_person_reference(std::string_view text) {
  constexpr std::string_view kPrefix = "person:";
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  text.remove_prefix(kPrefix.size());
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
  return id;
}

Result<std::vector<PaymentLine>> read_payments_csv(std::string_view text, std::string_view source) {
  Issues issues;
  std::vector<PaymentLine> lines;
  std::map<std::string, std::size_t> column_of;
  std::map<std::string, int> reference_line;
  std::vector<std::string> fields;
  int line_number = 0;
  bool header_seen = false;
  const std::string file(source);
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view raw = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (trim(raw).empty()) continue;
    const std::string at = file + ":" + std::to_string(line_number);
    if (!split_fields(raw, fields)) {
      issues.push_back(Issue{ErrorCode::kMalformed, at, "a quoted field is not closed; close it with \""});
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      for (std::size_t idx = 0; idx < fields.size(); ++idx) column_of[trim(fields[idx])] = idx;
      for (const char* column : kColumns) {
        if (!column_of.count(column)) {
          issues.push_back(Issue{ErrorCode::kMissingField, at + "." + column,
                                 std::string("the header has no column \"") + column +
                                     "\"; expected date,payee,person_reference,amount,budget_line,reference"});
        }
      }
      if (!issues.empty()) return tl::unexpected<Issues>(std::move(issues));
      continue;
    }
    auto field = [&](const char* column) -> std::string {
      const std::size_t idx = column_of.at(column);
      std::string value = idx < fields.size() ? trim(fields[idx]) : std::string{};
      // Text from the finance system is stored and shown: valid UTF-8 without control characters.
      if (!valid_utf8(value)) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, at + "." + column, "is not valid UTF-8 text"});
        return std::string{};
      }
      if (auto problem = control_character_problem(value)) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, at + "." + column, *problem});
        return std::string{};
      }
      return value;
    };
    PaymentLine line;
    line.line_number = line_number;
    const std::string date_text = field("date");
    const std::optional<Date> date = Date::parse(date_text);
    if (!date) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, at + ".date",
                             "expected a date as YYYY-MM-DD; found \"" + date_text + "\""});
    } else {
      line.paid_on = *date;
    }
    const std::string amount_text = field("amount");
    const std::optional<Money> amount = parse_pounds(amount_text);
    if (!amount) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, at + ".amount",
                             "expected pounds with at most two decimals, like 1234.56; found \"" + amount_text + "\""});
    } else {
      line.amount = *amount;
    }
    line.payee = field("payee");
    line.person_reference = field("person_reference");
    line.budget_line = field("budget_line");
    line.reference = field("reference");
    if (line.reference.empty()) {
      issues.push_back(Issue{ErrorCode::kMissingField, at + ".reference",
                             "every payment needs the finance system's reference (its idempotency key)"});
    } else if (auto [it, inserted] = reference_line.emplace(line.reference, line_number); !inserted) {
      issues.push_back(Issue{ErrorCode::kDuplicate, at + ".reference",
                             "reference \"" + line.reference + "\" is also on line " + std::to_string(it->second)});
    }
    lines.push_back(std::move(line));
  }
  if (!header_seen) issues.push_back(Issue{ErrorCode::kMissingField, file, "the file is empty; expected a header row"});
  if (header_seen && lines.empty() && issues.empty()) {
    issues.push_back(Issue{ErrorCode::kMissingField, file, "has a header but no payments"});
  }
  if (!issues.empty()) return tl::unexpected<Issues>(std::move(issues));
  return lines;
}

}  // namespace allot::budgets
