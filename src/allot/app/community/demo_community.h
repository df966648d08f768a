#pragma once
// Demo entries in the directory of community opportunities, spread over the demo
// county's towns and villages (those of the care at home demo) with their
// coordinates. Called by app/demo inside its transaction.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// The number of entries added.
Result<int> load_demo_community(Transaction& tx, const Clock& clock);

}  // namespace allot::app
