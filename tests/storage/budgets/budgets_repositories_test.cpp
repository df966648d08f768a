// Integrated budgets' repositories on every backend: budgets with their
// contributions and lines, payments refusing a repeated idempotency key and
// keeping monthly totals, append-only payments, commitments ended once.
#include <gtest/gtest.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class BudgetsRepositories : public StoreTest {
 protected:
  app::BudgetRecord add_budget() {
    const app::BudgetFund fund = ok(write(store(), [&](Transaction& tx) {
      return tx.get<app::BudgetFundRepository>().add(
          app::BudgetFund{0, "core", "Core", "council_core", "council", "", std::nullopt, "finance", t0()}, t0());
    }));
    app::BudgetRecord budget;
    budget.code = "POOL";
    budget.name = "Pool";
    budget.financial_year = 2026;
    budget.kind = "pooled";
    budget.host_agency = budget.managed_by_agency = budget.accountable_agency = "council";
    budget.risk_share = "equal_shares";
    budget.contributions = {{fund.id, "council", "council", Money::from_pence(900)}, {fund.id, "nhs", "nhs", Money::from_pence(100)}};
    budget.lines = {app::BudgetLine{0, "a", "A", "locality", "North", "", "community", Money::from_pence(600)},
                    app::BudgetLine{0, "b", "B", "programme", "", "", "institutional", Money::from_pence(400)}};
    budget.created_by = "finance";
    return ok(write(store(), [&](Transaction& tx) { return tx.get<app::BudgetRepository>().add(budget, t0()); }));
  }
};

TEST_P(BudgetsRepositories, ABudgetKeepsItsContributionsAndLinesInOrder) {
  const app::BudgetRecord added = add_budget();
  const app::BudgetRecord read_back = ok(read(store(), [&](Transaction& tx) { return tx.get<app::BudgetRepository>().get(added.id); }));
  EXPECT_EQ(read_back, added);
  ASSERT_EQ(read_back.lines.size(), 2u);
  EXPECT_EQ(read_back.lines[1].setting, "institutional");
  EXPECT_EQ(read_back.contributions[1].partner_agency, "nhs");
  app::BudgetRecord again = added;
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::BudgetRepository>().add(again, t0()); })),
            ErrorCode::kConflict);
}

TEST_P(BudgetsRepositories, PaymentsKeepMonthlyTotalsAndRefuseARepeatedKey) {
  const app::BudgetRecord budget = add_budget();
  app::PaymentRecord payment;
  payment.budget_id = budget.id;
  payment.line_id = budget.lines[0].id;
  payment.line_code = "a";
  payment.paid_on = *Date::parse("2026-05-03");
  payment.payee = "Care Ltd";
  payment.amount = Money::from_pence(250);
  payment.reference = payment.idempotency_key = "R1";
  payment.posted_by = "finance";
  payment.agency = "council";
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().post(payment, 1, t0()); }));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().post(payment, 1, t0()); })),
            ErrorCode::kConflict);
  app::PaymentRecord second = payment;
  second.reference = second.idempotency_key = "R2";
  second.amount = Money::from_pence(-50);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().post(second, 1, t0()); }));
  app::PaymentRecord unmatched = payment;
  unmatched.reference = unmatched.idempotency_key = "R3";
  unmatched.line_id.reset();
  unmatched.unmatched_reason = "no budget line \"z\"";
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().post(unmatched, 1, t0()); }));

  const auto actuals = ok(read(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().monthly_actuals(budget.id); }));
  ASSERT_EQ(actuals.size(), 1u);
  EXPECT_EQ(actuals[0].month_index, 1);
  EXPECT_EQ(actuals[0].amount, Money::from_pence(200));
  const auto found = ok(read(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().find_by_key(budget.id, "R2"); }));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->amount, Money::from_pence(-50));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PaymentRepository>().unmatched(budget.id); })).size(), 1u);
  // Payments are append-only: the database refuses to change them.
  EXPECT_EQ(refusal(store().execute_sql("UPDATE budget_payments SET amount_pence = 1")), ErrorCode::kInternal);
}

TEST_P(BudgetsRepositories, ACommitmentEndsOnce) {
  const app::PersonRecord person = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonRepository>().add(app::PersonIndex{"A", "B", "", "mental_health", "North", "", "active", std::nullopt,
                                                                std::nullopt, false, true},
                                               "{}", "{}", t0());
  }));
  const std::string before = ok(read(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().people_fingerprint(); }));
  app::CommitmentRecord row;
  row.person_id = person.id;
  row.locality = "North";
  row.client_group = "mental_health";
  row.start = *Date::parse("2026-04-01");
  row.council_recurring = Money::from_pence(36'500);
  const app::CommitmentRecord added =
      ok(write(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().add(row, t0()); }));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().open(); })).size(), 1u);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().end(added.id, *Date::parse("2026-06-30")); }));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::CommitmentRepository>().end(added.id, *Date::parse("2026-07-30"));
            })),
            ErrorCode::kConflict);
  EXPECT_TRUE(ok(read(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().open(); })).empty());
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) {
              return tx.get<app::CommitmentRepository>().overlapping(*Date::parse("2026-07-01"), *Date::parse("2027-03-31"));
            })).size(),
            0u);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().set_synced_fingerprint(before); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().set_synced_fingerprint(before); }));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::CommitmentRepository>().synced_fingerprint(); })), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, BudgetsRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
