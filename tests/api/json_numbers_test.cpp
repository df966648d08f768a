// A number no double holds (1e400, a 400-digit integer), anywhere in a JSON body,
// is a 400 naming its field on every route that takes a JSON body: the table
// below is the route table itself, so a new route is covered when it is added.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "allot/api/shared/router.h"
#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

// Fills a route pattern's {parameters} with values of the right shape; the body is
// refused before anything looks them up.
std::string target_for(const std::string& pattern) {
  static const std::map<std::string, std::string> kValues = {
      {"{id}", "1"},       {"{v}", "1"},          {"{step}", "save_plan"}, {"{kind}", "plan"},
      {"{code}", "x"},     {"{fund}", "1"},       {"{year}", "2026"},      {"{person}", "1"},
  };
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
    const auto found = kValues.find(name);
    target += found == kValues.end() ? "1" : found->second;
    pos = close + 1;
  }
  return target;
}

struct Body {
  const char* what;
  std::string text;
  std::string path;  // the issue's path
};

std::vector<Body> bodies() {
  return {
      {"1e400 at the top", R"({"amount_pence": 1e400})", "amount_pence"},
      {"-1E400 in a nested object", R"({"lines": [{"unit_cost_pence": 5}, {"unit_cost_pence": -1E400}]})",
       "lines[1].unit_cost_pence"},
      {"a 400-digit integer", R"({"document": {"a b": )" + std::string(400, '9') + "}}", R"(document["a b"])"},
      {"1e400 as the whole body", "1e400", ""},
  };
}

class JsonNumbers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"administrator", "assessor", "team_manager", "panel_member", "finance_officer",
                             "commissioner", "provider_user", "analyst"}) {
      users_.emplace_back(user, sign_in(*server_, user));
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
  static std::vector<std::pair<std::string, SignedInUser>> users_;
};

ServerProcess* JsonNumbers::server_ = nullptr;
std::vector<std::pair<std::string, SignedInUser>> JsonNumbers::users_;

TEST_F(JsonNumbers, EveryJsonRouteRefusesANumberNoDoubleHoldsWith400NamingTheField) {
  int routes_checked = 0;
  for (const Route& route : route_table()) {
    if (route.test_only || route.body != BodyKind::kJson) continue;
    const std::string target = target_for(route.pattern);
    const std::string method = method_name(route.method);
    for (const Body& body : bodies()) {
      SCOPED_TRACE(method + " " + route.pattern + ": " + body.what);
      // The first user the route admits (anyone, for a public route).
      ClientResponse response;
      std::string who = "nobody";
      if (route.access == Access::kPublic) {
        response = server_->request(method, target, body.text, json_headers());
      } else {
        for (const auto& [user, signed_in] : users_) {
          response = server_->request(method, target, body.text, json_headers(signed_in.bearer_headers()));
          who = user;
          if (response.status != 403) break;
        }
      }
      ASSERT_EQ(response.status, 400) << who << ": " << response.body;
      const Json error = response.json()["error"];
      EXPECT_EQ(error["code"], "malformed");
      ASSERT_EQ(error["issues"].size(), 1u) << response.body;
      EXPECT_EQ(error["issues"][0]["path"], body.path);
      EXPECT_EQ(error["issues"][0]["code"], "malformed");
      EXPECT_NE(error["issues"][0]["message"].get<std::string>().find("expected a number no larger than"),
                std::string::npos);
    }
    ++routes_checked;
  }
  // Every capability's writes: the table is not empty by mistake.
  EXPECT_GE(routes_checked, 20);
}

// A number a double holds but no field takes (1e300) is out of range for its
// field: never a 500, on any JSON route.
TEST_F(JsonNumbers, AHugeNumberThatFitsADoubleIsNeverA500) {
  for (const Route& route : route_table()) {
    if (route.test_only || route.body != BodyKind::kJson) continue;
    const std::string target = target_for(route.pattern);
    const std::string method = method_name(route.method);
    for (const char* number : {"1e300", "-1e300", "123456789012345678901234567890", "1e-400"}) {
      SCOPED_TRACE(method + " " + route.pattern + ": " + number);
      // Every field a body on any route reads as a number, at once.
      Json body = Json::object();
      for (const char* key :
           {"amount_pence", "agreed_annual_pence", "previous_package_annual_pence", "budget_pence", "expected_version",
            "version", "row_version", "rulebook_version", "hours_caring_per_week", "latitude", "longitude",
            "top_slice_percent", "population", "person_id", "plan_version", "cares_for", "annual_pence",
            "weekly_pence", "total_pence", "limit"}) {
        body[key] = Json::parse(number);
      }
      const std::string text = body.dump();
      ClientResponse response;
      if (route.access == Access::kPublic) {
        response = server_->request(method, target, text, json_headers());
      } else {
        for (const auto& [user, signed_in] : users_) {
          response = server_->request(method, target, text, json_headers(signed_in.bearer_headers()));
          if (response.status != 403) break;
        }
      }
      EXPECT_LT(response.status, 500) << response.body;
    }
  }
}

}  // namespace
}  // namespace allot::api::test
