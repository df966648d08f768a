#include "allot/storage/shared/sql_connection.h"

#include <charconv>

namespace allot::storage {

namespace {

const SqlValue& cell(const SqlResult& result, std::size_t row, std::size_t column) {
  if (row >= result.rows.size() || column >= result.rows[row].size()) {
    throw SqlError(SqlFailure::kOther, "result has no row " + std::to_string(row) + " column " +
                                           std::to_string(column));
  }
  return result.rows[row][column];
}

std::string column_name(const SqlResult& result, std::size_t column) {
  return column < result.columns.size() ? result.columns[column] : std::to_string(column);
}

}  // namespace

const std::string& SqlResult::text(std::size_t row, std::size_t column) const {
  const SqlValue& value = cell(*this, row, column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  throw SqlError(SqlFailure::kOther, "column " + column_name(*this, column) + " is not text");
}

std::int64_t SqlResult::integer(std::size_t row, std::size_t column) const {
  const SqlValue& value = cell(*this, row, column);
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  // SQLite may hand back numbers stored in untyped expressions as text.
  if (const auto* text = std::get_if<std::string>(&value)) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error == std::errc{} && end == text->data() + text->size()) return number;
  }
  throw SqlError(SqlFailure::kOther, "column " + column_name(*this, column) + " is not an integer");
}

bool SqlResult::is_null(std::size_t row, std::size_t column) const {
  return std::holds_alternative<SqlNull>(cell(*this, row, column));
}

std::optional<std::string> SqlResult::optional_text(std::size_t row, std::size_t column) const {
  if (is_null(row, column)) return std::nullopt;
  return text(row, column);
}

}  // namespace allot::storage
