// allot db backup|restore|check|migrate: keeping a database safe. Each command opens the
// database named by --database (an SQLite file, by default allot.sqlite, or a
// postgresql:// URL), which also upgrades an older schema in place.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "allot/app/journey/invariants.h"
#include "allot/cli/commands.h"
#include "allot/storage/open_store.h"

namespace allot::cli {
namespace {

struct DbOptions {
  std::string database = "allot.sqlite";
  std::string postgres_schema;
  std::string file;
};

bool is_postgres_url(const std::string& database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

// The database as it may be printed: a URL loses its password.
std::string printable(const std::string& database) {
  if (!is_postgres_url(database)) return database;
  const std::size_t scheme_end = database.find("://") + 3;
  const std::size_t at = database.find('@', scheme_end);
  const std::size_t colon = database.find(':', scheme_end);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return database;
  return database.substr(0, colon + 1) + "***" + database.substr(at);
}

// Refusals the user can fix (a wrong file, a newer database) exit 2; a database
// that cannot be reached or fails exits 1.
int exit_code_for(const Issues& issues) {
  for (const Issue& issue : issues) {
    if (issue.code == ErrorCode::kInternal) return kExitInternal;
  }
  return kExitInvalidInput;
}

void print_failure(const std::string& heading, const Issues& issues) {
  std::cerr << "allot db: " << heading << "\n";
  for (const Issue& issue : issues) {
    std::cerr << "error: " << (issue.path.empty() ? "" : issue.path + ": ") << issue.message << "\n";
  }
}

enum class Missing { kRefuse, kCreate };

std::unique_ptr<storage::AdminStore> open_or_report(const DbOptions& options, bool apply_migrations, Missing missing,
                                                    int& exit_code) {
  if (missing == Missing::kRefuse && !is_postgres_url(options.database) &&
      !std::filesystem::exists(options.database)) {
    print_failure("cannot open the database", {Issue{ErrorCode::kNotFound, options.database,
                                                     "no such database file; give --database PATH_OR_URL"}});
    exit_code = kExitInvalidInput;
    return nullptr;
  }
  storage::StoreOptions store_options;
  store_options.max_connections = 2;
  store_options.apply_migrations = apply_migrations;
  store_options.postgres_schema = options.postgres_schema;
  auto store = storage::open_store(options.database, store_options);
  if (!store) {
    print_failure("cannot open " + printable(options.database), store.error());
    exit_code = exit_code_for(store.error());
    return nullptr;
  }
  return std::move(*store);
}

void run_backup(const DbOptions& options, int& exit_code) {
  auto store = open_or_report(options, true, Missing::kRefuse, exit_code);
  if (!store) return;
  auto done = store->backup(options.file);
  if (!done) {
    print_failure("backup failed", done.error());
    exit_code = exit_code_for(done.error());
    return;
  }
  std::cout << fmt::format("backed up {} ({}, schema version {}) to {}\n", printable(options.database),
                           store->backend_name(), store->schema_version(), options.file);
  exit_code = kExitOk;
}

void run_restore(const DbOptions& options, int& exit_code) {
  // Restoring onto a new machine creates the SQLite file.
  auto store = open_or_report(options, true, Missing::kCreate, exit_code);
  if (!store) return;
  auto done = store->restore(options.file);
  if (!done) {
    print_failure("restore refused; the database is unchanged", done.error());
    exit_code = exit_code_for(done.error());
    return;
  }
  std::cout << fmt::format("restored {} into {} ({}, schema version {})\n", options.file,
                           printable(options.database), store->backend_name(), store->schema_version());
  exit_code = kExitOk;
}

void run_migrate(const DbOptions& options, int& exit_code) {
  auto store = open_or_report(options, true, Missing::kCreate, exit_code);
  if (!store) return;
  std::cout << fmt::format("{} ({}) is at schema version {}\n", printable(options.database), store->backend_name(),
                           store->schema_version());
  exit_code = kExitOk;
}

// The journey's invariants over every record (app/journey/invariants.h), one line
// per bad row: which record, where in it, and what is wrong.
bool check_invariants(storage::AdminStore& store) {
  Result<app::InvariantReport> invariants = app::check_journey_invariants(store);
  if (!invariants) {
    std::cout << "  journey invariants: could not be read\n";
    for (const Issue& issue : invariants.error()) {
      std::cout << "    " << (issue.path.empty() ? "" : issue.path + ": ") << issue.message << "\n";
    }
    return false;
  }
  if (invariants->findings.empty()) {
    std::cout << fmt::format("  journey invariants: ok ({} people, {} support plan versions)\n", invariants->people,
                             invariants->plan_versions);
    return true;
  }
  std::cout << fmt::format("  journey invariants: {} problems in {} people and {} support plan versions\n",
                           invariants->findings.size(), invariants->people, invariants->plan_versions);
  for (const app::InvariantFinding& finding : invariants->findings) {
    std::cout << "    " << finding.record << ": " << (finding.path.empty() ? "" : finding.path + ": ") << finding.message
              << "\n";
  }
  return false;
}

void run_check(const DbOptions& options, int& exit_code) {
  // Checking changes nothing: no migrations, so an old or new schema is reported.
  auto store = open_or_report(options, false, Missing::kRefuse, exit_code);
  if (!store) return;
  auto report = store->check();
  if (!report) {
    print_failure("check failed", report.error());
    exit_code = exit_code_for(report.error());
    return;
  }
  std::cout << fmt::format("{} ({})\n", printable(options.database), store->backend_name());
  for (const std::string& line : report->lines) std::cout << "  " << line << "\n";
  bool ok = report->ok;
  // The domain's invariants need the tables this program knows; an older or newer
  // schema was reported above.
  if (store->schema_version() == storage::program_schema_version()) {
    ok = check_invariants(*store) && ok;
  } else {
    std::cout << "  journey invariants: not checked (the schema is not this program's)\n";
  }
  std::cout << (ok ? "ok\n" : "PROBLEMS FOUND\n");
  exit_code = ok ? kExitOk : kExitInternal;
}

}  // namespace

void add_db_commands(CLI::App& app, int& exit_code) {
  CLI::App* db = app.add_subcommand("db", "Back up, restore and check the database");
  db->require_subcommand(1);
  auto options = std::make_shared<DbOptions>();
  auto add_database_option = [&](CLI::App* command) {
    command->add_option("--database", options->database,
                        "SQLite file (default allot.sqlite) or postgresql:// URL");
    // The same schema the server was given (ALLOT_POSTGRES_SCHEMA), so its database can be kept safe.
    command->add_option("--postgres-schema", options->postgres_schema,
                        "PostgreSQL only: the schema Allot's tables are in (default: the search path)")
        ->envname("ALLOT_POSTGRES_SCHEMA");
  };

  CLI::App* backup = db->add_subcommand(
      "backup", "Write a consistent copy of the database to FILE while it stays in use (SQLite: a database "
                "file; PostgreSQL: a JSON export of Allot's tables)");
  backup->add_option("FILE", options->file, "where to write the backup")->required();
  add_database_option(backup);
  backup->callback([options, &exit_code] { run_backup(*options, exit_code); });

  CLI::App* restore = db->add_subcommand(
      "restore", "Replace the whole database with a backup made by `allot db backup` (upgraded if older)");
  restore->add_option("FILE", options->file, "the backup to restore")->required()->check(CLI::ExistingFile);
  add_database_option(restore);
  restore->callback([options, &exit_code] { run_restore(*options, exit_code); });

  CLI::App* migrate = db->add_subcommand(
      "migrate", "Create the database if it is missing and upgrade its schema to this program's version (every "
                 "command and the server also do this when they open it)");
  add_database_option(migrate);
  migrate->callback([options, &exit_code] { run_migrate(*options, exit_code); });

  CLI::App* check = db->add_subcommand(
      "check", "Check integrity (SQLite integrity and foreign keys), the schema version, that every table exists, "
               "and the journey's invariants (no negative or overflowing amounts, splits that sum to their totals, "
               "every agreed budget backed by a plan version)");
  add_database_option(check);
  check->callback([options, &exit_code] { run_check(*options, exit_code); });
}

}  // namespace allot::cli
