// The journey's use cases as the next capabilities call them: typed commands in,
// typed records out, and the access policy asked inside each transaction.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "allot/app/access/repositories.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/journey_service.h"
#include "allot/journey_io/reader.h"
#include "allot/journey_io/requests.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

using Json = nlohmann::json;

Principal staff(const char* username, Role role) {
  Principal principal;
  principal.username = username;
  principal.agency = "derby-council";
  principal.roles = {role};
  return principal;
}

const Principal kAssessor = staff("assessor", Role::kAssessor);
const Principal kManager = staff("team_manager", Role::kTeamManager);
const Principal kPanel = staff("panel_member", Role::kPanelMember);
const Principal kFinance = staff("finance_officer", Role::kFinanceOfficer);
const Principal kAnalyst = staff("analyst", Role::kAnalyst);

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

journey::PersonDetails margaret() {
  journey::PersonDetails details;
  details.given_name = "Margaret";
  details.family_name = "Hughes";
  details.date_of_birth = Date::parse("1941-03-12");
  details.nhs_number = "943 476 5919";
  details.postcode = "de1 2ab";
  details.primary_support_reason = "physical_support_personal_care_support";
  details.client_group = "older_people";
  details.locality = "South";
  details.team = "South adults team";
  return details;
}

journey::AssessCommand assessment() {
  journey::AssessCommand command;
  command.rulebook_id = "example-adults";
  command.rulebook_version = 1;
  command.answers = journey::AnswerSheet{{{"personal_care", "some"}, {"eating_drinking", "prompting"},
                                          {"mobility", "some"}, {"household", "some"}, {"relationships", "some"},
                                          {"community", "some"}, {"work_learning", "none"}, {"safety", "some"},
                                          {"decisions", "none"}, {"night", "none"}, {"family_support", "some"}},
                                         {}};
  command.eligibility = journey::Eligibility{journey::EligibilityFramework::kBanded, std::nullopt, std::nullopt,
                                             std::nullopt, journey::NeedBand::kCritical};
  return command;
}

// Home support and NHS-funded nursing: above the indicative range, so the plan
// goes to the Resource Allocation Group.
journey::SavePlanCommand panel_plan() {
  journey::SavePlanCommand command;
  command.expected_version = 0;
  command.plan.outcomes = {"To stay in my own home"};
  command.plan.lines = {
      journey::PlanLine{"Help to get up", "home_support", "", journey::PlanUnit::kHour, Money::from_pence(1850),
                        Fraction(7), Money(), journey::DeliveryOption::kCouncilArranged, 0},
      journey::PlanLine{"Personal assistant", "home_support", "", journey::PlanUnit::kHour, Money::from_pence(1400),
                        Fraction(3), Money(), journey::DeliveryOption::kDirectPayment, 0},
      journey::PlanLine{"Nursing", "professional_support", "", journey::PlanUnit::kHour, Money::from_pence(2200),
                        Fraction(1), Money(), journey::DeliveryOption::kCouncilArranged, 100}};
  return command;
}

