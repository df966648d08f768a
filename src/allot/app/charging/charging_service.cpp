#include "allot/app/charging/charging_service.h"

#include <fmt/format.h>

#include "allot/app/charging/contribution.h"
#include "allot/app/charging/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/json_reader.h"
#include "allot/charging/contribution.h"

namespace allot::app {

namespace {

using nlohmann::json;

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

Date today_of(const Clock& clock) {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now())));
}

int age_on(Date born, Date on) {
  int age = on.year() - born.year();
  if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day())) --age;
  return age;
}

Result<Unit> audit(Transaction& tx, const Principal& by, std::string_view action, std::string subject,
                   std::string detail, Timestamp now) {
  auto entry = tx.get<AuditRepository>().append(NewAuditEntry{by.actor(), std::string(action), std::move(subject),
                                                              std::move(detail)},
                                                now);
  if (!entry) return pass(entry);
  return Unit{};
}

Result<charging::ChargingRules> parse_stored(const ChargingRulesVersion& version) {
  const json document = json::parse(version.document, nullptr, false);
  auto rules = charging::parse_charging_rules(document);
  if (!rules) {
    return fail(ErrorCode::kInternal, "rules",
                fmt::format("stored charging rules {} version {} no longer parse: {}", version.rules_id,
                            version.version, format_issues(rules.error())));
  }
  return rules;
}

}  // namespace

Result<ChargingRulesVersion> ChargingService::publish_rules(std::string_view document, const Principal& by) {
  // The one JSON parser (base/json_reader.h), with its limits.
  Result<json> parsed = parse_json(document, "body");
  if (!parsed) return pass(parsed);
  auto rules = charging::parse_charging_rules(*parsed);
  if (!rules) return pass(rules);
  const Timestamp now = clock_.now();
  ChargingRulesVersion version{rules->id, rules->version, rules->title, rules->effective_from,
                               std::string(document), by.username, now};
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<ChargingRulesVersion> {
    if (auto allowed = AccessPolicy::standard().check(by, "charging.publish_rules"); !allowed) return pass(allowed);
    if (auto published = tx.get<ChargingRulesRepository>().publish(version); !published) return pass(published);
    if (auto audited = audit(tx, by, "publish_charging_rules",
                             fmt::format("charging_rules:{}/{}", version.rules_id, version.version), version.title, now);
        !audited) {
      return pass(audited);
    }
    return version;
  });
}

Result<std::vector<ChargingRulesVersion>> ChargingService::list_rules() {
  return in_transaction(store_, Access::kRead,
                        [&](Transaction& tx) { return tx.get<ChargingRulesRepository>().list_versions(); });
}

Result<ChargingRulesVersion> ChargingService::get_rules(std::string_view rules_id, int version) {
  return in_transaction(store_, Access::kRead,
                        [&](Transaction& tx) { return tx.get<ChargingRulesRepository>().get(rules_id, version); });
}

