#include "allot/storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <cctype>

namespace allot::storage {

namespace {

// The statements are written with PostgreSQL's $1 parameters; SQLite's ?1 means
// the same (a numbered parameter that may repeat).
std::string to_sqlite_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t idx = 0; idx < sql.size(); ++idx) {
    if (sql[idx] == '$' && idx + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[idx + 1]))) {
      out += '?';
    } else {
      out += sql[idx];
    }
  }
  return out;
}

SqlFailure failure_of(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return SqlFailure::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return SqlFailure::kForeignKeyViolation;
    case SQLITE_CONSTRAINT_CHECK:
      return SqlFailure::kCheckViolation;
    default:
      return SqlFailure::kOther;
  }
}

}  // namespace

void throw_sqlite_error(sqlite3* db, int code, std::string_view context) {
  const int extended = db ? sqlite3_extended_errcode(db) : code;
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  throw SqlError(failure_of(extended), "SQLite: " + message + " (" + std::string(context) + ")");
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::string& path, Journal journal,
                                                         bool read_only) {
  sqlite3* db = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    throw SqlError(SqlFailure::kOther, "SQLite: cannot open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, path));
  // Writers wait for each other instead of failing at once; WAL lets readers run
  // alongside the one writer.
  sqlite3_busy_timeout(db, 10000);
  connection->execute_script("PRAGMA foreign_keys = ON");
  if (journal == Journal::kWal && !read_only) {
    SqlResult mode = connection->query("PRAGMA journal_mode = WAL");
    if (mode.empty() || mode.text(0, 0) != "wal") {
      throw SqlError(SqlFailure::kOther, "SQLite: cannot switch " + path + " to WAL mode");
    }
    // FULL: a committed decision survives a power cut, not only a crash.
    connection->execute_script("PRAGMA synchronous = FULL");
  }
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  const std::string key(sql);
  if (auto found = statements_.find(key); found != statements_.end()) return found->second;
  const std::string translated = to_sqlite_parameters(sql);
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v2(db_, translated.c_str(), static_cast<int>(translated.size() + 1),
                                      &statement, nullptr);
  if (code != SQLITE_OK) throw_sqlite_error(db_, code, "preparing: " + translated.substr(0, 200));
  statements_.emplace(key, statement);
  return statement;
}

SqlResult SqliteConnection::query(std::string_view sql, const std::vector<SqlValue>& params) {
  sqlite3_stmt* statement = prepare(sql);
  // Resets the statement whatever happens, so the cached statement is reusable
  // and holds no lock.
  struct Reset {
    sqlite3_stmt* statement;
    ~Reset() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  } reset{statement};

  for (std::size_t idx = 0; idx < params.size(); ++idx) {
    const int position = static_cast<int>(idx + 1);
    int code = SQLITE_OK;
    if (const auto* number = std::get_if<std::int64_t>(&params[idx])) {
      code = sqlite3_bind_int64(statement, position, *number);
    } else if (const auto* text = std::get_if<std::string>(&params[idx])) {
      code = sqlite3_bind_text(statement, position, text->data(), static_cast<int>(text->size()),
                               SQLITE_TRANSIENT);
    } else {
      code = sqlite3_bind_null(statement, position);
    }
    if (code != SQLITE_OK) throw_sqlite_error(db_, code, "binding parameter " + std::to_string(position));
  }

  SqlResult result;
  const int column_count = sqlite3_column_count(statement);
  for (int column = 0; column < column_count; ++column) result.columns.emplace_back(sqlite3_column_name(statement, column));
  while (true) {
    const int code = sqlite3_step(statement);
    if (code == SQLITE_DONE) break;
    if (code != SQLITE_ROW) throw_sqlite_error(db_, code, std::string(sql.substr(0, 200)));
    std::vector<SqlValue>& row = result.rows.emplace_back();
    row.reserve(column_count);
    for (int column = 0; column < column_count; ++column) {
      switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL:
          row.emplace_back(SqlNull{});
          break;
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, column)));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
          const int size = sqlite3_column_bytes(statement, column);
          row.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(size)));
        }
      }
    }
  }
  result.changed = sqlite3_stmt_readonly(statement) ? 0 : sqlite3_changes64(db_);
  return result;
}

void SqliteConnection::execute_script(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    const int extended = sqlite3_extended_errcode(db_);
    throw SqlError(failure_of(extended), "SQLite: " + message);
  }
}

}  // namespace allot::storage
