#pragma once
// What a person asks the journey to do, as typed values: person details, a
// contact, each step's command, carers' assessments, a meeting of the Resource
// Allocation Group. journey_io reads them from request bodies (docs/api.md); the
// app's use cases take them.
//
// A command is read in one pass that notes every problem, so a field that could
// not be read is left empty (nothing, "" or false) rather than stopping the read.
// Parsed<T> carries the command with those problems: the use case reports them
// after checking the record's state (a step not allowed now is refused as such,
// whatever its body) and together with the problems only it can find (answers a
// rulebook does not have), so one answer lists every problem.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/journey/carers.h"
#include "allot/journey/case_flow.h"
#include "allot/journey/eligibility.h"
#include "allot/journey/person.h"
#include "allot/journey/sign_off.h"
#include "allot/journey/support_plan.h"

namespace allot::journey {

// A command and the problems found reading it. A command made in code has none.
template <typename Command>
struct Parsed {
  Parsed() = default;
  Parsed(Command command_in, Issues issues_in = {})  // NOLINT: implicit, so a typed command can be passed as is
      : command(std::move(command_in)), issues(std::move(issues_in)) {}
  Command command;
  Issues issues;
};

// Adding a person's record: the details, and the records shown as likely
// duplicates that the one adding it confirmed are a different person
// (journey/duplicates.h).
struct NewPerson {
  PersonDetails details;
  std::vector<std::int64_t> different_from;
};

// Changing a person's details: the details and the row_version read.
struct UpdatePerson {
  PersonDetails details;  // cares_for is ignored: whom a carer cares for is part of the record
  std::optional<std::int64_t> row_version;
};

// A contact (request) opening a new case.
struct ContactCommand {
  std::optional<Date> date;     // nothing: today
  std::string route_of_access;  // code list route_of_access
  std::string requested_by;     // self, family, gp, hospital, other
  bool joint_screening = false;
  std::string reason;
};

struct ScreenCommand {
  std::optional<ScreeningOutcome> outcome;
  bool joint = false;
  std::string reason;
  std::optional<Date> planned_end;  // enablement only; nothing: the usual length
};

struct EndEnablementCommand {
  std::optional<EnablementOutcome> outcome;
  std::string reason;
};

enum class EligibilityFramework { kCareAct, kBanded };
const char* eligibility_framework_id(EligibilityFramework framework);  // "care_act", "banded"

// The eligibility findings of an assessment, as given: a field left out stays
// left out when the assessment is recorded.
struct Eligibility {
  std::optional<EligibilityFramework> framework;
  // care_act
  std::optional<bool> needs_from_impairment_or_illness;
  std::optional<std::vector<OutcomeFinding>> outcomes;  // in the order given
  std::optional<bool> significant_impact_on_wellbeing;
  // banded
  std::optional<NeedBand> band;
};

// The decision the findings give under their framework (a field left out counts
// as not met); not eligible without a framework.
EligibilityDecision decide_eligibility(const Eligibility& eligibility, NeedBand banded_threshold);

// Answers to a rulebook's questions (question id -> answer id). Only the RAS can
// check them, against the rulebook version named, once it is loaded.
struct AnswerSheet {
  std::map<std::string, std::string> answers;
  // Answers given as something other than text: reported where the RAS reports
  // problems with answers, with them.
  Issues not_text;
};

struct AssessCommand {
  std::string rulebook_id;
  std::optional<int> rulebook_version;
  std::optional<AnswerSheet> answers;
  bool joint = false;
  std::vector<std::string> professions;
  std::optional<Money> previous_package_annual;
  std::string reason;
  std::optional<Eligibility> eligibility;
};

struct EquipmentBudgetCommand {
  std::string description;
  std::optional<Money> amount;
  std::optional<Date> start;  // nothing: today
  std::string reason;
};

struct SavePlanCommand {
  std::optional<int> expected_version;  // the latest version read; 0 for the first
  SupportPlan plan;
};

struct SubmitPlanCommand {
  std::optional<int> version;
};

struct DecideCommand {
  std::optional<DecisionOutcome> outcome;
  std::optional<Money> agreed_annual;  // approve_changed_amount only
  std::string reason;
  std::optional<Date> start;  // nothing: today
};

struct ReviewCommand {
  std::optional<Date> date;  // nothing: today
  bool joint = false;
  std::optional<ReviewOutcome> outcome;
  std::string reason;
};

struct CloseCommand {
  std::string reason;
};

using StepCommand = std::variant<ScreenCommand, EndEnablementCommand, AssessCommand, EquipmentBudgetCommand,
                                 SavePlanCommand, SubmitPlanCommand, DecideCommand, ReviewCommand, CloseCommand>;
Step step_of(const StepCommand& command);

struct CarerFirstStageCommand {
  std::optional<CompletedBy> completed_by;
  CarerFirstStage form;
};

struct CarerFullAssessmentCommand {
  std::string rulebook_id;
  std::optional<int> rulebook_version;
  std::optional<AnswerSheet> answers;
  std::optional<Money> agreed_annual;  // nothing: the indicative amount
  std::string reason;
};

struct PanelMember {
  std::string name;
  std::string role;
  std::string agency;
  bool operator==(const PanelMember&) const = default;
};

// One decision as asked of a meeting.
struct PanelDecisionCommand {
  std::int64_t person_id = 0;  // 0: could not be read
  int plan_version = 0;
  std::optional<DecisionOutcome> outcome;
  std::optional<Money> agreed_annual;
  std::string reason;
  std::optional<Date> start;  // nothing: today
};

struct PanelMeetingCommand {
  std::optional<Date> held_on;
  std::vector<PanelMember> members;
  std::vector<PanelDecisionCommand> decisions;
};

// One decision as a meeting recorded it.
struct PanelDecision {
  std::int64_t person_id = 0;
  int plan_version = 0;
  DecisionOutcome outcome = DecisionOutcome::kApprove;
  std::optional<Money> agreed_annual;  // none when returned or declined
  std::string reason;
  bool operator==(const PanelDecision&) const = default;
};

enum class DraftKind { kAssessment, kPlan };
const char* draft_kind_id(DraftKind kind);  // "assessment", "plan"
std::optional<DraftKind> parse_draft_kind(std::string_view id);

// An assessment or plan being typed. The document is the page's own JSON object,
// kept as given.
struct SaveDraftCommand {
  std::optional<std::int64_t> row_version;  // nothing: create
  std::string document;                     // JSON text
};

}  // namespace allot::journey
