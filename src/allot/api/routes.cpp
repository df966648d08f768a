// The routing table of API v1: every endpoint, who may call it, and its body.
// openapi.json documents exactly these routes (tests/api/openapi_test.cpp checks).
#include "allot/api/handlers.h"
#include "allot/api/router.h"

namespace allot::api {

const std::vector<Route>& route_table() {
  using app::Role;
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
