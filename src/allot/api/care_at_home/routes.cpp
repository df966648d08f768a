// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/care_at_home/permissions.cpp), body and handler.
#include "allot/api/care_at_home/routes.h"

#include "allot/api/care_at_home/handlers.h"

namespace allot::api {

const std::vector<Route>& care_at_home_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/providers",
       .access = Access::kAllowed,
       .action = "providers.read",
       .body = BodyKind::kNone,
       .handler = &care_at_home_api::list_providers,
       .test_only = false,
       .summary = "the provider framework: every provider with its standing"},
      {.method = Method::kPost,
       .pattern = "/api/v1/providers",
       .access = Access::kAllowed,
       .action = "providers.manage",
       .body = BodyKind::kJson,
       .handler = &care_at_home_api::add_provider,
       .test_only = false,
       .summary = "add a provider"},
      {.method = Method::kPost,
       .pattern = "/api/v1/providers/import",
       .access = Access::kAllowed,
       .action = "providers.manage",
       .body = BodyKind::kJson,
       .handler = &care_at_home_api::import_providers,
       .test_only = false,
       .summary = "add providers from a spreadsheet (CSV text or XLSX rows)"},
      {.method = Method::kGet,
       .pattern = "/api/v1/providers/{id}",
       .access = Access::kAllowed,
       .action = "providers.read",
       .body = BodyKind::kNone,
       .handler = &care_at_home_api::get_provider,
       .test_only = false,
       .summary = "a provider with its inspections and standing"},
      {.method = Method::kPost,
       .pattern = "/api/v1/providers/{id}/inspections",
       .access = Access::kAllowed,
       .action = "providers.manage",
       .body = BodyKind::kJson,
       .handler = &care_at_home_api::record_inspection,
       .test_only = false,
       .summary = "record an inspection, or preview what it would change"},
      {.method = Method::kPost,
       .pattern = "/api/v1/providers/{id}/rates",
       .access = Access::kAllowed,
       .action = "providers.manage",
       .body = BodyKind::kJson,
       .handler = &care_at_home_api::add_rate_card,
       .test_only = false,
       .summary = "a provider's rates for a service, in force from a date"},
      {.method = Method::kPost,
       .pattern = "/api/v1/care-packages",
       .access = Access::kAllowed,
       .action = "providers.manage",
       .body = BodyKind::kJson,
       .handler = &care_at_home_api::add_package,
       .test_only = false,
       .summary = "add a care at home package, costed from the provider's rates"},
      {.method = Method::kGet,
       .pattern = "/api/v1/care-packages/summary",
       .access = Access::kAllowed,
       .action = "providers.read",
       .body = BodyKind::kNone,
       .handler = &care_at_home_api::market_summary,
       .test_only = false,
       .summary = "hours and annual cost by framework, provider, service and client group"},
  };
  return kRoutes;
}

}  // namespace allot::api
