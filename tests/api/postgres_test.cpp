// A subset of the API tests against PostgreSQL, when ALLOT_TEST_POSTGRES_URL names
// a database (scripts/test starts a throwaway one). In CI a missing URL fails;
// elsewhere these tests are skipped with a message.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class ApiPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') {
      if (std::getenv("CI") != nullptr) FAIL() << "CI is set but ALLOT_TEST_POSTGRES_URL is not: run scripts/test";
      GTEST_SKIP() << "ALLOT_TEST_POSTGRES_URL is not set: skipping the PostgreSQL API tests (scripts/test sets it)";
    }
    ServerSettings settings;
    settings.database = url;
    // Each test keeps its tables in a schema of its own.
    std::random_device random;
    settings.env = {{"ALLOT_POSTGRES_SCHEMA", "api_test_" + std::to_string(::getpid()) + "_" + std::to_string(random())}};
    server_ = ServerProcess::start(settings);
  }
  ClientResponse post_json(const std::string& target, const std::string& body, HeaderList headers = {}) {
    return server_->request("POST", target, body, json_headers(std::move(headers)));
  }
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ApiPostgres, HealthSignInAndSessions) {
  const auto health = server_->request("GET", "/api/v1/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["database"], "postgresql");
  const SignedInUser analyst = sign_in(*server_, "analyst");
  EXPECT_EQ(server_->request("GET", "/api/v1/session", {}, analyst.cookie_headers(false)).status, 200);
  EXPECT_EQ(post_json("/api/v1/session", R"({"username": "analyst", "password": "wrong-password"})").status, 401);
  EXPECT_EQ(server_->request("DELETE", "/api/v1/session", {}, analyst.cookie_headers(false)).status, 403);
  EXPECT_EQ(server_->request("DELETE", "/api/v1/session", {}, analyst.cookie_headers(true)).status, 204);
  EXPECT_EQ(server_->request("GET", "/api/v1/session", {}, analyst.cookie_headers(false)).status, 401);
}

TEST_F(ApiPostgres, DraftConflictAndScore) {
  const SignedInUser analyst = sign_in(*server_, "analyst");
  const std::string rulebook = read_source_file("tests/scenarios/data/derby-small.json");
  EXPECT_EQ(post_json("/api/v1/rulebooks", rulebook, analyst.bearer_headers()).status, 201);
  EXPECT_EQ(post_json("/api/v1/rulebooks", rulebook, analyst.bearer_headers()).status, 409);
  const auto score = post_json("/api/v1/rulebooks/example-adults/versions/1/score",
                               read_source_file("data/examples/answers-example-adults.json"));
  ASSERT_EQ(score.status, 200) << score.body;
  EXPECT_GT(score.json()["annual_pence"].get<long>(), 0);
  EXPECT_EQ(post_json("/api/v1/rulebooks/example-adults/versions/1/score", R"({"answers": {"x": "y"}})").status, 422);
}

// The whole governance on PostgreSQL: a draft, its simulation, the proposal, the
// proposer refused, a second person's approval, then a calibrated draft.
TEST_F(ApiPostgres, DraftProposeApproveAndCalibrate) {
  const SignedInUser analyst = sign_in(*server_, "analyst");
  const SignedInUser commissioner = sign_in(*server_, "commissioner");
  ASSERT_EQ(post_json("/api/v1/rulebooks", read_source_file("tests/scenarios/data/derby-small.json"),
                      analyst.bearer_headers()).status, 201);
  HeaderList csv = analyst.bearer_headers();
  csv.emplace_back("Content-Type", "text/csv");
  const auto started = server_->request("POST", "/api/v1/rulebooks/derby-small/drafts/1/simulations",
                                        read_source_file("tests/scenarios/data/small-population.csv"), csv);
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string job_id = started.json()["job_id"];
  for (int poll_idx = 0; poll_idx < 3000; ++poll_idx) {
    const auto job = server_->request("GET", "/api/v1/jobs/" + job_id, {}, analyst.bearer_headers());
    if (job.json()["status"] == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const nlohmann::json proposal = {{"effective_from", "2026-11-22"}, {"simulation_job_id", job_id}};
  ASSERT_EQ(post_json("/api/v1/rulebooks/derby-small/drafts/1/proposal", proposal.dump(), analyst.bearer_headers()).status,
            200);
  EXPECT_EQ(post_json("/api/v1/rulebooks/derby-small/drafts/1/approval", "{}", analyst.bearer_headers()).status, 403);
  const auto approved = post_json("/api/v1/rulebooks/derby-small/drafts/1/approval", "{}", commissioner.bearer_headers());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(server_->request("GET", "/api/v1/rulebooks/derby-small/in-force").json()["version"], 1);

  const auto response = server_->request("POST",
                                         "/api/v1/rulebooks/derby-small/versions/1/calibrate?budget_pence=400000000&"
                                         "top_slice_percent=15&population=2000&draft=true",
                                         read_source_file("tests/scenarios/data/derby-sample.csv"), csv);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()["draft"]["version"], 2);
  EXPECT_EQ(server_->request("GET", "/api/v1/rulebooks/derby-small/versions/2").status, 404);
  EXPECT_EQ(server_->request("GET", "/api/v1/rulebooks/derby-small/drafts/2", {}, analyst.bearer_headers()).status, 200);
  EXPECT_EQ(server_->request("GET", "/api/v1/rulebooks/derby-small/history", {}, commissioner.bearer_headers())
                .json()["history"]
                .size(),
            4u);
}

}  // namespace
}  // namespace allot::api::test
