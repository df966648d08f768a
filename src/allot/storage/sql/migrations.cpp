#include "allot/storage/sql/migrations.h"

#include <fmt/format.h>

namespace allot::storage {

namespace {

// Append-only means UPDATE and DELETE are refused by the database itself, so
// history cannot be rewritten even by a bug or a hand-written statement.
std::string append_only_sql(const std::string& table, Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return fmt::format(
        "CREATE TRIGGER {0}_no_update BEFORE UPDATE ON {0} BEGIN SELECT RAISE(ABORT, '{0} is append-only'); END;\n"
        "CREATE TRIGGER {0}_no_delete BEFORE DELETE ON {0} BEGIN SELECT RAISE(ABORT, '{0} is append-only'); END;\n",
        table);
  }
  return fmt::format(
      "CREATE TRIGGER {0}_append_only BEFORE UPDATE OR DELETE ON {0} FOR EACH ROW "
      "EXECUTE FUNCTION allot_refuse_change();\n",
      table);
}

const char* kPostgresPrelude = R"SQL(
CREATE OR REPLACE FUNCTION allot_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$body$;
)SQL";

std::vector<Migration> build_migrations() {
  std::vector<Migration> all;
  all.push_back(Migration{
      1,
      "agencies, users, roles, sessions and API tokens",
      R"SQL(
CREATE TABLE agencies (
  id {ID_PK},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('council', 'nhs_trust', 'provider', 'third_sector')),
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id {ID_PK},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_agency ON users (agency_id);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'assessor', 'team_manager', 'panel_member',
                                     'finance_officer', 'commissioner', 'provider_user', 'analyst')),
  PRIMARY KEY (user_id, role)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE TABLE api_tokens (
  id {ID_PK},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
)SQL",
      {"agencies", "users", "user_roles", "sessions", "api_tokens"},
      {}});
  all.push_back(Migration{
      2,
      "published rulebooks, drafts and scores",
      R"SQL(
CREATE TABLE rulebook_versions (
  rulebook_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  document TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (rulebook_id, version)
);
CREATE TABLE rulebook_drafts (
  rulebook_id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE scores (
  id {ID_PK},
  rulebook_id TEXT NOT NULL,
  rulebook_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  result TEXT NOT NULL,
  annual_pence BIGINT NOT NULL,
  scored_by TEXT NOT NULL,
  scored_at TEXT NOT NULL,
  FOREIGN KEY (rulebook_id, rulebook_version) REFERENCES rulebook_versions (rulebook_id, version)
);
CREATE INDEX scores_rulebook ON scores (rulebook_id, rulebook_version, id);
)SQL",
      {"rulebook_versions", "rulebook_drafts", "scores"},
      {"rulebook_versions", "scores"}});
  all.push_back(Migration{
      3,
      "audit log",
      R"SQL(
CREATE TABLE audit_log (
  id {ID_PK},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at);
)SQL",
      {"audit_log"},
      {"audit_log"}});
  all.push_back(Migration{
      4,
      "people, their journey events, drafts, support plan versions and panel meetings",
      R"SQL(
CREATE TABLE people (
  id {ID_PK},
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  nhs_number TEXT NOT NULL,
  client_group TEXT NOT NULL,
  locality TEXT NOT NULL,
  team TEXT NOT NULL,
  stage TEXT NOT NULL,
  cares_for BIGINT REFERENCES people (id),
  review_due TEXT,
  awaiting_panel INTEGER NOT NULL CHECK (awaiting_panel IN (0, 1)),
  has_agreed_budget INTEGER NOT NULL CHECK (has_agreed_budget IN (0, 1)),
  details TEXT NOT NULL,
  state TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_name ON people (family_name, given_name, id);
CREATE INDEX people_stage ON people (stage);
CREATE INDEX people_review_due ON people (review_due);
CREATE TABLE person_events (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL,
  event_type TEXT NOT NULL CHECK (event_type IN ('request', 'assessment', 'service', 'review')),
  outcome TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX person_events_person ON person_events (person_id, id);
CREATE TABLE journey_drafts (
  person_id BIGINT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL CHECK (kind IN ('assessment', 'plan')),
  document TEXT NOT NULL,
  row_version BIGINT NOT NULL CHECK (row_version > 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (person_id, kind)
);
CREATE TABLE support_plans (
  person_id BIGINT NOT NULL REFERENCES people (id),
  version INTEGER NOT NULL CHECK (version > 0),
  document TEXT NOT NULL,
  annual_pence BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (person_id, version)
);
CREATE TABLE panel_meetings (
  id {ID_PK},
  held_on TEXT NOT NULL,
  members TEXT NOT NULL,
  decisions TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
)SQL",
      {"people", "person_events", "journey_drafts", "support_plans", "panel_meetings"},
      {"person_events", "support_plans", "panel_meetings"}});
  return all;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = build_migrations();
  return all;
}

int latest_schema_version() { return migrations().back().version; }

std::string render_migration(const Migration& migration, Dialect dialect) {
  std::string sql = migration.sql;
  // SQLite's AUTOINCREMENT never reuses an id, like a PostgreSQL identity.
  const std::string id_pk = dialect == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                                        : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  for (std::size_t at = sql.find("{ID_PK}"); at != std::string::npos; at = sql.find("{ID_PK}", at)) {
    sql.replace(at, 7, id_pk);
  }
  if (dialect == Dialect::kPostgres && !migration.append_only.empty()) sql = kPostgresPrelude + sql;
  for (const std::string& table : migration.append_only) sql += append_only_sql(table, dialect);
  return sql;
}

std::vector<std::string> tables_at_version(int version) {
  std::vector<std::string> tables;
  for (const Migration& migration : migrations()) {
    if (migration.version > version) break;
    tables.insert(tables.end(), migration.tables.begin(), migration.tables.end());
  }
  return tables;
}

int read_schema_version(SqlConnection& connection) {
  const bool exists =
      connection.dialect() == Dialect::kSqlite
          ? !connection.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").empty()
          : !connection.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                              "AND table_name = 'schema_migrations'")
                 .empty();
  if (!exists) return 0;
  SqlResult result = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(result.integer(0, 0));
}

Issue newer_schema_issue(int database_version, int program_version) {
  return Issue{ErrorCode::kConflict, "schema_version",
               fmt::format("the database has schema version {} but this program knows only up to version {}; "
                           "run a newer Allot against it (nothing was changed)",
                           database_version, program_version)};
}

void apply_migrations_in_transaction(SqlConnection& connection, int target, const std::string& now) {
  connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  const int current = read_schema_version(connection);
  for (const Migration& migration : migrations()) {
    if (migration.version <= current || migration.version > target) continue;
    connection.execute_script(render_migration(migration, connection.dialect()));
    connection.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                     {sql_int(migration.version), sql_text(migration.name), sql_text(now)});
  }
}

Result<int> migrate(SqlConnection& connection, int target, const std::string& now) {
  const int program = latest_schema_version();
  if (target <= 0 || target > program) target = program;
  if (connection.dialect() == Dialect::kSqlite) {
    connection.execute_script("BEGIN IMMEDIATE");
  } else {
    connection.execute_script("BEGIN");
    // One migrator at a time per schema, across processes and servers.
    connection.query("SELECT pg_advisory_xact_lock(hashtext('allot-migrate:' || current_schema()))");
  }
  try {
    const int current = read_schema_version(connection);
    if (current > program) {
      connection.execute_script("ROLLBACK");
      return fail({newer_schema_issue(current, program)});
    }
    apply_migrations_in_transaction(connection, target, now);
    const int after = read_schema_version(connection);
    connection.execute_script("COMMIT");
    return after;
  } catch (const SqlError&) {
    try {
      connection.execute_script("ROLLBACK");
    } catch (const SqlError&) {
      // The connection is broken; the original error says why.
    }
    throw;
  }
}

}  // namespace allot::storage
