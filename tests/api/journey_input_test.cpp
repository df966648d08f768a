// What the journey refuses to keep, through the real `allot serve --demo`: money
// that cannot be true (a plan line or total beyond what Allot holds, units beyond
// what a week has, negative amounts) is a 422 naming the line and nothing is
// saved; text that is blank, too long or holds control characters is a 422 naming
// the field; and one person has one record (409 with the records kept).
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

// A valid NHS number (its check digit right) for each n, none used by another test.
std::string nhs_number_for(int n) {
  for (int salt = 0;; ++salt) {
    const std::string nine = std::to_string(600000000 + n * 10 + salt);
    int sum = 0;
    for (int digit_idx = 0; digit_idx < 9; ++digit_idx) sum += (nine[static_cast<std::size_t>(digit_idx)] - '0') * (10 - digit_idx);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    return nine + static_cast<char>('0' + check);
  }
}

const Json kAnswers = {{"personal_care", "some"}, {"eating_drinking", "prompting"}, {"mobility", "some"},
                       {"household", "some"},     {"relationships", "some"},        {"community", "some"},
                       {"work_learning", "none"}, {"safety", "some"},               {"decisions", "none"},
                       {"night", "none"},         {"family_support", "some"}};

class JourneyInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = ServerProcess::start().release();
    assessor_ = new SignedInUser(sign_in(*server_, "assessor"));
    manager_ = new SignedInUser(sign_in(*server_, "team_manager"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete assessor_;
    delete manager_;
    server_ = nullptr;
  }

  static ClientResponse call(const std::string& method, const std::string& target, const Json& body = nullptr,
                             const SignedInUser* user = nullptr) {
    HeaderList headers = (user == nullptr ? assessor_ : user)->bearer_headers();
    if (body.is_null()) return server_->request(method, target, "", headers);
    return server_->request(method, target, body.dump(), json_headers(headers));
  }
  static Json ok(const ClientResponse& response, int status = 200) {
    EXPECT_EQ(response.status, status) << response.body;
    return response.json();
  }
  static std::vector<std::pair<std::string, std::string>> issues(const ClientResponse& response) {
    std::vector<std::pair<std::string, std::string>> found;
    const Json body = response.json();
    for (const Json& issue : body["error"]["issues"]) found.emplace_back(issue["path"], issue["message"]);
    return found;
  }
  // Someone no other test adds: their own name, date of birth and NHS number.
  static Json person(int n) {
    return {{"given_name", "Nora"},
            {"family_name", "Inputtest" + std::string(1, static_cast<char>('a' + n % 26)) + std::to_string(n)},
            {"date_of_birth", "19" + std::to_string(30 + n % 60) + "-0" + std::to_string(1 + n % 9) + "-1" +
                                  std::to_string(n % 10)},
            {"nhs_number", nhs_number_for(n)},
            {"postcode", "DE1 2AB"},
            {"primary_support_reason", "physical_support_personal_care_support"},
            {"client_group", "older_people"},
            {"locality", "South"},
            {"team", "South adults team"}};
  }
  static std::int64_t at_support_planning(int n) {
    const std::int64_t id = ok(call("POST", "/api/v1/people", person(n)), 201)["id"];
    const std::string at = "/api/v1/people/" + std::to_string(id);
    ok(call("POST", at + "/contacts", {{"route_of_access", "community_other_route"}, {"requested_by", "self"}}), 201);
    ok(call("POST", at + "/steps/screen", {{"outcome", "assessment"}}));
    ok(call("POST", at + "/steps/assess",
            {{"rulebook_id", "example-adults"},
             {"rulebook_version", 1},
             {"answers", kAnswers},
             {"eligibility", {{"framework", "banded"}, {"band", "critical"}}}}));
    return id;
  }
  static Json line(const char* unit, Json unit_cost, Json units) {
    return {{"description", "Help at home"}, {"service_component", "home_support"}, {"unit", unit},
            {"unit_cost_pence", std::move(unit_cost)}, {"units_per_week", std::move(units)},
            {"delivery", "council_arranged"}, {"nhs_percent", 0}};
  }
  static ClientResponse save_plan(std::int64_t id, std::initializer_list<Json> lines) {
    Json list = Json::array();
    for (const Json& item : lines) list.push_back(item);
    return call("POST", "/api/v1/people/" + std::to_string(id) + "/steps/save_plan",
                {{"expected_version", 0}, {"outcomes", {"To stay at home"}}, {"lines", list}});
  }

  static ServerProcess* server_;
  static SignedInUser* assessor_;
  static SignedInUser* manager_;
};

