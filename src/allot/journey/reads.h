#pragma once
// What the journey's lists show, made from people's records: summaries, the
// history, carers, the Resource Allocation Group's queue, reviews due and the
// drift of agreed budgets from indicative ones (docs/api.md, "Shapes").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/money.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"

namespace allot::journey {

struct PersonSummary {
  std::int64_t id = 0;
  std::string given_name;
  std::string family_name;
  std::optional<Date> date_of_birth;
  std::string client_group;
  std::string locality;
  std::string team;
  std::optional<Stage> stage;
  std::optional<std::int64_t> cares_for;
  // While a plan awaits sign-off, so a team manager's list can pick its plans.
  std::optional<SignOffRoute> sign_off_route;
  bool operator==(const PersonSummary&) const = default;
};
PersonSummary summarise(const Person& person);

struct PersonList {
  std::vector<PersonSummary> people;
  std::int64_t total = 0;  // matching the query, ignoring limit and offset
};

// One event of a person's history as it was recorded; the payload is the JSON
// document written at the time, shown as it was.
struct RecordedEvent {
  std::int64_t id = 0;
  std::string kind;
  std::string event_type;
  std::string outcome;  // empty: none
  Instant at;
  std::string actor;
  std::string agency;
  std::string reason;
  std::string payload;  // JSON text
  bool operator==(const RecordedEvent&) const = default;
};

struct Draft {
  DraftKind kind = DraftKind::kAssessment;
  std::string document;  // JSON text, as the page saved it
  std::int64_t row_version = 0;
  std::string updated_by;
  Instant updated_at;
  bool operator==(const Draft&) const = default;
};

struct CarerSummary {
  std::int64_t person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string locality;
  std::int64_t cares_for_id = 0;
  std::string cares_for_given_name;
  std::string cares_for_family_name;
  bool first_stage_done = false;
  bool referred = false;                // for a full assessment
  std::optional<Money> budget_annual;   // the carer's personal budget
  bool operator==(const CarerSummary&) const = default;
};
CarerSummary summarise_carer(const Person& carer, const Person& cared_for);

// A plan awaiting the Resource Allocation Group.
struct QueuedPlan {
  std::int64_t person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string client_group;
  std::string locality;
  int plan_version = 0;
  Money annual;
  Money indicative_annual;
  Money difference;
  std::vector<std::string> reasons;
  Instant submitted_at;
  bool operator==(const QueuedPlan&) const = default;
};
// `plan_annual`: the cost of the plan version awaiting the panel. The person
// must be awaiting the panel (awaits_panel).
QueuedPlan queued_plan(const Person& person, Money plan_annual);
// Oldest submission first.
void sort_queue(std::vector<QueuedPlan>& queue);

struct ReviewDue {
  std::int64_t person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string locality;
  std::string team;
  Date review_due;
  bool first_review = false;
  Money agreed_annual;
  bool operator==(const ReviewDue&) const = default;
};
// The person must have an active agreed budget.
ReviewDue review_due_row(const Person& person);

struct ReviewsDue {
  Date by;
  std::vector<ReviewDue> reviews;  // soonest first
};
// Soonest first.
void sort_reviews(std::vector<ReviewDue>& reviews);

// One agreed budget next to its indicative budget.
struct DriftRow {
  std::int64_t person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string client_group;
  std::string locality;
  std::optional<Money> indicative_annual;
  Money agreed_annual;
  std::optional<Money> difference;
  std::string reason;
  Date start;
  DecidedBy decided_by = DecidedBy::kTeamManager;
  bool operator==(const DriftRow&) const = default;
};

// Totals that reconcile with the rows: `compared` sums exactly the rows that
// have an indicative budget, so its difference is its agreed minus its
// indicative and equals the sum of those rows' differences; budgets agreed with
// no indicative budget (equipment only, no assessment) are counted apart, and
// `agreed_annual` is the two together.
struct DriftComparedTotals {
  std::int64_t people = 0;
  Money indicative_annual;
  Money agreed_annual;
  Money difference;
  bool operator==(const DriftComparedTotals&) const = default;
};
struct DriftUncomparedTotals {
  std::int64_t people = 0;
  Money agreed_annual;
  bool operator==(const DriftUncomparedTotals&) const = default;
};

struct BudgetDrift {
  std::vector<DriftRow> budgets;
  std::int64_t people = 0;
  Money agreed_annual;  // every row
  DriftComparedTotals compared;
  DriftUncomparedTotals without_indicative;
};
// Every person given must have an agreed budget. A sum that would overflow is
// refused (kInvalidValue naming the row), never wrapped.
Result<BudgetDrift> budget_drift(const std::vector<Person>& people);

}  // namespace allot::journey
