// The audit log's repository on every backend.
#include <gtest/gtest.h>

#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class AuditLogRepository : public StoreTest {};

TEST_P(AuditLogRepository, AuditLogIsAppendOnlyAndFilterable) {
  const app::Actor assessor{"assessor", "derby-council"};
  const app::Actor manager{"manager", "derby-council"};
  std::vector<app::AuditEntry> entries;
  for (int idx = 0; idx < 5; ++idx) {
    const app::Actor& who = idx % 2 == 0 ? assessor : manager;
    entries.push_back(ok(write(store(), [&](Transaction& tx) {
      return tx.get<app::AuditRepository>().append(
          app::NewAuditEntry{who, "read", "person:" + std::to_string(idx % 3), "step " + std::to_string(idx)},
          t0() + std::chrono::minutes(idx));
    })));
  }
  EXPECT_EQ(entries[3].at, t0() + 3min);
  EXPECT_EQ(entries[3].agency, "derby-council");

  auto all = ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(app::AuditQuery{}); }));
  EXPECT_EQ(all, (std::vector<app::AuditEntry>{entries[4], entries[3], entries[2], entries[1], entries[0]}));

  app::AuditQuery by_subject;
  by_subject.subject = "person:0";
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(by_subject); })),
            (std::vector<app::AuditEntry>{entries[3], entries[0]}));

  app::AuditQuery window;
  window.actor = "assessor";
  window.since = t0() + 1min;
  window.until = t0() + 4min;
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(window); })),
            (std::vector<app::AuditEntry>{entries[2]}));

  app::AuditQuery page;
  page.limit = 2;
  page.before_id = entries[3].id;
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(page); })),
            (std::vector<app::AuditEntry>{entries[2], entries[1]}));

  EXPECT_EQ(refusal(store().execute_sql("UPDATE audit_log SET detail = 'rewritten'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM audit_log")), ErrorCode::kInternal);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(app::AuditQuery{}); })), all);
}

TEST_P(AuditLogRepository, TimestampsKeepMilliseconds) {
  const app::Timestamp at = t0() + 1234ms;
  auto entry = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::AuditRepository>().append(app::NewAuditEntry{{"a", "b"}, "read", "person:1", ""}, at);
  }));
  auto listed = ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(app::AuditQuery{}); }));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at, at);
  EXPECT_EQ(entry.at, at);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogRepository, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(AuditStorage, RegistersTheAuditLogRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::AuditRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
