// Rate cards, packages and the market's hours and cost (app/care_at_home/package_service.h).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/package_service.h"

namespace allot::api::care_at_home_api {

namespace {

using nlohmann::json;

app::PackageService service(RequestContext& context) {
  return app::PackageService(context.state.services.store, context.state.services.clock);
}


json line_json(const app::MarketLine& line) {
  return {{"key", line.key},
          {"packages", line.packages},
          {"off_framework", line.off_framework},
          {"carer_hours_per_week", static_cast<double>(line.carer_minutes_per_week) / 60.0},
          {"carer_minutes_per_week", line.carer_minutes_per_week},
          {"weekly_pence", line.weekly.pence()},
          {"annual_pence", line.annual.pence()}};
}

json lines_json(const std::vector<app::MarketLine>& lines) {
  json list = json::array();
  for (const app::MarketLine& line : lines) list.push_back(line_json(line));
  return list;
}

constexpr MoneyRule kRate{.min_pence = 0, .max_pence = 100'000'000};  // £1M an hour or night is far beyond any rate

}  // namespace

json rate_card_json(const app::RateCardRecord& record) {
  const care_at_home::RateCard& card = record.card;
  return {{"id", record.id},
          {"service", record.service},
          {"effective_from", card.effective_from.to_string()},
          {"day_hourly_pence", card.day_hourly.pence()},
          {"evening_hourly_pence", card.evening_hourly.pence()},
          {"weekend_hourly_pence", card.weekend_hourly.pence()},
          {"sleepover_nightly_pence", card.sleepover_nightly.pence()},
          {"waking_night_hourly_pence", card.waking_night_hourly.pence()},
          {"recorded_by", record.recorded_by}};
}

json rate_cards_for(RequestContext& context, app::Id provider_id) {
  json list = json::array();
  auto cards = service(context).rate_cards(context.principal->principal(), provider_id);
  if (cards) {
    for (const app::RateCardRecord& record : *cards) list.push_back(rate_card_json(record));
  }
  return list;
}

HttpResponse add_rate_card(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no provider \"{}\"", context.param("id"))}}, "");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the rates cannot be read");
  Issues issues;
  std::string service_name;
  care_at_home::RateCard card;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"service", "effective_from", "day_hourly_pence", "evening_hourly_pence", "weekend_hourly_pence",
                        "sleepover_nightly_pence", "waking_night_hourly_pence"});
    service_name = root->required("service").text({.min_length = 1, .max_length = 40}).value_or("");
    card.effective_from = root->required("effective_from").date().value_or(Date());
    card.day_hourly = root->required("day_hourly_pence").money(kRate).value_or(Money());
    card.evening_hourly = root->required("evening_hourly_pence").money(kRate).value_or(Money());
    card.weekend_hourly = root->required("weekend_hourly_pence").money(kRate).value_or(Money());
    card.sleepover_nightly = root->optional("sleepover_nightly_pence").money(kRate).value_or(Money());
    card.waking_night_hourly = root->optional("waking_night_hourly_pence").money(kRate).value_or(Money());
  }
  if (!issues.empty()) return failure(issues, "the rates were not recorded");
  auto added = service(context).add_rate_card(context.principal->principal(), *id, service_name, card);
  if (!added) return failure(added.error(), "the rates were not recorded");
  return json_response(201, rate_card_json(*added));
}

void read_visits_and_nights(const JsonObjectReader& root, app::NewPackage& package, Issues& issues) {
  if (auto visits = root.optional("visits").array({.max_items = 200})) {
    for (JsonReader& item : *visits) {
      auto visit = item.object();
      if (!visit) continue;
      visit->known_fields({"day_of_week", "start_minute", "tolerance_minutes", "duration_minutes", "carers", "tasks"});
      care_at_home::Visit read;
      read.day_of_week = static_cast<int>(visit->required("day_of_week").whole({.min = -1000, .max = 1000}).value_or(0));
      read.start_minute = static_cast<int>(visit->required("start_minute").whole({.min = -100000, .max = 100000}).value_or(0));
      read.tolerance_minutes = static_cast<int>(visit->optional("tolerance_minutes").whole({.min = -1000, .max = 1000}).value_or(0));
      read.duration_minutes = static_cast<int>(visit->required("duration_minutes").whole({.min = -100000, .max = 100000}).value_or(30));
      read.carers = static_cast<int>(visit->optional("carers").whole({.min = -100, .max = 100}).value_or(1));
      if (auto tasks = visit->optional("tasks").array({.max_items = 30})) {
        for (JsonReader& task : *tasks) {
          if (auto text = task.text({.min_length = 1, .max_length = 100})) read.tasks.push_back(*text);
        }
      }
      package.visits.push_back(std::move(read));
    }
  }
  if (auto nights = root.optional("nights").object()) {
    nights->known_fields({"kind", "nights_per_week", "hours_per_night", "technology_weekly_pence"});
    const std::string kind = nights->required("kind").text({.max_length = 40}).value_or("none");
    if (kind == "sleepover") {
      package.nights.kind = care_at_home::NightSupport::kSleepover;
    } else if (kind == "waking_night") {
      package.nights.kind = care_at_home::NightSupport::kWakingNight;
    } else if (kind == "technology_with_responder") {
      package.nights.kind = care_at_home::NightSupport::kTechnologyWithResponder;
    } else if (kind != "none") {
      issues.push_back({ErrorCode::kInvalidValue, "nights.kind",
                        "expected none, sleepover, waking_night or technology_with_responder"});
    }
    package.nights.nights_per_week = static_cast<int>(nights->optional("nights_per_week").whole({.min = -100, .max = 100}).value_or(0));
    package.nights.hours_per_night = static_cast<int>(nights->optional("hours_per_night").whole({.min = -100, .max = 100}).value_or(0));
    package.nights.technology_weekly = nights->optional("technology_weekly_pence").money(kRate).value_or(Money());
  }
}

