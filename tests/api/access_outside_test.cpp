// The searches that look at everyone's records, on SQLite and PostgreSQL: the
// check for a likely duplicate when a person is added, and the Resource
// Allocation Group's meetings. A record outside the user's care teams still
// counts as a duplicate, but every role sees of it only that it matches, on
// what, and who holds it; panel members see every decision of their meetings,
// other readers only those about people on their care teams. Both are audited as
// searches naming the people returned.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "backend_fixture.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

// An NHS number with a valid check digit (modulus 11), from nine digits.
std::string nhs_number(const std::string& nine) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine[static_cast<std::size_t>(i)] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return nhs_number(std::to_string(std::stoll(nine) + 1));
  return nine + std::to_string(check);
}

class AccessOutside : public BackendServerTest {
 protected:
  Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::string person(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/people/" + std::to_string(id) + rest;
  }
  // Takes the council off the person's care team: every member of demo-council
  // ends, the agency itself last (until then it keeps the assessor on the team).
  void council_leaves(std::int64_t id) {
    const Json members = ok(call("assessor", "GET", person(id, "/care-team")))["members"];
    std::vector<std::int64_t> order;
    std::vector<std::int64_t> agency_wide;
    for (const Json& member : members) {
      if (member["agency"] != "demo-council" || !member["ended_on"].is_null()) continue;
      (member["username"].is_null() ? agency_wide : order).push_back(member["id"].get<std::int64_t>());
    }
    ASSERT_FALSE(agency_wide.empty()) << members.dump();
    order.insert(order.end(), agency_wide.begin(), agency_wide.end());
    for (std::int64_t member : order) {
      ok(call("assessor", "POST", person(id, "/care-team/" + std::to_string(member) + "/end"),
              {{"reason", "The trust holds this case now"}}));
    }
    ASSERT_EQ(call("assessor", "GET", person(id)).status, 403);
  }
  // The audit entries of searches by `user` that returned the person.
  Json searches_naming(const std::string& user, std::int64_t id) {
    return ok(call("data_protection_officer", "GET",
                   fmt::format("/api/v1/audit/entries?action=search&user={}&person={}&limit=1000", user, id)))["entries"];
  }
};

Json outside_details(const std::string& nhs) {
  return {{"given_name", "Philippa"},
          {"family_name", "Quennell-Marchbanks"},
          {"date_of_birth", "1947-08-19"},
          {"nhs_number", nhs},
          {"address", "7 Wardwick Mews, Derby"},
          {"postcode", "DE1 1HA"},
          {"primary_support_reason", "mental_health_support"},
          {"client_group", "mental_health"},
          {"locality", "South"},
          {"team", "Community mental health team"}};
}

