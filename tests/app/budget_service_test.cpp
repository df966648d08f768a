// Integrated budgets' use cases against a real store: commitments follow a
// person's agreed budget as it is agreed, changed and ended; the same payments
// file imported twice counts once; bad input changes nothing; access. Commitments
// are net of the person's contribution and follow a changed financial
// assessment; an overspend is flagged to the managers once; an assessor sees
// only their own locality.
#include "allot/app/budgets/budget_service.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "allot/app/budgets/repositories.h"
#include "allot/app/charging/charging_service.h"
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


std::string england_rules() {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/data/charging/england-2026-27.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(BudgetServiceTest, CommitmentsAreNetOfTheContributionAndFollowAChangedAssessment) {
  // £3,650 a year from 1 October 2026, half council, half NHS: £70.19 a week,
  // of which the NHS's share is £35.10 and the social care part £35.09.
  const Id person = save_person(std::nullopt, agreed("2026-10-01", 365'000));
  clock_.set(*parse_timestamp("2026-11-22T09:00:00.000Z"));
  ok(service_->monitoring(finance_, budget_.id));
  ASSERT_EQ(commitments().size(), 1u);
  EXPECT_EQ(commitments()[0].contribution_annual, Money{});  // not assessed yet

  ChargingService charging(store(), clock_);
  ok(charging.publish_rules(england_rules(), finance_));
  Principal assessor;
  assessor.username = "assessor";
  assessor.agency = "council";
  assessor.roles = {Role::kAssessor};
  // Deferred from the start: the person pays the whole social care part (the
  // NHS share is free to them), 52 weeks of £35.09 = £1,824.68 a year.
  RecordAssessment deferred;
  deferred.effective_from = day("2026-10-01");
  deferred.answers = {{"status", "deferred"}, {"reason", "waiting for bank statements"}};
  const FinancialAssessmentRecord first = ok(charging.record_assessment(assessor, person, deferred));
  Monitoring m = ok(service_->monitoring(finance_, budget_.id));
  std::vector<CommitmentRecord> rows = commitments();
  ASSERT_EQ(rows.size(), 1u);  // the row of the first terms ended before it began commits nothing
  EXPECT_EQ(rows[0].start, day("2026-10-01"));
  EXPECT_EQ(rows[0].contribution_annual, Money::from_pence(182'468));
  EXPECT_EQ(rows[0].council_recurring, Money::from_pence(182'500 - 182'468));
  EXPECT_EQ(rows[0].nhs_recurring, Money::from_pence(182'500));
  // 182 of 365 days of (£0.32 + £1,825.00) a year.
  EXPECT_EQ(m.total.committed_total, Money::from_pence(16 + 91'000));

  // Reassessed from 1 January 2027 with income below the minimum income
  // guarantee: nothing to pay from then; the deferred terms run to 31 December.
  RecordAssessment reassessed;
  reassessed.effective_from = day("2027-01-01");
  reassessed.answers = {{"status", "assessed"},
                        {"age", 80},
                        {"incomes", {{{"type", "state_pension"}, {"weekly_pence", 10'000}}}},
                        {"capital_pence", 0},
                        {"expenses", nlohmann::json::array()}};
  const FinancialAssessmentRecord second = ok(charging.record_assessment(assessor, person, reassessed));
  EXPECT_EQ(second.contribution, Money{});
  ok(service_->monitoring(finance_, budget_.id));
  rows = commitments();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].end, day("2026-12-31"));
  EXPECT_EQ(rows[1].start, day("2027-01-01"));
  EXPECT_FALSE(rows[1].end);
  EXPECT_EQ(rows[1].contribution_annual, Money{});
  EXPECT_EQ(rows[1].council_recurring, Money::from_pence(182'500));
  EXPECT_EQ(rows[1].council_one_off, Money{});

  // Each change is on the person's audit trail, naming the assessment and who recorded it.
  const auto entries = audit_entries();
  const auto named = [&](Id assessment) {
    return std::count_if(entries.begin(), entries.end(), [&](const AuditEntry& entry) {
      return entry.action == "commitment" && entry.subject == "person:" + std::to_string(person) &&
             entry.detail.find("financial assessment " + std::to_string(assessment) + " recorded by assessor") !=
                 std::string::npos;
    });
  };
  EXPECT_EQ(named(first.id), 1);
  EXPECT_EQ(named(second.id), 1);
  const SyncReport again = ok(service_->refresh_commitments(finance_));
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.ended, 0);
}

TEST_F(BudgetServiceTest, AnOverspendIsFlaggedToTheManagersAtOnceAndOnlyOnce) {
  clock_.set(*parse_timestamp("2026-11-22T09:00:00.000Z"));
  PaymentInput payment{day("2026-06-30"), "Care Ltd", "", Money::from_pence(15'000'001), "north", "BIG-1", "", std::nullopt};
  ok(service_->post_payment(finance_, budget_.id, payment));
  std::vector<OverspendAlert> alerts = ok(service_->alerts(finance_));
  ASSERT_EQ(alerts.size(), 2u);  // the line, then the budget as a whole (newest first)
  EXPECT_EQ(alerts[0].line, "north");
  EXPECT_EQ(alerts[1].line, "");
  for (const OverspendAlert& alert : alerts) {
    EXPECT_TRUE(alert.overspend);
    EXPECT_TRUE(alert.current);
    EXPECT_EQ(alert.recorded_by, "finance");
    EXPECT_NE(alert.message.find("forecast to overspend by £0.01"), std::string::npos) << alert.message;
    EXPECT_NE(alert.message.find("after payment BIG-1 posted by finance"), std::string::npos) << alert.message;
  }
  // Still over: no new alert.
  payment.reference = "BIG-2";
  payment.amount = Money::from_pence(100);
  ok(service_->post_payment(finance_, budget_.id, payment));
  EXPECT_EQ(ok(service_->alerts(finance_)).size(), 2u);
  // A correction brings it back within budget: recorded too; the overspend stays on record.
  payment.reference = "BIG-3";
  payment.amount = Money::from_pence(-1'000);
  ok(service_->post_payment(finance_, budget_.id, payment));
  alerts = ok(service_->alerts(finance_));
  ASSERT_EQ(alerts.size(), 4u);
  EXPECT_FALSE(alerts[0].overspend);
  EXPECT_TRUE(alerts[0].current);
  EXPECT_FALSE(alerts[3].current);
  // Someone outside the budget's partners sees none of it.
  Principal other = finance_;
  other.agency = "elsewhere";
  EXPECT_TRUE(ok(service_->alerts(other)).empty());
}

TEST_F(BudgetServiceTest, AnAssessorSeesOnlyTheRemainingBudgetOfTheirOwnLocality) {
  clock_.set(*parse_timestamp("2026-11-22T09:00:00.000Z"));
  BudgetRecord devolved = budget_;
  devolved.code = "DEVOLVED";
  devolved.lines = {BudgetLine{0, "north-ld", "North", "locality", "North", "", "community", Money::from_pence(4'000'000)},
                    BudgetLine{0, "south-ld", "South", "locality", "South", "", "community", Money::from_pence(6'000'000)}};
  ok(service_->add_budget(finance_, devolved));
  Principal north;
  north.username = "north-assessor";
  north.agency = "council";
  north.roles = {Role::kAssessor};
  north.teams = {"North adults team"};
  Principal south = north;
  south.username = "south-assessor";
  south.teams = {"South"};
  const auto codes = [](const std::vector<LocalityRemaining>& rows) {
    std::vector<std::string> out;
    for (const LocalityRemaining& row : rows) out.push_back(row.line.code);
    return out;
  };
  EXPECT_EQ(codes(ok(service_->my_locality(north))), (std::vector<std::string>{"north-ld", "north"}));
  EXPECT_EQ(codes(ok(service_->my_locality(south))), (std::vector<std::string>{"south-ld"}));
  const std::vector<LocalityRemaining> south_rows = ok(service_->my_locality(south));
  EXPECT_EQ(south_rows[0].remaining, Money::from_pence(6'000'000));
  Principal nowhere = north;
  nowhere.teams.clear();
  EXPECT_TRUE(ok(service_->my_locality(nowhere)).empty());
  // And an assessor cannot read a budget's monitoring at all.
  auto refused = service_->monitoring(south, budget_.id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error()[0].code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace allot::app::testing
