#pragma once
// The provider framework's use cases (seed 002): add providers, record their
// inspections with the consequence shown before it is saved, and list every
// provider with its standing under the framework's rules.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/care_at_home/framework.h"

namespace allot::app {

struct ProviderStanding {
  ProviderRecord provider;
  care_at_home::FrameworkStanding standing;
  std::optional<Date> last_inspected;
};

struct ProviderDetail {
  ProviderStanding summary;
  std::vector<InspectionRecord> inspections;  // newest first
};

struct InspectionOutcome {
  care_at_home::Consequence consequence;
  std::optional<InspectionRecord> recorded;  // absent for a preview
};

class ProviderService {
 public:
  ProviderService(Store& store, const Clock& clock,
                  care_at_home::FrameworkRules rules = care_at_home::seed_002_rules())
      : store_(store), clock_(clock), rules_(std::move(rules)) {}

  const care_at_home::FrameworkRules& rules() const { return rules_; }

  // Every problem with the details at once (a name of 1 to 200 characters, known
  // services, capacity 0 to 100,000 hours a week); kDuplicate for a name in use.
  // Needs providers.manage; audited as "add_provider".
  Result<ProviderRecord> add(const Principal& by, const NewProvider& provider);
  // Needs providers.read.
  Result<std::vector<ProviderStanding>> list(const Principal& by);
  // Needs providers.read; kNotFound for an unknown id.
  Result<ProviderDetail> get(const Principal& by, Id provider_id);
  // Every problem with an inspection: each theme graded 1 to 6, no unknown theme,
  // not dated after today. Paths as in the API ("grades[\"Quality of staffing\"]").
  Issues check_inspection(const care_at_home::Inspection& inspection) const;
  // Adds every provider in a spreadsheet's rows (a header row, then one row per
  // provider; columns in docs/api.md). Every problem in every row is reported
  // ("providers.csv:3"), with names already in use or repeated, and then nothing
  // is added; otherwise all are added in one transaction. Needs providers.manage;
  // each is audited as "add_provider".
  Result<std::vector<ProviderRecord>> import_rows(const Principal& by, const std::vector<std::vector<std::string>>& rows,
                                                  const std::string& source_name);
  // Checks the inspection (check_inspection), then says what it would
  // change. With `preview` nothing is stored; otherwise it is recorded (audited as
  // "record_inspection"). An inspection dated after today is refused. Needs
  // providers.manage.
  Result<InspectionOutcome> record_inspection(const Principal& by, Id provider_id,
                                              const care_at_home::Inspection& inspection, bool preview);

 private:
  Store& store_;
  const Clock& clock_;
  care_at_home::FrameworkRules rules_;
};

// Every problem with a provider's details, paths as in the API.
Issues check_new_provider(const NewProvider& provider);

}  // namespace allot::app
