// The routes of the audit log: method, path, who may call it (an action of the
// access policy, app/audit/permissions.cpp), body and handler.
#include "allot/api/audit/routes.h"

#include "allot/api/audit/handlers.h"

namespace allot::api {

const std::vector<Route>& audit_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/audit/entries",
       .access = Access::kAllowed,
       .action = "audit.read",
       .body = BodyKind::kNone,
       .handler = &audit_api::list_entries,
       .test_only = false,
       .summary = "search the audit log by person, user, action and date"},
      {.method = Method::kGet,
       .pattern = "/api/v1/audit/verify",
       .access = Access::kAllowed,
       .action = "audit.verify",
       .body = BodyKind::kNone,
       .handler = &audit_api::verify_chain,
       .test_only = false,
       .summary = "verify the audit log's hash chain"},
  };
  return kRoutes;
}

}  // namespace allot::api
