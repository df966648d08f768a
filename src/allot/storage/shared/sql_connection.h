#pragma once
// The small SQL seam both backends implement: one connection, statements with
// numbered parameters ($1, $2, ...), rows of NULL / integer / text values. Every
// capability's repositories, the migrations and the logical export are written
// once against it.
//
// A connection is used by one thread at a time (the store's pool hands it out).
// Failures throw SqlError: inside storage only; Store::run() turns them into
// returned kInternal issues, and repositories turn expected constraint failures
// into refusals.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace allot::storage {

enum class Dialect { kSqlite, kPostgres };

using SqlNull = std::monostate;
using SqlValue = std::variant<SqlNull, std::int64_t, std::string>;

enum class SqlFailure {
  kUniqueViolation,
  kForeignKeyViolation,
  kCheckViolation,
  kOther,
};

class SqlError : public std::runtime_error {
 public:
  SqlError(SqlFailure failure, const std::string& message) : std::runtime_error(message), failure_(failure) {}
  SqlFailure failure() const { return failure_; }

 private:
  SqlFailure failure_;
};

struct SqlResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
  std::int64_t changed = 0;  // rows inserted, updated or deleted

  bool empty() const { return rows.empty(); }
  // Throw SqlError if the value is NULL or of another type (a schema bug).
  const std::string& text(std::size_t row, std::size_t column) const;
  std::int64_t integer(std::size_t row, std::size_t column) const;
  bool is_null(std::size_t row, std::size_t column) const;
  std::optional<std::string> optional_text(std::size_t row, std::size_t column) const;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with parameters $1..$n (each may appear more than once).
  virtual SqlResult query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  // Runs several statements separated by semicolons, without parameters.
  virtual void execute_script(std::string_view sql) = 0;
  // False once the connection is known to be broken; the pool then drops it.
  virtual bool healthy() const = 0;

  // The store's record of SQLite's PRAGMA query_only on this connection. Setting
  // that pragma expires every statement the connection has prepared, so the
  // store sets it only when a transaction needs the other mode, and hands read
  // transactions connections already read-only (sql_store.cpp).
  bool query_only = false;
};

inline SqlValue sql_text(std::string_view text) { return SqlValue{std::string(text)}; }
inline SqlValue sql_int(std::int64_t value) { return SqlValue{value}; }
inline SqlValue sql_optional_text(const std::optional<std::string>& text) {
  return text ? SqlValue{*text} : SqlValue{SqlNull{}};
}

}  // namespace allot::storage
