#pragma once
// Care teams, sharing agreements, consent and break glass: who may see whose
// record, as stored and dated facts (storage/access/migrations/0018_*.sql).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"

namespace allot::app {

// Limits the council sets, served by GET /api/v1/access/rules.
struct AccessLimits {
  int break_glass_hours = 8;           // how long one break-glass grant lasts
  int break_glass_reason_min = 10;     // characters; "checking" is not a reason
  int page_cap = 200;                  // the most records any list returns in one page
  int unusual_people_per_hour = 50;    // distinct people one user reads in one clock hour
};
const AccessLimits& access_limits();

// The roles a member can have in a person's care team.
const std::vector<std::string>& care_team_roles();

struct NewCareTeamMember {
  Id person_id = 0;
  Id agency_id = 0;
  std::optional<Id> user_id;  // one worker; none for the whole agency
  std::string team_role;      // one of care_team_roles()
  Date starts_on;
  std::optional<Date> ends_on;
};

struct CareTeamMember {
  Id id = 0;
  Id person_id = 0;
  Id agency_id = 0;
  std::string agency;       // code
  std::string agency_kind;  // "council", "nhs_trust", ...
  std::optional<Id> user_id;
  std::string username;     // empty for a whole agency
  std::string team_role;
  Date starts_on;
  std::optional<Date> ends_on;
  std::string added_by;
  std::string added_by_agency;
  Timestamp added_at;
  // Set once the membership has been ended early.
  std::optional<Date> ended_on;
  std::string end_reason;
  std::string ended_by;
  std::optional<Timestamp> ended_at;
};

struct SharingAgreement {
  Id id = 0;
  Id agency_id = 0;
  std::string agency;
  std::string reference;
  std::string purpose;
  Date starts_on;
  std::optional<Date> ends_on;
  std::string recorded_by;
  std::string recorded_by_agency;
  Timestamp recorded_at;
  std::optional<Date> ended_on;
  std::string end_reason;
  std::string ended_by;
};

struct SharingConsent {
  Id id = 0;
  Id person_id = 0;
  Id agency_id = 0;
  std::string agency;
  std::string decision;  // "given" or "withdrawn"
  std::string note;
  std::string recorded_by;
  std::string recorded_by_agency;
  Timestamp recorded_at;
};

struct BreakGlassGrant {
  Id id = 0;
  Id person_id = 0;
  Id user_id = 0;
  std::string username;
  std::string agency;
  std::string roles;
  std::string reason;
  Timestamp granted_at;
  Timestamp expires_at;
};

// Who is asking, for the care team rules (the list filter and the loader).
struct CareTeamViewer {
  Id user_id = 0;
  Id agency_id = 0;
  Date on;
  bool panel = false;  // also people whose plan awaits the Resource Allocation Group
};

// Which people a list may return for one principal.
struct PersonVisibility {
  bool none = false;                     // no one (the role reaches no records)
  std::optional<Id> only;                // one person (their own account)
  std::optional<CareTeamViewer> viewer;  // the care team rules
};

// One user's reading in one clock hour, past the limit.
struct UnusualVolume {
  std::string username;
  std::string agency;
  Timestamp hour;
  int people = 0;
};

}  // namespace allot::app
