#pragma once
// People's records: list, read, add and change the details (docs/api.md,
// "The personal budget journey"). Reads need people.read, changes people.write;
// every read and change of a record is audited.
//
// A person's details are checked against the Client Level Data code lists and
// today (journey::check_person), with every problem reported at once
// (kMissingField, kWrongType, kInvalidValue, kUnknownReference). A record that
// does not exist is kNotFound; a change from a stale row_version is kConflict.

#include "allot/app/journey/journey_core.h"
#include "allot/journey/reads.h"

namespace allot::app {

class People {
 public:
  explicit People(JourneyCore& core) : core_(core) {}

  Result<journey::PersonList> list(const Principal& principal, const PersonQuery& query);
  Result<journey::Person> get(const Principal& principal, Id person_id);
  // A new record with no open case (a carer's record when cares_for names the
  // person cared for: kUnknownReference if there is no such person, kInvalidValue
  // if it names another carer).
  Result<journey::Person> create(const Principal& principal, const journey::Parsed<journey::PersonDetails>& details);
  // New details; the old ones stay in the timeline. Whom a carer cares for does
  // not change.
  Result<journey::Person> update(const Principal& principal, Id person_id,
                                 const journey::Parsed<journey::UpdatePerson>& command);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
