#include "allot/api/care_at_home/handlers.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/spreadsheet_body.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/provider_service.h"

namespace allot::api::care_at_home_api {

namespace {

using nlohmann::json;

app::ProviderService service(RequestContext& context) {
  return app::ProviderService(context.state.services.store, context.state.services.clock);
}

json standing_json(const care_at_home::FrameworkStanding& standing) {
  return {{"admitted", standing.admitted},
          {"uplift_and_personal_budget", standing.uplift_and_personal_budget},
          {"reasons", standing.reasons}};
}

json provider_json(const app::ProviderStanding& summary) {
  const app::NewProvider& details = summary.provider.details;
  json out = {{"id", summary.provider.id},
              {"name", details.name},
              {"former_framework", details.former_framework.empty() ? json(nullptr) : json(details.former_framework)},
              {"services", details.services},
              {"areas", details.areas},
              {"capacity_hours_per_week", details.capacity_hours_per_week},
              {"agency_code", details.agency_code.empty() ? json(nullptr) : json(details.agency_code)},
              {"standing", standing_json(summary.standing)},
              {"last_inspected", summary.last_inspected ? json(summary.last_inspected->to_string()) : json(nullptr)},
              {"added_by", summary.provider.added_by},
              {"added_at", app::format_timestamp(summary.provider.added_at)}};
  return out;
}

json inspection_json(const app::InspectionRecord& record) {
  return {{"id", record.id},
          {"date", record.inspection.date.to_string()},
          {"grades", record.inspection.grades},
          {"recorded_by", record.recorded_by},
          {"recorded_at", app::format_timestamp(record.recorded_at)}};
}

json rules_json(const care_at_home::FrameworkRules& rules) {
  return {{"themes", rules.themes},
          {"inspections_considered", rules.inspections_considered},
          {"admission_min_grade", rules.admission_min_grade},
          {"uplift_min_grade", rules.uplift_min_grade}};
}


HttpResponse no_such_provider(const RequestContext& context) {
  return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no provider \"{}\"", context.param("id"))}}, "");
}

std::vector<std::string> text_list(const JsonReader& field, std::size_t max_items) {
  std::vector<std::string> out;
  if (auto items = field.array({.min_items = 0, .max_items = max_items})) {
    for (const JsonReader& item : *items) {
      if (auto text = item.text({.min_length = 1, .max_length = 100})) out.push_back(*text);
    }
  }
  return out;
}

}  // namespace

HttpResponse list_providers(RequestContext& context) {
  app::ProviderService providers = service(context);
  auto all = providers.list(context.principal->principal());
  if (!all) return failure(all.error(), "");
  json list = json::array();
  for (const app::ProviderStanding& summary : *all) list.push_back(provider_json(summary));
  return json_response(200, {{"rules", rules_json(providers.rules())}, {"providers", list}});
}

HttpResponse add_provider(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the provider cannot be read");
  Issues issues;
  app::NewProvider provider;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"name", "former_framework", "services", "areas", "capacity_hours_per_week", "agency_code"});
    // Lengths, blanks, the services and the capacity's range are the use case's
    // checks (check_new_provider), reported with these in one answer.
    provider.name = root->required("name").text({.max_length = 1000}).value_or("x");
    provider.former_framework = root->optional("former_framework").text({.max_length = 100}).value_or("");
    provider.services = text_list(root->required("services"), 10);
    provider.areas = text_list(root->optional("areas"), 50);
    provider.capacity_hours_per_week =
        static_cast<int>(root->required("capacity_hours_per_week").whole({.min = -1'000'000, .max = 1'000'000}).value_or(0));
    provider.agency_code = root->optional("agency_code").text({.min_length = 1, .max_length = 100}).value_or("");
  }
  if (!issues.empty()) {
    for (Issue& issue : app::check_new_provider(provider)) issues.push_back(std::move(issue));
    return failure(issues, "the provider was not added");
  }
  auto added = service(context).add(context.principal->principal(), provider);
  if (!added) return failure(added.error(), "the provider was not added");
  auto detail = service(context).get(context.principal->principal(), added->id);
  if (!detail) return failure(detail.error(), "");
  HttpResponse response = json_response(201, provider_json(detail->summary));
  response.set_header("Location", fmt::format("/api/v1/providers/{}", added->id));
  return response;
}

HttpResponse import_providers(RequestContext& context) {
  auto spreadsheet = read_spreadsheet_body(context.request);
  if (!spreadsheet) return failure(spreadsheet.error(), "the file cannot be read");
  auto imported = service(context).import_rows(context.principal->principal(), spreadsheet->rows, spreadsheet->source_name);
  if (!imported) return failure(imported.error(), "no provider was added");
  json names = json::array();
  for (const app::ProviderRecord& record : *imported) names.push_back({{"id", record.id}, {"name", record.details.name}});
  return json_response(201, {{"added", names}});
}

HttpResponse get_provider(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return no_such_provider(context);
  auto detail = service(context).get(context.principal->principal(), *id);
  if (!detail) return failure(detail.error(), "");
  json out = provider_json(detail->summary);
  out["inspections"] = json::array();
  for (const app::InspectionRecord& record : detail->inspections) out["inspections"].push_back(inspection_json(record));
  out["rate_cards"] = rate_cards_for(context, *id);
  return json_response(200, out);
}

HttpResponse record_inspection(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return no_such_provider(context);
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the inspection cannot be read");
  Issues issues;
  care_at_home::Inspection inspection;
  bool preview = false;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"date", "grades", "preview"});
    inspection.date = root->required("date").date().value_or(Date());
    if (auto grades = root->required("grades").object()) {
      // The grades' range is the use case's check, reported with these in one answer.
      for (auto& [theme, grade] : grades->entries()) {
        if (auto value = grade.whole({.min = -1000, .max = 1000})) inspection.grades[theme] = static_cast<int>(*value);
      }
    }
    preview = root->optional("preview").boolean().value_or(false);
  }
  if (!issues.empty()) {
    for (Issue& issue : service(context).check_inspection(inspection)) issues.push_back(std::move(issue));
    return failure(issues, "the inspection was not recorded");
  }
  auto outcome = service(context).record_inspection(context.principal->principal(), *id, inspection, preview);
  if (!outcome) return failure(outcome.error(), "the inspection was not recorded");
  const care_at_home::Consequence& consequence = outcome->consequence;
  json out = {{"consequence",
               {{"before", standing_json(consequence.before)},
                {"after", standing_json(consequence.after)},
                {"summary", consequence.summary},
                {"packages_affected", consequence.packages_affected}}},
              {"recorded", outcome->recorded ? inspection_json(*outcome->recorded) : json(nullptr)}};
  return json_response(outcome->recorded ? 201 : 200, out);
}

}  // namespace allot::api::care_at_home_api
