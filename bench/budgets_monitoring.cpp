// Monthly monitoring of one budget in a council with N agreed personal budgets and
// M payments on SQLite (issue 11: 10,000 and 1,000,000 under 200 ms). Builds the
// database in a temporary folder (people with agreed budgets through the
// journey's typed state, a pooled budget devolved to four localities by client
// group, payments spread over the year to date), then times
// BudgetService::monitoring(): the first call (which brings the commitments up
// to date with every agreed budget) and then repeated calls.
//
// Prints one machine-readable row:
//   budgets_monitoring,people=10000,payments=1000000,setup_s=..,first_ms=..,median_ms=..,max_ms=..
// Usage: budgets_monitoring_bench [people] [payments] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/budget_service.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/clock.h"
#include "allot/journey_io/documents.h"
#include "allot/storage/open_store.h"

using namespace allot;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void check(const Result<app::Unit>& result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "%s: %s\n", what, format_issues(result.error()).c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int people = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int payments = argc > 2 ? std::atoi(argv[2]) : 1'000'000;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 20;
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / fmt::format("allot-budgets-bench-{}", ::getpid());
  std::filesystem::create_directories(folder);
  auto opened = storage::open_store((folder / "bench.sqlite").string());
  if (!opened) {
    std::fprintf(stderr, "%s\n", format_issues(opened.error()).c_str());
    return 1;
  }
  app::Store& store = **opened;
  const app::Timestamp now = *app::parse_timestamp("2026-11-22T09:00:00.000Z");
  app::FixedClock clock(now);
  const char* localities[] = {"North", "South", "East", "West"};
  const char* groups[] = {"mental_health", "learning_disability"};
  const auto setup_started = Clock::now();

  check(store.run(app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::Unit> {
    for (int idx = 0; idx < people; ++idx) {
      journey::PersonDetails details;
      details.given_name = "Bench";
      details.family_name = fmt::format("Person{}", idx);
      details.date_of_birth = Date::parse("1960-01-01");
      details.primary_support_reason = "mental_health_support";
      details.client_group = groups[idx % 2];
      details.locality = localities[idx % 4];
      details.team = std::string(localities[idx % 4]) + " adults team";
      journey::CaseState state;
      state.stage = journey::Stage::kActive;
      journey::AgreedBudget agreed;
      agreed.annual = Money::from_pence(520'000 + (idx % 97) * 10'400);
      agreed.weekly = agreed.annual.annual_to_weekly();
      agreed.start = Date::parse("2025-10-01")->plus_days(idx % 400);
      agreed.review_due = agreed.start.plus_days(365);
      agreed.reason = "bench";
      agreed.by_delivery_option = {{journey::DeliveryOption::kDirectPayment, agreed.annual}};
      const Money nhs = Money::from_pence(agreed.annual.pence() * 3 / 10);
      agreed.by_funding_source = {{journey::FundingSource::kCouncil, agreed.annual - nhs},
                                  {journey::FundingSource::kNhs, nhs}};
      state.agreed_budget = agreed;
      app::PersonIndex index{details.given_name, details.family_name, "", details.client_group, details.locality,
                             details.team, "active", std::nullopt, agreed.review_due, false, true};
      auto added = tx.get<app::PersonRepository>().add(index, journey_io::details_to_json(details).dump(),
                                                       journey_io::case_state_to_json(state).dump(), now);
      if (!added) return tl::unexpected<Issues>(added.error());
    }
    return app::Unit{};
  }), "people");

  app::Id budget_id = 0;
  std::vector<app::BudgetLine> lines;
  check(store.run(app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::Unit> {
    auto fund = tx.get<app::BudgetFundRepository>().add(
        app::BudgetFund{0, "core", "Core", "council_core", "demo-council", "", std::nullopt, "bench", now}, now);
    if (!fund) return tl::unexpected<Issues>(fund.error());
    app::BudgetRecord budget;
    budget.code = "BENCH";
    budget.name = "Bench pooled budget";
    budget.financial_year = 2026;
    budget.kind = "pooled";
    budget.host_agency = budget.managed_by_agency = budget.accountable_agency = "demo-council";
    budget.risk_share = "by_contribution";
    budget.contributions = {{fund->id, "demo-council", "council", Money::from_pence(10'000'000'000)},
                            {fund->id, "demo-nhs", "nhs", Money::from_pence(4'000'000'000)}};
    for (const char* locality : localities) {
      for (const char* group : groups) {
        budget.lines.push_back(app::BudgetLine{0, fmt::format("{}-{}", locality, group), fmt::format("{} {}", locality, group),
                                               "locality", locality, group, "community", Money::from_pence(1'500'000'000)});
      }
    }
    budget.lines.push_back(app::BudgetLine{0, "protection", "Protection", "protection_fund", "", "", "", Money::from_pence(2'000'000'000)});
    auto added = tx.get<app::BudgetRepository>().add(budget, now);
    if (!added) return tl::unexpected<Issues>(added.error());
    budget_id = added->id;
    lines = added->lines;
    return app::Unit{};
  }), "budget");

  constexpr int kBatch = 100'000;
  for (int first = 0; first < payments; first += kBatch) {
    check(store.run(app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::Unit> {
      auto& repo = tx.get<app::PaymentRepository>();
      for (int idx = first; idx < std::min(payments, first + kBatch); ++idx) {
        app::PaymentRecord payment;
        payment.budget_id = budget_id;
        const app::BudgetLine& line = lines[static_cast<std::size_t>(idx % 8)];
        payment.line_id = line.id;
        payment.line_code = line.code;
        const int month = idx % 7;  // April to October
        payment.paid_on = *Date::parse(fmt::format("2026-{:02}-15", 4 + month));
        payment.payee = "Bench Care Ltd";
        payment.person_reference = fmt::format("person:{}", 1 + idx % people);
        payment.amount = Money::from_pence(10'000 + idx % 5'000);
        payment.reference = fmt::format("B{}", idx);
        payment.idempotency_key = payment.reference;
        payment.posted_by = "bench";
        payment.agency = "demo-council";
        auto posted = repo.post(payment, month, now);
        if (!posted) return tl::unexpected<Issues>(posted.error());
      }
      return app::Unit{};
    }), "payments");
  }
  const double setup_s = ms_since(setup_started) / 1000.0;

  app::BudgetService service(store, clock);
  app::Principal finance;
  finance.username = "finance_officer";
  finance.roles = {app::Role::kFinanceOfficer};
  finance.agency = "demo-council";
  auto started = Clock::now();
  auto first = service.monitoring(finance, budget_id);
  const double first_ms = ms_since(started);
  if (!first) {
    std::fprintf(stderr, "monitoring: %s\n", format_issues(first.error()).c_str());
    return 1;
  }
  std::vector<double> times;
  for (int run = 0; run < repeats; ++run) {
    started = Clock::now();
    auto again = service.monitoring(finance, budget_id);
    times.push_back(ms_since(started));
    if (!again || again->total.forecast_total != first->total.forecast_total) {
      std::fprintf(stderr, "monitoring changed between runs\n");
      return 1;
    }
  }
  std::sort(times.begin(), times.end());
  std::printf("budgets_monitoring,people=%d,payments=%d,commitments=%d,setup_s=%.1f,first_ms=%.1f,median_ms=%.1f,max_ms=%.1f\n",
              people, payments, first->commitments, setup_s, first_ms, times[times.size() / 2], times.back());
  std::filesystem::remove_all(folder);
  return 0;
}