class JourneyUseCases : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    const std::string document = read_source("data/rulebooks/example-adults.json");
    ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
      return tx.get<RulebookRepository>().publish(
          RulebookVersion{"example-adults", 1, "example-adults", *Date::parse("2026-04-01"), document, "analyst", t0()});
    }));
    journey_ = std::make_unique<JourneyService>(store(), clock_);
  }
  JourneyService& journey() { return *journey_; }
  // The principal with a council agency on the care team of everyone recorded so
  // far: lists return only the people of the user's care teams.
  Principal on_care_teams(Principal who) {
    who.agency = "derby-council";
    who.agency_id = ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Id> {
      Result<Agency> agency = tx.get<AgencyRepository>().find_by_code(who.agency);
      if (!agency) agency = tx.get<AgencyRepository>().add(NewAgency{who.agency, who.agency, AgencyKind::kCouncil}, t0());
      if (!agency) return fail(agency.error());
      Result<int> joined = tx.get<AccessRepository>().add_agency_to_people("all", agency->id, "lead_agency",
                                                                           *Date::parse("2026-01-01"),
                                                                           Actor{"system", who.agency}, t0());
      if (!joined) return fail(joined.error());
      return agency->id;
    }));
    return who;
  }

  Id awaiting_panel() {
    const Id id = ok(journey().people().create(kAssessor, margaret())).id;
    ok(journey().steps().record_contact(kAssessor, id, journey::ContactCommand{std::nullopt, "discharge_from_hospital",
                                                                               "hospital", false, ""}));
    ok(journey().steps().take(kAssessor, id, journey::StepCommand{journey::ScreenCommand{
                                                 journey::ScreeningOutcome::kAssessment, false, "", std::nullopt}}));
    ok(journey().steps().take(kAssessor, id, journey::StepCommand{assessment()}));
    ok(journey().steps().take(kAssessor, id, journey::StepCommand{panel_plan()}));
    ok(journey().steps().take(kAssessor, id, journey::StepCommand{journey::SubmitPlanCommand{1}}));
    return id;
  }

  std::unique_ptr<JourneyService> journey_;
};

void expect_forbidden(const Issues& issues, const std::string& message) {
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, ErrorCode::kForbidden);
  EXPECT_EQ(issues[0].message, message);
}

TEST_F(JourneyUseCases, EachUseCaseAsksTheAccessPolicyAndARefusalChangesNothing) {
  const std::string readers = "needs one of the roles: assessor, team_manager, panel_member, finance_officer, administrator";
  // A provider reads the people it supports, a person their own record (app/access decides which parts).
  const std::string people_readers = readers + ", provider_user, person";
  expect_forbidden(journey().people().list(kAnalyst, PersonQuery{}).error(), people_readers);
  expect_forbidden(journey().people().get(kAnalyst, 1).error(), people_readers);
  expect_forbidden(journey().reads().timeline(kAnalyst, 1).error(), people_readers);
  expect_forbidden(journey().reads().reviews_due(kAnalyst, std::nullopt).error(), readers);
  expect_forbidden(journey().reads().budget_drift(kAnalyst).error(), readers);
  expect_forbidden(journey().carers().list(kAnalyst).error(), people_readers);
  expect_forbidden(journey().panel().meetings(kAnalyst).error(), readers);
  expect_forbidden(journey().panel().queue(kAnalyst).error(),
                   "needs one of the roles: panel_member, team_manager, finance_officer, administrator");
  const std::string writers = "needs one of the roles: assessor, team_manager";
  expect_forbidden(journey().people().create(kFinance, margaret()).error(), writers);
  expect_forbidden(journey().plans().save_draft(kPanel, 1, journey::DraftKind::kPlan, journey::SaveDraftCommand{}).error(),
                   writers);
  expect_forbidden(journey().panel().record_meeting(kAssessor, journey::PanelMeetingCommand{}).error(),
                   "needs one of the roles: panel_member");
  EXPECT_TRUE(ok(journey().people().list(kFinance, PersonQuery{})).people.empty());
  // Only the finance officer's list was a read of records: refusals are not audited.
  EXPECT_EQ(audit_entries().size(), 1u);
}

TEST_F(JourneyUseCases, OnlyATeamManagerSignsOffAndTheRefusalComesFirst) {
  // Refused before the record is looked at: there is no person 999.
  const journey::StepCommand approve{journey::DecideCommand{journey::DecisionOutcome::kApprove, std::nullopt, "", {}}};
  expect_forbidden(journey().steps().take(kAssessor, 999, approve).error(), "needs one of the roles: team_manager");
  EXPECT_EQ(journey().steps().take(kManager, 999, approve).error()[0].code, ErrorCode::kNotFound);
}

