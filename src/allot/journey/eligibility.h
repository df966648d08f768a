#pragma once
// Eligibility for care and support.
//
// Care Act 2014 (SI 2015/313, reg. 2): needs arise from a physical or mental
// impairment or illness; as a result the adult is unable to achieve two or more of
// the specified outcomes; and as a consequence there is, or is likely to be, a
// significant impact on their wellbeing. Councils that still use banded criteria
// (critical, substantial, moderate, low) set a threshold band instead.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace allot::journey {

// The specified outcomes, reg. 2(2)(a) to (j).
enum class CareActOutcome {
  kNutrition,
  kPersonalHygiene,
  kToiletNeeds,
  kClothing,
  kHomeSafety,
  kHabitableHome,
  kRelationships,
  kWorkTrainingEducationVolunteering,
  kCommunityFacilities,
  kCaringForChild,
};
inline constexpr int kCareActOutcomeCount = 10;
const char* care_act_outcome_id(CareActOutcome outcome);      // "nutrition"
const char* care_act_outcome_label(CareActOutcome outcome);   // "managing and maintaining nutrition"
std::optional<CareActOutcome> parse_care_act_outcome(std::string_view id);

// What "unable to achieve" means, reg. 2(3).
enum class Inability {
  kCannotWithoutAssistance,
  kSignificantPainDistressOrAnxiety,
  kEndangersHealthOrSafety,
  kTakesSignificantlyLonger,
};
const char* inability_id(Inability inability);
std::optional<Inability> parse_inability(std::string_view id);

struct OutcomeFinding {
  CareActOutcome outcome = CareActOutcome::kNutrition;
  std::vector<Inability> inabilities;  // empty: the person can achieve it
};

struct CareActAssessment {
  bool needs_from_impairment_or_illness = false;
  std::vector<OutcomeFinding> findings;
  bool significant_impact_on_wellbeing = false;
};

struct EligibilityDecision {
  bool eligible = false;
  std::vector<std::string> reasons;  // each condition met or not, in plain words
};

EligibilityDecision decide_care_act_eligibility(const CareActAssessment& assessment);

enum class NeedBand { kLow, kModerate, kSubstantial, kCritical };
const char* need_band_id(NeedBand band);
std::optional<NeedBand> parse_need_band(std::string_view id);

// Eligible when the assessed band is at or above the council's threshold.
EligibilityDecision decide_banded_eligibility(NeedBand assessed, NeedBand threshold);

}  // namespace allot::journey
