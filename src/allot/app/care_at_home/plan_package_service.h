#pragma once
// A care at home package requested from a person's agreed support plan (seed
// 002, 3.6): the hourly lines of the plan version the budget was agreed on,
// delivered as time and task (a weekly pattern of visits giving exactly the
// lines' hours) or on the personal budget model (offered only to providers
// eligible for it; the package keeps the plan's outcomes and the lines' weekly
// cost as its budget, for the provider's costed plan), placed as an open package for the person at their address.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct PlanPackageRequest {
  Id person_id = 0;
  // Which of the agreed plan's lines the package delivers, by index; none: every
  // hourly line not taken as a direct payment.
  std::vector<int> lines;
  PackageModel model = PackageModel::kTimeAndTask;
  std::string service = "care_at_home";
  std::vector<care_at_home::Visit> visits;
  care_at_home::NightPattern nights;
  Date starts_on;
  std::string area;  // "" for the person's locality
  std::string locality;
  std::optional<care_at_home::GeoPoint> location;  // none: the person's address in the gazetteer (the caller's)
  Id chosen_provider_id = 0;
};

// The open package as it would be added, and where it came from.
struct PlanPackage {
  NewPackage package;
  int plan_version = 0;
  std::vector<int> lines;
  std::vector<std::string> outcomes;  // the plan's outcomes, in the person's words
  std::string origin;                 // "from plan version 2, lines 0, 1"
};

class PlanPackageService {
 public:
  PlanPackageService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Reads the person's agreed plan and builds the package: refused (422, every
  // problem at its field) when the person has no agreed budget with a plan, a
  // line is not hourly or not in the plan, or the visits do not give exactly the
  // lines' hours. Needs allocation.offer; the read of the plan is audited.
  Result<PlanPackage> prepare(const Principal& by, const PlanPackageRequest& request);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
