#pragma once
// The map of care (issue 12): where people's care at home packages are, the
// providers' staff bases, and the community opportunities, with the localities
// they name, as points for the browser to draw (it draws the area itself: no
// map tiles are fetched). Filtered by provider and service; a provider's own
// staff see only their provider's packages and bases.
//
// Localities are drawn from the data: each locality named by a package or a
// community opportunity is placed at the mean of those points, and the browser
// draws the area around each (Voronoi cells), so the map reads as a place in any
// council's data without outlines kept by hand.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/community/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct MapFilter {
  std::optional<Id> provider_id;
  std::string service;  // a provider service code ("care_at_home"), or empty for every service
};

struct MapPoint {
  double latitude = 0;
  double longitude = 0;
};

struct MapProvider {
  Id id = 0;
  std::string name;
  std::vector<std::string> services;
};

struct MapPackage {
  Id id = 0;
  Id provider_id = 0;
  std::string person_reference;
  std::string service;
  std::string client_group;
  std::string area;
  std::string locality;
  int carer_minutes_per_week = 0;
  MapPoint at;
  std::string person_name;  // "" when unknown or the caller may not see it (allocation.names)
};

struct MapBase {
  Id id = 0;
  Id provider_id = 0;
  std::string name;
  MapPoint at;
};

struct MapLocality {
  std::string name;
  std::string area;  // the wider area the packages name ("North"), when they do
  MapPoint centre;
  int points = 0;    // how many points placed it
};

struct CareMapData {
  std::vector<MapProvider> providers;  // every provider the user may see, for the filter
  std::vector<MapPackage> packages;    // located packages matching the filter
  int packages_without_place = 0;      // matching packages with no place to draw
  std::vector<MapBase> bases;
  std::vector<CommunityOpportunity> community;  // located entries
  std::vector<MapLocality> localities;
};

class CareMap {
 public:
  CareMap(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // An unknown provider or service is kInvalidValue (paths "provider", "service").
  // Needs care_map.read; audited as "read_care_map" (packages name people).
  Result<CareMapData> read(const Principal& by, const MapFilter& filter);

 private:
  Store& store_;
  const Clock& clock_;
};

// Each locality's centre: the mean of the points that name it.
std::vector<MapLocality> localities_of(const std::vector<MapPackage>& packages,
                                       const std::vector<CommunityOpportunity>& community);

}  // namespace allot::app
