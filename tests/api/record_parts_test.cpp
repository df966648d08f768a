// The parts of a person's record each role sees (app/access/permissions.cpp), and
// the lists that return people, through the real `allot serve --demo` binary: a
// finance officer on the care team sees the money, not the assessment or the case
// work; a panel member what the panel needs; every list names only people the
// user may open.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class RecordParts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "team_manager", "panel_member", "provider_user", "finance_officer",
                             "administrator", "commissioner"}) {
      users_[user] = sign_in(*server_, user);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ClientResponse call(const std::string& method, const std::string& target, const std::string& user) {
    return server_->request(method, target, "", users_.at(user).bearer_headers());
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::string person(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/people/" + std::to_string(id) + rest;
  }
  // A person whose record shows how their budget was worked out, as the assessor sees it.
  static Json assessed_person(const std::string& stage) {
    const Json listed = ok(call("GET", "/api/v1/people?limit=50&stage=" + stage, "assessor"))["people"];
    for (const Json& summary : listed) {
      const Json record = ok(call("GET", person(summary["id"].get<std::int64_t>()), "assessor"));
      if (record["indicative_budget"].is_object() && !record["indicative_budget"]["derivation"].empty()) return record;
    }
    return nullptr;
  }
  // Every person a list answer names: rows with person_id, records and summaries
  // with an id and a family name.
  static void people_named(const Json& json, std::set<std::int64_t>& found) {
    if (json.is_object()) {
      if (json.contains("person_id") && json["person_id"].is_number_integer()) found.insert(json["person_id"].get<std::int64_t>());
      if (json.contains("id") && json["id"].is_number_integer() && json.contains("family_name")) {
        found.insert(json["id"].get<std::int64_t>());
      }
      for (const auto& [key, value] : json.items()) people_named(value, found);
    } else if (json.is_array()) {
      for (const Json& item : json) people_named(item, found);
    }
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* RecordParts::server_ = nullptr;
std::map<std::string, SignedInUser> RecordParts::users_;

TEST_F(RecordParts, TheRulesNameThePartsEachRoleSees) {
  const Json rules = ok(call("GET", "/api/v1/access/rules", "finance_officer"));
  std::map<std::string, Json> parts;
  for (const Json& role : rules["roles"]) parts[role["role"]] = role["parts"];
  EXPECT_EQ(parts["finance_officer"], (Json{"identity", "money"}));
  EXPECT_EQ(parts["panel_member"], (Json{"identity", "assessment", "plan", "money"}));
  EXPECT_EQ(parts["provider_user"], (Json{"identity", "plan", "diary"}));
  EXPECT_EQ(parts["administrator"], Json::array());
  EXPECT_EQ(parts["assessor"].size(), 6u);
}

TEST_F(RecordParts, AFinanceOfficerOnTheCareTeamSeesTheMoneyNotTheAssessmentOrTheCaseWork) {
  const Json full = assessed_person("support_planning");
  ASSERT_TRUE(full.is_object());
  const std::int64_t id = full["id"];
  const Json seen = ok(call("GET", person(id), "finance_officer"));
  // Identity and money, as the assessor sees them.
  EXPECT_EQ(seen["family_name"], full["family_name"]);
  EXPECT_EQ(seen["nhs_number"], full["nhs_number"]);
  ASSERT_TRUE(seen["indicative_budget"].is_object()) << seen.dump();
  EXPECT_EQ(seen["indicative_budget"]["annual_pence"], full["indicative_budget"]["annual_pence"]);
  // Not how the assessment's answers worked the budget out.
  EXPECT_TRUE(seen["indicative_budget"]["derivation"].empty()) << seen.dump();
  EXPECT_TRUE(seen["indicative_budget"]["eligibility_reasons"].empty());
  for (const Json& line : full["indicative_budget"]["derivation"]) {
    EXPECT_EQ(call("GET", person(id), "finance_officer").body.find(line.get<std::string>()), std::string::npos);
  }
  // The case work, the drafts of assessments and the plan are not theirs.
  for (const char* rest : {"/timeline", "/drafts/assessment", "/drafts/plan", "/plans"}) {
    SCOPED_TRACE(rest);
    const ClientResponse refused = call("GET", person(id, rest), "finance_officer");
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_NE(refused.body.find("part of a person's record"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(call("GET", person(id, "/notes"), "finance_officer").status, 403);
  // The money is.
  EXPECT_EQ(call("GET", person(id, "/charging"), "finance_officer").status, 200);
}

TEST_F(RecordParts, APanelMemberSeesWhatThePanelNeeds) {
  const Json queue = ok(call("GET", "/api/v1/panel/queue", "panel_member"));
  ASSERT_FALSE(queue["plans"].empty()) << queue.dump();
  const std::int64_t id = queue["plans"][0]["person_id"];
  const Json full = ok(call("GET", person(id), "assessor"));
  const Json seen = ok(call("GET", person(id), "panel_member"));
  // The plan, the budget and how it was worked out.
  EXPECT_EQ(seen["sign_off"], full["sign_off"]);
  EXPECT_EQ(seen["indicative_budget"], full["indicative_budget"]);
  EXPECT_EQ(call("GET", person(id, "/plans"), "panel_member").status, 200);
  // Not the workers' case history, drafts or notes, nor the financial assessment.
  for (const char* rest : {"/timeline", "/drafts/assessment", "/notes", "/charging"}) {
    SCOPED_TRACE(rest);
    EXPECT_EQ(call("GET", person(id, rest), "panel_member").status, 403);
  }
}

TEST_F(RecordParts, AProviderSeesThePeopleItSupportsThePlanItDeliversAndTheDiaryNeverMoney) {
  const Json listed = ok(call("GET", "/api/v1/people?limit=50&stage=active", "provider_user"));
  ASSERT_FALSE(listed["people"].empty()) << listed.dump();
  EXPECT_LT(listed["total"].get<int>(), ok(call("GET", "/api/v1/people?limit=1&stage=active", "assessor"))["total"].get<int>());
  const std::int64_t id = listed["people"][0]["id"];
  const Json full = ok(call("GET", person(id), "assessor"));
  ASSERT_TRUE(full["agreed_budget"].is_object());
  const Json seen = ok(call("GET", person(id), "provider_user"));
  // Who and where the person is, and the plan; not the money or the assessment.
  EXPECT_EQ(seen["family_name"], full["family_name"]);
  EXPECT_EQ(seen["address"], full["address"]);
  EXPECT_EQ(seen["plan_version"], full["plan_version"]);
  EXPECT_TRUE(seen["agreed_budget"].is_null()) << seen.dump();
  EXPECT_TRUE(seen["indicative_budget"].is_null());
  EXPECT_TRUE(seen["protection"].is_null());
  // The plan's lines this provider delivers, without their costs.
  const Json all_lines = ok(call("GET", person(id, "/plans"), "assessor"));
  const Json plans = ok(call("GET", person(id, "/plans"), "provider_user"));
  ASSERT_EQ(plans["plans"].size(), all_lines["plans"].size()) << plans.dump();
  for (const Json& plan : plans["plans"]) {
    EXPECT_EQ(plan["totals"]["annual_pence"], 0) << plan.dump();
    for (const Json& line : plan["lines"]) {
      EXPECT_TRUE(line["provider"] == "Demo Care at Home Ltd" || line["provider"] == "demo-care") << line.dump();
      EXPECT_EQ(line["unit_cost_pence"], 0);
    }
  }
  EXPECT_EQ(call("GET", person(id, "/diary"), "provider_user").status, 200);
  // Never the finances, the case work or the assessment.
  for (const char* rest : {"/charging", "/timeline", "/drafts/assessment", "/notes", "/care-team"}) {
    SCOPED_TRACE(rest);
    EXPECT_EQ(call("GET", person(id, rest), "provider_user").status, 403);
  }
  EXPECT_EQ(call("GET", "/api/v1/carers", "provider_user").status, 403);
}

TEST_F(RecordParts, EveryListNamesOnlyPeopleTheUserMayOpen) {
  const Json teams = ok(call("GET", "/api/v1/teams", "team_manager"))["teams"];
  ASSERT_FALSE(teams.empty());
  const std::string team = "/api/v1/teams/" + std::to_string(teams[0]["id"].get<std::int64_t>()) + "/caseload";
  const std::vector<std::string> lists = {"/api/v1/reviews/due?by=2030-01-01", "/api/v1/budgets/drift",
                                          "/api/v1/carers", "/api/v1/panel/queue", "/api/v1/caseload", team,
                                          "/api/v1/people?limit=200"};
  std::map<std::string, std::set<std::int64_t>> council;
  for (const std::string& list : lists) {
    const ClientResponse answer = call("GET", list, "assessor");
    if (answer.status == 200) people_named(answer.json(), council[list]);
  }
  int opened = 0;
  for (const char* role : {"panel_member", "finance_officer", "administrator", "provider_user", "team_manager",
                           "commissioner"}) {
    for (const std::string& list : lists) {
      SCOPED_TRACE(std::string(role) + " GET " + list);
      const ClientResponse answer = call("GET", list, role);
      if (answer.status != 200) {
        EXPECT_EQ(answer.status, 403) << answer.body;
        continue;
      }
      std::set<std::int64_t> named;
      people_named(answer.json(), named);
      int checked = 0;
      for (const std::int64_t id : named) {
        if (checked++ >= 15) break;
        EXPECT_EQ(call("GET", person(id), role).status, 200) << "person " << id;
        ++opened;
      }
    }
  }
  EXPECT_GT(opened, 20);
  // The filter does something: the trust's panel member sees fewer reviews due,
  // and the administrator none, of the council's.
  std::set<std::int64_t> panel_reviews;
  people_named(ok(call("GET", lists[0], "panel_member")), panel_reviews);
  EXPECT_LT(panel_reviews.size(), council[lists[0]].size());
  ASSERT_FALSE(council[lists[0]].empty());
  std::set<std::int64_t> admin_team;
  people_named(ok(call("GET", team, "administrator")), admin_team);
  EXPECT_TRUE(admin_team.empty());
}

}  // namespace
}  // namespace allot::api::test
