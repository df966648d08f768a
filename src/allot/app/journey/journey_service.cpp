#include "allot/app/journey/journey_service.h"

#include "allot/journey_io/answers.h"
#include "allot/journey_io/documents.h"
#include "allot/journey_io/requests.h"

namespace allot::app {
namespace {

// The route table checked the actor's roles before the handler ran.
Principal checked(const Actor& actor) {
  Principal principal;
  principal.username = actor.username;
  principal.agency = actor.agency;
  principal.roles = {Role::kAdministrator, Role::kAssessor, Role::kTeamManager, Role::kPanelMember,
                     Role::kFinanceOfficer};
  return principal;
}

template <typename T, typename ToJson>
Result<nlohmann::json> json(const Result<T>& result, ToJson to_json) {
  if (!result) return fail(result.error());
  return to_json(*result);
}

}  // namespace

JourneyService::JourneyService(Store& store, const Clock& clock, JourneyConfig config)
    : core_(store, clock, std::move(config)) {}

Result<nlohmann::json> JourneyService::list_people(const Actor& actor, const PersonQuery& query) {
  return json(people_.list(checked(actor), query), journey_io::person_list_to_json);
}
Result<nlohmann::json> JourneyService::get_person(const Actor& actor, Id person_id) {
  return json(people_.get(checked(actor), person_id), journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::timeline(const Actor& actor, Id person_id) {
  return json(reads_.timeline(checked(actor), person_id), journey_io::timeline_to_json);
}
Result<nlohmann::json> JourneyService::plans(const Actor& actor, Id person_id) {
  return json(plans_.list(checked(actor), person_id), journey_io::plans_to_json);
}
Result<nlohmann::json> JourneyService::get_draft(const Actor& actor, Id person_id, std::string_view kind) {
  Result<journey::DraftKind> parsed = journey_io::read_draft_kind(kind);
  if (!parsed) return fail(parsed.error());
  return json(plans_.get_draft(checked(actor), person_id, *parsed), journey_io::draft_to_json);
}
Result<nlohmann::json> JourneyService::list_carers(const Actor& actor) {
  return json(carers_.list(checked(actor)), journey_io::carers_to_json);
}
Result<nlohmann::json> JourneyService::panel_queue(const Actor& actor) {
  return json(panel_.queue(checked(actor)), journey_io::panel_queue_to_json);
}
Result<nlohmann::json> JourneyService::panel_meetings(const Actor& actor) {
  return json(panel_.meetings(checked(actor)), journey_io::panel_meetings_to_json);
}
Result<nlohmann::json> JourneyService::panel_meeting(const Actor& actor, Id meeting_id) {
  return json(panel_.meeting(checked(actor), meeting_id), journey_io::panel_meeting_to_json);
}
Result<nlohmann::json> JourneyService::reviews_due(const Actor& actor, std::optional<Date> by) {
  return json(reads_.reviews_due(checked(actor), by), journey_io::reviews_due_to_json);
}
Result<nlohmann::json> JourneyService::budget_drift(const Actor& actor) {
  return json(reads_.budget_drift(checked(actor)), journey_io::budget_drift_to_json);
}
Result<nlohmann::json> JourneyService::create_person(const Actor& actor, const Json& body) {
  return json(people_.create(checked(actor), journey_io::read_person_details(body)), journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::update_person(const Actor& actor, Id person_id, const Json& body) {
  return json(people_.update(checked(actor), person_id, journey_io::read_update_person(body)),
              journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::record_contact(const Actor& actor, Id person_id, const Json& body) {
  return json(steps_.record_contact(checked(actor), person_id, journey_io::read_contact(body, builtin_code_lists())),
              journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::take_step(const Actor& actor, Id person_id, std::string_view step,
                                                 const Json& body) {
  auto command = journey_io::read_step(step, body, builtin_code_lists());
  if (!command) return fail(command.error());
  return json(steps_.take(checked(actor), person_id, *command), journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::save_draft(const Actor& actor, Id person_id, std::string_view kind,
                                                  const Json& body) {
  Result<journey::DraftKind> parsed = journey_io::read_draft_kind(kind);
  if (!parsed) return fail(parsed.error());
  return json(plans_.save_draft(checked(actor), person_id, *parsed, journey_io::read_save_draft(body)),
              journey_io::draft_to_json);
}
Result<nlohmann::json> JourneyService::carer_first_stage(const Actor& actor, Id person_id, const Json& body) {
  return json(carers_.first_stage(checked(actor), person_id, journey_io::read_carer_first_stage(body)),
              journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::carer_full_assessment(const Actor& actor, Id person_id, const Json& body) {
  return json(carers_.full_assessment(checked(actor), person_id, journey_io::read_carer_full_assessment(body)),
              journey_io::person_to_json);
}
Result<nlohmann::json> JourneyService::record_panel_meeting(const Actor& actor, const Json& body) {
  return json(panel_.record_meeting(checked(actor), journey_io::read_panel_meeting(body)),
              journey_io::panel_meeting_to_json);
}

}  // namespace allot::app
