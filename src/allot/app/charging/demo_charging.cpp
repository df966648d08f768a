#include "allot/app/charging/demo_charging.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/budgets/commitment_sync.h"
#include "allot/app/charging/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/charging/contribution.h"

namespace allot::app {

std::string_view embedded_england_charging_rules();  // generated from data/charging/england-2026-27.json

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

Money pounds(std::int64_t whole, std::int64_t pence = 0) { return Money::from_pence(whole * 100 + pence); }

// A person's finances, chosen by their id so the demo is the same every time.
charging::FinancialAssessment finances_for(Id person_id, int age) {
  charging::FinancialAssessment assessment;
  const std::int64_t pick = person_id * 7919 % 100;
  if (pick % 17 == 3) {
    assessment.status = charging::AssessmentStatus::kDeferred;
    assessment.reason = "waiting for bank statements and pension letters";
    return assessment;
  }
  if (pick == 42) {
    assessment.status = charging::AssessmentStatus::kRefused;
    assessment.reason = "chose not to disclose their finances";
    return assessment;
  }
  assessment.age = age;
  if (age >= 66) {
    assessment.incomes.push_back({"state_pension", pounds(221, 20)});
    if (pick % 3 == 0) assessment.incomes.push_back({"occupational_pension", pounds(40 + pick, 50)});
    if (pick % 4 != 3) assessment.incomes.push_back({"attendance_allowance", pick % 2 == 0 ? pounds(110, 40) : pounds(73, 90)});
    if (pick % 5 == 2) assessment.incomes.push_back({"pension_credit", pounds(25, 40)});
  } else {
    assessment.incomes.push_back({pick % 2 == 0 ? "universal_credit" : "esa", pounds(pick % 2 == 0 ? 93 : 138, 20)});
    assessment.incomes.push_back({"pip_daily_living", pounds(pick % 3 == 0 ? 110 : 73, pick % 3 == 0 ? 40 : 90)});
    if (pick % 4 == 0) assessment.incomes.push_back({"pip_mobility", pounds(29, 20)});
    if (pick % 6 == 1) assessment.incomes.push_back({"earnings", pounds(60)});
    assessment.premiums.push_back("disability_premium");
    if (pick % 3 == 0) assessment.premiums.push_back("enhanced_disability_premium");
  }
  // Capital: most below the lower limit, some in the tariff bands, a few above the upper limit.
  if (pick % 10 == 9) {
    assessment.capital = pounds(30000 + pick * 250);
  } else if (pick % 10 >= 7) {
    assessment.capital = pounds(14250 + pick * 90, pick % 100);
  } else {
    assessment.capital = pounds(pick * 120);
  }
  if (pick % 2 == 1) assessment.expenses.push_back({"housing", pounds(15 + pick % 20)});
  if (pick % 3 != 2) assessment.expenses.push_back({"council_tax", pounds(12, 40)});
  if (pick % 4 != 3) assessment.expenses.push_back({"disability_related", pounds(10 + pick % 30, 25)});
  return assessment;
}

}  // namespace

Result<int> load_demo_charging(Transaction& tx, const Clock& clock) {
  const nlohmann::json document = nlohmann::json::parse(embedded_england_charging_rules());
  auto rules = charging::parse_charging_rules(document);
  if (!rules) return pass(rules);
  const Timestamp now = clock.now();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  if (auto published = tx.get<ChargingRulesRepository>().publish(
          ChargingRulesVersion{rules->id, rules->version, rules->title, rules->effective_from,
                               std::string(embedded_england_charging_rules()), "system", now});
      !published) {
    return pass(published);
  }
  PersonQuery query;
  query.agreed_budget_only = true;
  query.limit = 10000;
  auto page = tx.get<PersonRepository>().list(query);
  if (!page) return pass(page);
  int recorded = 0;
  for (const PersonRecord& record : page->people) {
    if (record.id % 5 == 0) continue;  // about one in five not yet assessed
    auto person = JourneyCore::person_of(record);
    if (!person) return pass(person);
    if (!person->state.agreed_budget || person->state.agreed_budget->weekly == Money{}) continue;  // equipment only
    int age = 70;
    if (person->details.date_of_birth) {
      const Date born = *person->details.date_of_birth;
      age = today.year() - born.year() -
            ((today.month() < born.month() || (today.month() == born.month() && today.day() < born.day())) ? 1 : 0);
    }
    if (!rules->age_band(age)) continue;  // not an adult
    const charging::FinancialAssessment assessment = finances_for(record.id, age);
    const Money weekly_cost = person->state.agreed_budget->weekly;
    auto calculation = charging::calculate_contribution(*rules, assessment, weekly_cost);
    if (!calculation) return pass(calculation);
    FinancialAssessmentRecord stored;
    stored.person_id = record.id;
    stored.rules_id = rules->id;
    stored.rules_version = rules->version;
    stored.status = charging::assessment_status_id(assessment.status);
    stored.reason = assessment.reason;
    // From the budget's start, but never before the rules were in force.
    stored.effective_from = std::max(person->state.agreed_budget->start, rules->effective_from);
    stored.assessment = charging::financial_assessment_to_json(assessment).dump();
    stored.calculation = charging::calculation_to_json(*calculation).dump();
    stored.weekly_cost = calculation->weekly_cost;
    stored.assessed_weekly = calculation->assessed_weekly;
    stored.contribution = calculation->contribution;
    stored.full_cost = calculation->full_cost;
    stored.recorded_by = "finance_officer";
    stored.agency = "demo-council";
    stored.recorded_at = now;
    if (auto added = tx.get<FinancialAssessmentRepository>().add(stored); !added) return pass(added);
    ++recorded;
  }
  // The demo's commitments are net of the contributions just recorded.
  if (auto synced = sync_commitments(tx, now, Actor{"system", "demo-council"}, "demo financial assessments"); !synced) {
    return pass(synced);
  }
  if (auto alerted = record_overspend_alerts(tx, now, Actor{"system", "demo-council"}, "demo financial assessments", {});
      !alerted) {
    return pass(alerted);
  }
  auto audited = tx.get<AuditRepository>().append(
      NewAuditEntry{Actor{"system", "demo-council"}, "load_demo_charging", "database",
                    fmt::format("charging rules {} v{}; {} financial assessments", rules->id, rules->version, recorded)},
      now);
  if (!audited) return pass(audited);
  return recorded;
}

}  // namespace allot::app
