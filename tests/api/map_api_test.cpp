// The map of care and a provider's week through the real `allot serve --demo`
// binary on SQLite and PostgreSQL: the demo county's packages, bases, localities
// and community opportunities as points; filters by provider and service; a
// provider's own staff see only their provider; bad filters named; the week's
// problem for one day, solvable by the engine, with names beside its ids.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "backend_fixture.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class MapApi : public BackendServerTest {
 protected:
  void SetUp() override { start("map", {"commissioner", "analyst", "provider_user", "assessor"}); }

  Json get(const std::string& user, const std::string& target, int status = 200) {
    const ClientResponse response = call(user, "GET", target);
    EXPECT_EQ(response.status, status) << target << ": " << response.body;
    return response.json();
  }
  std::int64_t provider_id(const Json& map, const std::string& name) {
    for (const Json& provider : map["providers"]) {
      if (provider["name"] == name) return provider["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "no provider " << name;
    return 0;
  }
};

TEST_P(MapApi, TheDemoCountyIsOnTheMapAndFiltersNarrowWhatIsDrawn) {
  const Json all = get("commissioner", "/api/v1/care-at-home/map");
  EXPECT_EQ(all["providers"].size(), 16u);
  EXPECT_GT(all["packages"].size(), 3000u);
  EXPECT_EQ(all["packages_without_place"], 0);
  EXPECT_EQ(all["bases"].size(), 32u);  // two for each provider
  EXPECT_EQ(all["community"].size(), 16u);
  std::set<std::string> localities;
  for (const Json& locality : all["localities"]) {
    localities.insert(locality["name"].get<std::string>());
    // Every locality sits in East Lothian.
    EXPECT_NEAR(locality["latitude"].get<double>(), 55.98, 0.12) << locality.dump();
    EXPECT_NEAR(locality["longitude"].get<double>(), -2.75, 0.35) << locality.dump();
  }
  EXPECT_EQ(localities.size(), 16u);
  EXPECT_TRUE(localities.contains("Dunbar") && localities.contains("Musselburgh")) << all["localities"].dump();

  const std::int64_t brunton = provider_id(all, "Brunton Care Services");
  const Json one = get("analyst", "/api/v1/care-at-home/map?provider=" + std::to_string(brunton));
  EXPECT_GT(one["packages"].size(), 100u);
  for (const Json& package : one["packages"]) EXPECT_EQ(package["provider_id"], brunton);
  // The demo county's people by name to the commissioner; never to the analyst.
  for (const Json& package : all["packages"]) EXPECT_TRUE(package["person_name"].is_string()) << package.dump();
  for (const Json& package : one["packages"]) EXPECT_TRUE(package["person_name"].is_null()) << package.dump();
  EXPECT_EQ(one["bases"].size(), 2u);
  EXPECT_EQ(one["localities"], all["localities"]) << "filtering never moves the localities";

  const Json specialist = get("commissioner", "/api/v1/care-at-home/map?service=specialist_support");
  EXPECT_GT(specialist["packages"].size(), 0u);
  EXPECT_LT(specialist["packages"].size(), all["packages"].size());
  for (const Json& package : specialist["packages"]) EXPECT_EQ(package["service"], "specialist_support");

  const ClientResponse bad = call("commissioner", "GET", "/api/v1/care-at-home/map?provider=99999&service=gardening");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()["error"]["issues"].size(), 2u) << bad.body;
  EXPECT_EQ(call("commissioner", "GET", "/api/v1/care-at-home/map?provider=x").status, 422);
}

TEST_P(MapApi, AProvidersOwnStaffSeeOnlyTheirProviderAndCaseworkRolesNothing) {
  const Json own = get("provider_user", "/api/v1/care-at-home/map");
  ASSERT_EQ(own["providers"].size(), 1u);
  EXPECT_EQ(own["providers"][0]["name"], "Allanbank Home Care");
  const std::int64_t allanbank = own["providers"][0]["id"].get<std::int64_t>();
  EXPECT_GT(own["packages"].size(), 100u);
  for (const Json& package : own["packages"]) EXPECT_EQ(package["provider_id"], allanbank);
  for (const Json& base : own["bases"]) EXPECT_EQ(base["provider_id"], allanbank);
  get("assessor", "/api/v1/care-at-home/map", 403);
}

TEST_P(MapApi, AProvidersDayIsAProblemTheEngineReadsWithNamesBesideItsIds) {
  const Json mine = get("provider_user", "/api/v1/care-at-home/weeks");
  ASSERT_EQ(mine["providers"].size(), 1u);
  const std::string allanbank = std::to_string(mine["providers"][0]["id"].get<std::int64_t>());
  const Json week = get("provider_user", "/api/v1/care-at-home/providers/" + allanbank + "/week?day=2");
  EXPECT_EQ(week["day_name"], "Wednesday");
  ASSERT_GT(week["visits"].size(), 50u);
  ASSERT_GT(week["carers"].size(), 5u);
  EXPECT_EQ(week["problem"]["visits"].size(), week["visits"].size());
  EXPECT_EQ(week["problem"]["carers"].size(), week["carers"].size());
  for (const Json& carer : week["carers"]) EXPECT_FALSE(carer["name"].get<std::string>().empty());
  // People by name and town, not by the reference the demo packages came with.
  for (const Json& visit : week["visits"]) {
    const std::string person = visit["person"].get<std::string>();
    EXPECT_TRUE(person.rfind("EL-", 0) != 0 && person.find(" in ") != std::string::npos) << person;
  }
  EXPECT_EQ(week["visits_by_day"][2], week["visits"].size());
  // The engine takes the problem as it is.
  const ClientResponse job = call("provider_user", "POST", "/api/v1/solver/jobs",
                                     {{"problem", week["problem"]}, {"time_limit_seconds", 0.5}});
  EXPECT_EQ(job.status, 202) << job.body;

  // Another provider's week is refused to a provider's staff, not to a commissioner.
  const Json every = get("commissioner", "/api/v1/care-at-home/weeks");
  EXPECT_EQ(every["providers"].size(), 16u);
  std::string other;
  for (const Json& provider : every["providers"]) {
    if (provider["name"] == "Brunton Care Services") other = std::to_string(provider["id"].get<std::int64_t>());
  }
  get("provider_user", "/api/v1/care-at-home/providers/" + other + "/week", 403);
  get("commissioner", "/api/v1/care-at-home/providers/" + other + "/week?day=6");
  get("commissioner", "/api/v1/care-at-home/providers/" + other + "/week?day=7", 422);
  get("commissioner", "/api/v1/care-at-home/providers/99999/week", 404);
  get("analyst", "/api/v1/care-at-home/weeks", 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, MapApi, ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace allot::api::test
