#pragma once
// The handlers of the audit log's routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::audit_api {

HttpResponse list_entries(RequestContext& context);
HttpResponse verify_chain(RequestContext& context);

}  // namespace allot::api::audit_api
