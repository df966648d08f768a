// allot db backup / restore: a consistent copy while the store is in use, and a
// restore that brings every table back exactly.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class Backup : public StoreTest {
 protected:
  // A little of everything: agencies, users with roles, sessions, tokens,
  // rulebooks, a draft, scores, audit entries, and a person's record with an
  // event, a draft, a plan version and a panel meeting.
  void fill(app::Store& target) {
    app::Agency council = add_agency(target, "derby-council");
    app::User sam = add_user(target, "sam", council.id, {app::Role::kAssessor, app::Role::kAnalyst});
    ok(write(target, [&](Transaction& tx) {
      return tx.get<app::SessionRepository>().add(app::SessionRecord{"session-hash", sam.id, "csrf", t0(), t0() + 8h});
    }));
    ok(write(target, [&](Transaction& tx) {
      return tx.get<app::ApiTokenRepository>().add(app::ApiTokenRecord{0, "token-hash", sam.id, "export", t0(), std::nullopt, t0()});
    }));
    ok(write(target, [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("ras", 1)); }));
    ok(write(target, [&](Transaction& tx) {
      return tx.get<app::RulebookRepository>().save_draft("ras", "{\"id\":\"ras\",\"note\":\"caf\u00e9 \u00a3\"}", std::nullopt, "sam", t0());
    }));
    ok(write(target, [&](Transaction& tx) {
      return tx.get<app::ScoreRepository>().add(app::NewScore{"ras", 1, "{}", "{}", Money::from_pence(1234567)}, "public", t0());
    }));
    ok(write(target, [&](Transaction& tx) {
      return tx.get<app::AuditRepository>().append(app::NewAuditEntry{{"sam", "derby-council"}, "read", "person:1", "line\nbreak"}, t0());
    }));
    ok(write(target, [&](Transaction& tx) -> Result<app::PanelMeeting> {
      app::PersonIndex index;
      index.given_name = "Zo\u00eb";
      index.family_name = "Hughes";
      index.stage = "awaiting_sign_off";
      index.review_due = Date::parse("2026-06-01");
      const app::PersonRecord person = ok(tx.get<app::PersonRepository>().add(index, "{\"n\":\"Zo\u00eb\"}", "{}", t0()));
      ok(tx.get<app::PersonEventRepository>().append({person.id, "contact", "request", "", "{}", {"sam", "derby-council"}, "asked"}, t0()));
      ok(tx.get<app::JourneyDraftRepository>().save(person.id, "plan", "{}", std::nullopt, "sam", t0()));
      ok(tx.get<app::PlanVersionRepository>().add({person.id, 1, "{}", Money::from_pence(100000), "sam", t0()}));
      return tx.get<app::PanelMeetingRepository>().add({*Date::parse("2026-04-07"), "[]", "[]", {"sam", "derby-council"}}, t0());
    }));
  }

  struct Snapshot {
    std::vector<app::Agency> agencies;
    std::vector<app::User> users;
    std::vector<app::RulebookVersion> rulebooks;
    app::RulebookDraft draft;
    std::vector<app::ScoreRecord> scores;
    std::vector<app::AuditEntry> audit;
    app::SessionRecord session;
    app::ApiTokenRecord token;
    std::vector<app::PersonRecord> people;
    std::vector<app::PersonEvent> events;
    app::JourneyDraft journey_draft;
    std::vector<app::PlanVersionRecord> plans;
    std::vector<app::PanelMeeting> meetings;
    bool operator==(const Snapshot&) const = default;
  };

  Snapshot snapshot(app::Store& source) {
    return ok(read(source, [&](Transaction& tx) -> Result<Snapshot> {
      Snapshot out;
      out.agencies = ok(tx.get<app::AgencyRepository>().list());
      out.users = ok(tx.get<app::UserRepository>().list());
      out.rulebooks = ok(tx.get<app::RulebookRepository>().list_versions());
      out.draft = ok(tx.get<app::RulebookRepository>().get_draft("ras"));
      out.scores = ok(tx.get<app::ScoreRepository>().list_for_rulebook("ras", std::nullopt, 100));
      out.audit = ok(tx.get<app::AuditRepository>().list(app::AuditQuery{}));
      out.session = ok(tx.get<app::SessionRepository>().find("session-hash"));
      out.token = ok(tx.get<app::ApiTokenRepository>().find("token-hash"));
      out.people = ok(tx.get<app::PersonRepository>().list(app::PersonQuery{})).people;
      out.events = ok(tx.get<app::PersonEventRepository>().for_person(out.people.at(0).id));
      out.journey_draft = ok(tx.get<app::JourneyDraftRepository>().get(out.people.at(0).id, "plan"));
      out.plans = ok(tx.get<app::PlanVersionRepository>().for_person(out.people.at(0).id));
      out.meetings = ok(tx.get<app::PanelMeetingRepository>().list(10));
      return out;
    }));
  }
};

