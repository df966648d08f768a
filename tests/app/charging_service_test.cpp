// Charging and programme use cases against a real store, over the demo caseload:
// recording an assessment (refusals change nothing), the contribution other
// capabilities read, and the seed 001 programme.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "allot/app/charging/charging_service.h"
#include "allot/app/charging/contribution.h"
#include "allot/app/charging/repositories.h"
#include "allot/app/demo/demo_data.h"
#include "allot/app/programmes/programme_service.h"
#include "allot/app/shared/access_policy.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Principal with_roles(std::string username, std::vector<Role> roles) {
  Principal principal;
  principal.username = std::move(username);
  principal.agency = "demo-council";
  principal.roles = std::move(roles);
  return principal;
}

class Charging : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    DemoDataInput input;
    for (const char* name : {"example-adults", "example-carers"}) {
      const std::string path = std::string("data/rulebooks/") + name + ".json";
      input.rulebooks.push_back({path, read_source(path)});
    }
    input.password_cost = PasswordCost::kMinimum;
    ok(load_demo_data(store(), clock_, input));
    // A person with a weekly agreed budget and no financial assessment.
    auto people = ok(in_transaction(store(), Access::kRead, [](Transaction& tx) {
      PersonQuery query;
      query.limit = 10000;
      return tx.get<PersonRepository>().list(query);
    }));
    for (const PersonRecord& record : people.people) {
      PersonCharging charging = ok(service().person_charging(finance_, record.id));
      if (charging.agreed_weekly && *charging.agreed_weekly > Money{} && charging.assessments.empty()) {
        unassessed_ = record.id;
        weekly_ = *charging.agreed_weekly;
        break;
      }
    }
    ASSERT_NE(unassessed_, 0);
  }

  ChargingService service() { return ChargingService(store(), clock_); }

  std::optional<Contribution> contribution(Id person_id) {
    return ok(in_transaction(store(), Access::kRead, [&](Transaction& tx) { return current_contribution(tx, person_id); }));
  }

  Principal finance_ = with_roles("finance_officer", {Role::kFinanceOfficer});
  Id unassessed_ = 0;
  Money weekly_;
};

TEST_F(Charging, DemoPublishesTheRulesAndAssessesMostPeople) {
  auto rules = ok(service().list_rules());
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].rules_id, "england-non-residential");
  EXPECT_EQ(contribution(unassessed_), std::nullopt);
}

TEST_F(Charging, RecordedAssessmentIsTheCurrentContributionForBudgets) {
  RecordAssessment command;
  command.effective_from = Date::parse("2026-04-06");
  command.answers = {{"status", "assessed"}, {"age", 70}, {"incomes", {{{"type", "state_pension"}, {"weekly_pence", 30000}}}},
                     {"capital_pence", 0}};
  FinancialAssessmentRecord recorded = ok(service().record_assessment(finance_, unassessed_, command));
  EXPECT_EQ(recorded.weekly_cost, weekly_);
  auto current = contribution(unassessed_);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->kind, Contribution::Kind::kAssessed);
  EXPECT_EQ(current->assessment_id, recorded.id);
  EXPECT_EQ(current->effective_from, *Date::parse("2026-04-06"));
  EXPECT_EQ(current->towards(weekly_), recorded.contribution);
  EXPECT_EQ(current->towards(Money{}), Money{});  // never more than the cost
  // Not in force before its effective date.
  auto before = ok(in_transaction(store(), Access::kRead, [&](Transaction& tx) {
    return contribution_on(tx, unassessed_, *Date::parse("2026-04-05"));
  }));
  EXPECT_EQ(before, std::nullopt);
  auto everyone = ok(in_transaction(store(), Access::kRead, [&](Transaction& tx) {
    return contributions_on(tx, *Date::parse("2026-11-22"));
  }));
  ASSERT_TRUE(everyone.contains(unassessed_));
  EXPECT_EQ(everyone.at(unassessed_).assessment_id, recorded.id);
  EXPECT_GT(everyone.size(), 50u);  // the demo assesses most people
  const auto entries = audit_entries();
  EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [&](const AuditEntry& entry) {
    return entry.action == "financial_assessment" && entry.actor == "finance_officer";
  }));
}

TEST_F(Charging, RefusedAssessmentIsChargedTheFullCost) {
  RecordAssessment command;
  command.effective_from = Date::parse("2026-11-22");
  command.answers = {{"status", "refused"}, {"reason", "chose not to disclose"}};
  ok(service().record_assessment(finance_, unassessed_, command));
  auto current = contribution(unassessed_);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->kind, Contribution::Kind::kFullCost);
  EXPECT_EQ(current->reason, "refused: chose not to disclose");
  EXPECT_EQ(current->towards(Money::from_pence(12345)), Money::from_pence(12345));
}

TEST_F(Charging, RefusalsChangeNothing) {
  RecordAssessment command;
  command.effective_from = Date::parse("2026-11-22");
  command.answers = {{"status", "assessed"}, {"age", 70}, {"capital_pence", 0},
                     {"incomes", {{{"type", "lottery"}, {"weekly_pence", 1}}}}};
  auto bad = service().record_assessment(finance_, unassessed_, command);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error()[0].path, "incomes[0].type");
  command.answers = {{"status", "refused"}, {"reason", "x"}};
  auto forbidden = service().record_assessment(with_roles("analyst", {Role::kAnalyst}), unassessed_, command);
  ASSERT_FALSE(forbidden);
  EXPECT_EQ(forbidden.error()[0].code, ErrorCode::kForbidden);
  EXPECT_EQ(contribution(unassessed_), std::nullopt);
}

TEST_F(Charging, Seed001ProgrammeIsLoadedAndReportedForFinance) {
  ProgrammeService programmes(store(), clock_);
  auto list = ok(programmes.list(finance_));
  ASSERT_EQ(list.size(), 1u);
  ProgrammeReport report = ok(programmes.report(finance_, list[0].id));
  EXPECT_EQ(report.report["by_year"]["2008/09"]["total_pence"], 66200000);
  EXPECT_EQ(report.stated_totals.size(), 48u);
  auto refused = programmes.list(with_roles("assessor", {Role::kAssessor}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error()[0].code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace allot::app::testing

namespace allot::app::testing {
namespace {

TEST(ChargingPolicy, FinanceOfficersAndAssessorsAssessFinanceAndCommissionersManageProgrammes) {
  const AccessPolicy& policy = AccessPolicy::standard();
  EXPECT_TRUE(policy.allows(with_roles("f", {Role::kFinanceOfficer}), "charging.assess"));
  EXPECT_TRUE(policy.allows(with_roles("a", {Role::kAssessor}), "charging.assess"));
  EXPECT_FALSE(policy.allows(with_roles("p", {Role::kPanelMember}), "charging.assess"));
  EXPECT_TRUE(policy.allows(with_roles("f", {Role::kFinanceOfficer}), "programmes.manage"));
  EXPECT_TRUE(policy.allows(with_roles("c", {Role::kCommissioner}), "programmes.manage"));
  EXPECT_FALSE(policy.allows(with_roles("a", {Role::kAssessor}), "programmes.manage"));
}

}  // namespace
}  // namespace allot::app::testing