TEST_P(AccessOutside, ALikelyDuplicateOffTheCareTeamsIsFoundButNamesNothingOfThePerson) {
  start("access_outside_duplicates",
        {"assessor", "team_manager", "panel_member", "finance_officer", "provider_user", "administrator",
         "commissioner", "analyst", "data_protection_officer", "person"});
  if (IsSkipped()) return;
  const std::string nhs = nhs_number("943476593");
  const Json kept = ok(call("assessor", "POST", "/api/v1/people", outside_details(nhs)), 201);
  const std::int64_t id = kept["id"];
  ok(call("assessor", "POST", person(id, "/care-team"), {{"agency", "demo-nhs"}, {"team_role", "nhs_professional"}}),
     201);
  ok(call("assessor", "POST", person(id, "/sharing-consents"), {{"agency", "demo-nhs"}, {"decision", "given"}}), 201);
  council_leaves(id);

  // What each probe sends: the user typed these, so they may come back; nothing
  // else of the outside person may.
  struct Probe {
    const char* name;
    Json body;
    const char* code;
    const char* matched;
  };
  const Json base = {{"primary_support_reason", "physical_support_personal_care_support"},
                     {"client_group", "older_people"}, {"locality", "South"}, {"team", "South adults team"}};
  auto with = [&](Json more) {
    Json body = base;
    body.update(more);
    return body;
  };
  const std::vector<Probe> probes = {
      {"the same NHS number", with({{"given_name", "Ann"}, {"family_name", "Other"}, {"date_of_birth", "1980-01-01"}, {"nhs_number", nhs}}),
       "duplicate_nhs_number", "nhs_number"},
      {"the same name and date of birth",
       with({{"given_name", "Philippa"}, {"family_name", "Quennell-Marchbanks"}, {"date_of_birth", "1947-08-19"}}),
       "possible_duplicate", "name_and_date_of_birth"},
      {"the same date of birth and postcode",
       with({{"given_name", "Ann"}, {"family_name", "Other"}, {"date_of_birth", "1947-08-19"}, {"postcode", "DE1 1HA"}}),
       "possible_duplicate", "date_of_birth_and_postcode"},
  };
  // Every personal field of the kept record, as text that must not appear unless typed.
  const std::vector<std::pair<std::string, std::string>> personal = {
      {"given_name", "Philippa"},     {"family_name", "Quennell-Marchbanks"}, {"date_of_birth", "1947-08-19"},
      {"nhs_number", nhs},            {"address", "Wardwick"},                {"postcode", "DE1 1HA"},
      {"client_group", "mental_health"}, {"href", "/people/" + std::to_string(id)}};
  for (const std::string user : {"assessor", "team_manager", "panel_member", "finance_officer", "provider_user",
                                  "administrator", "commissioner", "analyst", "data_protection_officer", "person"}) {
    for (const Probe& probe : probes) {
      SCOPED_TRACE(user + ": " + probe.name);
      const ClientResponse answer = call(user, "POST", "/api/v1/people", probe.body);
      if (user != "assessor" && user != "team_manager") {
        EXPECT_EQ(answer.status, 403) << answer.body;
      } else {
        ASSERT_EQ(answer.status, 409) << answer.body;
        const Json error = answer.json()["error"];
        EXPECT_EQ(error["code"], probe.code);
        ASSERT_EQ(error["candidates"].size(), 1u) << answer.body;
        const Json candidate = error["candidates"][0];
        EXPECT_EQ(candidate["id"], id);
        EXPECT_EQ(candidate["visible"], false);
        EXPECT_EQ(candidate["matched_on"], Json::array({probe.matched}));
        // Whom to ask: the team that holds the record and the agencies on its care team.
        EXPECT_EQ(candidate["team"], "Community mental health team");
        ASSERT_EQ(candidate["held_by"].size(), 1u) << candidate.dump();
        EXPECT_NE(candidate["held_by"][0].get<std::string>().find("NHS"), std::string::npos) << candidate.dump();
        for (const char* key : {"given_name", "family_name", "date_of_birth", "postcode", "nhs_number", "stage", "href"}) {
          EXPECT_FALSE(candidate.contains(key)) << key;
        }
      }
      for (const auto& [field, value] : personal) {
        const bool typed = probe.body.contains(field) && probe.body[field] == value;
        if (!typed) {
          EXPECT_EQ(answer.body.find(value), std::string::npos) << field << " leaked: " << answer.body;
        }
      }
    }
  }
  // Changing a visible record's NHS number to the outside person's: refused, naming nothing of them.
  const Json mine = ok(call("assessor", "POST", "/api/v1/people",
                            with({{"given_name", "Ann"}, {"family_name", "Visible"}, {"date_of_birth", "1960-02-02"}})),
                       201);
  Json change = with({{"given_name", "Ann"}, {"family_name", "Visible"}, {"date_of_birth", "1960-02-02"},
                      {"nhs_number", nhs}, {"row_version", mine["row_version"]}});
  const ClientResponse refused = call("assessor", "PUT", person(mine["id"]), change);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json()["error"]["candidates"][0]["visible"], false) << refused.body;
  for (const char* value : {"Philippa", "Quennell", "Wardwick", "DE1 1HA", "1947-08-19"}) {
    EXPECT_EQ(refused.body.find(value), std::string::npos) << value << ": " << refused.body;
  }

  // Confirmed a different person: added, and the new record's history does not name them.
  Json different = probes[2].body;
  different["different_from"] = Json::array({id});
  const Json added = ok(call("assessor", "POST", "/api/v1/people", different), 201);
  const ClientResponse timeline = call("assessor", "GET", person(added["id"], "/timeline"));
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  EXPECT_NE(timeline.body.find("different_person_confirmed"), std::string::npos);
  EXPECT_EQ(timeline.body.find("Quennell"), std::string::npos) << timeline.body;

  // Each check is audited as a search that returned the outside person.
  const Json searches = searches_naming("assessor", id);
  ASSERT_GE(searches.size(), 4u) << searches.dump();
  EXPECT_NE(searches[0]["detail"].get<std::string>().find("possible duplicates"), std::string::npos) << searches[0].dump();
  EXPECT_EQ(searches_naming("team_manager", id).size(), 3u);
  // The trust, on the care team, still opens it.
  EXPECT_EQ(call("panel_member", "GET", person(id)).status, 200);
}

