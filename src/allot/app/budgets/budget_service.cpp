#include "allot/app/budgets/budget_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/budgets/commitment_sync.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/budgets/commitments.h"
#include "allot/budgets/money_checks.h"

namespace allot::app {

namespace {

const std::set<std::string> kFundKinds = {"council_core", "nhs_contribution", "grant"};
const std::set<std::string> kBudgetKinds = {"pooled", "aligned", "fast_access"};
const std::set<std::string> kLineKinds = {"locality", "team", "client_group", "programme", "protection_fund", "other"};
const std::set<std::string> kSources = {"council", "nhs"};
const std::set<std::string> kSettings = {"", "institutional", "community"};

std::string one_of(const std::set<std::string>& values) {
  std::string text;
  for (const std::string& value : values) {
    if (value.empty()) continue;
    if (!text.empty()) text += ", ";
    text += value;
  }
  return text;
}

Result<Unit> check(const Principal& principal, std::string_view action) {
  return AccessPolicy::standard().check(principal, action);
}

Result<Unit> audit(Transaction& tx, const Principal& principal, std::string action, std::string subject,
                   std::string detail, Timestamp now) {
  Result<AuditEntry> entry = tx.get<AuditRepository>().append(
      NewAuditEntry{principal.actor(), std::move(action), std::move(subject), std::move(detail)}, now);
  if (!entry) return fail(entry.error());
  return Unit{};
}

std::string budget_subject(Id id) { return fmt::format("budget:{}", id); }

}  // namespace

bool may_see_budget(const Principal& principal, const BudgetRecord& budget) {
  if (principal.has_role(Role::kAdministrator)) return true;
  const std::string& agency = principal.agency;
  if (agency == budget.host_agency || agency == budget.managed_by_agency || agency == budget.accountable_agency) {
    return true;
  }
  return std::any_of(budget.contributions.begin(), budget.contributions.end(),
                     [&](const BudgetContribution& c) { return c.partner_agency == agency; });
}

Date BudgetService::today() const {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
}

Result<BudgetFund> BudgetService::add_fund(const Principal& principal, const BudgetFund& fund) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<BudgetFund> {
    if (auto allowed = check(principal, "budgets.manage"); !allowed) return fail(allowed.error());
    Issues issues;
    if (fund.code.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "code", "a fund needs a code"});
    if (fund.name.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "name", "a fund needs a name"});
    if (!kFundKinds.count(fund.kind)) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "kind",
                             fmt::format("unknown kind \"{}\"; expected one of {}", fund.kind, one_of(kFundKinds))});
    }
    if (fund.owner_agency.empty()) {
      issues.push_back(Issue{ErrorCode::kMissingField, "owner_agency", "name the organisation that owns the fund"});
    }
    if (fund.kind == "grant" && !fund.end_date) {
      issues.push_back(Issue{ErrorCode::kMissingField, "end_date", "a grant needs its end date"});
    }
    if (!issues.empty()) return fail(std::move(issues));
    BudgetFund stored = fund;
    stored.created_by = principal.username;
    Result<BudgetFund> added = tx.get<BudgetFundRepository>().add(stored, clock_.now());
    if (!added) return added;
    if (auto audited = audit(tx, principal, "create", fmt::format("fund:{}", added->id), added->code, clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return added;
  });
}

Result<std::vector<BudgetFund>> BudgetService::funds(const Principal& principal) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<BudgetFund>> {
    if (auto allowed = check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    return tx.get<BudgetFundRepository>().list();
  });
}

