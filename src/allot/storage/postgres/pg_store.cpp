#include "allot/storage/postgres/pg_store.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/storage/postgres/pg_connection.h"
#include "allot/storage/shared/migrations.h"
#include "allot/storage/shared/sql_store.h"

namespace allot::storage {

namespace {

using nlohmann::json;

constexpr const char* kBackupFormat = "allot-postgresql-backup";
constexpr int kBackupFormatVersion = 1;
// Rows per INSERT when restoring: one round trip per batch instead of per row.
constexpr std::size_t kRestoreBatch = 200;

json to_json(const SqlValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return nullptr;
}

SqlValue from_json(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return SqlNull{};
  throw std::invalid_argument("values must be integers, strings or null; found " + value.dump());
}

// The identity column of `table`, if it has one: after a restore the identity
// must continue after the highest restored id.
std::optional<std::string> identity_column(const std::string& table) {
  for (const IdentityColumn& identity : identity_columns_at_version(latest_schema_version())) {
    if (identity.table == table) return identity.column;
  }
  return std::nullopt;
}

class PgStore final : public SqlStore {
 public:
  PgStore(const std::string& url, const std::string& schema, std::size_t max_connections)
      : SqlStore([url, schema] { return PgConnection::open(url, schema); }, max_connections, Dialect::kPostgres) {}

  std::string backend_name() const override { return "postgresql"; }

  Result<int> open(const StoreOptions& options) {
    return options.apply_migrations ? migrate_to(options.migrate_to_version) : read_version_only();
  }

