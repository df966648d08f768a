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

TEST_P(RasRepositories, TheVersionInForceIsTheLatestToStartByTheDate) {
  auto publish = [&](int version, const char* effective_from) {
    app::RulebookVersion stored = rulebook("ras", version);
    stored.effective_from = *Date::parse(effective_from);
    ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(stored); }));
  };
  publish(1, "2026-04-01");
  publish(2, "2026-12-01");
  publish(3, "2026-10-01");  // approved later for an earlier date
  auto in_force = [&](const char* on) {
    return read(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().in_force("ras", *Date::parse(on)); });
  };
  EXPECT_EQ(refusal(in_force("2026-03-31")), ErrorCode::kNotFound);
  EXPECT_EQ(ok(in_force("2026-04-01")).version, 1);
  EXPECT_EQ(ok(in_force("2026-10-01")).version, 3);
  EXPECT_EQ(ok(in_force("2026-11-30")).version, 3);
  EXPECT_EQ(ok(in_force("2026-12-01")).version, 2);
}

TEST_P(RasRepositories, DraftVersionsChangeOnlyFromTheVersionReadAndTheirStepsAreKept) {
  app::DraftVersion draft{"ras", 2, "Rulebook ras", app::DraftOrigin::kCalibration, "{\"id\":\"ras\"}",
                          app::DraftStatus::kDraft, std::nullopt, "", "analyst", t0(), "", 1};
  const app::DraftVersion added =
      ok(write(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().add(draft); }));
  EXPECT_EQ(added, draft);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().add(draft); })),
            ErrorCode::kConflict);
  app::DraftVersion proposed = added;
  proposed.status = app::DraftStatus::kProposed;
  proposed.effective_from = *Date::parse("2026-12-01");
  proposed.simulation = "{\"overall\":{}}";
  proposed.proposed_by = "analyst";
  const app::DraftVersion saved =
      ok(write(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().update(proposed); }));
  EXPECT_EQ(saved.row_version, 2);
  EXPECT_EQ(saved.effective_from, proposed.effective_from);
  // A second decision made from the same reading is refused.
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().update(proposed); })),
            ErrorCode::kConflict);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().get("ras", 2); })), saved);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().get("ras", 9); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().highest_version("ras"); })), 2);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().highest_version("x"); })), 0);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().list(); })).size(), 1u);

  const app::RulebookStep step{0, "ras", 2, app::GovernanceStep::kRejected, app::Actor{"commissioner", "derby"},
                               t0(), *Date::parse("2026-12-01"), "too steep"};
  const app::RulebookStep kept =
      ok(write(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().add_step(step); }));
  EXPECT_GT(kept.id, 0);
  auto steps = ok(read(store(), [&](Transaction& tx) { return tx.get<app::DraftVersionRepository>().steps("ras"); }));
  ASSERT_EQ(steps.size(), 1u);
  app::RulebookStep expected = step;
  expected.id = kept.id;
  EXPECT_EQ(steps[0], expected);
  // The history is append-only in the database itself.
  EXPECT_EQ(refusal(store().execute_sql("UPDATE rulebook_steps SET note = 'x'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM rulebook_steps")), ErrorCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Backends, RasRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(RasStorage, RegistersEveryRasRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::RulebookRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::ScoreRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::DraftVersionRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
