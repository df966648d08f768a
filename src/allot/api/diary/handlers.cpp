#include "allot/api/diary/handlers.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/diary/diary_service.h"
#include "allot/app/diary/rules.h"
#include "allot/base/json_reader.h"

namespace allot::api::diary_api {

namespace {

using nlohmann::json;

app::DiaryService diary(RequestContext& context) {
  return app::DiaryService(context.state.services.store, context.state.services.clock);
}
app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

Result<app::Id> path_id(const RequestContext& context, const char* name, const char* what) {
  if (auto id = context.id_param(name)) return *id;
  return fail(ErrorCode::kNotFound, name, fmt::format("there is no {} \"{}\"", what, context.param(name)));
}

// The answer for a refusal: the message of its not-found, forbidden or conflict
// issue, or `summary` for problems with the request.
HttpResponse refusal(const Issues& issues, std::string_view summary) {
  for (const ErrorCode code : {ErrorCode::kNotFound, ErrorCode::kForbidden, ErrorCode::kConflict}) {
    const auto found = std::find_if(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
    if (found != issues.end()) return failure(issues, found->message);
  }
  return failure(issues, summary);
}

json optional_time(const std::optional<int>& minute) {
  return minute ? json(app::diary_time_text(*minute)) : json(nullptr);
}

json fields_json(const app::DiaryEntryFields& fields) {
  return {{"kind", app::diary_kind_name(fields.kind)},
          {"date", fields.on.to_string()},
          {"start", optional_time(fields.start_minute)},
          {"end", optional_time(fields.end_minute)},
          {"all_day", !fields.start_minute.has_value()},
          {"where", fields.place},
          {"title", fields.title},
          {"details", fields.details}};
}

json version_json(const app::DiaryEntryVersion& version) {
  json body = fields_json(version.fields);
  body["version"] = version.version;
  body["status"] = app::diary_status_name(version.status);
  body["cancel_reason"] = version.status == app::DiaryStatus::kCancelled ? json(version.cancel_reason) : json(nullptr);
  body["changed_by"] = version.by.username;
  body["changed_by_agency"] = version.by.agency;
  body["changed_at"] = app::format_timestamp(version.at);
  return body;
}

using AgencyIndex = std::map<std::string, const app::Agency*, std::less<>>;

// The signed-in user's agency: a written entry's, since only its staff write or change it.
AgencyIndex own_agency(const RequestContext& context) { return {{context.principal->agency.code, &context.principal->agency}}; }

json from_json(const AgencyIndex& agencies, const std::string& code, const std::string& user) {
  const auto found = agencies.find(code);
  return {{"agency", code},
          {"name", found == agencies.end() ? code : found->second->name},
          {"kind", found == agencies.end() ? json(nullptr) : json(app::agency_kind_name(found->second->kind))},
          {"user", user}};
}

json entry_json(const app::DiaryEntry& entry, const AgencyIndex& agencies) {
  json body = version_json(entry.current);
  body["id"] = entry.id;
  body["source"] = "diary";
  body["source_id"] = nullptr;
  body["from"] = from_json(agencies, entry.created_by.agency, entry.created_by.username);
  body["created_at"] = app::format_timestamp(entry.created_at);
  return body;
}

json derived_json(const app::DerivedDiaryEntry& entry) {
  json body = fields_json(entry.fields);
  body["id"] = nullptr;
  body["source"] = app::diary_source_name(entry.source);
  body["source_id"] = entry.source_id;
  body["version"] = nullptr;
  body["status"] = "planned";
  body["cancel_reason"] = nullptr;
  const bool package = entry.source == app::DiarySource::kCarePackage;
  body["from"] = {{"agency", nullptr},
                  {"name", package ? entry.from : std::string("The council (personal budget journey)")},
                  {"kind", package ? "provider" : "council"},
                  {"user", nullptr}};
  return body;
}

// The entry's fields from a request body; with `partial` every field is optional
// (a change), otherwise kind, date and title are required.
app::DiaryEntryChange read_fields(const JsonObjectReader& body, bool partial) {
  app::DiaryEntryChange change;
  auto field = [&](std::string_view key) { return partial ? body.optional(key) : body.required(key); };
  if (auto kind = field("kind").text()) {
    change.kind = app::parse_diary_kind(*kind);
    if (!change.kind) {
      body.issues().push_back({ErrorCode::kInvalidValue, "kind",
                               fmt::format("expected one of visit, review, appointment, enablement_session, note; "
                                           "found \"{}\"",
                                           *kind)});
    }
  }
  change.on = field("date").date();
  // Times: both given, or both null or absent (all day); a change replaces them
  // when either is sent, null included ({"start": null, "end": null} makes it all day).
  change.change_times = !partial || body.json().contains("start") || body.json().contains("end");
  for (const char* key : {"start", "end"}) {
    JsonReader time = body.optional(key);
    if (!time.present()) continue;
    auto text = time.text();
    if (!text) continue;
    auto minute = app::parse_diary_time(*text);
    if (!minute) {
      time.add(ErrorCode::kInvalidValue, fmt::format("expected a time like 09:30; found \"{}\"", *text));
    } else {
      (std::string_view(key) == "start" ? change.start_minute : change.end_minute) = *minute;
    }
  }
  if (body.has("where")) change.place = body.optional("where").text();
  change.title = field("title").text();
  if (body.has("details")) change.details = body.optional("details").text();
  if (auto status = body.optional("status").text()) {
    change.status = app::parse_diary_status(*status);
    if (!change.status) {
      body.issues().push_back(
          {ErrorCode::kInvalidValue, "status", fmt::format("expected one of planned, done; found \"{}\"", *status)});
    }
  }
  return change;
}

// A `from`/`to` query value, if given.
std::optional<Date> query_date(const std::string& query, std::string_view name, Issues& issues) {
  std::string_view rest = query;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      const std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      if (auto date = Date::parse(value)) return date;
      issues.push_back({ErrorCode::kInvalidValue, std::string(name),
                        fmt::format("expected a date like 2026-11-23; found \"{}\"", value)});
      return std::nullopt;
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

Result<json> body_object(const RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return body;
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  return body;
}

}  // namespace

HttpResponse read_diary(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  Issues issues;
  const auto from = query_date(context.request.query, "from", issues);
  const auto to = query_date(context.request.query, "to", issues);
  if (!issues.empty()) return failure(issues, "the diary dates cannot be read");
  auto view = diary(context).read(principal(context), *id, from, to);
  if (!view) return refusal(view.error(), "the diary dates cannot be read");
  AgencyIndex agencies;
  json legend = json::array();
  for (const app::Agency& agency : view->agencies) {
    agencies[agency.code] = &agency;
    legend.push_back({{"code", agency.code}, {"name", agency.name}, {"kind", app::agency_kind_name(agency.kind)}});
  }
  // One list by date and start time (all-day first), written and derived together.
  std::vector<std::pair<std::tuple<std::string, int>, json>> rows;
  for (const app::DiaryEntry& entry : view->entries) {
    rows.push_back({{entry.current.fields.on.to_string(), entry.current.fields.start_minute.value_or(-1)},
                    entry_json(entry, agencies)});
  }
  for (const app::DerivedDiaryEntry& entry : view->derived) {
    rows.push_back({{entry.fields.on.to_string(), entry.fields.start_minute.value_or(-1)}, derived_json(entry)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json entries = json::array();
  for (auto& row : rows) entries.push_back(std::move(row.second));
  return json_response(200, {{"person_id", view->person_id},
                             {"person", {{"given_name", view->given_name}, {"family_name", view->family_name}}},
                             {"from", view->from.to_string()},
                             {"to", view->to.to_string()},
                             {"entries", entries},
                             {"agencies", legend}});
}

HttpResponse add_entry(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto body = body_object(context);
  if (!body) return failure(body.error(), "the request cannot be read");
  Issues issues;
  JsonObjectReader reader(*body, issues);
  reader.known_fields({"kind", "date", "start", "end", "where", "title", "details", "status"});
  const app::DiaryEntryChange read = read_fields(reader, false);
  // The fields' own rules too (a blank title, an end before the start), so one
  // answer names every problem; the use case checks them again.
  const app::DiaryEntryFields fields{read.kind.value_or(app::DiaryKind::kNote), read.on.value_or(Date()),
                                     read.start_minute, read.end_minute, read.place.value_or(""),
                                     read.title.value_or(""), read.details.value_or("")};
  for (Issue& issue : app::check_diary_fields(fields)) {
    const bool seen = std::any_of(issues.begin(), issues.end(), [&](const Issue& other) { return other.path == issue.path; });
    if (!seen) issues.push_back(std::move(issue));
  }
  if (!issues.empty()) return failure(issues, "the entry was not added");
  app::NewDiaryEntry entry;
  entry.fields = fields;
  entry.status = read.status.value_or(app::DiaryStatus::kPlanned);
  auto added = diary(context).add(principal(context), *id, entry);
  if (!added) return refusal(added.error(), "the entry was not added");
  HttpResponse response = json_response(201, entry_json(*added, own_agency(context)));
  response.set_header("Location", fmt::format("/api/v1/people/{}/diary/entries/{}/history", *id, added->id));
  return response;
}

namespace {

// A change to one entry (PATCH or cancel): the person's and entry's ids from the
// path, the version from the body and the rest read by `read`, then `write` with
// them; every problem with the request named at once, refusals as refusal().
template <typename Read, typename Write>
HttpResponse write_entry(RequestContext& context, std::initializer_list<std::string_view> known, const char* refused,
                         Read&& read, Write&& write) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto entry = path_id(context, "entry", "diary entry");
  if (!entry) return refusal(entry.error(), "");
  auto body = body_object(context);
  if (!body) return failure(body.error(), "the request cannot be read");
  Issues issues;
  JsonObjectReader reader(*body, issues);
  reader.known_fields(known);
  const auto version = reader.required("version").whole({.min = 1, .max = 1'000'000});
  auto what = read(reader);
  if (!issues.empty()) return failure(issues, refused);
  Result<app::DiaryEntry> written = write(*id, *entry, static_cast<int>(*version), what);
  if (!written) return refusal(written.error(), refused);
  return json_response(200, entry_json(*written, own_agency(context)));
}

}  // namespace

HttpResponse change_entry(RequestContext& context) {
  return write_entry(
      context, {"version", "kind", "date", "start", "end", "where", "title", "details", "status"},
      "the entry was not changed", [](const JsonObjectReader& reader) { return read_fields(reader, true); },
      [&](app::Id person, app::Id entry, int version, const app::DiaryEntryChange& change) {
        return diary(context).change(principal(context), person, entry, version, change);
      });
}

HttpResponse cancel_entry(RequestContext& context) {
  return write_entry(
      context, {"version", "reason"}, "the entry was not cancelled",
      [](const JsonObjectReader& reader) { return reader.required("reason").text().value_or(""); },
      [&](app::Id person, app::Id entry, int version, const std::string& reason) {
        return diary(context).cancel(principal(context), person, entry, version, reason);
      });
}

HttpResponse entry_history(RequestContext& context) {
  auto id = path_id(context, "id", "person");
  if (!id) return refusal(id.error(), "");
  auto entry = path_id(context, "entry", "diary entry");
  if (!entry) return refusal(entry.error(), "");
  auto versions = diary(context).history(principal(context), *id, *entry);
  if (!versions) return refusal(versions.error(), "");
  json list = json::array();
  for (const app::DiaryEntryVersion& version : *versions) list.push_back(version_json(version));
  return json_response(200, {{"entry_id", *entry}, {"versions", list}});
}

}  // namespace allot::api::diary_api
