#pragma once
// What identity needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "allot/app/shared/store.h"
#include "allot/app/identity/records.h"

namespace allot::app {

class AgencyRepository {
 public:
  virtual ~AgencyRepository() = default;
  // Adds an agency. kDuplicate if the code is taken.
  virtual Result<Agency> add(const NewAgency& agency, Timestamp now) = 0;
  // kNotFound if no agency has this id.
  virtual Result<Agency> get(Id id) = 0;
  // kNotFound if no agency has this code.
  virtual Result<Agency> find_by_code(std::string_view code) = 0;
  // Every agency, ordered by id.
  virtual Result<std::vector<Agency>> list() = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Adds a user with its roles. kDuplicate if the username is taken;
  // kUnknownReference if the agency does not exist.
  virtual Result<User> add(const NewUserRecord& user, Timestamp now) = 0;
  // kNotFound if no user has this id.
  virtual Result<User> get(Id id) = 0;
  // The user and password hash for signing in; kNotFound if no such username.
  virtual Result<UserCredentials> find_credentials(std::string_view username) = 0;
  // Every user, ordered by username.
  virtual Result<std::vector<User>> list() = 0;
  // Replaces the password hash. kNotFound if no such user.
  virtual Result<Unit> set_password_hash(Id user_id, std::string_view password_hash, Timestamp now) = 0;
  // Activates or deactivates a user (deactivated users cannot sign in; their
  // history stays). kNotFound if no such user.
  virtual Result<Unit> set_active(Id user_id, bool active, Timestamp now) = 0;
  // Records the locality or team the user works in (empty: none). kNotFound if
  // no such user.
  virtual Result<Unit> set_locality(Id user_id, std::string_view locality, Timestamp now) = 0;
  virtual Result<std::int64_t> count() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // kDuplicate if a session with this token hash exists (practically impossible
  // with random tokens); kUnknownReference if the user does not exist.
  virtual Result<Unit> add(const SessionRecord& session) = 0;
  // kNotFound if no session has this token hash. Does not look at expiry.
  virtual Result<SessionRecord> find(std::string_view token_hash) = 0;
  // Removes one session; removing an absent one is not an error.
  virtual Result<Unit> remove(std::string_view token_hash) = 0;
  // Removes every session of one user (after a password change); returns how many.
  virtual Result<std::int64_t> remove_for_user(Id user_id) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<std::int64_t> remove_expired(Timestamp now) = 0;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  // Stores a token (id is assigned). kDuplicate for a repeated hash;
  // kUnknownReference if the user does not exist.
  virtual Result<ApiTokenRecord> add(const ApiTokenRecord& token) = 0;
  // kNotFound if no token has this hash. Does not look at expiry or revocation.
  virtual Result<ApiTokenRecord> find(std::string_view token_hash) = 0;
  // Marks a token revoked at `now`. kNotFound if no such token; revoking twice
  // keeps the first time.
  virtual Result<Unit> revoke(Id token_id, Timestamp now) = 0;
  // A user's tokens, ordered by id.
  virtual Result<std::vector<ApiTokenRecord>> list_for_user(Id user_id) = 0;
};

}  // namespace allot::app
