#pragma once
// A person's record (the personal budget journey, docs/api.md). The app layer
// keeps the details and the current state as JSON documents; the columns below
// are copies of a few of their fields, so lists can be filtered in the database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/access/records.h"
#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::app {

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
  // Only the people a user may see (app/access); everyone when absent (batch work).
  std::optional<PersonVisibility> visible;
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
