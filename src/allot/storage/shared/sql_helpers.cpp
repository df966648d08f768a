#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

SqlValue sql_timestamp(app::Timestamp at) { return sql_text(app::format_timestamp(at)); }

SqlValue sql_optional_timestamp(const std::optional<app::Timestamp>& at) {
  return at ? sql_timestamp(*at) : SqlValue{SqlNull{}};
}

SqlValue sql_date(Date date) { return sql_text(date.to_string()); }

SqlValue sql_optional_date(const std::optional<Date>& date) {
  return date ? sql_date(*date) : SqlValue{SqlNull{}};
}

app::Timestamp read_timestamp(const SqlResult& result, std::size_t row, std::size_t column) {
  const std::string& text = result.text(row, column);
  auto parsed = app::parse_timestamp(text);
  if (!parsed) throw SqlError(SqlFailure::kOther, "stored timestamp \"" + text + "\" is not ISO 8601 UTC");
  return *parsed;
}

std::optional<app::Timestamp> read_optional_timestamp(const SqlResult& result, std::size_t row,
                                                      std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return read_timestamp(result, row, column);
}

Date read_date(const SqlResult& result, std::size_t row, std::size_t column) {
  const std::string& text = result.text(row, column);
  auto parsed = Date::parse(text);
  if (!parsed) throw SqlError(SqlFailure::kOther, "stored date \"" + text + "\" is not YYYY-MM-DD");
  return *parsed;
}

tl::unexpected<Issues> not_found(std::string path, std::string message) {
  return fail(ErrorCode::kNotFound, std::move(path), std::move(message));
}

}  // namespace allot::storage
