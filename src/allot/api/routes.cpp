// The routing table of API v1: every endpoint, who may call it, and its body.
// openapi.json documents exactly these routes (tests/api/openapi_test.cpp checks).
#include "allot/api/handlers.h"
#include "allot/api/shared/router.h"

namespace allot::api {

const std::vector<Route>& route_table() {
  using app::Role;
  // Who may see people's records, and who may change them (docs/api.md).
  static const std::vector<Role> kReaders = {Role::kAssessor, Role::kTeamManager, Role::kPanelMember,
                                             Role::kFinanceOfficer, Role::kAdministrator};
  static const std::vector<Role> kWriters = {Role::kAssessor, Role::kTeamManager};
  // Who may run the visit scheduling engine (docs/api.md).
  static const std::vector<Role> kSchedulers = {Role::kCommissioner, Role::kProviderUser, Role::kAdministrator,
                                                Role::kAnalyst};
  static const std::vector<Route> kRoutes = {
      {Method::kGet, "/api/v1/health", Access::kPublic, {}, BodyKind::kNone, &Handlers::health, false,
       "server status"},
      {Method::kGet, "/api/v1/openapi.json", Access::kPublic, {}, BodyKind::kNone, &Handlers::openapi, false,
       "this API's OpenAPI 3 document"},
      {Method::kPost, "/api/v1/session", Access::kPublic, {}, BodyKind::kJson, &Handlers::sign_in, false, "sign in"},
      {Method::kGet, "/api/v1/session", Access::kSignedIn, {}, BodyKind::kNone, &Handlers::current_session, false,
       "who is signed in"},
      {Method::kDelete, "/api/v1/session", Access::kSignedIn, {}, BodyKind::kNone, &Handlers::sign_out, false,
       "sign out"},
      {Method::kGet, "/api/v1/rulebooks", Access::kPublic, {}, BodyKind::kNone, &Handlers::list_rulebooks, false,
       "published rulebooks"},
      {Method::kPost, "/api/v1/rulebooks", Access::kRoles, {Role::kAnalyst, Role::kAdministrator}, BodyKind::kJson,
       &Handlers::publish_rulebook, false, "publish a rulebook version"},
      {Method::kPost, "/api/v1/rulebooks/validate", Access::kRoles, {Role::kAnalyst, Role::kAdministrator},
       BodyKind::kJson, &Handlers::validate_rulebook, false, "check a rulebook document"},
      {Method::kGet, "/api/v1/rulebooks/{id}/versions/{v}", Access::kPublic, {}, BodyKind::kNone,
       &Handlers::get_rulebook_version, false, "a published rulebook document"},
      {Method::kPost, "/api/v1/rulebooks/{id}/versions/{v}/score", Access::kPublic, {}, BodyKind::kJson,
       &Handlers::score, false, "indicative budget for a set of answers"},
      {Method::kPost, "/api/v1/rulebooks/{id}/versions/{v}/calibrate", Access::kRoles, {Role::kAnalyst},
       BodyKind::kJson, &Handlers::calibrate, false, "set the value of a point from a sample"},
      {Method::kPost, "/api/v1/rulebooks/{id}/versions/{v}/simulations", Access::kRoles, {Role::kAnalyst},
       BodyKind::kCsv, &Handlers::start_simulation, false, "run a rulebook over a population (a job)"},
      {Method::kGet, "/api/v1/jobs/{job_id}", Access::kSignedIn, {}, BodyKind::kNone, &Handlers::get_job, false,
       "a job's progress and result"},
      {Method::kDelete, "/api/v1/jobs/{job_id}", Access::kSignedIn, {}, BodyKind::kNone, &Handlers::cancel_job, false,
       "cancel a job (a solver job ends with its best solution so far)"},
      // Visit scheduling jobs: the routing solver on a job thread.
      {Method::kGet, "/api/v1/solver/examples", Access::kRoles, kSchedulers, BodyKind::kNone,
       &Handlers::list_solver_examples, false, "built-in routing problems to try"},
      {Method::kPost, "/api/v1/solver/jobs", Access::kRoles, kSchedulers, BodyKind::kJson, &Handlers::start_solver_job,
       false, "solve a routing problem (a job)"},
      // The personal budget journey: people's records, for staff roles only.
      {Method::kGet, "/api/v1/people", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::list_people, false,
       "people's records"},
      {Method::kPost, "/api/v1/people", Access::kRoles, kWriters, BodyKind::kJson, &Handlers::create_person, false,
       "add a person's record"},
      {Method::kGet, "/api/v1/people/{id}", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::get_person, false,
       "a person's record with stage, allowed steps and budgets"},
      {Method::kPut, "/api/v1/people/{id}", Access::kRoles, kWriters, BodyKind::kJson, &Handlers::update_person, false,
       "change a person's details"},
      {Method::kGet, "/api/v1/people/{id}/timeline", Access::kRoles, kReaders, BodyKind::kNone,
       &Handlers::person_timeline, false, "a person's events"},
      {Method::kPost, "/api/v1/people/{id}/contacts", Access::kRoles, kWriters, BodyKind::kJson,
       &Handlers::record_contact, false, "record a contact"},
      {Method::kPost, "/api/v1/people/{id}/steps/{step}", Access::kRoles, kWriters, BodyKind::kJson,
       &Handlers::take_step, false, "take one step of the journey"},
      {Method::kGet, "/api/v1/people/{id}/drafts/{kind}", Access::kRoles, kReaders, BodyKind::kNone,
       &Handlers::get_journey_draft, false, "an assessment or plan draft"},
      {Method::kPut, "/api/v1/people/{id}/drafts/{kind}", Access::kRoles, kWriters, BodyKind::kJson,
       &Handlers::save_journey_draft, false, "save an assessment or plan draft"},
      {Method::kGet, "/api/v1/people/{id}/plans", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::list_plans,
       false, "every support plan version"},
      {Method::kPost, "/api/v1/people/{id}/carers/first-stage", Access::kRoles, kWriters, BodyKind::kJson,
       &Handlers::carer_first_stage, false, "a carer's first-stage assessment"},
      {Method::kPost, "/api/v1/people/{id}/carers/full-assessment", Access::kRoles, kWriters, BodyKind::kJson,
       &Handlers::carer_full_assessment, false, "a carer's full assessment"},
      {Method::kGet, "/api/v1/carers", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::list_carers, false,
       "carers and whom they care for"},
      {Method::kGet, "/api/v1/panel/queue", Access::kRoles,
       {Role::kPanelMember, Role::kTeamManager, Role::kFinanceOfficer, Role::kAdministrator}, BodyKind::kNone,
       &Handlers::panel_queue, false, "plans awaiting the Resource Allocation Group"},
      {Method::kPost, "/api/v1/panel/meetings", Access::kRoles, {Role::kPanelMember}, BodyKind::kJson,
       &Handlers::record_panel_meeting, false, "record a Resource Allocation Group meeting and its decisions"},
      {Method::kGet, "/api/v1/panel/meetings", Access::kRoles, kReaders, BodyKind::kNone,
       &Handlers::list_panel_meetings, false, "Resource Allocation Group meetings"},
      {Method::kGet, "/api/v1/panel/meetings/{id}", Access::kRoles, kReaders, BodyKind::kNone,
       &Handlers::get_panel_meeting, false, "one Resource Allocation Group meeting"},
      {Method::kGet, "/api/v1/reviews/due", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::reviews_due, false,
       "reviews due"},
      {Method::kGet, "/api/v1/budgets/drift", Access::kRoles, kReaders, BodyKind::kNone, &Handlers::budget_drift,
       false, "agreed budgets next to indicative budgets"},
      // Test-only routes: served only when test routes are enabled (ALLOT_TEST_ROUTES=1).
      {Method::kGet, "/api/v1/test/fail", Access::kPublic, {}, BodyKind::kNone, &Handlers::test_fail, true,
       "throws, to check 500 responses"},
      {Method::kGet, "/api/v1/test/sleep", Access::kPublic, {}, BodyKind::kNone, &Handlers::test_sleep, true,
       "answers after ?ms=N milliseconds"},
      {Method::kGet, "/api/v1/test/in-flight", Access::kPublic, {}, BodyKind::kNone, &Handlers::test_in_flight, true,
       "requests being handled, not counting this one"},
  };
  return kRoutes;
}

}  // namespace allot::api
