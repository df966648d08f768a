// What deciders and analysts read, through the real `allot serve --demo` binary:
// budgets' drift, whose totals under every filter are computed from exactly the
// rows returned (the comparison's difference is its agreed minus its indicative;
// budgets agreed with no indicative budget, equipment only, are rows too and are
// counted apart); and agencies and users by name, for pages that show who did what.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class DecidersApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "finance_officer"}) users_.emplace(user, sign_in(*server_, user));
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

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* DecidersApi::server_ = nullptr;
std::map<std::string, SignedInUser> DecidersApi::users_;

// The rows of one drift answer summed as a page would, checked against its totals.
void expect_rows_add_up(const Json& drift, const std::string& filter) {
  SCOPED_TRACE(filter);
  std::int64_t agreed = 0, compared_agreed = 0, indicative = 0, difference = 0, compared = 0, without = 0, without_agreed = 0;
  for (const Json& row : drift["budgets"]) {
    const std::int64_t row_agreed = row["agreed_annual_pence"];
    agreed += row_agreed;
    if (row["indicative_annual_pence"].is_null()) {
      EXPECT_TRUE(row["difference_pence"].is_null()) << row.dump();
      ++without;
      without_agreed += row_agreed;
    } else {
      const std::int64_t row_indicative = row["indicative_annual_pence"];
      EXPECT_EQ(row["difference_pence"], row_agreed - row_indicative) << row.dump();
      ++compared;
      compared_agreed += row_agreed;
      indicative += row_indicative;
      difference += row["difference_pence"].get<std::int64_t>();
    }
  }
  const Json& totals = drift["totals"];
  EXPECT_EQ(totals["people"], drift["budgets"].size());
  EXPECT_EQ(totals["agreed_annual_pence"], agreed);
  EXPECT_EQ(totals["compared"], Json({{"people", compared},
                                      {"indicative_annual_pence", indicative},
                                      {"agreed_annual_pence", compared_agreed},
                                      {"difference_pence", compared_agreed - indicative}}));
  EXPECT_EQ(difference, compared_agreed - indicative);
  EXPECT_EQ(totals["without_indicative"], Json({{"people", without}, {"agreed_annual_pence", without_agreed}}));
}

TEST_F(DecidersApi, TotalsReconcileWithTheRowsUnderEveryFilterAndEquipmentBudgetsAreRows) {
  // An equipment-only budget for a person never assessed: no indicative budget.
  const Json person = {{"given_name", "Edith"},          {"family_name", "Drifttest"},
                       {"date_of_birth", "1938-05-02"},  {"primary_support_reason", "physical_support_access_mobility_only"},
                       {"client_group", "older_people"}, {"locality", "Drift Vale"},
                       {"team", "Drift Vale adults team"}};
  const std::int64_t id = ok(call("POST", "/api/v1/people", "assessor", person), 201)["id"];
  const std::string path = "/api/v1/people/" + std::to_string(id);
  ok(call("POST", path + "/contacts", "assessor", {{"route_of_access", "community_other_route"}, {"requested_by", "self"}}), 201);
  ok(call("POST", path + "/steps/screen", "assessor", {{"outcome", "assessment"}}));
  ok(call("POST", path + "/steps/agree_equipment_budget", "assessor",
          {{"description", "Bath lift"}, {"amount_pence", 45000}, {"start", "2026-04-01"}, {"reason", "Minor equipment meets the need"}}));

  const Json everyone = ok(call("GET", "/api/v1/budgets/drift", "finance_officer"));
  ASSERT_GT(everyone["budgets"].size(), 100u);  // the demo council's budgets
  expect_rows_add_up(everyone, "no filter");

  const Json vale = ok(call("GET", "/api/v1/budgets/drift?locality=Drift%20Vale", "finance_officer"));
  ASSERT_EQ(vale["budgets"].size(), 1u);
  EXPECT_EQ(vale["budgets"][0]["person_id"], id);
  EXPECT_EQ(vale["budgets"][0]["decided_by"], "equipment");
  EXPECT_EQ(vale["budgets"][0]["agreed_annual_pence"], 45000);
  expect_rows_add_up(vale, "locality=Drift Vale");
  EXPECT_EQ(vale["totals"]["without_indicative"], Json({{"people", 1}, {"agreed_annual_pence", 45000}}));

  std::int64_t people_in_groups = 0;
  for (const char* group : {"older_people", "learning_disability", "mental_health", "physical_disability"}) {
    const Json drift = ok(call("GET", std::string("/api/v1/budgets/drift?client_group=") + group, "finance_officer"));
    for (const Json& row : drift["budgets"]) EXPECT_EQ(row["client_group"], group);
    expect_rows_add_up(drift, group);
    people_in_groups += drift["totals"]["people"].get<std::int64_t>();
  }
  EXPECT_GT(people_in_groups, 0);
  const Json both = ok(call("GET", "/api/v1/budgets/drift?client_group=older_people&locality=Drift%20Vale&team=", "finance_officer"));
  expect_rows_add_up(both, "client group and locality");
  EXPECT_EQ(both["totals"]["people"], 1);
  const Json none = ok(call("GET", "/api/v1/budgets/drift?client_group=older_people&locality=Nowhere", "finance_officer"));
  EXPECT_EQ(none["budgets"].size(), 0u);
  expect_rows_add_up(none, "no match");
}

TEST_F(DecidersApi, AgenciesAndUsersAreListedByNameForSignedInStaffOnly) {
  EXPECT_EQ(server_->request("GET", "/api/v1/agencies").status, 401);
  EXPECT_EQ(server_->request("GET", "/api/v1/users").status, 401);
  const Json agencies = ok(call("GET", "/api/v1/agencies", "assessor"));
  ASSERT_GE(agencies["agencies"].size(), 4u);
  EXPECT_EQ(agencies["agencies"][1], Json({{"id", "demo-nhs"}, {"kind", "nhs_trust"}, {"name", "Demo NHS Foundation Trust"}}));
  const Json users = ok(call("GET", "/api/v1/users", "finance_officer"));
  Json team_manager;
  for (const Json& user : users["users"]) {
    EXPECT_FALSE(user.contains("roles")) << user.dump();
    EXPECT_FALSE(user.contains("password_hash")) << user.dump();
    if (user["username"] == "team_manager") team_manager = user;
  }
  EXPECT_EQ(team_manager, Json({{"agency", "demo-council"}, {"display_name", "Demo Team manager"}, {"username", "team_manager"}}));
}

}  // namespace
}  // namespace allot::api::test
