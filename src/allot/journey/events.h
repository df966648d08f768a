#pragma once
// What happened to a person's case, one event per change, shaped after England's
// Client Level Data event model: an event type (request, assessment, service,
// review) and an outcome code. The steps (steps.h) return the events to record;
// the app appends them to the person's history, which is never changed.
// journey_io gives each payload its stored JSON (docs/api.md, "Event").

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/money.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"

namespace allot::journey {

enum class EventType { kRequest, kAssessment, kService, kReview };
const char* event_type_id(EventType type);  // "request", "assessment", "service", "review"

struct PersonCreated {
  PersonDetails details;
};
struct DetailsChanged {
  PersonDetails before;
  PersonDetails after;
};
// A likely duplicate of a record already kept (journey/duplicates.h), confirmed
// to be a different person by the one who added this record.
struct DifferentPersonConfirmed {
  std::vector<std::int64_t> other_ids;
  std::vector<std::string> other_names;  // "Ann Smith", as each record read then
};
struct ContactRecorded {
  Date date;
  std::string route_of_access;
  std::string requested_by;
  bool joint_screening = false;
};
struct Screened {
  ScreeningOutcome outcome = ScreeningOutcome::kAssessment;
  bool joint = false;
  std::optional<Enablement> enablement;  // when screened to enablement
};
struct EnablementEnded {
  EnablementOutcome outcome = EnablementOutcome::kOngoingSupport;
  Date ended;
};
struct AssessmentCompleted {
  std::string rulebook_id;
  int rulebook_version = 0;
  std::map<std::string, std::string> answers;
  std::int64_t score_id = 0;
  Money annual;
  Eligibility eligibility;  // as given
  bool eligible = false;
  bool joint = false;
  std::vector<std::string> professions;
};
struct EquipmentBudgetAgreed {
  std::string description;
  AgreedBudget agreed_budget;
};
struct PlanSaved {
  int version = 0;
  Money annual;
};
struct PlanSubmitted {
  SignOff sign_off;
};
// A team manager's sign-off.
struct SignOffDecided {
  DecisionOutcome outcome = DecisionOutcome::kApprove;
  int plan_version = 0;
  std::optional<Money> agreed_annual;  // none when returned or declined
};
// The Resource Allocation Group's decision, recorded in a meeting.
struct PanelDecided {
  PanelDecision decision;
  std::int64_t meeting_id = 0;
};
struct ProtectionRecorded {
  Protection protection;
};
struct Reviewed {
  Date date;
  bool joint = false;
  ReviewOutcome outcome = ReviewOutcome::kNoChange;
};
struct Closed {};
struct CarerFirstStageCompleted {
  CarerFirstStageRecord result;
  CarerFirstStageCommand form;  // as given
};
struct CarerFullAssessmentCompleted {
  CarerFullAssessmentRecord result;
  std::map<std::string, std::string> answers;
  std::int64_t score_id = 0;
};

using EventPayload =
    std::variant<PersonCreated, DetailsChanged, ContactRecorded, Screened, EnablementEnded, AssessmentCompleted,
                 EquipmentBudgetAgreed, PlanSaved, PlanSubmitted, SignOffDecided, PanelDecided, ProtectionRecorded,
                 Reviewed, Closed, CarerFirstStageCompleted, CarerFullAssessmentCompleted, DifferentPersonConfirmed>;

// The event's kind as the timeline names it: "person_created", "details_changed",
// "contact", "screen", "end_enablement", "assessment_completed",
// "equipment_budget_agreed", "plan_saved", "plan_submitted", "sign_off_decision",
// "panel_decision", "protection_recorded", "review", "close",
// "carer_first_stage", "carer_full_assessment", "different_person_confirmed".
const char* event_kind(const EventPayload& payload);

struct Event {
  EventType type = EventType::kRequest;
  std::string outcome;  // a Client Level Data event outcome code, or empty
  EventPayload payload;
  std::string reason;
};

}  // namespace allot::journey
