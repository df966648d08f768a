#pragma once
// Demo support diaries: a nurse at the demo NHS trust (an assessor there) and,
// for a few people with agreed budgets, entries from the council, the trust and
// the provider, one of them changed and one cancelled, so the diary can be tried
// across agencies at once. No care package is added: the demo county's packages
// are seed 002's (their totals are its figures) and name people of another
// system; a package added with a person's Allot id shows its visits in their
// diary. Called by app/demo inside its transaction.

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
