#pragma once
// Opening a database: picks the backend from the text the user gave
// (`--database`), runs pending schema migrations, and returns a Store that
// implements app/shared/store.h, with the administrative operations (backup,
// restore, integrity check) that the `allot db` commands use.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::storage {

// The schema version this program creates and understands (the highest migration).
int program_schema_version();

struct StoreOptions {
  // Most connections open at once; run() waits for a free one beyond that.
  std::size_t max_connections = 8;
  // Apply migrations up to this version only (tests of upgrading in place); 0 means
  // all of them.
  int migrate_to_version = 0;
  // False: open without changing the schema at all, not even refusing a newer
  // one; schema_version() then reports what the database holds. Only for
  // inspecting (allot db check); other use of such a store is undefined.
  bool apply_migrations = true;
  // PostgreSQL only: keep Allot's tables in this schema (created if missing)
  // instead of the connection's default. Tests give each case its own schema.
  std::string postgres_schema;
};

struct CheckReport {
  bool ok = false;
  int schema_version = 0;
  std::vector<std::string> lines;  // what was checked and what was found
};

// A Store with administrative operations. Every member function is thread-safe.
class AdminStore : public app::Store {
 public:
  // Writes a consistent copy of the whole database to `path` while others keep
  // using it: SQLite writes a database file through the online backup API;
  // PostgreSQL writes a JSON export of Allot's tables read in one snapshot.
  // Overwrites `path`. kInternal on failure (the message names the file).
  virtual Result<app::Unit> backup(const std::string& path) = 0;
  // Replaces the whole database with a backup made by backup() on the same
  // backend, then upgrades it to program_schema_version(). kMalformed if the file
  // is not such a backup; kConflict naming both versions if the backup is newer
  // than this program. Atomic: on any failure the database is unchanged.
  virtual Result<app::Unit> restore(const std::string& path) = 0;
  // Integrity: SQLite runs PRAGMA integrity_check and foreign_key_check; both
  // check the schema version and that every table exists.
  virtual Result<CheckReport> check() = 0;
  // Runs SQL as written, outside the repositories (inside one transaction), for
  // operators' maintenance and for tests that prove the database itself refuses
  // forbidden changes. Returns kInternal with the database's message on failure.
  virtual Result<app::Unit> execute_sql(const std::string& sql) = 0;
};

// Opens `database`: a `postgresql://` or `postgres://` URL selects PostgreSQL;
// anything else is an SQLite file path (created if missing, opened in WAL mode).
// Then applies pending migrations. Errors: kConflict naming both versions if the
// database's schema is newer than this program; kInternal if the database cannot
// be opened or a migration fails (nothing of the failed migration is applied).
Result<std::unique_ptr<AdminStore>> open_store(const std::string& database, const StoreOptions& options = {});

}  // namespace allot::storage
