// The batch re-plan as a kept job (app/care_at_home/replan_service.h): started
// here, followed at GET /api/v1/jobs/{id} with its passes, moves and travel.
#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/replan_service.h"

namespace allot::api::care_at_home_api {

namespace {

using nlohmann::json;

constexpr const char* kReplanJobKind = "care_replan";
constexpr std::size_t kMaxReplanJobs = 2;  // at once: each uses a core for up to a minute

double hours(double minutes) { return std::round(minutes / 60.0 * 10.0) / 10.0; }

json move_json(const app::ReplanMove& move) {
  return {{"kind", move.kind},
          {"package_id", move.package_id},
          {"person_reference", move.person_reference},
          {"locality", move.locality},
          {"from", move.from.empty() ? json(nullptr) : json(move.from)},
          {"to", move.to.empty() ? json(nullptr) : json(move.to)}};
}

}  // namespace

json replan_report_json(const app::ReplanReport& report) {
  json changes = json::array();
  for (const app::ReplanMove& move : report.changes) changes.push_back(move_json(move));
  json placed = json::array();
  for (const app::ReplanMove& move : report.placed) placed.push_back(move_json(move));
  json unplaced = json::array();
  for (const auto& [move, reason] : report.unplaced) {
    json out = move_json(move);
    out["reason"] = reason;
    unplaced.push_back(std::move(out));
  }
  const double saved = report.start_travel_minutes - report.planned_travel_minutes;
  return {{"area", report.request.area.empty() ? json(nullptr) : json(report.request.area)},
          {"include_current", report.request.include_current},
          {"packages", report.packages},
          {"open_packages", report.open_packages},
          {"travel_hours_per_week",
           {{"today", hours(report.current_travel_minutes)},
            {"current_allocation", hours(report.start_travel_minutes)},
            {"re_planned", hours(report.planned_travel_minutes)},
            {"saved", hours(saved)}}},
          {"travel_minutes_per_week",
           {{"current_allocation", std::llround(report.start_travel_minutes)},
            {"re_planned", std::llround(report.planned_travel_minutes)},
            {"saved", std::llround(saved)}}},
          {"hourly_rate_pence", report.hourly_rate.pence()},
          {"weekly_cost_pence",
           {{"current_allocation", report.start_weekly_cost.pence()},
            {"re_planned", report.planned_weekly_cost.pence()},
            {"saved", report.weekly_saving.pence()}}},
          {"annual_saving_pence", report.weekly_saving.pence() * 52},
          {"moves", report.moves},
          {"passes", report.passes},
          {"changes", changes},
          {"placed", placed},
          {"unplaced", unplaced}};
}

HttpResponse start_replan(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the re-plan cannot be read");
  Issues issues;
  app::ReplanRequest request;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"area", "include_current"});
    request.area = root->optional("area").text({.min_length = 1, .max_length = 100}).value_or("");
    request.include_current = root->optional("include_current").boolean().value_or(false);
  }
  if (!issues.empty()) return failure(issues, "the re-plan was not started");
  const app::Principal principal = context.principal->principal();
  ApiServices services = context.state.services;
  Result<std::string> id = context.state.jobs.start_dedicated(
      kReplanJobKind, context.principal->user.username, context.principal->agency.code,
      [services, principal, request](JobProgress& progress) -> Result<json> {
        app::ReplanService replan(services.store, services.clock);
        progress.set_total(20);
        app::ReplanHooks hooks;
        hooks.stop = [&progress] { return progress.cancelled(); };
        hooks.progress = [&progress](int pass, int moves, double minutes) {
          progress.set_done(pass);
          progress.set_detail({{"pass", pass}, {"moves", moves}, {"travel_hours_per_week", hours(minutes)}});
        };
        auto report = replan.run(principal, request, hooks);
        if (!report) return tl::unexpected<Issues>(report.error());
        progress.set_done(20);
        return replan_report_json(*report);
      },
      kMaxReplanJobs);
  if (!id) {
    HttpResponse busy = error_response(429, "busy", "cannot start another re-plan: " + id.error().front().message);
    busy.set_header("Retry-After", "10");
    return busy;
  }
  HttpResponse response = json_response(202, {{"job_id", *id}});
  response.set_header("Location", "/api/v1/jobs/" + *id);
  return response;
}

}  // namespace allot::api::care_at_home_api
