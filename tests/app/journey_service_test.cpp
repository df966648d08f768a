// The personal budget journey's use cases against a real store: the steps in
// order, refusals (wrong step, stale versions, bad input) that change nothing,
// sign-off routing, the Resource Allocation Group, protection, reviews, carers,
// equipment-only budgets, audit entries and the demo caseload. Requests are read
// and answers written with journey_io, as the API does.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "allot/app/access/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/demo/demo_data.h"
#include "allot/app/journey/journey_service.h"
#include "allot/journey_io/answers.h"
#include "allot/journey_io/documents.h"
#include "allot/journey_io/requests.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

using Json = nlohmann::json;

Principal staff(const char* username, const char* agency, Role role) {
  Principal principal;
  principal.username = username;
  principal.agency = agency;
  principal.roles = {role};
  return principal;
}

const Principal kAssessor = staff("assessor", "derby-council", Role::kAssessor);
const Principal kManager = staff("team_manager", "derby-council", Role::kTeamManager);
const Principal kPanel = staff("panel_member", "derby-nhs", Role::kPanelMember);

template <typename T, typename ToJson>
Result<Json> as_json(const Result<T>& result, ToJson to_json) {
  if (!result) return fail(result.error());
  return to_json(*result);
}

// The use cases with JSON in and out, as the API's handlers call them.
class JsonJourney {
 public:
  explicit JsonJourney(JourneyService& service) : service_(service) {}

  Result<Json> list_people(const Principal& who, const PersonQuery& query) {
    return as_json(service_.people().list(who, query), journey_io::person_list_to_json);
  }
  Result<Json> get_person(const Principal& who, Id id) {
    return as_json(service_.people().get(who, id), journey_io::person_to_json);
  }
  Result<Json> create_person(const Principal& who, const Json& body) {
    return as_json(service_.people().create(who, journey_io::read_person_details(body)), journey_io::person_to_json);
  }
  Result<Json> record_contact(const Principal& who, Id id, const Json& body) {
    return as_json(service_.steps().record_contact(who, id, journey_io::read_contact(body, builtin_code_lists())),
                   journey_io::person_to_json);
  }
  Result<Json> take_step(const Principal& who, Id id, std::string_view step, const Json& body) {
    auto command = journey_io::read_step(step, body, builtin_code_lists());
    if (!command) return fail(command.error());
    return as_json(service_.steps().take(who, id, *command), journey_io::person_to_json);
  }
  Result<Json> timeline(const Principal& who, Id id) {
    return as_json(service_.reads().timeline(who, id), journey_io::timeline_to_json);
  }
  Result<Json> plans(const Principal& who, Id id) {
    return as_json(service_.plans().list(who, id), journey_io::plans_to_json);
  }
  Result<Json> get_draft(const Principal& who, Id id, std::string_view kind) {
    return as_json(service_.plans().get_draft(who, id, *journey_io::read_draft_kind(kind)), journey_io::draft_to_json);
  }
  Result<Json> save_draft(const Principal& who, Id id, std::string_view kind, const Json& body) {
    return as_json(service_.plans().save_draft(who, id, *journey_io::read_draft_kind(kind), journey_io::read_save_draft(body)),
                   journey_io::draft_to_json);
  }
  Result<Json> carer_first_stage(const Principal& who, Id id, const Json& body) {
    return as_json(service_.carers().first_stage(who, id, journey_io::read_carer_first_stage(body)),
                   journey_io::person_to_json);
  }
  Result<Json> carer_full_assessment(const Principal& who, Id id, const Json& body) {
    return as_json(service_.carers().full_assessment(who, id, journey_io::read_carer_full_assessment(body)),
                   journey_io::person_to_json);
  }
  Result<Json> list_carers(const Principal& who) {
    return as_json(service_.carers().list(who), journey_io::carers_to_json);
  }
  Result<Json> panel_queue(const Principal& who) {
    return as_json(service_.panel().queue(who), journey_io::panel_queue_to_json);
  }
  Result<Json> panel_meetings(const Principal& who) {
    return as_json(service_.panel().meetings(who), journey_io::panel_meetings_to_json);
  }
  Result<Json> record_panel_meeting(const Principal& who, const Json& body) {
    return as_json(service_.panel().record_meeting(who, journey_io::read_panel_meeting(body)),
                   journey_io::panel_meeting_to_json);
  }
  Result<Json> reviews_due(const Principal& who, std::optional<Date> by) {
    return as_json(service_.reads().reviews_due(who, by), journey_io::reviews_due_to_json);
  }
  Result<Json> budget_drift(const Principal& who) {
    return as_json(service_.reads().budget_drift(who), journey_io::budget_drift_to_json);
  }

