#include "allot/journey/eligibility.h"

#include <set>

namespace allot::journey {
namespace {

struct OutcomeName {
  CareActOutcome outcome;
  const char* id;
  const char* label;
};

constexpr OutcomeName kOutcomes[] = {
    {CareActOutcome::kNutrition, "nutrition", "managing and maintaining nutrition"},
    {CareActOutcome::kPersonalHygiene, "personal_hygiene", "maintaining personal hygiene"},
    {CareActOutcome::kToiletNeeds, "toilet_needs", "managing toilet needs"},
    {CareActOutcome::kClothing, "clothing", "being appropriately clothed"},
    {CareActOutcome::kHomeSafety, "home_safety", "being able to make use of the home safely"},
    {CareActOutcome::kHabitableHome, "habitable_home", "maintaining a habitable home environment"},
    {CareActOutcome::kRelationships, "relationships", "developing and maintaining family or other personal relationships"},
    {CareActOutcome::kWorkTrainingEducationVolunteering, "work_training_education_volunteering",
     "accessing and engaging in work, training, education or volunteering"},
    {CareActOutcome::kCommunityFacilities, "community_facilities",
     "making use of necessary facilities or services in the local community"},
    {CareActOutcome::kCaringForChild, "caring_for_child", "carrying out any caring responsibilities for a child"},
};

struct InabilityName {
  Inability inability;
  const char* id;
};

constexpr InabilityName kInabilities[] = {
    {Inability::kCannotWithoutAssistance, "cannot_without_assistance"},
    {Inability::kSignificantPainDistressOrAnxiety, "significant_pain_distress_or_anxiety"},
    {Inability::kEndangersHealthOrSafety, "endangers_health_or_safety"},
    {Inability::kTakesSignificantlyLonger, "takes_significantly_longer"},
};

constexpr const char* kBandIds[] = {"low", "moderate", "substantial", "critical"};

}  // namespace

const char* care_act_outcome_id(CareActOutcome outcome) { return kOutcomes[static_cast<int>(outcome)].id; }
const char* care_act_outcome_label(CareActOutcome outcome) { return kOutcomes[static_cast<int>(outcome)].label; }

std::optional<CareActOutcome> parse_care_act_outcome(std::string_view id) {
  for (const OutcomeName& name : kOutcomes) {
    if (id == name.id) return name.outcome;
  }
  return std::nullopt;
}

const char* inability_id(Inability inability) { return kInabilities[static_cast<int>(inability)].id; }

std::optional<Inability> parse_inability(std::string_view id) {
  for (const InabilityName& name : kInabilities) {
    if (id == name.id) return name.inability;
  }
  return std::nullopt;
}

EligibilityDecision decide_care_act_eligibility(const CareActAssessment& assessment) {
  EligibilityDecision decision;
  std::set<CareActOutcome> unable;
  for (const OutcomeFinding& finding : assessment.findings) {
    if (!finding.inabilities.empty()) unable.insert(finding.outcome);
  }
  decision.reasons.push_back(assessment.needs_from_impairment_or_illness
                                 ? "Needs arise from a physical or mental impairment or illness."
                                 : "Needs do not arise from a physical or mental impairment or illness.");
  std::string outcomes;
  for (const CareActOutcome outcome : unable) outcomes += (outcomes.empty() ? "" : "; ") + std::string(care_act_outcome_label(outcome));
  decision.reasons.push_back("Unable to achieve " + std::to_string(unable.size()) + " of the specified outcomes" +
                             (outcomes.empty() ? "" : " (" + outcomes + ")") + "; two or more are needed.");
  decision.reasons.push_back(assessment.significant_impact_on_wellbeing
                                 ? "There is, or is likely to be, a significant impact on wellbeing."
                                 : "No significant impact on wellbeing was found.");
  decision.eligible =
      assessment.needs_from_impairment_or_illness && unable.size() >= 2 && assessment.significant_impact_on_wellbeing;
  return decision;
}

const char* need_band_id(NeedBand band) { return kBandIds[static_cast<int>(band)]; }

std::optional<NeedBand> parse_need_band(std::string_view id) {
  for (int band = 0; band < 4; ++band) {
    if (id == kBandIds[band]) return static_cast<NeedBand>(band);
  }
  return std::nullopt;
}

EligibilityDecision decide_banded_eligibility(NeedBand assessed, NeedBand threshold) {
  EligibilityDecision decision;
  decision.eligible = static_cast<int>(assessed) >= static_cast<int>(threshold);
  decision.reasons.push_back(std::string("Assessed need is ") + need_band_id(assessed) + "; the council's threshold is " +
                             need_band_id(threshold) + ".");
  return decision;
}

}  // namespace allot::journey
