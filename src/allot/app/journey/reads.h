#pragma once
// Reading across the journey (docs/api.md): a person's history, the reviews due
// and the drift of agreed budgets from indicative ones. The timeline needs
// people.read, reviews due reviews.read, the drift budgets.read_drift; each read
// is audited.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/reads.h"

namespace allot::app {

// Which agreed budgets the drift covers; an absent field matches everyone.
struct DriftQuery {
  std::optional<std::string> client_group;
  std::optional<std::string> locality;
  std::optional<std::string> team;
};

class JourneyReads {
 public:
  explicit JourneyReads(JourneyCore& core) : core_(core) {}

  // Oldest first; kNotFound if there is no such person.
  Result<std::vector<journey::RecordedEvent>> timeline(const Principal& principal, Id person_id);
  // Active budgets with a review due on or before `by` (nothing: today plus the
  // rules' reviews_due_days), soonest first.
  Result<journey::ReviewsDue> reviews_due(const Principal& principal, std::optional<Date> by);
  // Every agreed budget matching the filter next to its indicative budget, with
  // totals computed from exactly the rows returned (no limit: every match).
  Result<journey::BudgetDrift> budget_drift(const Principal& principal, const DriftQuery& filter = {});

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
