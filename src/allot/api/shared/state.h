#pragma once
// What the API's handlers share while the server runs: the app layer's services,
// the options, the job threads, the cache of parsed rulebooks and each
// capability's use cases. One per Api; handlers reach it through
// RequestContext::state. A capability whose use cases keep state adds one
// member here.

#include <atomic>
#include <memory>

#include "allot/api/api.h"
#include "allot/api/shared/job_journal.h"
#include "allot/api/shared/jobs.h"
#include "allot/api/shared/session_cache.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/journey/journey_service.h"
#include "allot/app/ras/rulebook_cache.h"

namespace allot::api {

struct ApiState {
  ApiState(ApiServices api_services, const ApiOptions& api_options)
      : services(api_services),
        options(api_options),
        jobs(api_options.job_threads, 200, std::make_shared<StoreJobJournal>(services.store, services.clock))
 {}

  ApiServices services;
  ApiOptions options;
  JobRegistry jobs;
  app::RulebookCache rulebook_cache;  // parsed published rulebooks, shared by every capability
  app::JourneyService journey{services.store, services.clock, rulebook_cache};
  app::AuditService audit{services.store, services.clock};  // refusals; reads go through each use case
  SessionCache sessions;  // who each token belongs to, for a moment (session_cache.h)
  std::atomic<int> in_flight{0};  // requests being handled
};

}  // namespace allot::api
