#pragma once
// What the care at home use cases share: a provider's standing from its
// inspection records, and today's date from the clock.

#include <optional>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/clock.h"
#include "allot/care_at_home/framework.h"

namespace allot::app {

inline Date date_of(Timestamp instant) {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(instant)));
}

inline care_at_home::FrameworkStanding standing_from(const care_at_home::FrameworkRules& rules,
                                                     const std::vector<InspectionRecord>& inspections,
                                                     std::optional<Date>* last_inspected = nullptr) {
  std::vector<care_at_home::Inspection> graded;
  for (const InspectionRecord& record : inspections) {
    graded.push_back(record.inspection);
    if (last_inspected != nullptr && (!*last_inspected || record.inspection.date > **last_inspected)) {
      *last_inspected = record.inspection.date;
    }
  }
  return care_at_home::evaluate(rules, std::move(graded));
}

}  // namespace allot::app
