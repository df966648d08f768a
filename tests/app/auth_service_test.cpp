// Signing in and out, sessions, bearer tokens and creating users.
#include <gtest/gtest.h>

#include "allot/app/identity/auth_service.h"
#include "allot/app/identity/directory_service.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

class Auth : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    AuthOptions options;
    options.password_cost = PasswordCost::kMinimum;
    options.session_lifetime = 60min;
    auth_ = std::make_unique<AuthService>(store(), clock_, options);
    DirectoryService directory(store(), clock_);
    council_ = ok(directory.create_agency(NewAgency{"derby-council", "Derby City Council", AgencyKind::kCouncil}, admin_));
  }

  User create(const std::string& username, std::vector<Role> roles = {Role::kAssessor}) {
    return ok(auth_->create_user(NewUser{username, "Display " + username, council_.id, roles, kPassword}, admin_));
  }

  static constexpr const char* kPassword = "a long enough password";
  const Principal admin_ = system_principal("admin", "derby-council");
  Agency council_;
  std::unique_ptr<AuthService> auth_;
};

TEST_F(Auth, SignInStartsASessionThatFindsTheUser) {
  User sam = create("sam", {Role::kAssessor, Role::kTeamManager});
  SignedIn signed_in = ok(auth_->sign_in("sam", kPassword));
  EXPECT_EQ(signed_in.user, sam);
  EXPECT_EQ(signed_in.agency, council_);
  EXPECT_EQ(signed_in.expires_at, t0() + 60min);
  EXPECT_FALSE(signed_in.token.empty());
  EXPECT_NE(signed_in.token, signed_in.csrf_token);

  Authenticated who = ok(auth_->user_for_session(signed_in.token));
  EXPECT_EQ(who.user, sam);
  EXPECT_EQ(who.agency.code, "derby-council");
  EXPECT_EQ(who.actor(), (Actor{"sam", "derby-council"}));
  EXPECT_TRUE(AuthService::csrf_matches(who, signed_in.csrf_token));
  EXPECT_FALSE(AuthService::csrf_matches(who, signed_in.csrf_token + "x"));
  EXPECT_FALSE(AuthService::csrf_matches(who, ""));

  // The database holds only the token's hash, never the token.
  auto stored = in_transaction(store(), Access::kRead, [&](Transaction& tx) {
    return tx.get<app::SessionRepository>().find(signed_in.token);
  });
  EXPECT_FALSE(stored);
}

TEST_F(Auth, WrongPasswordAndUnknownUserAreRefusedAlike) {
  create("sam");
  auto wrong_password = auth_->sign_in("sam", "not the password");
  auto unknown_user = auth_->sign_in("nobody", kPassword);
  ASSERT_FALSE(wrong_password);
  ASSERT_FALSE(unknown_user);
  EXPECT_EQ(wrong_password.error(), unknown_user.error());
  EXPECT_EQ(wrong_password.error(),
            (Issues{Issue{ErrorCode::kInvalidValue, "credentials", "username or password is incorrect"}}));
}

TEST_F(Auth, RepeatedFailuresPauseSignInForTheUsername) {
  create("sam");
  create("kim");
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto refused = auth_->sign_in("sam", "guess " + std::to_string(attempt));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().front().code, ErrorCode::kInvalidValue);
    clock_.advance(1min);
  }
  // The sixth attempt is refused even with the right password, and says why.
  auto paused = auth_->sign_in("sam", kPassword);
  ASSERT_FALSE(paused);
  EXPECT_EQ(paused.error().front().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(paused.error().front().message, "too many failed sign-ins for this username; try again in 15 minutes");
  // Other usernames are unaffected, and unknown usernames are counted the same way.
  EXPECT_TRUE(auth_->sign_in("kim", kPassword));
  for (int attempt = 0; attempt < 5; ++attempt) EXPECT_FALSE(auth_->sign_in("nobody", "guess"));
  EXPECT_EQ(auth_->sign_in("nobody", "guess").error().front().code, ErrorCode::kTooManyRequests);
  // Once the oldest failures leave the window, sign-in works again and a success
  // starts the count afresh.
  clock_.advance(15min);
  ok(auth_->sign_in("sam", kPassword));
  EXPECT_EQ(auth_->sign_in("sam", "wrong").error().front().code, ErrorCode::kInvalidValue);
}

