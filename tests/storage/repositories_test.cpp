// Every repository of app/store.h against every backend.
#include <gtest/gtest.h>

#include "allot/app/shared/concurrency.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Access;
using app::Role;
using app::Transaction;

class Repositories : public StoreTest {};

TEST_P(Repositories, AgenciesAreAddedFoundAndListed) {
  app::Agency council = add_agency(store(), "derby-council");
  app::Agency trust = add_agency(store(), "derby-nhs", app::AgencyKind::kNhsTrust);
  EXPECT_GT(council.id, 0);
  EXPECT_NE(council.id, trust.id);
  EXPECT_EQ(council.created_at, t0());

  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().get(trust.id); })), trust);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().find_by_code("derby-council"); })), council);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })),
            (std::vector<app::Agency>{council, trust}));
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().get(trust.id + 100); })),
            ErrorCode::kNotFound);
}

TEST_P(Repositories, AgencyCodeIsUnique) {
  add_agency(store(), "derby-council");
  auto again = write(store(), [&](Transaction& tx) {
    return tx.get<app::AgencyRepository>().add(app::NewAgency{"derby-council", "Another", app::AgencyKind::kProvider}, t0());
  });
  EXPECT_EQ(refusal(again), ErrorCode::kDuplicate);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })).size(), 1u);
}

TEST_P(Repositories, UsersKeepTheirRolesInCanonicalOrder) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User user = add_user(store(), "sam", council.id, {Role::kAnalyst, Role::kAssessor, Role::kAnalyst});
  EXPECT_EQ(user.roles, (std::vector<Role>{Role::kAssessor, Role::kAnalyst}));
  EXPECT_TRUE(user.active);

  auto credentials = ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().find_credentials("sam"); }));
  EXPECT_EQ(credentials.user, user);
  EXPECT_EQ(credentials.password_hash, "$argon2id$hash");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().count(); })), 1);
}

TEST_P(Repositories, UsernameIsUniqueAndAgencyMustExist) {
  app::Agency council = add_agency(store(), "derby-council");
  add_user(store(), "sam", council.id);
  auto duplicate = write(store(), [&](Transaction& tx) {
    return tx.get<app::UserRepository>().add(app::NewUserRecord{"sam", "Other Sam", council.id, {Role::kAnalyst}, "h"}, t0());
  });
  EXPECT_EQ(refusal(duplicate), ErrorCode::kDuplicate);
  auto orphan = write(store(), [&](Transaction& tx) {
    return tx.get<app::UserRepository>().add(app::NewUserRecord{"kim", "Kim", council.id + 7, {Role::kAnalyst}, "h"}, t0());
  });
  EXPECT_EQ(refusal(orphan), ErrorCode::kUnknownReference);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().count(); })), 1);
}

TEST_P(Repositories, RefusalInsideATransactionLeavesItUsable) {
  // PostgreSQL aborts a transaction on any error unless the statement ran in a
  // savepoint; the repositories use one so a refusal can be handled in place.
  app::Agency council = add_agency(store(), "derby-council");
  auto users = write(store(), [&](Transaction& tx) -> Result<std::int64_t> {
    auto first = tx.get<app::UserRepository>().add(app::NewUserRecord{"sam", "Sam", council.id, {Role::kAnalyst}, "h"}, t0());
    if (!first) return tl::unexpected<Issues>(first.error());
    auto duplicate = tx.get<app::UserRepository>().add(app::NewUserRecord{"sam", "Sam", council.id, {Role::kAnalyst}, "h"}, t0());
    EXPECT_EQ(refusal(duplicate), ErrorCode::kDuplicate);
    auto second = tx.get<app::UserRepository>().add(app::NewUserRecord{"kim", "Kim", council.id, {Role::kAnalyst}, "h"}, t0());
    if (!second) return tl::unexpected<Issues>(second.error());
    return tx.get<app::UserRepository>().count();
  });
  EXPECT_EQ(ok(users), 2);
}

TEST_P(Repositories, UsersCanBeListedDeactivatedAndGivenNewPasswords) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User zoe = add_user(store(), "zoe", council.id, {Role::kPanelMember});
  app::User amy = add_user(store(), "amy", council.id, {Role::kFinanceOfficer, Role::kAdministrator});
  auto listed = ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().list(); }));
  EXPECT_EQ(listed, (std::vector<app::User>{amy, zoe}));

  ok(write(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().set_active(zoe.id, false, t0() + 1h); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().set_password_hash(amy.id, "new-hash", t0() + 1h); }));
  EXPECT_FALSE(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().get(zoe.id); })).active);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().find_credentials("amy"); })).password_hash,
            "new-hash");
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().set_active(999, false, t0()); })),
            ErrorCode::kNotFound);
}

TEST_P(Repositories, SessionsAreFoundRemovedAndExpired) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User user = add_user(store(), "sam", council.id);
  app::SessionRecord early{"hash-early", user.id, "csrf-1", t0(), t0() + 1h};
  app::SessionRecord late{"hash-late", user.id, "csrf-2", t0(), t0() + 8h};
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().add(early); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().add(late); }));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().find("hash-early"); })), early);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().add(early); })), ErrorCode::kDuplicate);

  EXPECT_EQ(ok(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().remove_expired(t0() + 1h); })), 1);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().find("hash-early"); })),
            ErrorCode::kNotFound);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().remove("hash-late"); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().remove("hash-late"); }));
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::SessionRepository>().find("hash-late"); })),
            ErrorCode::kNotFound);
}

TEST_P(Repositories, ApiTokensAreRevokedOnce) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User user = add_user(store(), "sam", council.id);
  app::ApiTokenRecord token{0, "token-hash", user.id, "nightly export", t0(), t0() + 24h, std::nullopt};
  app::ApiTokenRecord stored = ok(write(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().add(token); }));
  EXPECT_GT(stored.id, 0);
  EXPECT_EQ(stored.expires_at, t0() + 24h);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().find("token-hash"); })), stored);

  ok(write(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().revoke(stored.id, t0() + 1h); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().revoke(stored.id, t0() + 2h); }));
  auto revoked = ok(read(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().list_for_user(user.id); }));
  ASSERT_EQ(revoked.size(), 1u);
  EXPECT_EQ(revoked[0].revoked_at, t0() + 1h);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::ApiTokenRepository>().revoke(stored.id + 9, t0()); })),
            ErrorCode::kNotFound);
}

TEST_P(Repositories, PublishedRulebookVersionsAreImmutable) {
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

TEST_P(Repositories, DraftsRefuseStaleSaves) {
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

TEST_P(Repositories, ScoresNameThePublishedVersionTheyUsed) {
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

TEST_P(Repositories, AuditLogIsAppendOnlyAndFilterable) {
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

TEST_P(Repositories, TimestampsKeepMilliseconds) {
  const app::Timestamp at = t0() + 1234ms;
  auto entry = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::AuditRepository>().append(app::NewAuditEntry{{"a", "b"}, "read", "person:1", ""}, at);
  }));
  auto listed = ok(read(store(), [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(app::AuditQuery{}); }));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at, at);
  EXPECT_EQ(entry.at, at);
}

INSTANTIATE_TEST_SUITE_P(Backends, Repositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
