#pragma once
// The personal budget journey's use cases (docs/api.md, "The personal budget
// journey"), one class per part, sharing one JourneyCore:
//   people()  people's records: list, read, add, change (people.h)
//   steps()   a contact and the journey's steps (steps.h)
//   plans()   support plan versions and drafts (plans.h)
//   panel()   the Resource Allocation Group's queue and meetings (panel.h)
//   carers()  carers' assessments (carers.h)
//   reads()   timelines, reviews due, budget drift (reads.h)
// Each use case takes the signed-in Principal and a typed command
// (journey/commands.h; journey_io reads them from request bodies), checks the
// access policy inside its transaction (kForbidden), and returns typed values
// (journey/case_state.h, journey/reads.h) that journey_io writes as JSON.
//
// Every change is one transaction: the record's new state (optimistic
// concurrency on its row_version), the append-only events describing it, and the
// audit entry. Every read of a person's record is audited too.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <functional>

#include "allot/app/journey/carers.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/panel.h"
#include "allot/app/journey/people.h"
#include "allot/app/journey/plans.h"
#include "allot/app/journey/reads.h"
#include "allot/app/journey/steps.h"

namespace allot::app {

class JourneyService {
 public:
  JourneyService(Store& store, const Clock& clock, JourneyConfig config = {});
  // Sharing the server's parsed rulebooks.
  JourneyService(Store& store, const Clock& clock, RulebookCache& rulebooks, JourneyConfig config = {});

  People& people() { return people_; }
  Steps& steps() { return steps_; }
  Plans& plans() { return plans_; }
  Panel& panel() { return panel_; }
  Carers& carers() { return carers_; }
  JourneyReads& reads() { return reads_; }

  // Runs `work`, making every change through this service inside `tx`, the
  // caller's transaction (loading demo data in one transaction). A refusal then
  // does not roll back by itself: the caller's transaction must fail. The
  // service must not be used from other threads meanwhile.
  Result<Unit> within(Transaction& tx, const std::function<Result<Unit>()>& work) { return core_.within(tx, work); }

  const JourneyConfig& config() const { return core_.config(); }

 private:
  JourneyCore core_;
  People people_{core_};
  Steps steps_{core_};
  Plans plans_{core_};
  Panel panel_{core_};
  Carers carers_{core_};
  JourneyReads reads_{core_};
};

}  // namespace allot::app
