// Many clients change the same things at once. Every save of one support plan
// draft and of one person's details names the row version it read: each save is
// either counted (the version goes up by exactly one) or refused with 409, so no
// update is lost. Every client posts the same payments to one budget at once:
// each idempotency key posts once (201) and is answered "repeated" otherwise, and
// the monitoring totals add up to the payments, by line and in total.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "fault_support.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

constexpr int kClients = 8;
constexpr int kRoundsEach = 12;

class ConcurrentWrites : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      if (const std::string why = postgres_unavailable(); !why.empty()) {
        if (std::getenv("CI") != nullptr) FAIL() << "CI is set but " << why;
        GTEST_SKIP() << why;
      }
    }
    database_ = FaultDatabase::make(GetParam(), "concurrent");
    server_ = database_->start_server(true);
    assessor_ = sign_in(*server_, "assessor");
    finance_ = sign_in(*server_, "finance_officer");
  }
  void TearDown() override { server_.reset(); }

  // Every client reads, then saves with the version it read, kRoundsEach times.
  // Returns the number of saves counted; checks that the others were 409.
  template <typename ReadFn, typename SaveFn>
  int race(ReadFn read_version, SaveFn save) {
    std::atomic<int> counted = 0;
    std::atomic<int> refused = 0;
    std::mutex mutex;
    std::vector<std::string> unexpected;
    std::vector<std::thread> clients;
    for (int client = 0; client < kClients; ++client) {
      clients.emplace_back([&, client] {
        for (int round = 0; round < kRoundsEach; ++round) {
          const std::int64_t version = read_version();
          const ClientResponse response = save(version, client, round);
          if (response.status == 200) {
            ++counted;
          } else if (response.status == 409) {
            ++refused;
          } else {
            std::lock_guard lock(mutex);
            unexpected.push_back(std::to_string(response.status) + " " + response.body);
          }
        }
      });
    }
    for (std::thread& client : clients) client.join();
    EXPECT_TRUE(unexpected.empty()) << unexpected.front();
    EXPECT_EQ(counted + refused, kClients * kRoundsEach);
    EXPECT_GT(counted, 0);
    return counted;
  }

  std::unique_ptr<FaultDatabase> database_;
  std::unique_ptr<ServerProcess> server_;
  SignedInUser assessor_;
  SignedInUser finance_;
};

TEST_P(ConcurrentWrites, SavesOfOnePlanDraftAreCountedOrRefusedNeverLost) {
  const std::int64_t person = add_test_person(*server_, assessor_, "Concurrent");
  ASSERT_GT(person, 0);
  const std::string target = "/api/v1/people/" + std::to_string(person) + "/drafts/plan";
  ASSERT_EQ(call_as(*server_, assessor_, "PUT", target, {{"row_version", nullptr}, {"document", {{"lines", Json::array()}}}}).status,
            200);
  std::mutex mutex;
  std::map<std::int64_t, Json> counted_documents;  // row version -> the document saved as it
  const int counted = race(
      [&] { return call_as(*server_, assessor_, "GET", target).json()["row_version"].get<std::int64_t>(); },
      [&](std::int64_t version, int client, int round) {
        const Json document = {{"lines", Json::array({{{"client", client}, {"round", round}}})}};
        ClientResponse response =
            call_as(*server_, assessor_, "PUT", target, {{"row_version", version}, {"document", document}});
        if (response.status == 200) {
          std::lock_guard lock(mutex);
          const std::int64_t saved = response.json()["row_version"].get<std::int64_t>();
          EXPECT_EQ(saved, version + 1);
          EXPECT_TRUE(counted_documents.emplace(saved, document).second) << "version " << saved << " given twice";
        }
        return response;
      });
  const Json stored = call_as(*server_, assessor_, "GET", target).json();
  // One version per counted save, none skipped, and the last one is what is stored.
  EXPECT_EQ(stored["row_version"].get<std::int64_t>(), 1 + counted);
  ASSERT_FALSE(counted_documents.empty());
  EXPECT_EQ(counted_documents.rbegin()->first, stored["row_version"].get<std::int64_t>());
  EXPECT_EQ(stored["document"], counted_documents.rbegin()->second);
}

