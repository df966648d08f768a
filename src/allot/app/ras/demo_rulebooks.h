#pragma once
// Demo governance: a recalibrated example-adults rulebook as a draft version,
// proposed by the demo analyst with its simulation and awaiting approval by the
// demo commissioner (the approving role). Called by app/demo inside its
// transaction.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Adds the proposed draft (the next free version of example-adults, its value of
// a point lowered from £250.00 to £157.56, to take effect on the first day of
// next month) and its history. Deterministic. Returns the draft's version, or 0
// when example-adults is not published in `tx` (nothing added).
Result<int> load_demo_rulebook_governance(Transaction& tx, const Clock& clock);

}  // namespace allot::app
