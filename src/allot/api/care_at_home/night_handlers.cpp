// GET /api/v1/people/{id}/night-support: a person's night-time support beside its
// alternatives at their provider's rates in force (app/care_at_home/night_support_service.h).
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/night_support_service.h"

namespace allot::api::care_at_home_api {

namespace {

using json = nlohmann::json;

json money_or_null(const std::optional<Money>& amount) { return amount ? json(amount->pence()) : json(nullptr); }

// A whole number query parameter within [min, max]; the default when absent.
std::optional<std::int64_t> whole_param(const RequestContext& context, std::string_view name, std::int64_t min,
                                        std::int64_t max, std::optional<std::int64_t> absent, Issues& issues) {
  const std::string text = context.request.query_param(name);
  if (text.empty()) return absent;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    issues.push_back({ErrorCode::kInvalidValue, std::string(name),
                      fmt::format("found \"{}\"; expected a whole number from {} to {}", text, min, max)});
    return absent;
  }
  return value;
}

}  // namespace

HttpResponse night_support(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no person \"{}\"", context.param("id"))}}, "");
  Issues issues;
  const auto waking = whole_param(context, "waking_hours", 1, 12, 9, issues);
  const auto technology = whole_param(context, "technology_weekly_pence", 0, 100'000'000, std::nullopt, issues);
  if (!issues.empty()) return failure(issues, "the query is not valid");
  app::NightSupportService service(context.state.services.store, context.state.services.clock);
  auto compared = service.compare(context.principal->principal(), *id, static_cast<int>(*waking),
                                  technology ? std::optional<Money>(Money::from_pence(*technology)) : std::nullopt);
  if (!compared) return failure(compared.error(), "");
  json packages = json::array();
  for (const app::PackageNights& package : *compared) {
    json out = {{"package_id", package.package_id},
                {"provider_id", package.provider_id},
                {"provider_name", package.provider_name},
                {"service", package.service},
                {"not_costed", package.not_costed.empty() ? json(nullptr) : json(package.not_costed)}};
    if (package.comparison) {
      const care_at_home::NightComparison& comparison = *package.comparison;
      out["current"] = {{"kind", care_at_home::night_support_id(comparison.current.kind)},
                        {"nights_per_week", comparison.current.nights_per_week},
                        {"hours_per_night", comparison.current.hours_per_night},
                        {"weekly_pence", comparison.current_weekly.pence()}};
      json alternatives = json::array();
      for (const care_at_home::NightAlternative& alternative : comparison.alternatives) {
        alternatives.push_back({{"kind", care_at_home::night_support_id(alternative.kind)},
                                {"current", alternative.current},
                                {"weekly_pence", money_or_null(alternative.weekly)},
                                {"difference_weekly_pence", money_or_null(alternative.difference)},
                                {"difference_annual_pence", money_or_null(alternative.annual_difference)},
                                {"note", alternative.note}});
      }
      out["alternatives"] = std::move(alternatives);
    }
    packages.push_back(std::move(out));
  }
  return json_response(200, {{"person_id", *id}, {"waking_hours", *waking}, {"packages", packages}});
}

}  // namespace allot::api::care_at_home_api
