#pragma once
// Allocating work (seed 002, 3.9): open packages, the providers ranked for each
// by the travel it would add to their carers' week (county.h), offers a
// commissioner confirms, and the provider's own answer. A provider's users see
// only their own provider's packages and offers.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/app/care_at_home/county.h"
#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/framework.h"

namespace allot::app {

struct OpenPackageView {
  OpenPackageRecord package;
  std::string status;  // "open", "offered" (waiting for an answer) or "placed"
  std::vector<OfferRecord> offers;
};

struct RankingOutcome {
  OpenPackageRecord package;
  Ranking ranking;
};

// The newest version of a personal budget model package's costed plan and its
// status (costed_plan_service.h), for the packages list.
struct CostedPlanSummary {
  int version = 0;
  std::string status;  // "proposed", "agreed" or "sent_back"
  Id in_force = 0;     // the newest agreed version's id, 0 for none
};

struct CurrentPackages {
  std::vector<PackageRecord> packages;
  std::vector<ProviderRecord> providers;  // those the caller may see
  std::map<Id, CostedPlanSummary> costed_plans;  // by package id; personal budget model packages with a plan
};

// One package a re-plan proposal moves, with the provider it had when the
// proposal was computed.
struct ProposedMove {
  Id package_id = 0;
  Id from_provider_id = 0;
  Id to_provider_id = 0;
  std::string path;  // where the proposal lists it ("changes[3]"), to name it if refused
};

struct AppliedMove {
  ProviderChangeRecord change;
  PackageRecord package;  // as it is now
  bool visits_planned = false;  // its visits went to the new provider's carers (else the provider plans them)
  std::string joined;     // "" or who joined the person's care team
};

class AllocationService {
 public:
  AllocationService(Store& store, const Clock& clock, care_at_home::FrameworkRules rules = care_at_home::seed_002_rules())
      : store_(store), clock_(clock), rules_(std::move(rules)) {}

  // Current packages with their place and carers; a provider's user sees only
  // their provider's. Needs allocation.read; audited (people's references).
  Result<CurrentPackages> packages(const Principal& by, std::optional<Id> provider_id);
  // Open packages with their offers; a provider's user sees only those offered
  // to their provider. Needs allocation.read; audited.
  Result<std::vector<OpenPackageView>> open_packages(const Principal& by);
  // A package waiting for a provider: the pattern checked as for any package,
  // the service known, an area, and a location (its own, or the person's from
  // the gazetteer, resolved by the caller). Needs allocation.offer; audited.
  // `origin` says where the package came from in the audit entry ("" for none).
  Result<OpenPackageRecord> add_open_package(const Principal& by, const NewPackage& package,
                                             const std::string& origin = "");
  // Where the person lives, from the gazetteer, when `reference` is an Allot
  // person id whose address it knows; none otherwise. Needs allocation.offer
  // (placing the person's care, not reading their case notes).
  Result<std::optional<care_at_home::GeoPoint>> person_location(const Principal& by, const std::string& reference);
  // Every provider ranked for an open package, each with why. Needs allocation.offer.
  Result<RankingOutcome> rank(const Principal& by, Id open_package_id);
  // Offers an open package to one provider, ranked again now: refused (409,
  // with the reason) when the provider would not be offered it, the package is
  // placed or an offer is waiting for an answer. Needs allocation.offer; audited.
  Result<OfferRecord> offer(const Principal& by, Id open_package_id, Id provider_id);
  // Offers made; a provider's user sees only their provider's. Needs allocation.read.
  Result<std::vector<OfferRecord>> offers(const Principal& by);
  // The provider's answer: accepted (the package is added with the provider, its
  // visits given to the carers where they add least travel) or declined with a
  // reason (the package is open again and that provider is not ranked for it).
  // Needs allocation.answer and the offer made to the caller's provider; audited.
  Result<OfferRecord> answer(const Principal& by, Id offer_id, bool accept, const std::string& reason);
  // Applies a re-plan proposal (`replan` names it): every package moves to its
  // new provider in one transaction, each change kept, the visits given to the
  // new provider's carers where they add least travel, and the new provider
  // joining the person's care team as on acceptance. Refused with kConflict,
  // naming each one, if any package is no longer with the provider it had when
  // the proposal was computed (nothing moves). Needs allocation.offer; audited.
  // Every provider a package has been moved to, oldest first; a provider's user
  // sees only a package their provider holds or held. Needs allocation.read; audited.
  Result<std::vector<ProviderChangeRecord>> provider_changes(const Principal& by, Id package_id);
  Result<std::vector<AppliedMove>> apply_replan(const Principal& by, const std::string& replan,
                                                const std::vector<ProposedMove>& moves);

 private:
  Store& store_;
  const Clock& clock_;
  care_at_home::FrameworkRules rules_;
};

// Every problem with an open package's details, paths as in the API.
Issues check_open_package(const NewPackage& package);

}  // namespace allot::app
