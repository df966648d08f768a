// Visit scheduling jobs through the real `allot serve` binary: the built-in
// examples, submit, poll to done, the solution and the checker's verdict, cancel
// with the best solution so far, 422 with every problem, 403 by role, and the
// limit on jobs at once.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <set>
#include <sstream>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Clock = std::chrono::steady_clock;

nlohmann::json read_source_json(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative);
  if (!in) throw std::runtime_error("cannot read " + relative);
  return nlohmann::json::parse(in);
}

class SolverJobs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"commissioner", "provider_user", "analyst", "administrator", "assessor"}) {
      users_[user] = sign_in(*server_, user);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static ClientResponse as(const std::string& user, const std::string& method, const std::string& target,
                           const std::string& body = {}) {
    HeaderList headers = users_.at(user).bearer_headers();
    if (!body.empty()) headers = json_headers(headers);
    return server_->request(method, target, body, headers);
  }

  static std::string submit(const std::string& user, const nlohmann::json& problem, double seconds) {
    const nlohmann::json body = {{"problem", problem}, {"time_limit_seconds", seconds}, {"seed", 3}, {"threads", 1}};
    const ClientResponse response = as(user, "POST", "/api/v1/solver/jobs", body.dump());
    if (response.status != 202) throw std::runtime_error("submit: " + std::to_string(response.status) + " " + response.body);
    return response.json()["job_id"].get<std::string>();
  }

