#pragma once
// Charging rules: what a council may charge a person for care and support at
// home (Care Act 2014 s14 and s17; the Care and Support (Charging and Assessment
// of Resources) Regulations 2014). Kept as versioned data like RAS rulebooks: a
// published version never changes; a change is a new version (docs/charging.md).
//
// No I/O: the caller reads the document and hands the parsed JSON in.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::charging {

// A kind of income. Disregarded income is recorded but not charged on
// (earnings, the mobility component of PIP, ...).
struct IncomeType {
  std::string id;
  std::string label;
  bool disregarded = false;
  bool operator==(const IncomeType&) const = default;
};

// The minimum income guarantee for people of an age (inclusive bounds; no
// max_age: no upper bound).
struct AgeBand {
  std::string id;
  std::string label;
  int min_age = 0;
  std::optional<int> max_age;
  Money weekly;
  bool operator==(const AgeBand&) const = default;
};

// An amount added to the guarantee for a circumstance (disability premium,
// carer premium, ...).
struct Premium {
  std::string id;
  std::string label;
  Money weekly;
  bool operator==(const Premium&) const = default;
};

// An expense allowed against income (housing costs, disability-related
// expenditure), up to weekly_limit when one is set.
struct ExpenseType {
  std::string id;
  std::string label;
  std::optional<Money> weekly_limit;
  bool operator==(const ExpenseType&) const = default;
};

struct ChargingRules {
  std::string id;
  int version = 0;
  std::string title;
  Date effective_from;
  std::string note;  // where the figures come from, e.g. that some are illustrative
  Money upper_capital_limit;  // above this the person pays the full cost
  Money lower_capital_limit;  // capital up to this is ignored
  Money tariff_band;          // £1 a week for every £250 or part of £250: band 25000 pence ...
  Money tariff_per_band;      // ... and 100 pence a band
  std::vector<IncomeType> income_types;
  std::vector<AgeBand> age_bands;
  std::vector<Premium> premiums;
  std::vector<ExpenseType> expense_types;

  const IncomeType* income_type(std::string_view type_id) const;
  const Premium* premium(std::string_view premium_id) const;
  const ExpenseType* expense_type(std::string_view type_id) const;
  // The band for an age, or null when none covers it.
  const AgeBand* age_band(int age) const;
  bool operator==(const ChargingRules&) const = default;
};

// The largest amount any figure in a rules document or an assessment may be:
// £100 million, so no sum of the few hundred figures involved can overflow.
inline constexpr std::int64_t kMaxPence = 10'000'000'000;

// Validates a charging rules document (format "allot-charging-rules/1") and
// converts it, returning every problem with its path ("age_bands[1].weekly_pence").
// Checks: ids unique and non-empty; 0 <= lower < upper; band and rate > 0; age
// bands not overlapping; amounts 0..kMaxPence pence.
Result<ChargingRules> parse_charging_rules(const nlohmann::json& document);

}  // namespace allot::charging
