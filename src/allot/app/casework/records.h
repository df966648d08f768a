#pragma once
// Casework as stored: teams and who works in them, the allocation of each open
// case to a worker and a team, case notes, and the council's address gazetteer.
// Allocations, notes and gazetteer imports are append-only: a reallocation is a
// new allocation, a correction a new note pointing to the one it corrects, a new
// gazetteer a new import.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"

namespace allot::app {

struct TeamMember {
  std::string username;
  bool manager = false;  // a team manager sees the team's caseload and reallocates
  bool operator==(const TeamMember&) const = default;
};

// A team of workers. Its name is the team a person's record names
// (PersonDetails::team), so a case's team and its workers meet.
struct Team {
  Id id = 0;
  std::string name;
  std::string locality;
  std::vector<TeamMember> members;  // by username
  bool operator==(const Team&) const = default;
};

// Who a case is allocated to, from when, by whom and why.
struct Allocation {
  Id id = 0;
  Id person_id = 0;
  std::string worker;
  std::string team;
  std::string reason;
  std::string allocated_by;
  std::string agency;
  Timestamp allocated_at;
  bool operator==(const Allocation&) const = default;
};

struct NewAllocation {
  Id person_id = 0;
  std::string worker;
  std::string team;
  std::string reason;
  Actor by;
};

// A dated, attributed note on a person's case. Never changed: a correction is a
// new note whose `corrects` names the note it corrects.
struct CaseNote {
  Id id = 0;
  Id person_id = 0;
  std::string text;
  std::optional<Id> corrects;
  std::string written_by;
  std::string agency;
  Timestamp written_at;
  bool operator==(const CaseNote&) const = default;
};

struct NewCaseNote {
  Id person_id = 0;
  std::string text;
  std::optional<Id> corrects;
  Actor by;
};

// One address of the council's gazetteer. Latitude and longitude are kept as
// the decimal text imported, so nothing is rounded on the way through.
struct GazetteerAddress {
  int line = 0;  // the CSV line it came from
  std::string uprn;      // Unique Property Reference Number, or empty
  std::string postcode;  // normalised ("DE22 1AB"), or empty
  std::string address;
  std::string latitude;
  std::string longitude;
  bool operator==(const GazetteerAddress&) const = default;
};

struct GazetteerImport {
  Id id = 0;
  std::string source_name;
  int addresses = 0;
  std::string imported_by;
  std::string agency;
  Timestamp imported_at;
  bool operator==(const GazetteerImport&) const = default;
};

}  // namespace allot::app
