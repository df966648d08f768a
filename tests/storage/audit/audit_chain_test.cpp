// The audit log's hash chain on every backend: entries verify, and an entry
// changed, removed or moved with SQL (after dropping the append-only triggers, as
// someone with the database file or a superuser could) is found by verify() and by
// the store's check (allot db check).
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "allot/storage/audit/audit_storage.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class AuditChain : public StoreTest {
 protected:
  std::vector<app::AuditEntry> append_entries(int count) {
    std::vector<app::AuditEntry> entries;
    for (int idx = 0; idx < count; ++idx) {
      entries.push_back(ok(write(store(), [&](Transaction& tx) {
        return tx.get<app::AuditRepository>().append(
            app::NewAuditEntry{{"assessor", "derby-council"}, "read", "person:" + std::to_string(idx), "record"},
            t0() + std::chrono::seconds(idx));
      })));
    }
    return entries;
  }

  app::AuditChainReport verify() {
    return ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().verify(); }));
  }

  // What someone with direct access to the database can do: drop the triggers
  // that make the log append-only.
  void drop_append_only_triggers() {
    if (GetParam() == BackendKind::kSqlite) {
      ok(store().execute_sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete"));
    } else {
      ok(store().execute_sql("DROP TRIGGER audit_log_append_only ON audit_log"));
    }
  }

  bool check_reports_broken_chain() {
    CheckReport report = ok(store().check());
    const bool broken_line = std::any_of(report.lines.begin(), report.lines.end(), [](const std::string& line) {
      return line.rfind("audit chain: BROKEN", 0) == 0;
    });
    return !report.ok && broken_line;
  }
};

TEST_P(AuditChain, EntriesAreChainedInOrderAndVerify) {
  const auto entries = append_entries(5);
  for (std::size_t idx = 0; idx < entries.size(); ++idx) {
    EXPECT_EQ(entries[idx].seq, static_cast<std::int64_t>(idx) + 1);
    EXPECT_EQ(entries[idx].hash.size(), 64u);
    EXPECT_EQ(entries[idx].hash, app::audit_entry_hash(idx == 0 ? "" : entries[idx - 1].hash, entries[idx]));
  }
  const app::AuditChainReport report = verify();
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.entries, 5);
  EXPECT_EQ(report.head_seq, 5);
  EXPECT_EQ(report.head_hash, entries.back().hash);
  CheckReport check = ok(store().check());
  EXPECT_TRUE(check.ok);
  EXPECT_TRUE(std::any_of(check.lines.begin(), check.lines.end(), [](const std::string& line) {
    return line.rfind("audit chain: 5 entries verified", 0) == 0;
  }));
}

TEST_P(AuditChain, AnEmptyLogVerifies) {
  const app::AuditChainReport report = verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 0);
  EXPECT_TRUE(ok(store().check()).ok);
}

TEST_P(AuditChain, AChangedEntryIsFound) {
  const auto entries = append_entries(5);
  drop_append_only_triggers();
  ok(store().execute_sql("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 3"));
  const app::AuditChainReport report = verify();
  EXPECT_FALSE(report.ok);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("entry id " + std::to_string(entries[2].id) + " (seq 3)"), std::string::npos)
      << report.problems.front();
  EXPECT_TRUE(check_reports_broken_chain());
}

TEST_P(AuditChain, AChangedTimeOrUserIsFound) {
  append_entries(3);
  drop_append_only_triggers();
  ok(store().execute_sql("UPDATE audit_log SET actor = 'someone_else' WHERE seq = 1"));
  EXPECT_FALSE(verify().ok);
}

TEST_P(AuditChain, ARemovedEntryIsFound) {
  append_entries(5);
  drop_append_only_triggers();
  ok(store().execute_sql("DELETE FROM audit_log WHERE seq = 2"));
  const app::AuditChainReport report = verify();
  EXPECT_FALSE(report.ok);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("entries 2 to 2 of the chain are missing"), std::string::npos)
      << report.problems.front();
  EXPECT_TRUE(check_reports_broken_chain());
}

TEST_P(AuditChain, TheLastEntryRemovedIsFound) {
  append_entries(4);
  drop_append_only_triggers();
  ok(store().execute_sql("DELETE FROM audit_log WHERE seq = 4"));
  const app::AuditChainReport report = verify();
  EXPECT_FALSE(report.ok);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("entries at the end were removed"), std::string::npos) << report.problems.front();
}

TEST_P(AuditChain, ReorderedEntriesAreFound) {
  append_entries(4);
  drop_append_only_triggers();
  ok(store().execute_sql(
      "UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
      "UPDATE audit_log SET seq = 3 WHERE seq = -2"));
  EXPECT_FALSE(verify().ok);
  EXPECT_TRUE(check_reports_broken_chain());
}

TEST_P(AuditChain, AnEntryAddedOutsideTheChainIsFound) {
  append_entries(2);
  ok(store().execute_sql("INSERT INTO audit_log (at, actor, agency, action, subject, detail) "
                         "VALUES ('2026-04-01T09:30:00.000Z', 'ghost', 'x', 'read', 'person:1', '')"));
  const app::AuditChainReport report = verify();
  EXPECT_FALSE(report.ok);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("has no place in the chain"), std::string::npos) << report.problems.front();
}

TEST_P(AuditChain, BatchesJoinTheSameChainAndSearchesFindTheirPeople) {
  append_entries(2);
  std::vector<std::pair<app::NewAuditEntry, app::Timestamp>> batch;
  for (int idx = 0; idx < 3; ++idx) {
    batch.emplace_back(app::NewAuditEntry{{"analyst", "derby-council"}, "search", "people", "list text=\"smith\"",
                                          "analyst", app::people_text({7, 40 + idx}), ""},
                       t0() + std::chrono::minutes(idx));
  }
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().append_all(batch); }));
  append_entries(1);
  const app::AuditChainReport report = verify();
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.entries, 6);

  app::AuditQuery by_person;
  by_person.person = 41;
  auto found = ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(by_person); }));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].people, ",7,41,");
  EXPECT_EQ(found[0].roles, "analyst");
  by_person.person = 7;
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(by_person); })).size(),
            3u);
  by_person.person = 0;  // subject person:0, from append_entries
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(by_person); })).size(),
            2u);
}

TEST_P(AuditChain, WritersOnManyThreadsKeepOneChain) {
  constexpr int kThreads = 4;
  constexpr int kEach = 15;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int idx = 0; idx < kEach; ++idx) {
        auto added = write(store(), [&](Transaction& tx) {
          return tx.get<app::AuditRepository>().append(
              app::NewAuditEntry{{"user" + std::to_string(thread_idx), "a"}, "read", "person:1", ""}, t0());
        });
        if (!added) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  const app::AuditChainReport report = verify();
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.entries, kThreads * kEach);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
