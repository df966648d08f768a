// Care teams, consent, sharing agreements, break glass and unusual volumes
// through the real `allot serve --demo` binary.
#include <gtest/gtest.h>

#include <string>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class AccessApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "team_manager", "panel_member", "provider_user", "finance_officer",
                             "data_protection_officer", "administrator"}) {
      users_[user] = sign_in(*server_, user);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ClientResponse call(const std::string& method, const std::string& target, const std::string& user,
                             const Json& body = nullptr) {
    if (body.is_null()) return server_->request(method, target, "", users_.at(user).bearer_headers());
    return server_->request(method, target, body.dump(), json_headers(users_.at(user).bearer_headers()));
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::string person(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/people/" + std::to_string(id) + rest;
  }
  static std::int64_t first_of(const std::string& query) {
    const Json people = ok(call("GET", "/api/v1/people?limit=1&" + query, "assessor"))["people"];
    EXPECT_EQ(people.size(), 1u);
    return people.empty() ? 0 : people[0]["id"].get<std::int64_t>();
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* AccessApi::server_ = nullptr;
std::map<std::string, SignedInUser> AccessApi::users_;

TEST_F(AccessApi, TheRulesAreDataEveryoneCanRead) {
  const Json rules = ok(call("GET", "/api/v1/access/rules", "provider_user"));
  EXPECT_EQ(rules["break_glass_hours"], 8);
  EXPECT_EQ(rules["page_cap"], 200);
  bool administrator_reaches_none = false;
  for (const Json& role : rules["roles"]) {
    if (role["role"] == "administrator") administrator_reaches_none = role["reach"] == "none";
  }
  EXPECT_TRUE(administrator_reaches_none);
}

TEST_F(AccessApi, AJointCaseIsSharedWithTheTrustWhileConsentStandsAndAWithdrawalEndsItAtOnce) {
  const std::int64_t id = first_of("client_group=mental_health");
  const Json team = ok(call("GET", person(id, "/care-team"), "assessor"))["members"];
  std::set<std::string> agencies;
  for (const Json& member : team) agencies.insert(member["agency"]);
  EXPECT_TRUE(agencies.count("demo-council") == 1 && agencies.count("demo-nhs") == 1) << team.dump();
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 200);
  // The provider does not support this person.
  EXPECT_EQ(call("GET", person(id), "provider_user").status, 403);

  ok(call("POST", person(id, "/sharing-consents"), "assessor",
          {{"agency", "demo-nhs"}, {"decision", "withdrawn"}, {"note", "Told me on the phone she wants it stopped."}}),
     201);
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 403);
  EXPECT_EQ(call("GET", person(id, "/plans"), "panel_member").status, 403);
  const Json consents = ok(call("GET", person(id, "/sharing-consents"), "assessor"))["consents"];
  ASSERT_GE(consents.size(), 2u);
  EXPECT_EQ(consents.back()["decision"], "withdrawn");
  EXPECT_EQ(consents.back()["recorded_by"], "assessor");
  // Kept: the consent given earlier is still there.
  EXPECT_EQ(consents.front()["decision"], "given");

  const ClientResponse bad = call("POST", person(id, "/sharing-consents"), "assessor",
                                  {{"agency", "nowhere"}, {"decision", "maybe"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()["error"]["issues"].size(), 2u) << bad.body;

  ok(call("POST", person(id, "/sharing-consents"), "assessor", {{"agency", "demo-nhs"}, {"decision", "given"}}), 201);
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 200);
}

TEST_F(AccessApi, EndingTheSharingAgreementEndsTheTrustsAccess) {
  const std::int64_t id = first_of("client_group=mental_health");
  const Json added = ok(call("POST", "/api/v1/sharing-agreements", "data_protection_officer",
                             {{"agency", "demo-care"}, {"reference", "ISA-2026-7"}, {"purpose", "home care"}}),
                        201);
  EXPECT_EQ(added["recorded_by"], "data_protection_officer");
  EXPECT_EQ(call("POST", "/api/v1/sharing-agreements", "assessor", {{"agency", "demo-care"}}).status, 403);
  const Json agreements = ok(call("GET", "/api/v1/sharing-agreements", "assessor"))["agreements"];
  std::int64_t nhs = 0;
  for (const Json& agreement : agreements) {
    if (agreement["agency"] == "demo-nhs") nhs = agreement["id"];
  }
  ASSERT_GT(nhs, 0);
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 200);
  ok(call("POST", "/api/v1/sharing-agreements/" + std::to_string(nhs) + "/end", "data_protection_officer",
          {{"reason", "Replaced by the new section 75 agreement"}}));
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 403);
  EXPECT_EQ(call("POST", "/api/v1/sharing-agreements/" + std::to_string(nhs) + "/end", "data_protection_officer",
                 {{"reason", "again"}})
                .status,
            409);
  ok(call("POST", "/api/v1/sharing-agreements", "data_protection_officer",
          {{"agency", "demo-nhs"}, {"reference", "S75-2027"}, {"purpose", "joint mental health care"}}),
     201);
  EXPECT_EQ(call("GET", person(id), "panel_member").status, 200);
}

