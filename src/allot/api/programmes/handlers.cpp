#include "allot/api/programmes/handlers.h"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/spreadsheet_body.h"
#include "allot/api/shared/state.h"
#include "allot/app/programmes/programme_service.h"

namespace allot::api::programmes_api {

namespace {

using nlohmann::json;

app::ProgrammeService service(RequestContext& context) {
  return app::ProgrammeService(context.state.services.store, context.state.services.clock);
}

json programme_json(const app::ProgrammeRecord& record) {
  return {{"id", record.id},
          {"name", record.name},
          {"source_name", record.source_name},
          {"imported_by", record.imported_by},
          {"agency", record.agency},
          {"imported_at", app::format_timestamp(record.imported_at)},
          {"line_count", record.line_count}};
}

}  // namespace

HttpResponse list_programmes(RequestContext& context) {
  auto all = service(context).list(context.principal->principal());
  if (!all) return failure(all.error(), "");
  json list = json::array();
  for (const app::ProgrammeRecord& record : *all) list.push_back(programme_json(record));
  return json_response(200, {{"programmes", list}});
}

HttpResponse import_programme(RequestContext& context) {
  auto parameters = read_spreadsheet_body(context.request);
  if (!parameters) return failure(parameters.error(), "the import cannot be read");
  auto imported =
      service(context).import_rows(context.principal->principal(), parameters->rows, parameters->source_name);
  if (!imported) return failure(imported.error(), "the programme was not imported; nothing was stored");
  HttpResponse response = json_response(201, programme_json(*imported));
  response.set_header("Location", fmt::format("/api/v1/programmes/{}/report", imported->id));
  return response;
}

HttpResponse programme_report(RequestContext& context) {
  const std::string& text = context.param("id");
  app::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 1) {
    return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no programme \"{}\"", text)}}, "");
  }
  auto report = service(context).report(context.principal->principal(), id);
  if (!report) return failure(report.error(), "");
  json out = report->report;
  out["id"] = report->programme.id;
  out["source_name"] = report->programme.source_name;
  out["imported_by"] = report->programme.imported_by;
  out["imported_at"] = app::format_timestamp(report->programme.imported_at);
  out["stated_totals"] = json::array();
  for (const programmes::StatedTotal& total : report->stated_totals) {
    out["stated_totals"].push_back({{"row", total.row},
                                    {"workstream", total.workstream},
                                    {"project", total.project},
                                    {"source", total.source},
                                    {"financial_year", total.financial_year},
                                    {"amount_pence", total.amount.pence()}});
  }
  return json_response(200, out);
}

}  // namespace allot::api::programmes_api
