// A provider's week (app/scheduling/week_service.h): one day's problem for the
// scheduling engine with the names of the people and carers in it. The page
// solves it as a solver job (POST /api/v1/solver/jobs) and reads the routes by name.
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/scheduling/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/scheduling/week_service.h"

namespace allot::api::scheduling_api {

namespace {

using nlohmann::json;

json week_json(const app::ProviderDayPlan& plan) {
  json carers = json::array();
  for (const app::DayRouteCarer& carer : plan.day.carers) {
    carers.push_back({{"solver_id", carer.solver_id}, {"carer_id", carer.carer_id}, {"name", carer.name},
                      {"shift", carer.shift}, {"base", carer.base_name}});
  }
  json visits = json::array();
  for (const app::DayVisitLabel& visit : plan.day.visits) {
    visits.push_back({{"solver_id", visit.solver_id},
                      {"package_id", visit.package_id},
                      {"person", visit.person},
                      {"start_minute", visit.start_minute},
                      {"tolerance_minutes", visit.tolerance_minutes},
                      {"duration_minutes", visit.duration_minutes},
                      {"carers_needed", visit.carers_needed},
                      {"tasks", visit.tasks}});
  }
  return {{"provider", {{"id", plan.provider.id}, {"name", plan.provider.details.name}}},
          {"day", plan.day.day},
          {"day_name", app::day_name(plan.day.day)},
          {"visits_by_day", plan.visits_by_day},
          {"carers_employed", plan.carers},
          {"packages", plan.packages},
          {"packages_without_place", plan.packages_without_place},
          {"carers", carers},
          {"visits", visits},
          {"problem", plan.day.problem}};
}

}  // namespace

HttpResponse provider_week(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no provider \"{}\"", context.param("id"))}}, "");
  int day = 0;
  if (const std::string text = context.request.query_param("day"); !text.empty()) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), day);
    if (error != std::errc() || end != text.data() + text.size()) {
      return failure({{ErrorCode::kInvalidValue, "day", fmt::format("expected 0 (Monday) to 6 (Sunday); found \"{}\"", text)}},
                     "the week cannot be read");
    }
  }
  auto plan = app::ProviderWeekService(context.state.services.store, context.state.services.clock)
                  .day(context.principal->principal(), *id, day);
  if (!plan) return failure(plan.error(), "the week cannot be read");
  return json_response(200, week_json(*plan));
}

}  // namespace allot::api::scheduling_api

namespace allot::api::scheduling_api {

HttpResponse provider_weeks(RequestContext& context) {
  auto providers = app::ProviderWeekService(context.state.services.store, context.state.services.clock)
                       .providers(context.principal->principal());
  if (!providers) return failure(providers.error(), "");
  nlohmann::json list = nlohmann::json::array();
  for (const app::ProviderRecord& provider : *providers) list.push_back({{"id", provider.id}, {"name", provider.details.name}});
  return json_response(200, {{"providers", list}});
}

}  // namespace allot::api::scheduling_api
