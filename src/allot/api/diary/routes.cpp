// The routes of this capability: method, path, who may call it (an action of the
// access policy, app/diary/permissions.cpp), body and handler.
#include "allot/api/diary/routes.h"

#include "allot/api/diary/handlers.h"

namespace allot::api {

const std::vector<Route>& diary_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/people/{id}/diary",
       .access = Access::kAllowed,
       .action = "diary.read",
       .body = BodyKind::kNone,
       .handler = &diary_api::read_diary,
       .test_only = false,
       .summary = "a person's support diary for a range of dates (a week by default)",
       .part = app::RecordPart::kDiary},
      {.method = Method::kPost,
       .pattern = "/api/v1/people/{id}/diary/entries",
       .access = Access::kAllowed,
       .action = "diary.write",
       .body = BodyKind::kJson,
       .handler = &diary_api::add_entry,
       .test_only = false,
       .summary = "add an entry to a person's support diary",
       .part = app::RecordPart::kDiary},
      {.method = Method::kPatch,
       .pattern = "/api/v1/people/{id}/diary/entries/{entry}",
       .access = Access::kAllowed,
       .action = "diary.write",
       .body = BodyKind::kJson,
       .handler = &diary_api::change_entry,
       .test_only = false,
       .summary = "change a diary entry (a new version, given the version it is based on)",
       .part = app::RecordPart::kDiary},
      {.method = Method::kPost,
       .pattern = "/api/v1/people/{id}/diary/entries/{entry}/cancel",
       .access = Access::kAllowed,
       .action = "diary.write",
       .body = BodyKind::kJson,
       .handler = &diary_api::cancel_entry,
       .test_only = false,
       .summary = "cancel a diary entry, with the reason",
       .part = app::RecordPart::kDiary},
      {.method = Method::kGet,
       .pattern = "/api/v1/people/{id}/diary/entries/{entry}/history",
       .access = Access::kAllowed,
       .action = "diary.read",
       .body = BodyKind::kNone,
       .handler = &diary_api::entry_history,
       .test_only = false,
       .summary = "every version of a diary entry, oldest first",
       .part = app::RecordPart::kDiary},
  };
  return kRoutes;
}

}  // namespace allot::api
