// A rulebook's governance through the real `allot serve` binary: an uploaded or
// calibrated rulebook is a draft used by nobody; an analyst proposes it with an
// effective date and its simulation; a second person with the approving role
// approves it (never the proposer) or rejects it with a reason; it is in force
// from its date by the server's clock (restarted later on the same database),
// and existing assessments keep the version they were scored with.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "allot/app/identity/password.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/store.h"
#include "allot/storage/open_store.h"
#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) throw std::runtime_error("cannot read " + relative);
  return text.str();
}

std::string run_command(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, got);
  ::pclose(pipe);
  return output;
}

// The demo's example-adults version 1 with another version number and value of a point.
std::string adults_version(int version, std::int64_t pence_per_point) {
  Json document = Json::parse(source_file("data/rulebooks/example-adults.json"));
  document["version"] = version;
  document["allocation"]["pence_per_point"] = pence_per_point;
  return document.dump();
}

const Json kAnswers = {{"personal_care", "some"}, {"eating_drinking", "prompting"}, {"mobility", "some"},
                       {"household", "some"},     {"relationships", "some"},        {"community", "some"},
                       {"work_learning", "none"}, {"safety", "some"},               {"decisions", "none"},
                       {"night", "none"},         {"family_support", "some"}};

class RulebookGovernance : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("allot-governance-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
    database_ = (folder_ / "governance.sqlite").string();
    start(true, kTestClockStart);
  }
  void TearDown() override {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  // (Re)starts the server on this test's database with its clock at `clock_start`.
  void start(bool demo, const std::string& clock_start) {
    server_.reset();
    ServerSettings settings;
    settings.database = database_;
    settings.demo = demo;
    settings.clock_start = clock_start;
    server_ = ServerProcess::start(settings);
    users_.clear();
  }
  const SignedInUser& user(const std::string& name) {
    auto found = users_.find(name);
    if (found == users_.end()) found = users_.emplace(name, sign_in(*server_, name)).first;
    return found->second;
  }
  ClientResponse call(const std::string& method, const std::string& target, const std::string& as,
                      const std::string& body = {}, const std::string& content_type = "application/json") {
    HeaderList headers = as.empty() ? HeaderList{} : user(as).bearer_headers();
    if (!body.empty()) headers.emplace_back("Content-Type", content_type);
    return server_->request(method, target, body, headers);
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
  Json wait_for_job(const std::string& id, const std::string& as) {
    for (int poll_idx = 0; poll_idx < 3000; ++poll_idx) {
      const Json job = ok(call("GET", "/api/v1/jobs/" + id, as));
      if (job["status"] != "queued" && job["status"] != "running") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("the job did not finish");
  }
  // Simulates a draft over `population` as the analyst; returns the finished job.
  Json simulate_draft(const std::string& id, int version, const std::string& population, const std::string& as = "analyst") {
    const Json started = ok(call("POST", "/api/v1/rulebooks/" + id + "/drafts/" + std::to_string(version) + "/simulations",
                                 as, population, "text/csv"),
                            202);
    const Json job = wait_for_job(started["job_id"], as);
    EXPECT_EQ(job["status"], "done") << job.dump();
    return job;
  }
  ClientResponse propose(const std::string& id, int version, const std::string& effective_from, const std::string& job_id,
                         const std::string& as = "analyst") {
    return call("POST", "/api/v1/rulebooks/" + id + "/drafts/" + std::to_string(version) + "/proposal", as,
                Json{{"effective_from", effective_from}, {"simulation_job_id", job_id}}.dump());
  }
  ClientResponse approve(const std::string& id, int version, const std::string& as) {
    return call("POST", "/api/v1/rulebooks/" + id + "/drafts/" + std::to_string(version) + "/approval", as, "{}");
  }
  Json rulebook_listed(const std::string& id) {
    const Json listing = ok(call("GET", "/api/v1/rulebooks", ""));
    for (const Json& rulebook : listing["rulebooks"]) {
      if (rulebook["id"] == id) return rulebook;
    }
    return nullptr;
  }
  // Adds a user with both the analyst's and the commissioner's roles straight to
  // the database (there is no API for users), to try approving one's own proposal.
  void add_analyst_who_approves(const std::string& username) {
    auto store = storage::open_store(database_);
    ASSERT_TRUE(store) << format_issues(store.error());
    const auto added = app::in_transaction(**store, app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::User> {
      auto agency = tx.get<app::AgencyRepository>().find_by_code("demo-council");
      if (!agency) return tl::unexpected<Issues>(agency.error());
      return tx.get<app::UserRepository>().add(
          app::NewUserRecord{username, "Lead analyst", agency->id, {app::Role::kCommissioner, app::Role::kAnalyst},
                             app::hash_password(kDemoPassword, app::PasswordCost::kMinimum)},
          std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
    });
    ASSERT_TRUE(added) << format_issues(added.error());
  }

  std::filesystem::path folder_;
  std::string database_;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, SignedInUser> users_;
};

TEST_F(RulebookGovernance, ADraftIsUsedByNobodyUntilApprovedAndIsInForceFromItsDate) {
  const std::string derby = source_file("tests/scenarios/data/derby-small.json");
  const Json drafted = ok(call("POST", "/api/v1/rulebooks", "analyst", derby), 201);
  EXPECT_EQ(drafted["status"], "draft");
  EXPECT_EQ(drafted["version"], 1);
  // A draft is not published: not listed, not served, not scored.
  EXPECT_EQ(rulebook_listed("derby-small"), nullptr);
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/derby-small/versions/1", "").status, 404);
  EXPECT_EQ(call("POST", "/api/v1/rulebooks/derby-small/versions/1/score", "", R"({"answers":{}})").status, 404);
  // The same version again is refused, naming the next free one.
  const ClientResponse again = call("POST", "/api/v1/rulebooks", "analyst", derby);
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.json()["error"]["message"].get<std::string>().find("version 2"), std::string::npos) << again.body;

  // The simulation of the draft is the CLI's, and names what it ran.
  const std::string population = source_file("tests/scenarios/data/small-population.csv");
  Json simulation = simulate_draft("derby-small", 1, population);
  EXPECT_EQ(simulation["result"]["rulebook"], (Json{{"id", "derby-small"}, {"version", 1}, {"draft", true}}));
  Json result = simulation["result"];
  result.erase("rulebook");
  const std::string cli = run_command(std::string(ALLOT_BINARY) + " ras simulate --json " + ALLOT_SOURCE_DIR +
                                      "/tests/scenarios/data/derby-small.json " + ALLOT_SOURCE_DIR +
                                      "/tests/scenarios/data/small-population.csv 2>/dev/null");
  EXPECT_EQ(result, Json::parse(cli));

  // A date already past, or no real simulation, is refused with every problem.
  const ClientResponse past = propose("derby-small", 1, "2026-11-21", "no-such-job");
  ASSERT_EQ(past.status, 422) << past.body;
  EXPECT_EQ(paths(past), (std::vector<std::string>{"effective_from", "simulation_job_id"}));
  const ClientResponse early = propose("derby-small", 1, "2026-11-21", simulation["id"]);
  ASSERT_EQ(early.status, 422) << early.body;
  EXPECT_EQ(paths(early), (std::vector<std::string>{"effective_from"}));
  const Json proposed = ok(propose("derby-small", 1, "2026-11-22", simulation["id"]));
  EXPECT_EQ(proposed["status"], "proposed");
  EXPECT_EQ(proposed["proposed_by"], "analyst");
  EXPECT_EQ(proposed["document"]["effective_from"], "2026-11-22");
  EXPECT_EQ(proposed["simulation"]["overall"], simulation["result"]["overall"]);
  // Still used by nobody until approved; the analyst has no approving role.
  EXPECT_EQ(rulebook_listed("derby-small"), nullptr);
  EXPECT_EQ(approve("derby-small", 1, "analyst").status, 403);
  const Json approved = ok(approve("derby-small", 1, "commissioner"));
  EXPECT_EQ(approved["in_force_now"], true);
  EXPECT_EQ(approved["approved_by"], "commissioner");
  EXPECT_EQ(rulebook_listed("derby-small")["in_force_version"], 1);

  // Calibrated from the sample as a file (CSV body), stored as draft version 2.
  const Json calibration = ok(call("POST",
                                   "/api/v1/rulebooks/derby-small/versions/1/calibrate?budget_pence=400000000&"
                                   "top_slice_percent=15&population=2000&method=sample&draft=true",
                                   "analyst", source_file("tests/scenarios/data/derby-sample.csv"), "text/csv"));
  EXPECT_EQ(calibration["pence_per_point"], 14782);  // worked by hand in tests/scenarios/calibrate_derby_by_hand.test
  EXPECT_EQ(calibration["draft"], (Json{{"id", "derby-small"}, {"version", 2}, {"status", "draft"}}));
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/derby-small/versions/2", "").status, 404);
  const Json draft = ok(call("GET", "/api/v1/rulebooks/derby-small/drafts/2", "analyst"));
  EXPECT_EQ(draft["origin"], "calibration");
  EXPECT_EQ(draft["document"]["allocation"]["pence_per_point"], 14782);

  // Approved to take effect on 1 December: until then version 1 stays in force.
  const Json second = simulate_draft("derby-small", 2, population);
  ok(propose("derby-small", 2, "2026-12-01", second["id"]));
  EXPECT_EQ(ok(approve("derby-small", 2, "commissioner"))["in_force_now"], false);
  const Json listed = rulebook_listed("derby-small");
  EXPECT_EQ(listed["in_force_version"], 1);
  EXPECT_EQ(listed["latest_version"], 2);
  EXPECT_EQ(ok(call("GET", "/api/v1/rulebooks/derby-small/in-force", ""))["version"], 1);
  EXPECT_EQ(ok(call("GET", "/api/v1/rulebooks/derby-small/in-force?on=2026-11-30", ""))["version"], 1);
  EXPECT_EQ(ok(call("GET", "/api/v1/rulebooks/derby-small/in-force?on=2026-12-01", ""))["version"], 2);
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/derby-small/in-force?on=2026-11-21", "").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/derby-small/in-force?on=soon", "").status, 422);

  // Every step is attributed and kept.
  const Json history = ok(call("GET", "/api/v1/rulebooks/derby-small/history", "commissioner"))["history"];
  std::vector<std::string> steps;
  for (const Json& step : history) {
    steps.push_back(std::to_string(step["version"].get<int>()) + " " + step["step"].get<std::string>() + " " +
                    step["by"].get<std::string>());
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"1 drafted analyst", "1 proposed analyst", "1 approved commissioner",
                                             "2 drafted analyst", "2 proposed analyst", "2 approved commissioner"}));

  // The server's clock reaches 1 December: version 2 is in force, with no other step.
  start(false, "2026-12-01T09:00:00.000Z");
  EXPECT_EQ(rulebook_listed("derby-small")["in_force_version"], 2);
  EXPECT_EQ(ok(call("GET", "/api/v1/rulebooks/derby-small/in-force", ""))["version"], 2);
}

