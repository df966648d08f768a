#pragma once
// The storage suite runs every test on every backend. A backend hands out fresh,
// empty databases: SQLite in a temporary folder, PostgreSQL in a schema of its own
// on the server named by ALLOT_TEST_POSTGRES_URL.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "allot/storage/open_store.h"
#include "allot/storage/postgres/pg_connection.h"

namespace allot::storage::testing {

enum class BackendKind { kSqlite, kPostgres };

inline std::string backend_label(const ::testing::TestParamInfo<BackendKind>& info) {
  return info.param == BackendKind::kSqlite ? "SQLite" : "PostgreSQL";
}

// One database location: opening it twice opens the same database.
class TestDatabase {
 public:
  explicit TestDatabase(BackendKind kind) : kind_(kind) {
    static std::atomic<int> counter{0};
    const int number = counter++;
    if (kind_ == BackendKind::kSqlite) {
      folder_ = std::filesystem::temp_directory_path() /
                ("allot-storage-test-" + std::to_string(::getpid()) + "-" + std::to_string(number));
      std::filesystem::create_directories(folder_);
      location_ = (folder_ / "allot.sqlite").string();
    } else {
      const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
      location_ = url ? url : "";
      schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(number);
    }
  }
  ~TestDatabase() {
    if (kind_ == BackendKind::kSqlite) {
      std::error_code ignored;
      std::filesystem::remove_all(folder_, ignored);
    } else if (!location_.empty()) {
      try {
        PgConnection::open(location_, "")->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      } catch (const SqlError& error) {
        ADD_FAILURE() << "cannot drop the test schema " << schema_ << ": " << error.what();
      }
    }
  }

  // Opens the database (running migrations up to `version`, 0 meaning all).
  Result<std::unique_ptr<AdminStore>> open(int version = 0, std::size_t max_connections = 8) const {
    StoreOptions options;
    options.migrate_to_version = version;
    options.max_connections = max_connections;
    options.postgres_schema = schema_;
    return open_store(location_, options);
  }

  std::filesystem::path scratch(const std::string& name) const {
    if (kind_ == BackendKind::kSqlite) return folder_ / name;
    return std::filesystem::temp_directory_path() / (schema_ + "-" + name);
  }

  const std::string& location() const { return location_; }

 private:
  BackendKind kind_;
  std::filesystem::path folder_;
  std::string location_;
  std::string schema_;
};

class StoreTest : public ::testing::TestWithParam<BackendKind> {
 protected:
  void SetUp() override {
    // A PostgreSQL test is never silently skipped in CI.
    if (GetParam() == BackendKind::kPostgres && std::getenv("ALLOT_TEST_POSTGRES_URL") == nullptr) {
      if (std::getenv("CI") != nullptr) {
        GTEST_FAIL() << "ALLOT_TEST_POSTGRES_URL is not set but CI is: the PostgreSQL storage tests must run in CI "
                        "(scripts/test starts a throwaway server and sets it)";
      }
      GTEST_SKIP() << "set ALLOT_TEST_POSTGRES_URL to run the PostgreSQL storage tests";
    }
    database_ = std::make_unique<TestDatabase>(GetParam());
    auto opened = database_->open();
    ASSERT_TRUE(opened) << format_issues(opened.error());
    store_ = std::move(*opened);
  }

  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  AdminStore& store() { return *store_; }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<AdminStore> store_;
};

}  // namespace allot::storage::testing
