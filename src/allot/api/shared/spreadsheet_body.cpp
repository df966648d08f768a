#include "allot/api/shared/spreadsheet_body.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/programmes/csv.h"

namespace allot::api {

using nlohmann::json;

Result<SpreadsheetBody> read_spreadsheet_body(const HttpRequest& request) {
  Result<json> body = json_body(request);
  if (!body) return tl::unexpected<Issues>(body.error());
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  FieldReader fields{*body, {}};
  SpreadsheetBody parameters;
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
        std::vector<std::string> row;
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

}  // namespace allot::api
