#pragma once
// What the fault tests share (kill_restart_test, concurrent_writes_test,
// backup_restore_test): a database to run against (a SQLite file, or a schema of
// its own on the PostgreSQL server in ALLOT_TEST_POSTGRES_URL), calls as a
// signed-in user, a budget to post payments to, and `allot db check`.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "server_process.h"

namespace allot::api::test {

enum class Backend { kSqlite, kPostgres };

// Where a fault test keeps its data. For PostgreSQL, nothing when
// ALLOT_TEST_POSTGRES_URL is unset (the caller skips, or fails under CI).
struct FaultDatabase {
  Backend backend = Backend::kSqlite;
  std::string folder;    // a temporary folder of the test's own (removed at the end)
  std::string database;  // the SQLite file or the PostgreSQL URL
  std::string schema;    // PostgreSQL: ALLOT_POSTGRES_SCHEMA
  ~FaultDatabase();
  static std::unique_ptr<FaultDatabase> make(Backend backend, const std::string& name);
  std::unique_ptr<ServerProcess> start_server(bool demo) const;
  // Runs `allot db <command> ARGS --database ...` and returns its exit code, with
  // its output in `output`.
  int run_db_command(const std::string& command, const std::string& args, std::string& output) const;
};

// The reason to skip a PostgreSQL case, or fail it under CI; empty when it may run.
std::string postgres_unavailable();

ClientResponse call_as(const ServerProcess& server, const SignedInUser& user, const std::string& method,
                       const std::string& target, const nlohmann::json& body = nullptr);

// Adds a fund and a pooled budget for 2026/27 with one line "care" of £1,000,000
// (as finance_officer) and returns the budget's id.
std::int64_t add_test_budget(const ServerProcess& server, const SignedInUser& finance, const std::string& code);

// The details of a test person (Margaret's from docs/api.md, another name).
nlohmann::json test_person_body(const std::string& given_name);

// A person's record with the given name (as assessor); returns its id.
std::int64_t add_test_person(const ServerProcess& server, const SignedInUser& assessor, const std::string& given_name,
                             int* status = nullptr);

// The payments of a budget by reference (at most the latest 200 are listed).
std::multimap<std::string, nlohmann::json> payments_by_reference(const ServerProcess& server,
                                                                 const SignedInUser& finance, std::int64_t budget);

}  // namespace allot::api::test
