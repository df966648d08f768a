// The API through the real `allot serve` binary: every endpoint, every error
// status (400, 401, 403 for role and CSRF, 404, 409, 413, 422, 500), the pages,
// and graceful shutdown on SIGTERM.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) throw std::runtime_error("cannot read " + relative);
  return text.str();
}

// The stdout of a command (the CLI, to compare its JSON with the API's).
std::string run_command(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  while (std::size_t got = std::fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, got);
  ::pclose(pipe);
  return output;
}

std::string error_code(const ClientResponse& response) { return response.json()["error"]["code"].get<std::string>(); }

std::vector<std::string> issue_paths(const ClientResponse& response) {
  std::vector<std::string> paths;
  const nlohmann::json body = response.json();
  for (const auto& issue : body["error"]["issues"]) paths.push_back(issue["path"].get<std::string>());
  return paths;
}

class Api : public ::testing::Test {
 protected:
  void SetUp() override { server_ = ServerProcess::start(settings()); }
  virtual ServerSettings settings() { return {}; }
  const ServerProcess& server() const { return *server_; }

  ClientResponse post_json(const std::string& target, const std::string& body, HeaderList headers = {}) {
    return server_->request("POST", target, body, json_headers(std::move(headers)));
  }

  std::unique_ptr<ServerProcess> server_;
};

const char* kScoreAdults = "/api/v1/rulebooks/example-adults/versions/1/score";

// --- public endpoints -----------------------------------------------------------

TEST_F(Api, HealthReportsVersionAndSchema) {
  const auto response = server().request("GET", "/api/v1/health");
  ASSERT_EQ(response.status, 200);
  const auto body = response.json();
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["version"], "0.1.0");
  EXPECT_GE(body["schema_version"].get<int>(), 1);
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

TEST_F(Api, StartPrintsTheDemoUsersAndLogsSettingsWithoutSecrets) {
  EXPECT_NE(server().start_output().find("analyst"), std::string::npos);
  EXPECT_NE(server().start_output().find(kDemoPassword), std::string::npos);
  const std::string log = server().log();
  EXPECT_NE(log.find("config port = 0 (flag)"), std::string::npos) << log;
  EXPECT_EQ(log.find(kDemoPassword), std::string::npos) << "the log shows the demo password";
}

TEST_F(Api, OpenApiDocumentIsServed) {
  const auto response = server().request("GET", "/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST_F(Api, ListsPublishedRulebooks) {
  const auto response = server().request("GET", "/api/v1/rulebooks");
  ASSERT_EQ(response.status, 200);
  std::vector<std::string> ids;
  const nlohmann::json body = response.json();
  for (const auto& rulebook : body["rulebooks"]) ids.push_back(rulebook["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "example-adults"), ids.end());
  const nlohmann::json& first = body["rulebooks"][0];
  EXPECT_EQ(first["latest_version"], 1);
  EXPECT_TRUE(first["versions"][0].contains("published_at"));
}

TEST_F(Api, ServesARulebookExactlyAsPublished) {
  const auto response = server().request("GET", "/api/v1/rulebooks/example-adults/versions/1");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), nlohmann::json::parse(read_source_file("data/rulebooks/example-adults.json")));
}

TEST_F(Api, UnknownRulebookVersionIs404) {
  EXPECT_EQ(server().request("GET", "/api/v1/rulebooks/example-adults/versions/9").status, 404);
  EXPECT_EQ(server().request("GET", "/api/v1/rulebooks/nothing/versions/1").status, 404);
  const auto bad_version = server().request("GET", "/api/v1/rulebooks/example-adults/versions/one");
  EXPECT_EQ(bad_version.status, 404);
  EXPECT_EQ(error_code(bad_version), "not_found");
}

TEST_F(Api, ScoreGivesTheSameFieldsAsTheCli) {
  const auto response = post_json(kScoreAdults, read_source_file("data/examples/answers-example-adults.json"));
  ASSERT_EQ(response.status, 200) << response.body;
  const std::string cli = run_command(std::string(ALLOT_BINARY) + " ras score --json " + ALLOT_SOURCE_DIR +
                                      "/data/rulebooks/example-adults.json " + ALLOT_SOURCE_DIR +
                                      "/data/examples/answers-example-adults.json 2>/dev/null");
  EXPECT_EQ(response.json(), nlohmann::json::parse(cli));
  EXPECT_EQ(response.json()["rulebook_id"], "example-adults");
}

TEST_F(Api, ScoreWithBadAnswersIs422NamingEveryProblem) {
  const auto response = post_json(kScoreAdults, R"({"answers": {"personal_care": "sum", "flying": "high"}})");
  ASSERT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(error_code(response), "invalid_value");
  const auto paths = issue_paths(response);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "answers.personal_care"), paths.end()) << response.body;
  EXPECT_NE(std::find(paths.begin(), paths.end(), "answers.flying"), paths.end()) << response.body;
  EXPECT_GT(paths.size(), 2u) << "unanswered questions are listed too";
}

