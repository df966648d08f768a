#include "allot/journey/steps.h"

#include <utility>

#include "allot/base/int128.h"

namespace allot::journey {
namespace {

// The Client Level Data event outcome a screening gives.
const char* screening_cld_outcome(ScreeningOutcome outcome) {
  switch (outcome) {
    case ScreeningOutcome::kInformationAndAdvice:
    case ScreeningOutcome::kSignposting: return "nfa_information_advice_signposting_only";
    case ScreeningOutcome::kEnablement: return "progress_to_reablement_st_max";
    case ScreeningOutcome::kAssessment: return "progress_to_assessment";
  }
  return "";
}

// Moves the case to the stage after `step`; enablement ends when the case closes
// or goes to assessment. The event of the step comes last.
Result<StepOutcome> finish(const CaseState& before, CaseState state, Step step, const StepResult& result,
                           std::vector<Event> events) {
  if (!before.stage) {
    return fail(ErrorCode::kConflict, "step", std::string("cannot ") + step_id(step) + ": there is no open case");
  }
  Result<Stage> next = next_stage(*before.stage, step, result);
  if (!next) return fail(next.error());
  state.stage = *next;
  if (*next == Stage::kClosed || *next == Stage::kAssessment) state.enablement.reset();
  return StepOutcome{std::move(state), std::move(events)};
}

// Puts an agreed budget in place: stage active, and transitional protection when
// the budget is lower than the person's previous package (seed 003's top-slice),
// recorded as an event of its own.
void put_in_place(CaseState& state, AgreedBudget agreed, std::vector<Event>& events) {
  state.stage = Stage::kActive;
  state.sign_off.reset();
  state.last_review.reset();
  state.protection.reset();
  if (state.previous_package_annual) {
    const Money protection = transitional_protection(*state.previous_package_annual, agreed.annual);
    if (protection.pence() > 0) {
      state.protection = Protection{protection, *state.previous_package_annual, agreed.review_due};
      events.push_back(Event{EventType::kService, "", ProtectionRecorded{*state.protection},
                             "the agreed budget is lower than the previous package; the difference comes from the "
                             "protection fund"});
    }
  }
  state.agreed_budget = std::move(agreed);
}

Money share(const std::map<DeliveryOption, Money>& by_delivery, DeliveryOption option) {
  const auto found = by_delivery.find(option);
  return found == by_delivery.end() ? Money() : found->second;
}

}  // namespace

// ------------------------------------------------------------ people

Event person_created(const PersonDetails& details) { return Event{EventType::kRequest, "", PersonCreated{details}, ""}; }

Event details_changed(const PersonDetails& before, const PersonDetails& after) {
  return Event{EventType::kRequest, "", DetailsChanged{before, after}, ""};
}

// ------------------------------------------------------------ contact

Issues check_contact(const ContactCommand& command, Date today) {
  if (command.date && *command.date > today) {
    return {Issue{ErrorCode::kInvalidValue, "date", "a contact cannot be in the future"}};
  }
  return {};
}

StepOutcome open_case(const CaseState& state, const ContactCommand& command, Date today) {
  CaseState fresh;
  fresh.previous_package_annual = state.previous_package_annual;
  fresh.stage = Stage::kScreening;
  ContactRecorded contact{command.date ? *command.date : today, command.route_of_access, command.requested_by,
                          command.joint_screening};
  return StepOutcome{std::move(fresh), {Event{EventType::kRequest, "", std::move(contact), command.reason}}};
}

// ------------------------------------------------------------ steps

Issues check_screen(const ScreenCommand& command, Date today) {
  if (command.planned_end && *command.planned_end <= today) {
    return {Issue{ErrorCode::kInvalidValue, "planned_end", "must be after the start of enablement (today)"}};
  }
  return {};
}

Result<StepOutcome> screen(const CaseState& state, const ScreenCommand& command, Date today, const JourneyRules& rules) {
  if (!command.outcome) return fail(ErrorCode::kMissingField, "outcome", "is required");
  CaseState next = state;
  Screened screened{*command.outcome, command.joint, std::nullopt};
  if (*command.outcome == ScreeningOutcome::kEnablement) {
    const Date end = command.planned_end ? *command.planned_end : today.plus_days(7 * rules.enablement_weeks);
    next.enablement = Enablement{today, end};
    screened.enablement = next.enablement;
  }
  std::vector<Event> events{
      Event{EventType::kRequest, screening_cld_outcome(*command.outcome), std::move(screened), command.reason}};
  return finish(state, std::move(next), Step::kScreen, {.screening = command.outcome}, std::move(events));
}

Result<StepOutcome> end_enablement(const CaseState& state, const EndEnablementCommand& command, Date today) {
  if (!command.outcome) return fail(ErrorCode::kMissingField, "outcome", "is required");
  const char* outcome = *command.outcome == EnablementOutcome::kIndependent ? "nfa_support_ended_other_reason"
                                                                             : "progress_to_assessment";
  std::vector<Event> events{
      Event{EventType::kService, outcome, EnablementEnded{*command.outcome, today}, command.reason}};
  return finish(state, state, Step::kEndEnablement, {.enablement = command.outcome}, std::move(events));
}

std::optional<Issue> check_joint_professions(bool joint, const std::vector<std::string>& professions) {
  if (joint && professions.size() < 2) {
    return Issue{ErrorCode::kInvalidValue, "professions",
                 "a joint assessment records both professions (at least two), so the person tells their story once"};
  }
  return std::nullopt;
}

Result<StepOutcome> assess(const CaseState& state, const AssessCommand& command, const IndicativeScore& score,
                           std::int64_t score_id, Instant now, const JourneyRules& rules) {
  if (!command.rulebook_version || !command.eligibility) {
    return fail(ErrorCode::kMissingField, "rulebook_version", "an assessment names its rulebook and eligibility");
  }
  const EligibilityDecision eligibility = decide_eligibility(*command.eligibility, rules.banded_threshold);
  CaseState next = state;
  next.indicative_budget = IndicativeBudget{command.rulebook_id,
                                            *command.rulebook_version,
                                            score.annual,
                                            score.weekly,
                                            score.lower_annual,
                                            score.upper_annual,
                                            score.derivation,
                                            eligibility.eligible,
                                            eligibility.reasons,
                                            now};
  if (command.previous_package_annual) next.previous_package_annual = command.previous_package_annual;
  AssessmentCompleted completed{command.rulebook_id,
                                *command.rulebook_version,
                                command.answers ? command.answers->answers : std::map<std::string, std::string>{},
                                score_id,
                                score.annual,
                                *command.eligibility,
                                eligibility.eligible,
                                command.joint,
                                command.professions};
  std::vector<Event> events{Event{EventType::kAssessment,
                                  eligibility.eligible ? "progress_to_support_planning_services"
                                                       : "nfa_no_services_offered_other_reason",
                                  std::move(completed), command.reason}};
  return finish(state, std::move(next), Step::kAssess, {.eligible = eligibility.eligible}, std::move(events));
}

Result<StepOutcome> agree_equipment_budget(const CaseState& state, const EquipmentBudgetCommand& command, Date today,
                                           const JourneyRules& rules) {
  if (!command.amount) return fail(ErrorCode::kMissingField, "amount_pence", "is required");
  const Money amount = *command.amount;
  PlanTotals plan;
  plan.annual = amount;
  plan.one_off = amount;
  plan.annual_council = amount;
  plan.annual_by_delivery[DeliveryOption::kCouncilArranged] = amount;
  AgreedBudget agreed = agree_budget(plan, std::nullopt, amount, command.start ? *command.start : today,
                                     state.indicative_budget, command.reason, DecidedBy::kEquipment, rules.reviews);
  CaseState next = state;
  std::vector<Event> events;
  EquipmentBudgetAgreed payload{command.description, agreed};
  put_in_place(next, std::move(agreed), events);
  events.push_back(Event{EventType::kService, "provision_of_service", std::move(payload), command.reason});
  return finish(state, std::move(next), Step::kAgreeEquipmentBudget, {}, std::move(events));
}

Result<StepOutcome> save_plan(const CaseState& state, const PlanVersion& saved) {
  CaseState next = state;
  next.plan_version = saved.version;
  std::vector<Event> events{Event{EventType::kService, "", PlanSaved{saved.version, saved.totals.annual}, ""}};
  return finish(state, std::move(next), Step::kSavePlan, {}, std::move(events));
}

Result<StepOutcome> submit_plan(const CaseState& state, const PlanTotals& latest, Instant now, const JourneyRules& rules) {
  if (!state.indicative_budget) {
    return fail(ErrorCode::kConflict, "step", "cannot submit_plan: there is no indicative budget; assess first");
  }
  const SignOffRouting routing = route_sign_off(latest, state.indicative_budget->lower_annual,
                                                state.indicative_budget->upper_annual, rules.sign_off);
  CaseState next = state;
  next.sign_off = SignOff{state.plan_version.value_or(0), routing.route, routing.reasons, now};
  std::vector<Event> events{Event{EventType::kService, "", PlanSubmitted{*next.sign_off}, ""}};
  return finish(state, std::move(next), Step::kSubmitPlan, {}, std::move(events));
}

Issues refuse_unless_team_manager_decides(const CaseState& state) {
  if (state.sign_off && state.sign_off->route == SignOffRoute::kTeamManager) return {};
  return {Issue{ErrorCode::kConflict, "step",
                "cannot decide: this plan goes to the Resource Allocation Group; record the decision in a panel "
                "meeting (POST /api/v1/panel/meetings)"}};
}

Result<std::optional<Money>> decided_amount(const CaseState& state, DecisionOutcome outcome,
                                            std::optional<Money> changed_annual, const std::string& reason,
                                            const PlanTotals& plan) {
  const Money indicative = state.indicative_budget ? state.indicative_budget->annual : Money();
  return agreed_amount(SignOffDecision{outcome, changed_annual, reason}, plan, indicative);
}

Result<StepOutcome> decide(const CaseState& state, const DecideCommand& command, std::optional<Money> agreed,
                           const PlanTotals& plan, Date today, const JourneyRules& rules) {
  if (!command.outcome || !state.sign_off) return fail(refuse_unless_team_manager_decides(state));
  const int plan_version = state.sign_off->plan_version;
  CaseState next = state;
  std::vector<Event> events;
  if (agreed) {
    put_in_place(next,
                 agree_budget(plan, plan_version, *agreed, command.start ? *command.start : today,
                              state.indicative_budget, command.reason, DecidedBy::kTeamManager, rules.reviews),
                 events);
  } else {
    next.sign_off.reset();
  }
  events.push_back(Event{EventType::kService, agreed ? "provision_of_service" : "",
                         SignOffDecided{*command.outcome, plan_version, agreed}, command.reason});
  return finish(state, std::move(next), Step::kDecide, {.agreed = agreed.has_value()}, std::move(events));
}

Result<StepOutcome> decide_at_panel(const CaseState& state, const PanelDecision& decision, std::optional<Date> start,
                                    const PlanTotals& plan, std::int64_t meeting_id, Date today,
                                    const JourneyRules& rules) {
  CaseState next = state;
  std::vector<Event> events;
  if (decision.agreed_annual) {
    put_in_place(next,
                 agree_budget(plan, decision.plan_version, *decision.agreed_annual, start ? *start : today,
                              state.indicative_budget, decision.reason, DecidedBy::kResourceAllocationGroup,
                              rules.reviews),
                 events);
  } else {
    next.sign_off.reset();
  }
  events.push_back(Event{EventType::kService, decision.agreed_annual ? "provision_of_service" : "",
                         PanelDecided{decision, meeting_id}, decision.reason});
  Result<Stage> stage =
      next_stage(Stage::kAwaitingSignOff, Step::kDecide, {.agreed = decision.agreed_annual.has_value()});
  if (!stage) return fail(stage.error());
  next.stage = *stage;
  return StepOutcome{std::move(next), std::move(events)};
}

Issues check_review(const ReviewCommand& command) {
  if (command.outcome == ReviewOutcome::kEnd && command.reason.empty()) {
    return {Issue{ErrorCode::kMissingField, "reason", "ending support needs a reason"}};
  }
  return {};
}

Result<StepOutcome> review(const CaseState& state, const ReviewCommand& command, Date today, const JourneyRules& rules) {
  if (!command.outcome) return fail(ErrorCode::kMissingField, "outcome", "is required");
  const Date on = command.date ? *command.date : today;
  CaseState next = state;
  const char* outcome = "";
  switch (*command.outcome) {
    case ReviewOutcome::kNoChange:
      outcome = "no_change_in_package";
      next.last_review = on;
      if (next.agreed_budget) next.agreed_budget->review_due = next_review_due(on, rules.reviews);
      break;
    case ReviewOutcome::kNewPlan:
      outcome = "progress_to_support_planning_services";
      next.last_review = on;
      break;
    case ReviewOutcome::kEnd:
      outcome = "nfa_support_ended_other_reason";
      next.agreed_budget.reset();
      next.protection.reset();
      break;
  }
  std::vector<Event> events{
      Event{EventType::kReview, outcome, Reviewed{on, command.joint, *command.outcome}, command.reason}};
  return finish(state, std::move(next), Step::kReview, {.review = command.outcome}, std::move(events));
}

Result<StepOutcome> close(const CaseState& state, const CloseCommand& command) {
  CaseState next = state;
  next.agreed_budget.reset();
  next.protection.reset();
  next.sign_off.reset();
  const EventType type = state.stage == Stage::kActive ? EventType::kReview : EventType::kRequest;
  std::vector<Event> events{Event{type, "nfa_other", Closed{}, command.reason}};
  return finish(state, std::move(next), Step::kClose, {}, std::move(events));
}

// ------------------------------------------------------------ carers

StepOutcome complete_carer_first_stage(const CaseState& state, const CarerFirstStageCommand& command, Instant now,
                                       const JourneyRules& rules) {
  const CarerFirstStageResult result = assess_carer_first_stage(command.form, rules.carers);
  CaseState next = state;
  if (!next.carer) next.carer = CarerAssessments{};
  next.carer->first_stage = CarerFirstStageRecord{command.completed_by.value_or(CompletedBy::kCarer),
                                                  result.impact_score,
                                                  result.refer_for_full_assessment,
                                                  result.universal_support,
                                                  result.reasons,
                                                  now};
  const char* outcome =
      result.refer_for_full_assessment ? "progress_to_assessment" : "nfa_information_advice_signposting_only";
  std::vector<Event> events{
      Event{EventType::kAssessment, outcome, CarerFirstStageCompleted{*next.carer->first_stage, command}, ""}};
  return StepOutcome{std::move(next), std::move(events)};
}

Issues check_carer_budget(Money indicative_annual, std::optional<Money> agreed_annual, const std::string& reason) {
  if (agreed_annual && *agreed_annual != indicative_annual && reason.empty()) {
    return {Issue{ErrorCode::kMissingField, "reason",
                  "the agreed amount " + format_pounds(*agreed_annual) + " differs from the indicative budget " +
                      format_pounds(indicative_annual) + ", so a reason is required"}};
  }
  return {};
}

StepOutcome complete_carer_full_assessment(const CaseState& state, const CarerFullAssessmentCommand& command,
                                           const IndicativeScore& score, std::int64_t score_id, Instant now) {
  const Money indicative_annual = score.annual;
  const Money budget = command.agreed_annual ? *command.agreed_annual : indicative_annual;
  CaseState next = state;
  if (!next.carer) next.carer = CarerAssessments{};
  next.carer->full_assessment = CarerFullAssessmentRecord{
      command.rulebook_id, command.rulebook_version.value_or(0), indicative_annual, budget, command.reason, now};
  if (budget.pence() > 0) {
    // The carer's budget is planned and signed off like any other (seed 003: the
    // carer's personal budget follows the same RAS route), so it gets reviews.
    next.indicative_budget = IndicativeBudget{command.rulebook_id,
                                              command.rulebook_version.value_or(0),
                                              indicative_annual,
                                              score.weekly,
                                              score.lower_annual,
                                              score.upper_annual,
                                              score.derivation,
                                              true,
                                              {"referred by the carer's first-stage assessment"},
                                              now};
    next.stage = Stage::kSupportPlanning;
  }
  const char* outcome = budget.pence() > 0 ? "provision_of_service" : "nfa_no_services_offered_other_reason";
  std::vector<Event> events{Event{
      EventType::kAssessment, outcome,
      CarerFullAssessmentCompleted{*next.carer->full_assessment,
                                   command.answers ? command.answers->answers : std::map<std::string, std::string>{},
                                   score_id},
      command.reason}};
  return StepOutcome{std::move(next), std::move(events)};
}

// ------------------------------------------------------------ agreed budgets

std::vector<std::int64_t> scale_shares(const std::vector<std::int64_t>& shares, std::int64_t total) {
  std::int64_t whole = 0;
  for (const std::int64_t part : shares) whole += part;
  std::vector<std::int64_t> scaled(shares.size(), 0);
  if (shares.empty()) return scaled;
  if (whole == 0) {
    scaled.back() = total;
    return scaled;
  }
  std::size_t last = 0;
  for (std::size_t share_idx = 0; share_idx < shares.size(); ++share_idx) {
    if (shares[share_idx] != 0) last = share_idx;
  }
  std::int64_t given = 0;
  for (std::size_t share_idx = 0; share_idx < shares.size(); ++share_idx) {
    if (share_idx == last) continue;
    scaled[share_idx] = round_half_away(Int128(shares[share_idx]) * total, whole);
    given += scaled[share_idx];
  }
  scaled[last] = total - given;
  return scaled;
}

AgreedBudget agree_budget(const PlanTotals& plan, std::optional<int> plan_version, Money agreed, Date start,
                          const std::optional<IndicativeBudget>& indicative, std::string reason, DecidedBy decided_by,
                          const ReviewRules& rules) {
  AgreedBudget budget;
  budget.annual = agreed;
  budget.weekly = (agreed - plan.one_off).annual_to_weekly();
  budget.one_off = plan.one_off;
  budget.start = start;
  budget.review_due = first_review_due(start, rules);
  if (plan_version && *plan_version > 0) budget.plan_version = plan_version;
  if (indicative) {
    budget.indicative_annual = indicative->annual;
    budget.difference = agreed - indicative->annual;
  }
  budget.reason = std::move(reason);
  budget.decided_by = decided_by;
  std::vector<std::int64_t> delivery_shares;
  for (const DeliveryOption option : kDeliveryOptions) {
    delivery_shares.push_back(share(plan.annual_by_delivery, option).pence());
  }
  const std::vector<std::int64_t> delivery = scale_shares(delivery_shares, agreed.pence());
  for (std::size_t option_idx = 0; option_idx < delivery.size(); ++option_idx) {
    budget.by_delivery_option[kDeliveryOptions[option_idx]] = Money::from_pence(delivery[option_idx]);
  }
  const std::vector<std::int64_t> funding =
      scale_shares({plan.annual_council.pence(), plan.annual_nhs.pence()}, agreed.pence());
  budget.by_funding_source[FundingSource::kCouncil] = Money::from_pence(funding[0]);
  budget.by_funding_source[FundingSource::kNhs] = Money::from_pence(funding[1]);
  return budget;
}

}  // namespace allot::journey
