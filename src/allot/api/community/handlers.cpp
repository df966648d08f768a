#include "allot/api/community/handlers.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/spreadsheet_body.h"
#include "allot/api/shared/state.h"
#include "allot/app/community/directory.h"

namespace allot::api::community_api {

namespace {

using nlohmann::json;

app::CommunityDirectory directory(RequestContext& context) {
  return app::CommunityDirectory(context.state.services.store, context.state.services.clock);
}

app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

json degrees(const std::string& text) { return text.empty() ? json(nullptr) : json(std::stod(text)); }

json entry_json(const app::CommunityOpportunity& entry) {
  const app::CommunityDetails& details = entry.details;
  return {{"id", entry.id},
          {"version", entry.version},
          {"name", details.name},
          {"kind", details.kind},
          {"description", details.description},
          {"locality", details.locality},
          {"address", details.address},
          {"postcode", details.postcode},
          {"latitude", degrees(details.latitude)},
          {"longitude", degrees(details.longitude)},
          {"located_by", entry.located_by.empty() ? json(nullptr) : json(entry.located_by)},
          {"opening_times", details.opening_times},
          {"contact", details.contact},
          {"client_groups", details.client_groups},
          {"charge_pence", details.charge.pence()},
          {"charge_note", details.charge_note},
          {"changed_by", entry.changed_by},
          {"changed_at", app::format_timestamp(entry.changed_at)},
          {"added_by", entry.added_by},
          {"added_at", app::format_timestamp(entry.added_at)}};
}

// Decimal degrees given as a number or as text ("52.9520"); the range is the use case's check.
std::string degrees_field(const JsonObjectReader& root, const char* key) {
  const JsonReader field = root.optional(key);
  if (!field.present()) return {};
  if (field.json()->is_number()) return fmt::format("{}", field.json()->get<double>());
  return field.text({.min_length = 1, .max_length = 40}).value_or("");
}

// The details from a request body, every problem in `issues` (the reading's and the use case's).
app::CommunityDetails read_details(const JsonObjectReader& root, Issues& issues) {
  app::CommunityDetails details;
  auto text = [&](const char* key, bool required) {
    return (required ? root.required(key) : root.optional(key)).text({.max_length = 10'000}).value_or("");
  };
  details.name = text("name", true);
  details.kind = text("kind", true);
  details.description = text("description", false);
  details.locality = text("locality", true);
  details.address = text("address", false);
  details.postcode = text("postcode", false);
  details.latitude = degrees_field(root, "latitude");
  details.longitude = degrees_field(root, "longitude");
  details.opening_times = text("opening_times", true);
  details.contact = text("contact", true);
  if (auto groups = root.optional("client_groups").array({.max_items = 20})) {
    for (const JsonReader& group : *groups) details.client_groups.push_back(group.text({.max_length = 100}).value_or(""));
  }
  details.charge = root.optional("charge_pence").money({.min_pence = 0, .max_pence = 100'000'000}).value_or(Money());
  details.charge_note = text("charge_note", false);
  if (!issues.empty()) {
    // The use case's checks of what could be read, reported with the reading's in one answer.
    for (Issue& issue : app::check_community_details(details)) {
      const bool known = std::any_of(issues.begin(), issues.end(), [&](const Issue& seen) { return seen.path == issue.path; });
      if (!known) issues.push_back(std::move(issue));
    }
  }
  return details;
}

std::optional<app::Id> entry_id(const RequestContext& context) { return context.id_param("id"); }

HttpResponse no_such_entry(const RequestContext& context) {
  return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no community opportunity \"{}\"", context.param("id"))}},
                 "");
}

}  // namespace

HttpResponse search(RequestContext& context) {
  const app::CommunitySearch wanted{context.request.query_param("locality"), context.request.query_param("kind"),
                                    context.request.query_param("client_group"), context.request.query_param("q")};
  Issues issues;
  const auto& kinds = app::community_kinds();
  if (!wanted.kind.empty() && std::find(kinds.begin(), kinds.end(), wanted.kind) == kinds.end()) {
    issues.push_back({ErrorCode::kInvalidValue, "kind",
                      fmt::format("expected one of {}; found \"{}\"", fmt::join(kinds, ", "), wanted.kind)});
  }
  const auto& groups = app::community_client_groups();
  if (!wanted.client_group.empty() && std::find(groups.begin(), groups.end(), wanted.client_group) == groups.end()) {
    issues.push_back({ErrorCode::kInvalidValue, "client_group",
                      fmt::format("expected one of {}; found \"{}\"", fmt::join(groups, ", "), wanted.client_group)});
  }
  if (!issues.empty()) return failure(issues, "the directory cannot be searched");
  auto found = directory(context).search(principal(context), wanted);
  if (!found) return failure(found.error(), "");
  json list = json::array();
  for (const app::CommunityOpportunity& entry : *found) list.push_back(entry_json(entry));
  return json_response(200, {{"kinds", kinds}, {"client_groups", groups}, {"entries", list}});
}

HttpResponse add(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the entry cannot be read");
  Issues issues;
  app::CommunityDetails details;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"name", "kind", "description", "locality", "address", "postcode", "latitude", "longitude",
                        "opening_times", "contact", "client_groups", "charge_pence", "charge_note"});
    details = read_details(*root, issues);
  }
  if (!issues.empty()) return failure(issues, "the entry was not added");
  auto added = directory(context).add(principal(context), details);
  if (!added) return failure(added.error(), "the entry was not added");
  HttpResponse response = json_response(201, entry_json(*added));
  response.set_header("Location", fmt::format("/api/v1/community/{}", added->id));
  return response;
}

HttpResponse import_entries(RequestContext& context) {
  auto spreadsheet = read_spreadsheet_body(context.request);
  if (!spreadsheet) return failure(spreadsheet.error(), "the file cannot be read");
  auto imported = directory(context).import_rows(principal(context), spreadsheet->rows, spreadsheet->source_name);
  if (!imported) return failure(imported.error(), "no entry was added");
  json added = json::array();
  for (const app::CommunityOpportunity& entry : *imported) added.push_back({{"id", entry.id}, {"name", entry.details.name}});
  return json_response(201, {{"added", added}});
}

HttpResponse get(RequestContext& context) {
  const std::optional<app::Id> id = entry_id(context);
  if (!id) return no_such_entry(context);
  auto versions = directory(context).history(principal(context), *id);
  if (!versions) return failure(versions.error(), "");
  json out = entry_json(versions->front());
  json history = json::array();
  for (const app::CommunityOpportunity& version : *versions) history.push_back(entry_json(version));
  out["history"] = history;
  return json_response(200, out);
}

HttpResponse change(RequestContext& context) {
  const std::optional<app::Id> id = entry_id(context);
  if (!id) return no_such_entry(context);
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the entry cannot be read");
  Issues issues;
  app::CommunityDetails details;
  int expected_version = 0;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"expected_version", "name", "kind", "description", "locality", "address", "postcode", "latitude",
                        "longitude", "opening_times", "contact", "client_groups", "charge_pence", "charge_note"});
    expected_version = static_cast<int>(root->required("expected_version").whole({.min = 1, .max = 1'000'000}).value_or(0));
    details = read_details(*root, issues);
  }
  if (!issues.empty()) return failure(issues, "the entry was not changed");
  auto changed = directory(context).change(principal(context), *id, expected_version, details);
  if (!changed) return failure(changed.error(), "the entry was not changed");
  return json_response(200, entry_json(*changed));
}

}  // namespace allot::api::community_api
