#include "allot/app/charging/contribution.h"

#include "allot/app/charging/repositories.h"

namespace allot::app {

namespace {

Contribution contribution_of(const FinancialAssessmentRecord& record) {
  Contribution contribution;
  contribution.kind = record.full_cost ? Contribution::Kind::kFullCost : Contribution::Kind::kAssessed;
  contribution.weekly = record.assessed_weekly;
  contribution.effective_from = record.effective_from;
  if (record.full_cost) {
    contribution.reason = record.status == "assessed" ? "capital above the upper limit"
                                                        : record.status + ": " + record.reason;
  }
  contribution.assessment_id = record.id;
  contribution.recorded_by = record.recorded_by;
  return contribution;
}

}  // namespace

Result<std::optional<Contribution>> contribution_on(Transaction& tx, Id person_id, Date on) {
  auto record = tx.get<FinancialAssessmentRepository>().in_force(person_id, on);
  if (!record) return tl::unexpected<Issues>(record.error());
  if (!*record) return std::optional<Contribution>{};
  return std::optional<Contribution>{contribution_of(**record)};
}

Result<std::optional<Contribution>> current_contribution(Transaction& tx, Id person_id) {
  auto records = tx.get<FinancialAssessmentRepository>().for_person(person_id);
  if (!records) return tl::unexpected<Issues>(records.error());
  if (records->empty()) return std::optional<Contribution>{};
  return std::optional<Contribution>{contribution_of(records->front())};
}

Result<std::map<Id, std::vector<Contribution>>> contribution_timelines(Transaction& tx) {
  auto records = tx.get<FinancialAssessmentRepository>().all_without_documents();
  if (!records) return tl::unexpected<Issues>(records.error());
  std::map<Id, std::vector<Contribution>> by_person;
  for (const FinancialAssessmentRecord& record : *records) by_person[record.person_id].push_back(contribution_of(record));
  return by_person;
}

const Contribution* contribution_in_force(const std::vector<Contribution>& timeline, Date on) {
  const Contribution* found = nullptr;
  for (const Contribution& contribution : timeline) {
    if (contribution.effective_from <= on) found = &contribution;
  }
  return found;
}

Result<charging::CostShares> weekly_shares(const journey::AgreedBudget& agreed, const Contribution* contribution) {
  charging::ChargeBasis basis = charging::ChargeBasis::kNotAssessed;
  Money assessed;
  if (contribution) {
    basis = contribution->kind == Contribution::Kind::kFullCost ? charging::ChargeBasis::kFullCost
                                                                : charging::ChargeBasis::kAssessed;
    assessed = contribution->weekly;
  }
  return charging::share_weekly_cost(agreed.weekly, agreed.annual, agreed.from_source(journey::FundingSource::kNhs),
                                     basis, assessed);
}

Result<std::map<Id, Contribution>> contributions_on(Transaction& tx, Date on) {
  auto records = tx.get<FinancialAssessmentRepository>().all_in_force(on);
  if (!records) return tl::unexpected<Issues>(records.error());
  std::map<Id, Contribution> by_person;
  for (const FinancialAssessmentRecord& record : *records) by_person.emplace(record.person_id, contribution_of(record));
  return by_person;
}

}  // namespace allot::app
