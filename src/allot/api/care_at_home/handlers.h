#pragma once
// The handlers of care at home's routes (routes.cpp beside this file).

#include <nlohmann/json.hpp>

#include "allot/api/shared/router.h"
#include "allot/app/shared/actor.h"

namespace allot::api::care_at_home_api {

HttpResponse list_providers(RequestContext& context);
HttpResponse add_provider(RequestContext& context);
HttpResponse import_providers(RequestContext& context);
HttpResponse get_provider(RequestContext& context);
HttpResponse record_inspection(RequestContext& context);
HttpResponse add_rate_card(RequestContext& context);
HttpResponse add_package(RequestContext& context);
HttpResponse market_summary(RequestContext& context);

// A provider's rate cards as its page shows them (package_handlers.cpp).
nlohmann::json rate_cards_for(RequestContext& context, app::Id provider_id);

}  // namespace allot::api::care_at_home_api
