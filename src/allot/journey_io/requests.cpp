#include "allot/journey_io/requests.h"

#include <algorithm>
#include <array>
#include <limits>

#include <fmt/format.h>

#include "allot/journey/steps.h"
#include "allot/journey_io/reader.h"

namespace allot::journey_io {

using detail::Reader;
using journey::Parsed;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
// Amounts a plan line may give before check_support_plan reports a negative one.
constexpr std::int64_t kLowest = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t kHighestPence = kMaxPence;
// Units a week that can be read at all (so comparing them stays exact);
// check_support_plan bounds them by the unit.
constexpr std::int64_t kMostUnitsRead = 1'000'000'000'000;
constexpr const char* kDecisionOutcomes = "approve, approve_changed_amount, return, decline";
constexpr const char* kDeliveryOptions = "direct_payment, individual_service_fund, council_arranged";

void check_code(Reader& reader, const char* key, const std::string& value, const journey::CodeLists& codes,
                const char* list_name) {
  if (value.empty()) return;
  const journey::CodeList* list = codes.find(list_name);
  if (list != nullptr && !list->contains(value)) {
    reader.problem(ErrorCode::kUnknownReference, key,
                   fmt::format("unknown code \"{}\"; expected one of {}", value, list->codes_text()));
  }
}

std::optional<int> small(const std::optional<std::int64_t>& value) {
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

journey::PersonDetails read_details(Reader& reader) {
  journey::PersonDetails person;
  person.given_name = reader.text("given_name", false, kNameText);
  person.family_name = reader.text("family_name", false, kNameText);
  person.date_of_birth = reader.date("date_of_birth", false);
  person.nhs_number = reader.text("nhs_number", false, kCodeText);
  person.address = reader.text("address", false, kAddressText);
  person.postcode = reader.text("postcode", false, kCodeText);
  person.latitude = reader.number("latitude");
  person.longitude = reader.number("longitude");
  person.primary_support_reason = reader.text("primary_support_reason", false, kCodeText);
  person.client_group = reader.text("client_group", false, kCodeText);
  person.has_unpaid_carer = reader.boolean("has_unpaid_carer", false);
  person.accommodation_status = reader.text("accommodation_status", false, kCodeText);
  person.employment_status = reader.text("employment_status", false, kCodeText);
  person.locality = reader.text("locality", true, kLineText);
  person.team = reader.text("team", true, kLineText);
  person.cares_for = reader.integer("cares_for", false, 1, kMaxId);
  return person;
}

// Answers as the RAS reads them: text only; anything else is noted for the RAS's
// own report (ras::read_answers).
journey::AnswerSheet read_answers(const Json& answers) {
  journey::AnswerSheet sheet;
  for (const auto& [question_id, answer] : answers.items()) {
    if (!answer.is_string()) {
      sheet.not_text.push_back({ErrorCode::kWrongType, "answers." + question_id,
                                std::string("must be an answer id (text); found ") + answer.type_name()});
      continue;
    }
    sheet.answers[question_id] = answer.get<std::string>();
  }
  return sheet;
}

std::vector<journey::OutcomeFinding> read_outcomes(const Json& outcomes, Issues& issues) {
  std::vector<journey::OutcomeFinding> findings;
  for (const auto& [outcome_id, inabilities] : outcomes.items()) {
    const std::string path = fmt::format("eligibility.outcomes.{}", outcome_id);
    const auto parsed = journey::parse_care_act_outcome(outcome_id);
    if (!parsed) {
      issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("unknown outcome \"{}\"", outcome_id)});
      continue;
    }
    journey::OutcomeFinding finding{*parsed, {}};
    if (!inabilities.is_array()) {
      issues.push_back({ErrorCode::kWrongType, path, "expected a list of inabilities"});
      continue;
    }
    for (const Json& inability : inabilities) {
      const auto parsed_inability =
          inability.is_string() ? journey::parse_inability(inability.get<std::string>()) : std::nullopt;
      if (!parsed_inability) {
        issues.push_back({ErrorCode::kInvalidValue, path,
                          fmt::format("unknown inability {}; expected one of cannot_without_assistance, "
                                      "significant_pain_distress_or_anxiety, endangers_health_or_safety, "
                                      "takes_significantly_longer",
                                      inability.dump())});
      } else {
        finding.inabilities.push_back(*parsed_inability);
      }
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

journey::Eligibility read_eligibility(const Json& json, Issues& issues) {
  Reader reader(json, "eligibility", issues);
  journey::Eligibility eligibility;
  const std::string framework = reader.text("framework", true, kCodeText);
  if (framework == "care_act") {
    eligibility.framework = journey::EligibilityFramework::kCareAct;
    eligibility.needs_from_impairment_or_illness = reader.optional_boolean("needs_from_impairment_or_illness");
    eligibility.significant_impact_on_wellbeing = reader.optional_boolean("significant_impact_on_wellbeing");
    if (const Json* outcomes = reader.object("outcomes", false)) eligibility.outcomes = read_outcomes(*outcomes, issues);
  } else if (framework == "banded") {
    eligibility.framework = journey::EligibilityFramework::kBanded;
    eligibility.band = reader.choice("band", true, journey::parse_need_band, "low, moderate, substantial, critical");
  } else if (!framework.empty()) {
    reader.problem(ErrorCode::kInvalidValue, "framework",
                   fmt::format("unknown framework \"{}\"; expected care_act or banded", framework));
  }
  return eligibility;
}

journey::SupportPlan read_plan(Reader& reader, const journey::CodeLists& codes, Issues& issues) {
  journey::SupportPlan plan;
  plan.outcomes = reader.texts("outcomes", true, kParagraphText);
  const Json* lines = reader.array("lines", true);
  if (lines == nullptr) return plan;
  for (std::size_t line_idx = 0; line_idx < lines->size(); ++line_idx) {
    Reader line_reader((*lines)[line_idx], reader.path(fmt::format("lines[{}]", line_idx)), issues);
    journey::PlanLine line;
    line.description = line_reader.text("description", false, kLineText);
    line.service_component = line_reader.text("service_component", true, kCodeText);
    check_code(line_reader, "service_component", line.service_component, codes, "service_component");
    line.provider = line_reader.text("provider", false, kLineText);
    if (auto unit = line_reader.choice("unit", true, journey::parse_plan_unit, "hour, day, night, week, one_off")) {
      line.unit = *unit;
    }
    // Negative amounts are checked by check_support_plan, with the plan's paths.
    if (auto cost = line_reader.integer("unit_cost_pence", true, kLowest, kHighestPence)) {
      line.unit_cost = Money::from_pence(*cost);
    }
    if (auto one_off = line_reader.integer("one_off_pence", false, kLowest, kHighestPence)) {
      line.one_off_amount = Money::from_pence(*one_off);
    }
    if (const Json* units = line_reader.find("units_per_week", false)) {
      std::optional<Fraction> parsed;
      if (units->is_string()) parsed = Fraction::parse(units->get<std::string>());
      if (units->is_number_integer()) parsed = Fraction(units->get<std::int64_t>());
      if (units->is_number_float()) parsed = Fraction::from_double(units->get<double>());
      if (!parsed) {
        line_reader.problem(ErrorCode::kInvalidValue, "units_per_week",
                            fmt::format("found {}; expected a number such as 3.5", units->dump()));
      } else if (*parsed > Fraction(kMostUnitsRead) || *parsed < Fraction(-kMostUnitsRead)) {
        line_reader.problem(ErrorCode::kInvalidValue, "units_per_week",
                            fmt::format("must be from 0 to {}; found {}", kMostUnitsRead, parsed->to_string()));
      } else {
        line.units_per_week = *parsed;
      }
    }
    if (auto delivery = line_reader.choice("delivery", true, journey::parse_delivery_option, kDeliveryOptions)) {
      line.delivery = *delivery;
    }
    if (auto nhs = line_reader.integer("nhs_percent", false, kLowest, std::numeric_limits<std::int64_t>::max() / 4)) {
      line.nhs_percent = *nhs;
    }
    if (auto carers = line_reader.integer("carers", false, kLowest, std::numeric_limits<std::int64_t>::max() / 4)) {
      line.carers = *carers;
    }
    plan.lines.push_back(std::move(line));
  }
  return plan;
}

journey::StepCommand read_step_body(journey::Step step, Reader& reader, const journey::CodeLists& codes,
                                    Issues& issues) {
  switch (step) {
    case journey::Step::kScreen: {
      journey::ScreenCommand command;
      command.outcome = reader.choice("outcome", true, journey::parse_screening_outcome,
                                      "information_and_advice, signposting, enablement, assessment");
      command.joint = reader.boolean("joint", false);
      command.reason = reader.text("reason", false, kParagraphText);
      command.planned_end = reader.date("planned_end", false);
      return command;
    }
    case journey::Step::kEndEnablement: {
      journey::EndEnablementCommand command;
      command.outcome = reader.choice("outcome", true, journey::parse_enablement_outcome,
                                      "independent, reduced_need, ongoing_support");
      command.reason = reader.text("reason", false, kParagraphText);
      return command;
    }
    case journey::Step::kAssess: {
      journey::AssessCommand command;
      command.rulebook_id = reader.text("rulebook_id", true, kCodeText);
      command.rulebook_version = small(reader.integer("rulebook_version", true, 1, 1000000));
      if (const Json* answers = reader.object("answers", true)) command.answers = read_answers(*answers);
      command.joint = reader.boolean("joint", false);
      command.professions = reader.texts("professions", false, kLineText);
      if (auto problem = journey::check_joint_professions(command.joint, command.professions)) {
        issues.push_back(*problem);
      }
      command.previous_package_annual = reader.pence("previous_package_annual_pence", false);
      command.reason = reader.text("reason", false, kParagraphText);
      if (const Json* eligibility = reader.object("eligibility", true)) {
        command.eligibility = read_eligibility(*eligibility, issues);
      }
      return command;
    }
    case journey::Step::kAgreeEquipmentBudget: {
      journey::EquipmentBudgetCommand command;
      command.description = reader.text("description", true, kLineText);
      command.amount = reader.pence("amount_pence", true);
      command.start = reader.date("start", false);
      command.reason = reader.text("reason", false, kParagraphText);
      return command;
    }
    case journey::Step::kSavePlan: {
      journey::SavePlanCommand command;
      command.expected_version = small(reader.integer("expected_version", true, 0, 1000000));
      command.plan = read_plan(reader, codes, issues);
      // A field that did not read is not reported again by the plan's own checks.
      for (Issue& issue : journey::check_support_plan(command.plan)) {
        const bool reported = std::any_of(issues.begin(), issues.end(),
                                          [&](const Issue& read) { return read.path == issue.path; });
        if (!reported) issues.push_back(std::move(issue));
      }
      return command;
    }
    case journey::Step::kSubmitPlan: {
      journey::SubmitPlanCommand command;
      command.version = small(reader.integer("version", true, 1, 1000000));
      return command;
    }
    case journey::Step::kDecide: {
      journey::DecideCommand command;
      command.outcome = reader.choice("outcome", true, journey::parse_decision_outcome, kDecisionOutcomes);
      command.agreed_annual = reader.pence("agreed_annual_pence", false);
      command.reason = reader.text("reason", false, kParagraphText);
      command.start = reader.date("start", false);
      return command;
    }
    case journey::Step::kReview: {
      journey::ReviewCommand command;
      command.date = reader.date("date", false);
      command.joint = reader.boolean("joint", false);
      command.outcome = reader.choice("outcome", true, journey::parse_review_outcome, "no_change, new_plan, end");
      command.reason = reader.text("reason", false, kParagraphText);
      return command;
    }
    case journey::Step::kClose: {
      journey::CloseCommand command;
      command.reason = reader.text("reason", true, kParagraphText);
      return command;
    }
  }
  return journey::CloseCommand{};
}

}  // namespace

Parsed<journey::PersonDetails> read_person_details(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::PersonDetails details = read_details(reader);
  return {std::move(details), std::move(issues)};
}

Parsed<journey::NewPerson> read_new_person(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::NewPerson command;
  command.details = read_details(reader);
  if (const Json* list = reader.array("different_from", false)) {
    for (std::size_t other_idx = 0; other_idx < list->size(); ++other_idx) {
      const Json& other = (*list)[other_idx];
      if (!other.is_number_integer() || other.get<std::int64_t>() < 1 ||
          (other.is_number_unsigned() && other.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxId))) {
        reader.problem(ErrorCode::kInvalidValue, fmt::format("different_from[{}]", other_idx),
                       fmt::format("expected a person's id; found {}", other.dump()));
        continue;
      }
      command.different_from.push_back(other.get<std::int64_t>());
    }
  }
  return {std::move(command), std::move(issues)};
}

Parsed<journey::UpdatePerson> read_update_person(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::UpdatePerson command;
  command.details = read_details(reader);
  command.row_version = reader.integer("row_version", true, 1, kMaxId);
  return {std::move(command), std::move(issues)};
}

Parsed<journey::ContactCommand> read_contact(const Json& body, const journey::CodeLists& codes) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::ContactCommand command;
  command.date = reader.date("date", false);
  command.route_of_access = reader.text("route_of_access", true, kCodeText);
  check_code(reader, "route_of_access", command.route_of_access, codes, "route_of_access");
  command.requested_by = reader.text("requested_by", true, kCodeText);
  static constexpr std::array<std::string_view, 5> kRequesters = {"self", "family", "gp", "hospital", "other"};
  if (!command.requested_by.empty() &&
      std::find(kRequesters.begin(), kRequesters.end(), command.requested_by) == kRequesters.end()) {
    reader.problem(ErrorCode::kInvalidValue, "requested_by",
                   fmt::format("unknown value \"{}\"; expected one of self, family, gp, hospital, other",
                               command.requested_by));
  }
  command.joint_screening = reader.boolean("joint_screening", false);
  command.reason = reader.text("reason", false, kParagraphText);
  return {std::move(command), std::move(issues)};
}

