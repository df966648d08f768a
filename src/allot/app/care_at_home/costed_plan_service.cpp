#include "allot/app/care_at_home/costed_plan_service.h"

#include <algorithm>

#include <fmt/format.h>

#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/workforce_service.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/free_text.h"
#include "allot/base/money.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

Result<Unit> audit(Transaction& tx, const Principal& by, std::string action, std::string subject, std::string detail,
                   Timestamp now) {
  auto audited = tx.get<AuditRepository>().append(
      NewAuditEntry{by.actor(), std::move(action), std::move(subject), std::move(detail)}, now);
  if (!audited) return pass(audited);
  return Unit{};
}

// At most a week of four carers at once: more is a typing slip, not a plan.
constexpr int kMaxMinutesPerWeek = 7 * 24 * 60 * 4;
constexpr std::size_t kMaxWhat = 300;

// The package, if the caller may see it: a provider's user only their own
// provider's (403 otherwise, as for the rest of care at home).
Result<PackageRecord> visible_package(Transaction& tx, const Principal& by, Id package_id) {
  auto package = tx.get<PackageRepository>().get(package_id);
  if (!package) return pass(package);
  auto provider = tx.get<ProviderRepository>().get(package->details.provider_id);
  if (!provider) return pass(provider);
  if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
  return package;
}

}  // namespace

const char* costed_plan_status(const CostedPlanRecord& plan, const std::vector<CostedPlanRecord>& all) {
  if (plan.decision == "agreed") return "agreed";
  if (plan.decision == "sent_back") return "sent_back";
  const bool newer = std::any_of(all.begin(), all.end(), [&](const CostedPlanRecord& other) {
    return other.version > plan.version;
  });
  return newer ? "superseded" : "proposed";
}

Issues cost_plan_lines(std::vector<CostedPlanLine>& lines, const NewPackage& package, Money& total) {
  Issues issues;
  if (package.model != PackageModel::kPersonalBudget) {
    issues.push_back({ErrorCode::kInvalidValue, "package",
                      "only a package on the personal budget model has a costed plan; this one is time and task"});
    return issues;
  }
  if (lines.empty()) issues.push_back({ErrorCode::kMissingField, "lines", "a costed plan needs at least one line"});
  std::optional<Money> sum = Money::from_pence(0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CostedPlanLine& line = lines[i];
    const std::string at = fmt::format("lines[{}]", i);
    if (is_blank(line.what)) {
      issues.push_back({ErrorCode::kMissingField, at + ".what", "say what this line is"});
    } else if (line.what.size() > kMaxWhat) {
      issues.push_back({ErrorCode::kInvalidValue, at + ".what", fmt::format("at most {} characters", kMaxWhat)});
    }
    if (line.outcomes.empty()) {
      issues.push_back({ErrorCode::kMissingField, at + ".outcomes", "name the outcome(s) this line serves"});
    }
    for (std::size_t k = 0; k < line.outcomes.size(); ++k) {
      if (std::find(package.outcomes.begin(), package.outcomes.end(), line.outcomes[k]) == package.outcomes.end()) {
        issues.push_back({ErrorCode::kInvalidValue, fmt::format("{}.outcomes[{}]", at, k),
                          fmt::format("\"{}\" is not one of this package's outcomes", line.outcomes[k])});
      }
    }
    bool amounts_ok = true;
    if (line.minutes_per_week < 0 || line.minutes_per_week > kMaxMinutesPerWeek) {
      issues.push_back({ErrorCode::kInvalidValue, at + ".minutes_per_week",
                        fmt::format("expected 0 to {} minutes a week", kMaxMinutesPerWeek)});
      amounts_ok = false;
    }
    if (line.hourly_rate.pence() < 0) {
      issues.push_back({ErrorCode::kInvalidValue, at + ".hourly_pence", "must not be negative"});
      amounts_ok = false;
    }
    if (line.fixed_weekly.pence() < 0) {
      issues.push_back({ErrorCode::kInvalidValue, at + ".fixed_weekly_pence", "must not be negative"});
      amounts_ok = false;
    }
    const bool hourly = line.minutes_per_week > 0 || line.hourly_rate.pence() > 0;
    const bool fixed = line.fixed_weekly.pence() > 0;
    if (amounts_ok && hourly && fixed) {
      issues.push_back({ErrorCode::kInvalidValue, at,
                        "give either hours a week at an hourly rate or a fixed weekly amount, not both"});
      amounts_ok = false;
    } else if (amounts_ok && hourly && (line.minutes_per_week == 0 || line.hourly_rate.pence() == 0)) {
      issues.push_back({ErrorCode::kMissingField, line.minutes_per_week == 0 ? at + ".minutes_per_week" : at + ".hourly_pence",
                        "a line by the hour needs both hours a week and an hourly rate"});
      amounts_ok = false;
    } else if (amounts_ok && !hourly && !fixed) {
      issues.push_back({ErrorCode::kMissingField, at + ".fixed_weekly_pence",
                        "give hours a week at an hourly rate, or a fixed weekly amount"});
      amounts_ok = false;
    }
    if (!amounts_ok) {
      sum.reset();
      continue;
    }
    if (hourly) {
      // Minutes x pence an hour fit easily in 128 bits; the result may not fit in pence.
      const Int128 pence = Int128(line.minutes_per_week) * Int128(line.hourly_rate.pence());
      // Non-negative, so half away from zero is half up.
      std::optional<Money> cost = holdable_pence((pence + 30) / 60);
      if (!cost) {
        issues.push_back({ErrorCode::kInvalidValue, at + ".hourly_pence", "the line's weekly cost is too large"});
        sum.reset();
        continue;
      }
      line.weekly_cost = *cost;
    } else {
      line.weekly_cost = line.fixed_weekly;
    }
    if (sum) {
      sum = checked_sum(*sum, line.weekly_cost);
      if (!sum) issues.push_back({ErrorCode::kInvalidValue, at, "the plan's weekly total is too large"});
    }
  }
  if (sum) {
    total = *sum;
    if (total.pence() > package.weekly_budget.pence()) {
      issues.push_back({ErrorCode::kInvalidValue, "lines",
                        fmt::format("the lines cost {} a week, over the weekly budget of {} by {}", format_pounds(total),
                                    format_pounds(package.weekly_budget),
                                    format_pounds(Money::from_pence(total.pence() - package.weekly_budget.pence())))});
    }
  }
  return issues;
}