TEST_F(Api, MalformedJsonIs400) {
  const auto response = post_json(kScoreAdults, R"({"answers": {)");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(error_code(response), "malformed");
}

TEST_F(Api, WrongContentTypeIs400) {
  const auto response = server().request("POST", kScoreAdults, R"({"answers": {}})", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(error_code(response), "malformed");
}

TEST_F(Api, ScoreOnAnUnknownRulebookIs404) {
  EXPECT_EQ(post_json("/api/v1/rulebooks/nothing/versions/1/score", R"({"answers": {}})").status, 404);
}

TEST_F(Api, UnknownEndpointIs404AndWrongMethodIs405) {
  const auto missing = server().request("GET", "/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(error_code(missing), "not_found");
  const auto wrong = server().request("PUT", "/api/v1/rulebooks", "{}", json_headers());
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, POST");
}

// --- sign-in, sessions, CSRF ------------------------------------------------------

TEST_F(Api, SignInSetsASecureHttpOnlyStrictCookie) {
  const auto response =
      post_json("/api/v1/session", nlohmann::json{{"username", "analyst"}, {"password", kDemoPassword}}.dump());
  ASSERT_EQ(response.status, 200) << response.body;
  const std::string cookie = response.header("set-cookie");
  EXPECT_EQ(cookie.rfind("allot_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  const auto body = response.json();
  EXPECT_EQ(body["user"]["username"], "analyst");
  EXPECT_EQ(body["user"]["roles"], nlohmann::json::array({"analyst"}));
  EXPECT_TRUE(body["user"]["agency"].contains("kind"));
  EXPECT_FALSE(body["csrf_token"].get<std::string>().empty());
  EXPECT_FALSE(body["expires_at"].get<std::string>().empty());
}

TEST_F(Api, WrongPasswordAndUnknownUserGetTheSame401) {
  const auto wrong = post_json("/api/v1/session", R"({"username": "analyst", "password": "not-the-password"})");
  const auto unknown = post_json("/api/v1/session", R"({"username": "nobody", "password": "not-the-password"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(wrong.header("set-cookie").empty());
}

TEST_F(Api, RepeatedFailedSignInsAre429WithRetryAfter) {
  const std::string guess = R"({"username": "guesser", "password": "not-the-password"})";
  for (int attempt = 0; attempt < 5; ++attempt) EXPECT_EQ(post_json("/api/v1/session", guess).status, 401);
  const auto paused = post_json("/api/v1/session", guess);
  ASSERT_EQ(paused.status, 429);
  EXPECT_EQ(paused.json()["error"]["code"], "too_many_requests");
  // The 15 minutes run from the first failure; on a busy machine the five tries
  // take a few seconds of the (running) clock.
  const int retry_after = std::stoi(std::string(paused.header("retry-after")));
  EXPECT_LE(retry_after, 900);
  EXPECT_GE(retry_after, 840);
  // Other users still sign in.
  EXPECT_EQ(post_json("/api/v1/session", nlohmann::json{{"username", "analyst"}, {"password", kDemoPassword}}.dump()).status,
            200);
}

TEST_F(Api, SignInWithMissingFieldsIs422) {
  const auto response = post_json("/api/v1/session", R"({"username": 7})");
  ASSERT_EQ(response.status, 422);
  const auto paths = issue_paths(response);
  EXPECT_EQ(paths, (std::vector<std::string>{"username", "password"}));
}

TEST_F(Api, SessionNeedsSigningIn) {
  const auto response = server().request("GET", "/api/v1/session");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(error_code(response), "unauthenticated");
  EXPECT_EQ(server().request("GET", "/api/v1/session", {}, {{"Cookie", "allot_session=made-up"}}).status, 401);
  EXPECT_EQ(server().request("GET", "/api/v1/session", {}, {{"Authorization", "Bearer made-up"}}).status, 401);
}

TEST_F(Api, SessionByCookieOrBearer) {
  const SignedInUser user = sign_in(server(), "assessor");
  const auto by_cookie = server().request("GET", "/api/v1/session", {}, user.cookie_headers(false));
  ASSERT_EQ(by_cookie.status, 200) << by_cookie.body;
  EXPECT_EQ(by_cookie.json()["user"]["username"], "assessor");
  EXPECT_EQ(by_cookie.json()["csrf_token"], user.csrf_token);
  const auto by_bearer = server().request("GET", "/api/v1/session", {}, user.bearer_headers());
  ASSERT_EQ(by_bearer.status, 200);
  EXPECT_EQ(by_bearer.json()["user"]["username"], "assessor");
}

TEST_F(Api, SignOutNeedsTheCsrfTokenWithACookie) {
  const SignedInUser user = sign_in(server(), "assessor");
  const auto refused = server().request("DELETE", "/api/v1/session", {}, user.cookie_headers(false));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(error_code(refused), "csrf");
  HeaderList wrong_token = {{"Cookie", user.cookie}, {"X-CSRF-Token", "wrong"}};
  EXPECT_EQ(server().request("DELETE", "/api/v1/session", {}, wrong_token).status, 403);

  const auto signed_out = server().request("DELETE", "/api/v1/session", {}, user.cookie_headers(true));
  EXPECT_EQ(signed_out.status, 204);
  EXPECT_NE(signed_out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server().request("GET", "/api/v1/session", {}, user.cookie_headers(false)).status, 401);
}

// --- roles ------------------------------------------------------------------------

TEST_F(Api, ValidateNeedsSignInAndTheAnalystOrAdministratorRole) {
  const std::string rulebook = read_source_file("data/rulebooks/example-carers.json");
  EXPECT_EQ(post_json("/api/v1/rulebooks/validate", rulebook).status, 401);
  const SignedInUser assessor = sign_in(server(), "assessor");
  const auto forbidden = post_json("/api/v1/rulebooks/validate", rulebook, assessor.bearer_headers());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(error_code(forbidden), "forbidden");
  const SignedInUser administrator = sign_in(server(), "administrator");
  const auto allowed = post_json("/api/v1/rulebooks/validate", rulebook, administrator.bearer_headers());
  ASSERT_EQ(allowed.status, 200);
  EXPECT_EQ(allowed.json()["valid"], true);
}

TEST_F(Api, ValidateListsEveryProblem) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const auto response = post_json("/api/v1/rulebooks/validate",
                                  read_source_file("tests/scenarios/data/bad-rulebook.json"), analyst.cookie_headers(true));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()["valid"], false);
  EXPECT_GE(response.json()["issues"].size(), 2u) << response.body;
}

TEST_F(Api, BrowserWritesNeedTheCsrfToken) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const std::string rulebook = read_source_file("tests/scenarios/data/derby-small.json");
  const auto refused = post_json("/api/v1/rulebooks", rulebook, analyst.cookie_headers(false));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(error_code(refused), "csrf");
  // Nothing was published.
  EXPECT_EQ(server().request("GET", "/api/v1/rulebooks/derby-small/versions/1").status, 404);
}

// --- drafts, calibration, simulation (governance: rulebook_governance_test.cpp) ----

TEST_F(Api, AnUploadIsADraftThenConflictOnTheSameVersion) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const std::string rulebook = read_source_file("tests/scenarios/data/derby-small.json");
  const auto drafted = post_json("/api/v1/rulebooks", rulebook, analyst.cookie_headers(true));
  ASSERT_EQ(drafted.status, 201) << drafted.body;
  EXPECT_EQ(drafted.json()["status"], "draft");
  EXPECT_EQ(drafted.header("location"), "/api/v1/rulebooks/derby-small/drafts/1");
  // Not published: nobody uses a draft.
  EXPECT_EQ(server().request("GET", "/api/v1/rulebooks/derby-small/versions/1").status, 404);

  const auto again = post_json("/api/v1/rulebooks", rulebook, analyst.cookie_headers(true));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(error_code(again), "conflict");
}

TEST_F(Api, UploadingAnInvalidRulebookIs422) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const auto response =
      post_json("/api/v1/rulebooks", read_source_file("tests/scenarios/data/bad-rulebook.json"), analyst.bearer_headers());
  EXPECT_EQ(response.status, 422);
  EXPECT_GE(issue_paths(response).size(), 2u);
}

