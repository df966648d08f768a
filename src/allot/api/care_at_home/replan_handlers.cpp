// The batch re-plan as a kept job (app/care_at_home/replan_service.h): started
// here, followed at GET /api/v1/jobs/{id} with its passes, moves and travel.
#include <cmath>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/allocation_service.h"
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
          {"person_name", move.person_name.empty() ? json(nullptr) : json(move.person_name)},
          {"locality", move.locality},
          {"from", move.from.empty() ? json(nullptr) : json(move.from)},
          {"to", move.to.empty() ? json(nullptr) : json(move.to)},
          {"from_provider_id", move.from_provider_id == 0 ? json(nullptr) : json(move.from_provider_id)},
          {"to_provider_id", move.to_provider_id == 0 ? json(nullptr) : json(move.to_provider_id)}};
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

namespace {

HttpResponse unknown_replan() {
  return error_response(404, ErrorCode::kNotFound, "no such re-plan",
                        {{ErrorCode::kNotFound, "job_id", "unknown re-plan"}});
}

}  // namespace

HttpResponse apply_replan(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the re-plan cannot be read");
  Issues issues;
  std::int64_t confirmed = 0;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"confirm_moves"});
    confirmed = root->required("confirm_moves").whole({.min = 1, .max = 1'000'000}).value_or(0);
  }
  if (!issues.empty()) return failure(issues, "the re-plan was not applied");
  // Someone else's re-plan is reported as missing, as for its job.
  std::optional<JobSnapshot> job = context.state.jobs.get(context.param("job_id"));
  if (!job || job->kind != kReplanJobKind || job->owner != context.principal->user.username) return unknown_replan();
  if (job->status != JobStatus::kDone || !job->result) {
    return error_response(409, ErrorCode::kConflict, "the re-plan has not finished",
                          {{ErrorCode::kConflict, "job_id", fmt::format("the re-plan is {}", job_status_name(job->status))}});
  }
  // Open packages it places still go to their providers as offers; current ones move here.
  std::vector<app::ProposedMove> moves;
  const json& changes = job->result->at("changes");
  for (std::size_t index = 0; index < changes.size(); ++index) {
    const json& change = changes[index];
    if (change.at("kind") != "current" || !change.at("from_provider_id").is_number() ||
        !change.at("to_provider_id").is_number()) {
      continue;
    }
    moves.push_back({change.at("package_id").get<app::Id>(), change.at("from_provider_id").get<app::Id>(),
                     change.at("to_provider_id").get<app::Id>(), fmt::format("changes[{}]", index)});
  }
  if (moves.empty()) {
    return error_response(409, ErrorCode::kConflict, "the re-plan moves no package",
                          {{ErrorCode::kConflict, "job_id", "the re-plan moves no package providers hold today"}});
  }
  if (confirmed != static_cast<std::int64_t>(moves.size())) {
    return failure({{ErrorCode::kInvalidValue, "confirm_moves",
                     fmt::format("the re-plan moves {} packages, not {}", moves.size(), confirmed)}},
                   "the re-plan was not applied");
  }
  app::AllocationService service(context.state.services.store, context.state.services.clock);
  auto applied = service.apply_replan(context.principal->principal(), job->id, moves);
  if (!applied) return failure(applied.error(), "the re-plan was not applied: nothing moved");
  json list = json::array();
  for (const app::AppliedMove& move : *applied) {
    const app::NewPackage& package = move.package.details;
    list.push_back({{"package_id", move.package.id},
                    {"person_reference", package.person_reference},
                    {"person_name", package.person_name.empty() ? json(nullptr) : json(package.person_name)},
                    {"locality", package.locality},
                    {"from_provider_id", move.change.from_provider_id},
                    {"to_provider_id", move.change.to_provider_id},
                    {"visits_planned", move.visits_planned},
                    {"change_id", move.change.id}});
  }
  const json& result = *job->result;
  return json_response(200, {{"job_id", job->id},
                             {"moved", list.size()},
                             {"packages", list},
                             {"travel_hours_per_week_saved", result.at("travel_hours_per_week").at("saved")},
                             {"weekly_saving_pence", result.at("weekly_cost_pence").at("saved")},
                             {"changed_by", context.principal->user.username}});
}

HttpResponse package_providers(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) {
    return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no package \"{}\"", context.param("id"))}}, "");
  }
  app::AllocationService service(context.state.services.store, context.state.services.clock);
  auto changes = service.provider_changes(context.principal->principal(), *id);
  if (!changes) return failure(changes.error(), "");
  json list = json::array();
  for (const app::ProviderChangeRecord& change : *changes) {
    list.push_back({{"id", change.id},
                    {"from_provider_id", change.from_provider_id},
                    {"to_provider_id", change.to_provider_id},
                    {"replan", change.replan},
                    {"changed_by", change.changed_by},
                    {"changed_at", app::format_timestamp(change.changed_at)}});
  }
  return json_response(200, {{"package_id", *id}, {"changes", list}});
}

}  // namespace allot::api::care_at_home_api
