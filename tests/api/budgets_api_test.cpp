// Integrated budgets through the real `allot serve --demo` binary (clock at
// 2026-11-22): monitoring of the demo pooled budget, commitments that follow
// agreed budgets (a closed case ends its commitment), a payments import with an
// unmatched line imported twice (counted once), a bad file refused whole with
// every problem, the risk-share settlement and who may see what; commitments net
// of a changed financial assessment, an overspend flagged at once, and an
// assessor's own locality only.
#include <gtest/gtest.h>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class BudgetsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "finance_officer", "provider_user", "administrator", "team_manager"}) {
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
  static ClientResponse csv(const std::string& target, const std::string& text) {
    HeaderList headers = users_.at("finance_officer").bearer_headers();
    headers.emplace_back("Content-Type", "text/csv");
    return server_->request("POST", target, text, headers);
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::int64_t budget_id(const std::string& code) {
    const Json list = ok(call("GET", "/api/v1/budgets", "finance_officer"));
    for (const Json& budget : list["budgets"]) {
      if (budget["code"] == code) return budget["id"];
    }
    ADD_FAILURE() << "no budget " << code << " in " << list.dump();
    return 0;
  }
  static Json monitoring(std::int64_t id) {
    return ok(call("GET", "/api/v1/budgets/" + std::to_string(id) + "/monitoring", "finance_officer"));
  }

  static inline ServerProcess* server_ = nullptr;
  static inline std::map<std::string, SignedInUser> users_;
};

