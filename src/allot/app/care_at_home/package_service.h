#pragma once
// Care at home packages and what they cost (seed 002): rate cards per provider
// and service, packages as a weekly pattern of visits and night-time support,
// each costed from the card in force, and the market's hours and annual cost by
// framework, provider, service and client group (the 21,388 hours / £17.5M view).
// A purchase from a provider off the framework is allowed but flagged and counted.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <map>
#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/framework.h"
#include "allot/care_at_home/package.h"

namespace allot::app {

struct PackageOutcome {
  PackageRecord package;
  care_at_home::WeeklyCost cost;
  std::vector<std::string> warnings;  // "bought off the framework: ..."
};

// One line of the market view.
struct MarketLine {
  std::string key;  // a framework, provider, service or client group
  int packages = 0;
  int off_framework = 0;
  std::int64_t carer_minutes_per_week = 0;
  Money weekly;
  Money annual;
};

struct MarketSummary {
  Date as_of;
  MarketLine total;
  std::vector<MarketLine> by_framework;
  std::vector<MarketLine> by_provider;
  std::vector<MarketLine> by_service;
  std::vector<MarketLine> by_client_group;
  std::vector<std::string> not_costed;  // packages with no rate card in force, each named
};

class PackageService {
 public:
  PackageService(Store& store, const Clock& clock, care_at_home::FrameworkRules rules = care_at_home::seed_002_rules())
      : store_(store), clock_(clock), rules_(std::move(rules)) {}

  // A new rate card for one of the provider's services (check_rate_card; the
  // service must be one the provider offers). Needs providers.manage; audited.
  Result<RateCardRecord> add_rate_card(const Principal& by, Id provider_id, const std::string& service,
                                       const care_at_home::RateCard& card);
  Result<std::vector<RateCardRecord>> rate_cards(const Principal& by, Id provider_id);

  // Checks the package (the pattern, the provider offers the service, a rate card
  // in force on its start, the personal budget model only with an eligible
  // provider) and stores it, flagged when the provider is not on the framework.
  // Needs providers.manage; audited as "add_package".
  Result<PackageOutcome> add_package(const Principal& by, const NewPackage& package);

  // Hours and annual cost of every package at the rates in force today. Needs providers.read.
  Result<MarketSummary> summary(const Principal& by);

 private:
  Store& store_;
  const Clock& clock_;
  care_at_home::FrameworkRules rules_;
};

}  // namespace allot::app
