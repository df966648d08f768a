#pragma once
// The handlers of the RAS's routes (routes.cpp beside this file). Each reads its
// request into a parameters struct, validates it (every problem at once), calls
// the app layer and maps the answer to JSON and a status.

#include <memory>

#include "allot/api/shared/router.h"
#include "allot/ras/rulebook.h"

namespace allot::api::ras_api {

HttpResponse list_rulebooks(RequestContext& context);
HttpResponse get_rulebook_version(RequestContext& context);
HttpResponse validate_rulebook(RequestContext& context);
HttpResponse score(RequestContext& context);
HttpResponse calibrate(RequestContext& context);
HttpResponse start_simulation(RequestContext& context);

// Starts a simulation job of `rulebook` over the body's population CSV; its
// result names the rulebook, its version and whether it is a draft.
HttpResponse submit_simulation(RequestContext& context, std::shared_ptr<const ras::Rulebook> rulebook, bool draft);

// Governance (governance_handlers.cpp).
HttpResponse upload_rulebook(RequestContext& context);
HttpResponse list_drafts(RequestContext& context);
HttpResponse get_draft(RequestContext& context);
HttpResponse start_draft_simulation(RequestContext& context);
HttpResponse propose_draft(RequestContext& context);
HttpResponse approve_draft(RequestContext& context);
HttpResponse reject_draft(RequestContext& context);
HttpResponse rulebook_history(RequestContext& context);
HttpResponse rulebook_in_force(RequestContext& context);

}  // namespace allot::api::ras_api