TEST_F(RulebookGovernance, TheProposerCannotApproveAndARejectionNeedsAReason) {
  add_analyst_who_approves("lead_analyst");
  ok(call("POST", "/api/v1/rulebooks", "lead_analyst", source_file("tests/scenarios/data/derby-small.json")), 201);
  const Json job = simulate_draft("derby-small", 1, source_file("tests/scenarios/data/small-population.csv"), "lead_analyst");
  ok(propose("derby-small", 1, "2026-11-23", job["id"], "lead_analyst"));

  const ClientResponse own = approve("derby-small", 1, "lead_analyst");
  ASSERT_EQ(own.status, 403) << own.body;
  EXPECT_EQ(own.json()["error"]["code"], "forbidden");
  EXPECT_EQ(own.json()["error"]["message"],
            "you proposed version 1 of rulebook \"derby-small\"; another person with the approving role must decide on "
            "it");
  EXPECT_EQ(paths(own), (std::vector<std::string>{"proposed_by"}));
  const ClientResponse own_reject =
      call("POST", "/api/v1/rulebooks/derby-small/drafts/1/rejection", "lead_analyst", R"({"reason": "mine"})");
  EXPECT_EQ(own_reject.status, 403) << own_reject.body;
  EXPECT_EQ(ok(call("GET", "/api/v1/rulebooks/derby-small/drafts/1", "commissioner"))["status"], "proposed");

  const ClientResponse blank =
      call("POST", "/api/v1/rulebooks/derby-small/drafts/1/rejection", "commissioner", R"({"reason": "   "})");
  ASSERT_EQ(blank.status, 422) << blank.body;
  EXPECT_EQ(paths(blank), (std::vector<std::string>{"reason"}));
  const Json rejected = ok(call("POST", "/api/v1/rulebooks/derby-small/drafts/1/rejection", "commissioner",
                                R"({"reason": "Show the learning disability group's losses first"})"));
  EXPECT_EQ(rejected["status"], "rejected");
  EXPECT_EQ(approve("derby-small", 1, "commissioner").status, 409);
  const Json history = ok(call("GET", "/api/v1/rulebooks/derby-small/history", "lead_analyst"))["history"];
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2]["step"], "rejected");
  EXPECT_EQ(history[2]["by"], "commissioner");
  EXPECT_EQ(history[2]["note"], "Show the learning disability group's losses first");

  // Proposed again, a second person approves it.
  ok(propose("derby-small", 1, "2026-11-23", job["id"], "lead_analyst"));
  ok(approve("derby-small", 1, "commissioner"));
  EXPECT_EQ(rulebook_listed("derby-small")["in_force_version"], nullptr);  // from tomorrow
}

