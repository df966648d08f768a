#pragma once
// Numbered schema migrations. Each capability keeps its own in
// storage/<capability>/migrations/NNNN_words.sql; the build embeds every such
// file (storage/embed_migrations.cmake), and they run in the order of their
// numbers, which are global across capabilities: 1, 2, 3, ... with no gaps and
// no repeats. They run on start, upgrade a database in place, and refuse a
// database newer than the program.
//
// A file is portable SQL with a small header:
//
//   -- name: people, their journey events, drafts, support plan versions and panel meetings
//   -- append-only: person_events, support_plans, panel_meetings
//   CREATE TABLE people (
//     id {ID_PK},
//     ...
//
// `name` is recorded in schema_migrations; `append-only` (optional) lists tables
// whose UPDATE and DELETE the database refuses (triggers written per dialect);
// {ID_PK} marks an identity key. The tables a migration creates, and their
// identity columns, are read from its CREATE TABLE statements.

#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"
#include "allot/storage/shared/sql_connection.h"

namespace allot::storage {

// One embedded .sql file, as the build found it.
struct MigrationFile {
  std::string_view path;  // below src/allot/storage, e.g. "journey/migrations/0004_people_journey.sql"
  std::string_view text;
};

// Every capability's migration files, ordered by file name (generated at build
// time from src/allot/storage/*/migrations/*.sql).
const std::vector<MigrationFile>& embedded_migration_files();

// A column declared `{ID_PK}`: after loading rows with explicit ids, PostgreSQL's
// identity must be moved past the highest one.
struct IdentityColumn {
  std::string table;
  std::string column;
  bool operator==(const IdentityColumn&) const = default;
};

struct Migration {
  int version = 0;
  std::string name;
  std::string source;                     // the file it came from
  std::string sql;                        // portable; {ID_PK} marks an identity key
  std::vector<std::string> tables;        // tables this migration creates, in order
  std::vector<std::string> append_only;   // tables that refuse UPDATE and DELETE
  std::vector<IdentityColumn> identities; // the {ID_PK} columns of its tables
};

// Reads one migration file: the version from the file name's leading digits, the
// name and append-only tables from its header, the tables and identity columns
// from its CREATE TABLE statements. kMalformed naming the file and what is wrong:
// a file name not NNNN_words.sql, no `-- name:` line, an unknown {PLACEHOLDER}, an
// append-only entry that is not a plain table name.
Result<Migration> parse_migration(std::string_view path, std::string_view text);

// Every migration, ascending and numbered 1, 2, 3, ... with no gaps. Throws
// std::logic_error, naming the files, if an embedded file is malformed, two
// files share a number, a number is skipped, or an append-only table does not
// exist at its version: build bugs, which the storage tests catch.
const std::vector<Migration>& migrations();

// The highest migration's version.
int latest_schema_version();

// The migration's SQL for one backend, with the append-only triggers added.
std::string render_migration(const Migration& migration, Dialect dialect);

// Every table of Allot's schema at `version`, in creation order (parents first).
std::vector<std::string> tables_at_version(int version);

// Every identity column of Allot's schema at `version`.
std::vector<IdentityColumn> identity_columns_at_version(int version);

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