ServerProcess* JourneyInput::server_ = nullptr;
SignedInUser* JourneyInput::assessor_ = nullptr;
SignedInUser* JourneyInput::manager_ = nullptr;

// The plan the issue quoted: 1,000,000,000 pence x 1,000,000,000 units a week was
// once kept as an agreed budget of about -£33 quadrillion.
TEST_F(JourneyInput, APlanLineThatOverflowsIsA422NamingTheLineAndNothingIsSaved) {
  const std::int64_t id = at_support_planning(1);
  const ClientResponse quoted = save_plan(id, {line("hour", 1000000000, 1000000000)});
  ASSERT_EQ(quoted.status, 422) << quoted.body;
  EXPECT_EQ(issues(quoted),
            (std::vector<std::pair<std::string, std::string>>{
                {"lines[0].units_per_week",
                 "an hourly line has at most 168 hours a week for each carer (1 carer: at most 168); found 1000000000"}}));

  // Within the week's hours, a unit cost that makes the year beyond £10 trillion.
  const ClientResponse line_overflow = save_plan(id, {line("hour", 1000000000000000, 168)});
  ASSERT_EQ(line_overflow.status, 422) << line_overflow.body;
  ASSERT_EQ(issues(line_overflow).size(), 1u) << line_overflow.body;
  EXPECT_EQ(issues(line_overflow)[0].first, "lines[0]");
  EXPECT_NE(issues(line_overflow)[0].second.find("the most Allot holds"), std::string::npos);

  // Lines each within bounds whose total is beyond it: the line that passes it is named.
  const Json big = line("one_off", 0, "0");
  Json one_off = big;
  one_off["one_off_pence"] = 600000000000000;
  const ClientResponse total_overflow = save_plan(id, {one_off, one_off});
  ASSERT_EQ(total_overflow.status, 422) << total_overflow.body;
  ASSERT_EQ(issues(total_overflow).size(), 1u) << total_overflow.body;
  EXPECT_EQ(issues(total_overflow)[0].first, "lines[1]");

  // Nothing was saved: the person has no plan version.
  const Json plans = ok(call("GET", "/api/v1/people/" + std::to_string(id) + "/plans"));
  EXPECT_TRUE(plans["plans"].empty()) << plans.dump();
}

TEST_F(JourneyInput, UnitsBeyondWhatAWeekHoldsAndNegativeAmountsAre422) {
  const std::int64_t id = at_support_planning(2);
  Json double_handed = line("hour", 2000, 336);
  double_handed["carers"] = 2;
  Json too_many_carers = line("hour", 2000, 10);
  too_many_carers["carers"] = 9;
  Json negative_one_off = line("one_off", 0, "0");
  negative_one_off["one_off_pence"] = -5;
  const ClientResponse refused = save_plan(id, {line("hour", 2000, "168.25"), line("day", 4200, 8), line("night", 9000, "7.5"),
                                                line("week", 50000, 2), line("hour", -1, 3), negative_one_off, double_handed,
                                                too_many_carers});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(issues(refused),
            (std::vector<std::pair<std::string, std::string>>{
                {"lines[0].units_per_week",
                 "an hourly line has at most 168 hours a week for each carer (1 carer: at most 168); found 168.25"},
                {"lines[1].units_per_week",
                 "a daily line has at most 7 days a week for each carer (1 carer: at most 7); found 8"},
                {"lines[2].units_per_week",
                 "a nightly line has at most 7 nights a week for each carer (1 carer: at most 7); found 7.5"},
                {"lines[3].units_per_week",
                 "a weekly line has at most 1 week a week for each carer (1 carer: at most 1); found 2"},
                {"lines[4].unit_cost_pence", "must not be negative; found -1"},
                {"lines[5].one_off_pence", "must not be negative; found -5"},
                {"lines[7].carers", "must be from 1 to 4; found 9"}}));

  // Two carers for 168 hours are 336 hours: saved, and costed as such.
  const Json saved = ok(save_plan(id, {double_handed}));
  const Json plans = ok(call("GET", "/api/v1/people/" + std::to_string(id) + "/plans"));
  ASSERT_EQ(plans["plans"].size(), 1u);
  EXPECT_EQ(plans["plans"][0]["totals"]["weekly_pence"], 336 * 2000);
  EXPECT_EQ(plans["plans"][0]["lines"][0]["carers"], 2);
  (void)saved;
}