TEST_F(RulebookGovernance, UploadedProblemsAreAllListedAndNothingIsStored) {
  const ClientResponse bad = call("POST", "/api/v1/rulebooks", "analyst", source_file("tests/scenarios/data/bad-rulebook.json"));
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_GE(paths(bad).size(), 2u);
  const Json drafts = ok(call("GET", "/api/v1/rulebooks/drafts", "analyst"))["drafts"];
  // Only the demo council's own draft, awaiting approval.
  ASSERT_EQ(drafts.size(), 1u) << drafts.dump();
  EXPECT_EQ(drafts[0]["id"], "example-adults");
  EXPECT_EQ(drafts[0]["status"], "proposed");
  EXPECT_EQ(drafts[0]["effective_from"], "2026-12-01");
  // Reading drafts is for staff who work with rulebooks.
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/drafts", "assessor").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/rulebooks/drafts", "").status, 401);
  // An uploaded rulebook whose version is published already names the next free one.
  const ClientResponse taken = call("POST", "/api/v1/rulebooks", "analyst", adults_version(1, 30000));
  ASSERT_EQ(taken.status, 409) << taken.body;
  EXPECT_NE(taken.json()["error"]["message"].get<std::string>().find("version 3"), std::string::npos) << taken.body;
}

TEST_F(RulebookGovernance, ALargeCalibrationSampleIsAFileUpload) {
  // 20,000 people, about 0.9 MB here and larger with longer ids: over the JSON
  // limit once wrapped in a JSON body of the old kind, accepted as a CSV upload.
  std::string sample = "person_id,client_group,current_annual_pence,daily_living,social,family\n";
  const char* living[] = {"none", "some", "lots"};
  for (int person_idx = 0; person_idx < 20000; ++person_idx) {
    sample += "SAMPLE-PERSON-" + std::to_string(100000 + person_idx) + ",Older people," +
              std::to_string(100000 + (person_idx % 97) * 1000) + "," + living[person_idx % 3] + "," +
              (person_idx % 2 ? "some" : "none") + "," + (person_idx % 5 ? "none" : "lots") + "\n";
  }
  ASSERT_GT(sample.size(), 1024u * 1024u);
  ok(call("POST", "/api/v1/rulebooks", "analyst", source_file("tests/scenarios/data/derby-small.json")), 201);
  const Json job = simulate_draft("derby-small", 1, source_file("tests/scenarios/data/small-population.csv"));
  ok(propose("derby-small", 1, "2026-11-22", job["id"]));
  ok(approve("derby-small", 1, "commissioner"));
  const Json calibration = ok(call("POST",
                                   "/api/v1/rulebooks/derby-small/versions/1/calibrate?budget_pence=400000000&"
                                   "top_slice_percent=15&population=200000",
                                   "analyst", sample, "text/csv"));
  EXPECT_EQ(calibration["sample_size"], 20000);
  const ClientResponse bad = call("POST",
                                  "/api/v1/rulebooks/derby-small/versions/1/calibrate?budget_pence=-5&"
                                  "top_slice_percent=lots&method=guess",
                                  "analyst", sample, "text/csv");
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::vector<std::string> found = paths(bad);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"budget_pence", "method", "population", "top_slice_percent"}));
}

