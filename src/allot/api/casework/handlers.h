#pragma once
// The handlers of the casework routes (routes.cpp beside this file).

#include "allot/api/shared/router.h"

namespace allot::api::casework_api {

HttpResponse my_caseload(RequestContext& context);
HttpResponse list_teams(RequestContext& context);
HttpResponse team_caseload(RequestContext& context);
HttpResponse allocations(RequestContext& context);
HttpResponse reallocate(RequestContext& context);
HttpResponse list_notes(RequestContext& context);
HttpResponse write_note(RequestContext& context);
HttpResponse link_carer(RequestContext& context);
HttpResponse person_location(RequestContext& context);
HttpResponse find_addresses(RequestContext& context);
HttpResponse import_gazetteer(RequestContext& context);
HttpResponse code_lists(RequestContext& context);

}  // namespace allot::api::casework_api
