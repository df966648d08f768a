// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/programmes/permissions.cpp), body and handler.
#include "allot/api/programmes/routes.h"

#include "allot/api/programmes/handlers.h"

namespace allot::api {

const std::vector<Route>& programmes_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/programmes",
       .access = Access::kAllowed,
       .action = "programmes.read",
       .body = BodyKind::kNone,
       .handler = &programmes_api::list_programmes,
       .test_only = false,
       .summary = "grant programmes"},
      {.method = Method::kPost,
       .pattern = "/api/v1/programmes",
       .access = Access::kAllowed,
       .action = "programmes.manage",
       .body = BodyKind::kJson,
       .handler = &programmes_api::import_programme,
       .test_only = false,
       .summary = "import a grant programme from CSV text or spreadsheet rows"},
      {.method = Method::kGet,
       .pattern = "/api/v1/programmes/{id}/report",
       .access = Access::kAllowed,
       .action = "programmes.read",
       .body = BodyKind::kNone,
       .handler = &programmes_api::programme_report,
       .test_only = false,
       .summary = "a grant programme by source, year, workstream and project"},
  };
  return kRoutes;
}

}  // namespace allot::api
