#include "allot/api/charging/handlers.h"

#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/charging/charging_service.h"

namespace allot::api::charging_api {

namespace {

using nlohmann::json;

std::optional<std::int64_t> parse_positive(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

app::ChargingService service(RequestContext& context) {
  return app::ChargingService(context.state.services.store, context.state.services.clock);
}

json rules_summary(const app::ChargingRulesVersion& rules) {
  return {{"id", rules.rules_id},
          {"version", rules.version},
          {"title", rules.title},
          {"effective_from", rules.effective_from.to_string()},
          {"published_by", rules.published_by},
          {"published_at", app::format_timestamp(rules.published_at)}};
}

json assessment_json(const app::FinancialAssessmentRecord& record) {
  return {{"id", record.id},
          {"person_id", record.person_id},
          {"rules_id", record.rules_id},
          {"rules_version", record.rules_version},
          {"status", record.status},
          {"reason", record.reason},
          {"effective_from", record.effective_from.to_string()},
          {"weekly_cost_pence", record.weekly_cost.pence()},
          {"assessed_weekly_pence", record.assessed_weekly.pence()},
          {"contribution_pence", record.contribution.pence()},
          {"public_share_pence", (record.weekly_cost - record.contribution).pence()},
          {"full_cost", record.full_cost},
          {"assessment", json::parse(record.assessment, nullptr, false)},
          {"calculation", json::parse(record.calculation, nullptr, false)},
          {"recorded_by", record.recorded_by},
          {"agency", record.agency},
          {"recorded_at", record.id == 0 ? json(nullptr) : json(app::format_timestamp(record.recorded_at))}};
}

Result<app::Id> person_id(const RequestContext& context) {
  auto id = parse_positive(context.param("id"));
  if (!id) return fail(ErrorCode::kNotFound, "id", fmt::format("there is no person \"{}\"", context.param("id")));
  return *id;
}

// The request: {rules_id?, rules_version?, effective_from?, weekly_cost_pence?,
// status, reason, age?, premiums, incomes, capital_pence, expenses}.
Result<app::RecordAssessment> read_command(const RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return tl::unexpected<Issues>(body.error());
  if (Issues issues = not_an_object(*body); !issues.empty()) return fail(std::move(issues));
  FieldReader fields{*body, {}};
  app::RecordAssessment command;
  command.rules_id = fields.text("rules_id", false);
  if (auto version = fields.integer("rules_version", 1, false)) command.rules_version = static_cast<int>(*version);
  if (auto effective = fields.text("effective_from", false)) {
    if (auto date = Date::parse(*effective)) {
      command.effective_from = *date;
    } else {
      fields.issues.push_back({ErrorCode::kInvalidValue, "effective_from",
                               fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", *effective)});
    }
  }
  if (auto cost = fields.integer("weekly_cost_pence", 0, false)) command.weekly_cost = Money::from_pence(*cost);
  if (!fields.issues.empty()) return fail(std::move(fields.issues));
  command.answers = std::move(*body);
  return command;
}

}  // namespace

HttpResponse list_rules(RequestContext& context) {
  auto all = service(context).list_rules();
  if (!all) return failure(all.error(), "");
  json list = json::array();
  for (const app::ChargingRulesVersion& rules : *all) list.push_back(rules_summary(rules));
  return json_response(200, {{"rules", list}});
}

HttpResponse get_rules(RequestContext& context) {
  auto version = parse_positive(context.param("v"));
  if (!version) {
    return failure({{ErrorCode::kNotFound, "v", fmt::format("there is no version \"{}\"", context.param("v"))}}, "");
  }
  auto rules = service(context).get_rules(context.param("id"), static_cast<int>(*version));
  if (!rules) return failure(rules.error(), "these charging rules were never published");
  json out = rules_summary(*rules);
  out["document"] = json::parse(rules->document, nullptr, false);
  return json_response(200, out);
}

HttpResponse publish_rules(RequestContext& context) {
  auto published = service(context).publish_rules(context.request.body, context.principal->principal());
  if (!published) return failure(published.error(), "the charging rules cannot be published");
  HttpResponse response = json_response(201, rules_summary(*published));
  response.set_header("Location", fmt::format("/api/v1/charging-rules/{}/versions/{}", published->rules_id,
                                              published->version));
  return response;
}

HttpResponse person_charging(RequestContext& context) {
  auto id = person_id(context);
  if (!id) return failure(id.error(), "");
  auto charging = service(context).person_charging(context.principal->principal(), *id);
  if (!charging) return failure(charging.error(), "");
  json out = {{"person_id", charging->person_id}};
  auto optional_pence = [](const std::optional<Money>& amount) { return amount ? json(amount->pence()) : json(nullptr); };
  out["agreed_weekly_pence"] = optional_pence(charging->agreed_weekly);
  out["agreed_council_annual_pence"] = optional_pence(charging->agreed_council_annual);
  out["agreed_nhs_annual_pence"] = optional_pence(charging->agreed_nhs_annual);
  if (charging->shares) {
    const charging::CostShares& shares = *charging->shares;
    out["shares"] = {{"weekly_cost_pence", shares.weekly_cost.pence()},
                     {"person_pence", shares.person.pence()},
                     {"council_pence", shares.council.pence()},
                     {"nhs_pence", shares.nhs.pence()},
                     {"social_care_pence", shares.social_care.pence()},
                     {"arithmetic", shares.arithmetic}};
  } else {
    out["shares"] = nullptr;
  }
  out["current"] = charging->assessments.empty() ? json(nullptr) : assessment_json(charging->assessments.front());
  out["assessments"] = json::array();
  for (const app::FinancialAssessmentRecord& record : charging->assessments) {
    out["assessments"].push_back(assessment_json(record));
  }
  return json_response(200, out);
}

HttpResponse record_assessment(RequestContext& context) {
  auto id = person_id(context);
  if (!id) return failure(id.error(), "");
  auto command = read_command(context);
  if (!command) return failure(command.error(), "the financial assessment has problems");
  auto recorded = service(context).record_assessment(context.principal->principal(), *id, *command);
  if (!recorded) return failure(recorded.error(), "the financial assessment has problems");
  return json_response(201, assessment_json(*recorded));
}

HttpResponse preview_assessment(RequestContext& context) {
  auto id = person_id(context);
  if (!id) return failure(id.error(), "");
  auto command = read_command(context);
  if (!command) return failure(command.error(), "the financial assessment has problems");
  auto worked = service(context).preview(context.principal->principal(), *id, *command);
  if (!worked) return failure(worked.error(), "the financial assessment has problems");
  return json_response(200, assessment_json(*worked));
}

}  // namespace allot::api::charging_api