ClientResponse post_csv(const ServerProcess& server, const std::string& target, const std::string& body,
                        HeaderList headers) {
  headers.emplace_back("Content-Type", "text/csv");
  return server.request("POST", target, body, headers);
}

TEST_F(Api, CalibrateRefusesBadRequestsListingEveryProblem) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const auto response = post_csv(server(),
                                 "/api/v1/rulebooks/example-adults/versions/1/calibrate?budget_pence=-5&"
                                 "top_slice_percent=lots&method=guess&publish=true",
                                 "person_id\n", analyst.bearer_headers());
  ASSERT_EQ(response.status, 422) << response.body;
  auto paths = issue_paths(response);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"budget_pence", "method", "population", "publish", "top_slice_percent"}));
}

// A number no double holds (1e400) cannot be read: a 400 naming the field (every
// JSON route: json_numbers_test.cpp). One too large for its field is a 422 naming
// the field. Never a 500.
TEST_F(Api, NumbersTooLargeAreRefusedNamingTheField) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  const std::string target = "/api/v1/rulebooks/example-adults/versions/1/calibrate?top_slice_percent=15&population=10";
  for (const char* budget : {"1e400", "123456789012345678901234567890"}) {
    const auto refused = post_csv(server(), target + "&budget_pence=" + budget, "person_id\n", analyst.bearer_headers());
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(issue_paths(refused), (std::vector<std::string>{"budget_pence"})) << refused.body;
  }
  const auto solver = post_json("/api/v1/solver/jobs", R"({"problem": {"visits": [{"duration": -1e999}]}})",
                                analyst.bearer_headers());
  ASSERT_EQ(solver.status, 400) << solver.body;
  EXPECT_EQ(issue_paths(solver), (std::vector<std::string>{"problem.visits[0].duration"}));
}

