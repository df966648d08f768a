#pragma once
// A person's night-time support as it is and its alternatives (seed 002, 3.8):
// each of their care at home packages with nights, costed at its provider's
// rates in force today beside a sleepover, a waking night and technology-enabled
// care with a responder for the same nights (care_at_home/nights.h).
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/nights.h"

namespace allot::app {

struct PackageNights {
  Id package_id = 0;
  Id provider_id = 0;
  std::string provider_name;
  std::string service;
  std::optional<care_at_home::NightComparison> comparison;  // none when no rate is in force
  std::string not_costed;                                    // why, when not costed
};

class NightSupportService {
 public:
  NightSupportService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Every package with nights for the person (person_reference their Allot id).
  // A waking night as an alternative lasts `waking_hours` (1 to 12); technology
  // costs its charge in place, or `technology_weekly` when given. Needs
  // people.read on the person (the care team rules); audited as a read.
  Result<std::vector<PackageNights>> compare(const Principal& by, Id person_id, int waking_hours,
                                             std::optional<Money> technology_weekly);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
