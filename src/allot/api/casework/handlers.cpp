#include "allot/api/casework/handlers.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/casework/case_notes.h"
#include "allot/app/casework/caseload.h"
#include "allot/app/casework/gazetteer.h"
#include "allot/journey_io/documents.h"

namespace allot::app {
std::string_view embedded_cld_codes();  // app/journey: generated from data/codes/cld.json
}  // namespace allot::app

namespace allot::api::casework_api {

namespace {

using nlohmann::json;

app::CaseloadService caseloads(RequestContext& context) {
  return app::CaseloadService(context.state.services.store, context.state.services.clock,
                              context.state.journey.config().reviews_due_days);
}
app::CaseNotes notes(RequestContext& context) {
  return app::CaseNotes(context.state.services.store, context.state.services.clock);
}
app::Gazetteer gazetteer(RequestContext& context) {
  return app::Gazetteer(context.state.services.store, context.state.services.clock);
}
app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

Result<app::Id> path_id(const RequestContext& context, const char* name, const char* what) {
  const std::string& text = context.param(name);
  app::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 1) {
    return fail(ErrorCode::kNotFound, name, fmt::format("there is no {} \"{}\"", what, text));
  }
  return id;
}

// The answer for a refusal: the message of its not-found, conflict or forbidden
// issue, or `summary` for problems with the request.
HttpResponse refusal(const Issues& issues, std::string_view summary) {
  for (const ErrorCode code : {ErrorCode::kNotFound, ErrorCode::kConflict, ErrorCode::kForbidden}) {
    const auto found = std::find_if(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
    if (found != issues.end()) return failure(issues, found->message);
  }
  return failure(issues, summary);
}

json optional_date(const std::optional<Date>& date) { return date ? json(date->to_string()) : json(nullptr); }

json entry_json(const app::CaseloadEntry& entry) {
  return {{"person_id", entry.person_id},
          {"given_name", entry.given_name},
          {"family_name", entry.family_name},
          {"stage", entry.stage.empty() ? json(nullptr) : json(entry.stage)},
          {"locality", entry.locality},
          {"worker", entry.worker},
          {"team", entry.team},
          {"allocated_at", app::format_timestamp(entry.allocated_at)},
          {"opened_by_worker", entry.opened_by_worker},
          {"cares_for", entry.cares_for ? json(*entry.cares_for) : json(nullptr)},
          {"review_due", optional_date(entry.review_due)}};
}

json task_json(const app::CaseTask& task) {
  return {{"person_id", task.person_id}, {"given_name", task.given_name}, {"family_name", task.family_name},
          {"kind", task.kind},           {"what", task.what},             {"href", task.href},
          {"worker", task.worker},       {"due", optional_date(task.due)}};
}

json team_json(const app::Team& team) {
  json members = json::array();
  for (const app::TeamMember& member : team.members) {
    members.push_back({{"username", member.username}, {"manager", member.manager}});
  }
  return {{"id", team.id}, {"name", team.name}, {"locality", team.locality}, {"members", members}};
}

json cases_and_tasks(const std::vector<app::CaseloadEntry>& cases, const std::vector<app::CaseTask>& tasks) {
  json out = {{"cases", json::array()}, {"tasks", json::array()}};
  for (const app::CaseloadEntry& entry : cases) out["cases"].push_back(entry_json(entry));
  for (const app::CaseTask& task : tasks) out["tasks"].push_back(task_json(task));
  return out;
}

json allocation_json(const app::Allocation& allocation) {
  return {{"id", allocation.id == 0 ? json(nullptr) : json(allocation.id)},
          {"person_id", allocation.person_id},
          {"worker", allocation.worker},
          {"team", allocation.team},
          {"reason", allocation.reason},
          {"allocated_by", allocation.allocated_by},
          {"agency", allocation.agency},
          {"allocated_at", app::format_timestamp(allocation.allocated_at)}};
}

json note_json(const app::CaseNote& note, std::optional<app::Id> corrected_by) {
  return {{"id", note.id},
          {"person_id", note.person_id},
          {"text", note.text},
          {"corrects", note.corrects ? json(*note.corrects) : json(nullptr)},
          {"corrected_by", corrected_by ? json(*corrected_by) : json(nullptr)},
          {"written_by", note.written_by},
          {"agency", note.agency},
          {"written_at", app::format_timestamp(note.written_at)}};
}

json address_json(const app::GazetteerAddress& address) {
  return {{"uprn", address.uprn.empty() ? json(nullptr) : json(address.uprn)},
          {"postcode", address.postcode.empty() ? json(nullptr) : json(address.postcode)},
          {"address", address.address},
          {"latitude", address.latitude},
          {"longitude", address.longitude}};
}

json import_json(const app::GazetteerImport& import) {
  return {{"id", import.id},
          {"source_name", import.source_name},
          {"addresses", import.addresses},
          {"imported_by", import.imported_by},
          {"agency", import.agency},
          {"imported_at", app::format_timestamp(import.imported_at)}};
}

Result<json> body_object(const RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return body;
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  return body;
}

// Fields this request does not take, so a misspelt field is not silently ignored.
void unknown_fields(const json& body, std::initializer_list<const char*> known, Issues& issues) {
  for (const auto& [key, value] : body.items()) {
    if (std::find_if(known.begin(), known.end(), [&](const char* name) { return key == name; }) == known.end()) {
      issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("is not a field of this request; the fields are {}",
                                                                  fmt::join(known, ", "))});
    }
  }
}

}  // namespace

