#include "allot/app/budgets/commitment_sync.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/app/charging/contribution.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/budgets/commitments.h"
#include "allot/budgets/money_checks.h"

namespace allot::app {

namespace {

Date date_of(Timestamp at) {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(at)));
}

Issues named(const Issues& found, Id person_id, const char* field) {
  Issues issues;
  for (Issue issue : found) {
    issue.path = fmt::format("people/{}/{}.{}", person_id, field, issue.path);
    issues.push_back(std::move(issue));
  }
  return issues;
}

// The commitment an agreed budget asks for from `start`, net of `contribution`
// (the one in force then, or none), or issues naming the person.
Result<CommitmentRecord> desired_commitment(const PersonRecord& record, const journey::CaseState& state, Date start,
                                            const Contribution* contribution) {
  const journey::AgreedBudget& agreed = *state.agreed_budget;
  Result<charging::CostShares> shares = weekly_shares(agreed, contribution);
  if (!shares) return fail(named(shares.error(), record.id, "agreed_budget"));
  const Money council_annual = agreed.from_source(journey::FundingSource::kCouncil);
  const Money nhs_annual = agreed.from_source(journey::FundingSource::kNhs);
  // The person pays 52 weeks a year of their weekly contribution. Rounding the
  // weekly NHS share can leave the council's recurring annual share a few pence
  // below 52 weeks of the social care part: the council's share is the most the
  // person's payments can meet.
  std::optional<Money> contribution_annual = budgets::checked_mul(shares->person, 52);
  if (!contribution_annual) {
    return fail(ErrorCode::kInvalidValue, fmt::format("people/{}/contribution", record.id),
                "52 weeks of the contribution do not fit in 64-bit pence");
  }
  const Money nhs_one_off = agreed.annual.pence() == 0
                                ? Money{}
                                : budgets::scale(agreed.one_off, nhs_annual.pence(), agreed.annual.pence()).value_or(Money{});
  const Money council_recurring = council_annual - (agreed.one_off - nhs_one_off);
  if (*contribution_annual > council_recurring) contribution_annual = std::max(council_recurring, Money{});
  Result<budgets::SourceTerms> terms = budgets::split_by_source(start, std::nullopt, agreed.annual, agreed.one_off,
                                                                council_annual, nhs_annual, *contribution_annual);
  if (!terms) return fail(named(terms.error(), record.id, "agreed_budget"));
  CommitmentRecord row;
  row.person_id = record.id;
  row.locality = record.index.locality;
  row.client_group = record.index.client_group;
  row.start = start;
  row.council_recurring = terms->council.recurring_annual;
  // The one-off part is committed once, on the agreed budget's own start.
  row.council_one_off = start == agreed.start ? terms->council.one_off : Money{};
  row.nhs_recurring = terms->nhs.recurring_annual;
  row.nhs_one_off = start == agreed.start ? terms->nhs.one_off : Money{};
  row.contribution_annual = *contribution_annual;
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

// One period of an agreed budget with the contribution in force through it.
struct Period {
  CommitmentRecord row;  // end set for every period but the last
  const Contribution* contribution = nullptr;
};

// The agreed budget's commitments from `from` on: a new period wherever a
// financial assessment takes effect; periods with the same terms are joined.
Result<std::vector<Period>> desired_periods(const PersonRecord& record, const journey::CaseState& state, Date from,
                                            const std::vector<Contribution>& timeline) {
  std::vector<Date> starts = {from};
  for (const Contribution& contribution : timeline) {
    if (contribution.effective_from > from && contribution.effective_from != starts.back()) {
      starts.push_back(contribution.effective_from);
    }
  }
  std::vector<Period> periods;
  for (const Date start : starts) {
    const Contribution* contribution = contribution_in_force(timeline, start);
    Result<CommitmentRecord> row = desired_commitment(record, state, start, contribution);
    if (!row) return fail(row.error());
    if (!periods.empty()) {
      CommitmentRecord same = *row;
      same.start = periods.back().row.start;
      same.council_one_off = periods.back().row.council_one_off;
      same.nhs_one_off = periods.back().row.nhs_one_off;
      if (same_terms(same, periods.back().row)) continue;
      periods.back().row.end = start.plus_days(-1);
    }
    periods.push_back(Period{*row, contribution});
  }
  return periods;
}

std::string describe(const Period& period) {
  const CommitmentRecord& row = period.row;
  std::string text = fmt::format("committed from {}{}: council {} a year, NHS {} a year, net of the person's "
                                 "contribution {} a year",
                                 row.start.to_string(), row.end ? " to " + row.end->to_string() : std::string(),
                                 format_pounds(row.council_recurring), format_pounds(row.nhs_recurring),
                                 format_pounds(row.contribution_annual));
  if (period.contribution) {
    text += fmt::format(" (financial assessment {} recorded by {})", period.contribution->assessment_id,
                        period.contribution->recorded_by);
  } else {
    text += " (no financial assessment)";
  }
  return text;
}

Result<Unit> record_change(Transaction& tx, const Actor& actor, const std::string& cause, Id person_id,
                           const std::string& detail, Timestamp now) {
  Result<AuditEntry> entry = tx.get<AuditRepository>().append(
      NewAuditEntry{actor, "commitment", person_subject(person_id), cause + ": " + detail}, now);
  if (!entry) return fail(entry.error());
  return Unit{};
}

}  // namespace

