#pragma once
// What every capability's repositories share: domain values to and from SQL
// (timestamps as fixed-width ISO 8601 UTC text, dates as YYYY-MM-DD text), the
// not-found refusal, and savepoints around statements a constraint may refuse.
//
// The read_* functions throw SqlError if the stored text is not what the schema
// promises (a bug or a hand-edited database), never for an expected refusal.

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>

#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/storage/shared/sql_connection.h"

namespace allot::storage {

// 2026-04-01T09:30:00.000Z: fixed width, so text order is time order.
SqlValue sql_timestamp(app::Timestamp at);
SqlValue sql_optional_timestamp(const std::optional<app::Timestamp>& at);
SqlValue sql_date(Date date);
SqlValue sql_optional_date(const std::optional<Date>& date);

app::Timestamp read_timestamp(const SqlResult& result, std::size_t row, std::size_t column);
std::optional<app::Timestamp> read_optional_timestamp(const SqlResult& result, std::size_t row, std::size_t column);
Date read_date(const SqlResult& result, std::size_t row, std::size_t column);

// kNotFound at `path`.
tl::unexpected<Issues> not_found(std::string path, std::string message);

// Runs `work` inside a savepoint, so that a statement refused by a constraint
// leaves the surrounding transaction usable (PostgreSQL aborts the whole
// transaction on an error otherwise). Rethrows the SqlError after rolling back to
// the savepoint.
template <typename Work>
auto with_savepoint(SqlConnection& connection, Work&& work) -> decltype(work()) {
  connection.query("SAVEPOINT allot_statement");
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      connection.query("RELEASE SAVEPOINT allot_statement");
    } else {
      auto result = work();
      connection.query("RELEASE SAVEPOINT allot_statement");
      return result;
    }
  } catch (const SqlError&) {
    connection.query("ROLLBACK TO SAVEPOINT allot_statement");
    connection.query("RELEASE SAVEPOINT allot_statement");
    throw;
  }
}

}  // namespace allot::storage