Result<Parsed<journey::StepCommand>> read_step(std::string_view step, const Json& body,
                                               const journey::CodeLists& codes) {
  const std::optional<journey::Step> parsed = journey::parse_step(step);
  if (!parsed) {
    return fail(ErrorCode::kNotFound, "step",
                fmt::format("no step \"{}\"; expected one of screen, end_enablement, assess, agree_equipment_budget, "
                            "save_plan, submit_plan, decide, review, close",
                            step));
  }
  Issues issues;
  Reader reader(body, "", issues);
  journey::StepCommand command = read_step_body(*parsed, reader, codes, issues);
  return Parsed<journey::StepCommand>{std::move(command), std::move(issues)};
}

Parsed<journey::CarerFirstStageCommand> read_carer_first_stage(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::CarerFirstStageCommand command;
  const std::string completed_by = reader.text("completed_by", true, kCodeText);
  if (!completed_by.empty()) {
    command.completed_by = journey::parse_completed_by(completed_by);
    if (!command.completed_by) {
      reader.problem(ErrorCode::kInvalidValue, "completed_by",
                     fmt::format("unknown value \"{}\"; expected carer or partner_organisation", completed_by));
    }
  }
  journey::CarerFirstStage& form = command.form;
  const std::pair<const char*, std::int64_t*> fields[] = {{"hours_caring_per_week", &form.hours_caring_per_week},
                                                          {"health_impact", &form.health_impact},
                                                          {"breaks_impact", &form.breaks_impact},
                                                          {"work_learning_impact", &form.work_learning_impact},
                                                          {"relationships_impact", &form.relationships_impact},
                                                          {"willingness_impact", &form.willingness_impact}};
  for (const auto& [key, target] : fields) {
    const bool hours = std::string_view(key) == "hours_caring_per_week";
    if (auto value = reader.integer(key, true, 0, hours ? 168 : 3)) *target = *value;
  }
  if (issues.empty()) issues = journey::check_carer_first_stage(form);
  return {std::move(command), std::move(issues)};
}

