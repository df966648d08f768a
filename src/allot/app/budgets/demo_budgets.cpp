#include "allot/app/budgets/demo_budgets.h"

#include <chrono>

#include <fmt/format.h>

#include "allot/app/budgets/commitment_sync.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/budgets/commitments.h"

namespace allot::app {

namespace {

constexpr std::int64_t kPound = 100;

Money pounds(std::int64_t value) { return Money::from_pence(value * kPound); }

BudgetLine line(const char* code, std::string name, const char* kind, std::string locality, const char* client_group,
                const char* setting, std::int64_t amount_pounds) {
  return BudgetLine{0, code, std::move(name), kind, std::move(locality), client_group, setting, pounds(amount_pounds)};
}

}  // namespace

Result<DemoBudgetsReport> load_demo_budgets(Transaction& tx, const Clock& clock) {
  const Timestamp now = clock.now();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  const budgets::FinancialYear year = budgets::financial_year_of(today);
  DemoBudgetsReport report;

  BudgetFundRepository& funds = tx.get<BudgetFundRepository>();
  auto add_fund = [&](const char* code, const char* name, const char* kind, const char* owner, const char* conditions,
                      std::optional<Date> end) -> Result<Id> {
    Result<BudgetFund> fund = funds.add(BudgetFund{0, code, name, kind, owner, conditions, end, "system", now}, now);
    if (!fund) return fail(fund.error());
    return fund->id;
  };
  Result<Id> council = add_fund("council-core", "Council community care budget", "council_core", "demo-council", "", {});
  Result<Id> nhs = add_fund("nhs-mhld", "NHS mental health and learning disability contribution", "nhs_contribution",
                            "demo-nhs", "", {});
  Result<Id> grant = add_fund("joint-protocol-grant", "Joint protocol grant", "grant", "demo-council",
                              "Fast access only: support that prevents an admission or speeds a discharge",
                              year.last());
  if (!council || !nhs || !grant) return fail(ErrorCode::kInternal, "demo", "the demo funds could not be added");

  BudgetRepository& budgets_repo = tx.get<BudgetRepository>();
  // Seed 000: £13.4M across the Mental Health and Learning Disability Partnership,
  // aligned budgets moving to joint budgets devolved to localities.
  BudgetRecord pooled;
  pooled.code = "MHLD-POOLED";
  pooled.name = "Mental health and learning disability pooled budget";
  pooled.financial_year = year.start_year;
  pooled.kind = "pooled";
  pooled.host_agency = pooled.managed_by_agency = pooled.accountable_agency = "demo-council";
  pooled.risk_share = "by_contribution";
  pooled.contributions = {{*council, "demo-council", "council", pounds(8'000'000)},
                          {*nhs, "demo-nhs", "nhs", pounds(5'400'000)}};
  for (const char* locality : {"North", "South", "East", "West"}) {
    pooled.lines.push_back(line("", fmt::format("Mental health, {}", locality), "locality", locality, "mental_health",
                                "community", 950'000));
    pooled.lines.back().code = fmt::format("mh-{}", locality);
  }
  for (const char* locality : {"North", "South", "East", "West"}) {
    pooled.lines.push_back(line("", fmt::format("Learning disability, {}", locality), "locality", locality,
                                "learning_disability", "community", 1'175'000));
    pooled.lines.back().code = fmt::format("ld-{}", locality);
  }
  pooled.lines.push_back(line("mh-inpatient", "Mental health inpatient and crisis beds", "programme", "",
                              "mental_health_inpatient", "institutional", 2'000'000));
  pooled.lines.push_back(line("ld-residential", "Learning disability residential and nursing care", "programme", "",
                              "learning_disability_residential", "institutional", 1'400'000));
  // Seed 003: the community services budget top-sliced by 15% to protect people
  // whose personal budget would not keep current service levels (15% of £10M).
  pooled.lines.push_back(line("protection", "Protection fund (15% top-slice)", "protection_fund", "", "", "", 1'500'000));

  // Seed 004: the placement budget, run day to day by the trust while the
  // council stays accountable; costs and benefits of efficiencies shared equally.
  BudgetRecord placements;
  placements.code = "MH-PLACEMENTS";
  placements.name = "Mental health placement budget";
  placements.financial_year = year.start_year;
  placements.kind = "pooled";
  placements.host_agency = "demo-council";
  placements.managed_by_agency = "demo-nhs";
  placements.accountable_agency = "demo-council";
  placements.risk_share = "equal_shares";
  placements.contributions = {{*council, "demo-council", "council", pounds(2'300'000)},
                              {*nhs, "demo-nhs", "nhs", pounds(100'000)}};
  placements.lines = {line("residential", "Residential placements", "programme", "", "mental_health_placements",
                           "institutional", 1'700'000),
                      line("supported-living", "Supported living placements", "programme", "",
                           "mental_health_supported_living", "community", 700'000)};

  // Seed 000: a £20k joint fast-access budget (the joint protocol budget extended to mental health).
  BudgetRecord fast;
  fast.code = "FAST-ACCESS";
  fast.name = "Joint fast-access budget";
  fast.financial_year = year.start_year;
  fast.kind = "fast_access";
  fast.host_agency = fast.managed_by_agency = fast.accountable_agency = "demo-council";
  fast.approver = "team_manager";
  fast.request_limit = pounds(2'000);
  fast.contributions = {{*grant, "demo-council", "council", pounds(10'000)}, {*nhs, "demo-nhs", "nhs", pounds(10'000)}};
  fast.lines = {line("fast-access", "Fast access: preventing admission, speeding discharge", "programme", "", "", "community",
                     20'000)};

  std::vector<BudgetRecord> added;
  for (BudgetRecord& budget : {std::ref(pooled), std::ref(placements), std::ref(fast)}) {
    budget.created_by = "system";
    Result<BudgetRecord> stored = budgets_repo.add(budget, now);
    if (!stored) return fail(stored.error());
    added.push_back(*stored);
    ++report.budgets;
  }

  Result<SyncReport> synced = sync_commitments(tx, now, Actor{"system", "demo-council"}, "demo data");
  if (!synced) return fail(synced.error());
  report.commitments = synced->added;

  // Payments for the months so far: each line's monthly share with a little
  // variation by line and month, in three payments a month.
  PaymentRepository& payments = tx.get<PaymentRepository>();
  const int months_so_far = static_cast<int>((today.month() + 12 - 4) % 12);
  for (std::size_t budget_idx = 0; budget_idx < 2; ++budget_idx) {
    const BudgetRecord& budget = added[budget_idx];
    for (std::size_t line_idx = 0; line_idx < budget.lines.size(); ++line_idx) {
      const BudgetLine& budget_line = budget.lines[line_idx];
      if (budget_line.kind == "protection_fund") continue;
      for (int month_idx = 0; month_idx < months_so_far; ++month_idx) {
        // 94% to 108% of the monthly share: some lines run over.
        const std::int64_t percent = 94 + static_cast<std::int64_t>((line_idx * 5 + static_cast<std::size_t>(month_idx) * 3) % 15);
        const std::int64_t month_pence = budget_line.amount.pence() / 12 * percent / 100;
        for (int part = 0; part < 3; ++part) {
          PaymentRecord payment;
          payment.budget_id = budget.id;
          payment.line_id = budget_line.id;
          payment.line_code = budget_line.code;
          payment.paid_on = year.month_first(month_idx).plus_days(7 + part * 9);
          payment.payee = budget_line.setting == "institutional" ? "Demo Care Homes Ltd" : "Demo Care at Home Ltd";
          payment.amount = Money::from_pence(part < 2 ? month_pence / 3 : month_pence - 2 * (month_pence / 3));
          payment.reference = fmt::format("DEMO-{}-{}-{:02}-{}", budget.code, budget_line.code, month_idx + 1, part + 1);
          payment.idempotency_key = payment.reference;
          payment.posted_by = "system";
          payment.agency = "demo-council";
          Result<PaymentRecord> posted = payments.post(payment, month_idx, now);
          if (!posted) return fail(posted.error());
          ++report.payments;
        }
      }
    }
  }

  // The demo's overspends are flagged to the budgets' managers as payments would flag them.
  if (auto alerted = record_overspend_alerts(tx, now, Actor{"system", "demo-council"}, "demo payments", {}); !alerted) {
    return fail(alerted.error());
  }

  // The demo assessor and team manager work in the North locality, so their
  // page shows the North lines' remaining budget.
  UserRepository& users = tx.get<UserRepository>();
  for (const char* username : {"assessor", "team_manager"}) {
    Result<UserCredentials> user = users.find_credentials(username);
    if (!user) continue;  // demo data loaded without that role
    if (auto set = users.set_locality(user->user.id, "North", now); !set) return fail(set.error());
    Result<AuditEntry> audited = tx.get<AuditRepository>().append(
        NewAuditEntry{Actor{"system", "demo-council"}, "set_locality", fmt::format("user:{}", username),
                      "from \"\" to \"North\""},
        now);
    if (!audited) return fail(audited.error());
  }

  FastAccessRepository& requests = tx.get<FastAccessRepository>();
  Result<FastAccessRequest> first = requests.add(
      FastAccessRequest{0, added[2].id, "", "Night sitting for three nights to allow discharge home", pounds(450), "assessor",
                        now, "", "", std::nullopt, ""},
      now);
  if (!first) return fail(first.error());
  if (auto decided = requests.decide(first->id, "approved", "team_manager", "", now); !decided) return fail(decided.error());
  Result<FastAccessRequest> second = requests.add(
      FastAccessRequest{0, added[2].id, "", "Short-term crisis support at home to prevent an admission", pounds(1'200),
                        "assessor", now, "", "", std::nullopt, ""},
      now);
  if (!second) return fail(second.error());

  Result<AuditEntry> audited = tx.get<AuditRepository>().append(
      NewAuditEntry{Actor{"system", "demo-council"}, "load_demo_budgets", "budgets",
                    fmt::format("{} budgets, {} commitments, {} payments", report.budgets, report.commitments,
                                report.payments)},
      now);
  if (!audited) return fail(audited.error());
  return report;
}

}  // namespace allot::app
