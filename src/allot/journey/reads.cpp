#include "allot/journey/reads.h"

#include <algorithm>
#include <string>

namespace allot::journey {

PersonSummary summarise(const Person& person) {
  const PersonDetails& details = person.details;
  PersonSummary summary;
  summary.id = person.id;
  summary.given_name = details.given_name;
  summary.family_name = details.family_name;
  summary.date_of_birth = details.date_of_birth;
  summary.client_group = details.client_group;
  summary.locality = details.locality;
  summary.team = details.team;
  summary.stage = person.state.stage;
  summary.cares_for = details.cares_for;
  if (person.state.sign_off) summary.sign_off_route = person.state.sign_off->route;
  return summary;
}

CarerSummary summarise_carer(const Person& carer, const Person& cared_for) {
  CarerSummary summary;
  summary.person_id = carer.id;
  summary.given_name = carer.details.given_name;
  summary.family_name = carer.details.family_name;
  summary.locality = carer.details.locality;
  summary.cares_for_id = cared_for.id;
  summary.cares_for_given_name = cared_for.details.given_name;
  summary.cares_for_family_name = cared_for.details.family_name;
  if (const std::optional<CarerAssessments>& assessments = carer.state.carer) {
    summary.first_stage_done = assessments->first_stage.has_value();
    summary.referred = assessments->first_stage && assessments->first_stage->refer_for_full_assessment;
    if (assessments->full_assessment) summary.budget_annual = assessments->full_assessment->agreed_annual;
  }
  // Once signed off, the carer's budget is the agreed one.
  if (carer.state.agreed_budget) summary.budget_annual = carer.state.agreed_budget->annual;
  return summary;
}

QueuedPlan queued_plan(const Person& person, Money plan_annual) {
  QueuedPlan queued;
  queued.person_id = person.id;
  queued.given_name = person.details.given_name;
  queued.family_name = person.details.family_name;
  queued.client_group = person.details.client_group;
  queued.locality = person.details.locality;
  queued.annual = plan_annual;
  queued.indicative_annual = person.state.indicative_budget ? person.state.indicative_budget->annual : Money();
  queued.difference = plan_annual - queued.indicative_annual;
  if (const std::optional<SignOff>& sign_off = person.state.sign_off) {
    queued.plan_version = sign_off->plan_version;
    queued.reasons = sign_off->reasons;
    queued.submitted_at = sign_off->submitted_at;
  }
  return queued;
}

void sort_queue(std::vector<QueuedPlan>& queue) {
  std::stable_sort(queue.begin(), queue.end(),
                   [](const QueuedPlan& left, const QueuedPlan& right) { return left.submitted_at < right.submitted_at; });
}

ReviewDue review_due_row(const Person& person) {
  ReviewDue row;
  row.person_id = person.id;
  row.given_name = person.details.given_name;
  row.family_name = person.details.family_name;
  row.locality = person.details.locality;
  row.team = person.details.team;
  if (const std::optional<AgreedBudget>& agreed = person.state.agreed_budget) {
    row.review_due = agreed->review_due;
    row.agreed_annual = agreed->annual;
  }
  row.first_review = !person.state.last_review.has_value();
  return row;
}

void sort_reviews(std::vector<ReviewDue>& reviews) {
  std::stable_sort(reviews.begin(), reviews.end(),
                   [](const ReviewDue& left, const ReviewDue& right) { return left.review_due < right.review_due; });
}

namespace {

// a + b into `total`, or false when the sum does not fit in 64-bit pence.
bool add_to(Money& total, Money amount) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(total.pence(), amount.pence(), &sum)) return false;
  total = Money::from_pence(sum);
  return true;
}

}  // namespace

Result<BudgetDrift> budget_drift(const std::vector<Person>& people) {
  BudgetDrift drift;
  for (const Person& person : people) {
    if (!person.state.agreed_budget) continue;
    const AgreedBudget& agreed = *person.state.agreed_budget;
    DriftRow row;
    row.person_id = person.id;
    row.given_name = person.details.given_name;
    row.family_name = person.details.family_name;
    row.client_group = person.details.client_group;
    row.locality = person.details.locality;
    row.indicative_annual = agreed.indicative_annual;
    row.agreed_annual = agreed.annual;
    row.reason = agreed.reason;
    row.start = agreed.start;
    row.decided_by = agreed.decided_by;
    const std::string where = "budgets[" + std::to_string(drift.budgets.size()) + "]";
    bool fits = add_to(drift.agreed_annual, agreed.annual);
    if (agreed.indicative_annual) {
      // The row's difference is recomputed from the two amounts it shows, so
      // a row always reads agreed minus indicative.
      std::int64_t difference = 0;
      fits = fits && !__builtin_sub_overflow(agreed.annual.pence(), agreed.indicative_annual->pence(), &difference);
      row.difference = Money::from_pence(difference);
      fits = fits && add_to(drift.compared.indicative_annual, *agreed.indicative_annual) &&
             add_to(drift.compared.agreed_annual, agreed.annual) && add_to(drift.compared.difference, *row.difference);
      ++drift.compared.people;
    } else {
      fits = fits && add_to(drift.without_indicative.agreed_annual, agreed.annual);
      ++drift.without_indicative.people;
    }
    if (!fits) {
      return fail(ErrorCode::kInvalidValue, where,
                  "the agreed budget of person " + std::to_string(person.id) + " does not fit in the totals (sum too large)");
    }
    drift.budgets.push_back(std::move(row));
  }
  drift.people = static_cast<std::int64_t>(drift.budgets.size());
  return drift;
}

}  // namespace allot::journey