 private:
  JourneyService& service_;
};

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A valid NHS number (its check digit right) for each n: 943 476 5919 for 0.
std::string nhs_number_for(int n) {
  if (n == 0) return "943 476 5919";
  for (int salt = 0;; ++salt) {
    std::string nine = std::to_string(400000000 + n * 10 + salt);
    int sum = 0;
    for (int digit_idx = 0; digit_idx < 9; ++digit_idx) sum += (nine[static_cast<std::size_t>(digit_idx)] - '0') * (10 - digit_idx);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    return nine + static_cast<char>('0' + check);
  }
}

// Margaret Hughes; another `variant` is another person (one person, one record):
// her own date of birth and NHS number.
Json person_body(int variant = 0) {
  return {{"given_name", "Margaret"},
          {"family_name", "Hughes"},
          {"date_of_birth", Date::parse("1941-03-12")->plus_days(variant).to_string()},
          {"nhs_number", nhs_number_for(variant)},
          {"address", "12 Osmaston Road, Derby"},
          {"postcode", "de1 2ab"},
          {"latitude", 52.91},
          {"longitude", -1.47},
          {"primary_support_reason", "physical_support_personal_care_support"},
          {"client_group", "older_people"},
          {"has_unpaid_carer", true},
          {"accommodation_status", "owner_occupier_or_shared_ownership"},
          {"locality", "South"},
          {"team", "South adults team"}};
}

Json answers() {
  return {{"personal_care", "some"}, {"eating_drinking", "prompting"}, {"mobility", "some"},
          {"household", "some"},     {"relationships", "some"},        {"community", "some"},
          {"work_learning", "none"}, {"safety", "some"},               {"decisions", "none"},
          {"night", "none"},         {"family_support", "some"}};
}

Json assessment(const Json& extra = Json::object()) {
  Json body = {{"rulebook_id", "example-adults"},
               {"rulebook_version", 1},
               {"answers", answers()},
               {"eligibility",
                {{"framework", "care_act"},
                 {"needs_from_impairment_or_illness", true},
                 {"outcomes", {{"personal_hygiene", {"cannot_without_assistance"}}, {"nutrition", {"takes_significantly_longer"}}}},
                 {"significant_impact_on_wellbeing", true}}},
               {"joint", true},
               {"professions", {"social_worker", "community_nurse"}}};
  body.update(extra);
  return body;
}

// 7 hours of home support a week at £18.50, a personal assistant by direct
// payment, NHS-funded nursing, and unpaid support: £193.50 a week.
Json panel_plan(int expected_version) {
  return {{"expected_version", expected_version},
          {"outcomes", {"To stay in my own home", "To see my friends at the lunch club"}},
          {"lines",
           {{{"description", "Help to get up and dressed"}, {"service_component", "home_support"}, {"unit", "hour"},
             {"unit_cost_pence", 1850}, {"units_per_week", 7}, {"delivery", "council_arranged"}, {"nhs_percent", 0}},
            {{"description", "Personal assistant for trips out"}, {"service_component", "home_support"}, {"unit", "hour"},
             {"unit_cost_pence", 1400}, {"units_per_week", "3"}, {"delivery", "direct_payment"}, {"nhs_percent", 0}},
            {{"description", "Community nursing support with medication"}, {"service_component", "professional_support"},
             {"unit", "hour"}, {"unit_cost_pence", 2200}, {"units_per_week", 1}, {"delivery", "council_arranged"},
             {"nhs_percent", 100}},
            {{"description", "Lunch club with neighbours"}, {"service_component", "day_support"}, {"unit", "week"},
             {"unit_cost_pence", 0}, {"units_per_week", 1}, {"delivery", "council_arranged"}, {"nhs_percent", 0}}}}};
}

