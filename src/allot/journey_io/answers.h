#pragma once
// The journey's answers as the JSON docs/api.md gives them: lists of people,
// timelines, plan versions, drafts, carers, the panel's queue and meetings,
// reviews due and the drift of agreed budgets. (The person record, plan versions
// and meetings themselves are in documents.h.)

#include <vector>

#include <nlohmann/json.hpp>

#include "allot/journey/panel.h"
#include "allot/journey/plan_version.h"
#include "allot/journey/reads.h"

namespace allot::journey_io {

using Json = nlohmann::json;

// {"people": [person summary], "total"}.
Json person_list_to_json(const journey::PersonList& list);
Json person_summary_to_json(const journey::PersonSummary& summary);
// {"events": [event]}, each payload as it was recorded.
Json timeline_to_json(const std::vector<journey::RecordedEvent>& events);
// {"plans": [plan version]}.
Json plans_to_json(const std::vector<journey::PlanVersion>& plans);
// {"kind", "document", "row_version", "updated_by", "updated_at"}.
Json draft_to_json(const journey::Draft& draft);
// {"carers": [carer summary]}.
Json carers_to_json(const std::vector<journey::CarerSummary>& carers);
// {"plans": [queued plan]}.
Json panel_queue_to_json(const std::vector<journey::QueuedPlan>& queue);
// {"meetings": [meeting]}.
Json panel_meetings_to_json(const std::vector<journey::PanelMeeting>& meetings);
// {"by", "reviews": [review due]}.
Json reviews_due_to_json(const journey::ReviewsDue& due);
// {"budgets": [drift row], "totals": {"people", "indicative_annual_pence", "agreed_annual_pence", "difference_pence"}}.
Json budget_drift_to_json(const journey::BudgetDrift& drift);

}  // namespace allot::journey_io
