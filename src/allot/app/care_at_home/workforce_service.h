#pragma once
// Providers' staff bases and carers (seed 002: the workforce behind each
// provider's capacity, and where its carers start from): listed, added one by
// one, or imported from the spreadsheet a provider already keeps (CSV or XLSX,
// columns in docs/api.md). A provider's own users (provider_user of the agency
// linked to the provider) see and manage only their own provider's workforce.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct Workforce {
  ProviderRecord provider;
  std::vector<BaseRecord> bases;
  std::vector<CarerRecord> carers;
};

// Whether `by` may see this provider's own records: commissioners, finance
// officers and analysts see every provider; a provider user only the provider
// linked to their agency (kForbidden otherwise).
Result<Unit> check_provider_scope(const Principal& by, const ProviderRecord& provider);

// Every problem with a base or a carer, paths as in the API.
Issues check_new_base(const NewBase& base);
Issues check_new_carer(const NewCarer& carer);

class WorkforceService {
 public:
  WorkforceService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Needs workforce.read and the provider in scope.
  Result<Workforce> workforce(const Principal& by, Id provider_id);
  // Needs workforce.manage and the provider in scope; audited.
  Result<BaseRecord> add_base(const Principal& by, const NewBase& base);
  Result<CarerRecord> add_carer(const Principal& by, const NewCarer& carer);
  // Adds every carer of a spreadsheet's rows to the provider (columns: name,
  // base, base_latitude, base_longitude, skills, shifts, travel_mode). A base not
  // yet known is added from its coordinates. Every problem in every row is
  // reported ("carers.csv:3") and then nothing is added. Needs workforce.manage.
  Result<std::vector<CarerRecord>> import_rows(const Principal& by, Id provider_id,
                                               const std::vector<std::vector<std::string>>& rows,
                                               const std::string& source_name);

 private:
  Store& store_;
  const Clock& clock_;
};

// "Mon 07:00-14:30; Tue 16:30-22:00" <-> shifts; nothing when the text is not that shape.
std::optional<std::vector<care_at_home::Shift>> parse_shifts(const std::string& text);
std::string shifts_text(const std::vector<care_at_home::Shift>& shifts);

}  // namespace allot::app
