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

Result<std::map<Id, Contribution>> contributions_on(Transaction& tx, Date on) {
  auto records = tx.get<FinancialAssessmentRepository>().all_in_force(on);
  if (!records) return tl::unexpected<Issues>(records.error());
  std::map<Id, Contribution> by_person;
  for (const FinancialAssessmentRecord& record : *records) by_person.emplace(record.person_id, contribution_of(record));
  return by_person;
}

}  // namespace allot::app