  // Polls until the job leaves queued/running; returns its last JSON.
  static nlohmann::json wait_for(const std::string& user, const std::string& id, double max_seconds = 30) {
    const auto until = Clock::now() + std::chrono::duration<double>(max_seconds);
    while (Clock::now() < until) {
      const ClientResponse response = as(user, "GET", "/api/v1/jobs/" + id);
      if (response.status != 200) throw std::runtime_error("poll: " + response.body);
      nlohmann::json job = response.json();
      if (job["status"] != "queued" && job["status"] != "running") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("job " + id + " did not end in time");
  }

  static nlohmann::json example(const std::string& id) {
    const ClientResponse response = as("commissioner", "GET", "/api/v1/solver/examples");
    if (response.status != 200) throw std::runtime_error(response.body);
    const nlohmann::json body = response.json();
    for (const auto& item : body["examples"]) {
      if (item["id"] == id) return item["problem"];
    }
    throw std::runtime_error("no example " + id);
  }

  // Every visit is on a route or listed unassigned with a reason, never both, never lost.
  static void expect_every_visit_accounted_for(const nlohmann::json& problem, const nlohmann::json& solution) {
    std::set<std::string> routed, unassigned;
    for (const auto& route : solution["routes"]) {
      for (const auto& stop : route["stops"]) {
        if (stop["type"] == "visit") routed.insert(stop["visit"].get<std::string>());
      }
    }
    for (const auto& item : solution["unassigned"]) {
      EXPECT_TRUE(item["reason"].is_string() && !item["reason"].get<std::string>().empty()) << item.dump();
      unassigned.insert(item["visit"].get<std::string>());
    }
    for (const auto& visit : problem["visits"]) {
      const std::string id = visit["id"];
      EXPECT_NE(routed.count(id) + unassigned.count(id), 0u) << id << " is neither routed nor unassigned";
      EXPECT_FALSE(routed.count(id) && unassigned.count(id)) << id << " is both routed and unassigned";
    }
    EXPECT_EQ(routed.size() + unassigned.size(), problem["visits"].size());
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* SolverJobs::server_ = nullptr;
std::map<std::string, SignedInUser> SolverJobs::users_;

TEST_F(SolverJobs, ExamplesAreValidProblemsWithCoordinates) {
  const ClientResponse response = as("provider_user", "GET", "/api/v1/solver/examples");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json examples = response.json()["examples"];
  ASSERT_GE(examples.size(), 2u);
  bool has_latitude_longitude = false;
  for (const auto& item : examples) {
    EXPECT_FALSE(item["title"].get<std::string>().empty());
    EXPECT_EQ(item["visits"], item["problem"]["visits"].size());
    EXPECT_EQ(item["carers"], item["problem"]["carers"].size());
    EXPECT_FALSE(item["problem"]["locations"].empty());
    if (item["problem"]["travel"]["kind"] == "great_circle") {
      has_latitude_longitude = true;
      const auto& first = item["problem"]["locations"][0];  // [longitude, latitude] around Leeds
      EXPECT_NEAR(first[0].get<double>(), -1.55, 0.3);
      EXPECT_NEAR(first[1].get<double>(), 53.80, 0.3);
    }
  }
  EXPECT_TRUE(has_latitude_longitude);
}

TEST_F(SolverJobs, SolvesTheWorkedExampleWithTheCheckersVerdict) {
  const nlohmann::json problem = read_source_json("data/solver/example.json");
  const auto started = Clock::now();
  const std::string id = submit("commissioner", problem, 0.5);
  const nlohmann::json job = wait_for("commissioner", id);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 5.0);
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["kind"], "solver");
  const nlohmann::json& progress = job["progress"];
  for (const char* key : {"best_cost", "unassigned", "elapsed_seconds", "iterations"}) {
    EXPECT_TRUE(progress.contains(key)) << key << " missing from " << progress.dump();
  }
  const nlohmann::json& result = job["result"];
  EXPECT_TRUE(result["check"]["ok"].get<bool>()) << result["check"].dump();
  EXPECT_TRUE(result["check"]["violations"].empty());
  EXPECT_EQ(result["stopped_by"], "time_limit");
  const nlohmann::json& solution = result["solution"];
  EXPECT_EQ(solution["problem"], "worked-example");
  EXPECT_NEAR(result["check"]["objective"].get<double>(), solution["cost"]["objective"].get<double>(), 1e-6);
  EXPECT_DOUBLE_EQ(progress["best_cost"].get<double>(), solution["cost"]["objective"].get<double>());
  expect_every_visit_accounted_for(problem, solution);
  // The two visits nobody can do are listed with the documented reasons.
  std::map<std::string, std::string> reasons;
  for (const auto& item : solution["unassigned"]) reasons[item["visit"]] = item["reason"];
  EXPECT_EQ(reasons["mr-d-catheter"], "no_skilled_carer");
  EXPECT_EQ(reasons["mr-e-evening"], "outside_shifts");
  const nlohmann::json& totals = result["totals"];
  EXPECT_EQ(totals["visits"], 6);
  EXPECT_EQ(totals["visits_unassigned"], 2);
  EXPECT_EQ(totals["visits_routed"], 4);
  EXPECT_EQ(totals["carers_used"], solution["routes"].size());
  double travel = 0;
  for (const auto& route : solution["routes"]) {
    travel += route["travel_time"].get<double>();
    for (const char* key : {"carer", "departure", "return", "distance", "travel_time", "working_time", "stops"}) {
      EXPECT_TRUE(route.contains(key)) << key;
    }
  }
  EXPECT_NEAR(totals["travel_time"].get<double>(), travel, 1e-6);
}

TEST_F(SolverJobs, SolvesTheLeedsDayOnTwoThreads) {
  const nlohmann::json problem = example("leeds-day-60");
  const nlohmann::json body = {{"problem", problem}, {"time_limit_seconds", 1}, {"threads", 2}};
  const ClientResponse started = as("provider_user", "POST", "/api/v1/solver/jobs", body.dump());
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.header("location"), "/api/v1/jobs/" + started.json()["job_id"].get<std::string>());
  const nlohmann::json job = wait_for("provider_user", started.json()["job_id"]);
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_TRUE(job["result"]["check"]["ok"].get<bool>()) << job["result"]["check"].dump();
  EXPECT_EQ(job["result"]["threads"], 2);
  expect_every_visit_accounted_for(problem, job["result"]["solution"]);
  EXPECT_GT(job["result"]["totals"]["visits_routed"].get<int>(), 30);
}

