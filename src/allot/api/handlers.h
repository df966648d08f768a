#pragma once
// The API's request handlers (one member per route in routes.cpp). Internal to
// the api module. Each handler parses its request into a parameters struct,
// validates it (every problem at once), calls the app layer or the RAS engine,
// and maps the result to JSON and a status.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "allot/api/api.h"
#include "allot/api/shared/jobs.h"
#include "allot/api/shared/router.h"
#include "allot/app/journey/journey_service.h"
#include "allot/ras/rulebook.h"

namespace allot::api {

class Handlers {
 public:
  Handlers(ApiServices services, const ApiOptions& options);

  HttpResponse health(RequestContext& context);
  HttpResponse openapi(RequestContext& context);
  HttpResponse sign_in(RequestContext& context);
  HttpResponse current_session(RequestContext& context);
  HttpResponse sign_out(RequestContext& context);
  HttpResponse list_rulebooks(RequestContext& context);
  HttpResponse get_rulebook_version(RequestContext& context);
  HttpResponse validate_rulebook(RequestContext& context);
  HttpResponse publish_rulebook(RequestContext& context);
  HttpResponse score(RequestContext& context);
  HttpResponse calibrate(RequestContext& context);
  HttpResponse start_simulation(RequestContext& context);
  HttpResponse get_job(RequestContext& context);
  // The personal budget journey (journey_handlers.cpp).
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
  // Visit scheduling jobs (solver_handlers.cpp).
  HttpResponse list_solver_examples(RequestContext& context);
  HttpResponse start_solver_job(RequestContext& context);
  HttpResponse cancel_job(RequestContext& context);
  // Test-only routes (ServerConfig::test_routes).
  HttpResponse test_fail(RequestContext& context);
  HttpResponse test_sleep(RequestContext& context);
  HttpResponse test_in_flight(RequestContext& context);

  ApiServices services;
  ApiOptions options;
  JobRegistry jobs;
  app::JourneyService journey{services.store, services.clock};
  std::atomic<int> in_flight{0};

 private:
  // A published rulebook, parsed once and kept (published versions never change).
  Result<std::shared_ptr<const ras::Rulebook>> load_rulebook(const RequestContext& context);

  std::mutex cache_mutex_;
  std::map<std::pair<std::string, int>, std::shared_ptr<const ras::Rulebook>> cache_;
};

// A 500 response with a fresh incident id; `detail` goes to the log only.
HttpResponse internal_error(std::string_view detail);
// The response for issues from a lower layer; kInternal issues become internal_error().
HttpResponse failure(const Issues& issues, std::string_view message);

}  // namespace allot::api
