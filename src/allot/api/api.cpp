#include "allot/api/api.h"

#include <algorithm>
#include <charconv>
#include <exception>

#include <fmt/format.h>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/access/access_service.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_writer.h"
#include "allot/api/shared/log.h"
#include "allot/api/shared/router.h"
#include "allot/api/shared/static_files.h"

namespace allot::api {
namespace {

bool is_state_changing(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch || method == Method::kDelete;
}

std::string join_methods(const std::vector<Method>& methods) {
  std::string text;
  for (Method method : methods) {
    if (!text.empty()) text += ", ";
    text += method_name(method);
  }
  return text;
}

// Keeps what is stored from a request bounded, whoever sent it: a stranger must
// not be able to fill the audit log with long paths.
std::string bounded(std::string_view text, std::size_t limit = 200) {
  if (text.size() <= limit) return std::string(text);
  return fmt::format("{}… ({} bytes)", text.substr(0, limit), text.size());
}

// The audit subject of a refused request: the person it named, or its path.
std::string refused_subject(const HttpRequest& request, const RouteMatch& match) {
  if (match.route != nullptr && match.route->pattern.rfind("/api/v1/people/{id}", 0) == 0) {
    if (auto id = match.params.find("id"); id != match.params.end()) return bounded("person:" + id->second, 40);
  }
  return bounded(request.path);
}

struct InFlight {
  explicit InFlight(std::atomic<int>& counter) : counter_(counter) { ++counter_; }
  ~InFlight() { --counter_; }
  std::atomic<int>& counter_;
};

}  // namespace

void add_security_headers(HttpResponse& response) {
  response.set_header("Content-Security-Policy",
                      // data: images only for the pages' empty favicon (<link rel="icon" href="data:,">).
                      "default-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'self'; "
                      "frame-ancestors 'none'; object-src 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

Api::Api(ApiServices services, ApiOptions options)
    : options_(std::move(options)), state_(std::make_unique<ApiState>(services, options_)) {}

Api::~Api() = default;

void Api::stop_jobs() { state_->jobs.shutdown(); }

std::size_t Api::body_limit(Method method, std::string_view path) const {
  const RouteMatch match = match_route(method, path, options_.test_routes);
  if (match.route != nullptr && match.route->body == BodyKind::kCsv) return options_.max_upload_bytes;
  if (match.route != nullptr && match.route->body == BodyKind::kJson) return options_.max_body_bytes;
  // Routes that take no body, and paths with no route, get a small allowance.
  return std::min<std::size_t>(options_.max_body_bytes, 64 * 1024);
}

HttpResponse Api::handle(const HttpRequest& request) {
  InFlight counting(state_->in_flight);
  // Gathers the audit entries this request leaves; the response waits for them.
  app::AuditScope audit_scope;
  HttpResponse response;
  try {
    response = dispatch(request);
  } catch (const std::exception& error) {
    response = internal_error(fmt::format("{} {}: {}", method_name(request.method), request.path, error.what()));
  } catch (...) {
    response = internal_error(fmt::format("{} {}: unknown exception", method_name(request.method), request.path));
  }
  add_security_headers(response);
  release_when_recorded(audit_scope, response);
  return response;
}

void Api::release_when_recorded(app::AuditScope& scope, HttpResponse& response) const {
  std::vector<app::AuditTicket> tickets = scope.take_tickets();
  if (tickets.empty()) return;
  response.when_recorded = [tickets = std::move(tickets)](std::function<void(bool)> done) mutable {
    app::when_all_written(std::move(tickets), std::move(done));
  };
}

// Every refusal is recorded: who (or "anonymous"), what they asked for and why it
// was refused. 404s are recorded for a person's record only: a search for ids
// that do not exist is how records are walked.
void Api::audit_refusal(const HttpRequest& request, const RouteMatch& match, const RequestContext* context,
                        const HttpResponse& response) const {
  const bool refused = response.status == 401 || response.status == 403 ||
                       (response.status == 404 && match.route != nullptr &&
                        match.route->pattern.rfind("/api/v1/people/{id}", 0) == 0);
  if (!refused) return;
  app::NewAuditEntry entry;
  if (context != nullptr && context->principal) {
    entry.actor = context->principal->actor();
  } else {
    entry.actor = app::Actor{"anonymous", ""};
  }
  entry.action = "refused";
  entry.subject = refused_subject(request, match);
  std::string code;
  if (auto body = nlohmann::json::parse(response.body, nullptr, false); body.is_object() && body.contains("error")) {
    code = body["error"].value("code", "");
  }
  entry.detail = fmt::format("{} {} {} from {}", response.status, bounded(code, 40),
                             bounded(fmt::format("{} {}", method_name(request.method), request.target)),
                             bounded(request.remote_address, 60));
  // Recorded like a read: the response waits for it; a failure to write it makes
  // the response a 500 (server.cpp), so no refusal goes unrecorded.
  (void)state_->audit.record(entry);
}

// Every route about one person's record (/people/{id}/...) asks the policy again
// with what the person's care team says about this user, before any handler runs,
// so no capability's handler can forget it. A refusal reads the same whether or
// not the record exists. Access by break glass carries its reason into every
// audit entry of the request.
std::optional<HttpResponse> Api::check_care_team(const Route& route, RequestContext& context) const {
  if (route.pattern.rfind("/api/v1/people/{id}", 0) != 0) return std::nullopt;
  const auto raw = context.params.find("id");
  if (raw == context.params.end()) return std::nullopt;
  app::Id person_id = 0;
  const auto [end, error] = std::from_chars(raw->second.data(), raw->second.data() + raw->second.size(), person_id);
  // Not an id at all: the handler refuses it with the field named.
  if (error != std::errc() || end != raw->second.data() + raw->second.size() || person_id < 1) return std::nullopt;
  const app::Principal principal = context.principal->principal();
  app::AccessService access(state_->services.store, state_->services.clock);
  Result<app::PersonAccess> known = access.person_access(principal, person_id);
  if (!known) return failure(known.error(), "");
  Result<tl::monostate> allowed =
      app::AccessPolicy::standard().check(principal, route.action, app::Subject{person_id, &*known, route.part});
  if (!allowed) return error_response(403, "forbidden", allowed.error().front().message);
  if (known->break_glass && !known->on_care_team) {
    if (app::AuditScope* scope = app::current_audit_scope(); scope != nullptr) {
      scope->set_reason("break glass: " + known->break_glass_reason);
    }
  }
  return std::nullopt;
}

// Who is asking (a bearer token for API clients, the session cookie for
// browsers), the CSRF token for browser writes, and the access policy's word on
// the route's action. Nothing, or the response refusing the request.
std::optional<HttpResponse> Api::authorize(const Route& route, const HttpRequest& request,
                                           RequestContext& context) const {
  if (route.access == Access::kPublic) return std::nullopt;
  bool by_cookie = false;
  {
    const std::string_view authorization = request.header("authorization");
    Result<app::Authenticated> who = fail(ErrorCode::kNotFound, "session", "not signed in");
    const bool by_bearer = authorization.rfind("Bearer ", 0) == 0;
    const std::string presented = by_bearer ? std::string(authorization.substr(7)) : request.cookie("allot_session");
    std::optional<SessionCache::Entry> cached;
    if (!presented.empty()) cached = state_->sessions.find(presented, state_->services.clock.now());
    if (cached) {
      who = cached->who;
      if (cached->is_session) context.session_token = presented;
      by_cookie = !by_bearer;
    } else if (by_bearer) {
      const std::string token(authorization.substr(7));
      who = state_->services.auth.user_for_api_token(token);
      // The token from POST /session also works as a bearer token.
      if (!who && !std::any_of(who.error().begin(), who.error().end(),
                               [](const Issue& issue) { return issue.code == ErrorCode::kInternal; })) {
        who = state_->services.auth.user_for_session(token);
        if (who) context.session_token = token;
      }
    } else if (std::string cookie = request.cookie("allot_session"); !cookie.empty()) {
      who = state_->services.auth.user_for_session(cookie);
      if (who) {
        by_cookie = true;
        context.session_token = cookie;
      }
    }
    if (who && !cached) state_->sessions.remember(presented, SessionCache::Entry{*who, !context.session_token.empty()});
    if (!who) {
      if (std::any_of(who.error().begin(), who.error().end(),
                      [](const Issue& issue) { return issue.code == ErrorCode::kInternal; })) {
        return failure(who.error(), "");
      }
      HttpResponse refused = error_response(401, "unauthenticated", "sign in first, or send a valid bearer token");
      refused.set_header("WWW-Authenticate", "Bearer");
      return refused;
    }
    context.principal = std::move(*who);
    // A person's own account reaches only the record it is linked to, looked up
    // on each request so a link (or its absence) holds at once.
    if (context.principal->user.has_role(app::Role::kPerson)) {
      Result<std::optional<app::Id>> linked =
          app::AccessService(state_->services.store, state_->services.clock).account_person(context.principal->user.id);
      if (!linked) return failure(linked.error(), "");
      context.principal->person_id = *linked;
    }
    // Browsers send cookies on their own, so writes must prove they come from our pages.
    if (by_cookie && is_state_changing(request.method) &&
        !app::AuthService::csrf_matches(*context.principal, request.header("x-csrf-token"))) {
      return error_response(403, "csrf", "missing or wrong X-CSRF-Token header");
    }
    // The access policy decides before the body is read; the use case asks it
    // again about the record it touches.
    if (route.access == Access::kAllowed) {
      Result<tl::monostate> allowed = app::AccessPolicy::standard().check(context.principal->principal(), route.action);
      if (!allowed) return error_response(403, "forbidden", allowed.error().front().message);
    }
  }

  return std::nullopt;
}

std::optional<HttpResponse> Api::admit(const HttpRequest& head) const {
  const bool is_api = head.path == "/api" || head.path.rfind("/api/", 0) == 0;
  if (!is_api) return std::nullopt;
  const RouteMatch match = match_route(head.method, head.path, options_.test_routes);
  if (match.route == nullptr || match.route->access == Access::kPublic) return std::nullopt;
  RequestContext context{*state_, head, match.params, std::nullopt, {}};
  app::AuditScope audit_scope;
  std::optional<HttpResponse> refusal = authorize(*match.route, head, context);
  if (refusal) {
    audit_refusal(head, match, &context, *refusal);
    release_when_recorded(audit_scope, *refusal);
  }
  return refusal;
}

HttpResponse Api::dispatch(const HttpRequest& request) {
  const bool is_api = request.path == "/api" || request.path.rfind("/api/", 0) == 0;
  if (!is_api) {
    if (request.method != Method::kGet && request.method != Method::kHead) {
      HttpResponse refused = error_response(405, "method_not_allowed", "pages are read with GET");
      refused.set_header("Allow", "GET, HEAD");
      return refused;
    }
    return serve_static(options_.web_root, request);
  }

  const RouteMatch match = match_route(request.method, request.path, options_.test_routes);
  if (match.route == nullptr) {
    if (match.path_known) {
      HttpResponse refused = error_response(405, "method_not_allowed",
                                            fmt::format("{} is not allowed here; allowed: {}",
                                                        method_name(request.method), join_methods(match.allowed)));
      refused.set_header("Allow", join_methods(match.allowed));
      return refused;
    }
    return error_response(404, ErrorCode::kNotFound, fmt::format("no API endpoint {}", request.path));
  }
  const Route& route = *match.route;
  RequestContext context{*state_, request, match.params, std::nullopt, {}};

  if (std::optional<HttpResponse> refusal = authorize(route, request, context)) {
    audit_refusal(request, match, &context, *refusal);
    return std::move(*refusal);
  }
  if (app::AuditScope* scope = app::current_audit_scope(); scope != nullptr && context.principal) {
    scope->set_roles(app::audit_roles_text(context.principal->principal().roles));
  }
  // The care team is asked once per request, here rather than in authorize() (which
  // also runs on the head alone), so a read of a record costs one lookup.
  if (context.principal && route.access == Access::kAllowed) {
    if (std::optional<HttpResponse> refusal = check_care_team(route, context)) {
      audit_refusal(request, match, &context, *refusal);
      return std::move(*refusal);
    }
  }

  if (route.body == BodyKind::kJson && request.media_type() != "application/json") {
    return error_response(400, ErrorCode::kMalformed, "expected Content-Type: application/json");
  }
  if (route.body == BodyKind::kCsv && request.media_type() != "text/csv") {
    return error_response(400, ErrorCode::kMalformed, "expected Content-Type: text/csv");
  }
  // Every JSON body is read by the one reader once before any handler sees it, so
  // text that is not JSON, or a number no double holds (1e400, a 400-digit
  // integer), is the same 400 naming its place on every route, whatever reader
  // the handler uses after.
  if (route.body == BodyKind::kJson) {
    if (Result<nlohmann::json> body = json_body(request); !body) {
      // A syntax error's place is "body:line:column"; a number's is its field.
      const bool syntax = body.error().front().path.rfind("body:", 0) == 0;
      return error_response(400, ErrorCode::kMalformed,
                            syntax ? "the body is not valid JSON" : "the body holds a number too large to read",
                            body.error());
    }
  }
  HttpResponse response = route.handler(context);
  if (response.header("cache-control").empty()) response.set_header("Cache-Control", "no-store");
  // A session ended, or users, agencies or tokens changed: forget who tokens were.
  if (is_state_changing(request.method) && response.status < 300 &&
      (route.pattern.rfind("/api/v1/session", 0) == 0 || route.pattern.rfind("/api/v1/users", 0) == 0 ||
       route.pattern.rfind("/api/v1/agencies", 0) == 0 || route.pattern.rfind("/api/v1/tokens", 0) == 0)) {
    state_->sessions.forget_all();
  }
  audit_refusal(request, match, &context, response);
  return response;
}

}  // namespace allot::api
