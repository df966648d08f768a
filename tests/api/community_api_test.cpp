// The directory of community opportunities through the real `allot serve --demo`
// binary on SQLite and PostgreSQL: the demo's entries searched by locality, kind,
// client group and words; an entry added, placed from the gazetteer by its postcode,
// changed with its earlier version kept, a stale change refused; every problem
// with an entry or an imported row reported with nothing stored; who may do what.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "backend_fixture.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class CommunityApi : public BackendServerTest {
 protected:
  void SetUp() override { start("community", {"assessor", "commissioner", "provider_user", "data_protection_officer"}); }
  std::set<std::string> names(const std::string& query) {
    const ClientResponse found = call("assessor", "GET", "/api/v1/community" + query);
    EXPECT_EQ(found.status, 200) << found.body;
    std::set<std::string> out;
    const Json body = found.json();
    for (const Json& entry : body["entries"]) out.insert(entry["name"].get<std::string>());
    return out;
  }
  static Json cafe() {
    return {{"name", "Kedleston Road Book Group"},
            {"kind", "group"},
            {"locality", "North"},
            {"address", "8 Kedleston Road, Derby"},
            {"postcode", "de22 3rd"},
            {"opening_times", "Mondays 14:00 to 15:30"},
            {"contact", "01332 400999"},
            {"client_groups", {"older_people", "sensory_impairment"}},
            {"charge_pence", 100},
            {"charge_note", "for tea"}};
  }
};

TEST_P(CommunityApi, TheDemoDirectoryIsSearchedByLocalityKindAndClientGroup) {
  const ClientResponse all = call("provider_user", "GET", "/api/v1/community");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["entries"].size(), 16u);
  std::set<std::string> localities;
  const Json body = all.json();
  for (const Json& entry : body["entries"]) {
    localities.insert(entry["locality"].get<std::string>());
    // Every demo entry is on the map.
    EXPECT_TRUE(entry["latitude"].is_number()) << entry.dump();
    EXPECT_EQ(entry["located_by"], "given");
  }
  EXPECT_EQ(localities.size(), 14u);  // the demo county's towns and villages
  EXPECT_EQ(names("?locality=dunbar&kind=group"), std::set<std::string>{"Dunbar Sight Support"});
  // Open to everyone (no client groups) matches any group.
  EXPECT_EQ(names("?client_group=children"), (std::set<std::string>{"East Linton Knit and Natter", "Gullane Walking Group",
                                                                    "Prestonpans Youth Club", "Tranent Wheelchair Football"}));
  EXPECT_EQ(names("?q=DEMENTIA"), (std::set<std::string>{"Dirleton Memory Cafe", "Musselburgh Singing for the Brain"}));
  EXPECT_EQ(names("?locality=Dunbar&client_group=carers"), std::set<std::string>{});
  // Words as a browser sends them: "+" and percent escapes for spaces.
  EXPECT_EQ(names("?q=singing+for%20the&locality=Musselburgh"), std::set<std::string>{"Musselburgh Singing for the Brain"});
  EXPECT_EQ(names("?locality=North%20Berwick"), std::set<std::string>{"North Berwick Lunch Club"});

  const ClientResponse bad = call("assessor", "GET", "/api/v1/community?kind=pub&client_group=everyone");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()["error"]["issues"].size(), 2u) << bad.body;
}

