// Monthly monitoring and the reports built on it.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/budgets/budget_service.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/budgets/commitments.h"
#include "allot/budgets/money_checks.h"

namespace allot::app {

namespace {

using budgets::CommitmentTerms;
using budgets::FinancialYear;
using budgets::Months;

// The most specific line a person's commitment counts against, or none: a line
// matches when its locality and client group are empty or equal; locality
// counts for more than client group; ties go to the first line.
std::optional<std::size_t> match_line(const std::vector<BudgetLine>& lines, const std::string& locality,
                                      const std::string& client_group) {
  std::optional<std::size_t> best;
  int best_score = -1;
  for (std::size_t idx = 0; idx < lines.size(); ++idx) {
    const BudgetLine& line = lines[idx];
    if (line.kind == "protection_fund") continue;
    if (!line.locality.empty() && line.locality != locality) continue;
    if (!line.client_group.empty() && line.client_group != client_group) continue;
    const int score = (line.locality.empty() ? 0 : 2) + (line.client_group.empty() ? 0 : 1);
    if (score > best_score) {
      best = idx;
      best_score = score;
    }
  }
  return best;
}

// The terms of each funding source the budget's contributions meet.
std::vector<CommitmentTerms> terms_for(const CommitmentRecord& row, const std::set<std::string>& sources) {
  std::vector<CommitmentTerms> terms;
  if (sources.count("council")) terms.push_back({row.start, row.end, row.council_recurring, row.council_one_off});
  if (sources.count("nhs")) terms.push_back({row.start, row.end, row.nhs_recurring, row.nhs_one_off});
  return terms;
}

struct Accumulated {
  Months committed{};
  Months remaining{};
  Months actual{};
};

Result<Unit> add_terms(const CommitmentTerms& terms, const budgets::YearDays& calendar, int as_of_day,
                       Accumulated& into, const std::string& path) {
  if (!budgets::add_by_month(terms, calendar, as_of_day, into.committed, into.remaining)) {
    return fail(ErrorCode::kInvalidValue, path, "a month's commitments do not fit in 64-bit pence");
  }
  return Unit{};
}

Date clamp_as_of(Date today, const FinancialYear& year) {
  if (today < year.first()) return year.first().plus_days(-1);
  if (today > year.last()) return year.last();
  return today;
}

}  // namespace

Result<Monitoring> BudgetService::monitor(Transaction& tx, const BudgetRecord& budget) {
  return monitor_budget(tx, budget, today());
}

Result<Monitoring> monitor_budget(Transaction& tx, const BudgetRecord& budget, Date today) {
  const FinancialYear year{budget.financial_year};
  Monitoring out;
  out.budget = budget;
  out.as_of = clamp_as_of(today, year);
  const budgets::YearDays calendar = budgets::year_days(year);
  const int as_of_day = year.first().days_until(out.as_of) + 1;
  std::set<std::string> sources;
  Issues issues;
  for (const BudgetContribution& contribution : budget.contributions) {
    sources.insert(contribution.funding_source);
    budgets::add_into(out.contributions, contribution.amount, "contributions", issues);
  }
  std::vector<Accumulated> lines(budget.lines.size());
  std::map<Id, std::size_t> line_index;
  for (std::size_t idx = 0; idx < budget.lines.size(); ++idx) line_index[budget.lines[idx].id] = idx;
  std::optional<std::size_t> protection_line;
  for (std::size_t idx = 0; idx < budget.lines.size(); ++idx) {
    if (budget.lines[idx].kind == "protection_fund") {
      protection_line = idx;
      break;
    }
  }
  if (budget.kind != "fast_access") {
    Result<std::vector<CommitmentRecord>> rows = tx.get<CommitmentRepository>().overlapping(year.first(), year.last());
    if (!rows) return fail(rows.error());
    for (const CommitmentRecord& row : *rows) {
      const std::string path = fmt::format("commitments/{}", row.id);
      const std::optional<std::size_t> line = match_line(budget.lines, row.locality, row.client_group);
      if (line) {
        ++out.commitments;
        for (const CommitmentTerms& terms : terms_for(row, sources)) {
          if (auto added = add_terms(terms, calendar, as_of_day, lines[*line], path); !added) return fail(added.error());
        }
      }
      if (protection_line && row.protection_annual > Money{}) {
        // Each transitional protection draws on the top-sliced protection fund (seed 003).
        const CommitmentTerms drawn{row.start, row.end, row.protection_annual, Money{}};
        if (auto added = add_terms(drawn, calendar, as_of_day, lines[*protection_line], path); !added) {
          return fail(added.error());
        }
      }
    }
  } else if (!budget.lines.empty()) {
    // Approved fast-access requests commit their amount on the day decided.
    Result<std::vector<FastAccessRequest>> requests = tx.get<FastAccessRepository>().for_budget(budget.id);
    if (!requests) return fail(requests.error());
    for (const FastAccessRequest& request : *requests) {
      if (request.decision != "approved" || !request.decided_at) continue;
      const Date on(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(*request.decided_at)));
      if (on < year.first() || on > year.last()) continue;
      const CommitmentTerms terms{on, on, Money{}, request.amount};
      if (auto added = add_terms(terms, calendar, as_of_day, lines[0], "fast_access"); !added) return fail(added.error());
    }
  }
  Result<std::vector<MonthlyActual>> actuals = tx.get<PaymentRepository>().monthly_actuals(budget.id);
  if (!actuals) return fail(actuals.error());
  for (const MonthlyActual& actual : *actuals) {
    const auto found = line_index.find(actual.line_id);
    if (found == line_index.end() || actual.month_index < 0 || actual.month_index > 11) continue;
    budgets::add_into(lines[found->second].actual[static_cast<std::size_t>(actual.month_index)], actual.amount,
                      "actuals", issues);
  }
  Money allocated;
  for (std::size_t idx = 0; idx < budget.lines.size(); ++idx) {
    const BudgetLine& line = budget.lines[idx];
    budgets::add_into(allocated, line.amount, "lines", issues);
    Result<budgets::LineForecast> figures = budgets::forecast_line(
        budgets::LineInputs{line.amount, lines[idx].committed, lines[idx].remaining, lines[idx].actual},
        fmt::format("lines[{}]", idx));
    if (!figures) return fail(figures.error());
    if (figures->overspent) {
      out.flags.push_back(fmt::format("{} is forecast to overspend by {}", line.name,
                                      format_pounds(Money{} - figures->variance_total)));
    }
    Result<budgets::LineForecast> total = idx == 0 ? Result<budgets::LineForecast>(*figures)
                                                   : budgets::add_forecasts(out.total, *figures, "total");
    if (!total) return fail(total.error());
    out.total = *total;
    out.lines.push_back(LineMonitoring{line, std::move(*figures)});
  }
  if (!issues.empty()) return fail(std::move(issues));
  // The budget is the partners' contributions, allocated or not.
  const std::optional<Money> unallocated = budgets::checked_sub(out.contributions, allocated);
  if (!unallocated) return fail(ErrorCode::kInvalidValue, "lines", "the unallocated amount does not fit in 64-bit pence");
  out.unallocated = *unallocated;
  out.total.budget_total = out.contributions;
  out.total.budget = budgets::profile_evenly(out.contributions);
  const std::optional<Money> variance = budgets::checked_sub(out.contributions, out.total.forecast_total);
  if (!variance) return fail(ErrorCode::kInvalidValue, "total", "the variance does not fit in 64-bit pence");
  out.total.variance_total = *variance;
  for (std::size_t month = 0; month < 12; ++month) out.total.variance[month] = out.total.budget[month] - out.total.forecast[month];
  out.total.overspent = out.total.forecast_total > out.contributions;
  if (out.total.overspent) {
    out.flags.insert(out.flags.begin(), fmt::format("{} is forecast to overspend by {}", budget.name,
                                                    format_pounds(Money{} - out.total.variance_total)));
  }
  Result<std::vector<PaymentRecord>> unmatched = tx.get<PaymentRepository>().unmatched(budget.id);
  if (!unmatched) return fail(unmatched.error());
  out.unmatched_payments = static_cast<int>(unmatched->size());
  return out;
}

