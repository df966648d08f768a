#pragma once
// Reading samples and populations: CSV text with the columns
//   person_id,client_group,current_annual_pence,<one column per question id>
// where each question column holds an answer id (empty means the question's
// default answer, if it declares one). No I/O: the caller passes the text in.
// Every bad row is reported with "source:line"; a caller must not print totals
// for a run that had bad rows.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

struct PopulationRow {
  std::string_view person_id;
  std::string_view client_group;
  Money current_annual;
  const std::size_t* chosen = nullptr;  // one answer index per question, rulebook order
  std::size_t line = 0;
};

struct PopulationReadOptions {
  std::size_t max_issues = 200;  // stop listing after this many; the count goes on
  // Called now and then with the bytes read so far, for progress bars.
  std::function<void(std::size_t bytes_done)> on_progress;
};

struct PopulationReadSummary {
  std::size_t rows = 0;      // good rows passed to on_row
  std::size_t bad_rows = 0;  // rows with one or more problems
  Issues issues;             // at most max_issues, plus a closing "... and N more"
};

// Calls on_row for every good row in order. The header must name every question
// that has no default; unknown columns are problems too.
PopulationReadSummary read_population_csv(const Rulebook& rulebook, std::string_view text,
                                          std::string_view source_name,
                                          const std::function<void(const PopulationRow&)>& on_row,
                                          const PopulationReadOptions& options = {});

// A sample kept in memory (calibration samples are small: about 100 to 200 cases).
struct SampleCase {
  std::string person_id;
  std::string client_group;
  Money current_annual;
  std::vector<std::size_t> chosen;
};

Result<std::vector<SampleCase>> read_sample_csv(const Rulebook& rulebook, std::string_view text,
                                                std::string_view source_name);

}  // namespace allot::ras
