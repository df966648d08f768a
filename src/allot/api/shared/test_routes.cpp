// Test-only handlers, served only when test routes are enabled.
#include "allot/api/shared/test_routes.h"

#include <charconv>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "allot/api/shared/state.h"

namespace allot::api {

HttpResponse test_fail(RequestContext& context) {
  throw std::runtime_error("deliberate failure for tests: secret-internal-detail");
}

HttpResponse test_sleep(RequestContext& context) {
  int milliseconds = 0;
  const std::string& query = context.request.query;
  if (query.rfind("ms=", 0) == 0) std::from_chars(query.data() + 3, query.data() + query.size(), milliseconds);
  milliseconds = std::clamp(milliseconds, 0, 10000);
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  return json_response(200, {{"slept_ms", milliseconds}});
}

HttpResponse test_in_flight(RequestContext& context) {
  return json_response(200, {{"in_flight", context.state.in_flight.load() - 1}});
}

const std::vector<Route>& test_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/test/fail",
       .handler = &test_fail,
       .test_only = true,
       .summary = "throws, to check 500 responses"},
      {.method = Method::kGet,
       .pattern = "/api/v1/test/sleep",
       .handler = &test_sleep,
       .test_only = true,
       .summary = "answers after ?ms=N milliseconds"},
      {.method = Method::kGet,
       .pattern = "/api/v1/test/in-flight",
       .handler = &test_in_flight,
       .test_only = true,
       .summary = "requests being handled, not counting this one"},
  };
  return kRoutes;
}

}  // namespace allot::api