Result<SyncReport> sync_commitments(Transaction& tx, Timestamp now, const Actor& actor, const std::string& cause) {
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
  Result<std::map<Id, std::vector<Contribution>>> timelines = contribution_timelines(tx);
  if (!timelines) return fail(timelines.error());
  const std::vector<Contribution> none;

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
      const auto found_timeline = timelines->find(record.id);
      const std::vector<Contribution>& timeline = found_timeline == timelines->end() ? none : found_timeline->second;
      const auto existing = open_by_person.find(record.id);
      // Closed periods are kept as recorded: nothing before the open row changes.
      const Date agreed_start = person->state.agreed_budget->start;
      const Date from = existing == open_by_person.end() ? agreed_start : std::max(agreed_start, existing->second.start);
      Result<std::vector<Period>> periods = desired_periods(record, person->state, from, timeline);
      if (!periods) {
        report.problems.insert(report.problems.end(), periods.error().begin(), periods.error().end());
        continue;
      }
      std::size_t first_new = 0;
      std::string ended;
      if (existing != open_by_person.end()) {
        CommitmentRecord first = periods->front().row;
        first.end.reset();
        if (same_terms(existing->second, first)) {
          if (periods->size() == 1) continue;
          // The open row runs on to the day before a new contribution takes effect.
          first_new = 1;
          if (auto closed = commitments.end(existing->second.id, *periods->front().row.end); !closed) {
            return fail(closed.error());
          }
          ended = fmt::format("commitment {} ends on {}; ", existing->second.id, periods->front().row.end->to_string());
        } else {
          // A changed budget or contribution: the old terms run to the day before
          // the new ones (a row ended before it began commits nothing).
          const Date last_day = from.plus_days(-1);
          if (auto closed = commitments.end(existing->second.id, last_day); !closed) return fail(closed.error());
          ended = fmt::format("commitment {} ends on {}; ", existing->second.id, last_day.to_string());
        }
        ++report.ended;
      }
      for (std::size_t idx = first_new; idx < periods->size(); ++idx) {
        if (auto added = commitments.add((*periods)[idx].row, now); !added) return fail(added.error());
        ++report.added;
        if (auto recorded = record_change(tx, actor, cause, record.id, ended + describe((*periods)[idx]), now);
            !recorded) {
          return fail(recorded.error());
        }
        ended.clear();
      }
    }
    if (static_cast<std::int64_t>(query.offset + query.limit) >= page->total) break;
  }
  for (const auto& [person_id, row] : open_by_person) {
    if (with_budget.count(person_id)) continue;
    // The agreed budget ended: its commitment runs to the day the record changed.
    Result<PersonRecord> record = people.get(person_id);
    if (!record) return fail(record.error());
    const Date last_day = date_of(record->updated_at);
    if (auto ended = commitments.end(row.id, last_day); !ended) return fail(ended.error());
    ++report.ended;
    if (auto recorded = record_change(tx, actor, cause, person_id,
                                      fmt::format("commitment {} ends on {}: the agreed budget ended", row.id,
                                                  last_day.to_string()),
                                      now);
        !recorded) {
      return fail(recorded.error());
    }
  }
  report.open = static_cast<int>(with_budget.size()) - static_cast<int>(report.problems.size());
  if (auto saved = commitments.set_synced_fingerprint(*fingerprint); !saved) return fail(saved.error());
  return report;
}

}  // namespace allot::app
