#pragma once
// Signing in and out, sessions, API bearer tokens and creating users.
//
// Refusals never say whether a username exists: an unknown username, a wrong
// password and a deactivated user all get the same Issue (kInvalidValue, path
// "credentials", message "username or password is incorrect") after the same
// amount of hashing work. The server maps it to 401.
//
// Thread-safety: every member function is safe to call from several threads at
// once; the service holds references to the Store and Clock, which must outlive it.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/identity/password.h"
#include "allot/app/identity/records.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

struct AuthOptions {
  std::chrono::minutes session_lifetime{8 * 60};
  PasswordCost password_cost = PasswordCost::kInteractive;
  std::size_t min_password_length = 10;
  // Failed sign-ins are throttled three ways within the window, counted from the
  // audit log, which every server shares (OWASP ASVS 2.2.1):
  // - one username from one address: after max_failed_sign_ins (and no success
  //   since), that address may not try that username until the window passes;
  //   the owner signing in from elsewhere is not locked out by a stranger;
  // - one address, any usernames: after address_free_failures, each further try
  //   waits twice as long as the last (1 s, 2 s, 4 s, ... up to the window);
  // - in total: once failures reach max_failed_sign_ins_total, addresses that
  //   have failed in the window wait for it to pass; addresses that have not
  //   failed may still sign in.
  int max_failed_sign_ins = 5;
  int address_free_failures = 10;
  int max_failed_sign_ins_total = 1000;
  std::chrono::minutes failed_sign_in_window{15};
};

// A signed-in browser session. `token` goes in the cookie and is shown only
// here (the database keeps its hash); `csrf_token` must accompany every
// state-changing request.
struct SignedIn {
  std::string token;
  std::string csrf_token;
  User user;
  Agency agency;
  Timestamp expires_at;
};

// What a session or bearer token stands for.
struct Authenticated {
  User user;
  Agency agency;
  std::string csrf_token;  // empty for bearer tokens (no CSRF for API clients)
  Timestamp expires_at;    // for a token without expiry: Timestamp::max()
  std::optional<Id> person_id;  // a person's own account: whose record (app/access, filled by the api)
  Actor actor() const { return Actor{user.username, agency.code}; }
  // The principal every use case receives.
  Principal principal() const;
};

struct NewUser {
  std::string username;      // 1-64 of a-z 0-9 . _ -, starting with a letter or digit
  std::string display_name;  // 1-200 characters
  Id agency_id = 0;
  std::vector<Role> roles;   // at least one
  std::string password;      // at least AuthOptions::min_password_length characters
  std::string locality;      // the locality or team the user works in; may be empty
};

// A new API token: the secret is shown only here.
struct IssuedApiToken {
  std::string token;
  ApiTokenRecord record;
};

class AuthService {
 public:
  AuthService(Store& store, const Clock& clock, AuthOptions options = {});

  // Checks the password and starts a session (audited as "sign_in"). Refusal:
  // the one credentials Issue described above. kInternal on database failure.
  // `address` is the client's network address, for throttling and the audit log.
  // A refusal for throttling is kTooManyRequests whose message says how long to
  // wait (retry_after() reads it back).
  Result<SignedIn> sign_in(std::string_view username, std::string_view password, std::string_view address = "");

  // The wait in seconds carried by a kTooManyRequests refusal from sign_in().
  static std::int64_t retry_after(const Issues& refusal);

  // The user behind a session token. kNotFound (path "session") if the token is
  // unknown, expired, or its user deactivated. Does not extend the session.
  Result<Authenticated> user_for_session(std::string_view token);

  // True if `presented` equals the session's CSRF token (constant time).
  static bool csrf_matches(const Authenticated& session, std::string_view presented);

  // Ends a session (audited as "sign_out"). Signing out an unknown or expired
  // token is not an error.
  Result<Unit> sign_out(std::string_view token);

  // Creates a user with an argon2id password hash (audited as "create_user" by
  // `by`). Returns every problem at once: kInvalidValue for a bad username,
  // display name, role list or short password (paths "username", "display_name",
  // "roles", "password"); kUnknownReference ("agency_id") for an unknown agency;
  // kDuplicate ("username") if the username is taken.
  Result<User> create_user(const NewUser& user, const Principal& by);

  // Replaces a user's password and ends all their sessions. kInvalidValue
  // ("password") if too short; kNotFound ("user") if no such user.
  Result<Unit> set_password(Id user_id, std::string_view new_password, const Actor& by);

  // Issues an API bearer token for a user; nothing for `lifetime` means no expiry.
  // kNotFound ("user") if no such user; kInvalidValue ("label") if empty.
  Result<IssuedApiToken> create_api_token(Id user_id, std::string_view label,
                                          std::optional<std::chrono::minutes> lifetime, const Actor& by);

  // The user behind a bearer token. kNotFound (path "token") if unknown, revoked,
  // expired or its user deactivated.
  Result<Authenticated> user_for_api_token(std::string_view token);

  // Revokes a token. kNotFound ("token") if no such token id.
  Result<Unit> revoke_api_token(Id token_id, const Actor& by);

  // Deletes expired sessions; returns how many. For a periodic clean-up.
  Result<std::int64_t> remove_expired_sessions();

  const AuthOptions& options() const { return options_; }

 private:
  Result<Authenticated> load_authenticated(Transaction& tx, Id user_id, std::string csrf_token,
                                           Timestamp expires_at, const char* path);

  Store& store_;
  const Clock& clock_;
  AuthOptions options_;
  std::string dummy_hash_;  // verified against for unknown usernames, to equalise timing
};

// The checks create_user applies, exposed for the demo loader and tests.
Issues validate_new_user(const NewUser& user, const AuthOptions& options);

}  // namespace allot::app
