#include "allot/api/programmes/handlers.h"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
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

// The request: {"source_name": "plan.csv", "csv": "record,programme,..."} or
// {"source_name": "plan.xlsx", "rows": [["record", ...], ...]} (an XLSX sheet
// read in the browser; every cell as text).
struct ImportParameters {
  std::string source_name;
  std::vector<programmes::Row> rows;
};

Result<ImportParameters> read_parameters(const RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return tl::unexpected<Issues>(body.error());
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  FieldReader fields{*body, {}};
  ImportParameters parameters;
  parameters.source_name = fields.text("source_name").value_or("");
  const bool has_csv = body->contains("csv");
  const bool has_rows = body->contains("rows");
  if (has_csv == has_rows) {
    fields.issues.push_back({ErrorCode::kMissingField, "csv", "give either csv (the file's text) or rows (its cells)"});
  } else if (has_csv) {
    if (auto text = fields.text("csv")) {
      auto rows = programmes::parse_csv(*text, parameters.source_name.empty() ? "csv" : parameters.source_name);
      if (!rows) {
        fields.issues.insert(fields.issues.end(), rows.error().begin(), rows.error().end());
      } else {
        parameters.rows = std::move(*rows);
      }
    }
  } else {
    const json& rows = (*body)["rows"];
    if (!rows.is_array()) {
      fields.issues.push_back({ErrorCode::kWrongType, "rows", "must be an array of rows, each an array of cells"});
    } else {
      for (std::size_t row_index = 0; row_index < rows.size(); ++row_index) {
        programmes::Row row;
        if (!rows[row_index].is_array()) {
          fields.issues.push_back({ErrorCode::kWrongType, fmt::format("rows[{}]", row_index), "must be an array of cells"});
          continue;
        }
        for (std::size_t cell_index = 0; cell_index < rows[row_index].size(); ++cell_index) {
          const json& cell = rows[row_index][cell_index];
          if (cell.is_string()) {
            row.push_back(cell.get<std::string>());
          } else if (cell.is_null()) {
            row.emplace_back();
          } else if (cell.is_number_integer()) {
            row.push_back(std::to_string(cell.get<std::int64_t>()));
          } else {
            fields.issues.push_back({ErrorCode::kWrongType, fmt::format("rows[{}][{}]", row_index, cell_index),
                                     "must be text, a whole number or empty (send amounts with pence as text)"});
          }
        }
        parameters.rows.push_back(std::move(row));
      }
    }
  }
  if (!fields.issues.empty()) return fail(std::move(fields.issues));
  return parameters;
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
  auto parameters = read_parameters(context);
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
