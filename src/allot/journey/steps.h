#pragma once
// The rules that move a person's case along the journey, as pure functions: each
// takes the case as it stands and a command that has been read and checked, and
// returns the new state and the events to record (the app saves both in one
// transaction). Nothing here reads a clock or a database: today, the current
// instant and anything looked up (the RAS's score, the latest plan's totals) are
// passed in.
//
// Checks come in two kinds. The check_* functions find problems with a command
// itself, reported with the problems found reading it (422); refusals by the
// case's state are kConflict (409). A step function assumes its command passed
// both: it returns an error only when the step is not allowed at the case's stage.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/journey/carers.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"
#include "allot/journey/eligibility.h"
#include "allot/journey/events.h"
#include "allot/journey/plan_version.h"
#include "allot/journey/reviews.h"
#include "allot/journey/sign_off.h"

namespace allot::journey {

// The council's configurable rules for the journey.
struct JourneyRules {
  SignOffRules sign_off;
  ReviewRules reviews;
  CarerFirstStageRules carers;
  NeedBand banded_threshold = NeedBand::kSubstantial;
  int enablement_weeks = 6;   // enablement normally lasts up to six weeks (seed 003)
  int reviews_due_days = 28;  // the reviews-due list looks this far ahead by default
};

struct StepOutcome {
  CaseState state;
  std::vector<Event> events;  // in the order they happened
};

// The figures a rulebook gave an assessment (the RAS's score).
struct IndicativeScore {
  Money annual;
  Money weekly;
  Money lower_annual;
  Money upper_annual;
  std::vector<std::string> derivation;
};

// ------------------------------------------------------------ people

Event person_created(const PersonDetails& details);
Event details_changed(const PersonDetails& before, const PersonDetails& after);

// ------------------------------------------------------------ contact

// A contact dated in the future.
Issues check_contact(const ContactCommand& command, Date today);
// A new case at screening. The earlier case's history stays in the timeline; of
// its state only the previous package is kept (for transitional protection).
StepOutcome open_case(const CaseState& state, const ContactCommand& command, Date today);

// ------------------------------------------------------------ steps

// A planned end of enablement that is not after today.
Issues check_screen(const ScreenCommand& command, Date today);
Result<StepOutcome> screen(const CaseState& state, const ScreenCommand& command, Date today, const JourneyRules& rules);

Result<StepOutcome> end_enablement(const CaseState& state, const EndEnablementCommand& command, Date today);

// A joint assessment with fewer than two professions recorded (path
// "professions"), or nothing.
std::optional<Issue> check_joint_professions(bool joint, const std::vector<std::string>& professions);
// The indicative budget from the score, eligibility decided under the
// assessment's framework; a previous package given is kept for protection.
Result<StepOutcome> assess(const CaseState& state, const AssessCommand& command, const IndicativeScore& score,
                           std::int64_t score_id, Instant now, const JourneyRules& rules);

// The short path when minor equipment is the only need (seed 003): a one-off
// budget, council-arranged and council-funded, in place at once.
Result<StepOutcome> agree_equipment_budget(const CaseState& state, const EquipmentBudgetCommand& command, Date today,
                                           const JourneyRules& rules);

// Records a new plan version (made by next_plan_version and stored by the app).
Result<StepOutcome> save_plan(const CaseState& state, const PlanVersion& saved);

// Routes the latest plan (its totals) by the sign-off rules. kConflict when there
// is no indicative budget to compare it with.
Result<StepOutcome> submit_plan(const CaseState& state, const PlanTotals& latest, Instant now, const JourneyRules& rules);

// kConflict unless the plan awaiting sign-off is routed to a team manager (the
// Resource Allocation Group decides its plans in a meeting).
Issues refuse_unless_team_manager_decides(const CaseState& state);
// The agreed annual amount a decision gives (none when returned or declined), or
// every problem with it: sign_off.h's agreed_amount against the case's
// indicative budget.
Result<std::optional<Money>> decided_amount(const CaseState& state, DecisionOutcome outcome,
                                            std::optional<Money> changed_annual, const std::string& reason,
                                            const PlanTotals& plan);
// A team manager's decision; `agreed` from decided_amount.
Result<StepOutcome> decide(const CaseState& state, const DecideCommand& command, std::optional<Money> agreed,
                           const PlanTotals& plan, Date today, const JourneyRules& rules);
// The Resource Allocation Group's decision on one plan, recorded in a meeting.
Result<StepOutcome> decide_at_panel(const CaseState& state, const PanelDecision& decision, std::optional<Date> start,
                                    const PlanTotals& plan, std::int64_t meeting_id, Date today,
                                    const JourneyRules& rules);

// Ending support without a reason.
Issues check_review(const ReviewCommand& command);
// No change sets the next review a year on; a new plan goes back to support
// planning with the budget still in place; the end closes the case.
Result<StepOutcome> review(const CaseState& state, const ReviewCommand& command, Date today, const JourneyRules& rules);

Result<StepOutcome> close(const CaseState& state, const CloseCommand& command);

// ------------------------------------------------------------ carers

StepOutcome complete_carer_first_stage(const CaseState& state, const CarerFirstStageCommand& command, Instant now,
                                       const JourneyRules& rules);
// An agreed amount that differs from the indicative amount without a reason.
Issues check_carer_budget(Money indicative_annual, std::optional<Money> agreed_annual, const std::string& reason);
// The full assessment gives the carer an indicative budget from the carers'
// rulebook (`score`); a carer with a budget then goes the way of every budget:
// support planning, sign-off by the same rules, the agreed budget and its
// reviews (docs/api.md, "Carers").
StepOutcome complete_carer_full_assessment(const CaseState& state, const CarerFullAssessmentCommand& command,
                                           const IndicativeScore& score, std::int64_t score_id, Instant now);

// ------------------------------------------------------------ agreed budgets

// Shares scaled to a total, each rounded once and the last non-zero share taking
// what is left, so the scaled shares add up to the total exactly. All zero: the
// last share takes the total.
std::vector<std::int64_t> scale_shares(const std::vector<std::int64_t>& shares, std::int64_t total);

// The agreed personal budget an approved plan gives: the plan's shares by
// delivery option and funding source scaled to the agreed amount, the first
// review after the start.
AgreedBudget agree_budget(const PlanTotals& plan, std::optional<int> plan_version, Money agreed, Date start,
                          const std::optional<IndicativeBudget>& indicative, std::string reason, DecidedBy decided_by,
                          const ReviewRules& rules);

}  // namespace allot::journey