TEST_F(SolverJobs, CancelStopsTheSolverAndKeepsItsBestSolution) {
  const nlohmann::json problem = example("leeds-day-60");
  const std::string id = submit("analyst", problem, 60);
  // Wait for the first progress, then cancel.
  const auto until = Clock::now() + std::chrono::seconds(10);
  nlohmann::json job;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    job = as("analyst", "GET", "/api/v1/jobs/" + id).json();
  } while (job["status"] == "running" && job["progress"]["best_cost"].is_null() && Clock::now() < until);
  ASSERT_EQ(job["status"], "running") << job.dump();
  EXPECT_GT(job["progress"]["total"].get<int>(), 0);
  EXPECT_DOUBLE_EQ(job["progress"]["time_limit_seconds"].get<double>(), 60);

  // Another user cannot see or cancel it.
  EXPECT_EQ(as("commissioner", "DELETE", "/api/v1/jobs/" + id).status, 404);

  const auto cancelled_at = Clock::now();
  const ClientResponse cancel = as("analyst", "DELETE", "/api/v1/jobs/" + id);
  ASSERT_EQ(cancel.status, 202) << cancel.body;
  job = wait_for("analyst", id, 10);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - cancelled_at).count(), 3.0);
  ASSERT_EQ(job["status"], "cancelled") << job.dump();
  EXPECT_EQ(job["result"]["stopped_by"], "cancel");
  EXPECT_LT(job["result"]["elapsed_seconds"].get<double>(), 30);
  EXPECT_TRUE(job["result"]["check"]["ok"].get<bool>()) << job["result"]["check"].dump();
  expect_every_visit_accounted_for(problem, job["result"]["solution"]);

  // A job that has ended cannot be cancelled again.
  const ClientResponse again = as("analyst", "DELETE", "/api/v1/jobs/" + id);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json()["error"]["code"], "conflict");
  EXPECT_EQ(as("analyst", "DELETE", "/api/v1/jobs/no-such-job").status, 404);
}

TEST_F(SolverJobs, BadProblemsAre422WithEveryProblem) {
  nlohmann::json problem = read_source_json("data/solver/example.json");
  problem["visits"][0]["duration"] = -5;
  problem["visits"][1]["time_windows"] = {{600, 500}};
  problem["carers"][0]["skills"] = "medication";
  const nlohmann::json body = {{"problem", problem}, {"time_limit_seconds", 500}, {"threads", 3}, {"colour", "red"}};
  const ClientResponse response = as("commissioner", "POST", "/api/v1/solver/jobs", body.dump());
  ASSERT_EQ(response.status, 422) << response.body;
  std::set<std::string> paths;
  const nlohmann::json error = response.json();
  for (const auto& issue : error["error"]["issues"]) paths.insert(issue["path"].get<std::string>());
  for (const char* path : {"time_limit_seconds", "threads", "colour"}) {
    EXPECT_TRUE(paths.count(path)) << path << " not reported: " << response.body;
  }
  int problem_issues = 0;
  for (const std::string& path : paths) problem_issues += path.rfind("problem.", 0) == 0;
  EXPECT_GE(problem_issues, 3) << response.body;

  const ClientResponse missing = as("commissioner", "POST", "/api/v1/solver/jobs", R"({"time_limit_seconds": 1})");
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["error"]["issues"][0]["path"], "problem");
  EXPECT_EQ(as("commissioner", "POST", "/api/v1/solver/jobs", "{not json").status, 400);
}

TEST_F(SolverJobs, RolesOutsideSchedulingAre403AndSignedOutIs401) {
  const nlohmann::json body = {{"problem", read_source_json("data/solver/example.json")}, {"time_limit_seconds", 1}};
  const ClientResponse forbidden = as("assessor", "POST", "/api/v1/solver/jobs", body.dump());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.json()["error"]["code"], "forbidden");
  EXPECT_EQ(as("assessor", "GET", "/api/v1/solver/examples").status, 403);
  EXPECT_EQ(server_->request("POST", "/api/v1/solver/jobs", body.dump(), json_headers()).status, 401);
  EXPECT_EQ(server_->request("GET", "/api/v1/solver/examples").status, 401);
}

TEST_F(SolverJobs, AProblemWithoutVisitsEndsAtOnce) {
  const nlohmann::json problem = {{"name", "empty"}, {"locations", {{0, 0}}},
                                  {"carers", {{{"id", "amira"}, {"start_location", 0}}}}, {"visits", nlohmann::json::array()}};
  for (int round = 0; round < 5; ++round) {  // more than the jobs-at-once limit: each has ended before the next
    const std::string id = submit("commissioner", problem, 5);
    const nlohmann::json job = wait_for("commissioner", id, 5);
    ASSERT_EQ(job["status"], "done") << job.dump();
    EXPECT_TRUE(job["result"]["solution"]["routes"].empty());
    EXPECT_EQ(job["result"]["totals"]["visits"], 0);
    EXPECT_TRUE(job["result"]["check"]["ok"].get<bool>());
  }
}

