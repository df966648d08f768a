#pragma once
// The routing table: each capability lists its endpoints in its own folder
// (api/<capability>/routes.cpp) and api/routes.cpp gathers them, one line per
// capability. Routes are matched by method and path pattern
// ("/api/v1/rulebooks/{id}/versions/{v}"). Each route states who may call it (an
// action of the access policy) and how large its body may be, so the server can
// refuse a request before reading its body.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/api/shared/http.h"
#include "allot/app/identity/auth_service.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/identity/records.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"

namespace allot::api {

struct ApiState;

enum class Access {
  kPublic,    // anyone
  kSignedIn,  // any signed-in user
  kAllowed,   // a signed-in user the access policy allows the route's action
};

enum class BodyKind {
  kNone,  // no body expected
  kJson,  // application/json, at most max_body_bytes
  kCsv,   // text/csv, at most max_upload_bytes
};

// What a handler sees: the request, the path's {parameters}, and who is signed in.
struct RequestContext {
  ApiState& state;  // the services and shared state handlers use
  const HttpRequest& request;
  std::map<std::string, std::string, std::less<>> params;
  std::optional<app::Authenticated> principal;
  std::string session_token;  // the cookie's or bearer's session token, if any

  const std::string& param(std::string_view name) const;
  // A path parameter that names a record by number: a whole number of 1 or more,
  // or nothing (the handler answers 404 for anything else).
  std::optional<std::int64_t> id_param(std::string_view name) const;
};

using HandlerFn = HttpResponse (*)(RequestContext&);

// One endpoint. Written with designated initialisers:
//   {.method = Method::kGet, .pattern = "/api/v1/people", .access = Access::kAllowed,
//    .action = "people.read", .handler = &list_people, .summary = "people's records"}
struct Route {
  Method method = Method::kGet;
  std::string pattern;
  Access access = Access::kPublic;
  std::string_view action;  // for Access::kAllowed: the access policy's action
  BodyKind body = BodyKind::kNone;
  HandlerFn handler = nullptr;
  bool test_only = false;  // served only when test routes are enabled; not in the API reference
  std::string summary;
  // For a route under /people/{id}: the part of the record it shows or changes;
  // the access policy lets only roles that see that part take it.
  std::optional<app::RecordPart> part;
};

// Every route of API v1: each capability's routes (api/routes.cpp).
const std::vector<Route>& route_table();

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::map<std::string, std::string, std::less<>> params;
  bool path_known = false;       // some route has this path with another method (405)
  std::vector<Method> allowed;   // methods for this path, for the Allow header
};

// Matches a decoded path. Test-only routes match only when `test_routes` is true.
RouteMatch match_route(Method method, std::string_view path, bool test_routes);

// Splits "/a/b/c" into {"a", "b", "c"}; a trailing slash gives an empty last segment.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace allot::api
