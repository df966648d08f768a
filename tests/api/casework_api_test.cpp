// Casework through the real `allot serve --demo` binary: caseloads and their
// tasks, reallocation by a team's manager (kept and in the person's history),
// case notes and their corrections, the address gazetteer and a person's
// location, the code lists, and a carer linked to an existing person whose
// budget is signed off, reviewed and counted in reviews due and drift.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

// Each test person is born on a different day: people with the same date of birth
// and postcode are likely duplicates, which the journey refuses without a word.
Json person(const std::string& given, const std::string& team, const std::string& locality) {
  static int born = 0;
  ++born;
  return {{"given_name", given},
          {"family_name", "Caseworktest"},
          {"date_of_birth", fmt::format("19{:02}-{:02}-{:02}", 30 + born / 12, 1 + born % 12, 1 + born % 28)},
          {"address", "4 Kedleston Road, Derby"},
          {"postcode", "de22 1nt"},
          {"primary_support_reason", "physical_support_personal_care_support"},
          {"client_group", "older_people"},
          {"locality", locality},
          {"team", team}};
}

class CaseworkApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "assessor_south", "assessor_north", "team_manager", "team_manager_east",
                             "panel_member", "administrator", "analyst"}) {
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
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::vector<std::string> paths(const ClientResponse& response) {
    std::vector<std::string> found;
    const Json body = response.json();
    for (const Json& issue : body["error"]["issues"]) found.push_back(issue["path"]);
    return found;
  }
  static std::string person_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/people/" + std::to_string(id) + rest;
  }
  // A new person whose case `user` opened with a contact.
  static std::int64_t opened_by(const std::string& user, const Json& details) {
    const std::int64_t id = ok(call("POST", "/api/v1/people", user, details), 201)["id"];
    ok(call("POST", person_path(id, "/contacts"), user,
            {{"route_of_access", "community_other_route"}, {"requested_by", "self"}}),
       201);
    return id;
  }
  static const Json* find_person(const Json& rows, std::int64_t id) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const Json& row) { return row["person_id"] == id; });
    return found == rows.end() ? nullptr : &*found;
  }
  static std::int64_t team_id(const std::string& name) {
    const Json teams = ok(call("GET", "/api/v1/teams", "assessor"))["teams"];
    for (const Json& team : teams) {
      if (team["name"] == name) return team["id"];
    }
    ADD_FAILURE() << "no team " << name;
    return 0;
  }

  static ClientResponse post_csv(const std::string& target, const std::string& user, const std::string& csv) {
    HeaderList headers = users_.at(user).bearer_headers();
    headers.emplace_back("Content-Type", "text/csv");
    return server_->request("POST", target, csv, headers);
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* CaseworkApi::server_ = nullptr;
std::map<std::string, SignedInUser> CaseworkApi::users_;

TEST_F(CaseworkApi, ANewCaseIsOnTheCaseloadOfTheWorkerWhoOpenedItWithItsTask) {
  const std::int64_t id = opened_by("assessor_south", person("Edna", "South adults team", "South"));
  const Json caseload = ok(call("GET", "/api/v1/caseload", "assessor_south"));
  EXPECT_EQ(caseload["worker"], "assessor_south");
  EXPECT_EQ(caseload["teams"], Json::array({"South adults team"}));
  const Json* entry = find_person(caseload["cases"], id);
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ((*entry)["worker"], "assessor_south");
  EXPECT_EQ((*entry)["team"], "South adults team");
  EXPECT_EQ((*entry)["stage"], "screening");
  EXPECT_TRUE((*entry)["opened_by_worker"].get<bool>());
  const Json* task = find_person(caseload["tasks"], id);
  ASSERT_NE(task, nullptr);
  EXPECT_EQ((*task)["kind"], "screening");
  EXPECT_EQ((*task)["href"], "/people/" + std::to_string(id));

  // Screened to assessment, the task becomes the assessment, done on the assessment page.
  ok(call("POST", person_path(id, "/steps/screen"), "assessor_south", {{"outcome", "assessment"}}));
  const Json after = ok(call("GET", "/api/v1/caseload", "assessor_south"));
  task = find_person(after["tasks"], id);
  ASSERT_NE(task, nullptr);
  EXPECT_EQ((*task)["kind"], "assessment_to_do");
  EXPECT_EQ((*task)["href"], "/people/" + std::to_string(id) + "/assessment");
  // A draft makes it an assessment in progress.
  ok(call("PUT", person_path(id, "/drafts/assessment"), "assessor_south",
          {{"row_version", nullptr}, {"document", {{"answers", Json::object()}}}}));
  const Json drafted = ok(call("GET", "/api/v1/caseload", "assessor_south"));
  task = find_person(drafted["tasks"], id);
  ASSERT_NE(task, nullptr);
  EXPECT_EQ((*task)["kind"], "assessment_in_progress");
  // Nobody else has it on their caseload.
  const Json others = ok(call("GET", "/api/v1/caseload", "assessor"));
  EXPECT_EQ(find_person(others["cases"], id), nullptr);
}

TEST_F(CaseworkApi, TheDemoCouncilHasTeamsCaseloadsAndTasks) {
  const Json teams = ok(call("GET", "/api/v1/teams", "assessor"))["teams"];
  ASSERT_EQ(teams.size(), 5u);
  const Json north = ok(call("GET", "/api/v1/teams/" + std::to_string(team_id("North adults team")) + "/caseload",
                             "team_manager"));
  EXPECT_FALSE(north["cases"].empty());
  EXPECT_FALSE(north["tasks"].empty());
  std::set<std::string> workers;
  for (const Json& entry : north["cases"]) {
    EXPECT_EQ(entry["team"], "North adults team");
    workers.insert(entry["worker"].get<std::string>());
  }
  EXPECT_EQ(workers, (std::set<std::string>{"assessor", "assessor_north"}));
  std::set<std::string> kinds;
  for (const Json& task : north["tasks"]) {
    kinds.insert(task["kind"].get<std::string>());
    EXPECT_EQ(task["href"].get<std::string>().rfind("/", 0), 0u);
  }
  for (const char* kind : {"screening", "assessment_to_do", "plan_to_write", "sign_off_to_decide", "review_due"}) {
    EXPECT_TRUE(kinds.contains(kind)) << kind;
  }
  // The assessor's own caseload holds their cases only.
  const Json mine = ok(call("GET", "/api/v1/caseload", "assessor"));
  EXPECT_FALSE(mine["cases"].empty());
  for (const Json& entry : mine["cases"]) EXPECT_EQ(entry["worker"], "assessor");
  // A team manager's own tasks include the plans of their teams waiting for sign-off.
  const Json manager = ok(call("GET", "/api/v1/caseload", "team_manager"));
  EXPECT_TRUE(std::any_of(manager["tasks"].begin(), manager["tasks"].end(),
                          [](const Json& task) { return task["kind"] == "sign_off_to_decide" && task["href"] == "/sign-offs"; }));
}

TEST_F(CaseworkApi, OnlyATeamsManagerSeesItsCaseload) {
  const std::string north = "/api/v1/teams/" + std::to_string(team_id("North adults team")) + "/caseload";
  EXPECT_EQ(call("GET", north, "team_manager_east").status, 403);
  EXPECT_EQ(call("GET", north, "assessor").status, 403);
  EXPECT_EQ(call("GET", north, "administrator").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/teams/999/caseload", "team_manager").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/caseload", "analyst").status, 403);
  EXPECT_EQ(server_->request("GET", "/api/v1/caseload").status, 401);
}