Result<Monitoring> BudgetService::monitoring(const Principal& principal, Id budget_id) {
  if (auto allowed = AccessPolicy::standard().check(principal, "budgets.read"); !allowed) return fail(allowed.error());
  if (auto synced = sync_if_stale(principal); !synced) return fail(synced.error());
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Monitoring> {
    Result<BudgetRecord> budget = visible_budget(tx, principal, budget_id);
    if (!budget) return fail(budget.error());
    return monitor(tx, *budget);
  });
}

Result<SettlementReport> BudgetService::settlement(const Principal& principal, Id budget_id) {
  Result<Monitoring> monitored = monitoring(principal, budget_id);
  if (!monitored) return fail(monitored.error());
  const BudgetRecord& budget = monitored->budget;
  const std::optional<budgets::RiskShareRule> rule = budgets::parse_risk_share_rule(budget.risk_share);
  if (budget.kind != "pooled" || !rule) {
    return fail(ErrorCode::kConflict, "risk_share", "only a pooled budget with a risk-share rule is settled");
  }
  // Each partner's own outturn: the forecast shared by what its funding source
  // commits, so the partners' outturns add up to the budget's (each_bears_own).
  std::map<std::string, Money> by_partner;
  std::vector<std::string> order;
  for (const BudgetContribution& contribution : budget.contributions) {
    if (!by_partner.count(contribution.partner_agency)) order.push_back(contribution.partner_agency);
    Issues issues;
    budgets::add_into(by_partner[contribution.partner_agency], contribution.amount, "contributions", issues);
    if (!issues.empty()) return fail(std::move(issues));
  }
  std::vector<budgets::PartnerPosition> partners;
  Money contributions = monitored->contributions;
  Money given;
  for (std::size_t idx = 0; idx < order.size(); ++idx) {
    const Money contribution = by_partner[order[idx]];
    Money own = idx + 1 == order.size()
                    ? monitored->total.forecast_total - given
                    : (contributions.pence() == 0 ? Money{}
                                                  : *budgets::scale(monitored->total.forecast_total,
                                                                    contribution.pence(), contributions.pence()));
    given += own;
    partners.push_back({order[idx], contribution, own});
  }
  Result<budgets::Settlement> settled = budgets::settle(*rule, partners);
  if (!settled) return fail(settled.error());
  SettlementReport report{budget, *monitored, *settled, {}};
  report.arithmetic.push_back(fmt::format("Contributions {} - forecast outturn {} = variance {} ({})",
                                          format_pounds(settled->contributions), format_pounds(settled->outturn),
                                          format_pounds(settled->variance),
                                          settled->variance < Money{} ? "an overspend" : "an underspend"));
  report.arithmetic.push_back(fmt::format("Rule: {}", budget.risk_share));
  for (const budgets::PartnerShare& share : settled->shares) {
    report.arithmetic.push_back(fmt::format("{}: {}", share.partner, share.arithmetic));
  }
  return report;
}

