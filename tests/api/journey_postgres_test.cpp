// The personal budget journey through `allot serve --demo` on PostgreSQL, when
// ALLOT_TEST_POSTGRES_URL names a database: the demo caseload loads, and one
// person goes from contact to an agreed budget with the refusals on the way.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

TEST(JourneyPostgres, FromContactToAnAgreedBudget) {
  const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') {
    if (std::getenv("CI") != nullptr) FAIL() << "CI is set but ALLOT_TEST_POSTGRES_URL is not: run scripts/test";
    GTEST_SKIP() << "ALLOT_TEST_POSTGRES_URL is not set: skipping the PostgreSQL journey test (scripts/test sets it)";
  }
  ServerSettings settings;
  settings.database = url;
  std::random_device random;
  settings.env = {{"ALLOT_POSTGRES_SCHEMA", "journey_test_" + std::to_string(::getpid()) + "_" + std::to_string(random())}};
  const auto server = ServerProcess::start(settings);
  const SignedInUser assessor = sign_in(*server, "assessor");
  const SignedInUser panel = sign_in(*server, "panel_member");
  auto call = [&](const SignedInUser& user, const std::string& method, const std::string& target, const Json& body) {
    if (body.is_null()) return server->request(method, target, "", user.bearer_headers());
    return server->request(method, target, body.dump(), json_headers(user.bearer_headers()));
  };

  EXPECT_GT(call(assessor, "GET", "/api/v1/people?stage=active&limit=1", nullptr).json()["total"].get<int>(), 50);

  const ClientResponse created = call(assessor, "POST", "/api/v1/people",
                                      {{"given_name", "Ann"},
                                       {"family_name", "Postgres"},
                                       {"date_of_birth", "1950-01-01"},
                                       {"primary_support_reason", "mental_health_support"},
                                       {"client_group", "mental_health"},
                                       {"locality", "East"},
                                       {"team", "East adults team"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string person = "/api/v1/people/" + std::to_string(created.json()["id"].get<std::int64_t>());
  EXPECT_EQ(call(assessor, "POST", person + "/contacts", {{"route_of_access", "self_funder"}, {"requested_by", "self"}}).status, 201);
  EXPECT_EQ(call(assessor, "POST", person + "/steps/decide", {{"outcome", "approve"}}).status, 403);
  EXPECT_EQ(call(assessor, "POST", person + "/steps/save_plan", {{"expected_version", 0}}).status, 409);
  EXPECT_EQ(call(assessor, "POST", person + "/steps/screen", {{"outcome", "assessment"}}).status, 200);
  const ClientResponse assessed = call(
      assessor, "POST", person + "/steps/assess",
      {{"rulebook_id", "example-adults"},
       {"rulebook_version", 1},
       {"answers", {{"personal_care", "most"}, {"eating_drinking", "some"}, {"mobility", "most"}, {"household", "all"},
                    {"relationships", "some"}, {"community", "lots"}, {"work_learning", "none"}, {"safety", "lots"},
                    {"decisions", "some"}, {"night", "sleepover"}, {"family_support", "none"}}},
       {"eligibility", {{"framework", "banded"}, {"band", "substantial"}}}});
  ASSERT_EQ(assessed.status, 200) << assessed.body;
  const Json plan = {{"expected_version", 0},
                     {"outcomes", {"To keep my flat"}},
                     {"lines", {{{"description", "Support worker"}, {"service_component", "community_supported_living"},
                                 {"unit", "hour"}, {"unit_cost_pence", 2000}, {"units_per_week", 20},
                                 {"delivery", "individual_service_fund"}, {"nhs_percent", 25}}}}};
  EXPECT_EQ(call(assessor, "POST", person + "/steps/save_plan", plan).status, 200);
  EXPECT_EQ(call(assessor, "POST", person + "/steps/save_plan", plan).status, 409);  // stale: version 1 exists
  const ClientResponse submitted = call(assessor, "POST", person + "/steps/submit_plan", {{"version", 1}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["sign_off"]["route"], "resource_allocation_group");
  const ClientResponse meeting = call(
      panel, "POST", "/api/v1/panel/meetings",
      {{"held_on", "2026-04-07"},
       {"members", {{{"name", "Chris Allen"}, {"role", "chair"}, {"agency", "demo-council"}}}},
       {"decisions", {{{"person_id", created.json()["id"]}, {"plan_version", 1}, {"outcome", "approve"},
                       {"reason", "Supported living hours agreed with the NHS"}, {"start", "2026-04-13"}}}}});
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  const Json record = call(assessor, "GET", person, nullptr).json();
  EXPECT_EQ(record["stage"], "active");
  EXPECT_EQ(record["agreed_budget"]["annual_pence"], 2080000);
  EXPECT_EQ(record["agreed_budget"]["by_funding"], Json({{"council", 1560000}, {"nhs", 520000}}));
  EXPECT_EQ(record["agreed_budget"]["by_delivery"]["individual_service_fund"], 2080000);
  const Json timeline = call(assessor, "GET", person + "/timeline", nullptr).json();
  EXPECT_EQ(timeline["events"].size(), 7u);
}

}  // namespace
}  // namespace allot::api::test
