#pragma once
// Carers' assessments in two stages (docs/api.md, "Carers"; seed 003): a first
// stage the carer or a partner organisation completes, giving universal support
// and referring some carers on, then a full assessment against a carers'
// rulebook giving a carer's personal budget. Listing carers needs people.read;
// the assessments people.write. Refusals as steps.h: kNotFound, then kConflict
// when the step is not allowed on this record (not a carer's, or not referred),
// then every problem with the form at once.

#include <vector>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/reads.h"

namespace allot::app {

class Carers {
 public:
  explicit Carers(JourneyCore& core) : core_(core) {}

  // Every carer and whom they care for.
  Result<std::vector<journey::CarerSummary>> list(const Principal& principal);
  Result<journey::Person> first_stage(const Principal& principal, Id person_id,
                                      const journey::Parsed<journey::CarerFirstStageCommand>& command);
  // The carer's budget is the indicative amount unless another is agreed with a
  // reason.
  Result<journey::Person> full_assessment(const Principal& principal, Id person_id,
                                          const journey::Parsed<journey::CarerFullAssessmentCommand>& command);
  // Links an existing person's record as the carer of another (a record made
  // without cares_for). Needs people.write. kNotFound for an unknown carer;
  // kUnknownReference when `cares_for` names nobody; kInvalidValue when it names
  // the carer or a carer's record; kConflict when the record is a carer's
  // already or has an open case or a budget of its own. Recorded as a change of
  // details, with the carer's assessments started.
  Result<journey::Person> link(const Principal& principal, Id carer_id, Id cares_for);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
