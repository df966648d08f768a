#pragma once
// People's records: list, read, add and change the details (docs/api.md,
// "The personal budget journey"). Reads need people.read, changes people.write;
// every read and change of a record is audited.
//
// A person's details are checked against the Client Level Data code lists and
// today (journey::check_person), with every problem reported at once
// (kMissingField, kWrongType, kInvalidValue, kUnknownReference). A record that
// does not exist is kNotFound; a change from a stale row_version is kConflict.

#include <span>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/duplicates.h"
#include "allot/journey/reads.h"

namespace allot::app {

// A record kept that may be the same person as one being added (journey/duplicates.h).
// A candidate outside the user's care teams still counts (or duplicates would be
// made), but is shown only as far as avoiding one needs: that it matches, on what,
// and who holds it; its person is then only the id, every detail empty.
struct DuplicateCandidate {
  journey::Person person;
  std::vector<journey::DuplicateMatch> matched_on;
  bool visible = true;                // the user may read the record's identity part
  std::string team;                   // the team holding the record (set when not visible)
  std::vector<std::string> held_by;   // the agencies on its care team today (set when not visible)
};

// The person with only the given parts of their record (app/shared/access_policy.h):
// a part not seen is emptied (its values absent), never guessed at.
journey::Person only_parts(journey::Person person, std::span<const RecordPart> parts);

class People {
 public:
  explicit People(JourneyCore& core) : core_(core) {}

  Result<journey::PersonList> list(const Principal& principal, const PersonQuery& query);
  Result<journey::Person> get(const Principal& principal, Id person_id);
  // A new record with no open case (a carer's record when cares_for names the
  // person cared for: kUnknownReference if there is no such person, kInvalidValue
  // if it names another carer).
  Result<journey::Person> create(const Principal& principal, const journey::Parsed<journey::PersonDetails>& details);
  // The same, refusing a duplicate: kConflict at "nhs_number" when the NHS number
  // is on another record; kConflict at "different_from" for each likely duplicate
  // not named in different_from (the person is then not added; duplicates()
  // lists them); kInvalidValue for an id in different_from that is not a likely
  // duplicate. The confirmation is kept in the new record's history
  // ("different_person_confirmed").
  Result<journey::Person> create(const Principal& principal, const journey::Parsed<journey::NewPerson>& command);
  // The records kept, other than `self`, that may be the same person as these
  // details (people.read), oldest first, searched across everyone; those outside
  // the user's care teams shown only as DuplicateCandidate says. Audited as a
  // search naming the people returned.
  Result<std::vector<DuplicateCandidate>> duplicates(const Principal& principal, const journey::PersonDetails& details,
                                                     std::optional<Id> self = std::nullopt);
  // New details; the old ones stay in the timeline. Whom a carer cares for does
  // not change. An NHS number on another record is kConflict at "nhs_number".
  Result<journey::Person> update(const Principal& principal, Id person_id,
                                 const journey::Parsed<journey::UpdatePerson>& command);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