TEST_F(RulebookGovernance, NewAssessmentsUseTheVersionInForceAndExistingOnesKeepTheirs) {
  const Json person = {{"given_name", "Winifred"},
                       {"family_name", "Rulebooktest"},
                       {"date_of_birth", "1938-07-04"},
                       {"nhs_number", "990 000 1001"},
                       {"postcode", "DE1 2AB"},
                       {"primary_support_reason", "physical_support_personal_care_support"},
                       {"client_group", "older_people"},
                       {"locality", "South"},
                       {"team", "South adults team"}};
  auto at_assessment = [&](Json details) {
    const std::int64_t id = ok(call("POST", "/api/v1/people", "assessor", details.dump()), 201)["id"];
    const std::string base = "/api/v1/people/" + std::to_string(id);
    ok(call("POST", base + "/contacts", "assessor",
            Json{{"route_of_access", "community_other_route"}, {"requested_by", "self"}}.dump()),
       201);
    ok(call("POST", base + "/steps/screen", "assessor", Json{{"outcome", "assessment"}}.dump()));
    return base;
  };
  auto assess = [&](const std::string& base, int version) {
    return call("POST", base + "/steps/assess", "assessor",
                Json{{"rulebook_id", "example-adults"},
                     {"rulebook_version", version},
                     {"answers", kAnswers},
                     {"eligibility", {{"framework", "banded"}, {"band", "critical"}}}}
                    .dump());
  };
  const std::string first = at_assessment(person);
  ok(assess(first, 1));
  EXPECT_EQ(ok(call("GET", first, "assessor"))["indicative_budget"]["annual_pence"], 562500);

  // The demo's proposed version 2 (£157.56 a point from 1 December) is approved;
  // today it is not in force, so a new assessment may not use it.
  ok(approve("example-adults", 2, "commissioner"));
  Json other = person;
  other["given_name"] = "Dorothea";
  other["date_of_birth"] = "1938-07-05";
  other["nhs_number"] = "990 000 1028";
  const std::string second = at_assessment(other);
  const ClientResponse too_soon = assess(second, 2);
  ASSERT_EQ(too_soon.status, 422) << too_soon.body;
  EXPECT_EQ(paths(too_soon), (std::vector<std::string>{"rulebook_version"}));

  // From 1 December version 2 is in force: new assessments use it, version 1 is
  // refused for them, and the first person keeps the version they were scored with.
  start(false, "2026-12-01T09:00:00.000Z");
  const ClientResponse old_version = assess(second, 1);
  ASSERT_EQ(old_version.status, 422) << old_version.body;
  EXPECT_EQ(paths(old_version), (std::vector<std::string>{"rulebook_version"}));
  ok(assess(second, 2));
  const Json assessed = ok(call("GET", second, "assessor"))["indicative_budget"];
  EXPECT_EQ(assessed["rulebook_version"], 2);
  EXPECT_EQ(assessed["annual_pence"], 354510);  // 25 points × £157.56 × 0.9
  const Json kept = ok(call("GET", first, "assessor"))["indicative_budget"];
  EXPECT_EQ(kept["rulebook_version"], 1);
  EXPECT_EQ(kept["annual_pence"], 562500);
}

}  // namespace
}  // namespace allot::api::test
