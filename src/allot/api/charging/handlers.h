#pragma once
// The handlers of charging's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::charging_api {

HttpResponse list_rules(RequestContext& context);
HttpResponse get_rules(RequestContext& context);
HttpResponse publish_rules(RequestContext& context);
HttpResponse person_charging(RequestContext& context);
HttpResponse record_assessment(RequestContext& context);
HttpResponse preview_assessment(RequestContext& context);

}  // namespace allot::api::charging_api
