#pragma once
// One SQLite connection. Opened in WAL mode with a busy timeout and foreign keys
// on; prepared statements are cached per connection.

#include <memory>
#include <string>
#include <unordered_map>

#include "allot/storage/shared/sql_connection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace allot::storage {

class SqliteConnection final : public SqlConnection {
 public:
  enum class Journal { kWal, kDefault };
  // Opens (creating if missing) the file at `path`. Throws SqlError on failure.
  static std::unique_ptr<SqliteConnection> open(const std::string& path, Journal journal = Journal::kWal,
                                                bool read_only = false);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  SqlResult query(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
  void execute_script(std::string_view sql) override;
  bool healthy() const override { return db_ != nullptr; }

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3_stmt* prepare(std::string_view sql);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// Turns an SQLite result code into an SqlError (for constraint failures, the kind).
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view context);

}  // namespace allot::storage