// £104.06 a week: inside the indicative range (£97.36 to £118.99 a week).
Json modest_plan(int expected_version) {
  return {{"expected_version", expected_version},
          {"outcomes", {"To wash and dress each morning"}},
          {"lines",
           {{{"description", "Help to get up and dressed"}, {"service_component", "home_support"}, {"unit", "hour"},
             {"unit_cost_pence", 1850}, {"units_per_week", "5.625"}, {"delivery", "direct_payment"}, {"nhs_percent", 0}}}}};
}

class Journey : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    for (const char* id : {"example-adults", "example-carers"}) {
      const std::string document = read_source(std::string("data/rulebooks/") + id + ".json");
      ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
        return tx.get<app::RulebookRepository>().publish(RulebookVersion{id, 1, id, *Date::parse("2026-04-01"), document, "analyst", t0()});
      }));
    }
    journey_ = std::make_unique<JourneyService>(store(), clock_);
    service_ = std::make_unique<JsonJourney>(*journey_);
  }
  JsonJourney& service() { return *service_; }

  Id create() { return ok(service().create_person(kAssessor, person_body(made_++)))["id"].get<Id>(); }
  int made_ = 0;
  Json step(Id id, const char* name, const Json& body, const Principal& actor = kAssessor) {
    return ok(service().take_step(actor, id, name, body));
  }
  // A person with an indicative budget of £5,625.00 a year, at support planning.
  Id assessed() {
    const Id id = create();
    ok(service().record_contact(kAssessor, id, {{"route_of_access", "discharge_from_hospital"}, {"requested_by", "hospital"}}));
    step(id, "screen", {{"outcome", "assessment"}, {"joint", true}});
    step(id, "assess", assessment());
    return id;
  }
  std::size_t event_count(Id id) { return ok(service().timeline(kAssessor, id))["events"].size(); }
  // The principal with their agency (a council) on the care team of everyone
  // recorded so far: lists return only the people of the user's care teams.
  Principal on_care_teams(Principal who) {
    who.agency_id = ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Id> {
      Result<Agency> agency = tx.get<AgencyRepository>().find_by_code(who.agency);
      if (!agency) agency = tx.get<AgencyRepository>().add(NewAgency{who.agency, who.agency, AgencyKind::kCouncil}, clock_.now());
      if (!agency) return fail(agency.error());
      const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
      Result<int> joined = tx.get<AccessRepository>().add_agency_to_people("all", agency->id, "lead_agency", today,
                                                                           Actor{"system", who.agency}, clock_.now());
      if (!joined) return fail(joined.error());
      return agency->id;
    }));
    return who;
  }

  std::unique_ptr<JourneyService> journey_;
  std::unique_ptr<JsonJourney> service_;
};

