#include "allot/storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "allot/storage/shared/migrations.h"
#include "allot/storage/shared/sql_store.h"
#include "allot/storage/sqlite/sqlite_connection.h"

namespace allot::storage {

namespace {

// Copies the whole of `source` into `destination` with SQLite's online backup
// API in one step: the copy is a consistent snapshot, and writers to the source
// are not blocked in WAL mode.
void copy_database(sqlite3* source, sqlite3* destination, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (backup == nullptr) throw_sqlite_error(destination, sqlite3_errcode(destination), what);
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) throw SqlError(SqlFailure::kOther, "SQLite: " + what + ": " + sqlite3_errstr(step));
  if (finish != SQLITE_OK) throw_sqlite_error(destination, finish, what);
}

void remove_database_files(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
}

class SqliteStore final : public SqlStore {
 public:
  SqliteStore(std::string path, std::size_t max_connections)
      : SqlStore([path] { return SqliteConnection::open(path); }, max_connections, Dialect::kSqlite),
        path_(std::move(path)) {}

  std::string backend_name() const override { return "sqlite"; }

  Result<int> open(const StoreOptions& options) {
    return options.apply_migrations ? migrate_to(options.migrate_to_version) : read_version_only();
  }

  Result<app::Unit> backup(const std::string& path) override {
    // Written beside the target and renamed into place, so a failed backup never
    // leaves a half-written file under the requested name.
    const std::string partial = path + ".partial";
    try {
      remove_database_files(partial);
      Lease lease = acquire();
      auto& source = static_cast<SqliteConnection&>(*lease);
      {
        std::unique_ptr<SqliteConnection> destination = SqliteConnection::open(partial, SqliteConnection::Journal::kDefault);
        copy_database(source.handle(), destination->handle(), "backing up to " + path);
      }
      std::filesystem::rename(partial, path);
      return app::Unit{};
    } catch (const SqlError& error) {
      remove_database_files(partial);
      return database_failure(error.what());
    } catch (const std::filesystem::filesystem_error& error) {
      remove_database_files(partial);
      return database_failure(fmt::format("cannot write the backup {}: {}", path, error.what()));
    }
  }

  Result<app::Unit> restore(const std::string& path) override {
    if (!std::filesystem::is_regular_file(path)) {
      return fail(ErrorCode::kNotFound, path, "no such backup file");
    }
    // The backup is copied to a scratch file and upgraded there, then copied into
    // the live database in one step: the live database changes all at once or not
    // at all.
    const std::string scratch = path_ + ".restore";
    try {
      remove_database_files(scratch);
      {
        std::unique_ptr<SqliteConnection> source;
        int version = 0;
        try {
          source = SqliteConnection::open(path, SqliteConnection::Journal::kDefault, /*read_only=*/true);
          SqlResult integrity = source->query("PRAGMA integrity_check");
          if (integrity.empty() || integrity.text(0, 0) != "ok") {
            return fail(ErrorCode::kMalformed, path, "is damaged: " + (integrity.empty() ? "" : integrity.text(0, 0)));
          }
          version = read_schema_version(*source);
        } catch (const SqlError& error) {
          return fail(ErrorCode::kMalformed, path, std::string("is not an Allot SQLite backup: ") + error.what());
        }
        if (version == 0) return fail(ErrorCode::kMalformed, path, "is not an Allot backup (no schema version)");
        if (version > latest_schema_version()) return fail({newer_schema_issue(version, latest_schema_version())});
        std::unique_ptr<SqliteConnection> upgraded =
            SqliteConnection::open(scratch, SqliteConnection::Journal::kDefault);
        copy_database(source->handle(), upgraded->handle(), "reading " + path);
        Result<int> migrated = migrate(*upgraded, 0, now_for_records());
        if (!migrated) return tl::unexpected<Issues>(migrated.error());
        Lease lease = acquire();
        auto& live = static_cast<SqliteConnection&>(*lease);
        copy_database(upgraded->handle(), live.handle(), "restoring into " + path_);
        schema_version_.store(*migrated);
      }
      remove_database_files(scratch);
      return app::Unit{};
    } catch (const SqlError& error) {
      remove_database_files(scratch);
      return database_failure(error.what());
    }
  }

  Result<CheckReport> check() override {
    try {
      Lease lease = acquire();
      CheckReport report;
      report.ok = true;
      SqlResult integrity = lease->query("PRAGMA integrity_check");
      if (integrity.rows.size() == 1 && integrity.text(0, 0) == "ok") {
        report.lines.push_back("integrity_check: ok");
      } else {
        report.ok = false;
        for (std::size_t row = 0; row < integrity.rows.size(); ++row) {
          report.lines.push_back("integrity_check: " + integrity.text(row, 0));
        }
      }
      SqlResult foreign = lease->query("PRAGMA foreign_key_check");
      if (foreign.empty()) {
        report.lines.push_back("foreign_key_check: ok");
      } else {
        report.ok = false;
        report.lines.push_back(fmt::format("foreign_key_check: {} rows refer to missing rows", foreign.rows.size()));
      }
      check_schema(*lease, report);
      return report;
    } catch (const SqlError& error) {
      return database_failure(error.what());
    }
  }

 private:
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<AdminStore>> open_sqlite_store(const std::string& path, const StoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(path, options.max_connections);
  Result<int> version = store->open(options);
  if (!version) return tl::unexpected<Issues>(version.error());
  return std::unique_ptr<AdminStore>(std::move(store));
}

}  // namespace allot::storage
