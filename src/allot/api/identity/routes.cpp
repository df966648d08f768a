// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/identity/permissions.cpp), body and handler.
#include "allot/api/identity/routes.h"

#include "allot/api/identity/handlers.h"

namespace allot::api {

const std::vector<Route>& identity_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/health",
       .handler = &identity_api::health,
       .summary = "server status"},
      {.method = Method::kGet,
       .pattern = "/api/v1/openapi.json",
       .handler = &identity_api::openapi,
       .summary = "this API's OpenAPI 3 document"},
      {.method = Method::kPost,
       .pattern = "/api/v1/session",
       .body = BodyKind::kJson,
       .handler = &identity_api::sign_in,
       .summary = "sign in"},
      {.method = Method::kGet,
       .pattern = "/api/v1/session",
       .access = Access::kSignedIn,
       .handler = &identity_api::current_session,
       .summary = "who is signed in"},
      {.method = Method::kDelete,
       .pattern = "/api/v1/session",
       .access = Access::kSignedIn,
       .handler = &identity_api::sign_out,
       .summary = "sign out"},
      {.method = Method::kGet,
       .pattern = "/api/v1/agencies",
       .access = Access::kSignedIn,
       .handler = &identity_api::list_agencies,
       .summary = "every agency by code, name and kind"},
      {.method = Method::kGet,
       .pattern = "/api/v1/users",
       .access = Access::kSignedIn,
       .handler = &identity_api::list_users,
       .summary = "every active user by username, display name and agency"},
  };
  return kRoutes;
}

}  // namespace allot::api
