// The server is killed with SIGKILL again and again while clients write: people's
// records added, assessment drafts saved with their row versions, payments posted
// with idempotency keys. After each kill it restarts on the same database. At the
// end every write the server acknowledged is there, exactly once, with what was
// acknowledged; a payment whose answer was lost in the kill is posted again with
// the same key and counts once; the monitoring totals add up to the payments; and
// `allot db check` passes. On SQLite and on PostgreSQL.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "fault_support.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

constexpr int kKills = 7;
constexpr int kWriters = 3;
constexpr int kMaxPayments = 150;  // the payments list shows the latest 200

const char* const kCareLevels[] = {"none", "prompting", "some", "most", "all"};

struct DraftState {
  std::int64_t row_version = 0;
  Json document;                  // as acknowledged at row_version
  std::optional<Json> in_doubt;   // a later save whose answer was lost
};

// What the server acknowledged, and what was in flight when it died.
struct Ledger {
  std::mutex mutex;
  std::map<std::int64_t, std::string> people;   // id -> given name
  std::map<std::int64_t, DraftState> drafts;    // person -> draft
  std::map<std::string, std::int64_t> payments; // reference -> amount
  std::map<std::string, std::int64_t> payments_in_doubt;
  int payment_attempts = 0;
  int acknowledged = 0;
};

Json draft_document(int n) { return {{"answers", {{"personal_care", kCareLevels[n % 5]}, {"mobility", "some"}}}}; }

// One client: writes until the server stops answering. Returns when a request gets
// no answer (the server was killed) or `stop` is set.
void write_until_killed(const ServerProcess& server, const SignedInUser& assessor, const SignedInUser& finance,
                        std::int64_t budget, int writer, int cycle, Ledger& ledger) {
  std::int64_t own_person = 0;
  for (int n = 0;; ++n) {
    const std::string tag = "K" + std::to_string(writer) + "-" + std::to_string(cycle) + "-" + std::to_string(n);
    const int op = n % 3;
    if (op == 0 || own_person == 0) {
      int status = 0;
      const std::int64_t id = add_test_person(server, assessor, tag, &status);
      if (status == 0) return;
      if (status != 201) throw std::runtime_error("add person " + tag + ": " + std::to_string(status));
      std::lock_guard lock(ledger.mutex);
      ledger.people[id] = tag;
      ++ledger.acknowledged;
      own_person = id;
    } else if (op == 1) {
      std::int64_t version = 0;
      {
        std::lock_guard lock(ledger.mutex);
        if (auto found = ledger.drafts.find(own_person); found != ledger.drafts.end()) version = found->second.row_version;
      }
      const Json document = draft_document(n);
      const Json body = {{"row_version", version == 0 ? Json(nullptr) : Json(version)}, {"document", document}};
      const ClientResponse response =
          call_as(server, assessor, "PUT", "/api/v1/people/" + std::to_string(own_person) + "/drafts/assessment", body);
      std::lock_guard lock(ledger.mutex);
      if (response.status == 0) {
        ledger.drafts[own_person].in_doubt = document;
        return;
      }
      if (response.status == 409) {
        // A save whose answer was lost in the last kill did commit: the stale
        // version is refused and nothing is lost. Carry on from what is stored.
        const ClientResponse stored =
            call_as(server, assessor, "GET", "/api/v1/people/" + std::to_string(own_person) + "/drafts/assessment");
        if (stored.status == 0) return;
        if (stored.status != 200) throw std::runtime_error("read draft: " + std::to_string(stored.status));
        DraftState& state = ledger.drafts[own_person];
        state.row_version = stored.json()["row_version"].get<std::int64_t>();
        state.document = stored.json()["document"];
        state.in_doubt.reset();
        continue;
      }
      if (response.status != 200) throw std::runtime_error("save draft: " + std::to_string(response.status) + " " + response.body);
      DraftState& state = ledger.drafts[own_person];
      state.row_version = response.json()["row_version"].get<std::int64_t>();
      state.document = response.json()["document"];
      state.in_doubt.reset();
      ++ledger.acknowledged;
    } else {
      std::int64_t amount = 0;
      {
        std::lock_guard lock(ledger.mutex);
        if (ledger.payment_attempts >= kMaxPayments) continue;
        amount = 100 + ++ledger.payment_attempts;
      }
      const Json body = {{"date", "2026-05-01"}, {"payee", "Kill test care"}, {"amount_pence", amount},
                         {"budget_line", "care"}, {"reference", tag}};
      const ClientResponse response =
          call_as(server, finance, "POST", "/api/v1/budgets/" + std::to_string(budget) + "/payments", body);
      std::lock_guard lock(ledger.mutex);
      if (response.status == 0) {
        ledger.payments_in_doubt[tag] = amount;
        return;
      }
      if (response.status != 201) throw std::runtime_error("payment: " + std::to_string(response.status) + " " + response.body);
      ledger.payments[tag] = amount;
      ++ledger.acknowledged;
    }
  }
}

