// The RAS's repositories (published rulebook versions, drafts, scores) on every
// backend.
#include <gtest/gtest.h>

#include "allot/app/shared/concurrency.h"
#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class RasRepositories : public StoreTest {};

TEST_P(RasRepositories, PublishedRulebookVersionsAreImmutable) {
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("ras", 1)); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("ras", 2)); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("carers", 1)); }));

  app::RulebookVersion changed = rulebook("ras", 1);
  changed.title = "Quietly changed";
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(changed); })),
            ErrorCode::kConflict);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get("ras", 1); })), rulebook("ras", 1));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().latest("ras"); })).version, 2);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get("ras", 3); })), ErrorCode::kNotFound);
  auto all = ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().list_versions(); }));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].rulebook_id, "carers");
  EXPECT_EQ(all[2].version, 2);

  // The database itself refuses to rewrite a published version.
  EXPECT_EQ(refusal(store().execute_sql("UPDATE rulebook_versions SET title = 'x'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM rulebook_versions")), ErrorCode::kInternal);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get("ras", 2); })).title, "Rulebook ras");
}

TEST_P(RasRepositories, DraftsRefuseStaleSaves) {
  auto created = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().save_draft("ras", "{\"id\":\"ras\"}", std::nullopt, "analyst", t0());
  }));
  EXPECT_EQ(created.row_version, 1);
  auto again = write(store(), [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().save_draft("ras", "{}", std::nullopt, "analyst", t0());
  });
  EXPECT_EQ(refusal(again), ErrorCode::kConflict);

  auto saved = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().save_draft("ras", "{\"id\":\"ras\",\"title\":\"v2\"}", 1, "kim", t0() + 1min);
  }));
  EXPECT_EQ(saved.row_version, 2);
  EXPECT_EQ(saved.updated_by, "kim");

  // A second editor who read version 1 must not overwrite the first editor's save.
  auto stale = write(store(), [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().save_draft("ras", "{\"id\":\"ras\",\"title\":\"lost\"}", 1, "sam", t0() + 2min);
  });
  ASSERT_EQ(refusal(stale), ErrorCode::kConflict);
  EXPECT_EQ(stale.error().front(), app::stale_version_issue("rulebook_drafts/ras", 1, 2));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get_draft("ras"); })), saved);

  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().discard_draft("ras", 1); })),
            ErrorCode::kConflict);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().discard_draft("ras", 2); }));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::RulebookRepository>().save_draft("ras", "{}", 2, "sam", t0());
            })),
            ErrorCode::kNotFound);
}

TEST_P(RasRepositories, ScoresNameThePublishedVersionTheyUsed) {
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("ras", 1)); }));
  // Larger than 32 bits: money is 64-bit pence everywhere.
  const Money annual = Money::from_pence(9'007'199'254'740'993);
  app::NewScore score{"ras", 1, "{\"mobility\":\"some\"}", "{\"total_points\":12}", annual};
  auto first = ok(write(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().add(score, "public", t0()); }));
  auto second = ok(write(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().add(score, "assessor", t0() + 1s); }));
  EXPECT_EQ(first.annual, annual);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().get(first.id); })), first);
  auto listed = ok(read(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().list_for_rulebook("ras", 1, 10); }));
  EXPECT_EQ(listed, (std::vector<app::ScoreRecord>{second, first}));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().list_for_rulebook("ras", std::nullopt, 1); }))
                .size(),
            1u);

  app::NewScore unknown = score;
  unknown.rulebook_version = 7;
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::ScoreRepository>().add(unknown, "public", t0()); })),
            ErrorCode::kUnknownReference);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE scores SET annual_pence = 0")), ErrorCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Backends, RasRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(RasStorage, RegistersEveryRasRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::RulebookRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::ScoreRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