TEST_F(Api, CalibrateIsForAnalystsOnly) {
  const SignedInUser finance = sign_in(server(), "finance_officer");
  EXPECT_EQ(post_csv(server(), "/api/v1/rulebooks/example-adults/versions/1/calibrate", "x", finance.bearer_headers()).status,
            403);
}

nlohmann::json wait_for_job(const ServerProcess& server, const std::string& id, const HeaderList& headers) {
  for (int poll_idx = 0; poll_idx < 3000; ++poll_idx) {
    const auto response = server.request("GET", "/api/v1/jobs/" + id, {}, headers);
    if (response.status != 200) throw std::runtime_error("job poll: " + response.body);
    const auto job = response.json();
    if (job["status"] == "done" || job["status"] == "failed") return job;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("the job did not finish");
}

TEST_F(Api, SimulationRunsAsAJobWithTheCliFields) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  ASSERT_EQ(post_json("/api/v1/rulebooks", read_source_file("tests/scenarios/data/derby-small.json"),
                      analyst.bearer_headers()).status, 201);
  HeaderList headers = analyst.bearer_headers();
  headers.emplace_back("Content-Type", "text/csv");
  const auto started = server().request("POST", "/api/v1/rulebooks/derby-small/drafts/1/simulations",
                                        read_source_file("tests/scenarios/data/small-population.csv"), headers);
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string id = started.json()["job_id"];
  EXPECT_EQ(started.header("location"), "/api/v1/jobs/" + id);
  const auto job = wait_for_job(server(), id, analyst.bearer_headers());
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["kind"], "simulation");
  EXPECT_EQ(job["progress"]["done"], job["progress"]["total"]);
  // The CLI's report, and which rulebook ran (a proposal carries only its own draft's).
  nlohmann::json result = job["result"];
  EXPECT_EQ(result["rulebook"], (nlohmann::json{{"id", "derby-small"}, {"version", 1}, {"draft", true}}));
  result.erase("rulebook");
  const std::string cli = run_command(std::string(ALLOT_BINARY) + " ras simulate --json " + ALLOT_SOURCE_DIR +
                                      "/tests/scenarios/data/derby-small.json " + ALLOT_SOURCE_DIR +
                                      "/tests/scenarios/data/small-population.csv 2>/dev/null");
  EXPECT_EQ(result, nlohmann::json::parse(cli));

  // Only the user who started a job sees it.
  const SignedInUser other = sign_in(server(), "administrator");
  EXPECT_EQ(server().request("GET", "/api/v1/jobs/" + id, {}, other.bearer_headers()).status, 404);
  EXPECT_EQ(server().request("GET", "/api/v1/jobs/" + id).status, 401);
}

