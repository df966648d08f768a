#pragma once
// The county as allocation sees it: every provider with its standing, rates,
// capacity taken and carers' week of routes, loaded once inside a transaction;
// and the ranking of providers for one package over it (offers, seed 002 3.9).
//
// A provider is offered a package only when it offers the service, reaches the
// package's area, is admitted to the framework (and eligible for the personal
// budget model when the package uses it), has rates in force, has the capacity
// left, has not declined this package already, and its carers can make every
// visit. The offered are ranked: the person's choice first, then continuity
// (the person's current carers work there), then the least travel added to its
// carers' week, then the most capacity left. Everyone else is listed with why.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/allocation.h"
#include "allot/care_at_home/framework.h"

namespace allot::app {

struct CountyProvider {
  ProviderRecord record;
  care_at_home::FrameworkStanding standing;
  std::vector<RateCardRecord> cards;
  std::vector<CarerRecord> carers;  // in the order of week.carers()
  std::int64_t carer_minutes_taken = 0;
  std::unique_ptr<care_at_home::ProviderWeek> week;
};

struct County {
  Date today;
  care_at_home::Places places;
  std::vector<CountyProvider> providers;
  std::vector<PackageRecord> packages;
  std::vector<int> package_place;  // per package: index into places, -1 when it has no location
  std::vector<OpenPackageRecord> open_packages;
  std::vector<OfferRecord> offers;
  std::map<Id, std::size_t> provider_index;

  CountyProvider* provider(Id id);
};

// Loads everything in the transaction and builds each provider's week from its
// packages' visit carers.
Result<std::unique_ptr<County>> load_county(Transaction& tx, const care_at_home::FrameworkRules& rules, Date today);

// A package's weekly carer minutes (a double-handed minute counts twice).
std::int64_t carer_minutes_of(const std::vector<care_at_home::Visit>& visits);

struct ProviderChoice {
  Id provider_id = 0;
  std::string provider_name;
  bool offered = false;
  int rank = 0;  // 1, 2, ... among the offered
  bool chosen_by_person = false;
  int continuity_carers = 0;  // the person's current carers who work for the provider
  double extra_travel_minutes = 0;       // a week
  Money extra_travel_cost;               // a week, at the provider's day rate
  std::int64_t capacity_minutes_left = 0;  // after taking the package
  bool personal_budget_eligible = false;
  std::vector<std::vector<Id>> visit_carers;  // who would make each visit
  std::string explanation;  // plain words: why this rank, or why not offered
};

struct Ranking {
  std::vector<ProviderChoice> offered;      // best first
  std::vector<ProviderChoice> not_offered;  // by provider name, each with its reason
  std::optional<std::string> unplaced;      // why nobody can take it
};

// Why the provider may not take the package whatever its capacity and carers
// (service, area, framework admission, personal budget model eligibility, rates
// in force), or "" when it may.
std::string not_eligible_because(const CountyProvider& provider, const NewPackage& package);
// The provider's rates for a service in force on a date.
std::optional<care_at_home::RateCard> card_in_force(const CountyProvider& provider, const std::string& service, Date on);

// Ranks every provider for a package located at `place` (-1: no location, then
// travel cannot be measured and nobody is offered it).
Ranking rank_providers(County& county, const NewPackage& package, int place, Id open_package_id);

// Minutes of travel at an hourly rate, to the nearest penny (minutes are rounded
// to the second first; a week's travel is far below any overflow).
Money travel_cost(double minutes, Money hourly);

// "1 h 05 min", "35 min"
std::string minutes_text(double minutes);

}  // namespace allot::app