Result<BudgetRecord> BudgetService::add_budget(const Principal& principal, const BudgetRecord& input) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<BudgetRecord> {
    if (auto allowed = check(principal, "budgets.manage"); !allowed) return fail(allowed.error());
    BudgetRecord budget = input;
    if (budget.managed_by_agency.empty()) budget.managed_by_agency = budget.host_agency;
    if (budget.accountable_agency.empty()) budget.accountable_agency = budget.host_agency;
    Issues issues;
    if (budget.code.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "code", "a budget needs a code"});
    if (budget.name.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "name", "a budget needs a name"});
    if (budget.financial_year < 2000 || budget.financial_year > 2100) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "financial_year",
                             fmt::format("expected the year the financial year starts in (2000-2100); found {}",
                                         budget.financial_year)});
    }
    if (!kBudgetKinds.count(budget.kind)) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "kind",
                             fmt::format("unknown kind \"{}\"; expected one of {}", budget.kind, one_of(kBudgetKinds))});
    }
    if (budget.host_agency.empty()) {
      issues.push_back(Issue{ErrorCode::kMissingField, "host_agency", "name the host organisation"});
    }
    if (budget.kind == "pooled" && !budgets::parse_risk_share_rule(budget.risk_share)) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "risk_share",
                             fmt::format("a pooled budget needs a risk-share rule: equal_shares, by_contribution or "
                                         "each_bears_own; found \"{}\"",
                                         budget.risk_share)});
    }
    if (budget.kind == "fast_access") {
      if (budget.approver.empty()) {
        issues.push_back(Issue{ErrorCode::kMissingField, "approver", "a fast-access budget needs a named approver"});
      }
      if (budget.request_limit <= Money{}) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, "request_limit_pence", "must be more than zero"});
      }
    }
    if (budget.contributions.empty()) {
      issues.push_back(Issue{ErrorCode::kMissingField, "contributions", "a budget needs at least one contribution"});
    }
    Result<std::vector<BudgetFund>> funds = tx.get<BudgetFundRepository>().list();
    if (!funds) return fail(funds.error());
    std::set<Id> fund_ids;
    for (const BudgetFund& fund : *funds) fund_ids.insert(fund.id);
    Money contributions;
    for (std::size_t idx = 0; idx < budget.contributions.size(); ++idx) {
      const BudgetContribution& contribution = budget.contributions[idx];
      const std::string path = fmt::format("contributions[{}]", idx);
      if (!fund_ids.count(contribution.fund_id)) {
        issues.push_back(Issue{ErrorCode::kUnknownReference, path + ".fund_id",
                               fmt::format("there is no fund {}", contribution.fund_id)});
      }
      if (contribution.partner_agency.empty()) {
        issues.push_back(Issue{ErrorCode::kMissingField, path + ".partner_agency", "name the partner"});
      }
      if (!kSources.count(contribution.funding_source)) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".funding_source",
                               fmt::format("expected council or nhs; found \"{}\"", contribution.funding_source)});
      }
      if (contribution.amount < Money{}) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".amount_pence", "must not be negative"});
      }
      budgets::add_into(contributions, contribution.amount, path + ".amount_pence", issues);
    }
    std::set<std::string> codes;
    Money allocated;
    for (std::size_t idx = 0; idx < budget.lines.size(); ++idx) {
      const BudgetLine& line = budget.lines[idx];
      const std::string path = fmt::format("lines[{}]", idx);
      if (line.code.empty()) issues.push_back(Issue{ErrorCode::kMissingField, path + ".code", "a line needs a code"});
      if (!line.code.empty() && !codes.insert(line.code).second) {
        issues.push_back(Issue{ErrorCode::kDuplicate, path + ".code", fmt::format("code \"{}\" is used twice", line.code)});
      }
      if (line.name.empty()) issues.push_back(Issue{ErrorCode::kMissingField, path + ".name", "a line needs a name"});
      if (!kLineKinds.count(line.kind)) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".kind",
                               fmt::format("unknown kind \"{}\"; expected one of {}", line.kind, one_of(kLineKinds))});
      }
      if (!kSettings.count(line.setting)) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".setting",
                               fmt::format("expected institutional, community or nothing; found \"{}\"", line.setting)});
      }
      if (line.amount < Money{}) {
        issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".amount_pence", "must not be negative"});
      }
      budgets::add_into(allocated, line.amount, path + ".amount_pence", issues);
    }
    if (budget.lines.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "lines", "a budget needs at least one line"});
    if (issues.empty() && allocated > contributions) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "lines",
                             fmt::format("the lines allocate {} but the contributions are {}", format_pounds(allocated),
                                         format_pounds(contributions))});
    }
    if (!issues.empty()) return fail(std::move(issues));
    budget.created_by = principal.username;
    Result<BudgetRecord> added = tx.get<BudgetRepository>().add(budget, clock_.now());
    if (!added) return added;
    if (auto audited = audit(tx, principal, "create", budget_subject(added->id),
                             fmt::format("{} {} {}", added->code, added->kind, format_pounds(contributions)), clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return added;
  });
}

