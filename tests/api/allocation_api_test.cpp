// Allocating care at home work through the real `allot serve --demo` binary, on
// SQLite and (when ALLOT_TEST_POSTGRES_URL names a database) PostgreSQL: open
// packages ranked with reasons, never offered to an ineligible or full provider,
// unplaced packages listed with why, an offer accepted and one declined by the
// provider's own user, carers imported from a spreadsheet, an inspection's
// consequence counting packages, and a re-plan that saves travel.
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

using Json = nlohmann::json;

class Allocation {
 public:
  explicit Allocation(ServerProcess& server) : server_(server) {
    for (const char* user : {"commissioner", "provider_user", "analyst", "assessor"}) users_.emplace(user, sign_in(server_, user));
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
  Json provider(const std::string& name) {
    const Json list = ok("GET", "/api/v1/providers", "commissioner");
    for (const Json& provider : list["providers"]) {
      if (provider["name"] == name) return provider;
    }
    ADD_FAILURE() << "no provider " << name;
    return nullptr;
  }
  Json open_package(const std::string& person) {
    const Json list = ok("GET", "/api/v1/open-packages", "commissioner");
    for (const Json& package : list["open_packages"]) {
      if (package["person_reference"] == person) return package;
    }
    ADD_FAILURE() << "no open package for " << person;
    return nullptr;
  }

  // Every rule of every ranking: the offered offer the service, reach the area, are
  // admitted, have room left and a ranked explanation; everyone else says why.
  void rankings_keep_the_rules() {
    std::map<std::int64_t, Json> providers;
    const Json provider_list = ok("GET", "/api/v1/providers", "commissioner");
    for (const Json& provider : provider_list["providers"]) providers[provider["id"]] = provider;
    const Json open = ok("GET", "/api/v1/open-packages", "commissioner");
    ASSERT_EQ(open["open_packages"].size(), 20u);
    for (const Json& package : open["open_packages"]) {
      const Json ranking = ok("GET", fmt("/api/v1/open-packages/{}/ranking", package["id"]), "commissioner");
      EXPECT_EQ(ranking["offered"].size() + ranking["not_offered"].size(), providers.size());
      int rank = 0;
      for (const Json& choice : ranking["offered"]) {
        const Json& provider = providers.at(choice["provider_id"]);
        EXPECT_EQ(choice["rank"], ++rank);
        EXPECT_TRUE(provider["standing"]["admitted"].get<bool>()) << choice;
        EXPECT_NE(std::find(provider["services"].begin(), provider["services"].end(), package["service"]),
                  provider["services"].end());
        EXPECT_NE(std::find(provider["areas"].begin(), provider["areas"].end(), package["area"]), provider["areas"].end());
        EXPECT_GE(choice["capacity_hours_left"].get<double>(), 0.0);
        EXPECT_NE(choice["explanation"].get<std::string>().find("of travel a week"), std::string::npos);
      }
      for (const Json& choice : ranking["not_offered"]) EXPECT_FALSE(choice["explanation"].get<std::string>().empty());
      EXPECT_EQ(ranking["offered"].empty(), !ranking["unplaced"].is_null()) << package["person_reference"];
    }
  }

  void run() {
    rankings_keep_the_rules();
    // Nobody in the North offers children's care at home; nobody is trained for PEG feeding.
    const Json children = open_package("EL-04005");
    const Json unplaced = ok("GET", fmt("/api/v1/open-packages/{}/ranking", children["id"]), "commissioner");
    EXPECT_EQ(unplaced["unplaced"], "no provider on the framework offers childrens_care_at_home in the North area");
    const Json peg = ok("GET", fmt("/api/v1/open-packages/{}/ranking", open_package("EL-04008")["id"]), "commissioner");
    EXPECT_NE(peg["unplaced"].get<std::string>().find("no carer is trained"), std::string::npos) << peg["unplaced"];

    // A provider on the framework with no room: listed as full, never offered.
    const Json full = ok("POST", "/api/v1/providers", "commissioner",
                         {{"name", "Aberlady Full Care"}, {"services", {"care_at_home"}}, {"areas", {"North"}},
                          {"capacity_hours_per_week", 1}},
                         201);
    for (const char* date : {"2025-06-01", "2026-06-01"}) {
      ok("POST", fmt("/api/v1/providers/{}/inspections", full["id"]), "commissioner",
         {{"date", date}, {"grades", {{"Quality of care and support", 5}, {"Quality of staffing", 5},
                                      {"Quality of management and leadership", 5}}}},
         201);
    }
    ok("POST", fmt("/api/v1/providers/{}/rates", full["id"]), "commissioner",
       {{"service", "care_at_home"}, {"effective_from", "2026-04-01"}, {"day_hourly_pence", 1500},
        {"evening_hourly_pence", 1600}, {"weekend_hourly_pence", 1700}},
       201);
    const Json first = open_package("EL-04001");
    const Json ranking = ok("GET", fmt("/api/v1/open-packages/{}/ranking", first["id"]), "commissioner");
    bool listed_full = false;
    for (const Json& choice : ranking["not_offered"]) {
      if (choice["provider_id"] == full["id"]) {
        listed_full = choice["explanation"].get<std::string>().starts_with("full: ");
      }
    }
    EXPECT_TRUE(listed_full) << ranking["not_offered"];
    const ClientResponse refused = call("POST", fmt("/api/v1/open-packages/{}/offers", first["id"]), "commissioner",
                                        {{"provider_id", full["id"]}});
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_NE(refused.body.find("cannot be offered this package: full"), std::string::npos) << refused.body;
    const Json dunbar = provider("Dunbar Road Carers");  // under the gates
    const ClientResponse ineligible = call("POST", fmt("/api/v1/open-packages/{}/offers", open_package("EL-04010")["id"]),
                                           "commissioner", {{"provider_id", dunbar["id"]}});
    EXPECT_EQ(ineligible.status, 409) << ineligible.body;
    EXPECT_NE(ineligible.body.find("not admitted to the framework"), std::string::npos) << ineligible.body;

    // Offered to Allanbank (its users are the demo provider agency's), accepted by them.
    const Json allanbank = provider("Allanbank Home Care");
    EXPECT_EQ(allanbank["agency_code"], "demo-care");
    const Json offer = ok("POST", fmt("/api/v1/open-packages/{}/offers", first["id"]), "commissioner",
                          {{"provider_id", allanbank["id"]}}, 201);
    EXPECT_FALSE(offer["ranking"]["explanation"].get<std::string>().empty());
    EXPECT_EQ(call("POST", fmt("/api/v1/open-packages/{}/offers", first["id"]), "commissioner",
                   {{"provider_id", allanbank["id"]}})
                  .status,
              409);
    const Json theirs = ok("GET", "/api/v1/offers", "provider_user");
    ASSERT_EQ(theirs["offers"].size(), 1u);
    EXPECT_EQ(theirs["offers"][0]["id"], offer["id"]);
    EXPECT_EQ(call("POST", fmt("/api/v1/offers/{}/answer", offer["id"]), "commissioner", {{"answer", "accept"}}).status, 403);
    EXPECT_EQ(call("POST", fmt("/api/v1/offers/{}/answer", offer["id"]), "provider_user", {{"answer", "decline"}}).status, 422);
    const Json accepted = ok("POST", fmt("/api/v1/offers/{}/answer", offer["id"]), "provider_user", {{"answer", "accept"}});
    EXPECT_EQ(accepted["answer"], "accepted");
    ASSERT_TRUE(accepted["package_id"].is_number());
    EXPECT_EQ(call("POST", fmt("/api/v1/offers/{}/answer", offer["id"]), "provider_user", {{"answer", "accept"}}).status, 409);
    EXPECT_EQ(open_package("EL-04001")["status"], "placed");
    const Json own = ok("GET", fmt("/api/v1/providers/{}/packages", allanbank["id"]), "provider_user");
    bool found = false;
    for (const Json& package : own["packages"]) {
      if (package["id"] == accepted["package_id"]) {
        found = true;
        EXPECT_EQ(package["visit_carers"].size(), package["visits"].size());
        EXPECT_EQ(package["open_package_id"], first["id"]);
      }
      EXPECT_EQ(package["provider_id"], allanbank["id"]);
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(call("GET", fmt("/api/v1/providers/{}/packages", provider("Gifford Community Care")["id"]), "provider_user").status, 403);
    EXPECT_EQ(call("GET", fmt("/api/v1/providers/{}/workforce", provider("Gifford Community Care")["id"]), "provider_user").status, 403);
    EXPECT_EQ(ok("GET", "/api/v1/care-packages", "provider_user")["providers"].size(), 1u);

    // Declined with a reason: open again, and the provider is not ranked for it.
    const Json second = open_package("EL-04002");
    const Json again = ok("POST", fmt("/api/v1/open-packages/{}/offers", second["id"]), "commissioner",
                          {{"provider_id", allanbank["id"]}}, 201);
    ok("POST", fmt("/api/v1/offers/{}/answer", again["id"]), "provider_user",
       {{"answer", "decline"}, {"reason", "No carer trained for medication near Gullane this month"}});
    EXPECT_EQ(open_package("EL-04002")["status"], "open");
    const Json second_ranking = ok("GET", fmt("/api/v1/open-packages/{}/ranking", second["id"]), "commissioner");
    bool declined_listed = false;
    for (const Json& choice : second_ranking["not_offered"]) {
      if (choice["provider_id"] == allanbank["id"]) {
        EXPECT_EQ(choice["explanation"], "declined this package: No carer trained for medication near Gullane this month");
        declined_listed = true;
      }
    }
    EXPECT_TRUE(declined_listed);

    // The consequence of an inspection counts the provider's packages.
    const Json preview = ok("POST", fmt("/api/v1/providers/{}/inspections", allanbank["id"]), "commissioner",
                            {{"date", "2026-11-20"},
                             {"grades", {{"Quality of care and support", 2}, {"Quality of staffing", 4},
                                         {"Quality of management and leadership", 4}}},
                             {"preview", true}});
    EXPECT_EQ(preview["consequence"]["packages_affected"], own["packages"].size());

    // Carers from a spreadsheet: every problem at once, then all added.
    const Json bad = call("POST", fmt("/api/v1/providers/{}/carers/import", allanbank["id"]), "provider_user",
                          {{"source_name", "carers.csv"},
                           {"csv", "name,base,base_latitude,base_longitude,skills,shifts,travel_mode\n"
                                   "Ailsa Craig,Gullane hub,56.03,-2.83,medication,Mon 07:00-14:30,car\n"
                                   ",Nowhere,,,,Funday 9-5,hovercraft\n"}})
                         .json();
    ASSERT_TRUE(bad.contains("error")) << bad;
    EXPECT_GE(bad["error"]["issues"].size(), 4u) << bad;
    const std::size_t before = ok("GET", fmt("/api/v1/providers/{}/workforce", allanbank["id"]), "provider_user")["carers"].size();
    const Json added = ok("POST", fmt("/api/v1/providers/{}/carers/import", allanbank["id"]), "provider_user",
                          {{"source_name", "carers.csv"},
                           {"csv", "name,base,base_latitude,base_longitude,skills,shifts,travel_mode\n"
                                   "Ailsa Craig,Gullane hub,56.03,-2.83,medication; dementia care,Mon 07:00-14:30; Tue 16:30-22:00,car\n"
                                   "Bruce Muir,Gullane hub,,,personal care,Sat 07:00-13:00,walk\n"}},
                          201);
    EXPECT_EQ(added["added"].size(), 2u);
    const Json workforce = ok("GET", fmt("/api/v1/providers/{}/workforce", allanbank["id"]), "provider_user");
    EXPECT_EQ(workforce["carers"].size(), before + 2);
    EXPECT_EQ(workforce["carers"].back()["shifts_text"], "Sat 07:00-13:00");

    // An Allot person's package is placed at their address in the gazetteer.
    const Json person = ok("POST", "/api/v1/people", "assessor",
                           {{"given_name", "Isa"}, {"family_name", "Allocationtest"}, {"date_of_birth", "1941-03-09"},
                            {"address", "4 Kedleston Road, Derby"}, {"postcode", "DE22 3HL"},
                            {"primary_support_reason", "physical_support_personal_care_support"},
                            {"client_group", "older_people"}, {"locality", "North"}, {"team", "North adults team"}},
                           201);
    Json open_body = {{"person_reference", to_text(person["id"])}, {"client_group", "Older people"},
                      {"service", "care_at_home"}, {"starts_on", "2026-12-07"}, {"area", "North"},
                      {"visits", {{{"day_of_week", 2}, {"start_minute", 600}, {"duration_minutes", 30}}}}};
    const Json placed_at_home = ok("POST", "/api/v1/open-packages", "commissioner", open_body, 201);
    EXPECT_EQ(placed_at_home["location"], (Json{{"latitude", 52.9348}, {"longitude", -1.4976}}));
    // Accepted by the provider: its agency joins the person's care team as the
    // provider, attributed to the provider's user who accepted.
    const std::string care_team = fmt("/api/v1/people/{}/care-team", person["id"]);
    auto provider_members = [&] {
      int found = 0;
      const Json team = ok("GET", care_team, "assessor");
      for (const Json& member : team["members"]) {
        if (member["agency"] == "demo-care" && member["team_role"] == "provider") {
          ++found;
          EXPECT_EQ(member["added_by"], "provider_user");
          EXPECT_TRUE(member["username"].is_null() || member["username"] == "") << member;
        }
      }
      return found;
    };
    EXPECT_EQ(provider_members(), 0);
    const Json home_offer = ok("POST", fmt("/api/v1/open-packages/{}/offers", placed_at_home["id"]), "commissioner",
                               {{"provider_id", allanbank["id"]}}, 201);
    const Json home_accepted =
        ok("POST", fmt("/api/v1/offers/{}/answer", home_offer["id"]), "provider_user", {{"answer", "accept"}});
    EXPECT_EQ(provider_members(), 1) << home_accepted;
    // The person's name comes from their record, and shows only to those who may
    // read it: not the commissioner, off the care team.
    auto name_of = [&](const std::string& user) {
      const Json listed = ok("GET", "/api/v1/care-packages", user);
      for (const Json& package : listed["packages"]) {
        if (package["id"] == home_accepted["package_id"]) return package["person_name"];
      }
      ADD_FAILURE() << user << " does not see package " << home_accepted["package_id"];
      return Json();
    };
    // On the care team, the provider still reads the record only once the person
    // consents to sharing with it; so with the name.
    EXPECT_EQ(call("GET", fmt("/api/v1/people/{}", person["id"]), "provider_user").status, 403);
    EXPECT_TRUE(name_of("provider_user").is_null()) << name_of("provider_user");
    ok("POST", fmt("/api/v1/people/{}/sharing-consents", person["id"]), "assessor",
       {{"agency", "demo-care"}, {"decision", "given"}, {"note", "Agreed at the review"}}, 201);
    EXPECT_EQ(call("GET", fmt("/api/v1/people/{}", person["id"]), "provider_user").status, 200);
    EXPECT_EQ(name_of("provider_user"), "Isa Allocationtest");
    EXPECT_TRUE(name_of("commissioner").is_null()) << name_of("commissioner");
    EXPECT_TRUE(placed_at_home["person_name"].is_null()) << placed_at_home;
    open_body["person_reference"] = "EL-99999";  // not an Allot person, and no coordinates
    const ClientResponse nowhere = call("POST", "/api/v1/open-packages", "commissioner", open_body);
    EXPECT_EQ(nowhere.status, 422) << nowhere.body;
    EXPECT_NE(nowhere.body.find("\"path\":\"location\""), std::string::npos) << nowhere.body;

    // The re-plan of the North, as a job: never more travel than the current allocation.
    const Json started = ok("POST", "/api/v1/care-packages/replan", "commissioner", {{"area", "North"}, {"include_current", true}}, 202);
    Json job;
    for (int tries = 0; tries < 600; ++tries) {
      job = ok("GET", fmt("/api/v1/jobs/{}", started["job_id"]), "commissioner");
      if (job["status"] != "queued" && job["status"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(job["status"], "done") << job;
    const Json& result = job["result"];
    EXPECT_LE(result["travel_minutes_per_week"]["re_planned"].get<std::int64_t>(),
              result["travel_minutes_per_week"]["current_allocation"].get<std::int64_t>());
    EXPECT_GT(result["travel_minutes_per_week"]["saved"].get<std::int64_t>(), 0);
    EXPECT_GT(result["weekly_cost_pence"]["saved"].get<std::int64_t>(), 0);
    bool children_unplaced = false;
    for (const Json& item : result["unplaced"]) children_unplaced |= item["person_reference"] == "EL-04005";
    EXPECT_TRUE(children_unplaced) << result["unplaced"];
    EXPECT_EQ(call("POST", "/api/v1/care-packages/replan", "analyst", Json::object()).status, 403);
    replan_applied(started["job_id"], result);
    packages_from_plans();
    night_support_compared();
  }

  Json finished_job(const Json& job_id) {
    Json job;
    for (int tries = 0; tries < 600; ++tries) {
      job = ok("GET", fmt("/api/v1/jobs/{}", job_id), "commissioner");
      if (job["status"] != "queued" && job["status"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(job["status"], "done") << job;
    return job;
  }

  // A finished re-plan applied: every current package it moves goes to its new
  // provider at once, each change kept with who made it; a second proposal made
  // before then is refused as stale, naming the packages, and moves nothing.
  void replan_applied(const Json& job_id, const Json& result) {
    // The demo county's packages carry generated names: shown to the commissioner
    // and the provider's own users, never to the analyst.
    const Json commissioners = ok("GET", "/api/v1/care-packages", "commissioner")["packages"];
    ASSERT_GT(commissioners.size(), 3000u);
    EXPECT_TRUE(commissioners[0]["person_name"].is_string()) << commissioners[0];
    EXPECT_EQ(commissioners[0]["person_reference"], "EL-00001");
    EXPECT_EQ(commissioners[0]["person_name"], ok("GET", "/api/v1/care-packages", "commissioner")["packages"][0]["person_name"]);
    std::set<std::string> names;
    for (const Json& package : commissioners) {
      if (package["person_name"].is_string()) names.insert(package["person_name"].get<std::string>());
    }
    EXPECT_GT(names.size(), 500u) << "the generated names vary";
    const Json analysts = ok("GET", "/api/v1/care-packages", "analyst");
    ASSERT_EQ(analysts["packages"].size(), commissioners.size());
    for (const Json& package : analysts["packages"]) {
      EXPECT_TRUE(package["person_name"].is_null()) << package;
    }
    bool changes_named = false;
    for (const Json& change : result["changes"]) changes_named |= change["person_name"].is_string();
    EXPECT_TRUE(changes_named) << "the re-plan's changes name the people";
    std::map<std::int64_t, std::int64_t> moves;  // package -> new provider
    std::map<std::int64_t, std::int64_t> was;
    for (const Json& change : result["changes"]) {
      if (change["kind"] != "current") continue;
      moves[change["package_id"]] = change["to_provider_id"];
      was[change["package_id"]] = change["from_provider_id"];
      EXPECT_NE(change["from_provider_id"], change["to_provider_id"]) << change;
    }
    ASSERT_FALSE(moves.empty()) << "the North's re-plan moves no current package: " << result["changes"];
    // A second proposal of the same area, computed before the first is applied.
    const Json second = ok("POST", "/api/v1/care-packages/replan", "commissioner", {{"area", "North"}, {"include_current", true}}, 202);
    const Json second_job = finished_job(second["job_id"]);
    const std::string apply = fmt("/api/v1/care-packages/replan/{}/apply", job_id);
    const Json confirm = {{"confirm_moves", moves.size()}};
    EXPECT_EQ(call("POST", apply, "provider_user", confirm).status, 403);
    EXPECT_EQ(call("POST", apply, "analyst", confirm).status, 403);
    EXPECT_EQ(call("POST", "/api/v1/care-packages/replan/no-such-job/apply", "commissioner", confirm).status, 404);
    const ClientResponse miscounted = call("POST", apply, "commissioner", {{"confirm_moves", moves.size() + 1}});
    EXPECT_EQ(miscounted.status, 422) << miscounted.body;
    EXPECT_NE(miscounted.body.find("\"path\":\"confirm_moves\""), std::string::npos) << miscounted.body;
    const Json before = ok("GET", "/api/v1/care-packages", "commissioner")["packages"];
    for (const Json& package : before) {
      if (moves.contains(package["id"])) {
        EXPECT_EQ(package["provider_id"], was.at(package["id"])) << "moved by a refused apply";
      }
    }

    const Json applied = ok("POST", apply, "commissioner", confirm);
    EXPECT_EQ(applied["moved"], moves.size()) << applied;
    EXPECT_EQ(applied["changed_by"], "commissioner");
    EXPECT_EQ(applied["travel_hours_per_week_saved"], result["travel_hours_per_week"]["saved"]);
    for (const Json& moved : applied["packages"]) {
      EXPECT_EQ(moved["to_provider_id"], moves.at(moved["package_id"])) << moved;
      EXPECT_GT(moved["change_id"].get<std::int64_t>(), 0);
    }
    const Json after = ok("GET", "/api/v1/care-packages", "commissioner")["packages"];
    std::size_t seen = 0;
    for (const Json& package : after) {
      const auto move = moves.find(package["id"]);
      if (move == moves.end()) continue;
      ++seen;
      EXPECT_EQ(package["provider_id"], move->second) << package;
    }
    EXPECT_EQ(seen, moves.size());
    // Each move is kept: which re-plan, who and when.
    const std::int64_t kept = moves.begin()->first;
    const Json history = ok("GET", fmt("/api/v1/care-packages/{}/providers", kept), "commissioner");
    ASSERT_EQ(history["changes"].size(), 1u) << history;
    EXPECT_EQ(history["changes"][0]["from_provider_id"], was.at(kept));
    EXPECT_EQ(history["changes"][0]["to_provider_id"], moves.at(kept));
    EXPECT_EQ(history["changes"][0]["replan"], job_id);
    EXPECT_EQ(history["changes"][0]["changed_by"], "commissioner");
    EXPECT_EQ(call("GET", "/api/v1/care-packages/99999999/providers", "commissioner").status, 404);
    // A provider's user sees the history of packages their provider holds or held only.
    const Json allanbank = provider("Allanbank Home Care");
    for (const auto& [package, to] : moves) {
      const bool theirs = to == allanbank["id"] || was.at(package) == allanbank["id"];
      EXPECT_EQ(call("GET", fmt("/api/v1/care-packages/{}/providers", package), "provider_user").status, theirs ? 200 : 403)
          << package;
    }

    // Applied once: again, or the second proposal, finds every package moved since.
    const ClientResponse again = call("POST", apply, "commissioner", confirm);
    EXPECT_EQ(again.status, 409) << again.body;
    std::size_t second_moves = 0;
    for (const Json& change : second_job["result"]["changes"]) second_moves += change["kind"] == "current" ? 1 : 0;
    const ClientResponse stale = call("POST", fmt("/api/v1/care-packages/replan/{}/apply", second["job_id"]),
                                      "commissioner", {{"confirm_moves", second_moves}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    const std::int64_t first_moved = moves.begin()->first;
    EXPECT_NE(stale.body.find("package " + std::to_string(first_moved) + " ("), std::string::npos) << stale.body;
    EXPECT_NE(stale.body.find("as when the re-plan was made"), std::string::npos) << stale.body;
    // Each named at its place in the re-plan's changes.
    const Json stale_issues = stale.json()["error"]["issues"];
    ASSERT_EQ(stale_issues.size(), second_moves) << stale.body;
    for (const Json& issue : stale_issues) {
      const std::string path = issue["path"].get<std::string>();
      ASSERT_EQ(path.rfind("changes[", 0), 0u) << path;
      const std::size_t at = std::stoul(path.substr(8));
      const Json& change = second_job["result"]["changes"][at];
      EXPECT_EQ(change["kind"], "current");
      EXPECT_NE(issue["message"].get<std::string>().find("package " + to_text(change["package_id"]) + " ("), std::string::npos)
          << issue;
    }
    EXPECT_EQ(ok("GET", "/api/v1/care-packages", "commissioner")["packages"], after) << "a stale apply moved nothing";
  }

  // Visits of at most an hour, two hours apart from 06:00 each day, giving
  // exactly `minutes` of one carer's time a week.
  static Json visits_for(std::int64_t minutes) {
    Json visits = Json::array();
    for (int slot = 0; minutes > 0; ++slot) {
      const std::int64_t length = std::min<std::int64_t>(60, minutes);
      visits.push_back({{"day_of_week", slot % 7}, {"start_minute", 360 + (slot / 7) * 120},
                        {"duration_minutes", length}, {"tasks", {"personal care"}}});
      minutes -= length;
    }
    return visits;
  }

  // A package from an agreed support plan's hourly lines: refused while the
  // visits do not give the lines' hours or the plan is not agreed, then added as
  // an open package for the person at their address, attributed.
  void packages_from_plans() {
    const Json active = ok("GET", "/api/v1/people?stage=active&limit=200", "assessor")["people"];
    std::int64_t person_id = 0;
    std::int64_t direct_only = 0;
    std::int64_t plan_minutes = 0;
    std::vector<int> lines;
    for (const Json& listed : active) {
      const Json person = ok("GET", fmt("/api/v1/people/{}", listed["id"]), "assessor");
      if (person["agreed_budget"].is_null() || person["agreed_budget"]["plan_version"].is_null()) continue;
      const Json plans = ok("GET", fmt("/api/v1/people/{}/plans", listed["id"]), "assessor")["plans"];
      for (const Json& plan : plans) {
        if (plan["version"] != person["agreed_budget"]["plan_version"]) continue;
        double hours = 0;
        std::vector<int> hourly;
        for (std::size_t i = 0; i < plan["lines"].size(); ++i) {
          const Json& line = plan["lines"][i];
          if (line["unit"] != "hour" || line["delivery"] == "direct_payment") continue;
          hourly.push_back(static_cast<int>(i));
          hours += std::stod(line["units_per_week"].get<std::string>());
        }
        if (hourly.empty() && direct_only == 0) direct_only = listed["id"];
        const double minutes = hours * 60;
        if (!hourly.empty() && person_id == 0 && minutes == static_cast<double>(static_cast<std::int64_t>(minutes)) &&
            minutes <= 40 * 60) {
          person_id = listed["id"];
          plan_minutes = static_cast<std::int64_t>(minutes);
          lines = hourly;
        }
      }
      if (person_id != 0 && direct_only != 0) break;
    }
    ASSERT_NE(person_id, 0) << "the demo has no active person with council-arranged hourly lines";
    const std::string target = "/api/v1/open-packages/from-plan";
    Json body = {{"person_id", person_id}, {"starts_on", "2026-12-14"}, {"visits", visits_for(plan_minutes - 15)}};

    const ClientResponse short_of = call("POST", target, "commissioner", body);
    EXPECT_EQ(short_of.status, 422) << short_of.body;
    EXPECT_NE(short_of.body.find("\"path\":\"visits\""), std::string::npos) << short_of.body;
    EXPECT_NE(short_of.body.find("the agreed plan's lines give"), std::string::npos) << short_of.body;
    EXPECT_EQ(call("POST", target, "assessor", body).status, 403);

    const std::size_t open_before = ok("GET", "/api/v1/open-packages", "commissioner")["open_packages"].size();
    body["visits"] = visits_for(plan_minutes);
    const Json added = ok("POST", target, "commissioner", body, 201);
    EXPECT_EQ(added["person_reference"], std::to_string(person_id));
    EXPECT_EQ(added["status"], "open");
    EXPECT_EQ(added["plan_lines"], Json(lines));
    EXPECT_FALSE(added["location"].is_null()) << added;  // the person's address in the gazetteer
    EXPECT_EQ(ok("GET", "/api/v1/open-packages", "commissioner")["open_packages"].size(), open_before + 1);

    // A line that is not an hourly commissioned line, and a person with no agreed plan.
    if (direct_only != 0) {
      body["person_id"] = direct_only;
      const ClientResponse none = call("POST", target, "commissioner", body);
      EXPECT_EQ(none.status, 422) << none.body;
      EXPECT_NE(none.body.find("\"path\":\"lines\""), std::string::npos) << none.body;
    }
    const Json assessing = ok("GET", "/api/v1/people?stage=assessment&limit=1", "assessor")["people"];
    ASSERT_EQ(assessing.size(), 1u);
    body["person_id"] = assessing[0]["id"];
    const ClientResponse unagreed = call("POST", target, "commissioner", body);
    EXPECT_EQ(unagreed.status, 422) << unagreed.body;
    EXPECT_NE(unagreed.body.find("has no agreed budget from a support plan"), std::string::npos) << unagreed.body;
    body["person_id"] = 999999;
    EXPECT_EQ(call("POST", target, "commissioner", body).status, 404);
  }

  // A person's sleepovers costed beside a waking night and technology with a
  // responder, at the provider's rates in force; for those who may read the record.
  void night_support_compared() {
    const Json person = ok("POST", "/api/v1/people", "assessor",
                           {{"given_name", "Nan"}, {"family_name", "Nightstest"}, {"date_of_birth", "1938-05-02"},
                            {"address", "9 Kedleston Road, Derby"}, {"postcode", "DE22 3HL"},
                            {"primary_support_reason", "physical_support_personal_care_support"},
                            {"client_group", "older_people"}, {"locality", "North"}, {"team", "North adults team"}},
                           201);
    const Json allanbank = provider("Allanbank Home Care");
    ok("POST", fmt("/api/v1/providers/{}/rates", allanbank["id"]), "commissioner",
       {{"service", "care_at_home"}, {"effective_from", "2026-11-21"}, {"day_hourly_pence", 1950},
        {"evening_hourly_pence", 2150}, {"weekend_hourly_pence", 2300}, {"sleepover_nightly_pence", 9000},
        {"waking_night_hourly_pence", 1800}},
       201);
    ok("POST", "/api/v1/care-packages", "commissioner",
       {{"provider_id", allanbank["id"]}, {"person_reference", to_text(person["id"])}, {"client_group", "Older people"},
        {"service", "care_at_home"}, {"starts_on", "2026-11-23"},
        {"visits", {{{"day_of_week", 0}, {"start_minute", 480}, {"duration_minutes", 30}}}},
        {"nights", {{"kind", "sleepover"}, {"nights_per_week", 7}}}},
       201);
    const std::string path = fmt("/api/v1/people/{}/night-support", person["id"]);
    const Json compared = ok("GET", path + "?technology_weekly_pence=3500", "assessor");
    ASSERT_EQ(compared["packages"].size(), 1u) << compared;
    const Json& package = compared["packages"][0];
    EXPECT_EQ(package["current"]["kind"], "sleepover");
    EXPECT_EQ(package["current"]["weekly_pence"], 63000);  // 7 x £90
    ASSERT_EQ(package["alternatives"].size(), 3u);
    EXPECT_EQ(package["alternatives"][0]["current"], true);
    EXPECT_EQ(package["alternatives"][1]["kind"], "waking_night");
    EXPECT_EQ(package["alternatives"][1]["weekly_pence"], 113400);  // 7 x 9 h x £18
    EXPECT_EQ(package["alternatives"][2]["weekly_pence"], 3500);
    EXPECT_EQ(package["alternatives"][2]["difference_annual_pence"], (3500 - 63000) * 52);
    const Json unpriced = ok("GET", path + "?waking_hours=10", "assessor");
    EXPECT_EQ(unpriced["packages"][0]["alternatives"][1]["weekly_pence"], 126000);
    EXPECT_TRUE(unpriced["packages"][0]["alternatives"][2]["weekly_pence"].is_null());
    const ClientResponse bad = call("GET", path + "?waking_hours=13&technology_weekly_pence=-1", "assessor");
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_NE(bad.body.find("\"path\":\"technology_weekly_pence\""), std::string::npos) << bad.body;
    EXPECT_EQ(call("GET", path, "analyst").status, 403);
  }

  template <typename... Args>
  static std::string fmt(const char* pattern, const Args&... args) {
    std::string out = pattern;
    (replace_one(out, to_text(args)), ...);
    return out;
  }

  static std::string to_text(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

 private:
  static void replace_one(std::string& text, const std::string& value) {
    const std::size_t at = text.find("{}");
    if (at != std::string::npos) text.replace(at, 2, value);
  }
  ServerProcess& server_;
  std::map<std::string, SignedInUser> users_;
};

TEST(AllocationApi, OffersAnswersImportsAndReplanOnSQLite) {
  const auto server = ServerProcess::start();
  Allocation(*server).run();
}

TEST(AllocationApi, OffersAnswersImportsAndReplanOnPostgreSQL) {
  const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') {
    if (std::getenv("CI") != nullptr) FAIL() << "CI is set but ALLOT_TEST_POSTGRES_URL is not: run scripts/test";
    GTEST_SKIP() << "ALLOT_TEST_POSTGRES_URL is not set: skipping the PostgreSQL allocation test (scripts/test sets it)";
  }
  ServerSettings settings;
  settings.database = url;
  std::random_device random;
  settings.env = {{"ALLOT_POSTGRES_SCHEMA", "allocation_test_" + std::to_string(::getpid()) + "_" + std::to_string(random())}};
  const auto server = ServerProcess::start(settings);
  Allocation(*server).run();
}

}  // namespace
}  // namespace allot::api::test
