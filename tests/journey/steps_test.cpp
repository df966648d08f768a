// The journey's rules as pure functions: each step's new state and the events to
// record, checks beyond reading, refusals by the case's state, and agreed budgets
// whose splits add up exactly.
#include "allot/journey/steps.h"

#include <gtest/gtest.h>

#include <limits>
#include <numeric>
#include <stdexcept>
#include <variant>

#include "allot/journey/reads.h"

namespace allot::journey {
namespace {

Date day(const char* text) { return *Date::parse(text); }
Instant at(const char* date) { return Instant{std::chrono::sys_days{day(date).ymd()}} + std::chrono::hours(9); }

template <typename T>
T ok(Result<T> result) {
  if (!result) throw std::runtime_error(format_issues(result.error()));
  return std::move(*result);
}

const JourneyRules kRules{};
const Date kToday = day("2026-04-01");

const char* kind(const Event& event) { return event_kind(event.payload); }

CaseState at_stage(Stage stage) {
  CaseState state;
  state.stage = stage;
  return state;
}

IndicativeBudget indicative(std::int64_t annual) {
  IndicativeBudget budget;
  budget.rulebook_id = "example-adults";
  budget.rulebook_version = 1;
  budget.annual = Money::from_pence(annual);
  budget.weekly = Money::from_pence(annual).annual_to_weekly();
  budget.lower_annual = Money::from_pence(annual * 9 / 10);
  budget.upper_annual = Money::from_pence(annual * 11 / 10);
  budget.eligible = true;
  budget.assessed_at = at("2026-03-20");
  return budget;
}

// £10,062.00 a year: £1,144.00 of it NHS-funded; £2,184.00 by direct payment.
PlanTotals panel_plan() {
  SupportPlan plan;
  plan.outcomes = {"To stay in my own home"};
  plan.lines = {
      PlanLine{"Help to get up", "home_support", "", PlanUnit::kHour, Money::from_pence(1850), Fraction(7), Money(),
               DeliveryOption::kCouncilArranged, 0},
      PlanLine{"Personal assistant", "home_support", "", PlanUnit::kHour, Money::from_pence(1400), Fraction(3), Money(),
               DeliveryOption::kDirectPayment, 0},
      PlanLine{"Nursing", "professional_support", "", PlanUnit::kHour, Money::from_pence(2200), Fraction(1), Money(),
               DeliveryOption::kCouncilArranged, 100},
  };
  return total_support_plan(plan);
}

// A case awaiting sign-off on plan version 1.
CaseState awaiting(SignOffRoute route) {
  CaseState state = at_stage(Stage::kAwaitingSignOff);
  state.indicative_budget = indicative(562500);
  state.plan_version = 1;
  state.sign_off = SignOff{1, route, {"within the range"}, at("2026-03-25")};
  return state;
}

TEST(JourneySteps, AContactOpensAFreshCaseKeepingOnlyThePreviousPackage) {
  CaseState closed = at_stage(Stage::kClosed);
  closed.previous_package_annual = Money::from_pence(700000);
  closed.indicative_budget = indicative(500000);
  closed.last_review = day("2026-01-01");
  ContactCommand contact{std::nullopt, "discharge_from_hospital", "hospital", true, "a fall"};
  const StepOutcome opened = open_case(closed, contact, kToday);
  CaseState expected = at_stage(Stage::kScreening);
  expected.previous_package_annual = Money::from_pence(700000);
  EXPECT_EQ(opened.state, expected);
  ASSERT_EQ(opened.events.size(), 1u);
  EXPECT_STREQ(kind(opened.events[0]), "contact");
  EXPECT_EQ(std::get<ContactRecorded>(opened.events[0].payload).date, kToday);  // no date given: today
  EXPECT_EQ(opened.events[0].reason, "a fall");
}

TEST(JourneySteps, AContactCannotBeInTheFuture) {
  EXPECT_TRUE(check_contact(ContactCommand{kToday, "x", "self", false, ""}, kToday).empty());
  const Issues issues = check_contact(ContactCommand{day("2026-04-02"), "x", "self", false, ""}, kToday);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "date");
}

TEST(JourneySteps, ScreeningToEnablementPlansItsEndAndToAdviceClosesTheCase) {
  const StepOutcome enabled =
      ok(screen(at_stage(Stage::kScreening), ScreenCommand{ScreeningOutcome::kEnablement, true, "", std::nullopt}, kToday,
                kRules));
  EXPECT_EQ(enabled.state.stage, Stage::kEnablement);
  EXPECT_EQ(enabled.state.enablement, (Enablement{kToday, day("2026-05-13")}));  // six weeks on
  EXPECT_EQ(enabled.events[0].outcome, "progress_to_reablement_st_max");
  EXPECT_EQ(std::get<Screened>(enabled.events[0].payload).enablement, enabled.state.enablement);

  const StepOutcome advised =
      ok(screen(at_stage(Stage::kScreening), ScreenCommand{ScreeningOutcome::kSignposting, false, "", std::nullopt},
                kToday, kRules));
  EXPECT_EQ(advised.state.stage, Stage::kClosed);
  EXPECT_EQ(advised.events[0].outcome, "nfa_information_advice_signposting_only");

  EXPECT_EQ(check_screen(ScreenCommand{ScreeningOutcome::kEnablement, false, "", kToday}, kToday).size(), 1u);
}

TEST(JourneySteps, EnablementEndsInAssessmentUnlessThePersonIsIndependent) {
  CaseState enabled = at_stage(Stage::kEnablement);
  enabled.enablement = Enablement{day("2026-03-01"), day("2026-04-12")};
  const StepOutcome ongoing = ok(end_enablement(enabled, {EnablementOutcome::kOngoingSupport, ""}, kToday));
  EXPECT_EQ(ongoing.state.stage, Stage::kAssessment);
  EXPECT_FALSE(ongoing.state.enablement);  // enablement is over
  EXPECT_EQ(ongoing.events[0].type, EventType::kService);
  const StepOutcome independent = ok(end_enablement(enabled, {EnablementOutcome::kIndependent, ""}, kToday));
  EXPECT_EQ(independent.state.stage, Stage::kClosed);
  EXPECT_EQ(independent.events[0].outcome, "nfa_support_ended_other_reason");
}

TEST(JourneySteps, AnAssessmentGivesTheIndicativeBudgetAndDecidesEligibility) {
  AssessCommand command;
  command.rulebook_id = "example-adults";
  command.rulebook_version = 1;
  command.answers = AnswerSheet{{{"mobility", "some"}}, {}};
  command.previous_package_annual = Money::from_pence(700000);
  command.eligibility = Eligibility{EligibilityFramework::kBanded, std::nullopt, std::nullopt, std::nullopt,
                                    NeedBand::kCritical};
  const IndicativeScore score{Money::from_pence(562500), Money::from_pence(10817), Money::from_pence(506250),
                              Money::from_pence(618750), {"1. ..."}};
  const StepOutcome assessed = ok(assess(at_stage(Stage::kAssessment), command, score, 7, at("2026-04-01"), kRules));
  EXPECT_EQ(assessed.state.stage, Stage::kSupportPlanning);
  ASSERT_TRUE(assessed.state.indicative_budget);
  EXPECT_EQ(assessed.state.indicative_budget->upper_annual.pence(), 618750);
  EXPECT_TRUE(assessed.state.indicative_budget->eligible);
  EXPECT_EQ(assessed.state.previous_package_annual, Money::from_pence(700000));
  const auto& completed = std::get<AssessmentCompleted>(assessed.events[0].payload);
  EXPECT_EQ(completed.score_id, 7);
  EXPECT_EQ(completed.answers.at("mobility"), "some");

  command.eligibility->band = NeedBand::kLow;  // below the council's threshold
  const StepOutcome not_eligible = ok(assess(at_stage(Stage::kAssessment), command, score, 8, at("2026-04-01"), kRules));
  EXPECT_EQ(not_eligible.state.stage, Stage::kClosed);
  EXPECT_EQ(not_eligible.events[0].outcome, "nfa_no_services_offered_other_reason");

  EXPECT_TRUE(check_joint_professions(true, {"social_worker"}));
  EXPECT_FALSE(check_joint_professions(true, {"social_worker", "community_nurse"}));
  EXPECT_FALSE(check_joint_professions(false, {}));
}

TEST(JourneySteps, AnAgreedBudgetIsSplitByDeliveryOptionAndFundingSourceSummingExactly) {
  const AgreedBudget agreed = agree_budget(panel_plan(), 1, Money::from_pence(900000), day("2026-04-13"),
                                           indicative(562500), "two carers", DecidedBy::kResourceAllocationGroup,
                                           kRules.reviews);
  EXPECT_EQ(agreed.for_delivery(DeliveryOption::kDirectPayment).pence(), 195349);
  EXPECT_EQ(agreed.for_delivery(DeliveryOption::kIndividualServiceFund).pence(), 0);
  EXPECT_EQ(agreed.for_delivery(DeliveryOption::kCouncilArranged).pence(), 704651);
  EXPECT_EQ(agreed.from_source(FundingSource::kCouncil).pence(), 797674);
  EXPECT_EQ(agreed.from_source(FundingSource::kNhs).pence(), 102326);
  EXPECT_EQ(agreed.weekly.pence(), 17308);
  EXPECT_EQ(agreed.review_due, day("2026-06-08"));  // eight weeks after the start
  EXPECT_EQ(agreed.difference, Money::from_pence(337500));

  // Shares scaled to an awkward total still add up to it.
  for (const std::int64_t total : {0LL, 1LL, 99LL, 100001LL, 999999999LL}) {
    const std::vector<std::int64_t> scaled = scale_shares({3, 3, 3}, total);
    EXPECT_EQ(std::accumulate(scaled.begin(), scaled.end(), std::int64_t{0}), total);
  }
  EXPECT_EQ(scale_shares({0, 0}, 500), (std::vector<std::int64_t>{0, 500}));
  EXPECT_EQ(scale_shares({5, 0}, 500), (std::vector<std::int64_t>{500, 0}));
}

TEST(JourneySteps, ATeamManagerApprovesAndTheBudgetIsInPlaceWithProtection) {
  CaseState state = awaiting(SignOffRoute::kTeamManager);
  state.previous_package_annual = Money::from_pence(1100000);
  const PlanTotals plan = panel_plan();
  const std::optional<Money> agreed =
      ok(decided_amount(state, DecisionOutcome::kApprove, std::nullopt, "meets the outcomes", plan));
  ASSERT_EQ(agreed, plan.annual);
  DecideCommand command{DecisionOutcome::kApprove, std::nullopt, "meets the outcomes", day("2026-04-06")};
  const StepOutcome decided = ok(decide(state, command, agreed, plan, kToday, kRules));
  EXPECT_EQ(decided.state.stage, Stage::kActive);
  EXPECT_FALSE(decided.state.sign_off);
  ASSERT_TRUE(decided.state.agreed_budget);
  EXPECT_EQ(decided.state.agreed_budget->decided_by, DecidedBy::kTeamManager);
  EXPECT_EQ(decided.state.agreed_budget->plan_version, 1);
  // The protection event comes before the decision's own.
  ASSERT_EQ(decided.events.size(), 2u);
  EXPECT_STREQ(kind(decided.events[0]), "protection_recorded");
  EXPECT_STREQ(kind(decided.events[1]), "sign_off_decision");
  ASSERT_TRUE(decided.state.protection);
  EXPECT_EQ(decided.state.protection->annual, Money::from_pence(1100000) - plan.annual);
  EXPECT_EQ(decided.state.protection->review_due, day("2026-06-01"));
  EXPECT_EQ(review_due(decided.state), day("2026-06-01"));
}

TEST(JourneySteps, AReturnedPlanGoesBackToSupportPlanningAndNeedsAReason) {
  const CaseState state = awaiting(SignOffRoute::kTeamManager);
  const PlanTotals plan = panel_plan();
  const auto unexplained = decided_amount(state, DecisionOutcome::kReturn, std::nullopt, "", plan);
  ASSERT_FALSE(unexplained);
  EXPECT_EQ(unexplained.error()[0].path, "reason");
  const StepOutcome returned =
      ok(decide(state, DecideCommand{DecisionOutcome::kReturn, std::nullopt, "more detail", std::nullopt}, std::nullopt,
                plan, kToday, kRules));
  EXPECT_EQ(returned.state.stage, Stage::kSupportPlanning);
  EXPECT_FALSE(returned.state.sign_off);
  EXPECT_FALSE(returned.state.agreed_budget);
  EXPECT_EQ(returned.events[0].outcome, "");
}

TEST(JourneySteps, PlansRoutedToThePanelAreDecidedInAMeetingNotByATeamManager) {
  const CaseState state = awaiting(SignOffRoute::kResourceAllocationGroup);
  EXPECT_TRUE(awaits_panel(state));
  EXPECT_EQ(refuse_unless_team_manager_decides(state).size(), 1u);
  const PersonDetails details;
  EXPECT_EQ(allowed_steps(details, state), (std::vector<std::string>{"close"}));
  const Issues refused = refuse_unless_allowed(details, state, "decide");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].code, ErrorCode::kConflict);
  EXPECT_NE(refused[0].message.find("record the decision in a panel meeting"), std::string::npos);

  const PanelDecision decision{42, 1, DecisionOutcome::kApproveChangedAmount, Money::from_pence(900000), "two carers"};
  const StepOutcome decided =
      ok(decide_at_panel(state, decision, day("2026-04-13"), panel_plan(), 5, kToday, kRules));
  EXPECT_EQ(decided.state.stage, Stage::kActive);
  EXPECT_EQ(decided.state.agreed_budget->decided_by, DecidedBy::kResourceAllocationGroup);
  EXPECT_EQ(decided.state.agreed_budget->annual.pence(), 900000);
  const auto& recorded = std::get<PanelDecided>(decided.events.back().payload);
  EXPECT_EQ(recorded.meeting_id, 5);
  EXPECT_EQ(decided.events.back().outcome, "provision_of_service");
}