Result<std::vector<BudgetRecord>> BudgetService::budgets(const Principal& principal) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<BudgetRecord>> {
    if (auto allowed = check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    Result<std::vector<BudgetRecord>> all = tx.get<BudgetRepository>().list();
    if (!all) return all;
    std::vector<BudgetRecord> visible;
    for (BudgetRecord& budget : *all) {
      if (may_see_budget(principal, budget)) visible.push_back(std::move(budget));
    }
    return visible;
  });
}

Result<BudgetRecord> BudgetService::visible_budget(Transaction& tx, const Principal& principal, Id budget_id) {
  Result<BudgetRecord> budget = tx.get<BudgetRepository>().get(budget_id);
  if (!budget) return budget;
  if (!may_see_budget(principal, *budget)) {
    // Not the principal's to see: as if it did not exist.
    return fail(ErrorCode::kNotFound, "id", fmt::format("there is no budget {}", budget_id));
  }
  return budget;
}

Result<BudgetRecord> BudgetService::budget(const Principal& principal, Id budget_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<BudgetRecord> {
    if (auto allowed = check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    return visible_budget(tx, principal, budget_id);
  });
}

Result<Unit> BudgetService::sync_if_stale(const Principal& principal) {
  auto is_stale = [&]() {
    return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<bool> {
      CommitmentRepository& commitments = tx.get<CommitmentRepository>();
      Result<std::string> now = commitments.people_fingerprint();
      if (!now) return fail(now.error());
      Result<std::optional<std::string>> synced = commitments.synced_fingerprint();
      if (!synced) return fail(synced.error());
      return !*synced || **synced != *now;
    });
  };
  Result<bool> stale = is_stale();
  if (!stale) return fail(stale.error());
  if (!*stale) return Unit{};
  Result<Unit> synced = store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    const std::string cause = "commitments brought up to date before a read by " + principal.username;
    Result<SyncReport> report = sync_commitments(tx, clock_.now(), Actor{"system", principal.agency}, cause);
    if (!report) return fail(report.error());
    if (report->added + report->ended > 0) {
      Result<int> alerted = record_overspend_alerts(tx, clock_.now(), Actor{"system", principal.agency}, cause, {});
      if (!alerted) return fail(alerted.error());
    }
    Result<AuditEntry> entry = tx.get<AuditRepository>().append(
        NewAuditEntry{Actor{"system", principal.agency}, "refresh", "commitments",
                      fmt::format("before a read by {}: {} added, {} ended, {} open, {} problems", principal.username,
                                  report->added, report->ended, report->open, report->problems.size())},
        clock_.now());
    if (!entry) return fail(entry.error());
    return Unit{};
  });
  if (synced) return synced;
  // Another server may have brought them up to date at the same moment (the
  // database allows one open commitment a person): that is not a failure.
  Result<bool> still = is_stale();
  if (still && !*still) return Unit{};
  return synced;
}

Result<SyncReport> BudgetService::refresh_commitments(const Principal& principal) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<SyncReport> {
    if (auto allowed = check(principal, "budgets.manage"); !allowed) return fail(allowed.error());
    const std::string cause = "commitments refreshed by " + principal.username;
    Result<SyncReport> report = sync_commitments(tx, clock_.now(), principal.actor(), cause);
    if (!report) return report;
    if (report->added + report->ended > 0) {
      Result<int> alerted = record_overspend_alerts(tx, clock_.now(), principal.actor(), cause, {});
      if (!alerted) return fail(alerted.error());
    }
    if (auto audited = audit(tx, principal, "refresh", "commitments",
                             fmt::format("{} added, {} ended, {} open, {} problems", report->added, report->ended,
                                         report->open, report->problems.size()),
                             clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return report;
  });
}

}  // namespace allot::app
