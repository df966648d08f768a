#include "allot/app/care_at_home/plan_package_service.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/money.h"
#include "allot/care_at_home/from_plan.h"
#include "allot/journey/support_plan.h"
#include "allot/journey_io/documents.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

// A line a care at home provider can deliver by the hour: a direct payment is
// the person's own to spend, so it is not commissioned here.
bool commissioned_hours(const journey::PlanLine& line) {
  return line.unit == journey::PlanUnit::kHour && line.delivery != journey::DeliveryOption::kDirectPayment;
}

}  // namespace

Result<PlanPackage> PlanPackageService::prepare(const Principal& by, const PlanPackageRequest& request) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<PlanPackage> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    auto person = tx.get<PersonRepository>().get(request.person_id);
    if (!person) return pass(person);
    auto state = journey_io::case_state_from_json(nlohmann::json::parse(person->state, nullptr, false));
    if (!state) return pass(state);
    if (!state->agreed_budget || !state->agreed_budget->plan_version) {
      return fail(ErrorCode::kInvalidValue, "person_id",
                  fmt::format("person {} has no agreed budget from a support plan (stage: {})", request.person_id,
                              person->index.stage.empty() ? "no open case" : person->index.stage));
    }
    const int version = *state->agreed_budget->plan_version;
    auto versions = tx.get<PlanVersionRepository>().for_person(request.person_id);
    if (!versions) return pass(versions);
    std::optional<journey::PlanVersion> agreed;
    for (const PlanVersionRecord& record : *versions) {
      if (record.version != version) continue;
      auto plan = journey_io::plan_version_from_json(nlohmann::json::parse(record.document, nullptr, false));
      if (!plan) return pass(plan);
      agreed = std::move(*plan);
    }
    if (!agreed) {
      return fail(ErrorCode::kInternal, "person_id", fmt::format("the agreed plan version {} is not kept", version));
    }

    Issues issues;
    const std::vector<journey::PlanLine>& lines = agreed->plan.lines;
    std::vector<int> chosen = request.lines;
    if (chosen.empty()) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (commissioned_hours(lines[i])) chosen.push_back(static_cast<int>(i));
      }
      if (chosen.empty()) {
        issues.push_back({ErrorCode::kInvalidValue, "lines",
                          fmt::format("plan version {} has no hourly lines to commission", version)});
      }
    }
    Fraction hours;
    std::optional<Money> budget = Money::from_pence(0);
    for (std::size_t at = 0; at < chosen.size(); ++at) {
      const int index = chosen[at];
      const std::string path = fmt::format("lines[{}]", at);
      if (index < 0 || static_cast<std::size_t>(index) >= lines.size()) {
        issues.push_back({ErrorCode::kInvalidValue, path,
                          fmt::format("plan version {} has {} lines; found {}", version, lines.size(), index)});
      } else if (!commissioned_hours(lines[static_cast<std::size_t>(index)])) {
        issues.push_back({ErrorCode::kInvalidValue, path,
                          fmt::format("line {} (\"{}\") is not an hourly line the council commissions", index,
                                      lines[static_cast<std::size_t>(index)].description)});
      } else {
        hours = hours + lines[static_cast<std::size_t>(index)].units_per_week;
        if (budget) budget = checked_sum(*budget, journey::weekly_cost(lines[static_cast<std::size_t>(index)]));
      }
    }
    if (issues.empty()) {
      Issues mismatch = care_at_home::check_visits_match_plan(request.visits, hours);
      issues.insert(issues.end(), mismatch.begin(), mismatch.end());
    }
    if (!budget) issues.push_back({ErrorCode::kInvalidValue, "lines", "the lines' weekly cost is too large"});
    if (!issues.empty()) return fail(std::move(issues));

    PlanPackage out;
    out.plan_version = version;
    out.lines = chosen;
    out.outcomes = agreed->plan.outcomes;
    out.origin = fmt::format("from plan version {}, lines {}", version, fmt::join(chosen, ", "));
    NewPackage& package = out.package;
    package.person_reference = std::to_string(request.person_id);
    package.person_name = person->index.given_name + " " + person->index.family_name;
    package.client_group = person->index.client_group;
    package.service = request.service;
    package.model = request.model;
    package.visits = request.visits;
    package.nights = request.nights;
    package.starts_on = request.starts_on;
    package.area = request.area.empty() ? person->index.locality : request.area;
    package.locality = request.locality;
    package.location = request.location;
    package.chosen_provider_id = request.chosen_provider_id;
    if (request.model == PackageModel::kPersonalBudget) {
      // The provider's costed plan is measured against these (costed_plan_service.h).
      package.outcomes = agreed->plan.outcomes;
      package.weekly_budget = *budget;
    }
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "read_plan_for_package", fmt::format("person:{}", request.person_id), out.origin},
        clock_.now());
    if (!audited) return pass(audited);
    return out;
  });
}

}  // namespace allot::app
