#pragma once
// Reading across the journey (docs/api.md): a person's history, the reviews due
// and the drift of agreed budgets from indicative ones. The timeline needs
// people.read, reviews due reviews.read, the drift budgets.read_drift; each read
// is audited.

#include <optional>
#include <vector>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/reads.h"

namespace allot::app {

class JourneyReads {
 public:
  explicit JourneyReads(JourneyCore& core) : core_(core) {}

  // Oldest first; kNotFound if there is no such person.
  Result<std::vector<journey::RecordedEvent>> timeline(const Principal& principal, Id person_id);
  // Active budgets with a review due on or before `by` (nothing: today plus the
  // rules' reviews_due_days), soonest first.
  Result<journey::ReviewsDue> reviews_due(const Principal& principal, std::optional<Date> by);
  // Every agreed budget next to its indicative budget.
  Result<journey::BudgetDrift> budget_drift(const Principal& principal);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