TEST(JourneySteps, SubmittingRoutesThePlanAndNeedsAnIndicativeBudget) {
  CaseState planning = at_stage(Stage::kSupportPlanning);
  planning.plan_version = 1;
  EXPECT_FALSE(submit_plan(planning, panel_plan(), at("2026-04-01"), kRules));  // not assessed
  planning.indicative_budget = indicative(562500);
  const StepOutcome submitted = ok(submit_plan(planning, panel_plan(), at("2026-04-01"), kRules));
  EXPECT_EQ(submitted.state.stage, Stage::kAwaitingSignOff);
  EXPECT_EQ(submitted.state.sign_off->route, SignOffRoute::kResourceAllocationGroup);
  EXPECT_EQ(submitted.state.sign_off->plan_version, 1);
  EXPECT_EQ(submitted.state.sign_off->reasons.size(), 2u);  // above the range, and NHS-funded
}

TEST(JourneySteps, SavingAPlanMakesTheNextVersion) {
  CaseState planning = at_stage(Stage::kSupportPlanning);
  planning.indicative_budget = indicative(562500);
  planning.plan_version = 2;
  SupportPlan plan;
  plan.outcomes = {"To see friends"};
  plan.lines = {PlanLine{"Lunch club", "day_support", "", PlanUnit::kWeek, Money::from_pence(1000), Fraction(1), Money(),
                         DeliveryOption::kCouncilArranged, 0}};
  const PlanVersion saved = next_plan_version(planning, plan, "assessor", at("2026-04-01"));
  EXPECT_EQ(saved.version, 3);
  EXPECT_EQ(saved.totals.annual.pence(), 52000);
  EXPECT_EQ(saved.difference_from_indicative, Money::from_pence(52000 - 562500));
  const StepOutcome recorded = ok(save_plan(planning, saved));
  EXPECT_EQ(recorded.state.plan_version, 3);
  EXPECT_EQ(std::get<PlanSaved>(recorded.events[0].payload).annual.pence(), 52000);
}

