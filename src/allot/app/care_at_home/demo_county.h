#pragma once
// The demo county's geography and workforce (East Lothian, seed 002): its
// localities in four areas, each provider's staff bases and carers, where each
// demo package's person lives (spread over the area the provider historically
// served, so today's allocation is realistic rather than clustered), which carer
// makes each visit, and open packages waiting for a provider.

#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/workforce.h"

namespace allot::app {

struct DemoLocality {
  const char* name;
  const char* area;  // North, South, East or West: the areas providers reach
  care_at_home::GeoPoint centre;
  int weight;        // share of the area's people
};
// Every locality, by area.
const std::vector<DemoLocality>& demo_localities();

// A plausible name for the holder of demo package reference EL-<serial>, the
// same on every machine (demo packages have no person record to name them).
std::string demo_person_name(std::uint64_t serial);

// Adds two bases and carers for each provider; returns every carer by provider.
Result<std::vector<CarerRecord>> load_demo_workforce(Transaction& tx, const std::vector<ProviderRecord>& providers,
                                                     const Actor& by, Timestamp now);

// Puts each package somewhere in its provider's area and gives each visit to the
// provider's carers where it costs least travel (packages in order, the way
// they were taken on over the years).
Result<Unit> place_demo_packages(Transaction& tx, const std::vector<ProviderRecord>& providers,
                                 const std::vector<CarerRecord>& carers, std::vector<NewPackage>& packages);

// Open packages waiting for a provider, in every area; a few that nobody can
// take (a service no provider in the area offers, a task no carer is trained for).
Result<int> load_demo_open_packages(Transaction& tx, const std::vector<ProviderRecord>& providers, const Actor& by,
                                    Timestamp now, Date today);

}  // namespace allot::app