TEST_P(Backup, RestoreBringsBackExactlyWhatWasBackedUp) {
  fill(store());
  const Snapshot before = snapshot(store());
  const std::string file = database_->scratch("backup.allot").string();
  ok(store().backup(file));

  // Changes after the backup disappear on restore.
  add_agency(store(), "later-agency");
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::AuditRepository>().append(app::NewAuditEntry{{"kim", "later-agency"}, "read", "person:2", ""}, t0());
  }));
  ok(store().restore(file));
  EXPECT_EQ(snapshot(store()), before);
  EXPECT_TRUE(ok(store().check()).ok);

  // New rows continue after the restored ids instead of colliding with them.
  app::Agency next = add_agency(store(), "next-agency");
  EXPECT_GT(next.id, before.agencies.back().id);
  const app::PersonRecord next_person = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonRepository>().add(app::PersonIndex{}, "{}", "{}", t0());
  }));
  EXPECT_GT(next_person.id, before.people.back().id);
  const app::PanelMeeting next_meeting = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PanelMeetingRepository>().add({*Date::parse("2026-05-05"), "[]", "[]", {"sam", "derby-council"}}, t0());
  }));
  EXPECT_GT(next_meeting.id, before.meetings.back().id);
  std::filesystem::remove(file);
}

TEST_P(Backup, RestoreIntoAnotherDatabase) {
  fill(store());
  const std::string file = database_->scratch("copy.allot").string();
  ok(store().backup(file));
  TestDatabase other(GetParam());
  auto other_store = other.open();
  ASSERT_TRUE(other_store) << format_issues(other_store.error());
  ok((*other_store)->restore(file));
  EXPECT_EQ(snapshot(**other_store), snapshot(store()));
  std::filesystem::remove(file);
}

TEST_P(Backup, AnOlderBackupIsUpgradedOnRestore) {
  TestDatabase old_database(GetParam());
  auto old_store = old_database.open(1);
  ASSERT_TRUE(old_store) << format_issues(old_store.error());
  app::Agency council = add_agency(**old_store, "old-council");
  const std::string file = database_->scratch("old.allot").string();
  ok((*old_store)->backup(file));

  ok(store().restore(file));
  EXPECT_EQ(store().schema_version(), program_schema_version());
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })),
            (std::vector<app::Agency>{council}));
  EXPECT_TRUE(ok(store().check()).ok);
  std::filesystem::remove(file);
}

TEST_P(Backup, ABackupNewerThanTheProgramIsRefusedAndChangesNothing) {
  TestDatabase future_database(GetParam());
  auto future_store = future_database.open();
  ASSERT_TRUE(future_store) << format_issues(future_store.error());
  ok((*future_store)->execute_sql(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00.000Z')"));
  const std::string file = database_->scratch("future.allot").string();
  ok((*future_store)->backup(file));

  add_agency(store(), "derby-council");
  auto refused = store().restore(file);
  ASSERT_EQ(refusal(refused), ErrorCode::kConflict);
  EXPECT_NE(refused.error().front().message.find("99"), std::string::npos);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })).size(), 1u);
  std::filesystem::remove(file);
}

TEST_P(Backup, AFileThatIsNotABackupIsRefusedAndChangesNothing) {
  add_agency(store(), "derby-council");
  const std::string file = database_->scratch("junk.allot").string();
  std::ofstream(file) << "this is not a backup\n";
  EXPECT_EQ(refusal(store().restore(file)), ErrorCode::kMalformed);
  EXPECT_EQ(refusal(store().restore(file + ".missing")), ErrorCode::kNotFound);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })).size(), 1u);
  std::filesystem::remove(file);
}

TEST_P(Backup, ABackupTakenWhileWritersRunIsOneConsistentSnapshot) {
  app::Agency council = add_agency(store(), "derby-council");
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  // Each write adds an audit entry and a score in one transaction, so a
  // consistent snapshot holds equally many of each.
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::RulebookRepository>().publish(rulebook("ras", 1)); }));
  std::thread writer([&] {
    while (!stop.load()) {
      auto outcome = store().run(app::Access::kWrite, [&](Transaction& tx) -> Result<app::Unit> {
        auto entry = tx.get<app::AuditRepository>().append(app::NewAuditEntry{{"sam", council.code}, "score", "person:1", ""}, t0());
        if (!entry) return tl::unexpected<Issues>(entry.error());
        auto score = tx.get<app::ScoreRepository>().add(app::NewScore{"ras", 1, "{}", "{}", Money::from_pence(100)}, "sam", t0());
        if (!score) return tl::unexpected<Issues>(score.error());
        return app::Unit{};
      });
      if (!outcome) {
        ADD_FAILURE() << format_issues(outcome.error());
        return;
      }
      ++written;
    }
  });
  while (written.load() < 5) std::this_thread::yield();
  const std::string file = database_->scratch("live.allot").string();
  auto backed_up = store().backup(file);
  stop = true;
  writer.join();
  ok(std::move(backed_up));

  TestDatabase copy(GetParam());
  auto copy_store = copy.open();
  ASSERT_TRUE(copy_store) << format_issues(copy_store.error());
  ok((*copy_store)->restore(file));
  app::AuditQuery all;
  all.limit = 1000;
  const auto audit = ok(read(**copy_store, [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(all); }));
  const auto scores = ok(read(**copy_store, [&](Transaction& tx) { return tx.get<app::ScoreRepository>().list_for_rulebook("ras", 1, 1000); }));
  EXPECT_GE(audit.size(), 5u);
  EXPECT_EQ(audit.size(), scores.size());
  std::filesystem::remove(file);
}

INSTANTIATE_TEST_SUITE_P(Backends, Backup, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
