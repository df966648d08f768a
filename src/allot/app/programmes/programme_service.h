#pragma once
// Grant programme use cases: import a spreadsheet (its rows, from CSV text or
// from an XLSX sheet read in the browser), list programmes, report one.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/app/programmes/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/programmes/csv.h"

namespace allot::app {

struct ProgrammeReport {
  ProgrammeRecord programme;
  nlohmann::json report;  // programmes::programme_report()
  std::vector<programmes::StatedTotal> stated_totals;
};

class ProgrammeService {
 public:
  ProgrammeService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Checks the rows (programmes::read_programme: every problem and every total
  // that does not add up, nothing stored) and stores the programme. Needs
  // programmes.manage; audited as "import_programme".
  Result<ProgrammeRecord> import_rows(const Principal& by, const std::vector<programmes::Row>& rows,
                                      const std::string& source_name);
  // Needs programmes.read.
  Result<std::vector<ProgrammeRecord>> list(const Principal& by);
  // The report by source, year, workstream and project. Needs programmes.read;
  // kNotFound for an unknown id.
  Result<ProgrammeReport> report(const Principal& by, Id programme_id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