void kill_and_restart_keeps_every_acknowledged_write(Backend backend) {
  auto database = FaultDatabase::make(backend, "kill");
  std::unique_ptr<ServerProcess> server = database->start_server(true);
  std::int64_t budget = add_test_budget(*server, sign_in(*server, "finance_officer"), "KILL-TEST");
  Ledger ledger;
  std::mt19937 random(14);  // the same kill times on every run
  for (int cycle = 0; cycle < kKills; ++cycle) {
    const SignedInUser assessor = sign_in(*server, "assessor");
    const SignedInUser finance = sign_in(*server, "finance_officer");
    // A payment whose answer was lost is posted again with the same key: it
    // counts once whether or not the first attempt committed.
    std::map<std::string, std::int64_t> retry;
    {
      std::lock_guard lock(ledger.mutex);
      retry.swap(ledger.payments_in_doubt);
    }
    for (const auto& [reference, amount] : retry) {
      const ClientResponse again = call_as(*server, finance, "POST", "/api/v1/budgets/" + std::to_string(budget) + "/payments",
                                           {{"date", "2026-05-01"}, {"payee", "Kill test care"}, {"amount_pence", amount},
                                            {"budget_line", "care"}, {"reference", reference}});
      ASSERT_TRUE(again.status == 201 || (again.status == 200 && again.json()["repeated"] == true))
          << again.status << " " << again.body;
      ledger.payments[reference] = amount;
    }
    std::vector<std::thread> writers;
    std::vector<std::string> failures(kWriters);
    for (int writer = 0; writer < kWriters; ++writer) {
      writers.emplace_back([&, writer] {
        try {
          write_until_killed(*server, assessor, finance, budget, writer, cycle, ledger);
        } catch (const std::exception& error) {
          failures[writer] = error.what();
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 900)(random)));
    EXPECT_EQ(server->stop(SIGKILL), 128 + SIGKILL);
    for (std::thread& writer : writers) writer.join();
    for (const std::string& failure : failures) ASSERT_EQ(failure, "") << "cycle " << cycle;
    server = database->start_server(false);
  }
  ASSERT_GT(ledger.acknowledged, kKills * 3) << "too few writes between kills to prove anything";

  const SignedInUser assessor = sign_in(*server, "assessor");
  const SignedInUser finance = sign_in(*server, "finance_officer");
  for (const auto& [id, name] : ledger.people) {
    const ClientResponse person = call_as(*server, assessor, "GET", "/api/v1/people/" + std::to_string(id));
    ASSERT_EQ(person.status, 200) << "person " << id << " (" << name << ") was acknowledged but is gone";
    EXPECT_EQ(person.json()["given_name"], name);
  }
  for (const auto& [id, draft] : ledger.drafts) {
    if (draft.row_version == 0) continue;  // never acknowledged
    const ClientResponse saved =
        call_as(*server, assessor, "GET", "/api/v1/people/" + std::to_string(id) + "/drafts/assessment");
    ASSERT_EQ(saved.status, 200) << saved.body;
    const std::int64_t version = saved.json()["row_version"].get<std::int64_t>();
    if (version == draft.row_version) {
      EXPECT_EQ(saved.json()["document"], draft.document) << "person " << id;
    } else {
      // Only a save whose answer was lost in the kill may have come after.
      ASSERT_TRUE(draft.in_doubt.has_value()) << "person " << id << ": acknowledged version " << draft.row_version
                                              << ", stored version " << version;
      EXPECT_EQ(version, draft.row_version + 1);
      EXPECT_EQ(saved.json()["document"], *draft.in_doubt);
    }
  }
  const auto payments = payments_by_reference(*server, finance, budget);
  std::int64_t listed_total = 0;
  for (const auto& [reference, payment] : payments) {
    EXPECT_EQ(payments.count(reference), 1u) << "payment " << reference << " posted twice";
    EXPECT_TRUE(payment["matched"].get<bool>());
    listed_total += payment["amount_pence"].get<std::int64_t>();
  }
  for (const auto& [reference, amount] : ledger.payments) {
    const auto found = payments.find(reference);
    ASSERT_NE(found, payments.end()) << "payment " << reference << " was acknowledged but is gone (" << payments.size()
                                     << " listed, " << ledger.payments.size() << " acknowledged)";
    EXPECT_EQ(found->second["amount_pence"], amount);
  }
  // Payments whose answers were lost in the last kill may or may not be there; every other one is acknowledged.
  EXPECT_LE(payments.size(), ledger.payments.size() + ledger.payments_in_doubt.size());
  const ClientResponse monitoring =
      call_as(*server, finance, "GET", "/api/v1/budgets/" + std::to_string(budget) + "/monitoring");
  ASSERT_EQ(monitoring.status, 200) << monitoring.body;
  EXPECT_EQ(monitoring.json()["total"]["actual_pence"].get<std::int64_t>(), listed_total);

  ASSERT_EQ(server->stop(SIGTERM), 0);
  std::string output;
  EXPECT_EQ(database->run_db_command("check", "", output), 0) << output;
  EXPECT_NE(output.find("ok\n"), std::string::npos) << output;
}

TEST(KillRestart, EveryAcknowledgedWriteSurvivesOnSqlite) {
  kill_and_restart_keeps_every_acknowledged_write(Backend::kSqlite);
}

TEST(KillRestart, EveryAcknowledgedWriteSurvivesOnPostgres) {
  if (const std::string why = postgres_unavailable(); !why.empty()) {
    if (std::getenv("CI") != nullptr) FAIL() << "CI is set but " << why;
    GTEST_SKIP() << why;
  }
  kill_and_restart_keeps_every_acknowledged_write(Backend::kPostgres);
}

}  // namespace
}  // namespace allot::api::test
