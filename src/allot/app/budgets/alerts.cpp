// Overspend alerts: a budget or allocation line newly forecast over budget is
// flagged to its managers at once, in the transaction of the change that took it
// over (a posting, an import, a commitment change, an approved fast-access
// request). Care is never refused because a pot is empty: the alert is the
// answer to an overspend, not a refusal.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/budgets/budget_service.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

constexpr const char* kOverspend = "overspend_alert";
constexpr const char* kCleared = "overspend_cleared";

std::string subject_of(Id budget_id, const std::string& line_code) {
  return line_code.empty() ? fmt::format("budget:{}", budget_id) : fmt::format("budget:{}/line:{}", budget_id, line_code);
}

// The budget id and line code of an alert's subject, or nothing if it is not one.
std::optional<std::pair<Id, std::string>> parse_subject(const std::string& subject) {
  constexpr std::string_view kPrefix = "budget:";
  if (subject.rfind(kPrefix, 0) != 0) return std::nullopt;
  const std::size_t slash = subject.find("/line:");
  const std::string_view digits = std::string_view(subject).substr(
      kPrefix.size(), slash == std::string::npos ? std::string::npos : slash - kPrefix.size());
  Id id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return std::make_pair(id, slash == std::string::npos ? std::string() : subject.substr(slash + 6));
}

// The latest word on a subject: true if it is an overspend still standing.
Result<bool> standing_overspend(AuditRepository& audit, const std::string& subject) {
  AuditQuery query;
  query.subject = subject;
  query.limit = 1;
  query.action = kOverspend;
  Result<std::vector<AuditEntry>> over = audit.list(query);
  if (!over) return fail(over.error());
  if (over->empty()) return false;
  query.action = kCleared;
  Result<std::vector<AuditEntry>> cleared = audit.list(query);
  if (!cleared) return fail(cleared.error());
  return cleared->empty() || cleared->front().id < over->front().id;
}

std::string managers_of(const BudgetRecord& budget) {
  if (budget.managed_by_agency == budget.accountable_agency) return budget.managed_by_agency;
  return fmt::format("{} (runs it) and {} (accountable)", budget.managed_by_agency, budget.accountable_agency);
}

}  // namespace

Result<int> record_overspend_alerts(Transaction& tx, Timestamp now, const Actor& actor, const std::string& cause,
                                    std::optional<Id> budget_id) {
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  std::vector<BudgetRecord> budgets;
  if (budget_id) {
    Result<BudgetRecord> one = tx.get<BudgetRepository>().get(*budget_id);
    if (!one) return fail(one.error());
    budgets.push_back(std::move(*one));
  } else {
    Result<std::vector<BudgetRecord>> all = tx.get<BudgetRepository>().list();
    if (!all) return fail(all.error());
    budgets = std::move(*all);
  }
  AuditRepository& audit = tx.get<AuditRepository>();
  int recorded = 0;
  for (const BudgetRecord& budget : budgets) {
    if (budget.financial_year != today.financial_year_start()) continue;
    Result<Monitoring> monitored = monitor_budget(tx, budget, today);
    if (!monitored) return fail(monitored.error());
    struct Figure {
      std::string line_code;
      std::string name;
      const budgets::LineForecast* figures;
    };
    std::vector<Figure> figures = {{"", budget.name, &monitored->total}};
    for (const LineMonitoring& line : monitored->lines) figures.push_back({line.line.code, line.line.name, &line.figures});
    for (const Figure& figure : figures) {
      const std::string subject = subject_of(budget.id, figure.line_code);
      Result<bool> standing = standing_overspend(audit, subject);
      if (!standing) return fail(standing.error());
      const bool over = figure.figures->overspent;
      if (over == *standing) continue;
      const std::string detail =
          over ? fmt::format("{} is forecast to overspend by {}: forecast outturn {} against {}; for its managers at "
                             "{}; after {}",
                             figure.name, format_pounds(Money{} - figure.figures->variance_total),
                             format_pounds(figure.figures->forecast_total), format_pounds(figure.figures->budget_total),
                             managers_of(budget), cause)
               : fmt::format("{} is back within budget: forecast outturn {} against {}; for its managers at {}; after {}",
                             figure.name, format_pounds(figure.figures->forecast_total),
                             format_pounds(figure.figures->budget_total), managers_of(budget), cause);
      Result<AuditEntry> entry = audit.append(NewAuditEntry{actor, over ? kOverspend : kCleared, subject, detail}, now);
      if (!entry) return fail(entry.error());
      ++recorded;
    }
  }
  return recorded;
}

Result<std::vector<OverspendAlert>> BudgetService::alerts(const Principal& principal) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<OverspendAlert>> {
    if (auto allowed = AccessPolicy::standard().check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    Result<std::vector<BudgetRecord>> all = tx.get<BudgetRepository>().list();
    if (!all) return fail(all.error());
    std::map<Id, const BudgetRecord*> visible;
    for (const BudgetRecord& budget : *all) {
      if (may_see_budget(principal, budget)) visible.emplace(budget.id, &budget);
    }
    std::vector<AuditEntry> entries;
    for (const char* action : {kOverspend, kCleared}) {
      AuditQuery query;
      query.action = action;
      query.limit = 1000;
      Result<std::vector<AuditEntry>> found = tx.get<AuditRepository>().list(query);
      if (!found) return fail(found.error());
      entries.insert(entries.end(), found->begin(), found->end());
    }
    std::sort(entries.begin(), entries.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.id > b.id; });
    std::set<std::string> seen;
    std::vector<OverspendAlert> alerts;
    for (const AuditEntry& entry : entries) {
      const std::optional<std::pair<Id, std::string>> subject = parse_subject(entry.subject);
      if (!subject) continue;
      const auto budget = visible.find(subject->first);
      if (budget == visible.end()) continue;
      OverspendAlert alert;
      alert.id = entry.id;
      alert.budget_id = subject->first;
      alert.budget = budget->second->name;
      alert.line = subject->second;
      alert.overspend = entry.action == kOverspend;
      alert.current = seen.insert(entry.subject).second;
      alert.message = entry.detail;
      alert.managed_by_agency = budget->second->managed_by_agency;
      alert.accountable_agency = budget->second->accountable_agency;
      alert.recorded_by = entry.actor;
      alert.agency = entry.agency;
      alert.at = entry.at;
      alerts.push_back(std::move(alert));
    }
    return alerts;
  });
}

}  // namespace allot::app