TEST_F(Api, SimulationOfABadPopulationIsRefusedWithEveryBadRow) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  ASSERT_EQ(post_json("/api/v1/rulebooks", read_source_file("tests/scenarios/data/derby-small.json"),
                      analyst.bearer_headers()).status, 201);
  HeaderList headers = analyst.bearer_headers();
  headers.emplace_back("Content-Type", "text/csv");
  // Refused whole before a job starts: nothing is queued for a file with bad rows.
  const auto started = server().request("POST", "/api/v1/rulebooks/derby-small/drafts/1/simulations",
                                        read_source_file("tests/scenarios/data/bad-sample.csv"), headers);
  ASSERT_EQ(started.status, 400) << started.body;  // the most severe problem: a line with too few fields
  EXPECT_EQ(started.json()["error"]["issues"].size(), 3u);
  EXPECT_NE(started.json()["error"]["issues"][0]["path"].get<std::string>().find("population.csv:"), std::string::npos);
}

TEST_F(Api, UnknownJobIs404) {
  const SignedInUser analyst = sign_in(server(), "analyst");
  EXPECT_EQ(server().request("GET", "/api/v1/jobs/no-such-job", {}, analyst.bearer_headers()).status, 404);
}

// --- limits, failures ---------------------------------------------------------------

class ApiWithSmallLimits : public Api {
  ServerSettings settings() override {
    ServerSettings settings;
    settings.env = {{"ALLOT_MAX_BODY_BYTES", "2048"}};
    return settings;
  }
};

TEST_F(ApiWithSmallLimits, BodyOverTheLimitIs413) {
  const std::string big = R"({"answers": {"personal_care": ")" + std::string(4000, 'x') + R"("}})";
  const auto response = post_json(kScoreAdults, big);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(error_code(response), "too_large");
  EXPECT_EQ(server().request("GET", "/api/v1/health").status, 200);
}

class ApiWithTestRoutes : public Api {
  ServerSettings settings() override {
    ServerSettings settings;
    settings.env = {{"ALLOT_TEST_ROUTES", "1"}, {"ALLOT_SHUTDOWN_GRACE_SECONDS", "30"}};
    return settings;
  }
};

TEST_F(Api, TestRoutesAreOffByDefault) {
  EXPECT_EQ(server().request("GET", "/api/v1/test/fail").status, 404);
}

TEST_F(ApiWithTestRoutes, InternalErrorIs500WithAnIncidentIdAndNoInternals) {
  const auto response = server().request("GET", "/api/v1/test/fail");
  ASSERT_EQ(response.status, 500);
  const auto body = response.json();
  EXPECT_EQ(body["error"]["code"], "internal");
  const std::string incident = body["error"]["incident_id"];
  EXPECT_FALSE(incident.empty());
  EXPECT_EQ(response.body.find("secret-internal-detail"), std::string::npos) << response.body;
  EXPECT_EQ(response.body.find("runtime_error"), std::string::npos);
  // The details are in the server's log under the incident id.
  const std::string log = server().log();
  EXPECT_NE(log.find("incident " + incident + ": GET /api/v1/test/fail: deliberate failure for tests: secret-internal-detail"),
            std::string::npos)
      << log;
}

TEST_F(ApiWithTestRoutes, SigtermFinishesRequestsInFlightThenExits) {
  const int port = server().port();
  auto in_flight = std::async(std::launch::async, [port] { return http_request(port, "GET", "/api/v1/test/sleep?ms=1500"); });
  // Wait until the server is handling it.
  bool handling = false;
  for (int poll_idx = 0; poll_idx < 2000 && !handling; ++poll_idx) {
    const auto count = server().request("GET", "/api/v1/test/in-flight");
    handling = count.status == 200 && count.json()["in_flight"].get<int>() >= 1;
    if (!handling) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(handling);
  const int exit_status = server_->stop(SIGTERM, 60);
  const auto response = in_flight.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["slept_ms"], 1500);
  EXPECT_EQ(exit_status, 0);
  EXPECT_LT(connect_to(port), 0) << "still accepting after exit";
}

