// Hostile input, as a table: every route of the route table that reads a JSON or
// CSV body gets every row of kBodyRows (oversized, deeply nested, numbers beyond
// any range or not finite, invalid UTF-8, control characters, not an object, ...)
// and, field by field of a realistic body for that route, every row of
// kFieldRows (huge and out-of-range numbers, negative money, NUL and other control
// characters in text). Routes with path parameters get kPathRows (SQL
// meta-characters, path traversal, numbers beyond 64 bits), and the payments
// import its file name with traversal. Each answer must be a clear 4xx with the
// error shape of docs/api.md, never a 5xx, and the database must be unchanged: a
// digest of every table before and after each row (the audit log and sessions
// aside: refusals are audited on purpose and sessions note their last use).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "allot/api/shared/router.h"
#include "allot/app/shared/actor.h"
#include "fault_support.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A realistic body for each route that reads one: the field-level rows change it
// one field at a time. A route missing here fails the test, so a new route joins it.
std::map<std::string, std::string> body_templates() {
  const Json rulebook = Json::parse(read_source("data/rulebooks/example-carers.json"));
  const Json problem = Json::parse(read_source("data/solver/example.json"));
  const Json charging = Json::parse(read_source("data/charging/england-2026-27.json"));
  return {
      {"POST /api/v1/session", R"({"username": "hostile-nobody", "password": "not-the-password"})"},
      {"POST /api/v1/people", test_person_body("Hostile").dump()},
      {"PUT /api/v1/people/{id}", [] {
         Json body = test_person_body("Hostile");
         body["row_version"] = 1;
         return body.dump();
       }()},
      {"POST /api/v1/people/{id}/contacts",
       R"({"route_of_access": "discharge_from_hospital", "requested_by": "hospital", "joint_screening": true, "reason": "After a fall"})"},
      {"POST /api/v1/people/{id}/steps/{step}", R"({"outcome": "assessment", "joint": true, "reason": "Screened"})"},
      {"PUT /api/v1/people/{id}/drafts/{kind}", R"({"row_version": 1, "document": {"answers": {"personal_care": "some"}}})"},
      {"POST /api/v1/people/{id}/carers/first-stage",
       R"({"completed_by": "carer", "hours_caring_per_week": 20, "health_impact": "some"})"},
      {"POST /api/v1/people/{id}/carers/full-assessment",
       R"({"rulebook_id": "example-carers", "rulebook_version": 1, "answers": {"caring_hours": "some"}, "agreed_annual_pence": 100000, "reason": "Breaks"})"},
      {"POST /api/v1/panel/meetings",
       R"({"held_on": "2026-11-17", "members": [{"name": "Chris Allen", "role": "Chair", "agency": "demo-council"}], "decisions": [{"person_id": 1, "plan_version": 1, "outcome": "approve_changed_amount", "agreed_annual_pence": 900000, "start": "2026-11-23", "reason": "Changed"}]})"},
      {"POST /api/v1/rulebooks/validate", rulebook.dump()},
      {"POST /api/v1/rulebooks", rulebook.dump()},
      {"POST /api/v1/rulebooks/{id}/versions/{v}/score",
       R"({"answers": {"personal_care": "some", "eating_drinking": "prompting", "mobility": "some"}})"},
      {"POST /api/v1/rulebooks/{id}/versions/{v}/calibrate",
       R"({"sample_csv": "person_id,client_group,current_annual_pence,personal_care\nS1,Older people,150000,some\n", "budget_pence": 400000000, "top_slice_percent": 15, "population": 2000, "method": "sample"})"},
      {"POST /api/v1/rulebooks/{id}/versions/{v}/simulations",
       "person_id,client_group,current_annual_pence,personal_care,eating_drinking,mobility,two_carers,household,"
       "relationships,community,work_learning,safety,decisions,night,family_support\n"
       "P1,Older people,80000,some,prompting,some,no,some,some,some,none,some,none,none,some\n"},
      {"POST /api/v1/solver/jobs", Json{{"problem", problem}, {"time_limit_seconds", 1}, {"seed", 1}}.dump()},
      {"POST /api/v1/budget-funds", R"({"code": "hostile-fund", "name": "Hostile", "kind": "council_core", "owner_agency": "demo-council"})"},
      {"POST /api/v1/budgets",
       R"({"code": "HOSTILE", "name": "Hostile", "financial_year": 2026, "kind": "pooled", "host_agency": "demo-council", "risk_share": "equal_shares", "contributions": [{"fund_id": 1, "partner_agency": "demo-council", "funding_source": "council", "amount_pence": 1000}], "lines": [{"code": "care", "name": "Care", "kind": "programme", "amount_pence": 1000}]})"},
      {"POST /api/v1/budgets/{id}/payments",
       R"({"date": "2026-05-01", "payee": "Care", "amount_pence": 100, "budget_line": "care", "reference": "HOSTILE-1"})"},
      {"POST /api/v1/budgets/{id}/payments/import",
       "date,payee,person_reference,amount,budget_line,reference\n2026-05-01,Care,,1.00,care,HOSTILE-CSV-1\n"},
      {"POST /api/v1/budgets/{id}/fast-access", R"({"purpose": "Respite", "amount_pence": 1000})"},
      {"POST /api/v1/budgets/{id}/fast-access/{request}/decision", R"({"decision": "refused", "reason": "No"})"},
      {"POST /api/v1/charging-rules", charging.dump()},
      {"POST /api/v1/people/{id}/financial-assessments",
       R"({"status": "assessed", "effective_from": "2026-11-23", "incomes": [{"type": "state_pension", "weekly_pence": 23000}], "capital_pence": 1500000, "expenses": [{"type": "council_tax", "weekly_pence": 1240}]})"},
      {"POST /api/v1/people/{id}/financial-assessments/preview",
       R"({"status": "assessed", "effective_from": "2026-11-23", "incomes": [{"type": "state_pension", "weekly_pence": 23000}], "capital_pence": 1500000, "expenses": []})"},
      {"POST /api/v1/rulebooks/{id}/drafts/{v}/proposal", R"({"effective_from": "2026-11-22", "simulation_job_id": "1"})"},
      {"POST /api/v1/rulebooks/{id}/drafts/{v}/approval", "{}"},
      {"POST /api/v1/rulebooks/{id}/drafts/{v}/rejection", R"({"reason": "The simulation shows too many people losing"})"},
      {"POST /api/v1/rulebooks/{id}/drafts/{v}/simulations",
       "person_id,client_group,current_annual_pence,personal_care,eating_drinking,mobility\nP1,Older people,80000,some,prompting,some\n"},
      {"POST /api/v1/providers",
       R"({"name": "Hostile Care", "former_framework": "specialist", "services": ["care_at_home"], "areas": ["East"], "capacity_hours_per_week": 100})"},
      {"POST /api/v1/providers/import",
       R"({"source_name": "providers.csv", "csv": "name,former_framework,services,areas,capacity_hours_per_week\nHostile Care,,care_at_home,East,100\n"})"},
      {"POST /api/v1/providers/{id}/inspections",
       R"({"date": "2025-10-14", "grades": {"Quality of care and support": 4, "Quality of staffing": 4, "Quality of management and leadership": 5}, "preview": true})"},
      {"POST /api/v1/providers/{id}/rates",
       R"({"service": "care_at_home", "effective_from": "2026-04-01", "day_hourly_pence": 1500, "evening_hourly_pence": 1620, "weekend_hourly_pence": 1700, "sleepover_nightly_pence": 9800})"},
      {"POST /api/v1/care-packages",
       R"({"provider_id": 1, "person_reference": "person:1", "client_group": "Older people", "service": "care_at_home", "starts_on": "2026-12-01", "visits": [{"day_of_week": 1, "start_minute": 480, "tolerance_minutes": 30, "duration_minutes": 30, "carers": 1}]})"},
      {"POST /api/v1/people/{id}/allocations", R"({"worker": "assessor_south", "reason": "South's worker covers Osmaston Road"})"},
      {"POST /api/v1/people/{id}/notes", R"({"text": "Phoned about the morning visits."})"},
      {"POST /api/v1/people/{id}/cares-for", R"({"cares_for": 1})"},
      {"POST /api/v1/addresses/imports",
       "uprn,postcode,address,latitude,longitude\n100012345678,DE1 2AB,\"12 Osmaston Road, Derby\",52.9101,-1.4712\n"},
      {"POST /api/v1/people/{id}/diary/entries",
       R"({"kind": "appointment", "date": "2026-11-26", "start": "09:30", "end": "10:15", "where": "Royal Derby Hospital", "title": "Falls clinic"})"},
      {"PATCH /api/v1/people/{id}/diary/entries/{entry}", R"({"version": 1, "start": "11:00", "end": "11:45"})"},
      {"POST /api/v1/people/{id}/diary/entries/{entry}/cancel", R"({"version": 1, "reason": "Not needed"})"},
      {"POST /api/v1/providers/{id}/bases", R"({"name": "Tranent office", "location": {"latitude": 55.9443, "longitude": -2.9541}})"},
      {"POST /api/v1/providers/{id}/carers",
       R"({"name": "Morag Hay", "base_id": 1, "skills": ["medication"], "shifts": [{"day_of_week": 0, "start_minute": 420, "end_minute": 870}], "travel_mode": "car"})"},
      {"POST /api/v1/providers/{id}/carers/import",
       R"({"source_name": "carers.csv", "csv": "name,base,base_latitude,base_longitude,skills,shifts,travel_mode\nMorag Hay,Tranent office,55.9443,-2.9541,medication,Mon 07:00-14:30,car\n"})"},
      {"POST /api/v1/open-packages",
       R"({"person_reference": "EL-90100", "client_group": "Older people", "service": "care_at_home", "starts_on": "2026-12-07", "area": "East", "locality": "Dunbar", "location": {"latitude": 56.0021, "longitude": -2.5198}, "visits": [{"day_of_week": 0, "start_minute": 540, "tolerance_minutes": 15, "duration_minutes": 45, "tasks": ["personal care"]}]})"},
      {"POST /api/v1/open-packages/{id}/offers", R"({"provider_id": 1})"},
      {"POST /api/v1/offers/{id}/answer", R"({"answer": "decline", "reason": "No carers free in Dunbar"})"},
      {"POST /api/v1/care-packages/replan", R"({"area": "North", "include_current": true})"},
      {"POST /api/v1/care-packages/replan/{job_id}/apply", R"({"confirm_moves": 12})"},
      {"POST /api/v1/community",
       R"({"name": "Osmaston Road Book Group", "kind": "group", "locality": "North", "address": "12 Osmaston Road, Derby", "postcode": "DE1 2AB", "opening_times": "Mondays 14:00 to 15:30", "contact": "01332 400999", "client_groups": ["older_people"], "charge_pence": 100, "charge_note": "for tea"})"},
      {"POST /api/v1/community/import",
       R"({"source_name": "directory.csv", "csv": "name,kind,locality,opening_times,contact\nBook Group,group,North,Mondays,01332 400999\n"})"},
      {"PUT /api/v1/community/{id}",
       R"({"version": 1, "name": "Osmaston Road Book Group", "kind": "group", "locality": "North", "opening_times": "Mondays 14:00 to 15:30", "contact": "01332 400999"})"},
      {"POST /api/v1/people/{id}/care-team", R"({"agency": "demo-nhs", "team_role": "nhs_professional"})"},
      {"POST /api/v1/people/{id}/care-team/{member}/end", R"({"reason": "The joint case has closed"})"},
      {"POST /api/v1/care-packages/{id}/costed-plans",
       R"({"lines": [{"what": "Support to go swimming on Tuesdays", "outcomes": ["I want to swim again"], "minutes_per_week": 120, "hourly_pence": 2000}, {"what": "Gym pass", "outcomes": ["I want to swim again"], "fixed_weekly_pence": 800}]})"},
      {"POST /api/v1/costed-plans/{id}/answer", R"({"decision": "send_back", "reason": "Please cost the Tuesday swimming at the day rate"})"},
      {"POST /api/v1/open-packages/from-plan",
       R"({"person_id": 1, "starts_on": "2026-12-07", "visits": [{"day_of_week": 0, "start_minute": 480, "duration_minutes": 30}]})"},
      {"POST /api/v1/people/{id}/sharing-consents", R"({"agency": "demo-nhs", "decision": "given", "note": "Agreed at the joint visit."})"},
      {"POST /api/v1/people/{id}/break-glass", R"({"reason": "Called by A&E about a fall out of hours"})"},
      {"POST /api/v1/sharing-agreements",
       R"({"agency": "demo-nhs", "reference": "ISA-2026-01", "purpose": "Joint mental health cases", "starts_on": "2026-04-01"})"},
      {"POST /api/v1/sharing-agreements/{id}/end", R"({"reason": "Replaced by a new agreement"})"},
      {"POST /api/v1/people/{id}/account", R"({"username": "person", "relationship": "self"})"},
      {"POST /api/v1/programmes",
       R"({"source_name": "carers.csv", "csv": "record,programme,workstream,project,source,financial_year,amount,status\nline,Carers,Breaks,Sitting,Reform grant,2008/09,5000,\n"})"},
  };
}

// --- The rows -----------------------------------------------------------------

struct BodyRow {
  const char* name;
  std::function<std::string(const std::string& body)> make;
  std::set<int> statuses;  // empty: any 4xx
};

// A body with its first value replaced by raw JSON text (which may not be JSON).
std::string with_first_value(const std::string& body, const std::string& raw) {
  Json parsed = Json::parse(body, nullptr, false);
  if (!parsed.is_object() || parsed.empty()) return "{\"x\": " + raw + "}";
  parsed.begin().value() = "@@HOSTILE@@";
  std::string text = parsed.dump();
  text.replace(text.find("\"@@HOSTILE@@\""), 13, raw);
  return text;
}

const std::vector<BodyRow>& json_body_rows() {
  static const std::vector<BodyRow> rows = {
      {"oversized (1 MiB + 1)", [](const std::string&) { return "{\"x\": \"" + std::string(1024 * 1024, 'a') + "\"}"; }, {413}},
      {"200,000 nested arrays", [](const std::string&) { return std::string(200000, '[') + std::string(200000, ']'); }, {}},
      {"100,000 nested objects",
       [](const std::string&) {
         std::string text;
         for (int i = 0; i < 100000; ++i) text += "{\"a\":";
         return text + "1" + std::string(100000, '}');
       }, {}},
      {"1,000 nested arrays in a field",
       [](const std::string& body) { return with_first_value(body, std::string(1000, '[') + std::string(1000, ']')); }, {}},
      // docs/errors.md: a number too large for a double is invalid_value (422) at its field.
      {"1e400 in a field", [](const std::string& body) { return with_first_value(body, "1e400"); }, {400, 422}},
      {"-1e400 in a field", [](const std::string& body) { return with_first_value(body, "-1e400"); }, {400, 422}},
      {"NaN in a field", [](const std::string& body) { return with_first_value(body, "NaN"); }, {400}},
      {"Infinity in a field", [](const std::string& body) { return with_first_value(body, "Infinity"); }, {400}},
      {"a 400-digit integer in a field",
       [](const std::string& body) { return with_first_value(body, "1" + std::string(400, '0')); }, {400, 422}},
      {"100,000 nested arrays in a field",
       [](const std::string& body) { return with_first_value(body, std::string(100000, '[') + std::string(100000, ']')); },
       {}},
      {"invalid UTF-8 in a string", [](const std::string& body) { return with_first_value(body, "\"caf\xc3\x28 \xff\xfe\""); }, {400}},
      {"overlong UTF-8 in a string", [](const std::string& body) { return with_first_value(body, "\"\xc0\xaf\""); }, {400}},
      {"a lone surrogate escape", [](const std::string& body) { return with_first_value(body, "\"\\ud800\""); }, {400}},
      {"a raw control character in a string",
       [](const std::string& body) { return with_first_value(body, std::string("\"a\x01") + "b\""); }, {400}},
      {"a raw NUL byte", [](const std::string& body) { return with_first_value(body, std::string("\"a\0b\"", 5)); }, {400}},
      {"truncated", [](const std::string& body) { return body.substr(0, body.size() / 2); }, {400}},
      {"empty", [](const std::string&) { return std::string(); }, {}},
      {"an array, not an object", [](const std::string&) { return std::string("[1, 2, 3]"); }, {}},
      {"a string, not an object", [](const std::string&) { return std::string("\"text\""); }, {}},
      {"null", [](const std::string&) { return std::string("null"); }, {}},
      {"SQL meta-characters instead of JSON", [](const std::string&) { return std::string("'; DROP TABLE people; --"); }, {400}},
  };
  return rows;
}

const std::vector<BodyRow>& csv_body_rows() {
  static const std::vector<BodyRow> rows = {
      {"oversized (upload limit + 1)", [](const std::string&) { return std::string(2 * 1024 * 1024 + 1, 'a'); }, {413}},
      {"invalid UTF-8 in a field",
       [](const std::string& body) { return body.substr(0, body.size() - 1) + "\xff\xfe\n"; }, {}},
      {"a NUL byte in a field", [](const std::string& body) { return body.substr(0, body.size() - 1) + std::string("a\0b\n", 4); }, {}},
      {"a control character in a field", [](const std::string& body) { return body.substr(0, body.size() - 1) + "a\x1b[2Jb\n"; }, {}},
      {"only a header", [](const std::string& body) { return body.substr(0, body.find('\n') + 1); }, {}},
      {"empty", [](const std::string&) { return std::string(); }, {}},
      {"a 100,000-column header", [](const std::string&) {
         std::string text;
         for (int i = 0; i < 100000; ++i) text += "c" + std::to_string(i) + ",";
         return text + "\n";
       }, {}},
      {"an unterminated quote", [](const std::string& body) { return body + "\"never closed,1,2\n"; }, {}},
      {"huge amounts", [](const std::string& body) {
         return body + "2026-05-01,Care,,99999999999999999999.99,care,HUGE-1\nP9,Older people,99999999999999999999999,some\n";
       }, {}},
      {"non-finite amounts", [](const std::string& body) {
         return body + "2026-05-01,Care,,NaN,care,NAN-1\n2026-05-01,Care,,inf,care,INF-1\nP9,Older people,1e400,some\n";
       }, {}},
  };
  return rows;
}

// Field-level values: each replaces one field of the template at a time.
struct FieldRow {
  const char* name;
  bool for_numbers;  // replaces numbers; otherwise strings
  bool money_only;   // only fields whose names end in _pence
  const char* raw;   // raw JSON text
};

const FieldRow kFieldRows[] = {
    {"1e300", true, false, "1e300"},
    {"-1e300", true, false, "-1e300"},
    {"2^63 (beyond 64 bits)", true, false, "9223372036854775808"},
    {"-2^63 - 1 (beyond 64 bits)", true, false, "-9223372036854775809"},
    {"negative money", true, true, "-100"},
    {"a NUL in text", false, false, "\"a\\u0000b\""},
    {"an escape sequence in text", false, false, "\"a\\u001b[2Jb\""},
};

// Where negative money is meaningful, documented in docs/api.md: a payment
// correction is a negative amount.
const std::set<std::string> kNegativeMoneyAllowed = {"POST /api/v1/budgets/{id}/payments amount_pence"};

// Every leaf of `document` with its JSON pointer.
void leaves(const Json& document, const Json::json_pointer& at, std::vector<Json::json_pointer>& out) {
  if (document.is_object()) {
    for (auto it = document.begin(); it != document.end(); ++it) leaves(it.value(), at / it.key(), out);
  } else if (document.is_array()) {
    for (std::size_t i = 0; i < document.size(); ++i) leaves(document[i], at / i, out);
  } else {
    out.push_back(at);
  }
}

// --- Running the table ------------------------------------------------------------

class HostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = FaultDatabase::make(Backend::kSqlite, "hostile").release();
    ServerSettings settings;
    settings.database = database_->database;
    // A small upload limit keeps the oversized CSV row cheap; the JSON limit is the default 1 MiB.
    settings.env["ALLOT_MAX_UPLOAD_BYTES"] = std::to_string(2 * 1024 * 1024);
    server_ = ServerProcess::start(settings).release();
    for (app::Role role : app::all_roles()) {
      const std::string name = app::role_name(role);
      users_.emplace(name, sign_in(*server_, name));
      const ClientResponse session = server_->request("GET", "/api/v1/session", {}, users_.at(name).bearer_headers());
      const Json body = session.json();
      for (const Json& action : body["user"]["allowed"]) allowed_by_.emplace(action.get<std::string>(), name);
    }
    const Json people = call_as(*server_, users_.at("assessor"), "GET", "/api/v1/people").json();
    person_id_ = std::to_string(people["people"][0]["id"].get<std::int64_t>());
    const Json budgets = call_as(*server_, users_.at("finance_officer"), "GET", "/api/v1/budgets").json();
    budget_id_ = std::to_string(budgets["budgets"][0]["id"].get<std::int64_t>());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete database_;
  }

  // The user who may call the route (its action), or any signed-in user.
  static const SignedInUser& user_for(const Route& route) {
    if (!route.action.empty()) {
      auto found = allowed_by_.find(std::string(route.action));
      if (found != allowed_by_.end()) return users_.at(found->second);
    }
    return users_.at("administrator");
  }

  // The route's pattern with its {parameters} filled in with things that exist.
  static std::string fill(const std::string& pattern, const std::map<std::string, std::string>& override = {}) {
    std::string out;
    for (std::string_view segment : split_path(pattern)) {
      std::string value(segment);
      if (segment.size() > 2 && segment.front() == '{') {
        const std::string name(segment.substr(1, segment.size() - 2));
        if (auto found = override.find(name); found != override.end()) {
          value = found->second;
        } else if (name == "id" && pattern.rfind("/api/v1/rulebooks/", 0) == 0) {
          value = "example-adults";
        } else if (name == "id" && pattern.rfind("/api/v1/budgets/", 0) == 0) {
          value = budget_id_;
        } else if (name == "id") {
          value = person_id_;
        } else if (name == "kind") {
          value = "plan";
        } else if (name == "step") {
          value = "screen";
        } else {
          value = "1";
        }
      }
      out += "/" + value;
    }
    return out;
  }

  // A digest of every table but the audit log and sessions, table by table.
  static std::map<std::string, std::string> digest() {
    const std::string script = database_->folder + "/digest.sql";
    {
      std::ofstream out(script);
      out << ".mode quote\n";
      for (const char* table : tables()) out << ".print @@" << table << "\nSELECT * FROM " << table << " ORDER BY 1;\n";
    }
    const std::string command = "sqlite3 -readonly '" + database_->database + "' < '" + script + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string text;
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
    ::pclose(pipe);
    std::map<std::string, std::string> by_table;
    std::string current;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("@@", 0) == 0) {
        current = line.substr(2);
      } else {
        by_table[current] += line + "\n";
      }
    }
    return by_table;
  }

  static const std::vector<const char*>& tables() {
    static const std::vector<const char*> names = [] {
      std::vector<const char*> out;
      static std::vector<std::string> kept;
      const std::string command = "sqlite3 -readonly '" + database_->database +
                                  "' \"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name\"";
      FILE* pipe = ::popen(command.c_str(), "r");
      char line[512];
      while (std::fgets(line, sizeof line, pipe) != nullptr) {
        std::string name(line);
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
        // Refusals are audited on purpose; sessions note when they were last used.
        if (name.find("audit") != std::string::npos || name == "sessions" || name.rfind("sqlite_", 0) == 0) continue;
        kept.push_back(name);
      }
      ::pclose(pipe);
      for (const std::string& name : kept) out.push_back(name.c_str());
      return out;
    }();
    return names;
  }

  // Sends one hostile request and checks the answer (see Unchanged for the database).
  void expect_refused(const std::string& what, const Route& route, const std::string& target, const std::string& body,
                      const std::set<int>& statuses, const std::string& media_type) {
    HeaderList headers = user_for(route).bearer_headers();
    headers.emplace_back("Content-Type", media_type);
    const ClientResponse response = server_->request(method_name(route.method), target, body, headers);
    const std::string where = std::string(method_name(route.method)) + " " + route.pattern + ": " + what;
    ++requests_;
    // Checking a rulebook is this route's whole purpose: it answers 200 with
    // "valid": false and the issues, and stores nothing.
    if (route.pattern == "/api/v1/rulebooks/validate" && response.status == 200) {
      const Json answer = Json::parse(response.body, nullptr, false);
      EXPECT_TRUE(answer.is_object() && answer.value("valid", true) == false && !answer["issues"].empty())
          << where << ": " << response.body.substr(0, 300);
      return;
    }
    if (statuses.empty()) {
      EXPECT_TRUE(response.status >= 400 && response.status < 500) << where << ": " << response.status << " "
                                                                   << response.body.substr(0, 300);
    } else {
      EXPECT_TRUE(statuses.count(response.status) > 0) << where << ": " << response.status << " "
                                                       << response.body.substr(0, 300);
    }
    if (response.status >= 400) {
      // The error shape every client relies on.
      const Json error = Json::parse(response.body, nullptr, false);
      EXPECT_TRUE(error.is_object() && error.contains("error") && error["error"].contains("code") &&
                  error["error"].contains("message"))
          << where << ": " << response.body.substr(0, 300);
    }
  }

  // The database is the same when it goes out of scope as when it was made: the
  // digest is taken around each route's rows (a change names the route and table;
  // run the route's rows alone to find the row).
  class Unchanged {
   public:
    explicit Unchanged(std::string what) : what_(std::move(what)), before_(digest()) {}
    ~Unchanged() {
      const auto after = digest();
      for (const auto& [table, rows] : after) {
        EXPECT_EQ(before_.count(table) ? before_.at(table) : "", rows) << what_ << ": table " << table << " changed";
      }
    }

   private:
    std::string what_;
    std::map<std::string, std::string> before_;
  };

  static std::vector<const Route*> routes_with(BodyKind kind) {
    std::vector<const Route*> out;
    for (const Route& route : route_table()) {
      if (route.body == kind && !route.test_only) out.push_back(&route);
    }
    return out;
  }

  static std::string key(const Route& route) { return std::string(method_name(route.method)) + " " + route.pattern; }

  static inline FaultDatabase* database_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  static inline std::map<std::string, SignedInUser> users_;
  static inline std::multimap<std::string, std::string> allowed_by_;
  static inline std::string person_id_;
  static inline std::string budget_id_;
  static inline int requests_ = 0;
};

