#pragma once
// The personal budget journey's use cases (docs/api.md, "The personal budget
// journey"): people's records, contacts, screening, enablement, assessment with
// the RAS and eligibility, support plan versions, sign-off by a team manager or
// the Resource Allocation Group, agreed personal budgets, transitional
// protection, reviews, carers' assessments and equipment-only budgets.
//
// Requests and answers are JSON documents in the shapes docs/api.md gives; each
// request is checked while it is converted to the journey module's types, and
// every problem is returned at once (kMissingField, kWrongType, kInvalidValue,
// kUnknownReference → 422). A step not allowed in the current stage is kConflict
// naming the stage and the steps allowed; a save with a stale version is
// kConflict; a person that does not exist is kNotFound. A refused request
// changes nothing.
//
// Every change is one transaction: the record's new state (optimistic
// concurrency on its row_version), the append-only events describing the step,
// and the audit entry. Every read of a person's record is audited too.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "allot/app/shared/clock.h"
#include "allot/app/journey/records.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"
#include "allot/journey/carers.h"
#include "allot/journey/eligibility.h"
#include "allot/journey/person.h"
#include "allot/journey/reviews.h"
#include "allot/journey/sign_off.h"

namespace allot::ras {
struct Rulebook;
}

namespace allot::app {

// The council's configurable rules for the journey.
struct JourneyConfig {
  journey::SignOffRules sign_off;
  journey::ReviewRules reviews;
  journey::CarerFirstStageRules carers;
  journey::NeedBand banded_threshold = journey::NeedBand::kSubstantial;
  int enablement_weeks = 6;  // enablement normally lasts up to six weeks (seed 003)
  int reviews_due_days = 28; // the reviews-due list looks this far ahead by default
};

// The Client Level Data code lists shipped with Allot (data/codes/cld.json,
// compiled in).
const journey::CodeLists& builtin_code_lists();

class JourneyService {
 public:
  JourneyService(Store& store, const Clock& clock, JourneyConfig config = {});
  ~JourneyService();

  using Json = nlohmann::json;

  // Lists and reads (each audited).
  Result<Json> list_people(const Actor& actor, const PersonQuery& query);
  Result<Json> get_person(const Actor& actor, Id person_id);
  Result<Json> timeline(const Actor& actor, Id person_id);
  Result<Json> plans(const Actor& actor, Id person_id);
  Result<Json> get_draft(const Actor& actor, Id person_id, std::string_view kind);
  Result<Json> list_carers(const Actor& actor);
  Result<Json> panel_queue(const Actor& actor);
  Result<Json> panel_meetings(const Actor& actor);
  Result<Json> panel_meeting(const Actor& actor, Id meeting_id);
  // `by`: nothing for today plus reviews_due_days.
  Result<Json> reviews_due(const Actor& actor, std::optional<Date> by);
  Result<Json> budget_drift(const Actor& actor);

  // Changes.
  Result<Json> create_person(const Actor& actor, const Json& body);
  Result<Json> update_person(const Actor& actor, Id person_id, const Json& body);
  Result<Json> record_contact(const Actor& actor, Id person_id, const Json& body);
  // step: a journey step id (case_flow.h) other than "decide" by the panel.
  Result<Json> take_step(const Actor& actor, Id person_id, std::string_view step, const Json& body);
  Result<Json> save_draft(const Actor& actor, Id person_id, std::string_view kind, const Json& body);
  Result<Json> carer_first_stage(const Actor& actor, Id person_id, const Json& body);
  Result<Json> carer_full_assessment(const Actor& actor, Id person_id, const Json& body);
  Result<Json> record_panel_meeting(const Actor& actor, const Json& body);

  // Runs `work`, making every change through this service inside `tx`, the
  // caller's transaction (loading demo data in one transaction). A refusal then
  // does not roll back by itself: the caller's transaction must fail. The
  // service must not be used from other threads meanwhile.
  Result<Unit> within(Transaction& tx, const std::function<Result<Unit>()>& work);

  const JourneyConfig& config() const { return config_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  JourneyConfig config_;
};

}  // namespace allot::app