TEST_P(CommunityApi, AnEntryIsAddedPlacedByPostcodeChangedAndItsEarlierVersionKept) {
  const ClientResponse added = call("assessor", "POST", "/api/v1/community", cafe());
  ASSERT_EQ(added.status, 201) << added.body;
  const Json entry = added.json();
  EXPECT_EQ(entry["version"], 1);
  EXPECT_EQ(entry["postcode"], "DE22 3RD");
  EXPECT_EQ(entry["located_by"], "postcode");
  EXPECT_DOUBLE_EQ(entry["latitude"].get<double>(), 52.9356);
  EXPECT_EQ(entry["added_by"], "assessor");
  const std::string target = "/api/v1/community/" + std::to_string(entry["id"].get<std::int64_t>());

  Json change = cafe();
  change["expected_version"] = 1;
  change["opening_times"] = "Mondays and Thursdays 14:00 to 15:30";
  change["latitude"] = 52.95;
  change["longitude"] = "-1.5";
  const ClientResponse changed = call("commissioner", "PUT", target, change);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["version"], 2);
  EXPECT_EQ(changed.json()["located_by"], "given");
  EXPECT_EQ(changed.json()["changed_by"], "commissioner");
  EXPECT_EQ(changed.json()["added_by"], "assessor");
  // A change made from version 1 after version 2 was kept is refused; nothing changes.
  change["opening_times"] = "Never";
  const ClientResponse stale = call("assessor", "PUT", target, change);
  EXPECT_EQ(stale.status, 409) << stale.body;
  const ClientResponse read = call("provider_user", "GET", target);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["opening_times"], "Mondays and Thursdays 14:00 to 15:30");
  ASSERT_EQ(read.json()["history"].size(), 2u);
  EXPECT_EQ(read.json()["history"][1]["opening_times"], "Mondays 14:00 to 15:30");
  EXPECT_EQ(read.json()["history"][1]["changed_by"], "assessor");
  EXPECT_EQ(call("assessor", "GET", "/api/v1/community/99999").status, 404);
}

TEST_P(CommunityApi, EveryProblemIsNamedAndNothingIsStored) {
  Json bad = cafe();
  bad["kind"] = "pub";
  bad["name"] = "   ";
  bad["postcode"] = "nowhere";
  bad["latitude"] = 95;
  bad["client_groups"] = {"older_people", "older_people", "everyone"};
  bad["charge_pence"] = 9000;
  bad.erase("contact");
  const ClientResponse refused = call("assessor", "POST", "/api/v1/community", bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::set<std::string> paths;
  const Json refusal = refused.json();
  for (const Json& issue : refusal["error"]["issues"]) paths.insert(issue["path"].get<std::string>());
  EXPECT_EQ(paths, (std::set<std::string>{"contact", "name", "kind", "postcode", "longitude", "client_groups[1]",
                                          "client_groups[2]", "charge_pence"}))
      << refused.body;
  EXPECT_EQ(names("").size(), 16u);

  const Json csv = {{"source_name", "directory.csv"},
                    {"csv", "name,kind,locality,opening_times,contact,client_groups,charge_pence\n"
                            "Tea dance,activity,East,Fridays 14:00,01332 1,older_people,300\n"
                            "Bad row,pub,West,Sundays,01332 2,older_people;nobody,lots\n"}};
  const ClientResponse rows = call("commissioner", "POST", "/api/v1/community/import", csv);
  ASSERT_EQ(rows.status, 422) << rows.body;
  EXPECT_EQ(rows.json()["error"]["issues"].size(), 3u) << rows.body;
  EXPECT_EQ(rows.json()["error"]["issues"][0]["path"], "directory.csv:3");
  EXPECT_EQ(names("").size(), 16u);
  const Json good = {{"source_name", "directory.xlsx"},
                     {"rows", {{"name", "kind", "locality", "opening_times", "contact", "postcode"},
                               {"Tea dance", "activity", "East", "Fridays 14:00", "01332 1", "DE21 5ED"},
                               {"Chess club", "group", "West", "Tuesdays 18:00", "01332 2", ""}}}};
  const ClientResponse imported = call("commissioner", "POST", "/api/v1/community/import", good);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json()["added"].size(), 2u);
  EXPECT_EQ(names("?locality=east&q=tea"), std::set<std::string>{"Tea dance"});
}

TEST_P(CommunityApi, ProvidersReadTheDirectoryButOnlyCouncilStaffChangeIt) {
  EXPECT_EQ(call("provider_user", "POST", "/api/v1/community", cafe()).status, 403);
  EXPECT_EQ(call("data_protection_officer", "GET", "/api/v1/community").status, 403);
  EXPECT_EQ(call("commissioner", "POST", "/api/v1/community", cafe()).status, 201);
}

INSTANTIATE_TEST_SUITE_P(Backends, CommunityApi, ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace allot::api::test