TEST(JourneySteps, ReviewsMoveTheNextReviewOnOrEndSupport) {
  CaseState active = awaiting(SignOffRoute::kTeamManager);
  active = ok(decide(active, DecideCommand{DecisionOutcome::kApprove, std::nullopt, "ok", day("2026-04-06")},
                     panel_plan().annual, panel_plan(), kToday, kRules))
               .state;
  const StepOutcome kept =
      ok(review(active, ReviewCommand{day("2026-05-25"), true, ReviewOutcome::kNoChange, ""}, kToday, kRules));
  EXPECT_EQ(kept.state.stage, Stage::kActive);
  EXPECT_EQ(kept.state.last_review, day("2026-05-25"));
  EXPECT_EQ(kept.state.agreed_budget->review_due, day("2027-05-25"));
  EXPECT_EQ(kept.events[0].outcome, "no_change_in_package");

  const StepOutcome replanned =
      ok(review(active, ReviewCommand{std::nullopt, false, ReviewOutcome::kNewPlan, ""}, kToday, kRules));
  EXPECT_EQ(replanned.state.stage, Stage::kSupportPlanning);
  EXPECT_TRUE(replanned.state.agreed_budget);  // the budget stays while a new plan is made
  EXPECT_EQ(replanned.state.last_review, kToday);

  EXPECT_EQ(check_review(ReviewCommand{std::nullopt, false, ReviewOutcome::kEnd, ""}).size(), 1u);
  const StepOutcome ended =
      ok(review(active, ReviewCommand{std::nullopt, false, ReviewOutcome::kEnd, "moved away"}, kToday, kRules));
  EXPECT_EQ(ended.state.stage, Stage::kClosed);
  EXPECT_FALSE(ended.state.agreed_budget);
  EXPECT_FALSE(review_due(ended.state));
}

