// The personal budget journey through the real `allot serve --demo` binary: every
// refusal the API promises (401 and 403 for people's records, 409 for a step not
// allowed now with the steps allowed named, 409 for a stale plan or draft, 422
// with every problem and nothing written) and the audit entries for reads and
// writes. One server serves the whole suite, to keep it quick.
#include <gtest/gtest.h>

#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/storage/open_store.h"
#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

const Json kPerson = {{"given_name", "Margaret"},
                      {"family_name", "Journeytest"},
                      {"date_of_birth", "1941-03-12"},
                      {"nhs_number", "943 476 5919"},
                      {"postcode", "DE1 2AB"},
                      {"primary_support_reason", "physical_support_personal_care_support"},
                      {"client_group", "older_people"},
                      {"locality", "South"},
                      {"team", "South adults team"}};

const Json kAnswers = {{"personal_care", "some"}, {"eating_drinking", "prompting"}, {"mobility", "some"},
                       {"household", "some"},     {"relationships", "some"},        {"community", "some"},
                       {"work_learning", "none"}, {"safety", "some"},               {"decisions", "none"},
                       {"night", "none"},         {"family_support", "some"}};

// A valid NHS number (its check digit right) no other test person has.
std::string unique_nhs_number() {
  static int made = 0;
  while (true) {
    const std::string nine = std::to_string(500000000 + ++made);
    int sum = 0;
    for (int digit_idx = 0; digit_idx < 9; ++digit_idx) sum += (nine[static_cast<std::size_t>(digit_idx)] - '0') * (10 - digit_idx);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    return nine + static_cast<char>('0' + check);
  }
}

// Margaret, each time another person (one person, one record): her own family
// name, date of birth and NHS number.
Json new_person() {
  static int made = 0;
  Json person = kPerson;
  person["family_name"] = "Journeytest" + std::string(1, static_cast<char>('a' + made % 26)) + std::to_string(made);
  person["date_of_birth"] = "19" + std::to_string(20 + made % 70) + "-03-12";
  ++made;
  person["nhs_number"] = unique_nhs_number();
  return person;
}

class JourneyApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "team_manager", "panel_member", "analyst", "provider_user", "finance_officer"}) {
      users_[user] = sign_in(*server_, user);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static ClientResponse call(const std::string& method, const std::string& target, const std::string& user,
                             const Json& body = nullptr) {
    HeaderList headers = users_.at(user).bearer_headers();
    if (body.is_null()) return server_->request(method, target, "", headers);
    return server_->request(method, target, body.dump(), json_headers(headers));
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::vector<std::string> paths(const ClientResponse& response) {
    std::vector<std::string> found;
    const Json body = response.json();
    for (const Json& issue : body["error"]["issues"]) found.push_back(issue["path"]);
    return found;
  }
  static std::string person_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/people/" + std::to_string(id) + rest;
  }
  // A new person at support planning with an indicative budget of £5,625.00.
  static std::int64_t assessed_person() {
    const std::int64_t id = ok(call("POST", "/api/v1/people", "assessor", new_person()), 201)["id"];
    ok(call("POST", person_path(id, "/contacts"), "assessor", {{"route_of_access", "community_other_route"}, {"requested_by", "self"}}), 201);
    ok(call("POST", person_path(id, "/steps/screen"), "assessor", {{"outcome", "assessment"}}));
    ok(call("POST", person_path(id, "/steps/assess"), "assessor",
            {{"rulebook_id", "example-adults"},
             {"rulebook_version", 1},
             {"answers", kAnswers},
             {"eligibility", {{"framework", "banded"}, {"band", "critical"}}}}));
    return id;
  }
  static Json plan(int expected_version, std::int64_t nhs_percent) {
    return {{"expected_version", expected_version},
            {"outcomes", {"To stay in my own home"}},
            {"lines",
             {{{"description", "Help to get up and dressed"}, {"service_component", "home_support"}, {"unit", "hour"},
               {"unit_cost_pence", 1850}, {"units_per_week", "5.625"}, {"delivery", "council_arranged"},
               {"nhs_percent", nhs_percent}}}}};
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* JourneyApi::server_ = nullptr;
std::map<std::string, SignedInUser> JourneyApi::users_;

TEST_F(JourneyApi, PeoplesRecordsNeedSignInAndAStaffRole) {
  EXPECT_EQ(server_->request("GET", "/api/v1/people").status, 401);
  EXPECT_EQ(server_->request("GET", "/api/v1/people/1").status, 401);
  EXPECT_EQ(server_->request("GET", "/api/v1/budgets/drift").status, 401);
  // A provider reads only the people it supports (tests/api/record_parts_test.cpp).
  for (const char* user : {"analyst"}) {
    EXPECT_EQ(call("GET", "/api/v1/people", user).status, 403) << user;
    EXPECT_EQ(call("GET", "/api/v1/people/1", user).status, 403) << user;
    EXPECT_EQ(call("GET", "/api/v1/people/1/timeline", user).status, 403) << user;
    EXPECT_EQ(call("GET", "/api/v1/reviews/due", user).status, 403) << user;
  }
  // Reading is not changing: a finance officer reads, but cannot add a person.
  EXPECT_EQ(call("GET", "/api/v1/budgets/drift", "finance_officer").status, 200);
  EXPECT_EQ(call("POST", "/api/v1/people", "finance_officer", kPerson).status, 403);
  // Only a panel member records the Resource Allocation Group's decisions.
  EXPECT_EQ(call("POST", "/api/v1/panel/meetings", "assessor", Json::object()).status, 403);
  // A browser write without the CSRF token is refused.
  const SignedInUser& assessor = users_.at("assessor");
  EXPECT_EQ(server_->request("POST", "/api/v1/people", kPerson.dump(), json_headers(assessor.cookie_headers(false))).status,
            403);
  EXPECT_EQ(server_->request("POST", "/api/v1/people", new_person().dump(), json_headers(assessor.cookie_headers(true))).status,
            201);
}

TEST_F(JourneyApi, BadDetailsAreRefusedWithEveryProblemAndNothingIsWritten) {
  Json bad = kPerson;
  bad["family_name"] = "Nobodywritten";
  bad["nhs_number"] = "943 476 5918";
  bad["client_group"] = "elderly";
  bad["postcode"] = "not a postcode";
  const ClientResponse refused = call("POST", "/api/v1/people", "assessor", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["error"]["code"], "invalid_value");
  EXPECT_EQ(paths(refused), (std::vector<std::string>{"nhs_number", "postcode", "client_group"}));
  EXPECT_EQ(ok(call("GET", "/api/v1/people?q=nobodywritten", "assessor"))["total"], 0);
}

TEST_F(JourneyApi, AStepNotAllowedNowIs409NamingTheStageAndTheStepsAllowed) {
  const std::int64_t id = ok(call("POST", "/api/v1/people", "assessor", new_person()), 201)["id"];
  ok(call("POST", person_path(id, "/contacts"), "assessor", {{"route_of_access", "prison"}, {"requested_by", "other"}}), 201);
  const ClientResponse refused = call("POST", person_path(id, "/steps/submit_plan"), "assessor", {{"version", 1}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json()["error"]["code"], "conflict");
  EXPECT_EQ(refused.json()["error"]["message"],
            "cannot submit_plan: the case is at stage screening; steps allowed: screen, close");
  const Json person = ok(call("GET", person_path(id), "assessor"));
  EXPECT_EQ(person["stage"], "screening");
  EXPECT_EQ(person["allowed_steps"], Json({"screen", "close"}));
  EXPECT_EQ(call("POST", person_path(id, "/steps/fly"), "assessor", Json::object()).status, 404);
  // No record and a record off the user's care teams read the same: no guessing.
  EXPECT_EQ(call("GET", "/api/v1/people/999999", "assessor").status, 403);
}

TEST_F(JourneyApi, AStalePlanVersionIs409AndNothingIsLost) {
  const std::int64_t id = assessed_person();
  ok(call("POST", person_path(id, "/steps/save_plan"), "assessor", plan(0, 0)));
  ok(call("POST", person_path(id, "/steps/save_plan"), "team_manager", plan(1, 0)));
  const ClientResponse stale = call("POST", person_path(id, "/steps/save_plan"), "assessor", plan(1, 50));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.json()["error"]["message"].get<std::string>().find("you read version 1 but it is now version 2"),
            std::string::npos);
  const Json plans = ok(call("GET", person_path(id, "/plans"), "assessor"))["plans"];
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[1]["created_by"], "team_manager");
  EXPECT_EQ(plans[1]["lines"][0]["nhs_percent"], 0);

  // Drafts saved as the user types: a stale row_version is refused too.
  EXPECT_EQ(ok(call("PUT", person_path(id, "/drafts/plan"), "assessor", {{"row_version", nullptr}, {"document", {{"a", 1}}}}))["row_version"], 1);
  EXPECT_EQ(ok(call("PUT", person_path(id, "/drafts/plan"), "assessor", {{"row_version", 1}, {"document", {{"a", 2}}}}))["row_version"], 2);
  EXPECT_EQ(call("PUT", person_path(id, "/drafts/plan"), "team_manager", {{"row_version", 1}, {"document", {{"a", 3}}}}).status, 409);
  EXPECT_EQ(ok(call("GET", person_path(id, "/drafts/plan"), "assessor"))["document"], Json({{"a", 2}}));
}

TEST_F(JourneyApi, BadStepInputIs422WithEveryProblem) {
  const std::int64_t id = assessed_person();
  Json bad = plan(0, 0);
  bad["lines"][0]["unit_cost_pence"] = -1850;
  bad["lines"][0]["service_component"] = "magic";
  bad["outcomes"] = Json::array();
  const ClientResponse refused = call("POST", person_path(id, "/steps/save_plan"), "assessor", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(paths(refused), (std::vector<std::string>{"lines[0].service_component", "outcomes", "lines[0].unit_cost_pence"}));
  const ClientResponse answers = call("POST", person_path(id, "/steps/assess"), "assessor",
                                      {{"rulebook_id", "example-adults"},
                                       {"rulebook_version", 1},
                                       {"answers", {{"mobility", "sum"}}},
                                       {"eligibility", {{"framework", "banded"}, {"band", "severe"}}}});
  EXPECT_EQ(answers.status, 422);
  EXPECT_GE(paths(answers).size(), 10u);  // the bad band, the unknown answer and every unanswered question
  EXPECT_EQ(ok(call("GET", person_path(id, "/plans"), "assessor"))["plans"].size(), 0u);
}

TEST_F(JourneyApi, ThePanelNeedsAReasonWhenTheAmountDiffersAndThenPutsTheBudgetInPlace) {
  const std::int64_t id = assessed_person();
  ok(call("POST", person_path(id, "/steps/save_plan"), "assessor", plan(0, 100)));
  const Json submitted = ok(call("POST", person_path(id, "/steps/submit_plan"), "assessor", {{"version", 1}}));
  EXPECT_EQ(submitted["sign_off"]["route"], "resource_allocation_group");
  // The team manager's own sign-off does not apply to a plan routed to the panel.
  EXPECT_EQ(call("POST", person_path(id, "/steps/decide"), "team_manager", {{"outcome", "approve"}}).status, 409);
  EXPECT_EQ(call("POST", person_path(id, "/steps/decide"), "assessor", {{"outcome", "approve"}}).status, 403);

  Json meeting = {{"held_on", "2026-04-07"},
                  {"members", {{{"name", "Chris Allen"}, {"role", "chair"}, {"agency", "demo-council"}}}},
                  {"decisions", {{{"person_id", id}, {"plan_version", 1}, {"outcome", "approve_changed_amount"},
                                  {"agreed_annual_pence", 600000}}}}};
  const ClientResponse refused = call("POST", "/api/v1/panel/meetings", "panel_member", meeting);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(paths(refused), (std::vector<std::string>{"decisions[0].reason"}));
  EXPECT_EQ(ok(call("GET", person_path(id), "assessor"))["stage"], "awaiting_sign_off");

  meeting["decisions"][0]["reason"] = "Two carers needed in the mornings";
  const Json recorded = ok(call("POST", "/api/v1/panel/meetings", "panel_member", meeting), 201);
  EXPECT_EQ(ok(call("GET", "/api/v1/panel/meetings/" + std::to_string(recorded["id"].get<std::int64_t>()), "assessor")),
            recorded);
  const Json person = ok(call("GET", person_path(id), "assessor"));
  EXPECT_EQ(person["stage"], "active");
  EXPECT_EQ(person["agreed_budget"]["annual_pence"], 600000);
  EXPECT_EQ(person["agreed_budget"]["by_funding"], Json({{"council", 0}, {"nhs", 600000}}));
  // Deciding the same plan again is refused by its state.
  EXPECT_EQ(call("POST", "/api/v1/panel/meetings", "panel_member", meeting).status, 409);
  const Json drift = ok(call("GET", "/api/v1/budgets/drift", "finance_officer"));
  Json listed;
  for (const Json& row : drift["budgets"]) {
    if (row["person_id"] == id) listed = row;
  }
  EXPECT_EQ(listed["indicative_annual_pence"], 562500) << listed.dump();
  EXPECT_EQ(listed["difference_pence"], 600000 - 562500) << listed.dump();
}

TEST_F(JourneyApi, EveryReadAndWriteOfAPersonIsAudited) {
  const std::int64_t id = ok(call("POST", "/api/v1/people", "assessor", new_person()), 201)["id"];
  ok(call("GET", person_path(id), "finance_officer"));
  ok(call("GET", person_path(id, "/timeline"), "team_manager"));
  auto store = storage::open_store(server_->folder() + "/allot.sqlite");
  ASSERT_TRUE(store) << format_issues(store.error());
  app::AuditQuery query;
  query.subject = "person:" + std::to_string(id);
  const auto entries = app::in_transaction(**store, app::Access::kRead,
                                           [&](app::Transaction& tx) { return tx.get<app::AuditRepository>().list(query); });
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[2].action, "create");
  EXPECT_EQ((*entries)[2].actor, "assessor");
  EXPECT_EQ((*entries)[2].agency, "demo-council");
  EXPECT_EQ((*entries)[1].action, "read");
  EXPECT_EQ((*entries)[1].actor, "finance_officer");
  EXPECT_EQ((*entries)[0].detail, "timeline");
}

TEST_F(JourneyApi, TheDemoCouncilHasACaseloadInEveryStage) {
  for (const char* stage : {"screening", "enablement", "assessment", "support_planning", "awaiting_sign_off", "active",
                            "closed"}) {
    EXPECT_GT(ok(call("GET", std::string("/api/v1/people?limit=1&stage=") + stage, "assessor"))["total"].get<int>(), 5)
        << stage;
  }
  EXPECT_FALSE(ok(call("GET", "/api/v1/panel/queue", "panel_member"))["plans"].empty());
  EXPECT_FALSE(ok(call("GET", "/api/v1/panel/meetings", "panel_member"))["meetings"].empty());
  EXPECT_FALSE(ok(call("GET", "/api/v1/reviews/due", "assessor"))["reviews"].empty());
  EXPECT_FALSE(ok(call("GET", "/api/v1/carers", "assessor"))["carers"].empty());
}

}  // namespace
}  // namespace allot::api::test