TEST_F(HostileInput, EveryJsonAndCsvRouteHasARealisticBody) {
  const auto templates = body_templates();
  std::vector<std::string> missing;
  for (BodyKind kind : {BodyKind::kJson, BodyKind::kCsv}) {
    for (const Route* route : routes_with(kind)) {
      if (!templates.count(key(*route))) missing.push_back(key(*route));
    }
  }
  EXPECT_TRUE(missing.empty()) << "add a body to body_templates() for: " << ::testing::PrintToString(missing);
  EXPECT_GT(tables().size(), 10u);
}

TEST_F(HostileInput, EveryJsonRouteRefusesEveryHostileBodyAndChangesNothing) {
  const auto templates = body_templates();
  for (const Route* route : routes_with(BodyKind::kJson)) {
    const auto found = templates.find(key(*route));
    const std::string body = found == templates.end() ? "{}" : found->second;
    const Unchanged unchanged(key(*route) + ", hostile JSON bodies");
    for (const BodyRow& row : json_body_rows()) {
      expect_refused(row.name, *route, fill(route->pattern), row.make(body), row.statuses, "application/json");
    }
    expect_refused("JSON sent as text/plain", *route, fill(route->pattern), body, {}, "text/plain");
  }
}

TEST_F(HostileInput, EveryCsvRouteRefusesEveryHostileFileAndChangesNothing) {
  const auto templates = body_templates();
  for (const Route* route : routes_with(BodyKind::kCsv)) {
    const auto found = templates.find(key(*route));
    const std::string body = found == templates.end() ? "a\n" : found->second;
    const Unchanged unchanged(key(*route) + ", hostile CSV files");
    for (const BodyRow& row : csv_body_rows()) {
      expect_refused(row.name, *route, fill(route->pattern), row.make(body), row.statuses, "text/csv");
    }
    expect_refused("CSV sent as application/json", *route, fill(route->pattern), body, {}, "application/json");
  }
}