TEST_F(JourneyInput, AnAgreedAmountBeyondWhatAllotHoldsIsRefused) {
  const std::int64_t id = at_support_planning(3);
  const std::string at = "/api/v1/people/" + std::to_string(id);
  ok(save_plan(id, {line("hour", 1850, "5")}));
  ok(call("POST", at + "/steps/submit_plan", {{"version", 1}}));
  const ClientResponse refused = call("POST", at + "/steps/decide",
                                      {{"outcome", "approve_changed_amount"},
                                       {"agreed_annual_pence", 1000000000000001},
                                       {"reason", "More help is needed"}},
                                      manager_);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(issues(refused)[0].first, "agreed_annual_pence");
}

TEST_F(JourneyInput, TextThatIsBlankTooLongOrHoldsControlCharactersIsRefusedNamingTheField) {
  Json body = person(4);
  body["given_name"] = "   ";
  body["family_name"] = std::string(101, 'a');
  body["address"] = "1 High Street\nDerby";  // line breaks belong in an address
  body["team"] = "South\tadults";
  body["locality"] = "South\x7f";
  const ClientResponse refused = call("POST", "/api/v1/people", body);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(issues(refused),
            (std::vector<std::pair<std::string, std::string>>{
                {"given_name", "must not be blank (only spaces)"},
                {"family_name", "must be at most 100 characters; found 101"},
                {"locality", "must not contain control characters; found U+007F at character 6"},
                {"team", "must not contain control characters; found U+0009 at character 6"}}));

  // The same rules in the journey's steps: a reason, a plan's outcome and line.
  const std::int64_t id = at_support_planning(5);
  const std::string at = "/api/v1/people/" + std::to_string(id);
  Json blank_line = line("hour", 1850, 3);
  blank_line["description"] = "   ";
  blank_line["provider"] = "Care\x01" "Co";
  const ClientResponse plan = call("POST", at + "/steps/save_plan",
                                   {{"expected_version", 0}, {"outcomes", {"  ", std::string(4001, 'x')}}, {"lines", Json::array({blank_line})}});
  ASSERT_EQ(plan.status, 422) << plan.body;
  EXPECT_EQ(issues(plan),
            (std::vector<std::pair<std::string, std::string>>{
                {"outcomes[0]", "must not be blank (only spaces)"},
                {"outcomes[1]", "must be at most 4000 characters; found 4001"},
                {"lines[0].description", "must not be blank (only spaces)"},
                {"lines[0].provider", "must not contain control characters; found U+0001 at character 5"}}));
  const ClientResponse close = call("POST", at + "/steps/close", {{"reason", "   "}});
  ASSERT_EQ(close.status, 422) << close.body;
  EXPECT_EQ(issues(close), (std::vector<std::pair<std::string, std::string>>{{"reason", "must not be blank (only spaces)"}}));
}

