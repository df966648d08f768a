#pragma once
// What charging needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <optional>
#include <string_view>
#include <vector>

#include "allot/app/charging/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class ChargingRulesRepository {
 public:
  virtual ~ChargingRulesRepository() = default;
  // kConflict if this id and version are already published.
  virtual Result<Unit> publish(const ChargingRulesVersion& rules) = 0;
  // kNotFound if never published.
  virtual Result<ChargingRulesVersion> get(std::string_view rules_id, int version) = 0;
  // The highest version; kNotFound if none.
  virtual Result<ChargingRulesVersion> latest(std::string_view rules_id) = 0;
  // Every version of every rules id, by id then version, documents included.
  virtual Result<std::vector<ChargingRulesVersion>> list_versions() = 0;
};

class FinancialAssessmentRepository {
 public:
  virtual ~FinancialAssessmentRepository() = default;
  // Appends an assessment (id and recorded_at are assigned: id by the store,
  // recorded_at from the record). kUnknownReference if the person or the rules
  // version does not exist.
  virtual Result<FinancialAssessmentRecord> add(const FinancialAssessmentRecord& record) = 0;
  // A person's assessments, the current one first: latest effective_from, then
  // highest id.
  virtual Result<std::vector<FinancialAssessmentRecord>> for_person(Id person_id) = 0;
  // The assessment in force on a date (effective_from <= on), or nothing.
  virtual Result<std::optional<FinancialAssessmentRecord>> in_force(Id person_id, Date on) = 0;
  // Every person's assessment in force on a date, in one query, by person id.
  virtual Result<std::vector<FinancialAssessmentRecord>> all_in_force(Date on) = 0;
  // Every assessment of every person without its documents (assessment and
  // calculation empty), by person, then effective_from, then id: each person's
  // contributions over time, for keeping commitments in step in one query.
  virtual Result<std::vector<FinancialAssessmentRecord>> all_without_documents() = 0;
};

}  // namespace allot::app