TEST_P(AccessOutside, PanelMembersSeeEveryDecisionOthersOnlyThoseAboutTheirCareTeamsPeople) {
  start("access_outside_panel", {"assessor", "team_manager", "panel_member", "finance_officer", "administrator",
                                  "data_protection_officer"});
  if (IsSkipped()) return;
  const Json meetings = ok(call("panel_member", "GET", "/api/v1/panel/meetings"))["meetings"];
  std::int64_t meeting = 0;
  std::int64_t decided = 0;
  std::size_t decisions = 0;
  for (const Json& held : meetings) {
    if (held["decisions"].empty()) continue;
    meeting = held["id"];
    decided = held["decisions"][0]["person_id"];
    decisions = held["decisions"].size();
    EXPECT_EQ(held["decisions_withheld"], 0);
    break;
  }
  ASSERT_GT(meeting, 0) << "the demo has no meeting with a decision: " << meetings.dump();
  const std::string one = "/api/v1/panel/meetings/" + std::to_string(meeting);
  // Before: the council is on the person's care team.
  EXPECT_EQ(ok(call("assessor", "GET", one))["decisions"].size(), decisions);
  council_leaves(decided);

  // The panel's own record: its members see every decision, whoever holds the record now.
  const Json panel = ok(call("panel_member", "GET", one));
  EXPECT_EQ(panel["decisions"].size(), decisions);
  EXPECT_EQ(panel["decisions_withheld"], 0);
  for (const std::string user : {"assessor", "team_manager", "finance_officer"}) {
    SCOPED_TRACE(user);
    std::vector<Json> seen = {ok(call(user, "GET", one))};
    const Json listed = ok(call(user, "GET", "/api/v1/panel/meetings"));
    for (const Json& held : listed["meetings"]) {
      if (held["id"] == meeting) seen.push_back(held);
    }
    ASSERT_EQ(seen.size(), 2u);
    for (const Json& shown : seen) {
      ASSERT_TRUE(shown.is_object());
      EXPECT_EQ(shown["decisions"].size() + shown["decisions_withheld"].get<std::size_t>(), decisions) << shown.dump();
      EXPECT_GE(shown["decisions_withheld"].get<int>(), 1);
      for (const Json& decision : shown["decisions"]) EXPECT_NE(decision["person_id"], decided) << shown.dump();
    }
  }
  // The administrator reaches no one's record: the meetings, none of their decisions.
  const Json admin = ok(call("administrator", "GET", one));
  EXPECT_TRUE(admin["decisions"].empty());
  EXPECT_EQ(admin["decisions_withheld"], static_cast<int>(decisions));
  // Audited as searches naming the people shown: the panel member's names the
  // person, the assessor's after the council left does not.
  EXPECT_FALSE(searches_naming("panel_member", decided).empty());
  const Json assessor = ok(call("data_protection_officer", "GET",
                                "/api/v1/audit/entries?action=search&user=assessor&limit=5"))["entries"];
  ASSERT_FALSE(assessor.empty());
  EXPECT_EQ(assessor[0]["detail"], "panel meetings") << assessor[0].dump();
  EXPECT_EQ(std::find(assessor[0]["people"].begin(), assessor[0]["people"].end(), Json(decided)),
            assessor[0]["people"].end());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessOutside, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         backend_name);

}  // namespace
}  // namespace allot::api::test