TEST_F(Journey, APersonGoesFromContactToAnAgreedBudgetThroughTheResourceAllocationGroup) {
  const Id id = create();
  Json person = ok(service().get_person(kAssessor, id));
  EXPECT_EQ(person["nhs_number"], "9434765919");
  EXPECT_EQ(person["postcode"], "DE1 2AB");
  EXPECT_TRUE(person["stage"].is_null());
  EXPECT_EQ(person["allowed_steps"], Json({"contact"}));

  person = ok(service().record_contact(kAssessor, id, {{"route_of_access", "discharge_from_hospital"},
                                                       {"requested_by", "hospital"},
                                                       {"joint_screening", true}}));
  EXPECT_EQ(person["stage"], "screening");
  EXPECT_EQ(person["allowed_steps"], Json({"screen", "close"}));
  person = step(id, "screen", {{"outcome", "assessment"}, {"joint", true}});
  EXPECT_EQ(person["stage"], "assessment");
  person = step(id, "assess", assessment());
  EXPECT_EQ(person["stage"], "support_planning");
  EXPECT_EQ(person["indicative_budget"]["annual_pence"], 562500);
  EXPECT_EQ(person["indicative_budget"]["upper_annual_pence"], 618750);
  EXPECT_TRUE(person["indicative_budget"]["eligible"].get<bool>());

  person = step(id, "save_plan", panel_plan(0));
  EXPECT_EQ(person["plan_version"], 1);
  const Json plans = ok(service().plans(kAssessor, id))["plans"];
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0]["totals"]["weekly_pence"], 19350);
  EXPECT_EQ(plans[0]["totals"]["annual_pence"], 1006200);
  EXPECT_EQ(plans[0]["totals"]["annual_nhs_pence"], 114400);
  EXPECT_EQ(plans[0]["difference_from_indicative_pence"], 1006200 - 562500);

  person = step(id, "submit_plan", {{"version", 1}});
  EXPECT_EQ(person["stage"], "awaiting_sign_off");
  EXPECT_EQ(person["sign_off"]["route"], "resource_allocation_group");
  EXPECT_EQ(person["allowed_steps"], Json({"close"}));  // the panel decides, in a meeting
  const Json queue = ok(service().panel_queue(kPanel))["plans"];
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0]["person_id"], id);

  // A team manager cannot sign off a plan that goes to the panel.
  auto refused = service().take_step(kManager, id, "decide", {{"outcome", "approve"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().front().message.find("record the decision in a panel meeting"), std::string::npos);

  // A changed amount without a reason: every problem at once, nothing written.
  const Json meeting = {{"held_on", "2026-04-07"},
                        {"members", {{{"name", "Chris Allen"}, {"role", "chair"}, {"agency", "derby-council"}},
                                     {{"name", "Dr Helen Shaw"}, {"role", "continuing healthcare"}, {"agency", "derby-nhs"}}}},
                        {"decisions", {{{"person_id", id}, {"plan_version", 1}, {"outcome", "approve_changed_amount"},
                                        {"agreed_annual_pence", 900000}, {"start", "2026-04-13"}}}}};
  const std::size_t events_before = event_count(id);
  auto unexplained = service().record_panel_meeting(kPanel, meeting);
  ASSERT_FALSE(unexplained);
  ASSERT_EQ(unexplained.error().size(), 1u);
  EXPECT_EQ(unexplained.error()[0].path, "decisions[0].reason");
  EXPECT_EQ(unexplained.error()[0].code, ErrorCode::kMissingField);
  EXPECT_EQ(event_count(id), events_before);
  EXPECT_TRUE(ok(service().panel_meetings(kPanel))["meetings"].empty());

  Json explained = meeting;
  explained["decisions"][0]["reason"] = "Two-carer support in the mornings; lunch club meets the social outcome";
  const Json recorded = ok(service().record_panel_meeting(kPanel, explained));
  EXPECT_EQ(recorded["decisions"][0]["agreed_annual_pence"], 900000);
  person = ok(service().get_person(kAssessor, id));
  EXPECT_EQ(person["stage"], "active");
  const Json& agreed = person["agreed_budget"];
  EXPECT_EQ(agreed["annual_pence"], 900000);
  EXPECT_EQ(agreed["weekly_pence"], 17308);
  EXPECT_EQ(agreed["start"], "2026-04-13");
  EXPECT_EQ(agreed["review_due"], "2026-06-08");
  EXPECT_EQ(agreed["difference_pence"], 900000 - 562500);
  EXPECT_EQ(agreed["by_delivery"], Json({{"direct_payment", 195349}, {"individual_service_fund", 0}, {"council_arranged", 704651}}));
  EXPECT_EQ(agreed["by_funding"], Json({{"council", 797674}, {"nhs", 102326}}));
  EXPECT_TRUE(ok(service().panel_queue(kPanel))["plans"].empty());

  const Json drift = ok(service().budget_drift(on_care_teams(kAssessor)));
  EXPECT_EQ(drift["totals"]["people"], 1);
  EXPECT_EQ(drift["budgets"][0]["difference_pence"], 337500);

  std::vector<std::string> kinds;
  const Json timeline = ok(service().timeline(kAssessor, id));
  for (const Json& event : timeline["events"]) kinds.push_back(event["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"person_created", "contact", "screen", "assessment_completed", "plan_saved",
                                             "plan_submitted", "panel_decision"}));
}

