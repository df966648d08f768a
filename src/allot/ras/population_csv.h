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
};

// The most a current package may cost a year (£100 million): a larger figure is
// a mistake in the file, and the bound keeps totals over any population that fits
// in memory far from overflowing 64-bit pence.
inline constexpr std::int64_t kMaxCurrentAnnualPence = 10'000'000'000;

struct PopulationReadOptions {
  std::size_t max_issues = 200;  // stop listing after this many; the count goes on
  // Called now and then with the bytes read so far, for progress bars.
  std::function<void(std::size_t bytes_done)> on_progress;
  // read_population_csv_in_parts: a part is never smaller than this (a thread
  // costs more than reading a small part); tests set it low to force parts.
  std::size_t min_part_bytes = std::size_t{1} << 20;
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

// The same, read in `parts` pieces at once, one thread each (a part is at least
// min_part_bytes, so a small file is read in one). on_row(part, row) is called from that
// part's thread, in file order within the part; a caller keeps one accumulator per
// part and merges them in part order, which is file order. The summary is the
// one read_population_csv gives: line numbers from the file's start, a person_id
// repeated across parts found, the first max_issues problems in line order. When
// it has problems, rows later found to repeat an earlier person_id may already
// have been passed to on_row: give no totals then (as for any problem). on_progress
// is called from part 0's thread with the bytes read by all parts.
PopulationReadSummary read_population_csv_in_parts(const Rulebook& rulebook, std::string_view text,
                                                   std::string_view source_name, std::size_t parts,
                                                   const std::function<void(std::size_t part, const PopulationRow&)>& on_row,
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
