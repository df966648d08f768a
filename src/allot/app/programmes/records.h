#pragma once
// Grant programmes as stored: one imported programme with its lines and the
// totals it stated (all append-only: a corrected spreadsheet is a new import).

#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/programmes/programme.h"

namespace allot::app {

struct ProgrammeRecord {
  Id id = 0;
  std::string name;
  std::string source_name;  // the file it came from
  std::string imported_by;
  std::string agency;
  Timestamp imported_at;
  int line_count = 0;
  bool operator==(const ProgrammeRecord&) const = default;
};

}  // namespace allot::app
