// Reading request bodies into typed commands: one pass that reports every
// problem with its path and the message docs/api.md promises, leaving what could
// not be read empty; what is read is what the event records.
#include "allot/journey_io/requests.h"

#include <gtest/gtest.h>

#include "allot/journey_io/documents.h"

namespace allot::journey_io {
namespace {

std::vector<std::string> paths(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.path);
  return out;
}

journey::CodeLists codes() {
  journey::CodeLists lists;
  lists.lists["service_component"].entries = {{"home_support", "Home Support"}, {"day_support", "Day Support"}};
  lists.lists["route_of_access"].entries = {{"discharge_from_hospital", "Discharge from hospital"}};
  return lists;
}

template <typename Command>
const Command& command_of(const journey::Parsed<journey::StepCommand>& parsed) {
  return std::get<Command>(parsed.command);
}

TEST(JourneyRequests, AnUnknownStepIsNotFoundNamingTheSteps) {
  const auto read = read_step("fly", Json::object(), codes());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error()[0].code, ErrorCode::kNotFound);
  EXPECT_EQ(read.error()[0].message,
            "no step \"fly\"; expected one of screen, end_enablement, assess, agree_equipment_budget, save_plan, "
            "submit_plan, decide, review, close");
}

TEST(JourneyRequests, APlanWithProblemsReportsEveryOneInReadingOrderThenThePlansOwn) {
  const Json body = Json::parse(R"({"expected_version": "one", "outcomes": [],
    "lines": [{"description": "Help", "service_component": "magic", "unit": "hour", "unit_cost_pence": -1850,
               "units_per_week": "lots", "delivery": "council_arranged"},
              {"description": "PA", "service_component": "home_support", "unit": "hour", "unit_cost_pence": 1400,
               "units_per_week": 3.5, "delivery": "cash", "nhs_percent": 140},
              "not a line"]})");
  const auto read = read_step("save_plan", body, codes());
  ASSERT_TRUE(read);
  EXPECT_EQ(paths(read->issues),
            (std::vector<std::string>{"expected_version", "lines[0].service_component", "lines[0].units_per_week",
                                      "lines[1].delivery", "lines[2]", "outcomes", "lines[0].unit_cost_pence",
                                      "lines[1].nhs_percent", "lines[2].description"}));
  EXPECT_EQ(read->issues[1].message,
            "unknown code \"magic\"; expected one of home_support, day_support");
  EXPECT_EQ(read->issues[3].message,
            "unknown value \"cash\"; expected one of direct_payment, individual_service_fund, council_arranged");
  const auto& plan = command_of<journey::SavePlanCommand>(*read);
  EXPECT_FALSE(plan.expected_version);
  ASSERT_EQ(plan.plan.lines.size(), 3u);
  EXPECT_EQ(plan.plan.lines[1].units_per_week, *Fraction::parse("3.5"));
}

