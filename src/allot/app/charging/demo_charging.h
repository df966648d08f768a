#pragma once
// Demo charging: England's charging rules (data/charging/england-2026-27.json,
// built in) and financial assessments for most demo people with an agreed
// budget. Called by app/demo inside its transaction.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Publishes the built-in rules and records an assessment for about four in five
// people with an agreed budget: most assessed (a spread of incomes, capital
// around the limits), some deferred, one refused. Deterministic. Returns how
// many assessments were recorded.
Result<int> load_demo_charging(Transaction& tx, const Clock& clock);

}  // namespace allot::app