Result<ProtectionReport> BudgetService::protection(const Principal& principal, Id budget_id) {
  Result<Monitoring> monitored = monitoring(principal, budget_id);
  if (!monitored) return fail(monitored.error());
  ProtectionReport report;
  report.budget = monitored->budget;
  const auto line = std::find_if(monitored->lines.begin(), monitored->lines.end(),
                                 [](const LineMonitoring& l) { return l.line.kind == "protection_fund"; });
  if (line == monitored->lines.end()) {
    return fail(ErrorCode::kConflict, "lines", "this budget has no protection fund line");
  }
  report.line = line->line;
  report.fund = line->line.amount;
  report.drawn = line->figures.committed_total;
  report.balance = report.fund - report.drawn;
  const FinancialYear year{monitored->budget.financial_year};
  Result<std::vector<CommitmentRecord>> rows = in_transaction(
      store_, Access::kRead, [&](Transaction& tx) { return tx.get<CommitmentRepository>().overlapping(year.first(), year.last()); });
  if (!rows) return fail(rows.error());
  const Date today_date = today();
  for (const CommitmentRecord& row : *rows) {
    if (row.protection_annual <= Money{}) continue;
    const CommitmentTerms drawn{row.start, row.end, row.protection_annual, Money{}};
    report.draws.push_back(ProtectionDraw{row.person_id, row.protection_annual,
                                          budgets::committed_between(drawn, year.first(), year.last()),
                                          row.protection_review_due,
                                          row.protection_review_due && *row.protection_review_due < today_date});
  }
  return report;
}

Result<BalanceOfCare> BudgetService::balance_of_care(const Principal& principal, Id budget_id) {
  Result<Monitoring> monitored = monitoring(principal, budget_id);
  if (!monitored) return fail(monitored.error());
  BalanceOfCare report;
  report.budget = monitored->budget;
  Issues issues;
  for (const LineMonitoring& line : monitored->lines) {
    if (line.line.setting.empty()) continue;
    const bool institutional = line.line.setting == "institutional";
    for (std::size_t month = 0; month < 12; ++month) {
      Money& into = institutional ? report.months[month].institutional : report.months[month].community;
      budgets::add_into(into, line.figures.forecast[month], "lines", issues);
    }
    budgets::add_into(institutional ? report.institutional : report.community, line.figures.forecast_total, "lines", issues);
  }
  if (!issues.empty()) return fail(std::move(issues));
  return report;
}

