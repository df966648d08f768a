// Every write is one transaction; stores are shared by threads.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Access;
using app::Transaction;
using app::Unit;

class Transactions : public StoreTest {};

std::size_t agency_count(app::Store& store) {
  return ok(read(store, [](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })).size();
}

TEST_P(Transactions, ARefusalRollsBackEverything) {
  Result<Unit> outcome = store().run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    auto added = tx.get<app::AgencyRepository>().add(app::NewAgency{"derby-council", "Derby", app::AgencyKind::kCouncil}, t0());
    EXPECT_TRUE(added);
    return fail(ErrorCode::kConflict, "budget", "would overspend the pool");
  });
  ASSERT_EQ(refusal(outcome), ErrorCode::kConflict);
  EXPECT_EQ(outcome.error().front().message, "would overspend the pool");
  EXPECT_EQ(agency_count(store()), 0u);
}

TEST_P(Transactions, AnExceptionRollsBackAndPropagates) {
  EXPECT_THROW(store().run(Access::kWrite,
                           [&](Transaction& tx) -> Result<Unit> {
                             (void)tx.get<app::AgencyRepository>().add(app::NewAgency{"a", "A", app::AgencyKind::kCouncil}, t0());
                             throw std::logic_error("a bug");
                           }),
               std::logic_error);
  EXPECT_EQ(agency_count(store()), 0u);
  // The connection went back to the pool in a usable state.
  add_agency(store(), "derby-council");
  EXPECT_EQ(agency_count(store()), 1u);
}

TEST_P(Transactions, AReadTransactionCannotWrite) {
  auto attempt = read(store(), [&](Transaction& tx) {
    return tx.get<app::AgencyRepository>().add(app::NewAgency{"a", "A", app::AgencyKind::kCouncil}, t0());
  });
  EXPECT_EQ(refusal(attempt), ErrorCode::kInternal);
  EXPECT_EQ(agency_count(store()), 0u);
  add_agency(store(), "derby-council");
  EXPECT_EQ(agency_count(store()), 1u);
}

TEST_P(Transactions, ManyThreadsWriteWithoutLosingAnything) {
  constexpr int kThreads = 6;
  constexpr int kWritesEach = 20;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int write_idx = 0; write_idx < kWritesEach; ++write_idx) {
        // A read then a write in one transaction, the shape most use cases have.
        Result<Unit> outcome = store().run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
          auto before = tx.get<app::AuditRepository>().list(app::AuditQuery{});
          if (!before) return tl::unexpected<Issues>(before.error());
          auto added = tx.get<app::AuditRepository>().append(
              app::NewAuditEntry{{"user" + std::to_string(thread_idx), "a"}, "read", "person:1", ""}, t0());
          if (!added) return tl::unexpected<Issues>(added.error());
          return Unit{};
        });
        if (!outcome) {
          ++failures;
          ADD_FAILURE() << format_issues(outcome.error());
        }
        auto reading = read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); });
        if (!reading) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  app::AuditQuery all;
  all.limit = 1000;
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(all); })).size(),
            static_cast<std::size_t>(kThreads * kWritesEach));
}

TEST_P(Transactions, OptimisticConcurrencyLosesNoSaveUnderContention) {
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().save_draft("ras", "{\"id\":\"ras\"}", std::nullopt, "analyst", t0());
  }));
  constexpr int kThreads = 4;
  constexpr int kSavesEach = 10;
  std::atomic<int> conflicts{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&] {
      for (int save_idx = 0; save_idx < kSavesEach;) {
        // Read in one transaction, save in another, as a web form would.
        auto draft = read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get_draft("ras"); });
        if (!draft) {
          ++errors;
          return;
        }
        auto saved = write(store(), [&](Transaction& tx) {
          return tx.get<app::RulebookRepository>().save_draft("ras", draft->document, draft->row_version, "analyst", t0());
        });
        if (saved) {
          ++save_idx;
        } else if (saved.error().front().code == ErrorCode::kConflict) {
          ++conflicts;
        } else {
          ++errors;
          return;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  // Every successful save bumped the version exactly once: none overwrote another.
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get_draft("ras"); })).row_version,
            1 + kThreads * kSavesEach);
}

TEST_P(Transactions, ASingleConnectionStoreServesThreadsInTurn) {
  auto narrow = database_->open(0, 1);
  ASSERT_TRUE(narrow) << format_issues(narrow.error());
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 3; ++thread_idx) {
    threads.emplace_back([&, thread_idx] { add_agency(**narrow, "agency-" + std::to_string(thread_idx)); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(agency_count(**narrow), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Transactions, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