TEST_F(Journey, AStepNotAllowedNowIsRefusedNamingTheStageAndTheStepsAllowed) {
  const Id id = create();
  auto before_contact = service().take_step(kAssessor, id, "screen", {{"outcome", "assessment"}});
  ASSERT_FALSE(before_contact);
  EXPECT_EQ(before_contact.error()[0].message, "cannot screen: there is no open case; steps allowed: contact");
  ok(service().record_contact(kAssessor, id, {{"route_of_access", "community_other_route"}, {"requested_by", "self"}}));
  auto submit = service().take_step(kAssessor, id, "submit_plan", {{"version", 1}});
  ASSERT_FALSE(submit);
  EXPECT_EQ(submit.error()[0].code, ErrorCode::kConflict);
  EXPECT_EQ(submit.error()[0].message, "cannot submit_plan: the case is at stage screening; steps allowed: screen, close");
  auto again = service().record_contact(kAssessor, id, {{"route_of_access", "community_other_route"}, {"requested_by", "self"}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error()[0].code, ErrorCode::kConflict);
  EXPECT_EQ(ok(service().get_person(kAssessor, id))["stage"], "screening");
}

TEST_F(Journey, AStalePlanSaveIsRefusedAndNothingIsLost) {
  const Id id = assessed();
  step(id, "save_plan", modest_plan(0));
  // Two people both read version 1; the first save wins, the second is refused.
  step(id, "save_plan", panel_plan(1));
  auto stale = service().take_step(kAssessor, id, "save_plan", modest_plan(1));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error()[0].code, ErrorCode::kConflict);
  EXPECT_NE(stale.error()[0].message.find("you read version 1 but it is now version 2"), std::string::npos);
  const Json plans = ok(service().plans(kAssessor, id))["plans"];
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[1]["totals"]["weekly_pence"], 19350);
}

// A user with two roles sees the union of what each sees of the record: as a
// provider the plan's lines their agency delivers, as a finance officer the money.
// The finance role sees no plan, so it does not widen the provider's view of it.
TEST_F(Journey, AProviderWhoIsAlsoAFinanceOfficerSeesTheirOwnLinesWithTheirCostsNoMore) {
  const Id id = assessed();
  Json plan = modest_plan(0);
  plan["lines"][0]["provider"] = "acme-care";
  plan["lines"].push_back({{"description", "Night sitting"}, {"service_component", "home_support"}, {"unit", "hour"},
                           {"unit_cost_pence", 2100}, {"units_per_week", 2}, {"delivery", "council_arranged"},
                           {"nhs_percent", 0}, {"provider", "other-care"}});
  step(id, "save_plan", plan);
  Principal both = staff("acme_finance", "acme-care", Role::kFinanceOfficer);
  both.roles.push_back(Role::kProviderUser);
  both = on_care_teams(both);
  const Principal provider = on_care_teams(staff("acme_provider", "acme-care", Role::kProviderUser));

  const Json seen = ok(service().plans(both, id))["plans"];
  ASSERT_EQ(seen.size(), 1u);
  ASSERT_EQ(seen[0]["lines"].size(), 1u) << seen.dump();
  EXPECT_EQ(seen[0]["lines"][0]["provider"], "acme-care");
  EXPECT_EQ(seen[0]["lines"][0]["unit_cost_pence"], 1850);
  const Json alone = ok(service().plans(provider, id))["plans"];
  ASSERT_EQ(alone[0]["lines"].size(), 1u);
  EXPECT_EQ(alone[0]["lines"][0]["unit_cost_pence"], 0);
  // The record: the money, not the assessment (how the budget was worked out).
  const Json person = ok(service().get_person(both, id));
  ASSERT_TRUE(person["indicative_budget"].is_object()) << person.dump();
  EXPECT_TRUE(person["indicative_budget"]["derivation"].empty()) << person.dump();
}