TEST_F(HostileInput, EveryFieldOfEveryJsonBodyRefusesHostileValuesAndChangesNothing) {
  const auto templates = body_templates();
  for (const Route* route : routes_with(BodyKind::kJson)) {
    const auto found = templates.find(key(*route));
    if (found == templates.end()) continue;  // reported by EveryJsonAndCsvRouteHasARealisticBody
    const Json document = Json::parse(found->second);
    std::vector<Json::json_pointer> fields;
    leaves(document, Json::json_pointer(), fields);
    const Unchanged unchanged(key(*route) + ", hostile values field by field");
    // Long documents (rulebooks, routing problems): every field up to 40, then every fifth.
    for (std::size_t i = 0; i < fields.size(); i += (i < 40 ? 1 : 5)) {
      const Json::json_pointer& field = fields[i];
      const Json& value = document.at(field);
      const std::string name = field.back();
      for (const FieldRow& row : kFieldRows) {
        if (row.for_numbers != value.is_number()) continue;
        if (!row.for_numbers && !value.is_string()) continue;
        const bool money = name.size() > 6 && name.ends_with("_pence");
        if (row.money_only && (!money || kNegativeMoneyAllowed.count(key(*route) + " " + name))) continue;
        Json changed = document;
        changed.at(field) = "@@HOSTILE@@";
        std::string text = changed.dump();
        text.replace(text.find("\"@@HOSTILE@@\""), 13, row.raw);
        expect_refused(std::string(row.name) + " at " + field.to_string(), *route, fill(route->pattern), text, {},
                       "application/json");
      }
    }
  }
}