TEST_F(AccessApi, BreakGlassNeedsAReasonIsAuditedWithItAndListedForTheManager) {
  // A record the council no longer leads: its workers are off the care team.
  const std::int64_t id = first_of("client_group=mental_health&stage=active");
  const Json team = ok(call("GET", person(id, "/care-team"), "team_manager"))["members"];
  std::int64_t lead = 0;
  for (const Json& member : team) {
    if (member["agency"] == "demo-council" && member["team_role"] == "lead_agency") lead = member["id"];
  }
  ASSERT_GT(lead, 0);
  EXPECT_EQ(call("POST", person(id, "/care-team/" + std::to_string(lead) + "/end"), "team_manager", Json::object()).status,
            422);
  ok(call("POST", person(id, "/care-team/" + std::to_string(lead) + "/end"), "team_manager",
          {{"reason", "Care transferred to the trust"}}));
  EXPECT_EQ(call("GET", person(id), "assessor").status, 403);

  // No reason, a reason too short, a role that may not: refused, nothing granted.
  EXPECT_EQ(call("POST", person(id, "/break-glass"), "assessor", Json::object()).status, 422);
  EXPECT_EQ(call("POST", person(id, "/break-glass"), "assessor", {{"reason", "look"}}).status, 422);
  EXPECT_EQ(call("POST", person(id, "/break-glass"), "finance_officer", {{"reason", "Checking a payment urgently"}}).status,
            403);
  EXPECT_EQ(call("POST", person(id, "/break-glass"), "provider_user", {{"reason", "Checking a visit urgently"}}).status,
            403);
  EXPECT_EQ(call("POST", person(999999, "/break-glass"), "assessor", {{"reason", "Out of hours safeguarding call"}}).status,
            404);

  const std::string reason = "Out of hours safeguarding call from the police";
  const Json grant = ok(call("POST", person(id, "/break-glass"), "assessor", {{"reason", reason}}), 201);
  EXPECT_EQ(grant["reason"], reason);
  EXPECT_EQ(grant["username"], "assessor");
  EXPECT_EQ(call("GET", person(id), "assessor").status, 200);
  // Only the user who broke the glass: another role is still refused.
  EXPECT_EQ(call("GET", person(id), "finance_officer").status, 403);

  // The read is audited with the reason.
  const Json read = ok(call("GET", "/api/v1/audit/entries?action=read&user=assessor&person=" + std::to_string(id),
                            "data_protection_officer"))["entries"];
  ASSERT_FALSE(read.empty());
  EXPECT_EQ(read[0]["reason"], "break glass: " + reason);
  const Json broke = ok(call("GET", "/api/v1/audit/entries?action=break_glass&person=" + std::to_string(id),
                             "data_protection_officer"))["entries"];
  ASSERT_EQ(broke.size(), 1u);
  EXPECT_EQ(broke[0]["reason"], reason);

  // The manager and the data protection officer review it; others may not.
  for (const char* reviewer : {"team_manager", "data_protection_officer"}) {
    const Json grants = ok(call("GET", "/api/v1/break-glass", reviewer))["grants"];
    ASSERT_FALSE(grants.empty()) << reviewer;
    EXPECT_EQ(grants[0]["person_id"], id);
    EXPECT_EQ(grants[0]["reason"], reason);
  }
  EXPECT_EQ(call("GET", "/api/v1/break-glass", "assessor").status, 403);
  EXPECT_EQ(call("GET", "/api/v1/break-glass?since=yesterday", "team_manager").status, 422);
}

TEST_F(AccessApi, ReadingManyPeopleInAnHourIsFlaggedToTheDataProtectionOfficer) {
  ok(call("GET", "/api/v1/people?limit=200", "assessor"));
  const Json users = ok(call("GET", "/api/v1/access/unusual-volumes", "data_protection_officer"))["users"];
  bool flagged = false;
  for (const Json& user : users) {
    if (user["username"] == "assessor") flagged = user["people"].get<int>() > user["limit"].get<int>();
  }
  EXPECT_TRUE(flagged) << users.dump();
  EXPECT_EQ(call("GET", "/api/v1/access/unusual-volumes", "administrator").status, 403);
}

TEST_F(AccessApi, AnAgencyJoinsTheCareTeamAttributedAndAnUnknownRoleIsRefused) {
  const Json people = ok(call("GET", "/api/v1/people?limit=1&stage=assessment", "assessor"))["people"];
  ASSERT_EQ(people.size(), 1u);
  const std::int64_t id = people[0]["id"];
  const ClientResponse added = call("POST", person(id, "/care-team"), "assessor",
                                    {{"agency", "demo-care"}, {"team_role", "provider"}});
  const Json member = ok(added, 201);
  EXPECT_EQ(member["agency"], "demo-care");
  EXPECT_EQ(member["added_by"], "assessor");
  const ClientResponse bad = call("POST", person(id, "/care-team"), "assessor",
                                  {{"agency", "demo-care"}, {"team_role", "friend"}, {"username", "assessor"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
}

}  // namespace
}  // namespace allot::api::test
