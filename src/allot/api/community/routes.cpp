// The routes of the directory of community opportunities: method, path, who may
// call it (an action of the access policy, app/community/permissions.cpp), body
// and handler.
#include "allot/api/community/routes.h"

#include "allot/api/community/handlers.h"

namespace allot::api {

const std::vector<Route>& community_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/community",
       .access = Access::kAllowed,
       .action = "community.read",
       .body = BodyKind::kNone,
       .handler = &community_api::search,
       .test_only = false,
       .summary = "the directory of community opportunities, searched by locality, kind, client group and words"},
      {.method = Method::kPost,
       .pattern = "/api/v1/community",
       .access = Access::kAllowed,
       .action = "community.manage",
       .body = BodyKind::kJson,
       .handler = &community_api::add,
       .test_only = false,
       .summary = "add a community opportunity"},
      {.method = Method::kPost,
       .pattern = "/api/v1/community/import",
       .access = Access::kAllowed,
       .action = "community.manage",
       .body = BodyKind::kJson,
       .handler = &community_api::import_entries,
       .test_only = false,
       .summary = "add community opportunities from a spreadsheet (CSV text or XLSX rows)"},
      {.method = Method::kGet,
       .pattern = "/api/v1/community/{id}",
       .access = Access::kAllowed,
       .action = "community.read",
       .body = BodyKind::kNone,
       .handler = &community_api::get,
       .test_only = false,
       .summary = "a community opportunity with every earlier version"},
      {.method = Method::kPut,
       .pattern = "/api/v1/community/{id}",
       .access = Access::kAllowed,
       .action = "community.manage",
       .body = BodyKind::kJson,
       .handler = &community_api::change,
       .test_only = false,
       .summary = "change a community opportunity (a new version; the earlier ones are kept)"},
  };
  return kRoutes;
}

}  // namespace allot::api
