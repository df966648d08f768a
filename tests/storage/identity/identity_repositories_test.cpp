// Identity's repositories (agencies, users and roles, sessions, API tokens) on every
// backend.
#include <gtest/gtest.h>

#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Role;
using app::Transaction;

class IdentityRepositories : public StoreTest {};

TEST_P(IdentityRepositories, AgenciesAreAddedFoundAndListed) {
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

TEST_P(IdentityRepositories, AgencyCodeIsUnique) {
  add_agency(store(), "derby-council");
  auto again = write(store(), [&](Transaction& tx) {
    return tx.get<app::AgencyRepository>().add(app::NewAgency{"derby-council", "Another", app::AgencyKind::kProvider}, t0());
  });
  EXPECT_EQ(refusal(again), ErrorCode::kDuplicate);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); })).size(), 1u);
}

TEST_P(IdentityRepositories, UsersKeepTheirRolesInCanonicalOrder) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User user = add_user(store(), "sam", council.id, {Role::kAnalyst, Role::kAssessor, Role::kAnalyst});
  EXPECT_EQ(user.roles, (std::vector<Role>{Role::kAssessor, Role::kAnalyst}));
  EXPECT_TRUE(user.active);

  auto credentials = ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().find_credentials("sam"); }));
  EXPECT_EQ(credentials.user, user);
  EXPECT_EQ(credentials.password_hash, "$argon2id$hash");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().count(); })), 1);
}

TEST_P(IdentityRepositories, UsernameIsUniqueAndAgencyMustExist) {
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

TEST_P(IdentityRepositories, RefusalInsideATransactionLeavesItUsable) {
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

TEST_P(IdentityRepositories, UsersCanBeListedDeactivatedAndGivenNewPasswords) {
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

TEST_P(IdentityRepositories, AUserCanBeGivenTheLocalityTheyWorkIn) {
  app::Agency council = add_agency(store(), "derby-council");
  app::User sam = add_user(store(), "sam", council.id, {Role::kAssessor});
  EXPECT_EQ(sam.locality, "");
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().set_locality(sam.id, "North adults team", t0() + 1h); }));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().get(sam.id); })).locality,
            "North adults team");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().find_credentials("sam"); })).user.locality,
            "North adults team");
  auto created = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::UserRepository>().add(app::NewUserRecord{"kim", "Kim", council.id, {Role::kAssessor}, "h", "South"}, t0());
  }));
  EXPECT_EQ(created.locality, "South");
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::UserRepository>().set_locality(999, "x", t0()); })),
            ErrorCode::kNotFound);
}

TEST_P(IdentityRepositories, SessionsAreFoundRemovedAndExpired) {
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

TEST_P(IdentityRepositories, ApiTokensAreRevokedOnce) {
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

INSTANTIATE_TEST_SUITE_P(Backends, IdentityRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(IdentityStorage, RegistersEveryIdentityRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::AgencyRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::UserRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::SessionRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::ApiTokenRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
