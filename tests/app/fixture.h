#pragma once
// App services are tested against a real store (SQLite in a temporary folder);
// the storage suite covers both backends underneath them.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include "allot/app/shared/clock.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/storage/open_store.h"

namespace allot::app::testing {

using namespace std::chrono_literals;

inline Timestamp t0() {
  return Timestamp{std::chrono::sys_days{std::chrono::year{2026} / std::chrono::April / 1}} + 9h;
}

template <typename T>
T ok(Result<T> result) {
  if (!result) throw std::runtime_error("unexpected refusal: " + format_issues(result.error()));
  return std::move(*result);
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    folder_ = std::filesystem::temp_directory_path() /
              ("allot-app-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(folder_);
    auto opened = storage::open_store((folder_ / "allot.sqlite").string());
    ASSERT_TRUE(opened) << format_issues(opened.error());
    store_ = std::move(*opened);
  }
  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  Store& store() { return *store_; }

  std::vector<AuditEntry> audit_entries() {
    return ok(in_transaction(store(), Access::kRead, [](Transaction& tx) { return tx.get<app::AuditRepository>().list(AuditQuery{}); }));
  }

  FixedClock clock_{t0()};
  std::filesystem::path folder_;
  std::unique_ptr<storage::AdminStore> store_;
};

}  // namespace allot::app::testing