TEST_F(BudgetsApi, MonitoringAddsUpAndForecastIsActualsPlusRemainingCommitments) {
  const Json m = monitoring(budget_id("MHLD-POOLED"));
  EXPECT_EQ(m["as_of"], "2026-11-22");
  EXPECT_EQ(m["budget"]["total_pence"], 1'340'000'000);
  EXPECT_EQ(m["total"]["budget_pence"], 1'340'000'000);
  EXPECT_GT(m["commitments"].get<int>(), 0);
  std::int64_t forecast = 0;
  std::int64_t actual = 0;
  for (const Json& line : m["lines"]) {
    forecast += line["forecast_pence"].get<std::int64_t>();
    actual += line["actual_pence"].get<std::int64_t>();
    std::int64_t months = 0;
    for (const Json& amount : line["forecast"]) months += amount.get<std::int64_t>();
    EXPECT_EQ(months, line["forecast_pence"].get<std::int64_t>());
  }
  EXPECT_EQ(forecast, m["total"]["forecast_pence"].get<std::int64_t>());
  EXPECT_EQ(actual, m["total"]["actual_pence"].get<std::int64_t>());
  EXPECT_EQ(m["total"]["variance_pence"].get<std::int64_t>(), 1'340'000'000 - forecast);
  // December to March have no actuals yet: their forecast is what is committed.
  EXPECT_EQ(m["total"]["actual"][8], 0);
  EXPECT_EQ(m["total"]["forecast"][8], m["total"]["committed"][8]);
  EXPECT_EQ(m["months"][0], "2026-04");
}

TEST_F(BudgetsApi, ShadowManagementIsRecordedAndVisible) {
  const Json budget = ok(call("GET", "/api/v1/budgets/" + std::to_string(budget_id("MH-PLACEMENTS")), "finance_officer"));
  EXPECT_EQ(budget["managed_by_agency"], "demo-nhs");
  EXPECT_EQ(budget["accountable_agency"], "demo-council");
  EXPECT_TRUE(budget["shadow_managed"].get<bool>());
}

TEST_F(BudgetsApi, ACommitmentFollowsAnAgreedBudgetThatEnds) {
  const std::int64_t pooled = budget_id("MHLD-POOLED");
  const Json before = monitoring(pooled);
  const Json people =
      ok(call("GET", "/api/v1/people?stage=active&client_group=mental_health&limit=1", "assessor"))["people"];
  ASSERT_FALSE(people.empty());
  const std::string person = "/api/v1/people/" + std::to_string(people[0]["id"].get<std::int64_t>());
  ok(call("POST", person + "/steps/close", "assessor", {{"reason", "moved out of the area"}}));
  const Json after = monitoring(pooled);
  // The commitment runs to the day the case closed, so the year still holds its
  // part to date; the rest of the year is no longer committed.
  EXPECT_EQ(after["commitments"], before["commitments"]);
  EXPECT_LT(after["total"]["committed_pence"].get<std::int64_t>(), before["total"]["committed_pence"].get<std::int64_t>());
  EXPECT_EQ(after["total"]["committed"][0], before["total"]["committed"][0]);
  EXPECT_LT(after["total"]["committed"][11].get<std::int64_t>(), before["total"]["committed"][11].get<std::int64_t>());
  const Json refreshed = ok(call("POST", "/api/v1/budget-commitments/refresh", "finance_officer"));
  EXPECT_EQ(refreshed["added"], 0);
  EXPECT_EQ(refreshed["ended"], 0);
}

TEST_F(BudgetsApi, PaymentsImportListsUnmatchedLinesAndNeverCountsAFileTwice) {
  const std::int64_t id = budget_id("MH-PLACEMENTS");
  const std::string target = "/api/v1/budgets/" + std::to_string(id) + "/payments/import?file=october.csv";
  const std::int64_t actual_before = monitoring(id)["total"]["actual_pence"];
  const std::string file =
      "date,payee,person_reference,amount,budget_line,reference\n"
      "2026-10-31,Demo Care Homes Ltd,,1500.00,residential,FIN-T-1\n"
      "2026-10-31,Demo Supported Living,,250.25,supported-living,FIN-T-2\n"
      "2026-10-31,Unknown Ltd,,99.99,no-such-line,FIN-T-3\n";
  const Json first = ok(csv(target, file));
  EXPECT_EQ(first["lines"], 3);
  EXPECT_EQ(first["posted"], 2);
  EXPECT_EQ(first["unmatched"], 1);
  EXPECT_EQ(first["posted_pence"], 175'025);
  EXPECT_EQ(first["unmatched_lines"][0]["reference"], "FIN-T-3");
  const Json second = ok(csv(target, file));
  EXPECT_EQ(second["posted"], 0);
  EXPECT_EQ(second["repeated"], 3);
  EXPECT_EQ(monitoring(id)["total"]["actual_pence"].get<std::int64_t>(), actual_before + 175'025);
  const Json unmatched = ok(call("GET", "/api/v1/budgets/" + std::to_string(id) + "/payments/unmatched", "finance_officer"));
  ASSERT_EQ(unmatched["payments"].size(), 1u);
  EXPECT_NE(unmatched["payments"][0]["unmatched_reason"].get<std::string>().find("no-such-line"), std::string::npos);
  // A correction is a new posting.
  const Json correction = ok(call("POST", "/api/v1/budgets/" + std::to_string(id) + "/payments", "finance_officer",
                                  {{"date", "2026-10-31"},
                                   {"payee", "Demo Care Homes Ltd"},
                                   {"amount_pence", -50'000},
                                   {"budget_line", "residential"},
                                   {"reference", "FIN-T-1-CORR"},
                                   {"corrects", first["unmatched_lines"][0]["id"].get<std::int64_t>() - 2}}),
                             201);
  EXPECT_TRUE(correction["payment"]["matched"].get<bool>());
  EXPECT_EQ(monitoring(id)["total"]["actual_pence"].get<std::int64_t>(), actual_before + 175'025 - 50'000);
}

TEST_F(BudgetsApi, ABadFileIsRefusedWholeWithEveryProblem) {
  const std::int64_t id = budget_id("MH-PLACEMENTS");
  const std::int64_t actual_before = monitoring(id)["total"]["actual_pence"];
  const ClientResponse refused = csv("/api/v1/budgets/" + std::to_string(id) + "/payments/import",
                                     "date,payee,person_reference,amount,budget_line,reference\n"
                                     "2026-10-31,A,,10.00,residential,FIN-B-1\n"
                                     "31/10/2026,B,,ten,residential,FIN-B-2\n");
  EXPECT_EQ(refused.status, 422) << refused.body;
  std::vector<std::string> paths;
  const Json body = refused.json();
  for (const Json& issue : body["error"]["issues"]) paths.push_back(issue["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{"payments.csv:3.date", "payments.csv:3.amount"}));
  EXPECT_EQ(monitoring(id)["total"]["actual_pence"].get<std::int64_t>(), actual_before);
}

TEST_F(BudgetsApi, SettlementSharesAddUpToTheVarianceWithTheArithmetic) {
  const Json settlement =
      ok(call("GET", "/api/v1/budgets/" + std::to_string(budget_id("MH-PLACEMENTS")) + "/settlement", "finance_officer"));
  EXPECT_EQ(settlement["rule"], "equal_shares");
  std::int64_t shares = 0;
  for (const Json& share : settlement["shares"]) shares += share["share_pence"].get<std::int64_t>();
  EXPECT_EQ(shares, settlement["variance_pence"].get<std::int64_t>());
  EXPECT_EQ(settlement["contributions_pence"].get<std::int64_t>() - settlement["outturn_pence"].get<std::int64_t>(),
            settlement["variance_pence"].get<std::int64_t>());
  EXPECT_NE(settlement["shares"][0]["arithmetic"].get<std::string>().find(" x 1 / 2 = "), std::string::npos);
}

TEST_F(BudgetsApi, ProtectionFundIsABalanceThatProtectionsDrawOn) {
  const Json protection =
      ok(call("GET", "/api/v1/budgets/" + std::to_string(budget_id("MHLD-POOLED")) + "/protection", "finance_officer"));
  EXPECT_EQ(protection["fund_pence"], 150'000'000);
  EXPECT_EQ(protection["balance_pence"].get<std::int64_t>(),
            150'000'000 - protection["drawn_pence"].get<std::int64_t>());
}

TEST_F(BudgetsApi, WhoMaySeeWhat) {
  const std::string target = "/api/v1/budgets/" + std::to_string(budget_id("MHLD-POOLED")) + "/monitoring";
  EXPECT_EQ(call("GET", target, "assessor").status, 403);
  EXPECT_EQ(call("GET", target, "provider_user").status, 403);
  EXPECT_EQ(call("GET", target, "administrator").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/budget-reports/my-locality", "assessor").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/budget-reports/my-locality", "finance_officer").status, 403);
}

TEST_F(BudgetsApi, AFastAccessRequestOverTheLimitIsRefused) {
  const std::string target = "/api/v1/budgets/" + std::to_string(budget_id("FAST-ACCESS")) + "/fast-access";
  const ClientResponse refused = call("POST", target, "assessor", {{"purpose", "respite"}, {"amount_pence", 250'000}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  const Json asked = ok(call("POST", target, "assessor", {{"purpose", "respite"}, {"amount_pence", 20'000}}), 201);
  EXPECT_FALSE(asked["overdue"].get<bool>());
  EXPECT_EQ(ok(call("GET", target, "assessor"))["requests"].size(), 3u);
  const std::string decision = target + "/" + std::to_string(asked["id"].get<std::int64_t>()) + "/decision";
  // Only the named approver decides.
  EXPECT_EQ(call("POST", decision, "finance_officer", {{"decision", "approved"}}).status, 403);
  const std::int64_t id = budget_id("FAST-ACCESS");
  const std::int64_t committed_before = monitoring(id)["total"]["committed_pence"];
  const Json decided = ok(call("POST", decision, "team_manager", {{"decision", "approved"}}));
  EXPECT_EQ(decided["decision"], "approved");
  EXPECT_EQ(decided["decided_by"], "team_manager");
  EXPECT_EQ(monitoring(id)["total"]["committed_pence"].get<std::int64_t>(), committed_before + 20'000);
  EXPECT_EQ(call("POST", decision, "team_manager", {{"decision", "refused"}, {"reason", "late"}}).status, 409);
}


TEST_F(BudgetsApi, ACommitmentIsNetOfTheContributionAndAChangedAssessmentAdjustsIt) {
  const std::int64_t pooled = budget_id("MHLD-POOLED");
  const Json people =
      ok(call("GET", "/api/v1/people?stage=active&client_group=mental_health&limit=50", "assessor"))["people"];
  // Someone who pays less than the social care part now, so a deferred
  // assessment (the full social care part) changes what they pay.
  std::string person;
  Json before_shares;
  for (const Json& row : people) {
    const std::string path = "/api/v1/people/" + std::to_string(row["id"].get<std::int64_t>());
    const Json charging = ok(call("GET", path + "/charging", "finance_officer"));
    if (charging["shares"].is_null()) continue;
    if (charging["shares"]["person_pence"].get<std::int64_t>() < charging["shares"]["social_care_pence"].get<std::int64_t>()) {
      person = path;
      before_shares = charging["shares"];
      break;
    }
  }
  ASSERT_FALSE(person.empty()) << "no one in the demo pays less than the social care part";
  const Json before = monitoring(pooled);
  ok(call("POST", person + "/financial-assessments", "finance_officer",
          {{"status", "deferred"}, {"reason", "waiting for bank statements"}, {"effective_from", "2026-12-01"}}),
     201);
  const Json shares = ok(call("GET", person + "/charging", "finance_officer"))["shares"];
  EXPECT_EQ(shares["person_pence"], shares["social_care_pence"]);
  EXPECT_EQ(shares["council_pence"], 0);
  EXPECT_EQ(shares["person_pence"].get<std::int64_t>() + shares["council_pence"].get<std::int64_t>() +
                shares["nhs_pence"].get<std::int64_t>(),
            shares["weekly_cost_pence"].get<std::int64_t>());
  EXPECT_EQ(shares["nhs_pence"], before_shares["nhs_pence"]);
  const Json after = monitoring(pooled);
  // The person pays more from December: less is committed from then, nothing before.
  EXPECT_EQ(after["total"]["committed"][7], before["total"]["committed"][7]);  // November
  EXPECT_LT(after["total"]["committed"][8].get<std::int64_t>(), before["total"]["committed"][8].get<std::int64_t>());
  EXPECT_LT(after["total"]["committed_pence"].get<std::int64_t>(), before["total"]["committed_pence"].get<std::int64_t>());
}

TEST_F(BudgetsApi, APaymentThatTakesABudgetOverIsFlaggedToItsManagersAtOnce) {
  const Json fund = ok(call("POST", "/api/v1/budget-funds", "finance_officer",
                            {{"code", "api-alert-fund"}, {"name", "Alert fund"}, {"kind", "council_core"},
                             {"owner_agency", "demo-council"}}),
                       201);
  const Json budget = ok(
      call("POST", "/api/v1/budgets", "finance_officer",
           {{"code", "API-ALERT"}, {"name", "Alert test budget"}, {"financial_year", 2026}, {"kind", "aligned"},
            {"host_agency", "demo-council"}, {"managed_by_agency", "demo-nhs"},
            {"contributions", {{{"fund_id", fund["id"]}, {"partner_agency", "demo-council"}, {"funding_source", "council"},
                                {"amount_pence", 100'000}}}},
            {"lines", {{{"code", "respite"}, {"name", "Respite"}, {"kind", "programme"}, {"client_group", "api_alert_test"},
                        {"amount_pence", 100'000}}}}}),
      201);
  const std::string id = std::to_string(budget["id"].get<std::int64_t>());
  const std::string alerts = "/api/v1/budget-alerts?budget=" + id;
  EXPECT_TRUE(ok(call("GET", alerts, "finance_officer"))["alerts"].empty());
  ok(call("POST", "/api/v1/budgets/" + id + "/payments", "finance_officer",
          {{"date", "2026-07-31"}, {"payee", "Respite Ltd"}, {"amount_pence", 100'001}, {"budget_line", "respite"},
           {"reference", "API-OVER-1"}}),
     201);
  const Json flagged = ok(call("GET", alerts, "finance_officer"))["alerts"];
  ASSERT_EQ(flagged.size(), 2u);
  for (const Json& alert : flagged) {
    EXPECT_EQ(alert["kind"], "overspend");
    EXPECT_TRUE(alert["current"].get<bool>());
    EXPECT_EQ(alert["recorded_by"], "finance_officer");
    EXPECT_EQ(alert["managed_by_agency"], "demo-nhs");
    EXPECT_EQ(alert["accountable_agency"], "demo-council");
    EXPECT_NE(alert["message"].get<std::string>().find("after payment API-OVER-1 posted by finance_officer"),
              std::string::npos);
  }
  EXPECT_EQ(flagged[0]["line"], "respite");
  EXPECT_TRUE(flagged[1]["line"].is_null());
  EXPECT_EQ(call("GET", alerts, "assessor").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/budget-alerts?budget=x", "finance_officer").status, 422);
}

TEST_F(BudgetsApi, AnAssessorSeesOnlyTheirOwnLocalitysRemainingBudget) {
  EXPECT_EQ(ok(call("GET", "/api/v1/session", "assessor"))["user"]["locality"], "North");
  for (const char* user : {"assessor", "team_manager"}) {
    const Json mine = ok(call("GET", "/api/v1/budget-reports/my-locality", user));
    EXPECT_EQ(mine["locality"], "North");
    ASSERT_FALSE(mine["lines"].empty());
    for (const Json& row : mine["lines"]) {
      EXPECT_EQ(row["line"]["locality"], "North") << row.dump();
      EXPECT_EQ(row["remaining_pence"].get<std::int64_t>(),
                row["line"]["amount_pence"].get<std::int64_t>() - row["forecast_pence"].get<std::int64_t>());
    }
  }
  // The South lines exist, but the North assessor never sees them.
  const Json pooled = ok(call("GET", "/api/v1/budgets/" + std::to_string(budget_id("MHLD-POOLED")), "finance_officer"));
  bool south = false;
  for (const Json& line : pooled["lines"]) south = south || line["locality"] == "South";
  EXPECT_TRUE(south);
  EXPECT_EQ(ok(call("GET", "/api/v1/session", "finance_officer"))["user"]["locality"], "");
}

}  // namespace
}  // namespace allot::api::test
