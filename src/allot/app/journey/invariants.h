#pragma once
// The journey's invariants over every record kept (journey/invariants.h), for
// `allot db check`: an operator's check of the whole database, run with the
// database's own access rather than a signed-in user's, and changing nothing.

#include <string>
#include <vector>

#include "allot/app/shared/store.h"

namespace allot::app {

struct InvariantFinding {
  std::string record;   // "person 12", "person 12, support plan version 2"
  std::string path;     // into the stored document: "agreed_budget.by_delivery"
  std::string message;  // "adds up to 9900 (£99.00), not the annual amount 10000 (£100.00)"
};

struct InvariantReport {
  std::int64_t people = 0;
  std::int64_t plan_versions = 0;
  std::vector<InvariantFinding> findings;  // empty: every record holds
};

// Reads every person's record and support plan versions in one read transaction.
// A stored document that does not read at all is a finding too. kInternal only
// when the database cannot be read.
Result<InvariantReport> check_journey_invariants(Store& store);

}  // namespace allot::app
