#pragma once
// Charging use cases: publishing charging rules versions, recording a person's
// financial assessment and reading it back with its arithmetic.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/app/charging/records.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/charging/rules.h"
#include "allot/charging/shares.h"

namespace allot::app {

// How to record an assessment. The answers (status, reason, age, premiums,
// incomes, capital_pence, expenses) are read against the rules inside the
// transaction (charging::parse_financial_assessment).
struct RecordAssessment {
  std::optional<std::string> rules_id;  // nothing: the rules in force on effective_from
  std::optional<int> rules_version;     // nothing: the latest version of rules_id
  std::optional<Date> effective_from;   // nothing: today
  std::optional<Money> weekly_cost;     // nothing: the agreed budget's weekly amount
  nlohmann::json answers;
};

// A person's charging as the page shows it.
struct PersonCharging {
  Id person_id = 0;
  std::optional<Money> agreed_weekly;  // the agreed budget's recurring weekly amount, if any
  std::optional<Money> agreed_council_annual;
  std::optional<Money> agreed_nhs_annual;
  std::vector<FinancialAssessmentRecord> assessments;  // the current one first
  // A week of the agreed budget: cost of care, the person's contribution (the
  // current assessment's), the council's share and the NHS's share (from the
  // agreed budget's funding split), with the arithmetic. None without an agreed
  // budget.
  std::optional<charging::CostShares> shares;
};

class ChargingService {
 public:
  ChargingService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Publishes a charging rules document (validated by parse_charging_rules; every
  // problem returned). kConflict (path "version") if that version exists.
  // Needs charging.publish_rules; audited as "publish_charging_rules".
  Result<ChargingRulesVersion> publish_rules(std::string_view document, const Principal& by);
  Result<std::vector<ChargingRulesVersion>> list_rules();
  Result<ChargingRulesVersion> get_rules(std::string_view rules_id, int version);

  // Records a financial assessment and its calculation. Needs charging.assess on
  // the person; audited as "financial_assessment" on "person:ID". kNotFound if no
  // such person; kInvalidValue / kMissingField for every problem with the answers
  // (paths as in the request body), the cost or the rules.
  Result<FinancialAssessmentRecord> record_assessment(const Principal& by, Id person_id, const RecordAssessment& command);

  // The person's assessments and agreed budget. Needs charging.read; audited as
  // a read.
  Result<PersonCharging> person_charging(const Principal& by, Id person_id);

  // Works out a contribution without recording it (the form's live preview).
  // Needs charging.assess. Same problems as record_assessment.
  Result<FinancialAssessmentRecord> preview(const Principal& by, Id person_id, const RecordAssessment& command);

 private:
  Result<FinancialAssessmentRecord> assess(Transaction& tx, const Principal& by, Id person_id,
                                           const RecordAssessment& command);
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