TEST_F(JourneyUseCases, ProblemsReadingABodyComeAfterTheRefusalOfAStepNotAllowedNow) {
  const Id id = ok(journey().people().create(kAssessor, margaret())).id;
  auto read = journey_io::read_step("screen", Json{{"outcome", 3}}, builtin_code_lists());
  ASSERT_TRUE(read);
  ASSERT_EQ(read->issues.size(), 1u);
  const Issues refused = journey().steps().take(kAssessor, id, *read).error();
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].code, ErrorCode::kConflict);
  EXPECT_EQ(refused[0].message, "cannot screen: there is no open case; steps allowed: contact");
  ok(journey().steps().record_contact(kAssessor, id, journey::ContactCommand{std::nullopt, "discharge_from_hospital",
                                                                             "hospital", false, ""}));
  EXPECT_EQ(journey().steps().take(kAssessor, id, *read).error()[0].path, "outcome");
}

TEST_F(JourneyUseCases, TheAgreedBudgetReadsAsATypedValue) {
  const Id id = awaiting_panel();
  const std::vector<journey::QueuedPlan> queue = ok(journey().panel().queue(kPanel));
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].annual.pence(), 1006200);

  journey::PanelMeetingCommand meeting;
  meeting.held_on = Date::parse("2026-04-07");
  meeting.members = {journey::PanelMember{"Chris Allen", "chair", "derby-council"}};
  meeting.decisions = {journey::PanelDecisionCommand{id, 1, journey::DecisionOutcome::kApproveChangedAmount,
                                                     Money::from_pence(900000), "Two carers in the mornings",
                                                     Date::parse("2026-04-13")}};
  const journey::PanelMeeting recorded = ok(journey().panel().record_meeting(kPanel, meeting));
  EXPECT_EQ(recorded.recorded_by, "panel_member");
  ASSERT_EQ(recorded.decisions.size(), 1u);
  EXPECT_EQ(recorded.decisions[0].agreed_annual, Money::from_pence(900000));

  const journey::Person person = ok(journey().people().get(kFinance, id));
  ASSERT_TRUE(person.state.agreed_budget);
  const journey::AgreedBudget& agreed = *person.state.agreed_budget;
  EXPECT_EQ(agreed.annual.pence(), 900000);
  EXPECT_EQ(agreed.start, Date::parse("2026-04-13"));
  EXPECT_EQ(agreed.decided_by, journey::DecidedBy::kResourceAllocationGroup);
  EXPECT_EQ(agreed.from_source(journey::FundingSource::kNhs).pence(), 102326);
  EXPECT_EQ(agreed.from_source(journey::FundingSource::kCouncil).pence(), 797674);
  EXPECT_EQ(agreed.for_delivery(journey::DeliveryOption::kDirectPayment).pence(), 195349);
  EXPECT_EQ(person.details.nhs_number, "9434765919");  // kept as ten digits
  EXPECT_EQ(person.details.postcode, "DE1 2AB");

  const std::vector<journey::RecordedEvent> history = ok(journey().reads().timeline(kAssessor, id));
  EXPECT_EQ(history.back().kind, "panel_decision");
  EXPECT_EQ(history.back().actor, "panel_member");
  const journey::BudgetDrift drift = ok(journey().reads().budget_drift(on_care_teams(kFinance)));
  EXPECT_EQ(drift.people, 1);
  EXPECT_EQ(drift.compared.difference.pence(), 900000 - 562500);
}

TEST_F(JourneyUseCases, InstantsAreWrittenAsTheAppWritesTimestamps) {
  for (const Timestamp at : {t0(), t0() + std::chrono::milliseconds(123456789), Timestamp{}}) {
    EXPECT_EQ(journey_io::detail::format_instant(at), format_timestamp(at));
    EXPECT_EQ(journey_io::detail::parse_instant(format_timestamp(at)), at);
  }
}

}  // namespace
}  // namespace allot::app::testing
