// Handlers for the personal budget journey's routes (docs/api.md, "The personal
// budget journey"): they read path, query and body (journey_io reads bodies into
// typed commands), call the journey's use cases with the signed-in principal and
// write their typed answers as JSON (journey_io), mapping refusals to HTTP.
#include <algorithm>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "allot/app/access/records.h"
#include "allot/api/journey/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/journey_io/answers.h"
#include "allot/journey_io/documents.h"
#include "allot/journey_io/requests.h"
#include "allot/ras/rulebook_json.h"
namespace allot::api::journey_api {
namespace {

using Json = nlohmann::json;

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The refusal's top-level message: a refused action or state names itself;
// otherwise a summary, with every problem in the issues. A refusal by the access
// policy reads as the route table's own (403, no issues).
HttpResponse refusal(const Issues& issues, std::string_view summary) {
  const auto forbidden =
      std::find_if(issues.begin(), issues.end(), [](const Issue& issue) { return issue.code == ErrorCode::kForbidden; });
  if (forbidden != issues.end()) return error_response(403, "forbidden", forbidden->message);
  for (const ErrorCode code : {ErrorCode::kNotFound, ErrorCode::kConflict}) {
    const auto found = std::find_if(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
    if (found != issues.end()) return failure(issues, found->message);
  }
  return failure(issues, summary);
}

// A use case's answer as JSON, or its refusal.
template <typename T, typename ToJson>
HttpResponse answer(const Result<T>& result, ToJson to_json, int status, std::string_view summary) {
  if (!result) return refusal(result.error(), summary);
  return json_response(status, to_json(*result));
}

app::JourneyService& service(RequestContext& context) { return context.state.journey; }
app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

Result<app::Id> person_id(const RequestContext& context, const char* name = "id") {
  const auto id = parse_int(context.param(name));
  if (!id || *id < 1) return fail(ErrorCode::kNotFound, name, fmt::format("there is no person \"{}\"", context.param(name)));
  return *id;
}

Result<Json> body_object(const RequestContext& context) {
  Result<Json> body = ras::parse_json_text(context.request.body, "body");
  if (!body) return body;
  if (!body->is_object()) return fail(ErrorCode::kMalformed, "body", "expected a JSON object");
  return body;
}

// A refusal for a duplicate person (409) with the records kept that it may
// duplicate, so the page can show them: "duplicate_nhs_number" when the NHS
// number is on another record, else "possible_duplicate". Nothing for any other
// refusal.
std::optional<HttpResponse> duplicate_refusal(RequestContext& context, const Issues& issues,
                                              const journey::PersonDetails& details, std::optional<app::Id> self) {
  const auto at = [&](const char* path) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const Issue& issue) { return issue.code == ErrorCode::kConflict && issue.path == path; });
  };
  const bool nhs_number = at("nhs_number");
  if (!nhs_number && !at("different_from")) return std::nullopt;
  Result<std::vector<app::DuplicateCandidate>> candidates = service(context).people().duplicates(principal(context), details, self);
  if (!candidates) return refusal(candidates.error(), "");
  Json list = Json::array();
  for (const app::DuplicateCandidate& candidate : *candidates) {
    const journey::PersonDetails& kept = candidate.person.details;
    Json matched = Json::array();
    for (const journey::DuplicateMatch match : candidate.matched_on) matched.push_back(journey::duplicate_match_id(match));
    if (!candidate.visible) {
      // Off the user's care teams: that it matches, on what, and who holds it; no
      // detail of the person and no link (app/journey/people.h).
      list.push_back({{"id", candidate.person.id},
                      {"visible", false},
                      {"matched_on", std::move(matched)},
                      {"team", candidate.team.empty() ? Json(nullptr) : Json(candidate.team)},
                      {"held_by", candidate.held_by}});
      continue;
    }
    list.push_back({{"id", candidate.person.id},
                    {"visible", true},
                    {"given_name", kept.given_name},
                    {"family_name", kept.family_name},
                    {"date_of_birth", kept.date_of_birth ? Json(kept.date_of_birth->to_string()) : Json(nullptr)},
                    {"postcode", kept.postcode.empty() ? Json(nullptr) : Json(kept.postcode)},
                    {"nhs_number", kept.nhs_number.empty() ? Json(nullptr) : Json(kept.nhs_number)},
                    {"stage", journey_io::person_to_json(candidate.person)["stage"]},
                    {"matched_on", std::move(matched)},
                    {"href", fmt::format("/people/{}", candidate.person.id)}});
  }
  Json error = {{"code", nhs_number ? "duplicate_nhs_number" : "possible_duplicate"},
                {"message", nhs_number ? "this NHS number is already on another record"
                                       : "this may be a person who already has a record"},
                {"issues", issues_json(issues)},
                {"candidates", std::move(list)}};
  return json_response(409, {{"error", std::move(error)}});
}

}  // namespace

