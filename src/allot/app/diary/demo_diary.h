#pragma once
// Demo support diaries: a nurse at the demo NHS trust (an assessor there), a
// weekly care package for a few people with agreed budgets, and entries from the
// council, the trust and the provider, one of them changed and one cancelled, so
// the diary can be tried across agencies at once. Called by app/demo inside its
// transaction.

#include <string>
#include <vector>

#include "allot/app/identity/password.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct DemoDiaryUser {
  std::string username;
  std::string role;
  std::string agency;
};

// The users it added (the NHS nurse).
Result<std::vector<DemoDiaryUser>> load_demo_diary(Transaction& tx, const Clock& clock, const std::string& password,
                                                   PasswordCost cost);

}  // namespace allot::app
