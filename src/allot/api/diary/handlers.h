#pragma once
// The handlers of the support diary's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::diary_api {

HttpResponse read_diary(RequestContext& context);
HttpResponse add_entry(RequestContext& context);
HttpResponse change_entry(RequestContext& context);
HttpResponse cancel_entry(RequestContext& context);
HttpResponse entry_history(RequestContext& context);

}  // namespace allot::api::diary_api