Result<CostedPlans> CostedPlanService::plans(const Principal& by, Id package_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CostedPlans> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.read"); !allowed) return pass(allowed);
    auto package = visible_package(tx, by, package_id);
    if (!package) return pass(package);
    auto plans = tx.get<CostedPlanRepository>().for_package(package_id);
    if (!plans) return pass(plans);
    CostedPlans out;
    PackageNames names(tx, store_, clock_, by);
    names.hide_unless_visible(package->details);
    out.package = std::move(*package);
    out.plans = std::move(*plans);
    for (const CostedPlanRecord& plan : out.plans) {
      if (plan.decision == "agreed") out.in_force = plan.id;
    }
    if (auto done = audit(tx, by, "read_costed_plans", fmt::format("package:{}", package_id),
                          fmt::format("{} versions", out.plans.size()), clock_.now());
        !done) {
      return pass(done);
    }
    return out;
  });
}

Result<CostedPlanRecord> CostedPlanService::propose(const Principal& by, Id package_id, std::vector<CostedPlanLine> lines) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CostedPlanRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.propose"); !allowed) return pass(allowed);
    auto package = visible_package(tx, by, package_id);
    if (!package) return pass(package);
    Money total;
    Issues issues = cost_plan_lines(lines, package->details, total);
    if (!issues.empty()) return fail(std::move(issues));
    auto existing = tx.get<CostedPlanRepository>().for_package(package_id);
    if (!existing) return pass(existing);
    const int version = existing->empty() ? 1 : existing->back().version + 1;
    const Timestamp now = clock_.now();
    auto added = tx.get<CostedPlanRepository>().add(package_id, version, lines, total, by.actor(), now);
    if (!added) return pass(added);
    if (auto done = audit(tx, by, "propose_costed_plan", fmt::format("package:{}", package_id),
                          fmt::format("version {}: {} lines, {} a week of {}", version, lines.size(), format_pounds(total),
                                      format_pounds(package->details.weekly_budget)),
                          now);
        !done) {
      return pass(done);
    }
    return added;
  });
}

Result<CostedPlanRecord> CostedPlanService::decide(const Principal& by, Id plan_id, bool agree, const std::string& reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CostedPlanRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.agree"); !allowed) return pass(allowed);
    if (!agree && is_blank(reason)) {
      return fail(ErrorCode::kMissingField, "reason", "say why the plan is sent back, so the provider can change it");
    }
    if (reason.size() > 2000) return fail(ErrorCode::kInvalidValue, "reason", "at most 2000 characters");
    auto plan = tx.get<CostedPlanRepository>().get(plan_id);
    if (!plan) return pass(plan);
    auto all = tx.get<CostedPlanRepository>().for_package(plan->package_id);
    if (!all) return pass(all);
    const std::string status = costed_plan_status(*plan, *all);
    if (status != "proposed") {
      return fail(ErrorCode::kConflict, "plan",
                  status == "superseded"
                      ? fmt::format("version {} was replaced by a newer proposal; answer that one", plan->version)
                      : fmt::format("version {} is already {}", plan->version, status == "agreed" ? "agreed" : "sent back"));
    }
    const Timestamp now = clock_.now();
    auto decided = tx.get<CostedPlanRepository>().decide(plan_id, agree ? "agreed" : "sent_back", agree ? "" : reason,
                                                         by.actor(), now);
    if (!decided) return pass(decided);
    if (auto done = audit(tx, by, agree ? "agree_costed_plan" : "send_back_costed_plan",
                          fmt::format("package:{}", plan->package_id),
                          agree ? fmt::format("version {} agreed", plan->version)
                                : fmt::format("version {} sent back: {}", plan->version, reason),
                          now);
        !done) {
      return pass(done);
    }
    return decided;
  });
}

}  // namespace allot::app