void read_package_fields(const JsonObjectReader& root, app::NewPackage& package, Issues& issues) {
  package.person_reference = root.required("person_reference").text({.max_length = 1000}).value_or("x");
  package.client_group = root.required("client_group").text({.max_length = 1000}).value_or("x");
  package.service = root.required("service").text({.max_length = 100}).value_or("");
  const std::string model = root.optional("model").text({.max_length = 40}).value_or("time_and_task");
  if (model == "personal_budget") {
    package.model = app::PackageModel::kPersonalBudget;
  } else if (model != "time_and_task") {
    issues.push_back({ErrorCode::kInvalidValue, "model", "expected time_and_task or personal_budget"});
  }
  package.starts_on = root.required("starts_on").date().value_or(Date());
  read_visits_and_nights(root, package, issues);
  // The personal budget model's outcomes (the person's words) and weekly budget,
  // which the provider's costed plan is measured against.
  if (auto outcomes = root.optional("outcomes").array({.max_items = 50})) {
    for (JsonReader& outcome : *outcomes) {
      if (auto text = outcome.text({.min_length = 1, .max_length = 1000})) package.outcomes.push_back(*text);
    }
  }
  if (auto budget = root.optional("weekly_budget_pence").money()) package.weekly_budget = *budget;
  if (package.model != app::PackageModel::kPersonalBudget && (root.has("outcomes") || root.has("weekly_budget_pence"))) {
    issues.push_back({ErrorCode::kInvalidValue, root.has("outcomes") ? "outcomes" : "weekly_budget_pence",
                      "only a package on the personal budget model has outcomes and a weekly budget"});
  }
}

HttpResponse add_package(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the package cannot be read");
  Issues issues;
  app::NewPackage package;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"provider_id", "person_reference", "client_group", "service", "model", "visits", "nights", "starts_on",
                        "outcomes", "weekly_budget_pence"});
    package.provider_id = root->required("provider_id").whole({.min = 1}).value_or(0);
    read_package_fields(*root, package, issues);
  }
  if (!issues.empty()) {
    for (Issue& issue : care_at_home::check_pattern(package.visits, package.nights)) issues.push_back(std::move(issue));
    return failure(issues, "the package was not added");
  }
  auto outcome = service(context).add_package(context.principal->principal(), package);
  if (!outcome) return failure(outcome.error(), "the package was not added");
  json out = {{"id", outcome->package.id},
              {"provider_id", package.provider_id},
              {"person_reference", package.person_reference},
              {"client_group", package.client_group},
              {"service", package.service},
              {"model", app::package_model_name(package.model)},
              {"starts_on", package.starts_on.to_string()},
              {"outcomes", package.outcomes},
              {"weekly_budget_pence", package.model == app::PackageModel::kPersonalBudget
                                          ? nlohmann::json(package.weekly_budget.pence())
                                          : nlohmann::json(nullptr)},
              {"off_framework", outcome->package.off_framework},
              {"warnings", outcome->warnings},
              {"cost",
               {{"carer_minutes_per_week", outcome->cost.carer_minutes},
                {"visits_weekly_pence", outcome->cost.visits.pence()},
                {"nights_weekly_pence", outcome->cost.nights.pence()},
                {"weekly_pence", outcome->cost.weekly.pence()},
                {"annual_pence", outcome->cost.annual.pence()}}}};
  return json_response(201, out);
}

HttpResponse market_summary(RequestContext& context) {
  auto summary = service(context).summary(context.principal->principal());
  if (!summary) return failure(summary.error(), "");
  return json_response(200, {{"as_of", summary->as_of.to_string()},
                             {"total", line_json(summary->total)},
                             {"by_framework", lines_json(summary->by_framework)},
                             {"by_provider", lines_json(summary->by_provider)},
                             {"by_service", lines_json(summary->by_service)},
                             {"by_client_group", lines_json(summary->by_client_group)},
                             {"not_costed", summary->not_costed}});
}

}  // namespace allot::api::care_at_home_api
