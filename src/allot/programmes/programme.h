#pragma once
// Grant programmes (seed 001): money from several sources (a reform grant, match
// funding, a regional allocation) over several financial years, split into
// workstreams and projects, with the totals the programme's papers state.
//
// Spreadsheet columns (a header row, any order, case ignored; docs/programmes.md):
//   record          "line" (an amount) or "total" (a stated total to check)
//   programme       the programme's name, the same on every row
//   workstream      a line's workstream; on a total, blank means every workstream
//   project         a line's project; on a total, blank means every project
//   source          the funding source; on a total, blank means every source
//   financial_year  "2008/09"; on a total, blank means every year
//   amount          pounds, with or without pence, commas or "£": 42000, £42,000.00
//   status          a line's status: "confirmed" (blank means this) or "tbc"
// A total is checked against the sum of the lines that match each of its
// non-blank columns; an import is refused if any differs, with every difference.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/programmes/csv.h"

namespace allot::programmes {

struct ProgrammeLine {
  int row = 0;  // the spreadsheet row (1 is the header)
  std::string workstream;
  std::string project;
  std::string source;
  std::string financial_year;  // "2008/09"
  Money amount;
  bool confirmed = true;  // false: "tbc", to be confirmed
  bool operator==(const ProgrammeLine&) const = default;
};

// A stated total; an empty field matches every line.
struct StatedTotal {
  int row = 0;
  std::string workstream;
  std::string project;
  std::string source;
  std::string financial_year;
  Money amount;
  bool operator==(const StatedTotal&) const = default;
};

struct ProgrammeImport {
  std::string programme;
  std::vector<ProgrammeLine> lines;
  std::vector<StatedTotal> totals;
};

// Reads rows (the first is the header) into lines and stated totals, then checks
// every total. Every problem comes back at once, each with its path
// ("seed-001.csv:14") and a message naming the column: bad cells, missing
// columns, more than one programme, no stated total, and each total that the
// lines do not add up to (stated, found and the difference).
Result<ProgrammeImport> read_programme(const std::vector<Row>& rows, std::string_view source_name);

// "42000", "42,000.50", "£42,000": whole pence; nothing for anything else
// (negative amounts included).
std::optional<Money> parse_pounds(std::string_view text);

// The report by source, year, workstream and project (docs/programmes.md):
// {programme, years, sources, by_year, by_source, by_workstream, by_project,
//  total}, where each amount is {confirmed_pence, tbc_pence, total_pence}.
// Sources come in the order the stated totals first name them (a programme's
// papers list its sources in their own order), then in the lines' order.
// kInvalidValue if a sum overflows.
Result<nlohmann::json> programme_report(const std::string& programme, const std::vector<ProgrammeLine>& lines,
                                        const std::vector<StatedTotal>& totals = {});

}  // namespace allot::programmes