TEST_F(Auth, AStrangerCannotLockTheOwnerOutFromElsewhere) {
  create("sam");
  for (int attempt = 0; attempt < 5; ++attempt) EXPECT_FALSE(auth_->sign_in("sam", "guess", "203.0.113.9"));
  auto paused = auth_->sign_in("sam", kPassword, "203.0.113.9");
  ASSERT_FALSE(paused);
  EXPECT_EQ(paused.error().front().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(AuthService::retry_after(paused.error()), 15 * 60);
  // Sam at their own desk is not held up by the stranger's guesses.
  ok(auth_->sign_in("sam", kPassword, "192.0.2.10"));
}

TEST_F(Auth, OneAddressTryingManyUsernamesWaitsLongerEachTime) {
  const char* address = "198.51.100.7";
  for (int attempt = 0; attempt < 10; ++attempt) {
    auto refused = auth_->sign_in("user" + std::to_string(attempt), "guess", address);
    EXPECT_EQ(refused.error().front().code, ErrorCode::kInvalidValue) << attempt;
  }
  // Past the ten free failures each try waits twice as long as the last: 1 s, 2 s, 4 s.
  for (int wait = 1; wait <= 4; wait *= 2) {
    auto early = auth_->sign_in("another", "guess", address);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().front().code, ErrorCode::kTooManyRequests);
    EXPECT_EQ(AuthService::retry_after(early.error()), wait);
    clock_.advance(std::chrono::seconds(wait));
    EXPECT_EQ(auth_->sign_in("another", "guess", address).error().front().code, ErrorCode::kInvalidValue);
  }
  // Another address is not slowed.
  create("kim");
  ok(auth_->sign_in("kim", kPassword, "192.0.2.10"));
}

TEST_F(Auth, ManyFailuresEverywhereHoldBackOnlyAddressesThatFailed) {
  AuthOptions options;
  options.password_cost = PasswordCost::kMinimum;
  options.max_failed_sign_ins_total = 6;
  AuthService auth(store(), clock_, options);
  create("sam");
  for (int address = 0; address < 6; ++address) {
    EXPECT_FALSE(auth.sign_in("sam", "guess", "198.51.100." + std::to_string(address)));
  }
  auto held = auth.sign_in("sam", kPassword, "198.51.100.0");
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().front().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(held.error().front().message, "too many failed sign-ins at the moment; try again later");
  ok(auth.sign_in("sam", kPassword, "192.0.2.10"));
}

TEST_F(Auth, WhatAStrangerTypesIsNotStoredAsGiven) {
  const std::string huge(1'000'000, 'x');
  EXPECT_FALSE(auth_->sign_in(huge, "guess", "198.51.100.1"));
  EXPECT_FALSE(auth_->sign_in("evil\nname", "guess", "198.51.100.1"));
  AuditQuery query;
  query.action = "sign_in_failed";
  const std::vector<AuditEntry> entries = ok(in_transaction(store(), Access::kRead, [&](Transaction& tx) {
    return tx.get<AuditRepository>().list(query);
  }));
  ASSERT_EQ(entries.size(), 2u);
  for (const AuditEntry& entry : entries) {
    EXPECT_EQ(entry.subject, "user:?");
    EXPECT_EQ(entry.actor, "address:198.51.100.1");
  }
}

TEST_F(Auth, SessionsExpireAndEndOnSignOut) {
  create("sam");
  SignedIn first = ok(auth_->sign_in("sam", kPassword));
  clock_.advance(59min);
  EXPECT_TRUE(auth_->user_for_session(first.token));
  clock_.advance(1min);
  auto expired = auth_->user_for_session(first.token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().front().code, ErrorCode::kNotFound);
  EXPECT_EQ(ok(auth_->remove_expired_sessions()), 1);

  SignedIn second = ok(auth_->sign_in("sam", kPassword));
  ok(auth_->sign_out(second.token));
  EXPECT_FALSE(auth_->user_for_session(second.token));
  ok(auth_->sign_out(second.token));
  ok(auth_->sign_out("never-issued"));
  EXPECT_FALSE(auth_->user_for_session("never-issued"));
}

TEST_F(Auth, DeactivatedUsersCannotSignInAndLoseTheirSessions) {
  User sam = create("sam");
  SignedIn session = ok(auth_->sign_in("sam", kPassword));
  DirectoryService directory(store(), clock_);
  ok(directory.set_user_active(sam.id, false, admin_));
  EXPECT_FALSE(auth_->user_for_session(session.token));
  auto refused = auth_->sign_in("sam", kPassword);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().path, "credentials");
  ok(directory.set_user_active(sam.id, true, admin_));
  EXPECT_TRUE(auth_->sign_in("sam", kPassword));
}

