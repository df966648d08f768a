#pragma once
// The records the application layer stores and reads: agencies, users, sessions,
// API tokens, published rulebooks and drafts, scores and the audit log. Plain
// values; repositories (store.h) move them in and out of a database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::app {

// Database row ids: positive, assigned by the store, never reused.
using Id = std::int64_t;

enum class AgencyKind { kCouncil, kNhsTrust, kProvider, kThirdSector };
// "council", "nhs_trust", "provider", "third_sector": the stored and JSON names.
const char* agency_kind_name(AgencyKind kind);
std::optional<AgencyKind> parse_agency_kind(std::string_view name);

enum class Role {
  kAdministrator,
  kAssessor,
  kTeamManager,
  kPanelMember,
  kFinanceOfficer,
  kCommissioner,
  kProviderUser,
  kAnalyst,
};
// "administrator", "assessor", "team_manager", "panel_member", "finance_officer",
// "commissioner", "provider_user", "analyst".
const char* role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
// Every role, in the order above.
const std::vector<Role>& all_roles();

// Who did something, as it is written into history: text, so history still reads
// correctly if the user or agency is later renamed or deactivated. Unattended
// work uses a fixed name ("system", "public").
struct Actor {
  std::string username;
  std::string agency;  // the agency's code
  bool operator==(const Actor&) const = default;
};

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

// One published version of a rulebook. Immutable once stored: a change is a new
// version, a new row.
struct RulebookVersion {
  std::string rulebook_id;
  int version = 0;
  std::string title;
  Date effective_from;
  std::string document;  // the JSON document exactly as published
  std::string published_by;
  Timestamp published_at;
  bool operator==(const RulebookVersion&) const = default;
};

// A rulebook being edited. Mutable, one per rulebook id, guarded by row_version
// (optimistic concurrency: a save names the row_version it read).
struct RulebookDraft {
  std::string rulebook_id;
  std::string document;
  std::int64_t row_version = 0;
  std::string updated_by;
  Timestamp updated_at;
  bool operator==(const RulebookDraft&) const = default;
};

// A score given by a rulebook: names the rulebook id and version it used, so any
// indicative budget can be re-derived later.
struct ScoreRecord {
  Id id = 0;
  std::string rulebook_id;
  int rulebook_version = 0;
  std::string answers;  // JSON
  std::string result;   // JSON
  Money annual;         // the indicative annual budget, stored as pence
  std::string scored_by;
  Timestamp scored_at;
  bool operator==(const ScoreRecord&) const = default;
};

struct NewScore {
  std::string rulebook_id;
  int rulebook_version = 0;
  std::string answers;
  std::string result;
  Money annual;
};

// One line of the audit log: who (user and agency), when, what action, on which
// subject ("person:42", "user:assessor"), with free-text detail. Append-only.
struct AuditEntry {
  Id id = 0;
  Timestamp at;
  std::string actor;
  std::string agency;
  std::string action;   // "read", "create", "update", "sign_in", ...
  std::string subject;
  std::string detail;
  bool operator==(const AuditEntry&) const = default;
};

struct NewAuditEntry {
  Actor actor;
  std::string action;
  std::string subject;
  std::string detail;
};

// Filters for reading the audit log; entries come newest first.
struct AuditQuery {
  std::optional<std::string> subject;
  std::optional<std::string> actor;
  std::optional<Timestamp> since;      // at >= since
  std::optional<Timestamp> until;      // at < until
  std::optional<Id> before_id;         // for paging: entries with id < before_id
  int limit = 100;                     // 1..1000
};

// ---------------------------------------------------------------- the journey
// A person's record (the personal budget journey, docs/api.md). The app layer
// keeps the details and the current state as JSON documents; the columns below
// are copies of a few of their fields, so lists can be filtered in the database.

struct PersonIndex {
  std::string given_name;
  std::string family_name;
  std::string nhs_number;      // ten digits or empty
  std::string client_group;
  std::string locality;
  std::string team;
  std::string stage;           // a journey stage id, or empty: no open case
  std::optional<Id> cares_for; // set for a carer's record
  std::optional<Date> review_due;
  bool awaiting_panel = false;     // a plan is with the Resource Allocation Group
  bool has_agreed_budget = false;  // an agreed personal budget is in place
  bool operator==(const PersonIndex&) const = default;
};

// The current state of a person's record: mutable, guarded by row_version. Every
// change also appends a PersonEvent in the same transaction, so the history stays.
struct PersonRecord {
  Id id = 0;
  PersonIndex index;
  std::string details;  // JSON
  std::string state;    // JSON
  std::int64_t row_version = 0;
  Timestamp created_at;
  Timestamp updated_at;
  bool operator==(const PersonRecord&) const = default;
};

struct PersonQuery {
  std::optional<std::string> stage;  // "" for people with no open case
  std::optional<std::string> locality;
  std::optional<std::string> team;
  std::optional<std::string> client_group;
  std::optional<std::string> text;   // part of a name, or an NHS number
  std::optional<Date> review_due_by;
  bool awaiting_panel_only = false;
  bool agreed_budget_only = false;
  bool carers_only = false;
  int limit = 50;   // 1..10000
  int offset = 0;
};

struct PersonPage {
  std::vector<PersonRecord> people;
  std::int64_t total = 0;  // matching the query, ignoring limit and offset
};

// One step in a person's history, shaped after the Client Level Data event model
// (event_type request, assessment, service or review, with an outcome).
// Append-only.
struct PersonEvent {
  Id id = 0;
  Id person_id = 0;
  std::string kind;        // "contact", "screen", "assessment_completed", ...
  std::string event_type;  // "request", "assessment", "service", "review"
  std::string outcome;     // a Client Level Data event outcome code, or empty
  std::string payload;     // JSON
  std::string actor;
  std::string agency;
  std::string reason;
  Timestamp at;
  bool operator==(const PersonEvent&) const = default;
};

struct NewPersonEvent {
  Id person_id = 0;
  std::string kind;
  std::string event_type;
  std::string outcome;
  std::string payload;
  Actor actor;
  std::string reason;
};

// An assessment or support plan being typed: saved as the user types, one per
// person and kind, guarded by row_version.
struct JourneyDraft {
  Id person_id = 0;
  std::string kind;  // "assessment" or "plan"
  std::string document;
  std::int64_t row_version = 0;
  std::string updated_by;
  Timestamp updated_at;
  bool operator==(const JourneyDraft&) const = default;
};

// One saved version of a person's support plan. Never changed: a change is a new
// version.
struct PlanVersionRecord {
  Id person_id = 0;
  int version = 0;
  std::string document;  // JSON: outcomes, lines, totals
  Money annual;
  std::string created_by;
  Timestamp created_at;
  bool operator==(const PlanVersionRecord&) const = default;
};

// A meeting of the Resource Allocation Group: members present and the decisions
// made. Append-only.
struct PanelMeeting {
  Id id = 0;
  Date held_on;
  std::string members;    // JSON array
  std::string decisions;  // JSON array
  std::string recorded_by;
  std::string agency;
  Timestamp recorded_at;
  bool operator==(const PanelMeeting&) const = default;
};

struct NewPanelMeeting {
  Date held_on;
  std::string members;
  std::string decisions;
  Actor recorded_by;
};

}  // namespace allot::app
