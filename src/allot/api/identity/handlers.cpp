// Handlers for identity's routes: the server's health and OpenAPI document,
// signing in and out, and who is signed in.
#include "allot/api/identity/handlers.h"

#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/identity/directory_service.h"
#include "allot/app/shared/access_policy.h"

namespace allot::api::identity_api {
namespace {

constexpr const char* kSessionCookie = "allot_session";

// The user with the actions the access policy allows them, so the pages show
// only what the user may do without keeping a copy of the rules.
nlohmann::json user_json(const app::Authenticated& who) {
  nlohmann::json roles = nlohmann::json::array();
  for (app::Role role : who.user.roles) roles.push_back(app::role_name(role));
  return {{"username", who.user.username},
          {"display_name", who.user.display_name},
          {"locality", who.user.locality},
          {"agency", {{"id", who.agency.code}, {"name", who.agency.name}, {"kind", app::agency_kind_name(who.agency.kind)}}},
          {"roles", std::move(roles)},
          {"allowed", app::AccessPolicy::standard().allowed_actions(who.principal())}};
}

std::string session_cookie(const ApiOptions& options, std::string_view token, std::int64_t max_age_seconds) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                     std::max<std::int64_t>(0, max_age_seconds), options.secure_cookies ? "; Secure" : "");
}

struct SignInParams {
  std::string username;
  std::string password;
};

Result<SignInParams> parse_sign_in(const nlohmann::json& body) {
  if (Issues issues = not_an_object(body); !issues.empty()) return fail(std::move(issues));
  FieldReader reader{body, {}};
  auto username = reader.text("username");
  auto password = reader.text("password");
  if (!reader.issues.empty()) return fail(std::move(reader.issues));
  return SignInParams{*username, *password};
}

}  // namespace

HttpResponse health(RequestContext& context) {
  return json_response(200, {{"status", "ok"},
                             {"version", context.state.options.version},
                             {"schema_version", context.state.services.store.schema_version()},
                             {"database", context.state.services.store.backend_name()}});
}

HttpResponse openapi(RequestContext&) {
  HttpResponse response;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = std::string(openapi_document());
  return response;
}

HttpResponse sign_in(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<SignInParams> params = parse_sign_in(*body);
  if (!params) return failure(params.error(), "the sign-in request is incomplete");
  Result<app::SignedIn> signed_in = context.state.services.auth.sign_in(params->username, params->password, context.request.remote_address);
  if (!signed_in) {
    if (has_issue(signed_in.error(), ErrorCode::kInternal)) return failure(signed_in.error(), "");
    if (has_issue(signed_in.error(), ErrorCode::kTooManyRequests)) {
      HttpResponse refused = error_response(429, ErrorCode::kTooManyRequests, signed_in.error().front().message, {});
      refused.set_header("Retry-After", std::to_string(app::AuthService::retry_after(signed_in.error())));
      return refused;
    }
    return error_response(401, "unauthenticated", "username or password is incorrect");
  }
  const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(signed_in->expires_at - context.state.services.clock.now());
  HttpResponse response = json_response(200, {{"user", user_json(app::Authenticated{signed_in->user, signed_in->agency, {}, {}})},
                                              {"csrf_token", signed_in->csrf_token},
                                              {"token", signed_in->token},
                                              {"expires_at", app::format_timestamp(signed_in->expires_at)}});
  response.add_header("Set-Cookie", session_cookie(context.state.options, signed_in->token, lifetime.count()));
  return response;
}

HttpResponse current_session(RequestContext& context) {
  const app::Authenticated& who = *context.principal;
  return json_response(200, {{"user", user_json(who)},
                             {"csrf_token", who.csrf_token},
                             {"expires_at", who.expires_at == app::Timestamp::max()
                                                ? nlohmann::json(nullptr)
                                                : nlohmann::json(app::format_timestamp(who.expires_at))}});
}

HttpResponse sign_out(RequestContext& context) {
  if (!context.session_token.empty()) {
    Result<app::Unit> ended = context.state.services.auth.sign_out(context.session_token);
    if (!ended) return failure(ended.error(), "");
  }
  HttpResponse response = no_content();
  response.add_header("Set-Cookie", session_cookie(context.state.options, "", 0));
  return response;
}

HttpResponse list_agencies(RequestContext& context) {
  app::DirectoryService directory(context.state.services.store, context.state.services.clock);
  Result<std::vector<app::Agency>> agencies = directory.agencies();
  if (!agencies) return failure(agencies.error(), "");
  nlohmann::json list = nlohmann::json::array();
  for (const app::Agency& agency : *agencies) {
    list.push_back({{"id", agency.code}, {"name", agency.name}, {"kind", app::agency_kind_name(agency.kind)}});
  }
  return json_response(200, {{"agencies", std::move(list)}});
}

HttpResponse list_users(RequestContext& context) {
  app::DirectoryService directory(context.state.services.store, context.state.services.clock);
  Result<std::vector<app::Agency>> agencies = directory.agencies();
  if (!agencies) return failure(agencies.error(), "");
  Result<std::vector<app::User>> users = directory.users();
  if (!users) return failure(users.error(), "");
  std::map<app::Id, std::string> agency_codes;
  for (const app::Agency& agency : *agencies) agency_codes[agency.id] = agency.code;
  nlohmann::json list = nlohmann::json::array();
  for (const app::User& user : *users) {
    if (!user.active) continue;
    const auto code = agency_codes.find(user.agency_id);
    list.push_back({{"username", user.username},
                    {"display_name", user.display_name},
                    {"agency", code == agency_codes.end() ? nlohmann::json(nullptr) : nlohmann::json(code->second)}});
  }
  return json_response(200, {{"users", std::move(list)}});
}

}  // namespace allot::api::identity_api
