#pragma once
// The API facade: turns an HttpRequest into an HttpResponse. It finds the route,
// works out who is asking (session cookie or bearer token), checks their role and,
// for browser writes, the CSRF token, then calls the route's handler, which parses
// the request into a parameters struct, validates it and calls the app layer.
// Anything else (not /api/) is served from the built pages.
//
// Thread-safety: handle() may be called from several threads at once.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "allot/api/shared/http.h"
#include "allot/api/shared/jobs.h"
#include "allot/app/identity/auth_service.h"
#include "allot/app/shared/clock.h"
#include "allot/app/ras/rulebook_service.h"
#include "allot/app/shared/audit_writer.h"
#include "allot/app/shared/store.h"

namespace allot::api {

struct ApiOptions {
  std::string web_root = "web/dist";
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 64 * 1024 * 1024;
  int job_threads = 1;
  bool secure_cookies = true;
  bool test_routes = false;
  std::string version = "0.1.0";
};

// What the API needs from the app layer. All must outlive the Api.
struct ApiServices {
  app::Store& store;
  const app::Clock& clock;
  app::AuthService& auth;
  app::RulebookService& rulebooks;
};

struct ApiState;
struct Route;
struct RouteMatch;
struct RequestContext;

class Api {
 public:
  Api(ApiServices services, ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  HttpResponse handle(const HttpRequest& request);
  // Called once a request's header has arrived, before its body is read: the
  // refusal for a route that needs a signed-in user the header does not show
  // (401, CSRF 403, policy 403), or nothing.
  std::optional<HttpResponse> admit(const HttpRequest& head) const;
  // The largest body accepted for a request to this method and path.
  std::size_t body_limit(Method method, std::string_view path) const;
  // Stops running jobs (at shutdown).
  void stop_jobs();

 private:
  HttpResponse dispatch(const HttpRequest& request);
  std::optional<HttpResponse> authorize(const Route& route, const HttpRequest& request,
                                        RequestContext& context) const;
  std::optional<HttpResponse> check_care_team(const Route& route, RequestContext& context) const;
  void audit_refusal(const HttpRequest& request, const RouteMatch& match, const RequestContext* context,
                     const HttpResponse& response) const;
  void release_when_recorded(app::AuditScope& scope, HttpResponse& response) const;
  ApiOptions options_;
  std::unique_ptr<ApiState> state_;
};

// The OpenAPI 3 document: the parts in api/shared and each capability's folder,
// embedded at build time and joined (api/shared/openapi.h).
std::string_view openapi_document();

// Security headers every response carries (Content-Security-Policy allowing only
// this origin, X-Content-Type-Options, Referrer-Policy, ...).
void add_security_headers(HttpResponse& response);

}  // namespace allot::api
