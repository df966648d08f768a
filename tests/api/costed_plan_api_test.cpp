// The personal budget model through the real `allot serve --demo` binary, on
// SQLite and (when ALLOT_TEST_POSTGRES_URL names a database) PostgreSQL: a
// package kept with the person's outcomes and weekly budget, the provider's
// costed plans refused over budget, with an outcome not the package's or with
// bad amounts, another provider's user refused, versions kept, the council
// sending one back and agreeing another, and every step in the audit log.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

std::string text(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

class CostedPlans {
 public:
  explicit CostedPlans(ServerProcess& server) : server_(server) {
    for (const char* user : {"commissioner", "provider_user", "data_protection_officer", "analyst", "assessor"}) {
      users_.emplace(user, sign_in(server_, user));
    }
  }
  ClientResponse call(const std::string& method, const std::string& target, const std::string& user,
                      const Json& body = nullptr) {
    HeaderList headers = users_.at(user).bearer_headers();
    if (body.is_null()) return server_.request(method, target, "", headers);
    return server_.request(method, target, body.dump(), json_headers(headers));
  }
  Json ok(const std::string& method, const std::string& target, const std::string& user, const Json& body = nullptr,
          int status = 200) {
    const ClientResponse response = call(method, target, user, body);
    EXPECT_EQ(response.status, status) << method << " " << target << ": " << response.body;
    return response.json();
  }
  static Json hourly(const std::string& what, const Json& outcomes, int minutes, std::int64_t pence) {
    return {{"what", what}, {"outcomes", outcomes}, {"minutes_per_week", minutes}, {"hourly_pence", pence}};
  }
  static Json fixed(const std::string& what, const Json& outcomes, std::int64_t pence) {
    return {{"what", what}, {"outcomes", outcomes}, {"fixed_weekly_pence", pence}};
  }
  void expect_refused(const std::string& target, const Json& lines, const std::string& path, const std::string& words) {
    const ClientResponse refused = call("POST", target, "provider_user", {{"lines", lines}});
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("\"path\":\"" + path + "\""), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find(words), std::string::npos) << refused.body;
  }

  // A package on the personal budget model from an agreed support plan keeps the
  // plan's outcomes and, as its weekly budget, what the hourly lines cost a week.
  void from_plan_keeps_outcomes_and_budget() {
    const Json active = ok("GET", "/api/v1/people?stage=active&limit=200", "assessor")["people"];
    for (const Json& listed : active) {
      const Json person = ok("GET", "/api/v1/people/" + text(listed["id"]), "assessor");
      if (person["agreed_budget"].is_null() || person["agreed_budget"]["plan_version"].is_null()) continue;
      const Json plans = ok("GET", "/api/v1/people/" + text(listed["id"]) + "/plans", "assessor");
      for (const Json& plan : plans["plans"]) {
        if (plan["version"] != person["agreed_budget"]["plan_version"]) continue;
        double minutes = 0;
        double pence = 0;
        for (const Json& line : plan["lines"]) {
          if (line["unit"] != "hour" || line["delivery"] == "direct_payment") continue;
          const double units = std::stod(text(line["units_per_week"]));
          minutes += units * 60;
          pence += units * line["unit_cost_pence"].get<double>();
        }
        if (minutes <= 0 || minutes > 40 * 60 || minutes != static_cast<double>(static_cast<std::int64_t>(minutes))) continue;
        Json visits = Json::array();
        for (std::int64_t left = static_cast<std::int64_t>(minutes), slot = 0; left > 0; ++slot) {
          const std::int64_t length = std::min<std::int64_t>(60, left);
          visits.push_back({{"day_of_week", slot % 7}, {"start_minute", 360 + (slot / 7) * 120}, {"duration_minutes", length}});
          left -= length;
        }
        const Json added = ok("POST", "/api/v1/open-packages/from-plan", "commissioner",
                              {{"person_id", listed["id"]}, {"starts_on", "2026-12-14"}, {"model", "personal_budget"},
                               {"visits", visits}},
                              201);
        const Json open_packages = ok("GET", "/api/v1/open-packages", "commissioner");
        for (const Json& open : open_packages["open_packages"]) {
          if (open["id"] != added["id"]) continue;
          EXPECT_EQ(open["outcomes"], plan["outcomes"]);
          EXPECT_FALSE(open["outcomes"].empty());
          EXPECT_EQ(open["weekly_budget_pence"], static_cast<std::int64_t>(std::llround(pence)));
          return;
        }
        ADD_FAILURE() << "the open package is not listed";
        return;
      }
    }
    ADD_FAILURE() << "the demo has no active person with council-arranged hourly lines " << active.size() << " " << active.dump().substr(0, 300);
  }

  void run() {
    from_plan_keeps_outcomes_and_budget();
    // The provider user's own provider, made eligible for the personal budget model.
    const Json own = ok("GET", "/api/v1/care-packages", "provider_user");
    ASSERT_EQ(own["providers"].size(), 1u) << own;
    const Json provider_id = own["providers"][0]["id"];
    for (const char* date : {"2025-06-01", "2026-06-01"}) {
      ok("POST", "/api/v1/providers/" + text(provider_id) + "/inspections", "commissioner",
         {{"date", date}, {"grades", {{"Quality of care and support", 5}, {"Quality of staffing", 5},
                                      {"Quality of management and leadership", 5}}}},
         201);
    }
    const Json outcomes = {"I want to swim again like I used to", "I want to get up when I choose"};
    const Json package = ok("POST", "/api/v1/care-packages", "commissioner",
                            {{"provider_id", provider_id}, {"person_reference", "PB-0001"}, {"client_group", "Older people"},
                             {"service", "care_at_home"}, {"model", "personal_budget"}, {"starts_on", "2026-12-07"},
                             {"visits", {{{"day_of_week", 1}, {"start_minute", 600}, {"duration_minutes", 60}}}},
                             {"outcomes", outcomes}, {"weekly_budget_pence", 25000}},
                            201);
    EXPECT_EQ(package["weekly_budget_pence"], 25000);
    EXPECT_EQ(package["outcomes"], outcomes);
    // Outcomes belong to the personal budget model only.
    const ClientResponse time_and_task =
        call("POST", "/api/v1/care-packages", "commissioner",
             {{"provider_id", provider_id}, {"person_reference", "TT-0001"}, {"client_group", "Older people"},
              {"service", "care_at_home"}, {"starts_on", "2026-12-07"},
              {"visits", {{{"day_of_week", 1}, {"start_minute", 600}, {"duration_minutes", 60}}}},
              {"outcomes", outcomes}});
    EXPECT_EQ(time_and_task.status, 422) << time_and_task.body;

    const std::string target = "/api/v1/care-packages/" + text(package["id"]) + "/costed-plans";
    const Json before = ok("GET", target, "provider_user");
    EXPECT_EQ(before["outcomes"], outcomes);
    EXPECT_EQ(before["weekly_budget_pence"], 25000);
    EXPECT_TRUE(before["plans"].empty());
    EXPECT_TRUE(before["in_force"].is_null());

    const Json swim = Json::array({outcomes[0]});
    const Json mornings = Json::array({outcomes[1]});
    // Over budget: 7 hours at £22 (£154) + £100 fixed = £254 > £250.
    expect_refused(target, Json::array({hourly("Morning personal care", mornings, 420, 2200), fixed("Swimming with support", swim, 10000)}),
                   "lines", "over the weekly budget of £250.00 by £4.00");
    expect_refused(target, Json::array({fixed("Cinema trips", Json::array({"I want to go to the pictures"}), 1000)}), "lines[0].outcomes[0]",
                   "is not one of this package's outcomes");
    expect_refused(target, Json::array({hourly("Morning personal care", mornings, 60, -5)}), "lines[0].hourly_pence", "negative");
    Json both = fixed("Both", swim, 100);
    both["minutes_per_week"] = 30;
    both["hourly_pence"] = 2000;
    expect_refused(target, Json::array({hourly("Morning personal care", mornings, 60, 2000), both}), "lines[1]", "not both");
    expect_refused(target, Json::array({fixed("A", swim, 900'000'000'000'000), fixed("B", swim, 900'000'000'000'000)}), "lines[1]",
                   "too large");
    EXPECT_EQ(call("POST", target, "commissioner", {{"lines", Json::array({fixed("Swim", swim, 100)})}}).status, 403);

    // Another provider's package: its plans are not this provider's to see or propose.
    const Json all = ok("GET", "/api/v1/care-packages", "commissioner")["packages"];
    Json foreign;
    for (const Json& other : all) {
      if (other["provider_id"] != provider_id) foreign = other;
    }
    ASSERT_FALSE(foreign.is_null());
    const std::string foreign_target = "/api/v1/care-packages/" + text(foreign["id"]) + "/costed-plans";
    EXPECT_EQ(call("GET", foreign_target, "provider_user").status, 403);
    EXPECT_EQ(call("POST", foreign_target, "provider_user", {{"lines", Json::array({fixed("Swim", swim, 100)})}}).status, 403);

    // Version 1, sent back with a reason.
    const Json first = ok("POST", target, "provider_user",
                          {{"lines", Json::array({hourly("Morning personal care", mornings, 420, 2200), fixed("Swimming with support", swim, 9000)})}},
                          201);
    EXPECT_EQ(first["version"], 1);
    EXPECT_EQ(first["status"], "proposed");
    EXPECT_EQ(first["lines"][0]["cost_pence"], 15400);
    EXPECT_EQ(first["total_pence"], 24400);
    const std::string answer_first = "/api/v1/costed-plans/" + text(first["id"]) + "/answer";
    EXPECT_EQ(call("POST", answer_first, "provider_user", {{"decision", "agree"}}).status, 403);
    const ClientResponse no_reason = call("POST", answer_first, "commissioner", {{"decision", "send_back"}});
    EXPECT_EQ(no_reason.status, 422) << no_reason.body;
    EXPECT_NE(no_reason.body.find("\"path\":\"reason\""), std::string::npos) << no_reason.body;
    const Json sent_back = ok("POST", answer_first, "commissioner",
                              {{"decision", "send_back"}, {"reason", "Swimming could be two sessions, not one long one"}});
    EXPECT_EQ(sent_back["status"], "sent_back");
    EXPECT_EQ(call("POST", answer_first, "commissioner", {{"decision", "agree"}}).status, 409);

    // Versions 2 and 3: the council answers only the newest, and agrees it.
    const Json second = ok("POST", target, "provider_user",
                           {{"lines", Json::array({hourly("Morning personal care", mornings, 420, 2200),
                                       hourly("Support to go swimming on Tuesdays", swim, 120, 2000)})}},
                           201);
    EXPECT_EQ(second["version"], 2);
    const Json third = ok("POST", target, "provider_user",
                          {{"lines", Json::array({hourly("Morning personal care", mornings, 420, 2200),
                                      hourly("Support to go swimming on Tuesdays and Fridays", swim, 180, 2000)})}},
                          201);
    EXPECT_EQ(third["version"], 3);
    EXPECT_EQ(third["total_pence"], 15400 + 6000);
    EXPECT_EQ(call("POST", "/api/v1/costed-plans/" + text(second["id"]) + "/answer", "commissioner",
                   {{"decision", "agree"}})
                  .status,
              409);
    ok("POST", "/api/v1/costed-plans/" + text(third["id"]) + "/answer", "commissioner", {{"decision", "agree"}});
    const Json after = ok("GET", target, "commissioner");
    ASSERT_EQ(after["plans"].size(), 3u);
    EXPECT_EQ(after["plans"][0]["status"], "sent_back");
    EXPECT_EQ(after["plans"][0]["reason"], "Swimming could be two sessions, not one long one");
    EXPECT_EQ(after["plans"][1]["status"], "superseded");
    EXPECT_EQ(after["plans"][2]["status"], "agreed");
    EXPECT_EQ(after["plans"][2]["decided_by"], "commissioner");
    EXPECT_EQ(after["plans"][0]["proposed_by"], "provider_user");
    EXPECT_EQ(after["in_force"], third["id"]);
    EXPECT_EQ(ok("GET", target, "analyst")["plans"].size(), 3u);
    // The packages list says where each personal budget package's plan stands.
    const Json listed = ok("GET", "/api/v1/providers/" + text(provider_id) + "/packages", "commissioner");
    bool found = false;
    for (const Json& item : listed["packages"]) {
      if (item["id"] != package["id"]) {
        if (item["model"] == "time_and_task") {
          EXPECT_TRUE(item["costed_plan"].is_null()) << item;
        }
        continue;
      }
      found = true;
      EXPECT_EQ(item["costed_plan"], Json({{"version", 3}, {"status", "agreed"}, {"in_force", third["id"]}}));
      EXPECT_EQ(item["weekly_budget_pence"], 25000);
    }
    EXPECT_TRUE(found);

    // Every step is in the audit log, attributed.
    const std::string subject = "package:" + text(package["id"]);
    auto entries = [&](const std::string& action) {
      Json found = Json::array();
      const Json listed = ok("GET", "/api/v1/audit/entries?limit=1000&action=" + action, "data_protection_officer");
      for (const Json& entry : listed["entries"]) {
        if (entry["subject"] == subject) found.push_back(entry);
      }
      return found;
    };
    EXPECT_EQ(entries("propose_costed_plan").size(), 3u);
    EXPECT_EQ(entries("send_back_costed_plan").size(), 1u);
    const Json agreed = entries("agree_costed_plan");
    ASSERT_EQ(agreed.size(), 1u);
    EXPECT_EQ(agreed[0]["detail"], "version 3 agreed");
    EXPECT_FALSE(entries("read_costed_plans").empty());
  }

 private:
  ServerProcess& server_;
  std::map<std::string, SignedInUser> users_;
};

TEST(CostedPlanApi, ProposedAgreedAndSentBackOnSQLite) {
  const auto server = ServerProcess::start();
  CostedPlans(*server).run();
}

TEST(CostedPlanApi, ProposedAgreedAndSentBackOnPostgreSQL) {
  const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') {
    if (std::getenv("CI") != nullptr) FAIL() << "CI is set but ALLOT_TEST_POSTGRES_URL is not: run scripts/test";
    GTEST_SKIP() << "ALLOT_TEST_POSTGRES_URL is not set: skipping the PostgreSQL costed plan test (scripts/test sets it)";
  }
  ServerSettings settings;
  settings.database = url;
  std::random_device random;
  settings.env = {{"ALLOT_POSTGRES_SCHEMA", "costed_plan_test_" + std::to_string(::getpid()) + "_" + std::to_string(random())}};
  const auto server = ServerProcess::start(settings);
  CostedPlans(*server).run();
}

}  // namespace
}  // namespace allot::api::test
