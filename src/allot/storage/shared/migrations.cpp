#include "allot/storage/shared/migrations.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <stdexcept>

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

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool is_table_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

// The SQL with its -- comments blanked out (quoted text kept), so words in a
// comment are never taken for a statement.
std::string without_comments(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool quoted = false;
  for (std::size_t at = 0; at < sql.size(); ++at) {
    const char ch = sql[at];
    if (ch == '\'') quoted = !quoted;
    if (!quoted && ch == '-' && at + 1 < sql.size() && sql[at + 1] == '-') {
      while (at < sql.size() && sql[at] != '\n') ++at;
      out += '\n';
      continue;
    }
    out += ch;
  }
  return out;
}

// The header: the comment lines before the first statement. Reads `name:` and
// `append-only:`; other comment lines are prose.
Result<Migration> read_header(std::string_view path, std::string_view text, Migration migration) {
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    const std::string trimmed = trim(line);
    if (trimmed.empty()) continue;
    if (trimmed.rfind("--", 0) != 0) break;
    const std::string comment = trim(std::string_view(trimmed).substr(2));
    if (comment.rfind("name:", 0) == 0) {
      migration.name = trim(std::string_view(comment).substr(5));
    } else if (comment.rfind("append-only:", 0) == 0) {
      std::istringstream entries(comment.substr(12));
      for (std::string entry; std::getline(entries, entry, ',');) {
        const std::string table = trim(entry);
        if (!is_table_name(table)) {
          return fail(ErrorCode::kMalformed, std::string(path),
                      fmt::format("append-only: \"{}\" is not a table name; expected lower-case names separated by "
                                  "commas",
                                  table));
        }
        migration.append_only.push_back(table);
      }
    }
  }
  if (migration.name.empty()) {
    return fail(ErrorCode::kMalformed, std::string(path),
                "has no name; start the file with a line \"-- name: what it creates\" (recorded in schema_migrations)");
  }
  return migration;
}

std::vector<Migration> load_migrations() {
  std::vector<Migration> all;
  std::vector<std::string> problems;
  for (const MigrationFile& file : embedded_migration_files()) {
    Result<Migration> parsed = parse_migration(file.path, file.text);
    if (parsed) {
      all.push_back(std::move(*parsed));
    } else {
      problems.push_back(format_issues(parsed.error()));
    }
  }
  if (all.empty() && problems.empty()) problems.push_back("no migration files were embedded");
  std::stable_sort(all.begin(), all.end(),
                   [](const Migration& a, const Migration& b) { return a.version < b.version; });
  int expected = 1;
  std::vector<std::string> tables;
  for (std::size_t idx = 0; idx < all.size(); ++idx) {
    const Migration& migration = all[idx];
    if (idx > 0 && migration.version == all[idx - 1].version) {
      problems.push_back(fmt::format("{} and {} both have number {}; give the later one the next free number",
                                     all[idx - 1].source, migration.source, migration.version));
    } else if (migration.version != expected) {
      problems.push_back(fmt::format("{} has number {} but {} was expected: numbers run 1, 2, 3, ... across all "
                                     "capabilities with no gaps",
                                     migration.source, migration.version, expected));
    }
    expected = migration.version + 1;
    tables.insert(tables.end(), migration.tables.begin(), migration.tables.end());
    for (const std::string& table : migration.append_only) {
      if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
        problems.push_back(fmt::format("{}: append-only table {} does not exist at version {}", migration.source,
                                       table, migration.version));
      }
    }
  }
  if (!problems.empty()) throw std::logic_error("storage migrations: " + fmt::format("{}", fmt::join(problems, "; ")));
  return all;
}

}  // namespace

Result<Migration> parse_migration(std::string_view path, std::string_view text) {
  Migration migration;
  migration.source = std::string(path);
  migration.sql = std::string(text);
  const std::size_t slash = path.find_last_of('/');
  const std::string file(path.substr(slash == std::string_view::npos ? 0 : slash + 1));
  static const std::regex kFileName(R"(([0-9]{1,6})_[a-z0-9_]+\.sql)");
  std::smatch number;
  if (!std::regex_match(file, number, kFileName) || std::stoi(number[1].str()) == 0) {
    return fail(ErrorCode::kMalformed, std::string(path),
                fmt::format("the file name \"{}\" is not NNNN_words.sql: a number from 0001 up, then lower-case "
                            "words joined by _",
                            file));
  }
  migration.version = std::stoi(number[1].str());
  Result<Migration> headed = read_header(path, text, std::move(migration));
  if (!headed) return headed;
  migration = std::move(*headed);

  const std::string sql = without_comments(text);
  static const std::regex kPlaceholder(R"(\{([A-Za-z_]*)\})");
  for (auto found = std::sregex_iterator(sql.begin(), sql.end(), kPlaceholder); found != std::sregex_iterator();
       ++found) {
    if ((*found)[1].str() != "ID_PK") {
      return fail(ErrorCode::kMalformed, std::string(path),
                  fmt::format("unknown placeholder {}; the only one is {{ID_PK}} (an identity primary key)",
                              (*found)[0].str()));
    }
  }
  static const std::regex kCreateTable(R"(\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+))", std::regex::icase);
  static const std::regex kIdentity(R"((\w+)\s+\{ID_PK\})");
  for (auto found = std::sregex_iterator(sql.begin(), sql.end(), kCreateTable); found != std::sregex_iterator();
       ++found) {
    const std::string table = (*found)[1].str();
    if (!is_table_name(table)) {
      return fail(ErrorCode::kMalformed, std::string(path),
                  fmt::format("table name \"{}\" must be lower-case letters, digits and _", table));
    }
    migration.tables.push_back(table);
    // The table's definition runs to the end of its statement.
    const auto body_start = sql.begin() + found->position(0) + found->length(0);
    const auto body_end = sql.begin() + std::min(sql.size(), sql.find(';', body_start - sql.begin()));
    for (auto column = std::sregex_iterator(body_start, body_end, kIdentity); column != std::sregex_iterator();
         ++column) {
      migration.identities.push_back(IdentityColumn{table, (*column)[1].str()});
    }
  }
  return migration;
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = load_migrations();
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
  // The file may end in a comment without a newline; the triggers must not join it.
  if (!sql.empty() && sql.back() != '\n') sql += '\n';
  for (const std::string& table : migration.append_only) sql += append_only_sql(table, dialect);
  return sql;
}

std::vector<std::string> tables_at_version(int version) {
  std::vector<std::string> tables;
  for (const Migration& migration : migrations()) {
    if (migration.version > version) break;
    // A table rebuilt by a later migration (dropped and created again) counts once.
    for (const std::string& table : migration.tables) {
      if (std::find(tables.begin(), tables.end(), table) == tables.end()) tables.push_back(table);
    }
  }
  return tables;
}

std::vector<IdentityColumn> identity_columns_at_version(int version) {
  std::vector<IdentityColumn> columns;
  for (const Migration& migration : migrations()) {
    if (migration.version > version) break;
    columns.insert(columns.end(), migration.identities.begin(), migration.identities.end());
  }
  return columns;
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