TEST_F(Journey, DraftsAreSavedAsTheUserTypesWithOptimisticConcurrency) {
  const Id id = assessed();
  const Json first = ok(service().save_draft(kAssessor, id, "plan", {{"row_version", nullptr}, {"document", {{"outcomes", {"To"}}}}}));
  EXPECT_EQ(first["row_version"], 1);
  const Json second = ok(service().save_draft(kAssessor, id, "plan", {{"row_version", 1}, {"document", {{"outcomes", {"To stay"}}}}}));
  EXPECT_EQ(second["row_version"], 2);
  auto stale = service().save_draft(kAssessor, id, "plan", {{"row_version", 1}, {"document", {{"outcomes", {"lost"}}}}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error()[0].code, ErrorCode::kConflict);
  EXPECT_EQ(ok(service().get_draft(kAssessor, id, "plan"))["document"]["outcomes"][0], "To stay");
  // Saving the plan for good removes the draft.
  step(id, "save_plan", modest_plan(0));
  EXPECT_EQ(service().get_draft(kAssessor, id, "plan").error()[0].code, ErrorCode::kNotFound);
}

TEST_F(Journey, BadInputIsRefusedWithEveryProblemAndNothingIsWritten) {
  Json body = person_body();
  body["nhs_number"] = "943 476 5918";
  body["client_group"] = "elderly";
  body.erase("given_name");
  auto refused = service().create_person(kAssessor, body);
  ASSERT_FALSE(refused);
  std::vector<std::string> paths;
  for (const Issue& issue : refused.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"given_name", "nhs_number", "client_group"}));
  EXPECT_EQ(ok(service().list_people(kAssessor, PersonQuery{}))["total"], 0);

  const Id id = assessed();
  const std::size_t events_before = event_count(id);
  Json bad_assessment = assessment();
  bad_assessment["answers"]["mobility"] = "sum";
  auto unknown_answer = service().take_step(kAssessor, id, "assess", bad_assessment);
  ASSERT_FALSE(unknown_answer);
  EXPECT_EQ(unknown_answer.error()[0].path, "answers.mobility");

  Json plan = panel_plan(0);
  plan["lines"][0]["unit_cost_pence"] = -100;
  plan["lines"][1]["delivery"] = "cash";
  plan["outcomes"] = Json::array();
  auto bad_plan = service().take_step(kAssessor, id, "save_plan", plan);
  ASSERT_FALSE(bad_plan);
  paths.clear();
  for (const Issue& issue : bad_plan.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"lines[1].delivery", "outcomes", "lines[0].unit_cost_pence"}));
  EXPECT_EQ(event_count(id), events_before);
  EXPECT_TRUE(ok(service().plans(kAssessor, id))["plans"].empty());
}

TEST_F(Journey, APlanWithinTheRangeIsSignedOffByATeamManagerAndReviewed) {
  const Id id = assessed();
  step(id, "save_plan", modest_plan(0));
  Json person = step(id, "submit_plan", {{"version", 1}});
  EXPECT_EQ(person["sign_off"]["route"], "team_manager");
  auto no_reason = service().take_step(kManager, id, "decide", {{"outcome", "approve"}});
  ASSERT_FALSE(no_reason);  // the plan costs £5,411.12, not the indicative £5,625.00
  EXPECT_EQ(no_reason.error()[0].path, "reason");
  person = step(id, "decide", {{"outcome", "approve"}, {"reason", "Meets the outcomes"}, {"start", "2026-04-06"}}, kManager);
  EXPECT_EQ(person["stage"], "active");
  EXPECT_EQ(person["agreed_budget"]["decided_by"], "team_manager");
  EXPECT_EQ(person["agreed_budget"]["review_due"], "2026-06-01");

  const Principal assessor = on_care_teams(kAssessor);
  Json due = ok(service().reviews_due(assessor, Date::parse("2026-06-01")));
  ASSERT_EQ(due["reviews"].size(), 1u);
  EXPECT_TRUE(due["reviews"][0]["first_review"].get<bool>());
  EXPECT_TRUE(ok(service().reviews_due(assessor, Date::parse("2026-05-31")))["reviews"].empty());

  person = step(id, "review", {{"date", "2026-05-25"}, {"joint", true}, {"outcome", "no_change"}});
  EXPECT_EQ(person["agreed_budget"]["review_due"], "2027-05-25");
  due = ok(service().reviews_due(assessor, Date::parse("2027-06-01")));
  EXPECT_FALSE(due["reviews"][0]["first_review"].get<bool>());

  auto end_without_reason = service().take_step(kAssessor, id, "review", {{"outcome", "end"}});
  ASSERT_FALSE(end_without_reason);
  EXPECT_EQ(end_without_reason.error()[0].path, "reason");
  person = step(id, "review", {{"outcome", "end"}, {"reason", "Moved to live with family in another area"}});
  EXPECT_EQ(person["stage"], "closed");
  EXPECT_TRUE(person["agreed_budget"].is_null());
  EXPECT_EQ(person["allowed_steps"], Json({"contact"}));
}

