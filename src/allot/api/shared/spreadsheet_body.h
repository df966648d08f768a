#pragma once
// A spreadsheet sent to an import route: {"source_name": "plan.csv", "csv": text}
// or {"source_name": "plan.xlsx", "rows": [["cell", ...], ...]} (an XLSX sheet
// read in the browser, every cell as text, a whole number or empty), so CSV and
// XLSX files are checked by the same code. Used by the grant programme and
// provider imports.

#include <string>
#include <vector>

#include "allot/api/shared/http.h"
#include "allot/base/issue.h"

namespace allot::api {

struct SpreadsheetBody {
  std::string source_name;
  std::vector<std::vector<std::string>> rows;
};

// Every problem with the body at once (paths "csv", "rows[1][6]", "file:LINE").
Result<SpreadsheetBody> read_spreadsheet_body(const HttpRequest& request);

}  // namespace allot::api
