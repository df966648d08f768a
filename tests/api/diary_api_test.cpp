// The shared support diary through the real `allot serve --demo` binary, on
// SQLite and (when ALLOT_TEST_POSTGRES_URL names a database) PostgreSQL: a council
// worker, an NHS nurse and a provider write in one person's diary and each sees
// the others' entries; a change given a stale version is refused (409) and bad
// input names every field (422), changing nothing; every version is kept with
// who wrote it; planned visits come from the person's care package; reads and
// writes leave audit entries.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <set>

#include <fmt/format.h>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

std::vector<std::string> issue_paths(const ClientResponse& response) {
  std::vector<std::string> paths;
  const Json body = response.json();
  for (const Json& issue : body["error"]["issues"]) paths.push_back(issue["path"]);
  return paths;
}

// The whole scenario on one server.
void diary_across_agencies(const ServerProcess& server) {
  std::map<std::string, SignedInUser> users;
  for (const char* name : {"assessor", "nhs_nurse", "provider_user", "commissioner", "finance_officer",
                           "data_protection_officer"}) {
    users[name] = sign_in(server, name);
  }
  auto call = [&](const std::string& user, const std::string& method, const std::string& target,
                  const Json& body = nullptr) {
    if (body.is_null()) return server.request(method, target, "", users.at(user).bearer_headers());
    return server.request(method, target, body.dump(), json_headers(users.at(user).bearer_headers()));
  };
  static int born = 0;
  ++born;
  const ClientResponse created = call("assessor", "POST", "/api/v1/people",
                                      {{"given_name", "Dora"},
                                       {"family_name", "Diarytest"},
                                       {"date_of_birth", fmt::format("1941-0{}-1{}", 1 + born % 9, born % 10)},
                                       {"primary_support_reason", "physical_support_personal_care_support"},
                                       {"client_group", "older_people"},
                                       {"locality", "North"},
                                       {"team", "North adults team"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.json()["id"];
  const std::string diary = fmt::format("/api/v1/people/{}/diary", id);
  // The NHS trust and the provider join Dora's care team, with her consent to
  // share with each (the demo has both agencies' sharing agreements).
  for (const auto& [agency, role] : {std::pair{"demo-nhs", "nhs_professional"}, std::pair{"demo-care", "provider"}}) {
    const ClientResponse joined = call("assessor", "POST", fmt::format("/api/v1/people/{}/care-team", id),
                                       {{"agency", agency}, {"team_role", role}});
    ASSERT_EQ(joined.status, 201) << joined.body;
    const ClientResponse consent = call("assessor", "POST", fmt::format("/api/v1/people/{}/sharing-consents", id),
                                        {{"agency", agency}, {"decision", "given"}});
    ASSERT_EQ(consent.status, 201) << consent.body;
  }

  // The council worker adds a call; it is attributed to them and their agency.
  const ClientResponse call_added = call("assessor", "POST", diary + "/entries",
                                         {{"kind", "appointment"}, {"date", "2026-11-24"}, {"start", "14:00"},
                                          {"end", "14:30"}, {"where", "By phone"}, {"title", "Check-in call"}});
  ASSERT_EQ(call_added.status, 201) << call_added.body;
  EXPECT_EQ(call_added.json()["version"], 1);
  EXPECT_EQ(call_added.json()["from"]["agency"], "demo-council");
  EXPECT_EQ(call_added.json()["from"]["user"], "assessor");
  // Made all day: null times.
  const ClientResponse all_day = call("assessor", "PATCH", fmt::format("{}/entries/{}", diary, call_added.json()["id"].get<std::int64_t>()),
                                      {{"version", 1}, {"start", nullptr}, {"end", nullptr}});
  ASSERT_EQ(all_day.status, 200) << all_day.body;
  EXPECT_TRUE(all_day.json()["all_day"].get<bool>());
  EXPECT_EQ(all_day.json()["start"], nullptr);
  EXPECT_EQ(all_day.json()["where"], "By phone");

  // Bad input names every field and adds nothing.
  const ClientResponse bad = call("nhs_nurse", "POST", diary + "/entries",
                                  {{"kind", "party"}, {"date", "2026-02-30"}, {"start", "9am"}, {"end", "25:00"},
                                   {"where", 42}, {"title", ""}, {"colour", "red"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  const std::vector<std::string> paths = issue_paths(bad);
  EXPECT_EQ(std::set<std::string>(paths.begin(), paths.end()),
            (std::set<std::string>{"colour", "kind", "date", "start", "end", "where", "title"}))
      << bad.body;
  const ClientResponse mixed = call("nhs_nurse", "POST", diary + "/entries",
                                    {{"kind", "note"}, {"date", "2026-11-24"}, {"start", "11:00"}, {"end", "10:00"},
                                     {"title", std::string(201, 'x')}});
  EXPECT_EQ(mixed.status, 422) << mixed.body;
  EXPECT_EQ(issue_paths(mixed), (std::vector<std::string>{"title", "end"}));

  // The nurse sees the council's entry and adds a clinic.
  const Json week = call("nhs_nurse", "GET", diary + "?from=2026-11-23&to=2026-11-29").json();
  ASSERT_EQ(week["entries"].size(), 1u) << week.dump();
  EXPECT_EQ(week["entries"][0]["title"], "Check-in call");
  EXPECT_EQ(week["entries"][0]["from"]["kind"], "council");
  const ClientResponse clinic = call("nhs_nurse", "POST", diary + "/entries",
                                     {{"kind", "appointment"}, {"date", "2026-11-26"}, {"start", "09:30"},
                                      {"end", "10:15"}, {"where", "Outpatients"}, {"title", "Falls clinic"}});
  ASSERT_EQ(clinic.status, 201) << clinic.body;
  const std::int64_t clinic_id = clinic.json()["id"];
  const std::string clinic_path = fmt::format("{}/entries/{}", diary, clinic_id);

  // The provider sees both, with their agencies, and cannot change the trust's entry.
  const Json seen = call("provider_user", "GET", diary + "?from=2026-11-23&to=2026-11-29").json();
  ASSERT_EQ(seen["entries"].size(), 2u) << seen.dump();
  EXPECT_EQ(seen["entries"][1]["from"]["name"], "Demo NHS Foundation Trust");
  EXPECT_EQ(seen["entries"][1]["from"]["kind"], "nhs_trust");
  EXPECT_EQ(call("provider_user", "PATCH", clinic_path, {{"version", 1}, {"title", "Mine now"}}).status, 403);

  // A change is a new version; the same change on the old version is refused.
  const ClientResponse moved = call("nhs_nurse", "PATCH", clinic_path, {{"version", 1}, {"start", "11:00"}, {"end", "11:45"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["version"], 2);
  EXPECT_EQ(moved.json()["title"], "Falls clinic");
  const ClientResponse stale = call("nhs_nurse", "PATCH", clinic_path, {{"version", 1}, {"status", "done"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  const ClientResponse bad_change = call("nhs_nurse", "PATCH", clinic_path, {{"version", 2}, {"status", "lost"}, {"date", "soon"}});
  EXPECT_EQ(bad_change.status, 422) << bad_change.body;
  EXPECT_EQ(issue_paths(bad_change), (std::vector<std::string>{"date", "status"}));
  EXPECT_EQ(call("nhs_nurse", "POST", clinic_path + "/cancel", {{"version", 2}, {"reason", " "}}).status, 422);
  const ClientResponse cancelled =
      call("nhs_nurse", "POST", clinic_path + "/cancel", {{"version", 2}, {"reason", "Clinic closed for training"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(call("nhs_nurse", "POST", clinic_path + "/cancel", {{"version", 3}, {"reason", "again"}}).status, 409);

  // Every version is kept with who wrote it.
  const Json history = call("assessor", "GET", clinic_path + "/history").json();
  ASSERT_EQ(history["versions"].size(), 3u) << history.dump();
  EXPECT_EQ(history["versions"][0]["start"], "09:30");
  EXPECT_EQ(history["versions"][1]["start"], "11:00");
  EXPECT_EQ(history["versions"][2]["cancel_reason"], "Clinic closed for training");
  for (const Json& version : history["versions"]) EXPECT_EQ(version["changed_by"], "nhs_nurse");

  // Planned visits come from the person's package, linked by their Allot id.
  const Json providers = call("commissioner", "GET", "/api/v1/providers").json();
  ASSERT_FALSE(providers["providers"].empty());
  const ClientResponse package = call(
      "commissioner", "POST", "/api/v1/care-packages",
      {{"provider_id", providers["providers"][0]["id"]},
       {"person_reference", std::to_string(id)},
       {"client_group", "Older people"},
       {"service", "care_at_home"},
       {"starts_on", "2026-11-25"},
       {"visits", Json::array({{{"day_of_week", 0}, {"start_minute", 480}, {"duration_minutes", 45}},
                               {{"day_of_week", 3}, {"start_minute", 1020}, {"duration_minutes", 30}}})}});
  ASSERT_EQ(package.status, 201) << package.body;
  const Json with_visits = call("provider_user", "GET", diary + "?from=2026-11-23&to=2026-12-06").json();
  std::vector<std::string> visits;
  for (const Json& entry : with_visits["entries"]) {
    if (entry["source"] == "care_package") visits.push_back(entry["date"].get<std::string>() + " " + entry["start"].get<std::string>());
  }
  // Not Monday the 23rd (before the start); Thursday 26th and 3rd, Monday 30th.
  EXPECT_EQ(visits, (std::vector<std::string>{"2026-11-26 17:00", "2026-11-30 08:00", "2026-12-03 17:00"}));
  EXPECT_EQ(with_visits["entries"].size(), 5u);

  // A week by default; ranges and roles refused.
  EXPECT_EQ(call("assessor", "GET", diary).json()["from"], "2026-11-16");
  EXPECT_EQ(call("assessor", "GET", diary + "?from=2026-11-23&to=2026-11-01").status, 422);
  EXPECT_EQ(call("assessor", "GET", diary + "?from=yesterday").status, 422);
  EXPECT_EQ(call("finance_officer", "GET", diary).status, 403);
  // An id nobody has reads like a record the user may not see (docs/api.md, care teams).
  EXPECT_EQ(call("assessor", "GET", "/api/v1/people/99999999/diary").status, 403);
  EXPECT_EQ(call("assessor", "GET", fmt::format("{}/entries/99999999/history", diary)).status, 404);

  // Reads and writes are in the audit log under the person.
  const Json audit = call("data_protection_officer", "GET", fmt::format("/api/v1/audit/entries?person={}&limit=200", id)).json();
  int diary_reads = 0;
  int diary_writes = 0;
  std::set<std::string> writers;
  for (const Json& entry : audit["entries"]) {
    const std::string detail = entry["detail"];
    if (entry["action"] == "read" && detail.rfind("support diary", 0) == 0) ++diary_reads;
    if (entry["action"] == "update" && detail.find("diary entry") != std::string::npos) {
      ++diary_writes;
      writers.insert(entry["user"].get<std::string>());
    }
  }
  EXPECT_EQ(diary_reads, 5) << audit.dump();   // three weeks, the default week and one history
  EXPECT_EQ(diary_writes, 5) << audit.dump();  // the call added and made all day; the clinic added, moved, cancelled
  EXPECT_EQ(writers, (std::set<std::string>{"assessor", "nhs_nurse"}));
}

TEST(DiaryApi, AcrossAgenciesOnSqlite) {
  const auto server = ServerProcess::start();
  diary_across_agencies(*server);
}

TEST(DiaryApi, AcrossAgenciesOnPostgres) {
  const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') {
    if (std::getenv("CI") != nullptr) FAIL() << "CI is set but ALLOT_TEST_POSTGRES_URL is not: run scripts/test";
    GTEST_SKIP() << "ALLOT_TEST_POSTGRES_URL is not set: skipping the PostgreSQL diary test (scripts/test sets it)";
  }
  ServerSettings settings;
  settings.database = url;
  std::random_device random;
  settings.env = {{"ALLOT_POSTGRES_SCHEMA", "diary_test_" + std::to_string(::getpid()) + "_" + std::to_string(random())}};
  const auto server = ServerProcess::start(settings);
  diary_across_agencies(*server);
}

}  // namespace
}  // namespace allot::api::test
