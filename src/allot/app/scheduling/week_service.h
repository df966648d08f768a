#pragma once
// A provider's week (issue 12, the provider portal): the provider's packages'
// visits and its carers, shifts and bases read from care at home and made into
// the scheduling engine's problem for one day (provider_week.h), with people and
// carers named. Commissioners open any provider's week; a provider's own staff
// (users of the agency the provider is linked to) only their own.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <array>

#include "allot/app/care_at_home/records.h"
#include "allot/app/scheduling/provider_week.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct ProviderDayPlan {
  ProviderRecord provider;
  DayProblem day;
  std::array<int, 7> visits_by_day{};  // the week's visits, Monday first
  int carers = 0;                      // the provider's carers
  int packages = 0;                    // the provider's packages
  int packages_without_place = 0;      // left out of the plan: nowhere to go
};

class ProviderWeekService {
 public:
  ProviderWeekService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // `day` 0 (Monday) to 6 (kInvalidValue otherwise). kNotFound for an unknown
  // provider; kForbidden for another provider's staff. Needs
  // scheduling.provider_week; audited as "read_provider_week" (it names people).
  Result<ProviderDayPlan> day(const Principal& by, Id provider_id, int day);
  // The providers whose week this user may plan, by name: every provider for a
  // commissioner, their own for a provider's staff. Needs scheduling.provider_week.
  Result<std::vector<ProviderRecord>> providers(const Principal& by);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