// With no connection open, the first SIGTERM stops the server: a wait for a second
// signal must not be the one thing that keeps it running.
TEST_F(Api, SigtermWithNoConnectionOpenExits) {
  const int port = server().port();
  EXPECT_EQ(server().request("GET", "/api/v1/health").status, 200);
  EXPECT_EQ(server_->stop(SIGTERM, 10), 0);
  EXPECT_LT(connect_to(port), 0) << "still accepting after exit";
}

// --- robustness through the binary ----------------------------------------------------

class ApiWithShortTimeouts : public Api {
  ServerSettings settings() override {
    ServerSettings settings;
    settings.env = {{"ALLOT_READ_TIMEOUT_SECONDS", "1"}, {"ALLOT_IO_THREADS", "1"}, {"ALLOT_WORKER_THREADS", "1"}};
    return settings;
  }
};

TEST_F(ApiWithShortTimeouts, HalfARequestDoesNotStopOthersAndIsCutOff) {
  const int slow = connect_to(server().port());
  ASSERT_GE(slow, 0);
  ASSERT_TRUE(send_all(slow, "POST /api/v1/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Len"));
  for (int request_idx = 0; request_idx < 3; ++request_idx) {
    EXPECT_EQ(server().request("GET", "/api/v1/health").status, 200);
  }
  bool timed_out = false;
  const std::string received = read_until_closed(slow, 30, timed_out);
  close_socket(slow);
  EXPECT_FALSE(timed_out) << "the server kept a stalled connection open";
  EXPECT_EQ(received, "");
}

class ApiWithConfigFile : public Api {
  ServerSettings settings() override {
    config_path_ = std::string(::testing::TempDir()) + "/allot-api-test-config-" + std::to_string(::getpid()) + ".json";
    std::ofstream(config_path_) << R"({"max_body_bytes": 4096, "read_timeout_seconds": 20, "port": 1})";
    ServerSettings settings;
    settings.args = {"--config", config_path_};
    settings.env = {{"ALLOT_READ_TIMEOUT_SECONDS", "25"}};
    return settings;
  }
  void TearDown() override { std::remove(config_path_.c_str()); }
  std::string config_path_;
};

TEST_F(ApiWithConfigFile, SettingsComeFromFileThenEnvironmentThenFlags) {
  const std::string log = server().log();
  EXPECT_NE(log.find("config max_body_bytes = 4096 (file)"), std::string::npos) << log;
  EXPECT_NE(log.find("config read_timeout_seconds = 25 (env ALLOT_READ_TIMEOUT_SECONDS)"), std::string::npos) << log;
  EXPECT_NE(log.find("config port = 0 (flag)"), std::string::npos) << log;
  const std::string big = R"({"answers": {"personal_care": ")" + std::string(5000, 'x') + R"("}})";
  EXPECT_EQ(post_json(kScoreAdults, big).status, 413);
}

TEST(ApiStart, BadSettingsStopTheServerWithEveryProblem) {
  const std::string output = run_command("ALLOT_PORT=eighty ALLOT_IO_THREADS=0 " + std::string(ALLOT_BINARY) +
                                         " serve --database /nonexistent/x.sqlite 2>&1; echo exit=$?");
  EXPECT_NE(output.find("ALLOT_PORT"), std::string::npos) << output;
  EXPECT_NE(output.find("ALLOT_IO_THREADS"), std::string::npos) << output;
  EXPECT_NE(output.find("exit=2"), std::string::npos) << output;
}

// --- pages ----------------------------------------------------------------------------

TEST_F(Api, ServesPagesWithSecurityHeaders) {
  const auto page = server().request("GET", "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<title>Allot</title>"), std::string::npos);
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");

  const auto asset = server().request("GET", "/assets/app-1234.js");
  ASSERT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(asset.header("cache-control").find("immutable"), std::string::npos);
}

TEST_F(Api, ClientSideRoutesGetIndexButMissingFilesAre404) {
  const auto route = server().request("GET", "/rulebooks/example-adults");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("<title>Allot</title>"), std::string::npos);
  EXPECT_EQ(server().request("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(server().request("GET", "/../server.log").status, 404);
  EXPECT_EQ(server().request("GET", "/%2e%2e/server.log").status, 404);
  EXPECT_EQ(server().request("POST", "/", "x", {{"Content-Type", "text/plain"}}).status, 405);
}

}  // namespace
}  // namespace allot::api::test
