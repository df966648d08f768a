#pragma once
// What care at home needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class ProviderRepository {
 public:
  virtual ~ProviderRepository() = default;
  // kDuplicate (path "name") if a provider already has this name.
  virtual Result<ProviderRecord> add(const NewProvider& provider, const Actor& by, Timestamp now) = 0;
  // Every provider, by name.
  virtual Result<std::vector<ProviderRecord>> list() = 0;
  // kNotFound if no provider has this id.
  virtual Result<ProviderRecord> get(Id id) = 0;
};

class InspectionRepository {
 public:
  virtual ~InspectionRepository() = default;
  virtual Result<InspectionRecord> add(Id provider_id, const care_at_home::Inspection& inspection, const Actor& by,
                                       Timestamp now) = 0;
  // One provider's inspections, newest first.
  virtual Result<std::vector<InspectionRecord>> for_provider(Id provider_id) = 0;
  // Every provider's inspections, newest first (for the framework list).
  virtual Result<std::vector<InspectionRecord>> all() = 0;
};

class RateCardRepository {
 public:
  virtual ~RateCardRepository() = default;
  virtual Result<RateCardRecord> add(Id provider_id, const std::string& service, const care_at_home::RateCard& card,
                                     const Actor& by, Timestamp now) = 0;
  // Every card, by provider, service and date.
  virtual Result<std::vector<RateCardRecord>> all() = 0;
  virtual Result<std::vector<RateCardRecord>> for_provider(Id provider_id) = 0;
};

class PackageRepository {
 public:
  virtual ~PackageRepository() = default;
  virtual Result<PackageRecord> add(const NewPackage& package, bool off_framework, const Actor& by, Timestamp now) = 0;
  // Every package, oldest first.
  virtual Result<std::vector<PackageRecord>> all() = 0;
  // kNotFound if no package has this id.
  virtual Result<PackageRecord> get(Id id) = 0;
  // Gives the package to another provider with its visits' new carers, and keeps
  // the change (append-only). kConflict if its provider is no longer `from`.
  virtual Result<ProviderChangeRecord> change_provider(Id package_id, Id from_provider_id, Id to_provider_id,
                                                       const std::vector<std::vector<Id>>& visit_carers,
                                                       const std::string& replan, const Actor& by, Timestamp now) = 0;
  // Every provider change of a package, oldest first.
  virtual Result<std::vector<ProviderChangeRecord>> provider_changes(Id package_id) = 0;
};

class OpenPackageRepository {
 public:
  virtual ~OpenPackageRepository() = default;
  virtual Result<OpenPackageRecord> add(const NewPackage& package, const Actor& by, Timestamp now) = 0;
  // Every open package (placed ones too: an accepted offer says so), oldest first.
  virtual Result<std::vector<OpenPackageRecord>> all() = 0;
  // kNotFound if no open package has this id.
  virtual Result<OpenPackageRecord> get(Id id) = 0;
};

class BaseRepository {
 public:
  virtual ~BaseRepository() = default;
  // kDuplicate (path "name") if the provider already has a base of this name.
  virtual Result<BaseRecord> add(const NewBase& base, const Actor& by, Timestamp now) = 0;
  // Every base, by provider and name.
  virtual Result<std::vector<BaseRecord>> all() = 0;
};

class CarerRepository {
 public:
  virtual ~CarerRepository() = default;
  // kDuplicate (path "name") if the provider already has a carer of this name.
  virtual Result<CarerRecord> add(const NewCarer& carer, const Actor& by, Timestamp now) = 0;
  // Every carer, by provider and id.
  virtual Result<std::vector<CarerRecord>> all() = 0;
  virtual Result<std::vector<CarerRecord>> for_provider(Id provider_id) = 0;
};

class OfferRepository {
 public:
  virtual ~OfferRepository() = default;
  virtual Result<OfferRecord> add(Id open_package_id, Id provider_id, const std::string& ranking, const Actor& by,
                                  Timestamp now) = 0;
  // Records the provider's answer; kConflict if the offer has one already.
  virtual Result<OfferRecord> answer(Id offer_id, const std::string& answer, const std::string& reason, Id package_id,
                                     const Actor& by, Timestamp now) = 0;
  // Every offer with its answer, oldest first.
  virtual Result<std::vector<OfferRecord>> all() = 0;
  // kNotFound if no offer has this id.
  virtual Result<OfferRecord> get(Id id) = 0;
};

class CostedPlanRepository {
 public:
  virtual ~CostedPlanRepository() = default;
  // Keeps the next version of the package's costed plan; kConflict if another
  // proposal took that version meanwhile.
  virtual Result<CostedPlanRecord> add(Id package_id, int version, const std::vector<CostedPlanLine>& lines,
                                       Money total, const Actor& by, Timestamp now) = 0;
  // Records the council's answer; kConflict if the plan has one already.
  virtual Result<CostedPlanRecord> decide(Id plan_id, const std::string& decision, const std::string& reason,
                                          const Actor& by, Timestamp now) = 0;
  // A package's costed plans with their answers, oldest version first.
  virtual Result<std::vector<CostedPlanRecord>> for_package(Id package_id) = 0;
  // kNotFound if no costed plan has this id.
  virtual Result<CostedPlanRecord> get(Id plan_id) = 0;
  // Every package's costed plans, by package and version (for the packages list).
  virtual Result<std::vector<CostedPlanRecord>> all() = 0;
};

}  // namespace allot::app
