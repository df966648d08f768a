#pragma once
// The handlers of care at home's routes (routes.cpp beside this file).

#include <nlohmann/json.hpp>

#include "allot/api/shared/router.h"
#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/actor.h"
#include "allot/base/json_reader.h"

namespace allot::api::care_at_home_api {

HttpResponse list_providers(RequestContext& context);
HttpResponse add_provider(RequestContext& context);
HttpResponse import_providers(RequestContext& context);
HttpResponse get_provider(RequestContext& context);
HttpResponse record_inspection(RequestContext& context);
HttpResponse add_rate_card(RequestContext& context);
HttpResponse add_package(RequestContext& context);
HttpResponse market_summary(RequestContext& context);

// Bases, carers, packages, open packages and offers (allocation_handlers.cpp).
HttpResponse get_workforce(RequestContext& context);
HttpResponse add_base(RequestContext& context);
HttpResponse add_carer(RequestContext& context);
HttpResponse import_carers(RequestContext& context);
HttpResponse list_packages(RequestContext& context);
HttpResponse list_open_packages(RequestContext& context);
HttpResponse add_open_package(RequestContext& context);
HttpResponse rank_open_package(RequestContext& context);
HttpResponse make_offer(RequestContext& context);
HttpResponse list_offers(RequestContext& context);
HttpResponse answer_offer(RequestContext& context);
// A package from the person's agreed support plan, added as an open package.
HttpResponse request_plan_package(RequestContext& context);
// A person's night-time support beside its alternatives (night_handlers.cpp).
HttpResponse night_support(RequestContext& context);
// The batch re-plan, as a job (replan_handlers.cpp).
HttpResponse start_replan(RequestContext& context);
HttpResponse apply_replan(RequestContext& context);
HttpResponse package_providers(RequestContext& context);
// The personal budget model's costed plans (costed_plan_handlers.cpp).
HttpResponse list_costed_plans(RequestContext& context);
HttpResponse propose_costed_plan(RequestContext& context);
HttpResponse answer_costed_plan(RequestContext& context);

// A provider's rate cards as its page shows them (package_handlers.cpp).
nlohmann::json rate_cards_for(RequestContext& context, app::Id provider_id);
// A package's person, client group, service, model, start, visits and night-time
// support from a request body (package_handlers.cpp).
void read_package_fields(const JsonObjectReader& root, app::NewPackage& package, Issues& issues);
// Only the visits and night-time support (package_handlers.cpp).
void read_visits_and_nights(const JsonObjectReader& root, app::NewPackage& package, Issues& issues);

}  // namespace allot::api::care_at_home_api
