#include "allot/app/map/care_map.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "allot/app/care_at_home/records.h"
#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/community/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

int carer_minutes(const NewPackage& package) {
  int minutes = 0;
  for (const care_at_home::Visit& visit : package.visits) minutes += visit.duration_minutes * visit.carers;
  return minutes;
}

MapPoint point_of(const care_at_home::GeoPoint& point) {
  return MapPoint{static_cast<double>(point.latitude_micro) / 1e6, static_cast<double>(point.longitude_micro) / 1e6};
}

// A package as a map point, or none when it has no place of its own (its place
// would come from the person's address, which the map does not look up).
std::optional<MapPackage> map_package(const PackageRecord& record) {
  if (!record.details.location) return std::nullopt;
  const NewPackage& details = record.details;
  return MapPackage{record.id,          details.provider_id, details.person_reference, details.service,
                    details.client_group, details.area,      details.locality,         0,
                    point_of(*details.location)};
}

// A provider's own staff (and no one else) see only their provider's work.
bool provider_staff_only(const Principal& by) {
  for (Role role : {Role::kCommissioner, Role::kAnalyst, Role::kFinanceOfficer}) {
    if (by.has_role(role)) return false;
  }
  return true;
}

}  // namespace

std::vector<MapLocality> localities_of(const std::vector<MapPackage>& packages,
                                       const std::vector<CommunityOpportunity>& community) {
  struct Sum {
    double latitude = 0, longitude = 0;
    int points = 0;
    std::map<std::string, int> areas;
  };
  std::map<std::string, Sum> sums;
  for (const MapPackage& package : packages) {
    if (package.locality.empty()) continue;
    Sum& sum = sums[package.locality];
    sum.latitude += package.at.latitude;
    sum.longitude += package.at.longitude;
    ++sum.points;
    if (!package.area.empty()) ++sum.areas[package.area];
  }
  for (const CommunityOpportunity& entry : community) {
    if (entry.details.locality.empty() || entry.details.latitude.empty()) continue;
    Sum& sum = sums[entry.details.locality];
    sum.latitude += std::stod(entry.details.latitude);
    sum.longitude += std::stod(entry.details.longitude);
    ++sum.points;
  }
  std::vector<MapLocality> out;
  for (const auto& [name, sum] : sums) {
    // The area most of its packages name.
    std::string area;
    int most = 0;
    for (const auto& [candidate, count] : sum.areas) {
      if (count > most) area = candidate, most = count;
    }
    out.push_back(MapLocality{name, area, MapPoint{sum.latitude / sum.points, sum.longitude / sum.points}, sum.points});
  }
  return out;
}

Result<CareMapData> CareMap::read(const Principal& by, const MapFilter& filter) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CareMapData> {
    if (auto allowed = AccessPolicy::standard().check(by, "care_map.read"); !allowed) return pass(allowed);
    Issues issues;
    const auto& services = provider_services();
    if (!filter.service.empty() && std::find(services.begin(), services.end(), filter.service) == services.end()) {
      issues.push_back({ErrorCode::kInvalidValue, "service",
                        fmt::format("expected one of {}; found \"{}\"", fmt::join(services, ", "), filter.service)});
    }
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    CareMapData data;
    const bool own_only = provider_staff_only(by);
    std::set<Id> visible;
    for (const ProviderRecord& provider : *providers) {
      if (own_only && (provider.details.agency_code.empty() || provider.details.agency_code != by.agency)) continue;
      visible.insert(provider.id);
      data.providers.push_back(MapProvider{provider.id, provider.details.name, provider.details.services});
    }
    if (filter.provider_id &&
        std::none_of(data.providers.begin(), data.providers.end(), [&](const MapProvider& p) { return p.id == *filter.provider_id; })) {
      issues.push_back({ErrorCode::kInvalidValue, "provider", fmt::format("no provider has id {}", *filter.provider_id)});
    }
    if (!issues.empty()) return fail(std::move(issues));

    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    std::vector<MapPackage> located;
    PackageNames names(tx, store_, clock_, by);
    for (const PackageRecord& record : *packages) {
      std::optional<MapPackage> point = map_package(record);
      const bool wanted = visible.contains(record.details.provider_id) && (!filter.provider_id || record.details.provider_id == *filter.provider_id) &&
                          (filter.service.empty() || record.details.service == filter.service);
      if (point) located.push_back(*point);
      if (!wanted) continue;
      if (point) {
        point->carer_minutes_per_week = carer_minutes(record.details);
        point->person_name = names.visible(record.details);
        data.packages.push_back(std::move(*point));
      } else {
        ++data.packages_without_place;
      }
    }
    auto bases = tx.get<BaseRepository>().all();
    if (!bases) return pass(bases);
    for (const BaseRecord& base : *bases) {
      if (!visible.contains(base.details.provider_id) || (filter.provider_id && base.details.provider_id != *filter.provider_id)) continue;
      // With a service chosen, the bases of providers that offer it.
      const auto provider = std::find_if(data.providers.begin(), data.providers.end(),
                                         [&](const MapProvider& p) { return p.id == base.details.provider_id; });
      if (!filter.service.empty() && std::find(provider->services.begin(), provider->services.end(), filter.service) ==
                                         provider->services.end()) {
        continue;
      }
      data.bases.push_back(MapBase{base.id, base.details.provider_id, base.details.name, point_of(base.details.location)});
    }
    auto community = tx.get<CommunityRepository>().list();
    if (!community) return pass(community);
    for (CommunityOpportunity& entry : *community) {
      if (!entry.details.latitude.empty()) data.community.push_back(std::move(entry));
    }
    // The localities come from every point, so filtering never moves them.
    data.localities = localities_of(located, data.community);
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "read_care_map", "care_packages",
                      fmt::format("{} packages on the map, {} without a place (provider {}, service {})",
                                  data.packages.size(), data.packages_without_place,
                                  filter.provider_id ? std::to_string(*filter.provider_id) : "any",
                                  filter.service.empty() ? "any" : filter.service)},
        clock_.now());
    if (!audited) return pass(audited);
    return data;
  });
}

}  // namespace allot::app