TEST_F(SolverJobs, OneUserOrOneAgencyCannotTakeEveryPlace) {
  const nlohmann::json problem = example("mankowska-style-10");
  const nlohmann::json body = {{"problem", problem}, {"time_limit_seconds", 60}};
  const std::string first = submit("commissioner", problem, 60);
  const ClientResponse again = as("commissioner", "POST", "/api/v1/solver/jobs", body.dump());
  EXPECT_EQ(again.status, 429) << again.body;
  EXPECT_NE(again.json()["error"]["message"].get<std::string>().find("already running one"), std::string::npos);
  // Another user of the same council is held back too: the last place is kept
  // for another organisation.
  const ClientResponse colleague = as("analyst", "POST", "/api/v1/solver/jobs", body.dump());
  EXPECT_EQ(colleague.status, 429) << colleague.body;
  EXPECT_NE(colleague.json()["error"]["message"].get<std::string>().find("your organisation"), std::string::npos);
  // The care provider still gets a place.
  const std::string provider = submit("provider_user", problem, 60);
  ASSERT_EQ(as("commissioner", "DELETE", "/api/v1/jobs/" + first).status, 202);
  ASSERT_EQ(as("provider_user", "DELETE", "/api/v1/jobs/" + provider).status, 202);
  EXPECT_EQ(wait_for("commissioner", first, 10)["status"], "cancelled");
  EXPECT_EQ(wait_for("provider_user", provider, 10)["status"], "cancelled");
}

TEST_F(SolverJobs, AtMostTwoJobsAtOnceThenBusy) {
  const nlohmann::json problem = example("mankowska-style-10");
  const std::string first = submit("commissioner", problem, 60);
  const std::string second = submit("provider_user", problem, 60);
  const nlohmann::json body = {{"problem", problem}, {"time_limit_seconds", 1}};
  const ClientResponse busy = as("administrator", "POST", "/api/v1/solver/jobs", body.dump());
  EXPECT_EQ(busy.status, 429) << busy.body;
  EXPECT_EQ(busy.json()["error"]["code"], "busy");
  EXPECT_NE(busy.json()["error"]["message"].get<std::string>().find("at once"), std::string::npos);
  EXPECT_FALSE(busy.header("retry-after").empty());

  ASSERT_EQ(as("commissioner", "DELETE", "/api/v1/jobs/" + first).status, 202);
  ASSERT_EQ(as("provider_user", "DELETE", "/api/v1/jobs/" + second).status, 202);
  EXPECT_EQ(wait_for("commissioner", first, 10)["status"], "cancelled");
  EXPECT_EQ(wait_for("provider_user", second, 10)["status"], "cancelled");
  // Room again once they have ended.
  const std::string third = submit("administrator", problem, 0.3);
  const nlohmann::json job = wait_for("administrator", third);
  EXPECT_EQ(job["status"], "done");
  expect_every_visit_accounted_for(problem, job["result"]["solution"]);
  EXPECT_TRUE(job["result"]["check"]["ok"].get<bool>());
}

}  // namespace
}  // namespace allot::api::test

namespace allot::api::test {
namespace {

// A solver job still running when the server is told to stop does not hold it up:
// the solver is asked to stop and the server exits once its requests are done. (A
// request is kept in flight during the stop, as in api_test's SIGTERM test.)
TEST(SolverJobsShutdown, SigtermStopsARunningSolverJob) {
  ServerSettings settings;
  settings.env = {{"ALLOT_TEST_ROUTES", "1"}};
  auto server = ServerProcess::start(settings);
  const SignedInUser user = sign_in(*server, "provider_user");
  const nlohmann::json examples = server->request("GET", "/api/v1/solver/examples", {}, user.bearer_headers()).json();
  const nlohmann::json body = {{"problem", examples["examples"][1]["problem"]}, {"time_limit_seconds", 100}};
  const ClientResponse started =
      server->request("POST", "/api/v1/solver/jobs", body.dump(), json_headers(user.bearer_headers()));
  ASSERT_EQ(started.status, 202) << started.body;
  const int port = server->port();
  auto in_flight = std::async(std::launch::async, [port] { return http_request(port, "GET", "/api/v1/test/sleep?ms=500"); });
  bool handling = false;
  for (int poll_idx = 0; poll_idx < 2000 && !handling; ++poll_idx) {
    const auto count = server->request("GET", "/api/v1/test/in-flight");
    handling = count.status == 200 && count.json()["in_flight"].get<int>() >= 1;
    if (!handling) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(handling);
  const auto stopping = Clock::now();
  EXPECT_EQ(server->stop(SIGTERM, 30), 0) << server->log();
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - stopping).count(), 10.0);
  EXPECT_EQ(in_flight.get().status, 200);
}

}  // namespace
}  // namespace allot::api::test