TEST_F(Auth, TheLocalityAUserWorksInIsRecordedAuditedAndNamesTheirTeam) {
  User sam = create("sam", {Role::kAssessor});
  SignedIn session = ok(auth_->sign_in("sam", kPassword));
  EXPECT_TRUE(ok(auth_->user_for_session(session.token)).principal().teams.empty());
  DirectoryService directory(store(), clock_);
  const Principal assessor = ok(auth_->user_for_session(session.token)).principal();
  EXPECT_EQ(directory.set_user_locality(sam.id, "South", assessor).error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(directory.set_user_locality(sam.id, std::string(201, 'x'), admin_).error().front().path, "locality");
  ok(directory.set_user_locality(sam.id, "North adults team", admin_));
  const Authenticated now = ok(auth_->user_for_session(session.token));
  EXPECT_EQ(now.user.locality, "North adults team");
  EXPECT_EQ(now.principal().teams, (std::vector<std::string>{"North adults team"}));
  const auto entries = audit_entries();
  EXPECT_EQ(entries.front().action, "set_locality");
  EXPECT_EQ(entries.front().subject, "user:sam");
  EXPECT_EQ(entries.front().detail, "from \"\" to \"North adults team\"");
}

TEST_F(Auth, CreateUserReportsEveryProblemAtOnce) {
  auto refused = auth_->create_user(NewUser{"Bad Name", "", council_.id + 50, {}, "short"}, admin_);
  ASSERT_FALSE(refused);
  std::vector<std::string> paths;
  for (const Issue& issue : refused.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"username", "display_name", "roles", "password", "agency_id"}));
  EXPECT_TRUE(ok(DirectoryService(store(), clock_).users()).empty());
}

TEST_F(Auth, CreateUserRefusesATakenUsernameAndIsAudited) {
  create("sam");
  auto again = auth_->create_user(NewUser{"sam", "Sam Two", council_.id, {Role::kAnalyst}, kPassword}, admin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().front().code, ErrorCode::kDuplicate);
  auto entries = audit_entries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "create_user");
  EXPECT_EQ(entries.front().subject, "user:sam");
  EXPECT_EQ(entries.front().actor, "admin");
}

TEST_F(Auth, ChangingAPasswordEndsSessions) {
  User sam = create("sam");
  SignedIn session = ok(auth_->sign_in("sam", kPassword));
  EXPECT_EQ(auth_->set_password(sam.id, "short", admin_.actor()).error().front().path, "password");
  ok(auth_->set_password(sam.id, "another long password", admin_.actor()));
  EXPECT_FALSE(auth_->user_for_session(session.token));
  EXPECT_FALSE(auth_->sign_in("sam", kPassword));
  EXPECT_TRUE(auth_->sign_in("sam", "another long password"));
}

TEST_F(Auth, ApiTokensAuthenticateUntilRevokedOrExpired) {
  User sam = create("sam", {Role::kAnalyst});
  IssuedApiToken forever = ok(auth_->create_api_token(sam.id, "nightly export", std::nullopt, admin_.actor()));
  IssuedApiToken brief = ok(auth_->create_api_token(sam.id, "one hour", 60min, admin_.actor()));
  Authenticated who = ok(auth_->user_for_api_token(forever.token));
  EXPECT_EQ(who.user, sam);
  EXPECT_TRUE(who.csrf_token.empty());
  EXPECT_FALSE(AuthService::csrf_matches(who, ""));

  clock_.advance(61min);
  EXPECT_FALSE(auth_->user_for_api_token(brief.token));
  EXPECT_TRUE(auth_->user_for_api_token(forever.token));
  ok(auth_->revoke_api_token(forever.record.id, admin_.actor()));
  auto revoked = auth_->user_for_api_token(forever.token);
  ASSERT_FALSE(revoked);
  EXPECT_EQ(revoked.error().front().code, ErrorCode::kNotFound);
  EXPECT_FALSE(auth_->user_for_api_token("made-up"));
  EXPECT_EQ(auth_->create_api_token(sam.id, "", std::nullopt, admin_.actor()).error().front().path, "label");
}

TEST_F(Auth, SignInAndOutAreAudited) {
  create("sam");
  SignedIn session = ok(auth_->sign_in("sam", kPassword));
  ok(auth_->sign_out(session.token));
  auto entries = audit_entries();
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "sign_out");
  EXPECT_EQ(entries[1].action, "sign_in");
  EXPECT_EQ(entries[1].actor, "sam");
  EXPECT_EQ(entries[1].agency, "derby-council");
  EXPECT_EQ(entries[1].at, t0());
}

}  // namespace
}  // namespace allot::app::testing
