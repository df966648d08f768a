#include "allot/app/scheduling/week_service.h"

#include <map>

#include <fmt/format.h>

#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

WeekPlace place_of(const care_at_home::GeoPoint& point) {
  return WeekPlace{static_cast<double>(point.latitude_micro) / 1e6, static_cast<double>(point.longitude_micro) / 1e6};
}

// Only commissioners see every provider; anyone else with the action is a
// provider's own staff.
bool sees_every_provider(const Principal& by) { return by.has_role(Role::kCommissioner); }

}  // namespace

Result<std::vector<ProviderRecord>> ProviderWeekService::providers(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<ProviderRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "scheduling.provider_week"); !allowed) return pass(allowed);
    auto all = tx.get<ProviderRepository>().list();
    if (!all) return all;
    std::vector<ProviderRecord> mine;
    for (ProviderRecord& provider : *all) {
      if (sees_every_provider(by) || (!provider.details.agency_code.empty() && provider.details.agency_code == by.agency)) {
        mine.push_back(std::move(provider));
      }
    }
    return mine;
  });
}

Result<ProviderDayPlan> ProviderWeekService::day(const Principal& by, Id provider_id, int day) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<ProviderDayPlan> {
    if (auto allowed = AccessPolicy::standard().check(by, "scheduling.provider_week"); !allowed) return pass(allowed);
    if (day < 0 || day > 6) return fail(ErrorCode::kInvalidValue, "day", fmt::format("expected 0 (Monday) to 6 (Sunday); found {}", day));
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    if (!sees_every_provider(by) && (provider->details.agency_code.empty() || provider->details.agency_code != by.agency)) {
      return fail(ErrorCode::kForbidden, "provider", fmt::format("{} is not your provider", provider->details.name));
    }
    ProviderDayPlan plan;
    plan.provider = *provider;
    auto bases = tx.get<BaseRepository>().all();
    if (!bases) return pass(bases);
    std::map<Id, const BaseRecord*> base_of;
    for (const BaseRecord& base : *bases) base_of[base.id] = &base;
    auto carers = tx.get<CarerRepository>().for_provider(provider_id);
    if (!carers) return pass(carers);
    std::vector<WeekCarer> week_carers;
    for (const CarerRecord& carer : *carers) {
      const auto base = base_of.find(carer.details.base_id);
      if (base == base_of.end()) continue;
      WeekCarer week{carer.id, carer.details.name, carer.details.skills, {}, base->second->details.name,
                     place_of(base->second->details.location), care_at_home::metres_per_minute(carer.details.travel_mode)};
      for (const care_at_home::Shift& shift : carer.details.shifts) {
        week.shifts.push_back(WeekShift{shift.day_of_week, shift.start_minute, shift.end_minute});
      }
      week_carers.push_back(std::move(week));
    }
    plan.carers = static_cast<int>(week_carers.size());
    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    std::vector<WeekVisit> visits;
    PackageNames names(tx, store_, clock_, by);
    for (const PackageRecord& package : *packages) {
      const NewPackage& details = package.details;
      if (details.provider_id != provider_id) continue;
      ++plan.packages;
      if (!details.location) {
        ++plan.packages_without_place;
        continue;
      }
      // The person's name where the package carries one (and the caller may see
      // it), else the reference of the record it came from; and where.
      const std::string name = names.visible(details);
      const std::string who = name.empty() ? details.person_reference : name;
      const std::string person = details.locality.empty() ? who : fmt::format("{} in {}", who, details.locality);
      for (std::size_t index = 0; index < details.visits.size(); ++index) {
        const care_at_home::Visit& visit = details.visits[index];
        WeekVisit week{package.id,
                       static_cast<int>(index),
                       person,
                       visit.day_of_week,
                       visit.start_minute,
                       visit.tolerance_minutes,
                       visit.duration_minutes,
                       visit.carers,
                       visit.tasks,
                       place_of(*details.location),
                       {}};
        if (index < details.visit_carers.size()) {
          for (Id carer : details.visit_carers[index]) week.usual_carers.push_back(carer);
        }
        if (visit.day_of_week >= 0 && visit.day_of_week < 7) ++plan.visits_by_day[static_cast<std::size_t>(visit.day_of_week)];
        visits.push_back(std::move(week));
      }
    }
    plan.day = build_day_problem(fmt::format("{}, {}", provider->details.name, day_name(day)), day, visits, week_carers);
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "read_provider_week", fmt::format("provider:{}", provider_id),
                      fmt::format("{}: {} visits for {} carers", day_name(day), plan.day.visits.size(), plan.day.carers.size())},
        clock_.now());
    if (!audited) return pass(audited);
    return plan;
  });
}

}  // namespace allot::app
