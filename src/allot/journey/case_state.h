#pragma once
// A person's case as typed values: where it stands in the journey, the
// indicative budget from the assessment, the support plan version, sign-off, the
// agreed personal budget with its splits by delivery option and funding source,
// transitional protection, enablement, a carer's assessments and the last
// review. The rules that change a case are in steps.h; journey_io maps these
// values to the JSON documents that are stored and shown (docs/api.md,
// "Person record").

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/money.h"
#include "allot/journey/carers.h"
#include "allot/journey/case_flow.h"
#include "allot/journey/person.h"
#include "allot/journey/sign_off.h"
#include "allot/journey/support_plan.h"

namespace allot::journey {

// An instant in UTC, to the millisecond (the same type as app::Timestamp). The
// domain never reads a clock: instants and dates are passed in.
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

// Short-term enablement, normally up to six weeks (seed 003).
struct Enablement {
  Date start;
  Date planned_end;
  bool operator==(const Enablement&) const = default;
};

// The RAS amount from an assessment with a published rulebook: a starting point
// for support planning, never a cap.
struct IndicativeBudget {
  std::string rulebook_id;
  int rulebook_version = 0;
  Money annual;
  Money weekly;
  Money lower_annual;
  Money upper_annual;
  std::vector<std::string> derivation;  // "1. Personal care: 8 points × £250.00 = £2,000.00", ...
  bool eligible = false;
  std::vector<std::string> eligibility_reasons;
  Instant assessed_at;
  bool operator==(const IndicativeBudget&) const = default;
};

// A plan version waiting for sign-off, and where the sign-off rules sent it.
struct SignOff {
  int plan_version = 0;
  SignOffRoute route = SignOffRoute::kTeamManager;
  std::vector<std::string> reasons;
  Instant submitted_at;
  bool operator==(const SignOff&) const = default;
};

enum class DecidedBy { kTeamManager, kResourceAllocationGroup, kEquipment };
const char* decided_by_id(DecidedBy decided_by);  // "team_manager", "resource_allocation_group", "equipment"
std::optional<DecidedBy> parse_decided_by(std::string_view id);

// Who pays for a budget. An agreed budget's split by funding source is the
// plan's council and NHS shares scaled to the agreed amount.
enum class FundingSource { kCouncil, kNhs };
const char* funding_source_id(FundingSource source);  // "council", "nhs"
std::optional<FundingSource> parse_funding_source(std::string_view id);
inline constexpr FundingSource kFundingSources[] = {FundingSource::kCouncil, FundingSource::kNhs};
inline constexpr DeliveryOption kDeliveryOptions[] = {DeliveryOption::kDirectPayment,
                                                       DeliveryOption::kIndividualServiceFund,
                                                       DeliveryOption::kCouncilArranged};

// The agreed personal budget: what a person has to spend in a year, from the
// plan approved by a team manager or the Resource Allocation Group (or an
// equipment-only budget).
struct AgreedBudget {
  Money annual;
  Money weekly;   // the recurring part, a week
  Money one_off;
  Date start;
  Date review_due;
  std::optional<int> plan_version;           // none for an equipment-only budget
  std::optional<Money> indicative_annual;    // none when there was no assessment
  std::optional<Money> difference;           // annual - indicative_annual
  std::string reason;
  DecidedBy decided_by = DecidedBy::kTeamManager;
  // Every delivery option and every funding source, each summing to `annual`
  // exactly.
  std::map<DeliveryOption, Money> by_delivery_option;
  std::map<FundingSource, Money> by_funding_source;

  Money for_delivery(DeliveryOption option) const;  // zero when absent
  Money from_source(FundingSource source) const;    // zero when absent
  bool operator==(const AgreedBudget&) const = default;
};

// Transitional protection: the difference when the agreed budget is lower than
// the previous package, drawn from the top-sliced protection fund (seed 003).
struct Protection {
  Money annual;
  Money previous_package_annual;
  Date review_due;
  bool operator==(const Protection&) const = default;
};

struct CarerFirstStageRecord {
  CompletedBy completed_by = CompletedBy::kCarer;
  std::int64_t impact_score = 0;
  bool refer_for_full_assessment = false;
  std::vector<std::string> universal_support;
  std::vector<std::string> reasons;
  Instant at;
  bool operator==(const CarerFirstStageRecord&) const = default;
};

struct CarerFullAssessmentRecord {
  std::string rulebook_id;
  int rulebook_version = 0;
  Money annual;         // the indicative amount from the carers' rulebook
  Money agreed_annual;  // the carer's personal budget
  std::string reason;
  Instant at;
  bool operator==(const CarerFullAssessmentRecord&) const = default;
};

// A carer's two-stage assessment (seed 003).
struct CarerAssessments {
  std::optional<CarerFirstStageRecord> first_stage;
  std::optional<CarerFullAssessmentRecord> full_assessment;
  bool operator==(const CarerAssessments&) const = default;
};

// Where a person's case stands. Each part is absent until a step sets it.
struct CaseState {
  std::optional<Stage> stage;  // none: no open case
  std::optional<Enablement> enablement;
  std::optional<IndicativeBudget> indicative_budget;
  std::optional<int> plan_version;  // the latest support plan version
  std::optional<SignOff> sign_off;  // while awaiting sign-off
  std::optional<AgreedBudget> agreed_budget;
  std::optional<Protection> protection;
  std::optional<CarerAssessments> carer;  // set on a carer's record
  std::optional<Money> previous_package_annual;
  std::optional<Date> last_review;
  bool operator==(const CaseState&) const = default;
};

// A person's record: the details, the case, and the record's identity.
struct Person {
  std::int64_t id = 0;
  std::int64_t row_version = 0;
  Instant created_at;
  PersonDetails details;
  CaseState state;
  bool operator==(const Person&) const = default;
};

// The state of a new record: no open case; a carer's record starts its carer's
// assessments.
CaseState new_case_state(const PersonDetails& details);

bool is_carer(const PersonDetails& details);
// A plan with the Resource Allocation Group, awaiting its decision in a meeting.
bool awaits_panel(const CaseState& state);
// The review date of an active agreed budget.
std::optional<Date> review_due(const CaseState& state);

// The steps that may be taken now, as the ids the record shows: journey steps
// (case_flow.h), "contact" when there is no open case, and on a carer's record
// "carer_first_stage" and "carer_full_assessment".
std::vector<std::string> allowed_steps(const PersonDetails& details, const CaseState& state);

// Nothing when `step` (an id as above) may be taken now; otherwise one kConflict
// issue (path "step") naming the stage and the steps allowed.
Issues refuse_unless_allowed(const PersonDetails& details, const CaseState& state, std::string_view step);

}  // namespace allot::journey
