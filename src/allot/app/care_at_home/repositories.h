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
};

}  // namespace allot::app
