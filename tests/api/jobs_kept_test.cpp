// Jobs are kept in the database: a finished job's result outlives a restart, a
// job whose server was killed is reported as interrupted, and two servers
// sharing one database answer for each other's jobs, cancel included.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Clock = std::chrono::steady_clock;

ClientResponse as(const ServerProcess& server, const SignedInUser& user, const std::string& method,
                  const std::string& target, const std::string& body = {}) {
  HeaderList headers = user.bearer_headers();
  if (!body.empty()) headers = json_headers(headers);
  return server.request(method, target, body, headers);
}

nlohmann::json small_problem(const ServerProcess& server, const SignedInUser& user) {
  const ClientResponse examples = as(server, user, "GET", "/api/v1/solver/examples");
  const nlohmann::json body = examples.json();
  for (const auto& item : body["examples"]) {
    if (item["id"] == "mankowska-style-10") return item["problem"];
  }
  throw std::runtime_error("no example problem: " + std::to_string(examples.status) + " " + examples.body.substr(0, 200));
}

std::string submit(const ServerProcess& server, const SignedInUser& user, double seconds) {
  const nlohmann::json body = {{"problem", small_problem(server, user)}, {"time_limit_seconds", seconds}, {"seed", 3}};
  const ClientResponse response = as(server, user, "POST", "/api/v1/solver/jobs", body.dump());
  if (response.status != 202) throw std::runtime_error("submit: " + response.body);
  return response.json()["job_id"].get<std::string>();
}

nlohmann::json poll_until(const ServerProcess& server, const SignedInUser& user, const std::string& id,
                          const std::function<bool(const nlohmann::json&)>& done, double max_seconds = 30) {
  const auto until = Clock::now() + std::chrono::duration<double>(max_seconds);
  nlohmann::json job;
  while (Clock::now() < until) {
    const ClientResponse response = as(server, user, "GET", "/api/v1/jobs/" + id);
    if (response.status == 200) {
      job = response.json();
      if (done(job)) return job;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("job " + id + " did not reach the state in time; last " + job.dump());
}

bool ended(const nlohmann::json& job) { return job["status"] != "queued" && job["status"] != "running"; }

class JobsKept : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("allot-jobs-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
    database_ = (folder_ / "shared.sqlite").string();
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  std::unique_ptr<ServerProcess> start(bool demo, std::string clock_start = kTestClockStart) {
    ServerSettings settings;
    settings.database = database_;
    settings.demo = demo;
    settings.clock_start = std::move(clock_start);
    return ServerProcess::start(settings);
  }
  std::filesystem::path folder_;
  std::string database_;
};

TEST_F(JobsKept, AFinishedJobsResultOutlivesARestart) {
  auto server = start(true);
  const SignedInUser commissioner = sign_in(*server, "commissioner");
  const std::string id = submit(*server, commissioner, 0.3);
  const nlohmann::json before = poll_until(*server, commissioner, id, ended);
  ASSERT_EQ(before["status"], "done") << before.dump();
  ASSERT_EQ(server->stop(SIGTERM), 0);

  auto again = start(false);
  const SignedInUser same = sign_in(*again, "commissioner");
  const ClientResponse after = as(*again, same, "GET", "/api/v1/jobs/" + id);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json()["status"], "done");
  EXPECT_EQ(after.json()["result"], before["result"]);
  // Still only its owner's to see.
  const SignedInUser other = sign_in(*again, "provider_user");
  EXPECT_EQ(as(*again, other, "GET", "/api/v1/jobs/" + id).status, 404);
}

TEST_F(JobsKept, AJobWhoseServerWasKilledIsReportedAsInterrupted) {
  auto server = start(true);
  const SignedInUser commissioner = sign_in(*server, "commissioner");
  const std::string id = submit(*server, commissioner, 60);
  poll_until(*server, commissioner, id, [](const nlohmann::json& job) { return job["status"] == "running"; });
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a heartbeat or two
  server->stop(SIGKILL);

  // Restarted an hour later by its clock: the job's last heartbeat is long past.
  auto again = start(false, "2026-11-22T10:00:00.000Z");
  const SignedInUser same = sign_in(*again, "commissioner");
  const ClientResponse after = as(*again, same, "GET", "/api/v1/jobs/" + id);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json()["status"], "interrupted");
  EXPECT_NE(after.json()["error"]["issues"][0]["message"].get<std::string>().find("stopped before it finished"),
            std::string::npos);
}

TEST_F(JobsKept, TwoServersOnOneDatabaseAnswerForEachOthersJobs) {
  auto first = start(true);
  auto second = start(false);
  const SignedInUser on_first = sign_in(*first, "commissioner");
  // A session started on one server works on the other.
  const ClientResponse session = as(*second, on_first, "GET", "/api/v1/session");
  ASSERT_EQ(session.status, 200) << session.body;

  const std::string id = submit(*first, on_first, 60);
  const nlohmann::json seen = poll_until(*second, on_first, id, [](const nlohmann::json& job) {
    return job["status"] == "running" && job["progress"]["done"].get<std::int64_t>() > 0;
  });
  EXPECT_EQ(seen["kind"], "solver");
  // Cancelled through the second server; the first stops it at its next heartbeat.
  ASSERT_EQ(as(*second, on_first, "DELETE", "/api/v1/jobs/" + id).status, 202);
  const nlohmann::json cancelled = poll_until(*first, on_first, id, ended, 15);
  EXPECT_EQ(cancelled["status"], "cancelled");
  const nlohmann::json elsewhere = poll_until(*second, on_first, id, ended, 15);
  EXPECT_EQ(elsewhere["status"], "cancelled");
}

}  // namespace
}  // namespace allot::api::test
