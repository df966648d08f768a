// The authorisation matrix: every role against every route of the route table,
// on a person outside that role's care teams and on an id no one has, through the
// real `allot serve --demo` binary. No refused role reaches a handler (every
// answer is 403, the same for a record that exists and one that does not), no
// list or search names the person, and every refusal leaves an audit entry.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "allot/api/shared/router.h"
#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

const std::vector<std::string>& roles() {
  static const std::vector<std::string> all = {"administrator", "assessor",      "team_manager",
                                               "panel_member",  "finance_officer", "commissioner",
                                               "provider_user", "analyst",       "data_protection_officer",
                                               "person"};
  return all;
}

// The route's pattern with the person's id for {id} on person routes, 1 elsewhere.
std::string target_for(const std::string& pattern, std::int64_t person) {
  static const std::map<std::string, std::string> kValues = {
      {"{v}", "1"}, {"{step}", "save_plan"}, {"{kind}", "plan"}, {"{code}", "x"}, {"{year}", "2026"},
  };
  const bool person_route = pattern.rfind("/api/v1/people/{id}", 0) == 0;
  std::string target;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    if (open == std::string::npos) {
      target += pattern.substr(pos);
      break;
    }
    const std::size_t close = pattern.find('}', open);
    target += pattern.substr(pos, open - pos);
    const std::string name = pattern.substr(open, close - open + 1);
    if (name == "{id}" && person_route) {
      target += std::to_string(person);
    } else {
      const auto found = kValues.find(name);
      target += found == kValues.end() ? "1" : found->second;
    }
    pos = close + 1;
  }
  return target;
}

class AccessMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const std::string& role : roles()) users_[role] = sign_in(*server_, role);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ClientResponse call(const std::string& method, const std::string& target, const std::string& user,
                             const std::string& body = "") {
    return server_->request(method, target, body,
                            body.empty() ? users_.at(user).bearer_headers() : json_headers(users_.at(user).bearer_headers()));
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  // A person only the council works with: not a joint case with the trust, no
  // package from the provider, not awaiting the panel.
  static Json council_only_person() {
    for (const char* stage : {"screening", "enablement", "assessment", "support_planning"}) {
      const Json listed = ok(call("GET", std::string("/api/v1/people?limit=200&stage=") + stage, "assessor"))["people"];
      for (const Json& summary : listed) {
        if (summary["client_group"] == "mental_health" || summary["client_group"] == "carer") continue;
        return ok(call("GET", "/api/v1/people/" + std::to_string(summary["id"].get<std::int64_t>()), "assessor"));
      }
    }
    return nullptr;
  }
  // True if the answer carries the person: a record or summary with their id, or
  // anything naming them by person_id.
  static bool names_person(const Json& json, std::int64_t id) {
    if (json.is_object()) {
      if (json.contains("person_id") && json["person_id"] == id) return true;
      if (json.contains("id") && json["id"] == id && (json.contains("family_name") || json.contains("nhs_number"))) {
        return true;
      }
      for (const auto& [key, value] : json.items()) {
        if (names_person(value, id)) return true;
      }
    } else if (json.is_array()) {
      for (const Json& item : json) {
        if (names_person(item, id)) return true;
      }
    }
    return false;
  }
  static std::int64_t refusals_of(const std::string& user) {
    std::int64_t count = 0;
    std::string before;
    for (;;) {
      const Json page = ok(call("GET", "/api/v1/audit/entries?action=refused&limit=1000&user=" + user + before,
                                "data_protection_officer"));
      count += static_cast<std::int64_t>(page["entries"].size());
      if (page["next_before"].is_null()) break;
      before = "&before=" + std::to_string(page["next_before"].get<std::int64_t>());
    }
    return count;
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* AccessMatrix::server_ = nullptr;
std::map<std::string, SignedInUser> AccessMatrix::users_;

TEST_F(AccessMatrix, NoRoleOffThePersonsCareTeamReachesAnyRouteOfTheirRecordAndGuessedIdsReadTheSame) {
  const Json person = council_only_person();
  ASSERT_TRUE(person.is_object());
  const std::int64_t id = person["id"];
  // Outside this person's care team: the trust, the provider, and the roles that
  // reach no one's record. An id no one has is outside everyone's.
  const std::vector<std::string> outside = {"administrator", "panel_member", "commissioner", "provider_user",
                                            "analyst", "data_protection_officer", "person"};
  std::map<std::string, int> refused;
  int checked = 0;
  for (const Route& route : route_table()) {
    if (route.test_only || route.access == Access::kPublic) continue;
    if (route.pattern.rfind("/api/v1/people/{id}", 0) != 0) continue;
    const std::string method = method_name(route.method);
    const std::string body = route.body == BodyKind::kJson ? "{}" : "";
    for (const std::string& role : roles()) {
      // Break glass is the way onto a record from outside its care team, for the
      // roles that may (BreakGlass tests below); everyone else is refused it too.
      if (route.action == "access.break_glass" && (role == "assessor" || role == "team_manager")) continue;
      const bool off_team = std::find(outside.begin(), outside.end(), role) != outside.end();
      for (const std::int64_t who : off_team ? std::vector<std::int64_t>{id, 999999} : std::vector<std::int64_t>{999999}) {
        SCOPED_TRACE(role + " " + method + " " + target_for(route.pattern, who));
        const ClientResponse response = call(method, target_for(route.pattern, who), role, body);
        EXPECT_EQ(response.status, 403) << response.body;
        EXPECT_EQ(response.body.find(person["nhs_number"].get<std::string>()), std::string::npos);
        ++refused[role];
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 200);
  // Every refusal left an audit entry naming the user.
  for (const auto& [role, count] : refused) {
    EXPECT_GE(refusals_of(role), count) << role;
  }
}

TEST_F(AccessMatrix, NoListOrReadOffTheCareTeamNamesThePerson) {
  const Json person = council_only_person();
  ASSERT_TRUE(person.is_object());
  const std::int64_t id = person["id"];
  const std::string nhs_number = person["nhs_number"].is_string() ? person["nhs_number"].get<std::string>() : "";
  const std::string family = person["family_name"];
  int checked = 0;
  for (const char* role : {"administrator", "panel_member", "commissioner", "provider_user", "analyst",
                                  "data_protection_officer", "person"}) {
    for (const Route& route : route_table()) {
      if (route.test_only || route.method != Method::kGet) continue;
      if (route.pattern.find("audit") != std::string::npos) continue;  // the log names whoever was refused
      for (const std::string& target :
           {target_for(route.pattern, id), target_for(route.pattern, id) + "?limit=200&q=" + family}) {
        SCOPED_TRACE(std::string(role) + " GET " + target);
        const ClientResponse response = call("GET", target, role);
        if (!nhs_number.empty()) {
          EXPECT_EQ(response.body.find(nhs_number), std::string::npos) << response.body.substr(0, 400);
        }
        const Json answer = Json::parse(response.body, nullptr, false);
        EXPECT_FALSE(names_person(answer, id)) << response.body.substr(0, 400);
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 100);
}

TEST_F(AccessMatrix, ListsReturnOnlyPeopleTheUserMayOpen) {
  // The trust's panel member sees joint cases and plans awaiting the panel: every
  // person listed opens, and the administrator's list is empty.
  const Json panel = ok(call("GET", "/api/v1/people?limit=200", "panel_member"));
  ASSERT_GT(panel["total"].get<int>(), 0);
  const Json council = ok(call("GET", "/api/v1/people?limit=1", "assessor"));
  EXPECT_LT(panel["total"].get<int>(), council["total"].get<int>());
  int opened = 0;
  for (const Json& summary : panel["people"]) {
    if (opened++ >= 20) break;
    EXPECT_EQ(call("GET", "/api/v1/people/" + std::to_string(summary["id"].get<std::int64_t>()), "panel_member").status,
              200);
  }
  EXPECT_EQ(ok(call("GET", "/api/v1/people?limit=200", "administrator"))["total"], 0);
}

TEST_F(AccessMatrix, APersonsOwnAccountSeesTheirOwnRecordAndNothingElse) {
  const Json mine = ok(call("GET", "/api/v1/people?limit=200", "person"));
  ASSERT_EQ(mine["total"], 1) << mine.dump();
  const std::int64_t id = mine["people"][0]["id"];
  const std::string own = "/api/v1/people/" + std::to_string(id);
  EXPECT_EQ(call("GET", own, "person").status, 200);
  EXPECT_EQ(call("GET", own + "/plans", "person").status, 200);
  EXPECT_EQ(call("GET", own + "/charging", "person").status, 200);
  // Not the workers' notes, not a change, not anyone else.
  EXPECT_EQ(call("GET", own + "/notes", "person").status, 403);
  EXPECT_EQ(call("PUT", own, "person", "{}").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/people/" + std::to_string(id + 1), "person").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/panel/queue", "person").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/budgets", "person").status, 403);
}

TEST_F(AccessMatrix, ListsRefuseAPageOverTheCapNamingIt) {
  const Json rules = ok(call("GET", "/api/v1/access/rules", "assessor"));
  const int cap = rules["page_cap"];
  const ClientResponse refused = call("GET", "/api/v1/people?limit=" + std::to_string(cap + 1), "assessor");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find(std::to_string(cap)), std::string::npos) << refused.body;
  EXPECT_EQ(call("GET", "/api/v1/people?limit=" + std::to_string(cap), "assessor").status, 200);
}

}  // namespace
}  // namespace allot::api::test
