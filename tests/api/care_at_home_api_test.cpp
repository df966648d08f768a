// The provider framework through the real `allot serve --demo` binary (clock at
// 2026-11-22): the demo's 16 providers with standings that follow their grades,
// a preview that stores nothing, a recorded inspection that moves a provider,
// and who may do what.
#include <gtest/gtest.h>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class CareAtHomeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"commissioner", "analyst", "assessor", "provider_user", "administrator"}) {
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
  static Json provider_named(const std::string& name) {
    const ClientResponse list = call("GET", "/api/v1/providers", "commissioner");
    EXPECT_EQ(list.status, 200) << list.body;
    const Json body = list.json();
    for (const Json& provider : body["providers"]) {
      if (provider["name"] == name) return provider;
    }
    ADD_FAILURE() << "no provider " << name;
    return nullptr;
  }
  static Json grades(int care, int staffing, int management) {
    return {{"Quality of care and support", care},
            {"Quality of staffing", staffing},
            {"Quality of management and leadership", management}};
  }

  static inline ServerProcess* server_ = nullptr;
  static inline std::map<std::string, SignedInUser> users_;
};

TEST_F(CareAtHomeApi, TheDemoFrameworkHasSixteenProvidersSomeUnderTheGates) {
  const ClientResponse list = call("GET", "/api/v1/providers", "analyst");
  ASSERT_EQ(list.status, 200) << list.body;
  int admitted = 0, personal_budget = 0, help_to_live = 0;
  const Json body = list.json();
  for (const Json& provider : body["providers"]) {
    admitted += provider["standing"]["admitted"].get<bool>() ? 1 : 0;
    personal_budget += provider["standing"]["uplift_and_personal_budget"].get<bool>() ? 1 : 0;
    help_to_live += provider["former_framework"] == "help_to_live_at_home" ? 1 : 0;
    // A provider off a gate is told why, in words.
    if (!provider["standing"]["uplift_and_personal_budget"].get<bool>()) {
      EXPECT_FALSE(provider["standing"]["reasons"].empty()) << provider.dump();
    }
  }
  EXPECT_EQ(body["providers"].size(), 16u);
  EXPECT_EQ(help_to_live, 8);
  EXPECT_EQ(admitted, 13);
  EXPECT_EQ(personal_budget, 7);
  const Json dunbar = provider_named("Dunbar Road Carers");
  EXPECT_FALSE(dunbar["standing"]["admitted"].get<bool>());
  EXPECT_NE(dunbar["standing"]["reasons"][0].get<std::string>().find("graded 2 (weak)"), std::string::npos);
}

TEST_F(CareAtHomeApi, APreviewStoresNothingAndARecordedInspectionMovesTheProvider) {
  const Json before = provider_named("Allanbank Home Care");
  ASSERT_TRUE(before["standing"]["uplift_and_personal_budget"].get<bool>());
  const std::string target = "/api/v1/providers/" + std::to_string(before["id"].get<std::int64_t>());
  const Json inspection = {{"date", "2026-11-21"}, {"grades", grades(3, 4, 4)}};

  Json preview = inspection;
  preview["preview"] = true;
  const ClientResponse previewed = call("POST", target + "/inspections", "commissioner", preview);
  ASSERT_EQ(previewed.status, 200) << previewed.body;
  EXPECT_EQ(previewed.json()["consequence"]["summary"], "loses personal budget model eligibility");
  EXPECT_TRUE(previewed.json()["recorded"].is_null());
  EXPECT_EQ(call("GET", target, "commissioner").json()["inspections"].size(), 2u);

  const ClientResponse recorded = call("POST", target + "/inspections", "commissioner", inspection);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const Json after = call("GET", target, "commissioner").json();
  EXPECT_EQ(after["inspections"].size(), 3u);
  EXPECT_EQ(after["last_inspected"], "2026-11-21");
  EXPECT_TRUE(after["standing"]["admitted"].get<bool>());
  EXPECT_FALSE(after["standing"]["uplift_and_personal_budget"].get<bool>());

}

