#include "allot/app/budgets/commitment_sync.h"

#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/budgets/commitments.h"

namespace allot::app {

Money contribution_for(const PersonRecord&) {
  // Charging (financial assessment under Care Act s26) provides the person's
  // contribution; until it does, every commitment is the full agreed budget.
  return Money{};
}

namespace {

Date date_of(Timestamp at) {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(at)));
}

// The commitment an agreed budget asks for, or issues naming the person.
Result<CommitmentRecord> desired_commitment(const PersonRecord& record, const journey::CaseState& state) {
  const journey::AgreedBudget& agreed = *state.agreed_budget;
  const Money contribution = contribution_for(record).weekly_to_annual();
  Result<budgets::SourceTerms> terms =
      budgets::split_by_source(agreed.start, std::nullopt, agreed.annual, agreed.one_off,
                               agreed.from_source(journey::FundingSource::kCouncil),
                               agreed.from_source(journey::FundingSource::kNhs), contribution);
  if (!terms) {
    Issues issues;
    for (Issue issue : terms.error()) {
      issue.path = fmt::format("people/{}/agreed_budget.{}", record.id, issue.path);
      issues.push_back(std::move(issue));
    }
    return fail(std::move(issues));
  }
  CommitmentRecord row;
  row.person_id = record.id;
  row.locality = record.index.locality;
  row.client_group = record.index.client_group;
  row.start = agreed.start;
  row.council_recurring = terms->council.recurring_annual;
  row.council_one_off = terms->council.one_off;
  row.nhs_recurring = terms->nhs.recurring_annual;
  row.nhs_one_off = terms->nhs.one_off;
  row.contribution_annual = contribution;
  if (state.protection) {
    row.protection_annual = state.protection->annual;
    row.protection_review_due = state.protection->review_due;
  }
  if (state.previous_package_annual) {
    row.previous_package_annual = *state.previous_package_annual;
  } else if (state.protection) {
    row.previous_package_annual = state.protection->previous_package_annual;
  }
  row.person_row_version = record.row_version;
  return row;
}

bool same_terms(const CommitmentRecord& a, const CommitmentRecord& b) {
  return a.start == b.start && a.locality == b.locality && a.client_group == b.client_group &&
         a.council_recurring == b.council_recurring && a.council_one_off == b.council_one_off &&
         a.nhs_recurring == b.nhs_recurring && a.nhs_one_off == b.nhs_one_off &&
         a.contribution_annual == b.contribution_annual && a.protection_annual == b.protection_annual &&
         a.protection_review_due == b.protection_review_due && a.previous_package_annual == b.previous_package_annual;
}

}  // namespace

Result<SyncReport> sync_commitments(Transaction& tx, Timestamp now) {
  CommitmentRepository& commitments = tx.get<CommitmentRepository>();
  PersonRepository& people = tx.get<PersonRepository>();
  SyncReport report;
  report.ran = true;
  Result<std::string> fingerprint = commitments.people_fingerprint();
  if (!fingerprint) return fail(fingerprint.error());
  Result<std::vector<CommitmentRecord>> open = commitments.open();
  if (!open) return fail(open.error());
  std::map<Id, CommitmentRecord> open_by_person;
  for (CommitmentRecord& row : *open) open_by_person.emplace(row.person_id, std::move(row));

  std::set<Id> with_budget;
  PersonQuery query;
  query.agreed_budget_only = true;
  query.limit = 1000;
  for (query.offset = 0;; query.offset += query.limit) {
    Result<PersonPage> page = people.list(query);
    if (!page) return fail(page.error());
    for (const PersonRecord& record : page->people) {
      Result<journey::Person> person = JourneyCore::person_of(record);
      if (!person) return fail(person.error());
      if (!person->state.agreed_budget) continue;
      with_budget.insert(record.id);
      Result<CommitmentRecord> desired = desired_commitment(record, person->state);
      if (!desired) {
        report.problems.insert(report.problems.end(), desired.error().begin(), desired.error().end());
        continue;
      }
      const auto existing = open_by_person.find(record.id);
      if (existing != open_by_person.end()) {
        if (same_terms(existing->second, *desired)) continue;
        // A changed budget: the old terms run to the day before the new start.
        const Date last_day = desired->start.plus_days(-1);
        if (auto ended = commitments.end(existing->second.id, last_day); !ended) return fail(ended.error());
        ++report.ended;
      }
      if (auto added = commitments.add(*desired, now); !added) return fail(added.error());
      ++report.added;
    }
    if (static_cast<std::int64_t>(query.offset + query.limit) >= page->total) break;
  }
  for (const auto& [person_id, row] : open_by_person) {
    if (with_budget.count(person_id)) continue;
    // The agreed budget ended: its commitment runs to the day the record changed.
    Result<PersonRecord> record = people.get(person_id);
    if (!record) return fail(record.error());
    if (auto ended = commitments.end(row.id, date_of(record->updated_at)); !ended) return fail(ended.error());
    ++report.ended;
  }
  report.open = static_cast<int>(with_budget.size()) - static_cast<int>(report.problems.size());
  if (auto saved = commitments.set_synced_fingerprint(*fingerprint); !saved) return fail(saved.error());
  return report;
}

}  // namespace allot::app
