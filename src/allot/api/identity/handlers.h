#pragma once
// The handlers of identity's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::identity_api {

HttpResponse health(RequestContext& context);
HttpResponse openapi(RequestContext& context);
HttpResponse sign_in(RequestContext& context);
HttpResponse current_session(RequestContext& context);
HttpResponse sign_out(RequestContext& context);
// Every agency by its code, name and kind, so pages show agencies by name.
HttpResponse list_agencies(RequestContext& context);
// Every active user by username, display name and agency code, so pages show
// who did something by name (roles and passwords are never listed).
HttpResponse list_users(RequestContext& context);

}  // namespace allot::api::identity_api
