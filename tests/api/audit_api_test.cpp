// The audit log through the real `allot serve --demo` binary: reads, searches (with
// what was asked and whom it returned) and refusals (401, 403, 404 on a person)
// each leave an entry; the data protection officer searches the log by person,
// user and date and verifies its chain; an entry changed with SQL is found.
#include <gtest/gtest.h>

#include "allot/storage/open_store.h"
#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class AuditApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    for (const char* user : {"assessor", "data_protection_officer", "provider_user", "administrator"}) {
      users_[user] = sign_in(*server_, user);
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ClientResponse call(const std::string& target, const std::string& user) {
    return server_->request("GET", target, "", users_.at(user).bearer_headers());
  }
  static Json ok(const ClientResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }
  // The entries the data protection officer finds for a query.
  static Json entries(const std::string& query) {
    return ok(call("/api/v1/audit/entries?" + query, "data_protection_officer"))["entries"];
  }
  static Json first_with(const Json& list, const std::string& action) {
    for (const Json& entry : list) {
      if (entry["action"] == action) return entry;
    }
    return nullptr;
  }

  static ServerProcess* server_;
  static std::map<std::string, SignedInUser> users_;
};

ServerProcess* AuditApi::server_ = nullptr;
std::map<std::string, SignedInUser> AuditApi::users_;

TEST_F(AuditApi, AReadIsRecordedWithWhoTheirAgencyAndRoles) {
  const Json people = ok(call("/api/v1/people?limit=1", "assessor"))["people"];
  ASSERT_EQ(people.size(), 1u);
  const std::int64_t id = people[0]["id"];
  ok(call("/api/v1/people/" + std::to_string(id), "assessor"));
  const Json found = entries("person=" + std::to_string(id) + "&user=assessor&action=read");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0]["subject"], "person:" + std::to_string(id));
  EXPECT_EQ(found[0]["agency"], "demo-council");
  EXPECT_EQ(found[0]["roles"], "assessor");
  EXPECT_EQ(found[0]["detail"], "record");
  EXPECT_EQ(found[0]["reason"], "");
  EXPECT_EQ(found[0]["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(found[0]["at"].get<std::string>().substr(0, 10), "2026-11-22");
}

TEST_F(AuditApi, ASearchRecordsWhatWasAskedAndWhomItReturned) {
  const Json listed = ok(call("/api/v1/people?q=a&limit=3", "assessor"));
  ASSERT_EQ(listed["people"].size(), 3u);
  const std::int64_t second = listed["people"][1]["id"];
  const Json search = first_with(entries("person=" + std::to_string(second) + "&action=search&user=assessor"), "search");
  ASSERT_FALSE(search.is_null());
  EXPECT_NE(search["detail"].get<std::string>().find("q=\"a\""), std::string::npos) << search.dump();
  std::vector<std::int64_t> returned;
  for (const Json& person : listed["people"]) returned.push_back(person["id"]);
  EXPECT_EQ(search["people"].get<std::vector<std::int64_t>>(), returned);
}

TEST_F(AuditApi, RefusalsAreRecorded) {
  // 403: a role the policy refuses.
  EXPECT_EQ(call("/api/v1/audit/verify", "assessor").status, 403);
  // 403 on a person off the user's care teams (whether or not the record exists).
  EXPECT_EQ(call("/api/v1/people/987654321", "assessor").status, 403);
  // 401: nobody signed in.
  EXPECT_EQ(server_->request("GET", "/api/v1/people/987654321").status, 401);
  const Json refused = entries("action=refused&limit=50");
  bool forbidden = false;
  bool not_found = false;
  bool anonymous = false;
  for (const Json& entry : refused) {
    const std::string detail = entry["detail"];
    if (entry["user"] == "assessor" && detail.find("403 forbidden GET /api/v1/audit/verify") == 0) forbidden = true;
    if (entry["user"] == "assessor" && entry["subject"] == "person:987654321" && detail.find("403") == 0) not_found = true;
    if (entry["user"] == "anonymous" && entry["subject"] == "person:987654321" && detail.find("401") == 0) anonymous = true;
  }
  EXPECT_TRUE(forbidden) << refused.dump();
  EXPECT_TRUE(not_found) << refused.dump();
  EXPECT_TRUE(anonymous) << refused.dump();
}

TEST_F(AuditApi, TheLogIsSearchedByDateAndTheSearchIsItselfAudited) {
  EXPECT_FALSE(entries("from=2026-11-22&to=2026-11-22&limit=5").empty());
  EXPECT_TRUE(entries("from=2026-11-23").empty());
  EXPECT_EQ(call("/api/v1/audit/entries?from=22/11/2026", "data_protection_officer").status, 422);
  EXPECT_EQ(call("/api/v1/audit/entries?limit=0", "data_protection_officer").status, 422);
  const Json own = first_with(entries("user=data_protection_officer&action=search"), "search");
  ASSERT_FALSE(own.is_null());
  EXPECT_EQ(own["subject"], "audit");
  EXPECT_EQ(own["roles"], "data_protection_officer");
  // Only roles the policy names may read the log.
  EXPECT_EQ(call("/api/v1/audit/entries", "provider_user").status, 403);
  EXPECT_EQ(call("/api/v1/audit/entries?limit=1", "administrator").status, 200);
}

TEST_F(AuditApi, TheChainVerifiesUntilAnEntryIsChangedWithSql) {
  const Json report = ok(call("/api/v1/audit/verify", "data_protection_officer"));
  EXPECT_TRUE(report["ok"].get<bool>()) << report.dump();
  EXPECT_GT(report["entries"].get<int>(), 10);
  EXPECT_EQ(report["head_hash"].get<std::string>().size(), 64u);
  {
    auto store = storage::open_store(server_->folder() + "/allot.sqlite");
    ASSERT_TRUE(store) << format_issues(store.error());
    ASSERT_TRUE((*store)->execute_sql("DROP TRIGGER audit_log_no_update; "
                                      "UPDATE audit_log SET actor = 'nobody' WHERE seq = 3"));
  }
  const Json broken = ok(call("/api/v1/audit/verify", "data_protection_officer"));
  EXPECT_FALSE(broken["ok"].get<bool>());
  ASSERT_FALSE(broken["problems"].empty());
  EXPECT_NE(broken["problems"][0].get<std::string>().find("(seq 3)"), std::string::npos) << broken.dump();
}

}  // namespace
}  // namespace allot::api::test