TEST(JourneySteps, ClosingAnActiveCaseIsAReviewEvent) {
  CaseState active = at_stage(Stage::kActive);
  active.agreed_budget = agree_budget(panel_plan(), 1, Money::from_pence(500000), kToday, std::nullopt, "",
                                      DecidedBy::kTeamManager, kRules.reviews);
  const StepOutcome closed = ok(close(active, CloseCommand{"moved away"}));
  EXPECT_EQ(closed.state.stage, Stage::kClosed);
  EXPECT_FALSE(closed.state.agreed_budget);
  EXPECT_EQ(closed.events[0].type, EventType::kReview);
  EXPECT_EQ(closed.events[0].outcome, "nfa_other");
  EXPECT_EQ(ok(close(at_stage(Stage::kScreening), CloseCommand{"x"})).events[0].type, EventType::kRequest);
  EXPECT_FALSE(close(CaseState{}, CloseCommand{"x"}));  // no open case
}

TEST(JourneySteps, AnEquipmentOnlyBudgetIsCouncilArrangedAndOneOff) {
  const StepOutcome agreed = ok(agree_equipment_budget(
      at_stage(Stage::kAssessment), EquipmentBudgetCommand{"Bath lift", Money::from_pence(45000), std::nullopt, "only"},
      kToday, kRules));
  EXPECT_EQ(agreed.state.stage, Stage::kActive);
  const AgreedBudget& budget = *agreed.state.agreed_budget;
  EXPECT_EQ(budget.decided_by, DecidedBy::kEquipment);
  EXPECT_EQ(budget.one_off.pence(), 45000);
  EXPECT_EQ(budget.weekly.pence(), 0);
  EXPECT_FALSE(budget.plan_version);
  EXPECT_FALSE(budget.indicative_annual);
  EXPECT_EQ(budget.for_delivery(DeliveryOption::kCouncilArranged).pence(), 45000);
  EXPECT_EQ(budget.from_source(FundingSource::kCouncil).pence(), 45000);
  EXPECT_STREQ(kind(agreed.events[0]), "equipment_budget_agreed");
}

