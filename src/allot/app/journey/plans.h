#pragma once
// Support plan versions and the drafts saved as the user types (docs/api.md).
// Reads need people.read, saving a draft people.write; each is audited.
//
// A draft is the page's own JSON object, one per person and kind (assessment or
// plan), saved with optimistic concurrency: no row_version creates, the version
// read updates, a stale one is kConflict and nothing changes. Completing the
// assessment or saving a plan version removes the draft (steps.h). Plan versions
// are saved by the save_plan step and never change.

#include <vector>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/reads.h"

namespace allot::app {

class Plans {
 public:
  explicit Plans(JourneyCore& core) : core_(core) {}

  // Every version, oldest first; kNotFound if there is no such person.
  Result<std::vector<journey::PlanVersion>> list(const Principal& principal, Id person_id);
  // kNotFound if there is no such person or draft.
  Result<journey::Draft> get_draft(const Principal& principal, Id person_id, journey::DraftKind kind);
  Result<journey::Draft> save_draft(const Principal& principal, Id person_id, journey::DraftKind kind,
                                    const journey::Parsed<journey::SaveDraftCommand>& command);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
