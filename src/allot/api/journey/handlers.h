#pragma once
// The handlers of the personal budget journey's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::journey_api {

HttpResponse list_people(RequestContext& context);
HttpResponse create_person(RequestContext& context);
HttpResponse get_person(RequestContext& context);
HttpResponse update_person(RequestContext& context);
HttpResponse person_timeline(RequestContext& context);
HttpResponse record_contact(RequestContext& context);
HttpResponse take_step(RequestContext& context);
HttpResponse get_journey_draft(RequestContext& context);
HttpResponse save_journey_draft(RequestContext& context);
HttpResponse list_plans(RequestContext& context);
HttpResponse carer_first_stage(RequestContext& context);
HttpResponse carer_full_assessment(RequestContext& context);
HttpResponse list_carers(RequestContext& context);
HttpResponse panel_queue(RequestContext& context);
HttpResponse record_panel_meeting(RequestContext& context);
HttpResponse list_panel_meetings(RequestContext& context);
HttpResponse get_panel_meeting(RequestContext& context);
HttpResponse reviews_due(RequestContext& context);
HttpResponse budget_drift(RequestContext& context);

}  // namespace allot::api::journey_api
