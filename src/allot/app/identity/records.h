#pragma once
// The identity records: agencies, users, sessions and API tokens. Plain
// values; the repositories (identity/repositories.h) move them in and out of a
// database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"

namespace allot::app {

enum class AgencyKind { kCouncil, kNhsTrust, kProvider, kThirdSector };
// "council", "nhs_trust", "provider", "third_sector": the stored and JSON names.
const char* agency_kind_name(AgencyKind kind);
std::optional<AgencyKind> parse_agency_kind(std::string_view name);

struct Agency {
  Id id = 0;
  std::string code;  // short stable key: "derby-council"
  std::string name;  // "Derby City Council"
  AgencyKind kind = AgencyKind::kCouncil;
  Timestamp created_at;
  bool operator==(const Agency&) const = default;
};

struct NewAgency {
  std::string code;
  std::string name;
  AgencyKind kind = AgencyKind::kCouncil;
};

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  Id agency_id = 0;
  std::vector<Role> roles;  // sorted in all_roles() order, no duplicates
  bool active = true;
  Timestamp created_at;
  // The locality or team the user works in ("North", "North adults team"); empty
  // when none is recorded. An assessor sees the remaining budget of this
  // locality only (docs/api.md, "Integrated budgets").
  std::string locality;
  bool operator==(const User&) const = default;
  bool has_role(Role role) const;
};

// A user as stored for signing in: the record and its argon2id password hash
// (libsodium's crypto_pwhash_str format). Never leaves the app layer.
struct UserCredentials {
  User user;
  std::string password_hash;
};

struct NewUserRecord {
  std::string username;
  std::string display_name;
  Id agency_id = 0;
  std::vector<Role> roles;
  std::string password_hash;
  std::string locality;
};

// A browser session. The token itself is never stored: only its hash.
struct SessionRecord {
  std::string token_hash;
  Id user_id = 0;
  std::string csrf_token;
  Timestamp created_at;
  Timestamp expires_at;
  bool operator==(const SessionRecord&) const = default;
};

// A bearer token for API clients; like sessions, only the hash is stored.
struct ApiTokenRecord {
  Id id = 0;
  std::string token_hash;
  Id user_id = 0;
  std::string label;
  Timestamp created_at;
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> revoked_at;
  bool operator==(const ApiTokenRecord&) const = default;
};

}  // namespace allot::app
