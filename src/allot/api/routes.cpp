// Every route of API v1: each capability's table, one line per capability.
// openapi.json documents exactly these routes (tests/api/routes_test.cpp checks).
#include "allot/api/access/routes.h"
#include "allot/api/audit/routes.h"
#include "allot/api/budgets/routes.h"
#include "allot/api/care_at_home/routes.h"
#include "allot/api/casework/routes.h"
#include "allot/api/community/routes.h"
#include "allot/api/map/routes.h"
#include "allot/api/charging/routes.h"
#include "allot/api/diary/routes.h"
#include "allot/api/programmes/routes.h"
#include "allot/api/identity/routes.h"
#include "allot/api/journey/routes.h"
#include "allot/api/ras/routes.h"
#include "allot/api/scheduling/routes.h"
#include "allot/api/shared/job_routes.h"
#include "allot/api/shared/router.h"
#include "allot/api/shared/test_routes.h"

namespace allot::api {

const std::vector<Route>& route_table() {
  static const std::vector<Route> kRoutes = [] {
    std::vector<Route> all;
    for (const auto* routes : {&identity_routes(), &ras_routes(), &job_routes(), &scheduling_routes(),
                               &journey_routes(), &budgets_routes(), &charging_routes(), &programmes_routes(),
                               &care_at_home_routes(), &casework_routes(), &community_routes(), &map_routes(),
                               &audit_routes(), &diary_routes(), &access_routes(), &test_routes()}) {
      all.insert(all.end(), routes->begin(), routes->end());
    }
    return all;
  }();
  return kRoutes;
}

}  // namespace allot::api
