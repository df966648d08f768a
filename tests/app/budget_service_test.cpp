// Integrated budgets' use cases against a real store: commitments follow a
// person's agreed budget as it is agreed, changed and ended; the same payments
// file imported twice counts once; bad input changes nothing; access.
#include "allot/app/budgets/budget_service.h"

#include <algorithm>

#include "allot/app/budgets/repositories.h"
#include "allot/journey_io/documents.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

Date day(const char* text) { return *Date::parse(text); }

class BudgetServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    service_.emplace(store(), clock_);
    finance_.username = "finance";
    finance_.roles = {Role::kFinanceOfficer};
    finance_.agency = "council";
    const BudgetFund fund = ok(service_->add_fund(finance_, BudgetFund{0, "core", "Core", "council_core", "council", "", {}, "", {}}));
    BudgetRecord budget;
    budget.code = "POOL";
    budget.name = "Pool";
    budget.financial_year = 2026;
    budget.kind = "pooled";
    budget.host_agency = "council";
    budget.risk_share = "equal_shares";
    budget.contributions = {{fund.id, "council", "council", Money::from_pence(10'000'000)},
                            {fund.id, "nhs", "nhs", Money::from_pence(5'000'000)}};
    budget.lines = {BudgetLine{0, "north", "North", "locality", "North", "", "community", Money::from_pence(15'000'000)}};
    budget_ = ok(service_->add_budget(finance_, budget));
  }

  // Writes a person whose case has an agreed budget (or none) in place.
  Id save_person(std::optional<Id> id, std::optional<journey::AgreedBudget> agreed) {
    journey::PersonDetails details;
    details.given_name = "Ada";
    details.family_name = "Test";
    details.client_group = "mental_health";
    details.locality = "North";
    journey::CaseState state;
    state.stage = agreed ? journey::Stage::kActive : journey::Stage::kClosed;
    state.agreed_budget = agreed;
    PersonIndex index{"Ada", "Test", "", "mental_health", "North", "", agreed ? "active" : "closed", std::nullopt,
                      std::nullopt, false, agreed.has_value()};
    return ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Id> {
      auto& people = tx.get<PersonRepository>();
      const std::string details_json = journey_io::details_to_json(details).dump();
      const std::string state_json = journey_io::case_state_to_json(state).dump();
      if (!id) {
        auto added = people.add(index, details_json, state_json, clock_.now());
        if (!added) return tl::unexpected<Issues>(added.error());
        return added->id;
      }
      auto current = people.get(*id);
      if (!current) return tl::unexpected<Issues>(current.error());
      auto updated = people.update(*id, current->row_version, index, details_json, state_json, clock_.now());
      if (!updated) return tl::unexpected<Issues>(updated.error());
      return *id;
    }));
  }

  static journey::AgreedBudget agreed(const char* start, std::int64_t annual_pence) {
    journey::AgreedBudget budget;
    budget.annual = Money::from_pence(annual_pence);
    budget.weekly = budget.annual.annual_to_weekly();
    budget.start = day(start);
    budget.review_due = day(start).plus_days(365);
    budget.by_delivery_option = {{journey::DeliveryOption::kDirectPayment, budget.annual}};
    budget.by_funding_source = {{journey::FundingSource::kCouncil, Money::from_pence(annual_pence / 2)},
                                {journey::FundingSource::kNhs, budget.annual - Money::from_pence(annual_pence / 2)}};
    return budget;
  }

  std::vector<CommitmentRecord> commitments() {
    return ok(in_transaction(store(), Access::kRead, [](Transaction& tx) {
      return tx.get<CommitmentRepository>().overlapping(day("2000-01-01"), day("2100-01-01"));
    }));
  }

  std::optional<BudgetService> service_;  // made once the store is open
  Principal finance_;
  BudgetRecord budget_;
};

