#include "allot/app/care_at_home/replan_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "allot/app/care_at_home/county.h"
#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/care_at_home/replan.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

bool placed_or_offered(const County& county, Id open_package_id) {
  return std::any_of(county.offers.begin(), county.offers.end(), [&](const OfferRecord& offer) {
    return offer.open_package_id == open_package_id && (offer.answer.empty() || offer.answer == "accepted");
  });
}

}  // namespace

Result<ReplanReport> ReplanService::run(const Principal& by, const ReplanRequest& request, const ReplanHooks& hooks) {
  std::unique_ptr<County> county;
  const Timestamp now = clock_.now();
  auto loaded = in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    auto got = load_county(tx, rules_, date_of(now));
    if (!got) return pass(got);
    county = std::move(*got);
    // The report names only the people the caller may see.
    PackageNames names(tx, store_, clock_, by);
    for (PackageRecord& package : county->packages) names.hide_unless_visible(package.details);
    for (OpenPackageRecord& package : county->open_packages) names.hide_unless_visible(package.details);
    if (!request.area.empty()) {
      std::set<std::string> areas;
      for (const CountyProvider& provider : county->providers) areas.insert(provider.record.details.areas.begin(), provider.record.details.areas.end());
      if (!areas.contains(request.area)) {
        return fail(ErrorCode::kInvalidValue, "area", fmt::format("no provider reaches an area called \"{}\"", request.area));
      }
    }
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "replan_packages", request.area.empty() ? "county" : "area:" + request.area,
                      request.include_current ? "open and current packages" : "open packages"},
        now);
    if (!audited) return pass(audited);
    return Unit{};
  });
  if (!loaded) return pass(loaded);

  ReplanReport report;
  report.request = request;
  std::vector<care_at_home::ReplanProvider> providers;
  for (CountyProvider& provider : county->providers) {
    const std::int64_t capacity = static_cast<std::int64_t>(provider.record.details.capacity_hours_per_week) * 60;
    providers.push_back({provider.week.get(), capacity - provider.carer_minutes_taken});
  }
  // The packages: each with its provider today and those it may go to.
  std::vector<care_at_home::ReplanPackage> packages;
  std::vector<ReplanMove> described;
  auto eligible_for = [&](const NewPackage& package) {
    std::vector<int> eligible;
    for (std::size_t index = 0; index < county->providers.size(); ++index) {
      if (not_eligible_because(county->providers[index], package).empty()) eligible.push_back(static_cast<int>(index));
    }
    return eligible;
  };
  for (const OpenPackageRecord& open : county->open_packages) {
    if (!request.area.empty() && open.details.area != request.area) continue;
    if (placed_or_offered(*county, open.id) || !open.details.location) continue;
    care_at_home::ReplanPackage package;
    package.id = -open.id;  // open packages are not in any week: negative ids never clash
    package.place = county->places.add(*open.details.location);
    package.visits = open.details.visits;
    package.eligible = eligible_for(open.details);
    if (package.eligible.empty()) {
      package.ineligible_reason = rank_providers(*county, open.details, package.place, open.id).unplaced.value_or("");
    }
    packages.push_back(std::move(package));
    described.push_back(ReplanMove{"open", open.id, open.details.person_reference, open.details.person_name,
                                   open.details.locality, "", "", 0, 0});
    ++report.open_packages;
  }
  if (request.include_current) {
    for (std::size_t index = 0; index < county->packages.size(); ++index) {
      const PackageRecord& current = county->packages[index];
      if (!request.area.empty() && current.details.area != request.area) continue;
      // Only packages planned into a provider's week can be moved and measured.
      if (county->package_place[index] < 0 || current.details.visit_carers.size() != current.details.visits.size()) continue;
      const auto provider = county->provider_index.find(current.details.provider_id);
      if (provider == county->provider_index.end()) continue;
      care_at_home::ReplanPackage package;
      package.id = current.id;
      package.place = county->package_place[index];
      package.visits = current.details.visits;
      package.current = static_cast<int>(provider->second);
      package.eligible = eligible_for(current.details);
      // A provider no longer eligible keeps what it has: the re-plan may move it away, never to it.
      packages.push_back(std::move(package));
      described.push_back(ReplanMove{"current", current.id, current.details.person_reference,
                                     current.details.person_name, current.details.locality, "", "", 0, 0});
    }
  }
  report.packages = static_cast<int>(packages.size());
  care_at_home::ReplanOptions options;
  options.stop = hooks.stop;
  options.progress = hooks.progress;
  const care_at_home::ReplanResult result = care_at_home::replan(providers, packages, options);
  report.current_travel_minutes = result.current_minutes;
  report.start_travel_minutes = result.start_minutes;
  report.planned_travel_minutes = result.planned_minutes;
  report.moves = result.moves;
  report.passes = result.passes;
  // Travel costed at one rate for the county, so minutes saved are money saved:
  // the mean care at home day rate in force today.
  std::int64_t rate_sum = 0;
  int rate_count = 0;
  for (const CountyProvider& provider : county->providers) {
    if (auto card = card_in_force(provider, "care_at_home", county->today)) {
      rate_sum += card->day_hourly.pence();
      ++rate_count;
    }
  }
  report.hourly_rate = Money::from_pence(rate_count == 0 ? 0 : (rate_sum + rate_count / 2) / rate_count);
  report.start_weekly_cost = travel_cost(result.start_minutes, report.hourly_rate);
  report.planned_weekly_cost = travel_cost(result.planned_minutes, report.hourly_rate);
  report.weekly_saving = Money::from_pence(report.start_weekly_cost.pence() - report.planned_weekly_cost.pence());
  auto name_of = [&](int index) {
    return index < 0 ? std::string() : county->providers[static_cast<std::size_t>(index)].record.details.name;
  };
  auto id_of = [&](int index) {
    return index < 0 ? Id{0} : county->providers[static_cast<std::size_t>(index)].record.id;
  };
  for (std::size_t index = 0; index < packages.size(); ++index) {
    ReplanMove move = described[index];
    move.from = name_of(result.start_provider[index]);
    move.to = name_of(result.planned_provider[index]);
    move.from_provider_id = id_of(result.start_provider[index]);
    move.to_provider_id = id_of(result.planned_provider[index]);
    if (!result.unplaced_reason[index].empty()) {
      report.unplaced.emplace_back(move, result.unplaced_reason[index]);
      continue;
    }
    if (move.kind == "open") report.placed.push_back(move);
    if (result.start_provider[index] != result.planned_provider[index]) report.changes.push_back(move);
  }
  return report;
}

}  // namespace allot::app