TEST(JourneyRequests, AnAssessmentKeepsTheEligibilityAsGivenAndLeavesAnswersToTheRulebook) {
  const Json eligibility = Json::parse(R"({"framework": "care_act", "needs_from_impairment_or_illness": true,
    "outcomes": {"nutrition": ["takes_significantly_longer"], "personal_hygiene": []}})");
  const Json body = {{"rulebook_id", "example-adults"},
                     {"rulebook_version", 1},
                     {"answers", {{"mobility", "some"}, {"night", 3}}},
                     {"eligibility", eligibility},
                     {"joint", true},
                     {"professions", {"social_worker"}},
                     {"previous_package_annual_pence", 700000}};
  const auto read = read_step("assess", body, codes());
  ASSERT_TRUE(read);
  // A joint assessment records two professions; the answer that is not text is
  // the RAS's to report, with the rulebook's own checks.
  EXPECT_EQ(paths(read->issues), (std::vector<std::string>{"professions"}));
  const auto& assess = command_of<journey::AssessCommand>(*read);
  ASSERT_TRUE(assess.answers);
  EXPECT_EQ(assess.answers->answers, (std::map<std::string, std::string>{{"mobility", "some"}}));
  EXPECT_EQ(paths(assess.answers->not_text), (std::vector<std::string>{"answers.night"}));
  EXPECT_EQ(assess.answers->not_text[0].message, "must be an answer id (text); found number");
  EXPECT_EQ(assess.previous_package_annual, Money::from_pence(700000));
  ASSERT_TRUE(assess.eligibility);
  EXPECT_EQ(eligibility_to_json(*assess.eligibility), eligibility);  // significant_impact_on_wellbeing left out
  EXPECT_FALSE(journey::decide_eligibility(*assess.eligibility, journey::NeedBand::kSubstantial).eligible);

  const Json bad = {{"rulebook_version", 0},
                    {"answers", "all"},
                    {"eligibility",
                     {{"framework", "care_act"},
                      {"significant_impact_on_wellbeing", "yes"},
                      {"outcomes", {{"flying", {}}, {"clothing", "x"}, {"nutrition", {"hungry", 3}}}}}}};
  const auto refused = read_step("assess", bad, codes());
  EXPECT_EQ(paths(refused->issues),
            (std::vector<std::string>{"rulebook_id", "rulebook_version", "answers",
                                      "eligibility.significant_impact_on_wellbeing", "eligibility.outcomes.clothing",
                                      "eligibility.outcomes.flying", "eligibility.outcomes.nutrition",
                                      "eligibility.outcomes.nutrition"}));
  const Json banded = {{"framework", "banded"}, {"band", "severe"}};
  const auto unknown_band = read_step("assess", {{"eligibility", banded}}, codes());
  EXPECT_EQ(unknown_band->issues.back().path, "eligibility.band");
  EXPECT_EQ(unknown_band->issues.back().message,
            "unknown value \"severe\"; expected one of low, moderate, substantial, critical");
}

TEST(JourneyRequests, EachStepReadsItsOwnFields) {
  const auto screen = read_step("screen", {{"outcome", "enablement"}, {"joint", true}, {"planned_end", "2026-05-01"}},
                                codes());
  EXPECT_TRUE(screen->issues.empty());
  EXPECT_EQ(command_of<journey::ScreenCommand>(*screen).planned_end, Date::parse("2026-05-01"));

  const auto decide = read_step("decide", {{"outcome", "approve_changed_amount"}, {"agreed_annual_pence", -5},
                                           {"start", "soon"}}, codes());
  EXPECT_EQ(paths(decide->issues), (std::vector<std::string>{"agreed_annual_pence", "start"}));
  EXPECT_EQ(decide->issues[0].message, "must not be negative; found -5");

  const auto review = read_step("review", {{"outcome", "end"}, {"joint", "no"}}, codes());
  EXPECT_EQ(paths(review->issues), (std::vector<std::string>{"joint"}));  // the missing reason is the rule's to find
  const auto close = read_step("close", Json::object(), codes());
  EXPECT_EQ(paths(close->issues), (std::vector<std::string>{"reason"}));
  const auto equipment = read_step("agree_equipment_budget", {{"amount_pence", 1.5}}, codes());
  EXPECT_EQ(paths(equipment->issues), (std::vector<std::string>{"description", "amount_pence"}));
  const auto submit = read_step("submit_plan", {{"version", 2}}, codes());
  EXPECT_EQ(command_of<journey::SubmitPlanCommand>(*submit).version, 2);
  EXPECT_EQ(journey::step_of(submit->command), journey::Step::kSubmitPlan);
}

TEST(JourneyRequests, PersonDetailsAndTheirVersion) {
  const Json body = {{"given_name", 3},          {"date_of_birth", "1941-02-30"}, {"latitude", "north"},
                     {"has_unpaid_carer", "yes"}, {"cares_for", 0},                {"locality", "South"}};
  const auto read = read_person_details(body);
  EXPECT_EQ(paths(read.issues),
            (std::vector<std::string>{"given_name", "date_of_birth", "latitude", "has_unpaid_carer", "team", "cares_for"}));
  EXPECT_FALSE(read.command.date_of_birth);
  EXPECT_EQ(read.command.locality, "South");
  const auto update = read_update_person({{"locality", "South"}, {"team", "South adults team"}});
  EXPECT_EQ(paths(update.issues), (std::vector<std::string>{"row_version"}));
}