HttpResponse list_people(RequestContext& context) {
  const auto params = query_params(context.request.query);
  app::PersonQuery query;
  Issues issues;
  for (const auto& [key, value] : params) {
    if (key == "stage") {
      query.stage = value == "none" ? "" : value;
    } else if (key == "locality") {
      query.locality = value;
    } else if (key == "team") {
      query.team = value;
    } else if (key == "client_group") {
      query.client_group = value;
    } else if (key == "q") {
      if (!value.empty()) query.text = value;
    } else if (key == "limit" || key == "offset") {
      const auto number = parse_int(value);
      const bool limit = key == "limit";
      // Bulk reading is limited: a page larger than the cap is refused, never cut short.
      const int cap = app::access_limits().page_cap;
      if (!number || *number < (limit ? 1 : 0) || *number > (limit ? cap : std::numeric_limits<int>::max())) {
        issues.push_back({ErrorCode::kInvalidValue, key,
                          limit ? fmt::format("found \"{}\"; expected a whole number from 1 to {} (the page cap)", value, cap)
                                : fmt::format("found \"{}\"; expected a whole number of 0 or more", value)});
      } else {
        (limit ? query.limit : query.offset) = static_cast<int>(*number);
      }
    }
  }
  if (!issues.empty()) return failure(issues, "the query is not valid");
  return answer(service(context).people().list(principal(context), query), journey_io::person_list_to_json, 200, "");
}

HttpResponse create_person(RequestContext& context) {
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  const journey::Parsed<journey::NewPerson> command = journey_io::read_new_person(*body);
  Result<journey::Person> created = service(context).people().create(principal(context), command);
  if (created) return json_response(201, journey_io::person_to_json(*created));
  return duplicate_refusal(context, created.error(), command.command.details, std::nullopt)
      .value_or(refusal(created.error(), "the person's details have problems"));
}

HttpResponse get_person(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  return answer(service(context).people().get(principal(context), *id), journey_io::person_to_json, 200, "");
}

HttpResponse update_person(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  const journey::Parsed<journey::UpdatePerson> command = journey_io::read_update_person(*body);
  Result<journey::Person> updated = service(context).people().update(principal(context), *id, command);
  if (updated) return json_response(200, journey_io::person_to_json(*updated));
  return duplicate_refusal(context, updated.error(), command.command.details, *id)
      .value_or(refusal(updated.error(), "the person's details have problems"));
}

HttpResponse person_timeline(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  return answer(service(context).reads().timeline(principal(context), *id), journey_io::timeline_to_json, 200, "");
}

HttpResponse record_contact(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  return answer(service(context).steps().record_contact(principal(context), *id,
                                                        journey_io::read_contact(*body, app::builtin_code_lists())),
                journey_io::person_to_json, 201, "the contact has problems");
}

