#pragma once
// Numbered schema migrations, one portable SQL text each with small dialect
// differences filled in per backend. They run on start, upgrade a database in
// place, and refuse a database newer than the program.

#include <string>
#include <vector>

#include "allot/base/issue.h"
#include "allot/storage/sql/sql_connection.h"

namespace allot::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;                          // portable; {ID_PK} marks an identity key
  std::vector<std::string> tables;          // tables this migration creates
  std::vector<std::string> append_only;     // tables that refuse UPDATE and DELETE
};

// Every migration, ascending and numbered 1, 2, 3, ... with no gaps.
const std::vector<Migration>& migrations();

// The highest migration's version.
int latest_schema_version();

// The migration's SQL for one backend, with the append-only triggers added.
std::string render_migration(const Migration& migration, Dialect dialect);

// Every table of Allot's schema at `version`, in creation order (parents first).
std::vector<std::string> tables_at_version(int version);

// The database's schema version (0 for an empty database). Runs inside or
// outside a transaction. Throws SqlError on database failure.
int read_schema_version(SqlConnection& connection);

// The refusal for a database newer than the program, naming both versions.
Issue newer_schema_issue(int database_version, int program_version);

// Brings the schema from its current version up to `target` (0: the latest) in one
// transaction of its own, serialised against other processes doing the same.
// kConflict if the database is newer than this program. Throws SqlError if a
// migration fails (nothing is applied then).
Result<int> migrate(SqlConnection& connection, int target, const std::string& now);

// The body of migrate() for use inside a transaction the caller holds:
// applies migrations from the current version up to `target`.
void apply_migrations_in_transaction(SqlConnection& connection, int target, const std::string& now);

}  // namespace allot::storage