TEST_F(BudgetServiceTest, CommitmentsFollowAnAgreedBudgetAsItIsAgreedChangedAndEnded) {
  // £3,650 a year from 1 October 2026: 182 of 365 days in 2026/27.
  const Id person = save_person(std::nullopt, agreed("2026-10-01", 365'000));
  clock_.set(*parse_timestamp("2026-11-22T09:00:00.000Z"));
  Monitoring m = ok(service_->monitoring(finance_, budget_.id));
  EXPECT_EQ(m.commitments, 1);
  EXPECT_EQ(m.total.committed_total, Money::from_pence(182'000));
  EXPECT_EQ(m.total.committed[6], Money::from_pence(31'000));  // October

  // A new amount from 1 January 2027: the old terms run to 31 December.
  save_person(person, agreed("2027-01-01", 730'000));
  m = ok(service_->monitoring(finance_, budget_.id));
  auto rows = commitments();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].end, day("2026-12-31"));
  EXPECT_EQ(rows[1].start, day("2027-01-01"));
  EXPECT_FALSE(rows[1].end);
  EXPECT_EQ(m.total.committed_total, Money::from_pence(92'000 + 180'000));  // 92 days at £3,650, 90 at £7,300

  // Ended on 22 February 2027 (the day the record changed).
  clock_.set(*parse_timestamp("2027-02-22T10:00:00.000Z"));
  save_person(person, std::nullopt);
  m = ok(service_->monitoring(finance_, budget_.id));
  rows = commitments();
  EXPECT_EQ(rows[1].end, day("2027-02-22"));
  EXPECT_EQ(m.total.committed_total, Money::from_pence(92'000 + 53 * 2'000));
  // Each bringing up to date is audited, attributed to the system on a read.
  const auto entries = audit_entries();
  EXPECT_GE(std::count_if(entries.begin(), entries.end(),
                          [](const AuditEntry& entry) { return entry.subject == "commitments" && entry.actor == "system"; }),
            3);
  // Nothing changed since: a refresh adds and ends nothing.
  const SyncReport again = ok(service_->refresh_commitments(finance_));
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.ended, 0);
}

TEST_F(BudgetServiceTest, TheSameFileImportedTwiceCountsOnce) {
  const std::string file =
      "date,payee,person_reference,amount,budget_line,reference\n"
      "2026-05-01,Care Ltd,,100.00,north,R1\n"
      "2026-06-01,Care Ltd,person:999,50.00,north,R2\n";
  ImportReport first = ok(service_->import_payments(finance_, budget_.id, file, "p.csv"));
  EXPECT_EQ(first.posted, 1);
  EXPECT_EQ(first.unmatched, 1);  // no person 999
  ImportReport second = ok(service_->import_payments(finance_, budget_.id, file, "p.csv"));
  EXPECT_EQ(second.posted, 0);
  EXPECT_EQ(second.repeated, 2);
  const Monitoring m = ok(service_->monitoring(finance_, budget_.id));
  EXPECT_EQ(m.total.actual_total, Money::from_pence(10'000));
  EXPECT_EQ(m.total.actual[1], Money::from_pence(10'000));
  EXPECT_EQ(m.unmatched_payments, 1);
}

TEST_F(BudgetServiceTest, ABadBudgetChangesNothingAndNamesEveryProblem) {
  BudgetRecord bad;
  bad.financial_year = 1999;
  bad.kind = "pooled";
  auto refused = service_->add_budget(finance_, bad);
  ASSERT_FALSE(refused);
  EXPECT_GE(refused.error().size(), 6u);  // code, name, year, host, risk share, contributions, lines
  EXPECT_EQ(ok(service_->budgets(finance_)).size(), 1u);
}

TEST_F(BudgetServiceTest, PartnersSeeOnlyTheBudgetsTheyAreIn) {
  Principal other = finance_;
  other.agency = "elsewhere";
  EXPECT_TRUE(ok(service_->budgets(other)).empty());
  EXPECT_FALSE(service_->monitoring(other, budget_.id));
  Principal nhs = finance_;
  nhs.agency = "nhs";
  EXPECT_EQ(ok(service_->budgets(nhs)).size(), 1u);
  Principal assessor;
  assessor.roles = {Role::kAssessor};
  auto refused = service_->monitoring(assessor, budget_.id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error()[0].code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace allot::app::testing