TEST_F(CareAtHomeApi, ANameInUseIsRefusedAndAnUnknownProviderIsNotFound) {
  const Json provider = {{"name", "Brunton Care Services"}, {"services", Json::array({"care_at_home"})}, {"capacity_hours_per_week", 10}};
  const ClientResponse duplicate = call("POST", "/api/v1/providers", "commissioner", provider);
  EXPECT_EQ(duplicate.status, 422) << duplicate.body;
  EXPECT_EQ(duplicate.json()["error"]["issues"][0]["code"], "duplicate");
  EXPECT_EQ(call("GET", "/api/v1/providers/999999", "commissioner").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/providers/abc", "commissioner").status, 404);
  const ClientResponse on_unknown = call("POST", "/api/v1/providers/999999/inspections", "commissioner",
                                         {{"date", "2026-11-01"}, {"grades", grades(4, 4, 4)}});
  EXPECT_EQ(on_unknown.status, 404) << on_unknown.body;
}

TEST_F(CareAtHomeApi, OnlyCommissionersManageTheFrameworkAndCaseworkRolesDoNotReadIt) {
  const Json provider = {{"name", "Anyone's Care"}, {"services", Json::array({"care_at_home"})}, {"capacity_hours_per_week", 10}};
  EXPECT_EQ(call("POST", "/api/v1/providers", "analyst", provider).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/providers", "provider_user", provider).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/providers", "assessor").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/providers", "provider_user").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/providers", "administrator").status, 403);
}

TEST_F(CareAtHomeApi, TheDemoCountysPackagesComeToSeed002sHoursAndCost) {
  const ClientResponse summary = call("GET", "/api/v1/care-packages/summary", "analyst");
  ASSERT_EQ(summary.status, 200) << summary.body;
  const Json body = summary.json();
  EXPECT_EQ(body["as_of"], "2026-11-22");
  EXPECT_EQ(body["total"]["packages"], 3087);
  EXPECT_EQ(body["total"]["carer_minutes_per_week"], 21365 * 60);  // seed 002: 21,388 hours a week
  EXPECT_EQ(body["total"]["annual_pence"], 1'746'304'794);         // seed 002: £17.5M a year
  EXPECT_GT(body["total"]["off_framework"].get<int>(), 0);
  EXPECT_TRUE(body["not_costed"].empty());
  // Every breakdown adds up to the total.
  for (const char* table : {"by_framework", "by_provider", "by_service", "by_client_group"}) {
    std::int64_t annual = 0, minutes = 0, packages = 0;
    for (const Json& line : body[table]) {
      annual += line["annual_pence"].get<std::int64_t>();
      minutes += line["carer_minutes_per_week"].get<std::int64_t>();
      packages += line["packages"].get<std::int64_t>();
    }
    EXPECT_EQ(annual, body["total"]["annual_pence"].get<std::int64_t>()) << table;
    EXPECT_EQ(minutes, body["total"]["carer_minutes_per_week"].get<std::int64_t>()) << table;
    EXPECT_EQ(packages, 3087) << table;
  }
}

TEST_F(CareAtHomeApi, AnOffFrameworkPurchaseIsAllowedFlaggedAndCountedButNotOnThePersonalBudgetModel) {
  const Json dunbar = provider_named("Dunbar Road Carers");
  const Json before = call("GET", "/api/v1/care-packages/summary", "commissioner").json();
  Json package = {{"provider_id", dunbar["id"]},
                  {"person_reference", "EL-77777"},
                  {"client_group", "Older people"},
                  {"service", "care_at_home"},
                  {"starts_on", "2026-11-02"},
                  {"visits", Json::array({{{"day_of_week", 0}, {"start_minute", 480}, {"duration_minutes", 30}}})}};
  const ClientResponse added = call("POST", "/api/v1/care-packages", "commissioner", package);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_TRUE(added.json()["off_framework"].get<bool>());
  EXPECT_EQ(added.json()["warnings"].size(), 1u);
  const Json after = call("GET", "/api/v1/care-packages/summary", "commissioner").json();
  EXPECT_EQ(after["total"]["off_framework"].get<int>(), before["total"]["off_framework"].get<int>() + 1);
  EXPECT_EQ(after["total"]["packages"].get<int>(), before["total"]["packages"].get<int>() + 1);

  package["model"] = "personal_budget";
  const ClientResponse refused = call("POST", "/api/v1/care-packages", "commissioner", package);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json()["error"]["issues"][0]["path"], "model");
  EXPECT_EQ(call("GET", "/api/v1/care-packages/summary", "commissioner").json()["total"]["packages"],
            after["total"]["packages"]);
  EXPECT_EQ(call("POST", "/api/v1/care-packages", "analyst", package).status, 403);
}

}  // namespace
}  // namespace allot::api::test
