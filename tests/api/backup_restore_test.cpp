// Backup while the server runs and clients write, then restore: the database is
// exactly as it was at the backup (what came after is gone, what came before is
// there with its payments and totals), `allot db check` passes, and a backup made
// by a newer Allot (a schema version this program does not know) is refused with
// both versions named and the database unchanged. On SQLite and PostgreSQL.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "fault_support.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class BackupRestore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      if (const std::string why = postgres_unavailable(); !why.empty()) {
        if (std::getenv("CI") != nullptr) FAIL() << "CI is set but " << why;
        GTEST_SKIP() << why;
      }
    }
    database_ = FaultDatabase::make(GetParam(), "backup");
  }
  int person_status(const ServerProcess& server, const SignedInUser& user, std::int64_t id) {
    return call_as(server, user, "GET", "/api/v1/people/" + std::to_string(id)).status;
  }
  // Whether the record exists: a record the user may not see and one that does not
  // exist both answer 403 when opened, so this searches the test people instead.
  bool listed(const ServerProcess& server, const SignedInUser& user, std::int64_t id) {
    const Json found = call_as(server, user, "GET", "/api/v1/people?q=Test&limit=200").json();
    for (const Json& person : found["people"]) {
      if (person["id"] == id) return true;
    }
    return false;
  }
  std::unique_ptr<FaultDatabase> database_;
};

// A copy of `backup` that claims a schema version newer than this program's.
std::string newer_backup(Backend backend, const std::string& backup) {
  const std::string newer = backup + ".newer";
  if (backend == Backend::kSqlite) {
    std::filesystem::copy_file(backup, newer);
    const std::string command = "sqlite3 '" + newer +
                                "' \"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from a newer "
                                "Allot', '2027-01-01T00:00:00Z')\"";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("cannot run " + command);
  } else {
    std::ifstream in(backup);
    Json document = Json::parse(in);
    document["schema_version"] = 9999;
    std::ofstream(newer) << document.dump();
  }
  return newer;
}

TEST_P(BackupRestore, RoundTripWithARunningServerAndANewerBackupRefused) {
  auto server = database_->start_server(true);
  SignedInUser assessor = sign_in(*server, "assessor");
  SignedInUser finance = sign_in(*server, "finance_officer");
  const std::int64_t before = add_test_person(*server, assessor, "Before");
  ASSERT_GT(before, 0);
  const std::int64_t budget = add_test_budget(*server, finance, "BACKUP-TEST");
  ASSERT_EQ(call_as(*server, finance, "POST", "/api/v1/budgets/" + std::to_string(budget) + "/payments",
                    {{"date", "2026-05-01"}, {"payee", "Care"}, {"amount_pence", 12'345}, {"budget_line", "care"},
                     {"reference", "BEFORE-1"}})
                .status,
            201);

  // The backup is taken while another client keeps writing.
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    for (int n = 0; !stop; ++n) {
      if (add_test_person(*server, assessor, "During" + std::to_string(n)) > 0) ++written;
    }
  });
  const std::string backup = database_->folder + "/backup.allot";
  std::string output;
  const int backed_up = database_->run_db_command("backup", "'" + backup + "'", output);
  stop = true;
  writer.join();
  ASSERT_EQ(backed_up, 0) << output;
  EXPECT_GT(written, 0) << "no write happened during the backup";

  const std::int64_t after = add_test_person(*server, assessor, "After");
  ASSERT_GT(after, 0);
  ASSERT_EQ(call_as(*server, finance, "POST", "/api/v1/budgets/" + std::to_string(budget) + "/payments",
                    {{"date", "2026-05-02"}, {"payee", "Care"}, {"amount_pence", 500}, {"budget_line", "care"},
                     {"reference", "AFTER-1"}})
                .status,
            201);
  ASSERT_EQ(server->stop(SIGTERM), 0);

  ASSERT_EQ(database_->run_db_command("restore", "'" + backup + "'", output), 0) << output;
  ASSERT_EQ(database_->run_db_command("check", "", output), 0) << output;

  server = database_->start_server(false);
  assessor = sign_in(*server, "assessor");
  finance = sign_in(*server, "finance_officer");
  EXPECT_EQ(person_status(*server, assessor, before), 200);
  EXPECT_TRUE(listed(*server, assessor, before));
  EXPECT_FALSE(listed(*server, assessor, after)) << "a record made after the backup survived the restore";
  EXPECT_EQ(person_status(*server, assessor, after), 403);
  const auto payments = payments_by_reference(*server, finance, budget);
  EXPECT_EQ(payments.count("BEFORE-1"), 1u);
  EXPECT_EQ(payments.count("AFTER-1"), 0u);
  const Json monitoring =
      call_as(*server, finance, "GET", "/api/v1/budgets/" + std::to_string(budget) + "/monitoring").json();
  EXPECT_EQ(monitoring["total"]["actual_pence"], 12'345);
  // The restored database takes new writes; identities continue after the restored ones.
  const std::int64_t later = add_test_person(*server, assessor, "Later");
  EXPECT_GT(later, before);
  ASSERT_EQ(server->stop(SIGTERM), 0);

  // A backup from a newer Allot: refused, naming both versions, database unchanged.
  const std::string newer = newer_backup(GetParam(), backup);
  const int refused = database_->run_db_command("restore", "'" + newer + "'", output);
  EXPECT_NE(refused, 0) << output;
  EXPECT_NE(output.find("restore refused; the database is unchanged"), std::string::npos) << output;
  EXPECT_NE(output.find("schema version 9999"), std::string::npos) << output;
  EXPECT_NE(output.find("this program knows only up to version"), std::string::npos) << output;
  ASSERT_EQ(database_->run_db_command("check", "", output), 0) << output;
  server = database_->start_server(false);
  assessor = sign_in(*server, "assessor");
  EXPECT_EQ(person_status(*server, assessor, later), 200);
  EXPECT_EQ(person_status(*server, assessor, before), 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupRestore, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace allot::api::test