TEST_F(HostileInput, PathParametersAndFileNamesRefuseTraversalAndSqlAndChangeNothing) {
  const char* const kParameterRows[] = {
      "1' OR '1'='1", "1; DROP TABLE people; --", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "9223372036854775808",
      "-1", "0x10", "1e3", "%00", "%FF%FE",
  };
  const auto templates = body_templates();
  for (const Route& route : route_table()) {
    if (route.test_only || route.method == Method::kGet || route.pattern.find('{') == std::string::npos) continue;
    const auto found = templates.find(key(route));
    const std::string body = found == templates.end() ? std::string() : found->second;
    const Unchanged unchanged(key(route) + ", hostile path parameters");
    for (const char* value : kParameterRows) {
      std::map<std::string, std::string> override;
      for (std::string_view segment : split_path(route.pattern)) {
        if (segment.size() > 2 && segment.front() == '{') override[std::string(segment.substr(1, segment.size() - 2))] = value;
      }
      expect_refused(std::string("path parameters ") + value, route, fill(route.pattern, override), body, {},
                     route.body == BodyKind::kCsv ? "text/csv" : "application/json");
    }
  }
  // The payments import's file name is only a label, but it must be a plain one.
  for (const Route& route : route_table()) {
    if (route.body != BodyKind::kCsv || route.pattern.find("/payments/import") == std::string::npos) continue;
    const Unchanged unchanged(key(route) + ", hostile file names");
    for (const char* name : {"../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "a%00.csv", "C:%5Cwindows%5Cwin.ini",
                             "%2Fetc%2Fpasswd"}) {
      expect_refused(std::string("file name ") + name, route, fill(route.pattern) + "?file=" + name,
                     templates.at(key(route)), {}, "text/csv");
    }
  }
}

TEST_F(HostileInput, StaticFilesRefuseTraversal) {
  for (const char* target : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
                             "/..\\..\\etc\\passwd", "/%00", "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"}) {
    const ClientResponse response = server_->request("GET", target);
    EXPECT_LT(response.status, 500) << target;
    EXPECT_EQ(response.body.find("root:"), std::string::npos) << target << " served a file from outside the web root";
  }
}

}  // namespace
}  // namespace allot::api::test