TEST(JourneySteps, ACarerIsReferredForAFullAssessmentAndGetsABudget) {
  PersonDetails carer;
  carer.cares_for = 12;
  CaseState state = new_case_state(carer);
  ASSERT_TRUE(state.carer);
  EXPECT_EQ(allowed_steps(carer, state), (std::vector<std::string>{"carer_first_stage"}));
  EXPECT_EQ(refuse_unless_allowed(carer, state, "contact")[0].message,
            "cannot contact: this is a carer's record; steps allowed: carer_first_stage");

  CarerFirstStageCommand form{CompletedBy::kPartnerOrganisation, CarerFirstStage{50, 2, 3, 1, 1, 0}};
  state = complete_carer_first_stage(state, form, at("2026-04-01"), kRules).state;
  EXPECT_TRUE(state.carer->first_stage->refer_for_full_assessment);
  EXPECT_EQ(allowed_steps(carer, state), (std::vector<std::string>{"carer_first_stage", "carer_full_assessment"}));

  EXPECT_EQ(check_carer_budget(Money::from_pence(100), Money::from_pence(200), "").size(), 1u);
  EXPECT_TRUE(check_carer_budget(Money::from_pence(100), std::nullopt, "").empty());
  CarerFullAssessmentCommand full{"example-carers", 1, std::nullopt, std::nullopt, ""};
  const IndicativeScore score{Money::from_pence(120000), Money::from_pence(2301), Money::from_pence(108000),
                              Money::from_pence(132000), {"1. Caring hours: 4 points"}};
  const StepOutcome assessed = complete_carer_full_assessment(state, full, score, 9, at("2026-04-02"));
  EXPECT_EQ(assessed.state.carer->full_assessment->agreed_annual.pence(), 120000);
  EXPECT_EQ(assessed.events[0].outcome, "provision_of_service");
  // The carer's budget then goes the way of every budget: a plan, sign-off, reviews.
  ASSERT_TRUE(assessed.state.indicative_budget);
  EXPECT_EQ(assessed.state.indicative_budget->annual.pence(), 120000);
  EXPECT_EQ(assessed.state.indicative_budget->upper_annual.pence(), 132000);
  EXPECT_EQ(assessed.state.stage, Stage::kSupportPlanning);
  EXPECT_EQ(allowed_steps(carer, assessed.state),
            (std::vector<std::string>{"carer_first_stage", "save_plan", "submit_plan", "assess", "close"}));
  EXPECT_TRUE(refuse_unless_allowed(carer, assessed.state, "submit_plan").empty());
  EXPECT_EQ(refuse_unless_allowed(carer, assessed.state, "review")[0].message,
            "cannot review: the case is at stage support_planning; steps allowed: carer_first_stage, save_plan, "
            "submit_plan, assess, close");

  // A full assessment that gives no budget opens no case.
  CarerFullAssessmentCommand none{"example-carers", 1, std::nullopt, Money(), "needs met by universal support"};
  const StepOutcome no_budget = complete_carer_full_assessment(state, none, score, 10, at("2026-04-02"));
  EXPECT_FALSE(no_budget.state.stage);
  EXPECT_EQ(allowed_steps(carer, no_budget.state), (std::vector<std::string>{"carer_first_stage"}));
}