HttpResponse my_caseload(RequestContext& context) {
  auto caseload = caseloads(context).mine(principal(context));
  if (!caseload) return refusal(caseload.error(), "");
  json out = cases_and_tasks(caseload->cases, caseload->tasks);
  out["worker"] = caseload->worker;
  out["teams"] = caseload->teams;
  return json_response(200, out);
}

HttpResponse list_teams(RequestContext& context) {
  auto teams = caseloads(context).teams(principal(context));
  if (!teams) return refusal(teams.error(), "");
  json list = json::array();
  for (const app::Team& team : *teams) list.push_back(team_json(team));
  return json_response(200, {{"teams", list}});
}

HttpResponse team_caseload(RequestContext& context) {
  auto id = path_id(context, "id", "team");
  if (!id) return refusal(id.error(), "");
  auto caseload = caseloads(context).team(principal(context), *id);
  if (!caseload) return refusal(caseload.error(), "");
  json out = cases_and_tasks(caseload->cases, caseload->tasks);
  out["team"] = team_json(caseload->team);
  return json_response(200, out);
}

HttpResponse allocations(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto history = caseloads(context).history(principal(context), *id);
  if (!history) return refusal(history.error(), "");
  json list = json::array();
  for (const app::Allocation& allocation : *history) list.push_back(allocation_json(allocation));
  return json_response(200, {{"allocations", list}});
}

HttpResponse reallocate(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto body = body_object(context);
  if (!body) return failure(body.error(), "the request cannot be read");
  FieldReader fields{*body, {}};
  app::ReallocateCommand command;
  command.worker = fields.text("worker").value_or("");
  command.reason = fields.text("reason").value_or("");
  unknown_fields(*body, {"worker", "reason"}, fields.issues);
  if (!fields.issues.empty()) return failure(fields.issues, "the case was not reallocated");
  auto allocated = caseloads(context).reallocate(principal(context), *id, command);
  if (!allocated) return refusal(allocated.error(), "the case was not reallocated");
  return json_response(201, allocation_json(*allocated));
}

HttpResponse list_notes(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto read = notes(context).list(principal(context), *id);
  if (!read) return refusal(read.error(), "");
  json list = json::array();
  for (const app::ReadCaseNote& note : *read) list.push_back(note_json(note.note, note.corrected_by));
  return json_response(200, {{"notes", list}});
}

HttpResponse write_note(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto body = body_object(context);
  if (!body) return failure(body.error(), "the request cannot be read");
  FieldReader fields{*body, {}};
  app::WriteCaseNoteCommand command;
  command.text = fields.text("text").value_or("");
  if (body->contains("corrects") && !(*body)["corrects"].is_null()) {
    if (auto corrects = fields.integer("corrects", 1)) command.corrects = *corrects;
  }
  unknown_fields(*body, {"text", "corrects"}, fields.issues);
  if (!fields.issues.empty()) return failure(fields.issues, "the note was not saved");
  auto written = notes(context).write(principal(context), *id, command);
  if (!written) return refusal(written.error(), "the note was not saved");
  HttpResponse response = json_response(201, note_json(*written, std::nullopt));
  response.set_header("Location", fmt::format("/api/v1/people/{}/notes", *id));
  return response;
}

HttpResponse link_carer(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto body = body_object(context);
  if (!body) return failure(body.error(), "the request cannot be read");
  FieldReader fields{*body, {}};
  const auto cares_for = fields.integer("cares_for", 1);
  unknown_fields(*body, {"cares_for"}, fields.issues);
  if (!fields.issues.empty() || !cares_for) return failure(fields.issues, "the carer was not linked");
  auto linked = context.state.journey.carers().link(principal(context), *id, *cares_for);
  if (!linked) return refusal(linked.error(), "the carer was not linked");
  return json_response(200, journey_io::person_to_json(*linked));
}

HttpResponse person_location(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto location = gazetteer(context).locate(principal(context), *id);
  if (!location) return refusal(location.error(), "");
  if (!*location) return json_response(200, {{"location", nullptr}});
  const app::Location& found = **location;
  return json_response(200, {{"location",
                              {{"latitude", found.latitude},
                               {"longitude", found.longitude},
                               {"matched", found.matched},
                               {"address", found.address},
                               {"uprn", found.uprn.empty() ? json(nullptr) : json(found.uprn)}}}});
}

HttpResponse find_addresses(RequestContext& context) {
  auto found = gazetteer(context).find(principal(context), context.request.query_param("postcode"), context.request.query_param("uprn"));
  if (!found) return refusal(found.error(), "give a postcode or a UPRN");
  json list = json::array();
  for (const app::GazetteerAddress& address : *found) list.push_back(address_json(address));
  return json_response(200, {{"addresses", list}});
}

HttpResponse import_gazetteer(RequestContext& context) {
  std::string source = context.request.query_param("file");
  if (source.empty()) source = "gazetteer.csv";
  auto imported = gazetteer(context).import_csv(principal(context), context.request.body, source);
  if (!imported) return refusal(imported.error(), "the gazetteer has problems; nothing was imported");
  return json_response(201, import_json(*imported));
}

HttpResponse code_lists(RequestContext&) {
  // The lists the server checks people's details against, as shipped in
  // data/codes/cld.json, so the pages show the same labels without a rebuild.
  const json lists = json::parse(app::embedded_cld_codes(), nullptr, false);
  if (lists.is_discarded()) return internal_error("the built-in code lists are not JSON");
  return json_response(200, lists);
}

}  // namespace allot::api::casework_api
