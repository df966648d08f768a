#pragma once
// The journey's steps on a person's record (docs/api.md, "Steps"): a contact
// opening a case, then screening, enablement, assessment with the RAS and
// eligibility, support plan versions, submission for sign-off, a team manager's
// decision, reviews and closing. The rules are journey/steps.h's; this layer
// loads the record, looks up what a step needs (the rulebook and its score, the
// latest plan), and saves the new state, the step's events and its audit entry
// in one transaction.
//
// Needs people.write; a team manager's sign-off (decide) also needs
// people.decide (kForbidden). Refusals, first to last: a person that does not
// exist is kNotFound; a step not allowed at the case's stage is kConflict naming
// the stage and the steps allowed; a plan version read before someone else saved
// or submitted is kConflict; then every problem with the command at once
// (kMissingField, kWrongType, kInvalidValue, kUnknownReference). A refused step
// changes nothing.

#include "allot/app/journey/journey_core.h"

namespace allot::app {

class Steps {
 public:
  explicit Steps(JourneyCore& core) : core_(core) {}

  // A contact: a new case at screening (kConflict while a case is open).
  Result<journey::Person> record_contact(const Principal& principal, Id person_id,
                                         const journey::Parsed<journey::ContactCommand>& contact);
  // One step; which one is the command's type.
  Result<journey::Person> take(const Principal& principal, Id person_id,
                               const journey::Parsed<journey::StepCommand>& step);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
