// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/charging/permissions.cpp), body and handler.
#include "allot/api/charging/routes.h"

#include "allot/api/charging/handlers.h"

namespace allot::api {

const std::vector<Route>& charging_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/charging-rules",
       .access = Access::kPublic,
       .action = "",
       .body = BodyKind::kNone,
       .handler = &charging_api::list_rules,
       .test_only = false,
       .summary = "published charging rules versions"},
      {.method = Method::kGet,
       .pattern = "/api/v1/charging-rules/{id}/versions/{v}",
       .access = Access::kPublic,
       .action = "",
       .body = BodyKind::kNone,
       .handler = &charging_api::get_rules,
       .test_only = false,
       .summary = "a published charging rules document"},
      {.method = Method::kPost,
       .pattern = "/api/v1/charging-rules",
       .access = Access::kAllowed,
       .action = "charging.publish_rules",
       .body = BodyKind::kJson,
       .handler = &charging_api::publish_rules,
       .test_only = false,
       .summary = "publish a charging rules version"},
      {.method = Method::kGet,
       .pattern = "/api/v1/people/{id}/charging",
       .access = Access::kAllowed,
       .action = "charging.read",
       .body = BodyKind::kNone,
       .handler = &charging_api::person_charging,
       .test_only = false,
       .summary = "a person's financial assessments: cost, contribution and public share with the arithmetic",
       .part = app::RecordPart::kMoney},
      {.method = Method::kPost,
       .pattern = "/api/v1/people/{id}/financial-assessments",
       .access = Access::kAllowed,
       .action = "charging.assess",
       .body = BodyKind::kJson,
       .handler = &charging_api::record_assessment,
       .test_only = false,
       .summary = "record a financial assessment",
       .part = app::RecordPart::kMoney},
      {.method = Method::kPost,
       .pattern = "/api/v1/people/{id}/financial-assessments/preview",
       .access = Access::kAllowed,
       .action = "charging.assess",
       .body = BodyKind::kJson,
       .handler = &charging_api::preview_assessment,
       .test_only = false,
       .summary = "work out a contribution without recording it",
       .part = app::RecordPart::kMoney},
  };
  return kRoutes;
}

}  // namespace allot::api
