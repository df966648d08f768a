#pragma once
// The handlers of care at home's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::care_at_home_api {

HttpResponse list_providers(RequestContext& context);
HttpResponse add_provider(RequestContext& context);
HttpResponse get_provider(RequestContext& context);
HttpResponse record_inspection(RequestContext& context);

}  // namespace allot::api::care_at_home_api