  // A JSON document: {"format", "format_version", "schema_version", "tables":
  // {"agencies": {"columns": [...], "rows": [[...], ...]}, ...}}, read inside one
  // REPEATABLE READ transaction so every table comes from the same snapshot.
  Result<app::Unit> backup(const std::string& path) override {
    json document;
    try {
      Lease lease = acquire();
      lease->execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const int version = read_schema_version(*lease);
        document["format"] = kBackupFormat;
        document["format_version"] = kBackupFormatVersion;
        document["schema_version"] = version;
        json tables = json::object();
        for (const std::string& table : tables_at_version(version)) {
          SqlResult rows = lease->query(fmt::format("SELECT * FROM {} ORDER BY 1", table));
          json out_rows = json::array();
          for (const auto& row : rows.rows) {
            json out_row = json::array();
            for (const SqlValue& value : row) out_row.push_back(to_json(value));
            out_rows.push_back(std::move(out_row));
          }
          tables[table] = json{{"columns", rows.columns}, {"rows", std::move(out_rows)}};
        }
        document["tables"] = std::move(tables);
        lease->execute_script("COMMIT");
      } catch (const SqlError&) {
        lease->execute_script("ROLLBACK");
        throw;
      }
    } catch (const SqlError& error) {
      return database_failure(error.what());
    }
    const std::string partial = path + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << document.dump() << '\n';
      out.close();
      if (!out) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return database_failure("cannot write the backup " + path);
      }
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) return database_failure(fmt::format("cannot write the backup {}: {}", path, error.message()));
    return app::Unit{};
  }

  // Drops Allot's tables, recreates them at the backup's schema version, loads
  // the rows, then migrates to the program's version: all in one transaction, so
  // other connections see the old database until the new one is complete.
  Result<app::Unit> restore(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::kNotFound, path, "cannot read the backup file");
    std::stringstream text;
    text << in.rdbuf();
    json document = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object() || document.value("format", "") != kBackupFormat) {
      return fail(ErrorCode::kMalformed, path, "is not an Allot PostgreSQL backup (a JSON file made by allot db backup)");
    }
    if (document.value("format_version", 0) != kBackupFormatVersion || !document["schema_version"].is_number_integer() ||
        !document["tables"].is_object()) {
      return fail(ErrorCode::kMalformed, path, "has an unknown backup format version or no tables");
    }
    const int version = document["schema_version"].get<int>();
    if (version > latest_schema_version()) return fail({newer_schema_issue(version, latest_schema_version())});
    if (version < 1) return fail(ErrorCode::kMalformed, path, "names schema version " + std::to_string(version));
    const std::vector<std::string> known = tables_at_version(version);
    for (const auto& [table, content] : document["tables"].items()) {
      if (std::find(known.begin(), known.end(), table) == known.end()) {
        return fail(ErrorCode::kMalformed, path + ": tables." + table,
                    fmt::format("is not a table of schema version {}", version));
      }
      if (!content.is_object() || !content["columns"].is_array() || !content["rows"].is_array()) {
        return fail(ErrorCode::kMalformed, path + ": tables." + table, "needs \"columns\" and \"rows\" arrays");
      }
      for (const json& column : content["columns"]) {
        if (!column.is_string() || !is_plain_identifier(column.get<std::string>())) {
          return fail(ErrorCode::kMalformed, path + ": tables." + table + ".columns",
                      "column names must be lower-case identifiers; found " + column.dump());
        }
      }
    }

    try {
      Lease lease = acquire();
      SqlConnection& db = *lease;
      db.execute_script("BEGIN");
      try {
        db.query("SELECT pg_advisory_xact_lock(hashtext('allot-migrate:' || current_schema()))");
        std::string drop = "DROP TABLE IF EXISTS schema_migrations";
        for (const std::string& table : tables_at_version(latest_schema_version())) drop += ", " + table;
        db.execute_script(drop + " CASCADE; DROP FUNCTION IF EXISTS allot_refuse_change() CASCADE");
        apply_migrations_in_transaction(db, version, now_for_records());
        for (const std::string& table : known) {
          if (!document["tables"].contains(table)) continue;
          load_table(db, table, document["tables"][table]);
        }
        apply_migrations_in_transaction(db, latest_schema_version(), now_for_records());
        db.execute_script("COMMIT");
      } catch (...) {
        try {
          db.execute_script("ROLLBACK");
        } catch (const SqlError&) {
          // The first error says what went wrong.
        }
        throw;
      }
      schema_version_.store(latest_schema_version());
      return app::Unit{};
    } catch (const SqlError& error) {
      return database_failure(fmt::format("restoring {}: {}", path, error.what()));
    } catch (const std::invalid_argument& error) {
      return fail(ErrorCode::kMalformed, path, error.what());
    }
  }

  Result<CheckReport> check() override {
    try {
      Lease lease = acquire();
      CheckReport report;
      report.ok = true;
      SqlResult server = lease->query("SELECT current_database(), current_schema(), version()");
      report.lines.push_back(fmt::format("database {} schema {}", server.text(0, 0), server.text(0, 1)));
      check_schema(*lease, report);
      return report;
    } catch (const SqlError& error) {
      return database_failure(error.what());
    }
  }

 private:
  static void load_table(SqlConnection& db, const std::string& table, const json& content) {
    std::vector<std::string> columns = content["columns"].get<std::vector<std::string>>();
    const json& rows = content["rows"];
    if (columns.empty() || rows.empty()) return;
    const std::string column_list = fmt::format("{}", fmt::join(columns, ", "));
    for (std::size_t start = 0; start < rows.size(); start += kRestoreBatch) {
      const std::size_t end = std::min(rows.size(), start + kRestoreBatch);
      std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ", table, column_list);
      std::vector<SqlValue> params;
      for (std::size_t row_idx = start; row_idx < end; ++row_idx) {
        const json& row = rows[row_idx];
        if (!row.is_array() || row.size() != columns.size()) {
          throw std::invalid_argument(fmt::format("tables.{}.rows[{}]: expected {} values", table, row_idx, columns.size()));
        }
        sql += row_idx == start ? "(" : ", (";
        for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
          params.push_back(from_json(row[column_idx]));
          sql += fmt::format("{}${}", column_idx == 0 ? "" : ", ", params.size());
        }
        sql += ")";
      }
      db.query(sql, params);
    }
    if (const std::optional<std::string> column = identity_column(table)) {
      db.query(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', '{1}'), COALESCE(MAX({1}), 0) + 1, false) "
                           "FROM {0}",
                           table, *column));
    }
  }
};

}  // namespace

Result<std::unique_ptr<AdminStore>> open_postgres_store(const std::string& url, const StoreOptions& options) {
  if (!options.postgres_schema.empty() && !is_plain_identifier(options.postgres_schema)) {
    return fail(ErrorCode::kInvalidValue, "schema", "must be lower-case letters, digits and _; found \"" +
                                                        options.postgres_schema + "\"");
  }
  auto store = std::make_unique<PgStore>(url, options.postgres_schema, options.max_connections);
  Result<int> version = store->open(options);
  if (!version) return tl::unexpected<Issues>(version.error());
  return std::unique_ptr<AdminStore>(std::move(store));
}

}  // namespace allot::storage
