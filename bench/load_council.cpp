// Grows a demo council to a given number of people for the load benchmark
// (bench/load.sh): adds people with agreed personal budgets, written through the
// journey's typed state as the server writes them, in one transaction. The
// database must already hold the demo data (`allot serve --demo`).
//
// Usage: load_council_bench DATABASE PEOPLE
//   DATABASE: a SQLite file or a postgresql:// URL
// Prints one line: load_council,people=N,first_id=..,last_id=..,seconds=..
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "allot/app/access/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/clock.h"
#include "allot/journey_io/documents.h"
#include "allot/storage/open_store.h"

using namespace allot;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: load_council_bench DATABASE PEOPLE\n");
    return 2;
  }
  const std::string database = argv[1];
  const int people = std::atoi(argv[2]);
  storage::StoreOptions options;
  if (const char* schema = std::getenv("ALLOT_POSTGRES_SCHEMA")) options.postgres_schema = schema;
  auto opened = storage::open_store(database, options);
  if (!opened) {
    std::fprintf(stderr, "%s\n", format_issues(opened.error()).c_str());
    return 1;
  }
  app::Store& store = **opened;
  const app::Timestamp now = *app::parse_timestamp("2026-11-22T09:00:00.000Z");
  const char* localities[] = {"North", "South", "East", "West"};
  const char* groups[] = {"older_people", "mental_health", "learning_disability"};
  const char* given[] = {"Margaret", "John", "Aisha", "David", "Mary", "Tariq", "Susan", "Peter"};
  const auto started = std::chrono::steady_clock::now();
  app::Id first_id = 0;
  app::Id last_id = 0;
  Result<app::Unit> added = store.run(app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::Unit> {
    for (int idx = 0; idx < people; ++idx) {
      journey::PersonDetails details;
      details.given_name = given[idx % 8];
      details.family_name = fmt::format("Loadtest{}", idx);
      details.date_of_birth = Date::parse("1948-06-01")->plus_days(idx % 9000);
      details.address = fmt::format("{} Station Road", 1 + idx % 300);
      details.primary_support_reason = "physical_support_personal_care_support";
      details.client_group = groups[idx % 3];
      details.locality = localities[idx % 4];
      details.team = std::string(localities[idx % 4]) + " adults team";
      journey::CaseState state;
      state.stage = journey::Stage::kActive;
      journey::AgreedBudget agreed;
      agreed.annual = Money::from_pence(520'000 + (idx % 97) * 10'400);
      agreed.weekly = agreed.annual.annual_to_weekly();
      agreed.start = Date::parse("2025-10-01")->plus_days(idx % 400);
      agreed.review_due = agreed.start.plus_days(365);
      agreed.reason = "load test";
      agreed.by_delivery_option = {{journey::DeliveryOption::kDirectPayment, agreed.annual}};
      agreed.by_funding_source = {{journey::FundingSource::kCouncil, agreed.annual}};
      state.agreed_budget = agreed;
      app::PersonIndex index{details.given_name, details.family_name, "", details.client_group, details.locality,
                             details.team, "active", std::nullopt, agreed.review_due, false, true};
      auto person = tx.get<app::PersonRepository>().add(index, journey_io::details_to_json(details).dump(),
                                                        journey_io::case_state_to_json(state).dump(), now);
      if (!person) return tl::unexpected<Issues>(person.error());
      if (first_id == 0) first_id = person->id;
      last_id = person->id;
    }
    // The council leads these people's care teams, so its workers may read them
    // (app/access); without it every read would be a refusal.
    if (auto council = tx.get<app::AgencyRepository>().find_by_code("demo-council")) {
      const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
      auto joined = tx.get<app::AccessRepository>().add_agency_to_people("all", council->id, "lead_agency", today,
                                                                         app::Actor{"system", "demo-council"}, now);
      if (!joined) return tl::unexpected<Issues>(joined.error());
    }
    return app::Unit{};
  });
  if (!added) {
    std::fprintf(stderr, "%s\n", format_issues(added.error()).c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("load_council,people=%d,first_id=%lld,last_id=%lld,seconds=%.1f\n", people,
              static_cast<long long>(first_id), static_cast<long long>(last_id), seconds);
  return 0;
}
