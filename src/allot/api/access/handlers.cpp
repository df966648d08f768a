#include "allot/api/access/handlers.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/access/access_service.h"
#include "allot/app/access/permissions.h"

namespace allot::api::access_api {

namespace {

using nlohmann::json;

app::AccessService service(RequestContext& context) {
  return app::AccessService(context.state.services.store, context.state.services.clock);
}

app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

json optional_date(const std::optional<Date>& date) { return date ? json(date->to_string()) : json(nullptr); }

const char* reach_name(app::Reach reach) {
  switch (reach) {
    case app::Reach::kNone: return "none";
    case app::Reach::kCareTeam: return "care_team";
    case app::Reach::kCareTeamOrPanel: return "care_team_or_panel";
    case app::Reach::kOwnRecord: return "own_record";
  }
  return "none";
}

json member_json(const app::CareTeamMember& m) {
  return {{"id", m.id},
          {"person_id", m.person_id},
          {"agency", m.agency},
          {"agency_kind", m.agency_kind},
          {"username", m.username.empty() ? json(nullptr) : json(m.username)},
          {"team_role", m.team_role},
          {"starts_on", m.starts_on.to_string()},
          {"ends_on", optional_date(m.ends_on)},
          {"added_by", m.added_by},
          {"added_by_agency", m.added_by_agency},
          {"added_at", app::format_timestamp(m.added_at)},
          {"ended_on", optional_date(m.ended_on)},
          {"end_reason", m.end_reason},
          {"ended_by", m.ended_by}};
}

json consent_json(const app::SharingConsent& c) {
  return {{"id", c.id},
          {"person_id", c.person_id},
          {"agency", c.agency},
          {"decision", c.decision},
          {"note", c.note},
          {"recorded_by", c.recorded_by},
          {"recorded_by_agency", c.recorded_by_agency},
          {"recorded_at", app::format_timestamp(c.recorded_at)}};
}

json agreement_json(const app::SharingAgreement& a) {
  return {{"id", a.id},
          {"agency", a.agency},
          {"reference", a.reference},
          {"purpose", a.purpose},
          {"starts_on", a.starts_on.to_string()},
          {"ends_on", optional_date(a.ends_on)},
          {"recorded_by", a.recorded_by},
          {"recorded_at", app::format_timestamp(a.recorded_at)},
          {"ended_on", optional_date(a.ended_on)},
          {"end_reason", a.end_reason},
          {"ended_by", a.ended_by}};
}

json grant_json(const app::BreakGlassGrant& g) {
  return {{"id", g.id},
          {"person_id", g.person_id},
          {"person_href", fmt::format("/people/{}", g.person_id)},
          {"username", g.username},
          {"agency", g.agency},
          {"roles", g.roles},
          {"reason", g.reason},
          {"granted_at", app::format_timestamp(g.granted_at)},
          {"expires_at", app::format_timestamp(g.expires_at)}};
}

template <typename T, typename ToJson>
HttpResponse list_answer(const Result<std::vector<T>>& found, const char* key, ToJson to_json) {
  if (!found) return failure(found.error(), "");
  json rows = json::array();
  for (const T& item : *found) rows.push_back(to_json(item));
  return json_response(200, {{key, std::move(rows)}});
}

Result<json> object_body(const RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return body;
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  return body;
}

std::optional<Date> date_field(FieldReader& reader, const char* key) {
  std::optional<std::string> text = reader.text(key, false);
  if (!text) return std::nullopt;
  std::optional<Date> date = Date::parse(*text);
  if (!date) reader.issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a date YYYY-MM-DD", *text)});
  return date;
}

// The path's id (a positive whole number) or a 404 naming it.
Result<app::Id> path_id(const RequestContext& context, const char* name, const char* what) {
  std::optional<std::int64_t> id = context.id_param(name);
  if (!id || *id < 1) return fail(ErrorCode::kNotFound, name, fmt::format("there is no {} \"{}\"", what, context.param(name)));
  return *id;
}

std::optional<Date> query_date(const RequestContext& context, const char* key, Issues& issues) {
  const std::string prefix = std::string(key) + "=";
  std::string_view query = context.request.query;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.rfind(prefix, 0) == 0) {
      const std::string value(pair.substr(prefix.size()));
      std::optional<Date> date = Date::parse(value);
      if (!date) issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a date YYYY-MM-DD", value)});
      return date;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

}  // namespace

HttpResponse rules(RequestContext& context) {
  (void)context;
  const app::AccessPolicy& policy = app::AccessPolicy::standard();
  json roles = json::array();
  for (const app::RoleReach& rule : policy.reaches()) {
    json actions = json::array();
    for (const app::Permission& permission : policy.permissions()) {
      if (std::find(permission.roles.begin(), permission.roles.end(), rule.role) != permission.roles.end()) {
        actions.push_back(std::string(permission.action));
      }
    }
    json parts = json::array();
    for (app::RecordPart part : rule.parts) parts.push_back(std::string(app::record_part_id(part)));
    roles.push_back({{"role", app::role_name(rule.role)},
                     {"reach", reach_name(rule.reach)},
                     {"may_break_glass", rule.may_break_glass},
                     {"sees", std::string(rule.sees)},
                     {"parts", std::move(parts)},
                     {"actions", std::move(actions)}});
  }
  const app::AccessLimits& limits = app::access_limits();
  return json_response(
      200, {{"roles", std::move(roles)},
            {"care_team_roles", app::care_team_roles()},
            {"sharing", "a council on the care team sees the record; a partner agency (NHS trust, provider, third "
                        "sector) only while an information sharing agreement with it is in force and the person's "
                        "latest decision is consent given"},
            {"break_glass_hours", limits.break_glass_hours},
            {"break_glass_reason_min", limits.break_glass_reason_min},
            {"page_cap", limits.page_cap},
            {"unusual_people_per_hour", limits.unusual_people_per_hour}});
}

HttpResponse care_team(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  return list_answer(service(context).care_team(principal(context), *id), "members", member_json);
}

HttpResponse add_member(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  app::CareTeamRequest request;
  request.agency = reader.text("agency").value_or("");
  request.username = reader.text("username", false);
  request.team_role = reader.text("team_role").value_or("");
  request.starts_on = date_field(reader, "starts_on");
  request.ends_on = date_field(reader, "ends_on");
  if (!reader.issues.empty()) return failure(reader.issues, "the care team member has problems");
  Result<app::CareTeamMember> added = service(context).add_member(principal(context), *id, request);
  if (!added) return failure(added.error(), "the care team member has problems");
  return json_response(201, member_json(*added));
}

HttpResponse end_member(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  Result<app::Id> member = path_id(context, "member", "care team member");
  if (!member) return failure(member.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  const std::string reason = reader.text("reason").value_or("");
  if (!reader.issues.empty()) return failure(reader.issues, "the ending has problems");
  Result<app::CareTeamMember> ended = service(context).end_member(principal(context), *id, *member, reason);
  if (!ended) return failure(ended.error(), "the ending has problems");
  return json_response(200, member_json(*ended));
}

HttpResponse consents(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  return list_answer(service(context).consents(principal(context), *id), "consents", consent_json);
}

HttpResponse record_consent(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  app::ConsentRequest request;
  request.agency = reader.text("agency").value_or("");
  request.decision = reader.text("decision").value_or("");
  request.note = reader.text("note", false).value_or("");
  if (!reader.issues.empty()) return failure(reader.issues, "the consent has problems");
  Result<app::SharingConsent> recorded = service(context).record_consent(principal(context), *id, request);
  if (!recorded) return failure(recorded.error(), "the consent has problems");
  return json_response(201, consent_json(*recorded));
}

HttpResponse agreements(RequestContext& context) {
  return list_answer(service(context).agreements(principal(context)), "agreements", agreement_json);
}

HttpResponse add_agreement(RequestContext& context) {
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  app::AgreementRequest request;
  request.agency = reader.text("agency").value_or("");
  request.reference = reader.text("reference").value_or("");
  request.purpose = reader.text("purpose").value_or("");
  request.starts_on = date_field(reader, "starts_on");
  request.ends_on = date_field(reader, "ends_on");
  if (!reader.issues.empty()) return failure(reader.issues, "the agreement has problems");
  Result<app::SharingAgreement> added = service(context).add_agreement(principal(context), request);
  if (!added) return failure(added.error(), "the agreement has problems");
  return json_response(201, agreement_json(*added));
}

HttpResponse end_agreement(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "agreement");
  if (!id) return failure(id.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  const std::string reason = reader.text("reason").value_or("");
  if (!reader.issues.empty()) return failure(reader.issues, "the ending has problems");
  Result<app::SharingAgreement> ended = service(context).end_agreement(principal(context), *id, reason);
  if (!ended) return failure(ended.error(), "the ending has problems");
  return json_response(200, agreement_json(*ended));
}

HttpResponse break_glass(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  const std::string reason = reader.text("reason").value_or("");
  if (!reader.issues.empty()) return failure(reader.issues, "break glass needs a reason");
  Result<app::BreakGlassGrant> granted = service(context).break_glass(principal(context), *id, reason);
  if (!granted) return failure(granted.error(), "break glass needs a reason");
  return json_response(201, grant_json(*granted));
}

HttpResponse break_glass_grants(RequestContext& context) {
  Issues issues;
  std::optional<Date> since = query_date(context, "since", issues);
  if (!issues.empty()) return failure(issues, "the query is not valid");
  return list_answer(service(context).break_glass_grants(principal(context), since), "grants", grant_json);
}

HttpResponse unusual_volumes(RequestContext& context) {
  Issues issues;
  std::optional<Date> day = query_date(context, "date", issues);
  if (!issues.empty()) return failure(issues, "the query is not valid");
  return list_answer(service(context).unusual_volumes(principal(context), day), "users",
                     [](const app::UnusualVolume& v) {
                       return json{{"username", v.username},
                                   {"agency", v.agency},
                                   {"hour", app::format_timestamp(v.hour)},
                                   {"people", v.people},
                                   {"limit", app::access_limits().unusual_people_per_hour}};
                     });
}

HttpResponse link_account(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "person");
  if (!id) return failure(id.error(), "");
  Result<json> body = object_body(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  FieldReader reader{*body, {}};
  const std::string username = reader.text("username").value_or("");
  const std::string relationship = reader.text("relationship", false).value_or("self");
  if (!reader.issues.empty()) return failure(reader.issues, "the link has problems");
  Result<app::Unit> linked = service(context).link_account(principal(context), *id, username, relationship);
  if (!linked) return failure(linked.error(), "the link has problems");
  return json_response(201, {{"person_id", *id}, {"username", username}, {"relationship", relationship}});
}

}  // namespace allot::api::access_api