TEST_P(ConcurrentWrites, ChangesToOnePersonAreCountedOrRefusedNeverLost) {
  const std::int64_t person = add_test_person(*server_, assessor_, "Concurrent");
  ASSERT_GT(person, 0);
  const std::string target = "/api/v1/people/" + std::to_string(person);
  std::mutex mutex;
  std::map<std::int64_t, std::string> names;
  const Json original = call_as(*server_, assessor_, "GET", target).json();
  const int counted = race(
      [&] { return call_as(*server_, assessor_, "GET", target).json()["row_version"].get<std::int64_t>(); },
      [&](std::int64_t version, int client, int round) {
        const std::string name = "C" + std::to_string(client) + "R" + std::to_string(round);
        Json body = test_person_body(name);
        body["row_version"] = version;
        ClientResponse response = call_as(*server_, assessor_, "PUT", target, body);
        if (response.status == 200) {
          std::lock_guard lock(mutex);
          names[response.json()["row_version"].get<std::int64_t>()] = name;
        }
        return response;
      });
  const Json stored = call_as(*server_, assessor_, "GET", target).json();
  EXPECT_EQ(stored["row_version"].get<std::int64_t>(), original["row_version"].get<std::int64_t>() + counted);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(stored["given_name"], names.rbegin()->second);
  EXPECT_EQ(static_cast<int>(names.size()), counted);
}

TEST_P(ConcurrentWrites, TheSamePaymentsPostedByEveryClientCountOnceAndTotalsReconcile) {
  const std::int64_t budget = add_test_budget(*server_, finance_, "CONCURRENT");
  const std::string target = "/api/v1/budgets/" + std::to_string(budget) + "/payments";
  constexpr int kPayments = 20;
  std::atomic<int> posted = 0;
  std::atomic<int> repeated = 0;
  std::mutex mutex;
  std::vector<std::string> unexpected;
  std::vector<std::thread> clients;
  for (int client = 0; client < kClients; ++client) {
    clients.emplace_back([&, client] {
      for (int i = 0; i < kPayments; ++i) {
        const int payment = (i + client * 3) % kPayments;  // clients start at different places
        const Json body = {{"date", "2026-06-0" + std::to_string(1 + payment % 9)},
                           {"payee", "Concurrent care"},
                           {"amount_pence", 1'000 + payment},
                           {"budget_line", "care"},
                           {"reference", "PAY-" + std::to_string(payment)}};
        const ClientResponse response = call_as(*server_, finance_, "POST", target, body);
        if (response.status == 201) {
          ++posted;
        } else if (response.status == 200 && response.json()["repeated"] == true) {
          ++repeated;
        } else {
          std::lock_guard lock(mutex);
          unexpected.push_back(std::to_string(response.status) + " " + response.body);
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();
  EXPECT_EQ(posted, kPayments);
  EXPECT_EQ(repeated, kPayments * (kClients - 1));

  const auto payments = payments_by_reference(*server_, finance_, budget);
  EXPECT_EQ(payments.size(), static_cast<std::size_t>(kPayments));
  std::int64_t expected_total = 0;
  for (int payment = 0; payment < kPayments; ++payment) {
    EXPECT_EQ(payments.count("PAY-" + std::to_string(payment)), 1u);
    expected_total += 1'000 + payment;
  }
  const Json monitoring = call_as(*server_, finance_, "GET", target.substr(0, target.size() - 9) + "/monitoring").json();
  EXPECT_EQ(monitoring["total"]["actual_pence"].get<std::int64_t>(), expected_total);
  std::int64_t by_lines = 0;
  for (const Json& line : monitoring["lines"]) by_lines += line["actual_pence"].get<std::int64_t>();
  EXPECT_EQ(by_lines, expected_total);
  std::int64_t by_months = 0;
  for (const Json& month : monitoring["total"]["actual"]) by_months += month.get<std::int64_t>();
  EXPECT_EQ(by_months, expected_total);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentWrites, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace allot::api::test