TEST(JourneySteps, AStepNotAllowedNowNamesTheStageAndTheStepsAllowed) {
  const PersonDetails details;
  EXPECT_EQ(refuse_unless_allowed(details, CaseState{}, "screen")[0].message,
            "cannot screen: there is no open case; steps allowed: contact");
  EXPECT_EQ(refuse_unless_allowed(details, at_stage(Stage::kScreening), "submit_plan")[0].message,
            "cannot submit_plan: the case is at stage screening; steps allowed: screen, close");
  EXPECT_TRUE(refuse_unless_allowed(details, at_stage(Stage::kClosed), "contact").empty());
}

TEST(JourneyReads, RowsComeFromTheTypedRecord) {
  Person person;
  person.id = 3;
  person.details.given_name = "Margaret";
  person.details.client_group = "older_people";
  person.state = awaiting(SignOffRoute::kResourceAllocationGroup);
  EXPECT_EQ(summarise(person).sign_off_route, SignOffRoute::kResourceAllocationGroup);
  const QueuedPlan queued = queued_plan(person, Money::from_pence(1006200));
  EXPECT_EQ(queued.difference.pence(), 1006200 - 562500);
  EXPECT_EQ(queued.plan_version, 1);

  person.state.agreed_budget = agree_budget(panel_plan(), 1, Money::from_pence(900000), kToday, indicative(562500), "r",
                                            DecidedBy::kResourceAllocationGroup, kRules.reviews);
  Person equipment = person;
  equipment.id = 4;
  equipment.state.agreed_budget->indicative_annual.reset();
  equipment.state.agreed_budget->difference.reset();
  const Result<BudgetDrift> drift = budget_drift({person, equipment});
  ASSERT_TRUE(drift);
  EXPECT_EQ(drift->people, 2);
  EXPECT_EQ(drift->agreed_annual.pence(), 1800000);
  // The comparison covers exactly the rows with an indicative budget, so its
  // difference is its agreed minus its indicative and the sum of those rows'.
  EXPECT_EQ(drift->compared, (DriftComparedTotals{1, Money::from_pence(562500), Money::from_pence(900000),
                                                  Money::from_pence(900000 - 562500)}));
  EXPECT_EQ(drift->without_indicative, (DriftUncomparedTotals{1, Money::from_pence(900000)}));
  EXPECT_EQ(drift->budgets[1].decided_by, DecidedBy::kResourceAllocationGroup);
  EXPECT_FALSE(drift->budgets[1].difference.has_value());
}

TEST(JourneyReads, DriftTotalsThatWouldOverflowAreRefusedNamingTheRow) {
  Person person;
  person.id = 3;
  person.state.agreed_budget = agree_budget(panel_plan(), 1, Money::from_pence(900000), kToday, indicative(562500), "r",
                                            DecidedBy::kResourceAllocationGroup, kRules.reviews);
  Person huge = person;
  huge.id = 4;
  huge.state.agreed_budget->annual = Money::from_pence(std::numeric_limits<std::int64_t>::max());
  const Result<BudgetDrift> drift = budget_drift({person, huge});
  ASSERT_FALSE(drift);
  ASSERT_EQ(drift.error().size(), 1u);
  EXPECT_EQ(drift.error()[0].path, "budgets[1]");
}

}  // namespace
}  // namespace allot::journey