TEST_F(CaseworkApi, AManagerReallocatesACaseAndTheHistoryKeepsIt) {
  const std::int64_t id = opened_by("assessor_south", person("Ivy", "South adults team", "South"));
  const std::string allocations = person_path(id, "/allocations");

  // Every problem at once, nothing stored.
  const ClientResponse bad = call("POST", allocations, "team_manager", {{"worker", "nobody"}, {"reason", "  "}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(paths(bad), (std::vector<std::string>{"reason", "worker"}));
  EXPECT_EQ(call("POST", allocations, "team_manager", {{"worker", "assessor_north"}}).status, 422);
  EXPECT_EQ(call("POST", allocations, "assessor", {{"worker", "assessor_north"}, {"reason", "x"}}).status, 403);
  // Only a manager of the case's team moves it, even into their own team.
  EXPECT_EQ(call("POST", allocations, "team_manager_east", {{"worker", "assessor_east"}, {"reason", "x"}}).status, 403);
  EXPECT_EQ(call("POST", allocations, "team_manager", {{"worker", "assessor_south"}, {"reason", "x"}}).status, 409);
  EXPECT_EQ(call("POST", person_path(999999, "/allocations"), "team_manager", {{"worker", "assessor_north"}, {"reason", "x"}}).status, 403);

  const Json moved = ok(call("POST", allocations, "team_manager",
                             {{"worker", "assessor_north"}, {"reason", "Lives on the North boundary"}}),
                        201);
  EXPECT_EQ(moved["worker"], "assessor_north");
  EXPECT_EQ(moved["team"], "North adults team");
  EXPECT_EQ(moved["allocated_by"], "team_manager");
  // The allocated worker joins the person's care team (app/access).
  bool joined = false;
  const Json care_team = ok(call("GET", person_path(id, "/care-team"), "team_manager"));
  for (const Json& member : care_team["members"]) {
    if (member["username"] == "assessor_north" && member["team_role"] == "allocated_worker" &&
        member["ended_on"].is_null()) {
      joined = true;
    }
  }
  EXPECT_TRUE(joined) << care_team.dump();

  const Json north = ok(call("GET", "/api/v1/caseload", "assessor_north"));
  EXPECT_NE(find_person(north["cases"], id), nullptr);
  const Json south = ok(call("GET", "/api/v1/caseload", "assessor_south"));
  EXPECT_EQ(find_person(south["cases"], id), nullptr);

  // The trust's panel member is not on this person's care team.
  EXPECT_EQ(call("GET", allocations, "panel_member").status, 403);
  const Json history = ok(call("GET", allocations, "team_manager"))["allocations"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["worker"], "assessor_south");
  EXPECT_EQ(history[0]["reason"], "opened the case");
  EXPECT_EQ(history[1]["worker"], "assessor_north");
  EXPECT_EQ(history[1]["reason"], "Lives on the North boundary");

  const Json timeline = ok(call("GET", person_path(id, "/timeline"), "assessor"))["events"];
  const auto allocated = std::find_if(timeline.begin(), timeline.end(), [](const Json& event) { return event["kind"] == "allocated"; });
  ASSERT_NE(allocated, timeline.end());
  EXPECT_EQ((*allocated)["actor"], "team_manager");
  EXPECT_EQ((*allocated)["reason"], "Lives on the North boundary");
  EXPECT_EQ((*allocated)["payload"]["previous_worker"], "assessor_south");

  // A record with no open case cannot be allocated.
  const std::int64_t no_case = ok(call("POST", "/api/v1/people", "assessor", person("Olive", "North adults team", "North")), 201)["id"];
  EXPECT_EQ(call("POST", person_path(no_case, "/allocations"), "team_manager", {{"worker", "assessor_north"}, {"reason", "x"}}).status, 409);
}

TEST_F(CaseworkApi, CaseNotesAreAppendOnlyAndACorrectionPointsToTheNoteItCorrects) {
  const std::int64_t id = opened_by("assessor", person("Mabel", "North adults team", "North"));
  const std::string notes = person_path(id, "/notes");
  EXPECT_TRUE(ok(call("GET", notes, "assessor"))["notes"].empty());

  const Json first = ok(call("POST", notes, "assessor", {{"text", "Visited on Tuesday."}}), 201);
  EXPECT_EQ(first["written_by"], "assessor");
  EXPECT_EQ(first["agency"], "demo-council");
  // The server's clock started at the test's fixed instant.
  EXPECT_EQ(first["written_at"].get<std::string>().substr(0, 11), "2026-11-22T");
  EXPECT_TRUE(first["corrects"].is_null());
  const std::int64_t first_id = first["id"];

  // Refusals: every problem with the note, nothing stored.
  const ClientResponse blank = call("POST", notes, "assessor", {{"text", "   "}, {"corrects", 999999}});
  EXPECT_EQ(blank.status, 422) << blank.body;
  EXPECT_EQ(paths(blank), (std::vector<std::string>{"text", "corrects"}));
  EXPECT_EQ(paths(call("POST", notes, "assessor", {{"text", std::string("bell\x07")}})), std::vector<std::string>{"text"});
  EXPECT_EQ(paths(call("POST", notes, "assessor", {{"text", std::string(10001, 'a')}})), std::vector<std::string>{"text"});
  EXPECT_EQ(paths(call("POST", notes, "assessor", {{"text", "ok"}, {"colour", "red"}})), std::vector<std::string>{"colour"});
  EXPECT_EQ(call("POST", notes, "panel_member", {{"text", "A panel note"}}).status, 403);
  EXPECT_EQ(call("POST", person_path(999999, "/notes"), "assessor", {{"text", "x"}}).status, 403);
  // A note of another person's record cannot be corrected here.
  const std::int64_t other = opened_by("assessor", person("Ada", "North adults team", "North"));
  const std::int64_t other_note = ok(call("POST", person_path(other, "/notes"), "assessor", {{"text", "Other"}}), 201)["id"];
  EXPECT_EQ(paths(call("POST", notes, "assessor", {{"text", "x"}, {"corrects", other_note}})),
            std::vector<std::string>{"corrects"});
  EXPECT_EQ(ok(call("GET", notes, "assessor"))["notes"].size(), 1u);

  const Json correction =
      ok(call("POST", notes, "team_manager", {{"text", "Visited on Wednesday, not Tuesday."}, {"corrects", first_id}}), 201);
  EXPECT_EQ(correction["corrects"], first_id);
  // A corrected note is corrected once: correct the correction instead.
  EXPECT_EQ(call("POST", notes, "assessor", {{"text", "Thursday"}, {"corrects", first_id}}).status, 409);

  // Case notes are the workers': a panel member does not read them.
  EXPECT_EQ(call("GET", notes, "panel_member").status, 403);
  const Json listed = ok(call("GET", notes, "team_manager"))["notes"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["text"], "Visited on Tuesday.");  // never changed
  EXPECT_EQ(listed[0]["corrected_by"], correction["id"]);
  EXPECT_TRUE(listed[1]["corrected_by"].is_null());
  EXPECT_EQ(listed[1]["written_by"], "team_manager");

  int in_timeline = 0;
  const Json events = ok(call("GET", person_path(id, "/timeline"), "assessor"))["events"];
  for (const Json& event : events) {
    if (event["kind"] == "case_note") ++in_timeline;
  }
  EXPECT_EQ(in_timeline, 2);
  EXPECT_EQ(call("GET", notes, "analyst").status, 403);
}

TEST_F(CaseworkApi, TheGazetteerIsImportedWholeAndGivesAPersonsLocation) {
  const std::string bad_csv =
      "uprn,postcode,address,latitude,longitude\n"
      "1,DE22 1NT,\"4 Kedleston Road, Derby\",52.9350,-1.4980\n"
      "2,not a postcode,\"6 Kedleston Road, Derby\",52.9351,-1.4981\n"
      ",,\"8 Kedleston Road, Derby\",52.9352,-1.4982\n"
      "1,DE22 1NT,,95,-1.4983\n";
  const ClientResponse refused = post_csv("/api/v1/addresses/imports?file=council.csv", "administrator", bad_csv);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(paths(refused), (std::vector<std::string>{"council.csv:3", "council.csv:4", "council.csv:5",
                                                      "council.csv:5", "council.csv:5"}));
  const std::string csv =
      "Address,Postcode,UPRN,Latitude,Longitude\n"
      "\"4 Kedleston Road, Derby\",de22 1nt,200000000001,52.9350,-1.4980\n"
      "\"6 Kedleston Road, Derby\",DE22 1NT,200000000002,52.9351,-1.4981\n";
  const ClientResponse imported = post_csv("/api/v1/addresses/imports?file=council.csv", "administrator", csv);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json()["addresses"], 2);
  EXPECT_EQ(post_csv("/api/v1/addresses/imports", "assessor", csv).status, 403);

  const Json found = ok(call("GET", "/api/v1/addresses?postcode=de22+1nt", "assessor"))["addresses"];
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]["postcode"], "DE22 1NT");
  EXPECT_EQ(found[1]["uprn"], "200000000002");
  EXPECT_EQ(ok(call("GET", "/api/v1/addresses?uprn=200000000001", "assessor"))["addresses"].size(), 1u);
  EXPECT_EQ(paths(call("GET", "/api/v1/addresses", "assessor")), std::vector<std::string>{"postcode"});
  EXPECT_EQ(call("GET", "/api/v1/addresses?postcode=nowhere", "assessor").status, 422);

  // A person's location comes from their address and postcode, else their postcode.
  const std::int64_t at_address = opened_by("assessor", person("Nora", "North adults team", "North"));
  const Json located = ok(call("GET", person_path(at_address, "/location"), "assessor"))["location"];
  EXPECT_EQ(located["matched"], "address");
  EXPECT_EQ(located["latitude"], "52.9350");
  EXPECT_EQ(located["uprn"], "200000000001");
  Json elsewhere = person("Flo", "North adults team", "North");
  elsewhere["address"] = "99 Kedleston Road, Derby";
  const std::int64_t by_postcode = opened_by("assessor", elsewhere);
  EXPECT_EQ(ok(call("GET", person_path(by_postcode, "/location"), "assessor"))["location"]["matched"], "postcode");
  Json unknown_postcode = person("Flora", "North adults team", "North");
  unknown_postcode["address"] = "99 Kedleston Road, Derby";
  unknown_postcode["postcode"] = "DE1 9ZZ";
  const std::int64_t unknown = opened_by("assessor", unknown_postcode);
  EXPECT_TRUE(ok(call("GET", person_path(unknown, "/location"), "assessor"))["location"].is_null());
}

