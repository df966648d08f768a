#pragma once
// The handlers of care teams, consent, sharing agreements, break glass and the
// access rules (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::access_api {

HttpResponse rules(RequestContext& context);
HttpResponse care_team(RequestContext& context);
HttpResponse add_member(RequestContext& context);
HttpResponse end_member(RequestContext& context);
HttpResponse consents(RequestContext& context);
HttpResponse record_consent(RequestContext& context);
HttpResponse agreements(RequestContext& context);
HttpResponse add_agreement(RequestContext& context);
HttpResponse end_agreement(RequestContext& context);
HttpResponse break_glass(RequestContext& context);
HttpResponse break_glass_grants(RequestContext& context);
HttpResponse unusual_volumes(RequestContext& context);
HttpResponse link_account(RequestContext& context);

}  // namespace allot::api::access_api