TEST_F(JourneyInput, AnNhsNumberBelongsToOneRecord) {
  const Json first = ok(call("POST", "/api/v1/people", person(6)), 201);
  Json second = person(7);
  second["nhs_number"] = first["nhs_number"];
  const ClientResponse refused = call("POST", "/api/v1/people", second);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const Json error = refused.json()["error"];
  EXPECT_EQ(error["code"], "duplicate_nhs_number");
  EXPECT_EQ(error["issues"][0]["path"], "nhs_number");
  EXPECT_EQ(error["issues"][0]["code"], "conflict");
  ASSERT_EQ(error["candidates"].size(), 1u);
  EXPECT_EQ(error["candidates"][0]["id"], first["id"]);
  EXPECT_EQ(error["candidates"][0]["href"], "/people/" + std::to_string(first["id"].get<std::int64_t>()));
  EXPECT_EQ(error["candidates"][0]["matched_on"], Json({"nhs_number"}));
  // Confirming a different person does not override an NHS number.
  second["different_from"] = {first["id"]};
  EXPECT_EQ(call("POST", "/api/v1/people", second).status, 409);
  // Nor can another record take it later.
  const Json other = ok(call("POST", "/api/v1/people", person(8)), 201);
  Json change = person(8);
  change["nhs_number"] = first["nhs_number"];
  change["row_version"] = other["row_version"];
  const ClientResponse changed = call("PUT", "/api/v1/people/" + std::to_string(other["id"].get<std::int64_t>()), change);
  ASSERT_EQ(changed.status, 409) << changed.body;
  EXPECT_EQ(changed.json()["error"]["candidates"][0]["id"], first["id"]);
}

TEST_F(JourneyInput, ALikelyDuplicateIsShownNotAddedUntilConfirmedAndTheConfirmationIsKept) {
  const Json first = ok(call("POST", "/api/v1/people", person(9)), 201);
  const std::int64_t first_id = first["id"];
  // The same name (any case and spacing) and date of birth, no NHS number.
  Json same = person(9);
  same.erase("nhs_number");
  same["given_name"] = "  NORA ";
  same["postcode"] = "LS1 4AP";
  const ClientResponse refused = call("POST", "/api/v1/people", same);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const Json error = refused.json()["error"];
  EXPECT_EQ(error["code"], "possible_duplicate");
  EXPECT_EQ(error["issues"][0]["path"], "different_from");
  ASSERT_EQ(error["candidates"].size(), 1u);
  EXPECT_EQ(error["candidates"][0]["id"], first_id);
  EXPECT_EQ(error["candidates"][0]["matched_on"], Json({"name_and_date_of_birth"}));
  // The same date of birth and postcode, another name.
  Json neighbour = person(9);
  neighbour.erase("nhs_number");
  neighbour["given_name"] = "Nell";
  neighbour["family_name"] = "Otherinput";
  const ClientResponse by_postcode = call("POST", "/api/v1/people", neighbour);
  ASSERT_EQ(by_postcode.status, 409) << by_postcode.body;
  EXPECT_EQ(by_postcode.json()["error"]["candidates"][0]["matched_on"], Json({"date_of_birth_and_postcode"}));
  // An id that is not a likely duplicate is refused, not dropped.
  same["different_from"] = {first_id, 999999};
  const ClientResponse wrong = call("POST", "/api/v1/people", same);
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(issues(wrong)[0].first, "different_from[1]");
  // Confirmed: added, and the confirmation is in the new record's history.
  same["different_from"] = {first_id};
  const Json added = ok(call("POST", "/api/v1/people", same), 201);
  const Json timeline =
      ok(call("GET", "/api/v1/people/" + std::to_string(added["id"].get<std::int64_t>()) + "/timeline"));
  const Json& events = timeline["events"];
  const auto confirmed = std::find_if(events.begin(), events.end(),
                                      [](const Json& event) { return event["kind"] == "different_person_confirmed"; });
  ASSERT_NE(confirmed, events.end()) << timeline.dump();
  EXPECT_EQ((*confirmed)["actor"], "assessor");
  EXPECT_EQ((*confirmed)["payload"]["different_from"],
            Json::parse(R"([{"person_id": )" + std::to_string(first_id) + R"(, "name": "Nora )" +
                        first["family_name"].get<std::string>() + R"("}])"));
}

}  // namespace
}  // namespace allot::api::test
