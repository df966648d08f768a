#include "allot/journey_io/answers.h"

#include "allot/journey_io/documents.h"
#include "allot/journey_io/reader.h"

namespace allot::journey_io {

using detail::date_json;
using detail::format_instant;
using detail::money_json;
using detail::optional_text;

Json person_summary_to_json(const journey::PersonSummary& summary) {
  return Json{{"id", summary.id},
              {"given_name", summary.given_name},
              {"family_name", summary.family_name},
              {"date_of_birth", date_json(summary.date_of_birth)},
              {"client_group", summary.client_group},
              {"locality", summary.locality},
              {"team", summary.team},
              {"stage", summary.stage ? Json(journey::stage_id(*summary.stage)) : Json(nullptr)},
              {"cares_for", summary.cares_for ? Json(*summary.cares_for) : Json(nullptr)},
              {"sign_off_route",
               summary.sign_off_route ? Json(journey::sign_off_route_id(*summary.sign_off_route)) : Json(nullptr)}};
}

Json person_list_to_json(const journey::PersonList& list) {
  Json people = Json::array();
  for (const journey::PersonSummary& summary : list.people) people.push_back(person_summary_to_json(summary));
  return Json{{"people", std::move(people)}, {"total", list.total}};
}

Json timeline_to_json(const std::vector<journey::RecordedEvent>& events) {
  Json list = Json::array();
  for (const journey::RecordedEvent& event : events) {
    list.push_back(Json{{"id", event.id},
                        {"kind", event.kind},
                        {"event_type", event.event_type},
                        {"outcome", optional_text(event.outcome)},
                        {"at", format_instant(event.at)},
                        {"actor", event.actor},
                        {"agency", event.agency},
                        {"reason", event.reason},
                        {"payload", Json::parse(event.payload)}});
  }
  return Json{{"events", std::move(list)}};
}

Json plans_to_json(const std::vector<journey::PlanVersion>& plans) {
  Json list = Json::array();
  for (const journey::PlanVersion& plan : plans) list.push_back(plan_version_to_json(plan));
  return Json{{"plans", std::move(list)}};
}

Json draft_to_json(const journey::Draft& draft) {
  return Json{{"kind", journey::draft_kind_id(draft.kind)},
              {"document", Json::parse(draft.document)},
              {"row_version", draft.row_version},
              {"updated_by", draft.updated_by},
              {"updated_at", format_instant(draft.updated_at)}};
}

Json carers_to_json(const std::vector<journey::CarerSummary>& carers) {
  Json list = Json::array();
  for (const journey::CarerSummary& carer : carers) {
    list.push_back(Json{{"person_id", carer.person_id},
                        {"given_name", carer.given_name},
                        {"family_name", carer.family_name},
                        {"locality", carer.locality},
                        {"cares_for",
                         {{"id", carer.cares_for_id},
                          {"given_name", carer.cares_for_given_name},
                          {"family_name", carer.cares_for_family_name}}},
                        {"first_stage_done", carer.first_stage_done},
                        {"referred", carer.referred},
                        {"budget_annual_pence", money_json(carer.budget_annual)}});
  }
  return Json{{"carers", std::move(list)}};
}

Json panel_queue_to_json(const std::vector<journey::QueuedPlan>& queue) {
  Json list = Json::array();
  for (const journey::QueuedPlan& plan : queue) {
    list.push_back(Json{{"person_id", plan.person_id},
                        {"given_name", plan.given_name},
                        {"family_name", plan.family_name},
                        {"client_group", plan.client_group},
                        {"locality", plan.locality},
                        {"plan_version", plan.plan_version},
                        {"annual_pence", plan.annual.pence()},
                        {"indicative_annual_pence", plan.indicative_annual.pence()},
                        {"difference_pence", plan.difference.pence()},
                        {"reasons", plan.reasons},
                        {"submitted_at", format_instant(plan.submitted_at)}});
  }
  return Json{{"plans", std::move(list)}};
}

Json panel_meetings_to_json(const std::vector<journey::PanelMeeting>& meetings) {
  Json list = Json::array();
  for (const journey::PanelMeeting& meeting : meetings) list.push_back(panel_meeting_to_json(meeting));
  return Json{{"meetings", std::move(list)}};
}

Json reviews_due_to_json(const journey::ReviewsDue& due) {
  Json list = Json::array();
  for (const journey::ReviewDue& review : due.reviews) {
    list.push_back(Json{{"person_id", review.person_id},
                        {"given_name", review.given_name},
                        {"family_name", review.family_name},
                        {"locality", review.locality},
                        {"team", review.team},
                        {"review_due", review.review_due.to_string()},
                        {"first_review", review.first_review},
                        {"agreed_annual_pence", review.agreed_annual.pence()}});
  }
  return Json{{"by", due.by.to_string()}, {"reviews", std::move(list)}};
}

Json budget_drift_to_json(const journey::BudgetDrift& drift) {
  Json list = Json::array();
  for (const journey::DriftRow& row : drift.budgets) {
    list.push_back(Json{{"person_id", row.person_id},
                        {"given_name", row.given_name},
                        {"family_name", row.family_name},
                        {"client_group", row.client_group},
                        {"locality", row.locality},
                        {"indicative_annual_pence", money_json(row.indicative_annual)},
                        {"agreed_annual_pence", row.agreed_annual.pence()},
                        {"difference_pence", money_json(row.difference)},
                        {"reason", row.reason},
                        {"start", row.start.to_string()},
                        {"decided_by", journey::decided_by_id(row.decided_by)}});
  }
  return Json{{"budgets", std::move(list)},
              {"totals",
               {{"people", drift.people},
                {"agreed_annual_pence", drift.agreed_annual.pence()},
                {"compared",
                 {{"people", drift.compared.people},
                  {"indicative_annual_pence", drift.compared.indicative_annual.pence()},
                  {"agreed_annual_pence", drift.compared.agreed_annual.pence()},
                  {"difference_pence", drift.compared.difference.pence()}}},
                {"without_indicative",
                 {{"people", drift.without_indicative.people},
                  {"agreed_annual_pence", drift.without_indicative.agreed_annual.pence()}}}}}};
}

}  // namespace allot::journey_io