Parsed<journey::CarerFullAssessmentCommand> read_carer_full_assessment(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::CarerFullAssessmentCommand command;
  command.rulebook_id = reader.text("rulebook_id", true, kCodeText);
  command.rulebook_version = small(reader.integer("rulebook_version", true, 1, 1000000));
  if (const Json* answers = reader.object("answers", true)) command.answers = read_answers(*answers);
  command.agreed_annual = reader.pence("agreed_annual_pence", false);
  command.reason = reader.text("reason", false, kParagraphText);
  return {std::move(command), std::move(issues)};
}

Parsed<journey::PanelMeetingCommand> read_panel_meeting(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::PanelMeetingCommand command;
  command.held_on = reader.date("held_on", true);
  if (const Json* list = reader.array("members", true)) {
    if (list->empty()) reader.problem(ErrorCode::kMissingField, "members", "record the members present");
    for (std::size_t member_idx = 0; member_idx < list->size(); ++member_idx) {
      Reader member((*list)[member_idx], fmt::format("members[{}]", member_idx), issues);
      journey::PanelMember present;
      present.name = member.text("name", true, kNameText);
      present.role = member.text("role", true, kLineText);
      present.agency = member.text("agency", true, kLineText);
      command.members.push_back(std::move(present));
    }
  }
  if (const Json* list = reader.array("decisions", true)) {
    if (list->empty()) reader.problem(ErrorCode::kMissingField, "decisions", "a meeting records at least one decision");
    for (std::size_t decision_idx = 0; decision_idx < list->size(); ++decision_idx) {
      Reader item((*list)[decision_idx], fmt::format("decisions[{}]", decision_idx), issues);
      journey::PanelDecisionCommand decision;
      decision.person_id = item.integer("person_id", true, 1, kMaxId).value_or(0);
      decision.plan_version = static_cast<int>(item.integer("plan_version", true, 1, 1000000).value_or(0));
      decision.outcome = item.choice("outcome", true, journey::parse_decision_outcome, kDecisionOutcomes);
      decision.agreed_annual = item.pence("agreed_annual_pence", false);
      decision.reason = item.text("reason", false, kParagraphText);
      decision.start = item.date("start", false);
      command.decisions.push_back(std::move(decision));
    }
  }
  return {std::move(command), std::move(issues)};
}

Result<journey::DraftKind> read_draft_kind(std::string_view kind) {
  if (auto parsed = journey::parse_draft_kind(kind)) return *parsed;
  return fail(ErrorCode::kNotFound, "kind", fmt::format("no draft kind \"{}\"; expected assessment or plan", kind));
}

Parsed<journey::SaveDraftCommand> read_save_draft(const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  journey::SaveDraftCommand command;
  command.row_version = reader.integer("row_version", false, 1, kMaxId);
  if (const Json* document = reader.object("document", true)) command.document = document->dump();
  return {std::move(command), std::move(issues)};
}

}  // namespace allot::journey_io