TEST_F(Journey, ALowerBudgetThanThePreviousPackageIsProtected) {
  const Id id = create();
  ok(service().record_contact(kAssessor, id, {{"route_of_access", "planned_entry_transition"}, {"requested_by", "family"}}));
  step(id, "screen", {{"outcome", "assessment"}});
  step(id, "assess", assessment({{"previous_package_annual_pence", 700000}}));
  step(id, "save_plan", modest_plan(0));
  step(id, "submit_plan", {{"version", 1}});
  const Json person =
      step(id, "decide", {{"outcome", "approve"}, {"reason", "Meets the outcomes"}, {"start", "2026-04-06"}}, kManager);
  EXPECT_EQ(person["protection"]["annual_pence"], 700000 - person["agreed_budget"]["annual_pence"].get<std::int64_t>());
  EXPECT_EQ(person["protection"]["review_due"], "2026-06-01");
}

TEST_F(Journey, EnablementAndTheEquipmentOnlyPath) {
  const Id id = create();
  ok(service().record_contact(kAssessor, id, {{"route_of_access", "community_other_route"}, {"requested_by", "gp"}}));
  Json person = step(id, "screen", {{"outcome", "enablement"}});
  EXPECT_EQ(person["enablement"]["start"], "2026-04-01");
  EXPECT_EQ(person["enablement"]["planned_end"], "2026-05-13");
  person = step(id, "end_enablement", {{"outcome", "reduced_need"}});
  EXPECT_EQ(person["stage"], "assessment");
  person = step(id, "agree_equipment_budget",
                {{"description", "Bath lift"}, {"amount_pence", 45000}, {"reason", "Only equipment is needed"}});
  EXPECT_EQ(person["stage"], "active");
  EXPECT_EQ(person["agreed_budget"]["one_off_pence"], 45000);
  EXPECT_EQ(person["agreed_budget"]["decided_by"], "equipment");
}

