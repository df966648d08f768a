#pragma once
// What programmes need from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <vector>

#include "allot/app/programmes/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class ProgrammeRepository {
 public:
  virtual ~ProgrammeRepository() = default;
  // Stores an import that has been checked (programmes::read_programme). Returns
  // the record with its id.
  virtual Result<ProgrammeRecord> add(const programmes::ProgrammeImport& programme, std::string_view source_name,
                                      const Actor& by, Timestamp now) = 0;
  // Every programme, newest first.
  virtual Result<std::vector<ProgrammeRecord>> list() = 0;
  // kNotFound if no programme has this id.
  virtual Result<ProgrammeRecord> get(Id id) = 0;
  // A programme's lines and stated totals in spreadsheet order.
  virtual Result<std::vector<programmes::ProgrammeLine>> lines(Id id) = 0;
  virtual Result<std::vector<programmes::StatedTotal>> totals(Id id) = 0;
};

}  // namespace allot::app