// Found by the hostile-input table (tests/api/hostile_input_test.cpp): a NUL or
// an escape sequence in a name was stored. Tabs and line breaks are still text.
TEST(JourneyRequests, TextWithControlCharactersIsRefused) {
  const Json body = {{"given_name", std::string("Mar\0garet", 9)}, {"family_name", "Hughes\x1b[2J"},
                     {"address", "12 Osmaston Road\nDerby\t(flat 2)\r"}, {"locality", "South"}, {"team", "South adults team"}};
  const auto read = read_person_details(body);
  EXPECT_EQ(paths(read.issues), (std::vector<std::string>{"given_name", "family_name"}))
      << ::testing::PrintToString(paths(read.issues));
  EXPECT_EQ(read.issues[0].message, "must not contain control characters; found U+0000 at character 4");
  EXPECT_EQ(read.issues[1].message, "must not contain control characters; found U+001B at character 7");
  EXPECT_EQ(read.command.address, "12 Osmaston Road\nDerby\t(flat 2)\r");
}

TEST(JourneyRequests, AContactChecksItsRouteAndRequester) {
  const auto read = read_contact({{"route_of_access", "by_pigeon"}, {"requested_by", "cat"}, {"date", "2026-13-01"}},
                                 codes());
  EXPECT_EQ(paths(read.issues), (std::vector<std::string>{"date", "route_of_access", "requested_by"}));
  EXPECT_EQ(read.issues[2].message, "unknown value \"cat\"; expected one of self, family, gp, hospital, other");
}

TEST(JourneyRequests, ACarersFormIsCheckedWholeOnceEveryFieldReads) {
  const auto unreadable = read_carer_first_stage({{"completed_by", "neighbour"}, {"hours_caring_per_week", 200}});
  EXPECT_EQ(paths(unreadable.issues),
            (std::vector<std::string>{"completed_by", "hours_caring_per_week", "health_impact", "breaks_impact",
                                      "work_learning_impact", "relationships_impact", "willingness_impact"}));
  const Json form = {{"completed_by", "partner_organisation"}, {"hours_caring_per_week", 50}, {"health_impact", 2},
                     {"breaks_impact", 3}, {"work_learning_impact", 1}, {"relationships_impact", 1},
                     {"willingness_impact", 0}};
  const auto read = read_carer_first_stage(form);
  EXPECT_TRUE(read.issues.empty());
  EXPECT_EQ(carer_form_to_json(read.command), form);  // as the event records it
  const auto full = read_carer_full_assessment({{"rulebook_id", "example-carers"}, {"answers", {{"health", "some"}}}});
  EXPECT_EQ(paths(full.issues), (std::vector<std::string>{"rulebook_version"}));
}

TEST(JourneyRequests, AMeetingNamesEachDecisionsProblems) {
  const Json body = {{"held_on", "2026-11-17"},
                     {"members", Json::array()},
                     {"decisions",
                      {{{"person_id", 0}, {"plan_version", 1}, {"outcome", "approve"}},
                       {{"person_id", 4}, {"plan_version", 1}, {"outcome", "maybe"}, {"agreed_annual_pence", "lots"}}}}};
  const auto read = read_panel_meeting(body);
  EXPECT_EQ(paths(read.issues), (std::vector<std::string>{"members", "decisions[0].person_id", "decisions[1].outcome",
                                                          "decisions[1].agreed_annual_pence"}));
  ASSERT_EQ(read.command.decisions.size(), 2u);
  EXPECT_EQ(read.command.decisions[0].person_id, 0);  // could not be read
  EXPECT_EQ(read.command.decisions[1].person_id, 4);
  EXPECT_EQ(paths(read_panel_meeting(Json::object()).issues), (std::vector<std::string>{"held_on", "members", "decisions"}));
}

TEST(JourneyRequests, DraftsKeepThePagesDocument) {
  EXPECT_EQ(read_draft_kind("plan"), journey::DraftKind::kPlan);
  EXPECT_EQ(read_draft_kind("other").error()[0].message, "no draft kind \"other\"; expected assessment or plan");
  const auto read = read_save_draft({{"row_version", nullptr}, {"document", {{"outcomes", {"To"}}}}});
  EXPECT_TRUE(read.issues.empty());
  EXPECT_FALSE(read.command.row_version);
  EXPECT_EQ(read.command.document, R"({"outcomes":["To"]})");
  EXPECT_EQ(paths(read_save_draft({{"row_version", 0}, {"document", 3}}).issues),
            (std::vector<std::string>{"row_version", "document"}));
}

}  // namespace
}  // namespace allot::journey_io
