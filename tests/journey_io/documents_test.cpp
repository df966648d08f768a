// The journey's stored documents and answers: typed values written exactly as
// earlier versions of Allot wrote them (so a record read and written again is
// unchanged), and stored documents that do not read reported with every path.
#include "allot/journey_io/documents.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "allot/journey/steps.h"
#include "allot/journey_io/answers.h"

namespace allot::journey_io {
namespace {

using journey::Instant;

template <typename T>
T ok(Result<T> result) {
  if (!result) throw std::runtime_error(format_issues(result.error()));
  return std::move(*result);
}

std::vector<std::string> paths(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.path);
  return out;
}

Date day(const char* text) { return *Date::parse(text); }

// Written by Allot before the case state was typed (the demo council's data).
const char* kActiveWithProtection = R"json({"agreed_budget":{"annual_pence":2085938,"by_delivery":{"council_arranged":2085938,"direct_payment":0,"individual_service_fund":0},"by_funding":{"council":2085938,"nhs":0},"decided_by":"team_manager","difference_pence":0,"indicative_annual_pence":2085938,"one_off_pence":0,"plan_version":1,"reason":"Agreed at the indicative budget","review_due":"2027-05-29","start":"2026-04-09","weekly_pence":40114},"carer":null,"enablement":null,"indicative_budget":{"annual_pence":2085938,"assessed_at":"2026-03-26T15:20:00.001Z","derivation":["1. Personal care: 20 points × £250.00 = £5,000.00","2. Indicative budget: £20,859.38 a year"],"eligibility_reasons":["Needs arise from a physical or mental impairment or illness."],"eligible":true,"lower_annual_pence":1877344,"rulebook_id":"example-adults","rulebook_version":1,"upper_annual_pence":2294532,"weekly_pence":40114},"last_review":"2026-05-29","plan_version":1,"previous_package_annual_pence":2290938,"protection":{"annual_pence":205000,"previous_package_annual_pence":2290938,"review_due":"2026-06-04"},"sign_off":null,"stage":"active"})json";
const char* kCarer = R"json({"agreed_budget":null,"carer":{"first_stage":{"at":"2026-06-30T12:07:00.001Z","completed_by":"carer","impact_score":6,"reasons":["24 hours of caring a week; regular and substantial from 20","impact score 6; the trigger is 6"],"refer_for_full_assessment":true,"universal_support":["information and advice","emergency contingency planning"]},"full_assessment":{"agreed_annual_pence":17500,"annual_pence":17500,"at":"2026-11-04T15:11:00.001Z","reason":"","rulebook_id":"example-carers","rulebook_version":1}},"enablement":null,"indicative_budget":null,"last_review":null,"plan_version":null,"previous_package_annual_pence":null,"protection":null,"sign_off":null,"stage":null})json";
const char* kAwaitingPanel = R"json({"agreed_budget":{"annual_pence":45000,"by_delivery":{"council_arranged":45000,"direct_payment":0,"individual_service_fund":0},"by_funding":{"council":45000,"nhs":0},"decided_by":"equipment","difference_pence":null,"indicative_annual_pence":null,"one_off_pence":45000,"plan_version":null,"reason":"Only equipment","review_due":"2026-05-27","start":"2026-04-01","weekly_pence":0},"carer":null,"enablement":{"planned_end":"2026-05-13","start":"2026-04-01"},"indicative_budget":null,"last_review":null,"plan_version":2,"previous_package_annual_pence":null,"protection":null,"sign_off":{"plan_version":2,"reasons":["the plan has NHS-funded lines (£1,144.00 a year)"],"route":"resource_allocation_group","submitted_at":"2026-04-01T09:00:00.000Z"},"stage":"awaiting_sign_off"})json";
const char* kDetails = R"json({"accommodation_status":"tenant","address":"225 Normanton Road, Derby","cares_for":null,"client_group":"learning_disability","date_of_birth":"2002-03-06","employment_status":"not_in_paid_employment_seeking_work","family_name":"Clarke","given_name":"Joan","has_unpaid_carer":false,"latitude":52.925599999999996,"locality":"East","longitude":-1.4254,"nhs_number":"9994476572","postcode":"DE21 9FH","primary_support_reason":"learning_disability_support","team":"East adults team"})json";
const char* kCarerDetails = R"json({"accommodation_status":null,"address":null,"cares_for":12,"client_group":"carer","date_of_birth":"1970-01-02","employment_status":null,"family_name":"Hughes","given_name":"Tom","has_unpaid_carer":false,"latitude":null,"locality":"South","longitude":null,"nhs_number":null,"postcode":null,"primary_support_reason":"unknown","team":"Carers team"})json";
const char* kPlan = R"json({"created_at":"2026-11-04T16:54:00.001Z","created_by":"assessor","difference_from_indicative_pence":-69200,"lines":[{"delivery":"council_arranged","description":"Help at home with personal care","nhs_percent":0,"one_off_pence":0,"provider":null,"service_component":"home_support","unit":"hour","unit_cost_pence":1850,"units_per_week":"10.25"},{"delivery":"direct_payment","description":"Bath lift","nhs_percent":0,"one_off_pence":45000,"provider":"Derby Mobility","service_component":"equipment","unit":"one_off","unit_cost_pence":0,"units_per_week":"0"},{"delivery":"council_arranged","description":"Community nursing","nhs_percent":100,"one_off_pence":0,"provider":null,"service_component":"professional_support","unit":"hour","unit_cost_pence":2200,"units_per_week":"2"}],"outcomes":["To stay living in my own home"],"totals":{"annual_council_pence":962000,"annual_nhs_pence":228800,"annual_pence":1190800,"by_delivery":{"council_arranged":1190800,"direct_payment":0,"individual_service_fund":0},"one_off_pence":0,"weekly_pence":22900},"version":1})json";
const char* kMembers = R"json([{"agency":"demo-council","name":"Chris Allen","role":"Head of adult social care (chair)"},{"agency":"demo-nhs","name":"Dr Helen Shaw","role":"Continuing healthcare lead"}])json";
const char* kDecisions = R"json([{"agreed_annual_pence":2369063,"outcome":"approve_changed_amount","person_id":182,"plan_version":1,"reason":"Two carers"},{"agreed_annual_pence":null,"outcome":"return","person_id":165,"plan_version":2,"reason":"More detail"}])json";

TEST(JourneyDocuments, StoredCaseStatesReadAndAreWrittenAgainUnchanged) {
  for (const char* text : {kActiveWithProtection, kCarer, kAwaitingPanel}) {
    const Json stored = Json::parse(text);
    const journey::CaseState state = ok(case_state_from_json(stored));
    EXPECT_EQ(case_state_to_json(state).dump(), stored.dump());
    EXPECT_EQ(ok(case_state_from_json(case_state_to_json(state))), state);
  }
  const journey::CaseState state = ok(case_state_from_json(Json::parse(kActiveWithProtection)));
  ASSERT_TRUE(state.agreed_budget);
  EXPECT_EQ(state.agreed_budget->from_source(journey::FundingSource::kCouncil).pence(), 2085938);
  EXPECT_EQ(state.agreed_budget->start, day("2026-04-09"));
  EXPECT_EQ(state.protection->annual.pence(), 205000);
  EXPECT_EQ(state.previous_package_annual, Money::from_pence(2290938));
  EXPECT_EQ(state.indicative_budget->assessed_at, Instant{std::chrono::sys_days{day("2026-03-26").ymd()}} +
                                                      std::chrono::hours(15) + std::chrono::minutes(20) +
                                                      std::chrono::milliseconds(1));
}

TEST(JourneyDocuments, ANewRecordsStateHasEveryFieldNull) {
  EXPECT_EQ(case_state_to_json(journey::CaseState{}).dump(),
            R"({"agreed_budget":null,"carer":null,"enablement":null,"indicative_budget":null,"last_review":null,)"
            R"("plan_version":null,"previous_package_annual_pence":null,"protection":null,"sign_off":null,"stage":null})");
  // A field an older document lacks reads as absent.
  EXPECT_EQ(ok(case_state_from_json(Json::parse(R"({"stage":"screening"})"))).stage, journey::Stage::kScreening);
}

TEST(JourneyDocuments, AStoredStateThatDoesNotReadReportsEveryPath) {
  Json stored = Json::parse(kActiveWithProtection);
  stored["stage"] = "flying";
  stored["agreed_budget"]["by_funding"].erase("nhs");
  stored["agreed_budget"]["decided_by"] = "chance";
  stored["indicative_budget"]["assessed_at"] = "yesterday";
  stored["protection"]["review_due"] = 3;
  stored["carer"] = Json{{"first_stage", {{"completed_by", "cat"}}}, {"full_assessment", nullptr}};
  const auto read = case_state_from_json(stored);
  ASSERT_FALSE(read);
  EXPECT_EQ(paths(read.error()),
            (std::vector<std::string>{"stage", "indicative_budget.assessed_at", "agreed_budget.decided_by",
                                      "agreed_budget.by_funding.nhs", "protection.review_due",
                                      "carer.first_stage.completed_by", "carer.first_stage.impact_score",
                                      "carer.first_stage.refer_for_full_assessment",
                                      "carer.first_stage.universal_support", "carer.first_stage.reasons",
                                      "carer.first_stage.at"}));
  EXPECT_FALSE(case_state_from_json(Json::array()));
}

TEST(JourneyDocuments, DetailsRoundTrip) {
  for (const char* text : {kDetails, kCarerDetails}) {
    const Json stored = Json::parse(text);
    EXPECT_EQ(details_to_json(ok(details_from_json(stored))).dump(), stored.dump());
  }
  EXPECT_EQ(ok(details_from_json(Json::parse(kCarerDetails))).cares_for, 12);
  Json bad = Json::parse(kDetails);
  bad["latitude"] = "north";
  bad["date_of_birth"] = "1999-02-30";
  EXPECT_EQ(paths(details_from_json(bad).error()), (std::vector<std::string>{"date_of_birth", "latitude"}));
}

TEST(JourneyDocuments, ThePersonRecordIsTheDetailsWithTheCase) {
  journey::Person person;
  person.id = 7;
  person.row_version = 3;
  person.created_at = Instant{std::chrono::sys_days{day("2026-04-01").ymd()}};
  person.details = ok(details_from_json(Json::parse(kDetails)));
  person.state = ok(case_state_from_json(Json::parse(kActiveWithProtection)));
  const Json record = person_to_json(person);
  EXPECT_EQ(record["id"], 7);
  EXPECT_EQ(record["row_version"], 3);
  EXPECT_EQ(record["created_at"], "2026-04-01T00:00:00.000Z");
  EXPECT_EQ(record["stage"], "active");
  EXPECT_EQ(record["allowed_steps"], Json({"review", "close"}));
  EXPECT_EQ(record["agreed_budget"], Json::parse(kActiveWithProtection)["agreed_budget"]);
  EXPECT_EQ(record["given_name"], "Joan");
  // The previous package and the last review are the record's own business.
  EXPECT_FALSE(record.contains("previous_package_annual_pence"));
  EXPECT_FALSE(record.contains("last_review"));
  EXPECT_EQ(record.size(), Json::parse(kDetails).size() + 12);
}

TEST(JourneyDocuments, PlanVersionsRoundTrip) {
  const Json stored = Json::parse(kPlan);
  const journey::PlanVersion plan = ok(plan_version_from_json(stored));
  EXPECT_EQ(plan_version_to_json(plan).dump(), stored.dump());
  EXPECT_EQ(plan.plan.lines[0].units_per_week, *Fraction::parse("10.25"));
  EXPECT_EQ(plan.plan.lines[1].unit, journey::PlanUnit::kOneOff);
  EXPECT_TRUE(plan.totals.has_nhs_funding);
  EXPECT_EQ(plan.totals.annual_recurring.pence(), 1190800);
  Json bad = stored;
  bad["lines"][1]["unit"] = "fortnight";
  bad["lines"][2]["units_per_week"] = "two";
  bad["totals"].erase("annual_pence");
  EXPECT_EQ(paths(plan_version_from_json(bad).error()),
            (std::vector<std::string>{"lines[1].unit", "lines[2].units_per_week", "totals.annual_pence"}));
}

TEST(JourneyDocuments, PanelMeetingsRoundTrip) {
  const Json members = Json::parse(kMembers);
  const Json decisions = Json::parse(kDecisions);
  EXPECT_EQ(panel_members_to_json(ok(panel_members_from_json(members))).dump(), members.dump());
  const std::vector<journey::PanelDecision> read = ok(panel_decisions_from_json(decisions));
  EXPECT_EQ(panel_decisions_to_json(read).dump(), decisions.dump());
  EXPECT_EQ(read[1].outcome, journey::DecisionOutcome::kReturn);
  EXPECT_FALSE(read[1].agreed_annual);
  journey::PanelMeeting meeting{4, day("2026-11-17"), ok(panel_members_from_json(members)), read, "panel_member",
                                Instant{std::chrono::sys_days{day("2026-11-17").ymd()}}};
  const Json json = panel_meeting_to_json(meeting);
  EXPECT_EQ(json["held_on"], "2026-11-17");
  EXPECT_EQ(json["decisions"], decisions);
  EXPECT_EQ(json["recorded_at"], "2026-11-17T00:00:00.000Z");
}

TEST(JourneyDocuments, EventPayloadsHaveTheirRecordedShapes) {
  const journey::Enablement enablement{day("2026-04-01"), day("2026-05-13")};
  EXPECT_EQ(event_payload_to_json(journey::Screened{journey::ScreeningOutcome::kEnablement, true, enablement}).dump(),
            R"({"enablement":{"planned_end":"2026-05-13","start":"2026-04-01"},"joint":true,"outcome":"enablement"})");
  EXPECT_EQ(event_payload_to_json(journey::Screened{journey::ScreeningOutcome::kAssessment, false, std::nullopt}).dump(),
            R"({"joint":false,"outcome":"assessment"})");
  EXPECT_EQ(event_payload_to_json(journey::Closed{}).dump(), "{}");
  EXPECT_EQ(event_payload_to_json(journey::SignOffDecided{journey::DecisionOutcome::kReturn, 2, std::nullopt}).dump(),
            R"({"agreed_annual_pence":null,"by":"team_manager","outcome":"return","plan_version":2})");
  const journey::PanelDecision decision{182, 1, journey::DecisionOutcome::kApprove, Money::from_pence(5), "ok"};
  EXPECT_EQ(event_payload_to_json(journey::PanelDecided{decision, 9}).dump(),
            R"({"agreed_annual_pence":5,"by":"resource_allocation_group","meeting_id":9,"outcome":"approve",)"
            R"("person_id":182,"plan_version":1,"reason":"ok"})");
  EXPECT_EQ(event_payload_to_json(journey::PlanSaved{2, Money::from_pence(1006200)}).dump(),
            R"({"annual_pence":1006200,"version":2})");
  EXPECT_STREQ(journey::event_kind(journey::EventPayload{journey::PlanSaved{}}), "plan_saved");
  EXPECT_STREQ(journey::event_kind(journey::EventPayload{journey::SignOffDecided{}}), "sign_off_decision");
}

TEST(JourneyDocuments, AnswersHaveTheShapesDocsApiMdGives) {
  journey::BudgetDrift drift;
  drift.budgets.push_back(journey::DriftRow{1, "Joan", "Clarke", "older_people", "East", std::nullopt,
                                            Money::from_pence(45000), std::nullopt, "equipment", day("2026-04-01")});
  drift.budgets.back().decided_by = journey::DecidedBy::kEquipment;
  drift.people = 1;
  drift.agreed_annual = Money::from_pence(45000);
  drift.without_indicative = journey::DriftUncomparedTotals{1, Money::from_pence(45000)};
  EXPECT_EQ(budget_drift_to_json(drift).dump(),
            R"({"budgets":[{"agreed_annual_pence":45000,"client_group":"older_people","decided_by":"equipment",)"
            R"("difference_pence":null,"family_name":"Clarke","given_name":"Joan","indicative_annual_pence":null,)"
            R"("locality":"East","person_id":1,"reason":"equipment","start":"2026-04-01"}],"totals":{)"
            R"("agreed_annual_pence":45000,"compared":{"agreed_annual_pence":0,"difference_pence":0,)"
            R"("indicative_annual_pence":0,"people":0},"people":1,)"
            R"("without_indicative":{"agreed_annual_pence":45000,"people":1}}})");
  journey::PersonList list;
  list.total = 9;
  list.people.push_back(journey::PersonSummary{3, "Tom", "Hughes", std::nullopt, "carer", "South", "Carers team",
                                               std::nullopt, 12, std::nullopt});
  EXPECT_EQ(person_list_to_json(list).dump(),
            R"({"people":[{"cares_for":12,"client_group":"carer","date_of_birth":null,"family_name":"Hughes",)"
            R"("given_name":"Tom","id":3,"locality":"South","sign_off_route":null,"stage":null,"team":"Carers team"}],)"
            R"("total":9})");
}

}  // namespace
}  // namespace allot::journey_io