TEST_F(CaseworkApi, TheCodeListsAreServedToEveryone) {
  const ClientResponse lists = server_->request("GET", "/api/v1/code-lists");
  ASSERT_EQ(lists.status, 200);
  const Json body = lists.json();
  EXPECT_TRUE(body["client_group"].is_array());
  EXPECT_EQ(body["event_type"][0], (Json{{"code", "request"}, {"label", "Request"}}));
}

TEST_F(CaseworkApi, AnExistingPersonLinkedAsACarerGetsABudgetSignedOffReviewedAndCounted) {
  const std::int64_t cared_for = opened_by("assessor", person("Walter", "North adults team", "North"));
  const std::int64_t carer = ok(call("POST", "/api/v1/people", "assessor", person("June", "North adults team", "North")), 201)["id"];
  const std::string link = person_path(carer, "/cares-for");
  EXPECT_EQ(call("POST", link, "assessor", {{"cares_for", carer}}).status, 422);
  EXPECT_EQ(call("POST", link, "assessor", {{"cares_for", 999999}}).status, 422);
  EXPECT_EQ(call("POST", person_path(cared_for, "/cares-for"), "assessor", {{"cares_for", carer}}).status, 409);
  EXPECT_EQ(call("POST", link, "panel_member", {{"cares_for", cared_for}}).status, 403);
  const Json linked = ok(call("POST", link, "assessor", {{"cares_for", cared_for}}));
  EXPECT_EQ(linked["cares_for"], cared_for);
  EXPECT_EQ(call("POST", link, "assessor", {{"cares_for", cared_for}}).status, 409);

  ok(call("POST", person_path(carer, "/carers/first-stage"), "assessor",
          {{"completed_by", "carer"}, {"hours_caring_per_week", 50}, {"health_impact", 2}, {"breaks_impact", 3},
           {"work_learning_impact", 1}, {"relationships_impact", 1}, {"willingness_impact", 1}}));
  const Json assessed = ok(call("POST", person_path(carer, "/carers/full-assessment"), "assessor",
                                {{"rulebook_id", "example-carers"},
                                 {"rulebook_version", 1},
                                 {"answers",
                                  {{"hours_caring", "50_plus"}, {"health", "some"}, {"breaks", "never"},
                                   {"work_learning", "some"}, {"relationships", "some"}, {"willing", "with_support"}}}}));
  EXPECT_EQ(assessed["stage"], "support_planning");
  // The carer's budget is planned and signed off like any other.
  ok(call("POST", person_path(carer, "/steps/save_plan"), "assessor",
          {{"expected_version", 0},
           {"outcomes", {"A break from caring each week"}},
           {"lines",
            {{{"description", "Sitting service"}, {"service_component", "home_support"}, {"unit", "hour"},
              {"unit_cost_pence", 192}, {"units_per_week", "1"}, {"delivery", "direct_payment"}, {"nhs_percent", 0}}}}}));
  const Json submitted = ok(call("POST", person_path(carer, "/steps/submit_plan"), "assessor", {{"version", 1}}));
  EXPECT_EQ(submitted["sign_off"]["route"], "team_manager");
  const Json decided = ok(call("POST", person_path(carer, "/steps/decide"), "team_manager",
                               {{"outcome", "approve"}, {"reason", "A weekly break keeps caring going"}}));
  EXPECT_EQ(decided["stage"], "active");
  const std::string review_due = decided["agreed_budget"]["review_due"];

  const Json due = ok(call("GET", "/api/v1/reviews/due?by=" + review_due, "assessor"))["reviews"];
  EXPECT_NE(find_person(due, carer), nullptr);
  const Json drift = ok(call("GET", "/api/v1/budgets/drift", "team_manager"))["budgets"];
  EXPECT_NE(find_person(drift, carer), nullptr);
  const Json carers = ok(call("GET", "/api/v1/carers", "assessor"))["carers"];
  const Json* summary = find_person(carers, carer);
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ((*summary)["budget_annual_pence"], decided["agreed_budget"]["annual_pence"]);

  const Json reviewed = ok(call("POST", person_path(carer, "/steps/review"), "assessor", {{"outcome", "no_change"}}));
  EXPECT_EQ(reviewed["stage"], "active");
  EXPECT_GT(reviewed["agreed_budget"]["review_due"].get<std::string>(), review_due);
}

}  // namespace
}  // namespace allot::api::test
