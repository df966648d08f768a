// The personal budget model's costed plans: a package's outcomes, budget and
// versions of the provider's plan, a new proposal, and the council's answer
// (app/care_at_home/costed_plan_service.h).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/costed_plan_service.h"

namespace allot::api::care_at_home_api {

namespace {

using nlohmann::json;

app::CostedPlanService costed_plans(RequestContext& context) {
  return app::CostedPlanService(context.state.services.store, context.state.services.clock);
}

json plan_json(const app::CostedPlanRecord& plan, const std::vector<app::CostedPlanRecord>& all) {
  json lines = json::array();
  for (const app::CostedPlanLine& line : plan.lines) {
    const bool hourly = line.minutes_per_week > 0;
    lines.push_back({{"what", line.what},
                     {"outcomes", line.outcomes},
                     {"minutes_per_week", hourly ? json(line.minutes_per_week) : json(nullptr)},
                     {"hourly_pence", hourly ? json(line.hourly_rate.pence()) : json(nullptr)},
                     {"fixed_weekly_pence", hourly ? json(nullptr) : json(line.fixed_weekly.pence())},
                     {"cost_pence", line.weekly_cost.pence()}});
  }
  return {{"id", plan.id},
          {"package_id", plan.package_id},
          {"version", plan.version},
          {"status", app::costed_plan_status(plan, all)},
          {"lines", lines},
          {"total_pence", plan.total.pence()},
          {"proposed_by", plan.proposed_by},
          {"proposed_at", app::format_timestamp(plan.proposed_at)},
          {"reason", plan.decision == "sent_back" ? json(plan.reason) : json(nullptr)},
          {"decided_by", plan.decision.empty() ? json(nullptr) : json(plan.decided_by)},
          {"decided_at", plan.decided_at ? json(app::format_timestamp(*plan.decided_at)) : json(nullptr)}};
}

HttpResponse not_found_id(const RequestContext& context, const char* what) {
  return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no {} \"{}\"", what, context.param("id"))}}, "");
}

}  // namespace

HttpResponse list_costed_plans(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "package");
  auto outcome = costed_plans(context).plans(context.principal->principal(), *id);
  if (!outcome) return failure(outcome.error(), "");
  const app::NewPackage& package = outcome->package.details;
  json plans = json::array();
  for (const app::CostedPlanRecord& plan : outcome->plans) plans.push_back(plan_json(plan, outcome->plans));
  return json_response(200, {{"package_id", outcome->package.id},
                             {"provider_id", package.provider_id},
                             {"model", app::package_model_name(package.model)},
                             {"outcomes", package.outcomes},
                             {"weekly_budget_pence", package.weekly_budget.pence()},
                             {"in_force", outcome->in_force == 0 ? json(nullptr) : json(outcome->in_force)},
                             {"plans", plans}});
}

HttpResponse propose_costed_plan(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "package");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the plan cannot be read");
  Issues issues;
  std::vector<app::CostedPlanLine> lines;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"lines"});
    if (auto items = root->required("lines").array({.min_items = 1, .max_items = 100})) {
      for (JsonReader& item : *items) {
        app::CostedPlanLine line;
        if (auto object = item.object()) {
          object->known_fields({"what", "outcomes", "minutes_per_week", "hourly_pence", "fixed_weekly_pence"});
          // Blank text and missing outcomes are the service's to name, beside the budget.
          line.what = object->required("what").text({.max_length = 300}).value_or("");
          if (auto outcomes = object->required("outcomes").array({.max_items = 50})) {
            for (JsonReader& outcome : *outcomes) {
              if (auto text = outcome.text({.min_length = 1, .max_length = 1000})) line.outcomes.push_back(*text);
            }
          }
          line.minutes_per_week =
              static_cast<int>(object->optional("minutes_per_week").whole({.min = 0, .max = 7 * 24 * 60 * 4}).value_or(0));
          line.hourly_rate = object->optional("hourly_pence").money().value_or(Money::from_pence(0));
          line.fixed_weekly = object->optional("fixed_weekly_pence").money().value_or(Money::from_pence(0));
        }
        lines.push_back(std::move(line));
      }
    }
  }
  if (!issues.empty()) return failure(issues, "the plan was not proposed");
  auto added = costed_plans(context).propose(context.principal->principal(), *id, std::move(lines));
  if (!added) return failure(added.error(), "the plan was not proposed");
  HttpResponse response = json_response(201, plan_json(*added, {*added}));
  response.set_header("Location", fmt::format("/api/v1/care-packages/{}/costed-plans", *id));
  return response;
}

HttpResponse answer_costed_plan(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "costed plan");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the answer cannot be read");
  Issues issues;
  std::string decision;
  std::string reason;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"decision", "reason"});
    decision = root->required("decision").text({.max_length = 40}).value_or("");
    if (!decision.empty() && decision != "agree" && decision != "send_back") {
      issues.push_back({ErrorCode::kInvalidValue, "decision", "expected agree or send_back"});
    }
    reason = root->optional("reason").text({.max_length = 2000}).value_or("");
  }
  if (!issues.empty()) return failure(issues, "the plan was not answered");
  auto decided = costed_plans(context).decide(context.principal->principal(), *id, decision == "agree", reason);
  if (!decided) return failure(decided.error(), "the plan was not answered");
  return json_response(200, plan_json(*decided, {*decided}));
}

}  // namespace allot::api::care_at_home_api