TEST_F(Journey, CarersHaveATwoStageAssessmentAndABudget) {
  const Id cared_for = create();
  Json carer_body = person_body();
  carer_body["given_name"] = "Tom";
  carer_body["date_of_birth"] = "1944-07-01";
  carer_body["client_group"] = "carer";
  carer_body["primary_support_reason"] = "unknown";
  carer_body["cares_for"] = cared_for;
  carer_body.erase("nhs_number");
  Json carer = ok(service().create_person(kAssessor, carer_body));
  const Id id = carer["id"].get<Id>();
  EXPECT_EQ(carer["allowed_steps"], Json({"carer_first_stage"}));
  auto too_soon = service().carer_full_assessment(kAssessor, id, {{"rulebook_id", "example-carers"}, {"rulebook_version", 1}, {"answers", Json::object()}});
  ASSERT_FALSE(too_soon);
  EXPECT_EQ(too_soon.error()[0].code, ErrorCode::kConflict);

  carer = ok(service().carer_first_stage(kAssessor, id,
                                          {{"completed_by", "partner_organisation"}, {"hours_caring_per_week", 50},
                                           {"health_impact", 2}, {"breaks_impact", 3}, {"work_learning_impact", 1},
                                           {"relationships_impact", 1}, {"willingness_impact", 0}}));
  EXPECT_TRUE(carer["carer"]["first_stage"]["refer_for_full_assessment"].get<bool>());
  EXPECT_FALSE(carer["carer"]["first_stage"]["universal_support"].empty());
  carer = ok(service().carer_full_assessment(
      kAssessor, id,
      {{"rulebook_id", "example-carers"},
       {"rulebook_version", 1},
       {"answers", {{"hours_caring", "50_plus"}, {"health", "some"}, {"breaks", "never"}, {"work_learning", "some"},
                    {"relationships", "some"}, {"willing", "with_support"}}}}));
  EXPECT_GT(carer["carer"]["full_assessment"]["agreed_annual_pence"].get<std::int64_t>(), 0);
  const Json carers = ok(service().list_carers(on_care_teams(kAssessor)))["carers"];
  ASSERT_EQ(carers.size(), 1u);
  EXPECT_EQ(carers[0]["cares_for"]["id"], cared_for);
}

TEST_F(Journey, EveryReadAndWriteOfAPersonIsAudited) {
  const Id id = create();
  ok(service().get_person(kAssessor, id));
  ok(service().timeline(kManager, id));
  AuditQuery query;
  query.subject = "person:" + std::to_string(id);
  const std::vector<AuditEntry> entries = ok(AuditService(store(), clock_).list(query));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].action, "create");
  EXPECT_EQ(entries[1].action, "read");
  EXPECT_EQ(entries[0].actor, "team_manager");
  EXPECT_EQ(entries[0].detail, "timeline");
}

TEST_F(Journey, TheDemoCaseloadIsDeterministicAndCoversEveryStage) {
  const auto started = std::chrono::steady_clock::now();
  const DemoDataReport report = ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) {
    return load_demo_journey(store(), tx, clock_, DemoDataReport{});
  }));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(report.people, 320);
  EXPECT_GT(report.carers, 50);
  EXPECT_GT(report.panel_meetings, 2);
  // The council holds these records, so its assessor sees them (app/access).
  const Id council = ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<Id> {
    Result<Agency> agency =
        tx.get<AgencyRepository>().add(NewAgency{"derby-council", "Derby City Council", AgencyKind::kCouncil}, clock_.now());
    if (!agency) return fail(agency.error());
    const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
    Result<int> joined = tx.get<AccessRepository>().add_agency_to_people(
        "all", agency->id, "lead_agency", today, Actor{"system", "derby-council"}, clock_.now());
    if (!joined) return fail(joined.error());
    return agency->id;
  }));
  Principal assessor = kAssessor;
  assessor.agency_id = council;
  for (const char* stage : {"screening", "enablement", "assessment", "support_planning", "awaiting_sign_off", "active",
                            "closed"}) {
    PersonQuery query;
    query.stage = stage;
    EXPECT_GT(ok(service().list_people(assessor, query))["total"].get<int>(), 5) << stage;
    // Another agency's panel member sees none of them but the plans awaiting the panel.
    if (std::string_view(stage) != "awaiting_sign_off") {
      EXPECT_EQ(ok(service().list_people(kPanel, query))["total"].get<int>(), 0) << stage;
    }
  }
  EXPECT_GT(ok(service().reviews_due(assessor, std::nullopt))["reviews"].size(), 10u);
  EXPECT_GT(ok(service().panel_queue(kPanel))["plans"].size(), 5u);
  const Json drift = ok(service().budget_drift(assessor));
  EXPECT_GT(drift["totals"]["people"].get<int>(), 100);
  // Lists of people return only those of the user's care teams: none for an agency on none.
  EXPECT_EQ(ok(service().reviews_due(kAssessor, std::nullopt))["reviews"].size(), 0u);
  EXPECT_EQ(ok(service().budget_drift(kAssessor))["totals"]["people"].get<int>(), 0);
}

}  // namespace
}  // namespace allot::app::testing
