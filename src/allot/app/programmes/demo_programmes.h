#pragma once
// Demo grant programme: seed 001's appendix tables
// (data/programmes/seed-001-jip-programme.csv, built in), imported through the
// same checks as any spreadsheet. Called by app/demo inside its transaction.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Returns the programme's id.
Result<Id> load_demo_programmes(Transaction& tx, const Clock& clock);

}  // namespace allot::app
