#pragma once
// Demo casework for the demo council: four locality teams and a carers team with their workers
// and managers (users added to demo-council), every open case allocated within
// its team with a few reallocations, case notes with a correction, and the
// synthetic gazetteer (data/addresses/demo-gazetteer.csv, built in). Called by
// app/demo inside its transaction, after the journey's demo people.

#include <string>
#include <vector>

#include "allot/app/identity/password.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct DemoCaseworkUser {
  std::string username;
  std::string role;
};

// The demo users it adds (each with `password`). Carers whose full assessment
// gave a budget have it planned and signed off by a team manager a fortnight
// after the assessment, so the demo shows carers' budgets with reviews due.
Result<std::vector<DemoCaseworkUser>> load_demo_casework(Store& store, Transaction& tx, const Clock& clock,
                                                         const std::string& password, PasswordCost cost);

}  // namespace allot::app
