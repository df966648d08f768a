#pragma once
// The journey's typed values as the JSON documents Allot stores and shows
// (docs/api.md, "The personal budget journey": "Shapes"): a person's details and
// case state (kept as JSON columns), the person record, plan versions, a panel
// meeting's members and decisions, and each event's payload.
//
// Writing gives every field, absent values as null, exactly as earlier versions
// of Allot wrote them, so databases written before still read and a record read
// and written again is unchanged. Reading a stored document reports every
// problem with its path ("agreed_budget.by_funding.nhs"); a stored document that
// does not read is a bug or a damaged database.

#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"
#include "allot/journey/events.h"
#include "allot/journey/panel.h"
#include "allot/journey/plan_version.h"

namespace allot::journey_io {

using Json = nlohmann::json;

// Person details: {"given_name", "family_name", "date_of_birth", "nhs_number",
// "address", "postcode", "latitude", "longitude", "primary_support_reason",
// "client_group", "has_unpaid_carer", "accommodation_status",
// "employment_status", "locality", "team", "cares_for"}; empty optional text is
// null.
Json details_to_json(const journey::PersonDetails& details);
Result<journey::PersonDetails> details_from_json(const Json& document);

// The case state: {"stage", "enablement", "indicative_budget", "plan_version",
// "sign_off", "agreed_budget", "protection", "carer",
// "previous_package_annual_pence", "last_review"}. A field missing from an older
// document reads as absent.
Json case_state_to_json(const journey::CaseState& state);
Result<journey::CaseState> case_state_from_json(const Json& document);

// The parts, as they appear in the state and the person record.
Json enablement_to_json(const journey::Enablement& enablement);
Json indicative_budget_to_json(const journey::IndicativeBudget& budget);
Json sign_off_to_json(const journey::SignOff& sign_off);
Json agreed_budget_to_json(const journey::AgreedBudget& budget);
Json protection_to_json(const journey::Protection& protection);
Json carer_to_json(const journey::CarerAssessments& carer);

// The person record: the details, "id", "row_version", "created_at", "stage",
// "allowed_steps" and the state's parts other than the previous package and the
// last review.
Json person_to_json(const journey::Person& person);

// A plan version: {"version", "outcomes", "lines", "totals",
// "difference_from_indicative_pence", "created_by", "created_at"}.
Json plan_version_to_json(const journey::PlanVersion& plan);
Result<journey::PlanVersion> plan_version_from_json(const Json& document);
Json plan_line_to_json(const journey::PlanLine& line);
Json plan_totals_to_json(const journey::PlanTotals& totals);

// A meeting's members [{"name", "role", "agency"}] and decisions
// [{"person_id", "plan_version", "outcome", "agreed_annual_pence", "reason"}].
Json panel_members_to_json(const std::vector<journey::PanelMember>& members);
Result<std::vector<journey::PanelMember>> panel_members_from_json(const Json& document);
Json panel_decision_to_json(const journey::PanelDecision& decision);
Json panel_decisions_to_json(const std::vector<journey::PanelDecision>& decisions);
Result<std::vector<journey::PanelDecision>> panel_decisions_from_json(const Json& document);
// {"id", "held_on", "members", "decisions", "recorded_by", "recorded_at"}.
Json panel_meeting_to_json(const journey::PanelMeeting& meeting);

// An event's payload as the timeline shows it (docs/api.md lists the kinds).
Json event_payload_to_json(const journey::EventPayload& payload);
// The eligibility findings as given, and a carer's first-stage form as given.
Json eligibility_to_json(const journey::Eligibility& eligibility);
Json carer_form_to_json(const journey::CarerFirstStageCommand& form);

}  // namespace allot::journey_io