Result<NewAgainstPrevious> BudgetService::new_against_previous(const Principal& principal, int financial_year) {
  if (auto allowed = AccessPolicy::standard().check(principal, "budgets.read"); !allowed) return fail(allowed.error());
  if (financial_year < 2000 || financial_year > 2100) {
    return fail(ErrorCode::kInvalidValue, "year", fmt::format("expected a year from 2000 to 2100; found {}", financial_year));
  }
  if (auto synced = sync_if_stale(principal); !synced) return fail(synced.error());
  const FinancialYear year{financial_year};
  Result<std::vector<CommitmentRecord>> rows = in_transaction(
      store_, Access::kRead, [&](Transaction& tx) { return tx.get<CommitmentRepository>().overlapping(year.first(), year.last()); });
  if (!rows) return fail(rows.error());
  std::map<std::string, NewAgainstPreviousRow> groups;
  NewAgainstPrevious report;
  report.financial_year = financial_year;
  report.total.client_group = "all";
  Issues issues;
  for (const CommitmentRecord& row : *rows) {
    // People moved onto personal budgets: those with a previous package cost (seed 003).
    if (row.previous_package_annual <= Money{}) continue;
    NewAgainstPreviousRow& group = groups[row.client_group];
    group.client_group = row.client_group;
    ++group.people;
    ++report.total.people;
    const std::optional<Money> agreed_annual = budgets::checked_add(
        budgets::checked_add(row.council_recurring, row.nhs_recurring).value_or(Money{}), row.contribution_annual);
    const Months previous =
        budgets::committed_by_month({row.start, row.end, row.previous_package_annual, Money{}}, year);
    const Months agreed = budgets::committed_by_month({row.start, row.end, agreed_annual.value_or(Money{}), Money{}}, year);
    for (std::size_t month = 0; month < 12; ++month) {
      budgets::add_into(group.previous[month], previous[month], "previous", issues);
      budgets::add_into(group.agreed[month], agreed[month], "agreed", issues);
      budgets::add_into(report.total.previous[month], previous[month], "previous", issues);
      budgets::add_into(report.total.agreed[month], agreed[month], "agreed", issues);
      budgets::add_into(group.previous_total, previous[month], "previous", issues);
      budgets::add_into(group.agreed_total, agreed[month], "agreed", issues);
      budgets::add_into(report.total.previous_total, previous[month], "previous", issues);
      budgets::add_into(report.total.agreed_total, agreed[month], "agreed", issues);
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  for (auto& [name, group] : groups) report.by_client_group.push_back(std::move(group));
  return report;
}

Result<std::vector<LocalityRemaining>> BudgetService::my_locality(const Principal& principal) {
  if (auto allowed = AccessPolicy::standard().check(principal, "budgets.read_locality"); !allowed) {
    return fail(allowed.error());
  }
  if (auto synced = sync_if_stale(principal); !synced) return fail(synced.error());
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<LocalityRemaining>> {
    Result<std::vector<BudgetRecord>> all = tx.get<BudgetRepository>().list();
    if (!all) return fail(all.error());
    std::vector<LocalityRemaining> out;
    for (const BudgetRecord& budget : *all) {
      if (budget.financial_year != today().financial_year_start()) continue;
      bool any = false;
      for (const BudgetLine& line : budget.lines) {
        // An assessor's own locality: the teams recorded for the user name it
        // ("North", or the team "North adults team").
        for (const std::string& team : principal.teams) {
          if (!line.locality.empty() && (team == line.locality || team.rfind(line.locality + " ", 0) == 0)) any = true;
        }
      }
      if (!any) continue;
      Result<Monitoring> monitored = monitor(tx, budget);
      if (!monitored) return fail(monitored.error());
      for (const LineMonitoring& line : monitored->lines) {
        bool mine = false;
        for (const std::string& team : principal.teams) {
          if (!line.line.locality.empty() &&
              (team == line.line.locality || team.rfind(line.line.locality + " ", 0) == 0)) {
            mine = true;
          }
        }
        if (!mine) continue;
        out.push_back(LocalityRemaining{budget.id, budget.name, line.line, line.figures.forecast_total,
                                        line.figures.variance_total});
      }
    }
    return out;
  });
}

}  // namespace allot::app