HttpResponse take_step(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  const std::string& step = context.param("step");
  // Signing off a plan within a team manager's authority: refused before the
  // body is read (the use case asks again).
  if (step == "decide") {
    if (auto allowed = app::AccessPolicy::standard().check(principal(context), "people.decide", app::Subject{*id});
        !allowed) {
      return refusal(allowed.error(), "");
    }
  }
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  auto command = journey_io::read_step(step, *body, app::builtin_code_lists());
  if (!command) return refusal(command.error(), "");
  return answer(service(context).steps().take(principal(context), *id, *command), journey_io::person_to_json, 200,
                fmt::format("the {} step has problems", step));
}

HttpResponse get_journey_draft(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<journey::DraftKind> kind = journey_io::read_draft_kind(context.param("kind"));
  if (!kind) return refusal(kind.error(), "");
  return answer(service(context).plans().get_draft(principal(context), *id, *kind), journey_io::draft_to_json, 200, "");
}

HttpResponse save_journey_draft(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Result<journey::DraftKind> kind = journey_io::read_draft_kind(context.param("kind"));
  if (!kind) return refusal(kind.error(), "");
  return answer(service(context).plans().save_draft(principal(context), *id, *kind, journey_io::read_save_draft(*body)),
                journey_io::draft_to_json, 200, "the draft has problems");
}

HttpResponse list_plans(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  return answer(service(context).plans().list(principal(context), *id), journey_io::plans_to_json, 200, "");
}

HttpResponse carer_first_stage(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  return answer(service(context).carers().first_stage(principal(context), *id, journey_io::read_carer_first_stage(*body)),
                journey_io::person_to_json, 200, "the carer's first-stage assessment has problems");
}

HttpResponse carer_full_assessment(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  return answer(
      service(context).carers().full_assessment(principal(context), *id, journey_io::read_carer_full_assessment(*body)),
      journey_io::person_to_json, 200, "the carer's assessment has problems");
}

HttpResponse list_carers(RequestContext& context) {
  return answer(service(context).carers().list(principal(context)), journey_io::carers_to_json, 200, "");
}

HttpResponse panel_queue(RequestContext& context) {
  return answer(service(context).panel().queue(principal(context)), journey_io::panel_queue_to_json, 200, "");
}

HttpResponse record_panel_meeting(RequestContext& context) {
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  return answer(service(context).panel().record_meeting(principal(context), journey_io::read_panel_meeting(*body)),
                journey_io::panel_meeting_to_json, 201, "the meeting's record has problems; nothing was recorded");
}

HttpResponse list_panel_meetings(RequestContext& context) {
  return answer(service(context).panel().meetings(principal(context)), journey_io::panel_meetings_to_json, 200, "");
}

HttpResponse get_panel_meeting(RequestContext& context) {
  Result<app::Id> id = person_id(context);
  if (!id) return error_response(404, ErrorCode::kNotFound, "there is no such panel meeting");
  return answer(service(context).panel().meeting(principal(context), *id), journey_io::panel_meeting_to_json, 200, "");
}

HttpResponse reviews_due(RequestContext& context) {
  const auto params = query_params(context.request.query);
  std::optional<Date> by;
  if (const auto found = params.find("by"); found != params.end()) {
    by = Date::parse(found->second);
    if (!by) {
      return failure({{ErrorCode::kInvalidValue, "by", fmt::format("found \"{}\"; expected a date YYYY-MM-DD", found->second)}},
                     "the query is not valid");
    }
  }
  return answer(service(context).reads().reviews_due(principal(context), by), journey_io::reviews_due_to_json, 200, "");
}

HttpResponse budget_drift(RequestContext& context) {
  app::DriftQuery filter;
  for (const auto& [key, value] : query_params(context.request.query)) {
    if (value.empty()) continue;  // an empty filter field matches everyone, as the page's "every" choice
    if (key == "client_group") filter.client_group = value;
    else if (key == "locality") filter.locality = value;
    else if (key == "team") filter.team = value;
  }
  return answer(service(context).reads().budget_drift(principal(context), filter), journey_io::budget_drift_to_json, 200, "");
}

}  // namespace allot::api::journey_api