Result<FinancialAssessmentRecord> ChargingService::assess(Transaction& tx, const Principal& by, Id person_id,
                                                          const RecordAssessment& command) {
  auto stored = tx.get<PersonRepository>().get(person_id);
  if (!stored) return pass(stored);
  auto person = JourneyCore::person_of(*stored);
  if (!person) return pass(person);
  const Date effective = command.effective_from.value_or(today_of(clock_));

  // The rules: as named, or the latest version in force on the effective date.
  auto& rules_repository = tx.get<ChargingRulesRepository>();
  std::optional<ChargingRulesVersion> chosen;
  if (command.rules_id) {
    auto found = command.rules_version ? rules_repository.get(*command.rules_id, *command.rules_version)
                                       : rules_repository.latest(*command.rules_id);
    if (!found) return pass(found);
    chosen = *found;
  } else {
    auto all = rules_repository.list_versions();
    if (!all) return pass(all);
    for (const ChargingRulesVersion& version : *all) {
      if (version.effective_from <= effective &&
          (!chosen || version.effective_from > chosen->effective_from ||
           (version.effective_from == chosen->effective_from && version.version > chosen->version))) {
        chosen = version;
      }
    }
    if (!chosen) {
      return fail(ErrorCode::kUnknownReference, "rules_id",
                  fmt::format("no charging rules are in force on {}; publish some first", effective.to_string()));
    }
  }
  auto rules = parse_stored(*chosen);
  if (!rules) return pass(rules);

  Issues issues;
  std::optional<int> age;
  if (person->details.date_of_birth) age = age_on(*person->details.date_of_birth, effective);
  auto assessment = charging::parse_financial_assessment(command.answers, *rules, age);
  if (!assessment) issues = assessment.error();
  std::optional<Money> weekly_cost = command.weekly_cost;
  if (!weekly_cost && person->state.agreed_budget) weekly_cost = person->state.agreed_budget->weekly;
  if (!weekly_cost) {
    issues.push_back({ErrorCode::kMissingField, "weekly_cost_pence",
                      "is required: the person has no agreed budget to take the weekly cost of care from"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  auto calculation = charging::calculate_contribution(*rules, *assessment, *weekly_cost);
  if (!calculation) return pass(calculation);

  FinancialAssessmentRecord record;
  record.person_id = person_id;
  record.rules_id = chosen->rules_id;
  record.rules_version = chosen->version;
  record.status = charging::assessment_status_id(assessment->status);
  record.reason = assessment->reason;
  record.effective_from = effective;
  record.assessment = charging::financial_assessment_to_json(*assessment).dump();
  record.calculation = charging::calculation_to_json(*calculation).dump();
  record.weekly_cost = calculation->weekly_cost;
  record.assessed_weekly = calculation->assessed_weekly;
  record.contribution = calculation->contribution;
  record.full_cost = calculation->full_cost;
  record.recorded_by = by.username;
  record.agency = by.agency;
  record.recorded_at = clock_.now();
  return record;
}

Result<FinancialAssessmentRecord> ChargingService::record_assessment(const Principal& by, Id person_id,
                                                                     const RecordAssessment& command) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<FinancialAssessmentRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "charging.assess", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    auto record = assess(tx, by, person_id, command);
    if (!record) return record;
    auto added = tx.get<FinancialAssessmentRepository>().add(*record);
    if (!added) return added;
    if (auto audited = audit(tx, by, "financial_assessment", person_subject(person_id),
                             fmt::format("{} from {}: pays {} of {} a week (rules {} version {})", added->status,
                                         added->effective_from.to_string(), format_pounds(added->contribution),
                                         format_pounds(added->weekly_cost), added->rules_id, added->rules_version),
                             record->recorded_at);
        !audited) {
      return pass(audited);
    }
    return added;
  });
}

Result<FinancialAssessmentRecord> ChargingService::preview(const Principal& by, Id person_id,
                                                           const RecordAssessment& command) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<FinancialAssessmentRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "charging.assess", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    return assess(tx, by, person_id, command);
  });
}

Result<PersonCharging> ChargingService::person_charging(const Principal& by, Id person_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<PersonCharging> {
    if (auto allowed = AccessPolicy::standard().check(by, "charging.read", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    auto stored = tx.get<PersonRepository>().get(person_id);
    if (!stored) return pass(stored);
    auto person = JourneyCore::person_of(*stored);
    if (!person) return pass(person);
    PersonCharging charging;
    charging.person_id = person_id;
    if (person->state.agreed_budget) {
      const journey::AgreedBudget& agreed = *person->state.agreed_budget;
      charging.agreed_weekly = agreed.weekly;
      charging.agreed_council_annual = agreed.from_source(journey::FundingSource::kCouncil);
      charging.agreed_nhs_annual = agreed.from_source(journey::FundingSource::kNhs);
    }
    auto assessments = tx.get<FinancialAssessmentRepository>().for_person(person_id);
    if (!assessments) return pass(assessments);
    charging.assessments = std::move(*assessments);
    if (person->state.agreed_budget) {
      auto contribution = current_contribution(tx, person_id);
      if (!contribution) return pass(contribution);
      auto shares = weekly_shares(*person->state.agreed_budget, *contribution ? &**contribution : nullptr);
      if (!shares) return pass(shares);
      charging.shares = std::move(*shares);
    }
    if (auto audited = audit(tx, by, "read", person_subject(person_id), "financial assessments", clock_.now());
        !audited) {
      return pass(audited);
    }
    return charging;
  });
}

}  // namespace allot::app
