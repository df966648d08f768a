// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/scheduling/permissions.cpp), body and handler.
#include "allot/api/scheduling/routes.h"

#include "allot/api/scheduling/handlers.h"

namespace allot::api {

const std::vector<Route>& scheduling_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/solver/examples",
       .access = Access::kAllowed,
       .action = "scheduling.solve",
       .handler = &scheduling_api::list_solver_examples,
       .summary = "built-in routing problems to try"},
      {.method = Method::kPost,
       .pattern = "/api/v1/solver/jobs",
       .access = Access::kAllowed,
       .action = "scheduling.solve",
       .body = BodyKind::kJson,
       .handler = &scheduling_api::start_solver_job,
       .summary = "solve a routing problem (a job)"},
      {.method = Method::kGet,
       .pattern = "/api/v1/care-at-home/weeks",
       .access = Access::kAllowed,
       .action = "scheduling.provider_week",
       .handler = &scheduling_api::provider_weeks,
       .summary = "the providers whose week the user may plan"},
      {.method = Method::kGet,
       .pattern = "/api/v1/care-at-home/providers/{id}/week",
       .access = Access::kAllowed,
       .action = "scheduling.provider_week",
       .handler = &scheduling_api::provider_week,
       .summary = "a provider's day of visits and carers as the engine's problem, with names"},
  };
  return kRoutes;
}

}  // namespace allot::api
