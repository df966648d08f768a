#pragma once
// Demo providers: the two former frameworks of seed 002 (8 providers each) with
// two inspections apiece, some graded under the framework's gates, rate cards,
// and about 3,000 packages adding up to about seed 002's 21,388 hours a week. Called by
// app/demo inside its transaction.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Returns how many providers were added.
Result<int> load_demo_providers(Transaction& tx, const Clock& clock);

}  // namespace allot::app
