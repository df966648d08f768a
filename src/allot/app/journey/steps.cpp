#include "allot/app/journey/steps.h"

#include <fmt/format.h>

#include "allot/app/shared/concurrency.h"
#include "allot/journey_io/documents.h"

namespace allot::app {
namespace {

Issues with(Issues issues, const Issues& more) {
  issues.insert(issues.end(), more.begin(), more.end());
  return issues;
}

// One step on a loaded record, inside the step's transaction: the new state and
// events, or the refusal.
class StepTaker {
 public:
  StepTaker(JourneyCore& core, Transaction& tx, const Principal& principal, const LoadedPerson& loaded,
            const Issues& read)
      : core_(core), tx_(tx), principal_(principal), loaded_(loaded), read_(read) {}

  Result<journey::StepOutcome> operator()(const journey::ScreenCommand& command) {
    if (Issues issues = with(read_, journey::check_screen(command, core_.today())); !issues.empty()) return fail(issues);
    return journey::screen(state(), command, core_.today(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::EndEnablementCommand& command) {
    if (!read_.empty()) return fail(read_);
    return journey::end_enablement(state(), command, core_.today());
  }

  Result<journey::StepOutcome> operator()(const journey::AssessCommand& command) {
    Issues issues = read_;
    std::optional<RecordedScore> scored;
    if (!command.rulebook_id.empty() && command.rulebook_version && command.answers) {
      auto score = core_.score(tx_, principal_, command.rulebook_id, *command.rulebook_version, *command.answers, issues);
      if (!score) return fail(score.error());
      scored = *score;
    }
    if (!issues.empty() || !scored) return fail(issues);
    // The assessment is complete: its draft has done its work.
    if (auto removed = tx_.get<JourneyDraftRepository>().remove(person_id(), "assessment"); !removed) {
      return fail(removed.error());
    }
    return journey::assess(state(), command, scored->score, scored->score_id, core_.now(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::EquipmentBudgetCommand& command) {
    if (!read_.empty()) return fail(read_);
    return journey::agree_equipment_budget(state(), command, core_.today(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::SavePlanCommand& command) {
    const int current = state().plan_version.value_or(0);
    if (command.expected_version && *command.expected_version != current) {
      return fail({stale_version_issue(plans_record(), *command.expected_version, current)});
    }
    if (!read_.empty()) return fail(read_);
    const journey::PlanVersion saved =
        journey::next_plan_version(state(), command.plan, principal_.username, core_.now());
    Result<PlanVersionRecord> stored = tx_.get<PlanVersionRepository>().add(
        PlanVersionRecord{person_id(), saved.version, journey_io::plan_version_to_json(saved).dump(),
                          saved.totals.annual, principal_.username, saved.created_at});
    if (!stored) return fail(stored.error());
    if (auto removed = tx_.get<JourneyDraftRepository>().remove(person_id(), "plan"); !removed) {
      return fail(removed.error());
    }
    return journey::save_plan(state(), saved);
  }

  Result<journey::StepOutcome> operator()(const journey::SubmitPlanCommand& command) {
    if (!read_.empty()) return fail(read_);
    const int current = state().plan_version.value_or(0);
    if (current == 0) return fail(ErrorCode::kConflict, "version", "there is no support plan to submit; save one first");
    if (*command.version != current) return fail({stale_version_issue(plans_record(), *command.version, current)});
    Result<journey::PlanTotals> latest = latest_totals();
    if (!latest) return fail(latest.error());
    return journey::submit_plan(state(), *latest, core_.now(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::DecideCommand& command) {
    if (Issues refused = journey::refuse_unless_team_manager_decides(state()); !refused.empty()) return fail(refused);
    Result<journey::PlanTotals> latest = latest_totals();
    if (!latest) return fail(latest.error());
    Issues issues = read_;
    std::optional<Money> agreed;
    if (command.outcome) {
      auto amount = journey::decided_amount(state(), *command.outcome, command.agreed_annual, command.reason, *latest);
      if (!amount) {
        issues = with(std::move(issues), amount.error());
      } else {
        agreed = *amount;
      }
    }
    if (!issues.empty()) return fail(issues);
    return journey::decide(state(), command, agreed, *latest, core_.today(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::ReviewCommand& command) {
    if (Issues issues = with(read_, journey::check_review(command)); !issues.empty()) return fail(issues);
    return journey::review(state(), command, core_.today(), core_.config());
  }

  Result<journey::StepOutcome> operator()(const journey::CloseCommand& command) {
    if (!read_.empty()) return fail(read_);
    return journey::close(state(), command);
  }

 private:
  const journey::CaseState& state() const { return loaded_.person.state; }
  Id person_id() const { return loaded_.record.id; }
  std::string plans_record() const { return fmt::format("support_plans/{}", person_id()); }

  // The totals of the person's latest plan version.
  Result<journey::PlanTotals> latest_totals() {
    Result<std::vector<journey::PlanVersion>> plans = core_.plan_versions(tx_, person_id());
    if (!plans) return fail(plans.error());
    if (plans->empty()) return fail(ErrorCode::kConflict, "version", "there is no support plan; save one first");
    return plans->back().totals;
  }

  JourneyCore& core_;
  Transaction& tx_;
  const Principal& principal_;
  const LoadedPerson& loaded_;
  const Issues& read_;
};

}  // namespace

Result<journey::Person> Steps::record_contact(const Principal& principal, Id person_id,
                                              const journey::Parsed<journey::ContactCommand>& contact) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    const journey::Person& person = loaded->person;
    if (Issues refused = journey::refuse_unless_allowed(person.details, person.state, "contact"); !refused.empty()) {
      return fail(refused);
    }
    if (Issues issues = with(contact.issues, journey::check_contact(contact.command, core_.today())); !issues.empty()) {
      return fail(issues);
    }
    const journey::StepOutcome opened = journey::open_case(person.state, contact.command, core_.today());
    return core_.save(tx, principal, *loaded, person.details, opened.state, opened.events, "contact");
  });
}

Result<journey::Person> Steps::take(const Principal& principal, Id person_id,
                                    const journey::Parsed<journey::StepCommand>& step) {
  const journey::Step which = journey::step_of(step.command);
  const char* name = journey::step_id(which);
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    // Signing off a plan within a team manager's authority.
    if (which == journey::Step::kDecide) {
      if (auto allowed = JourneyCore::check(principal, "people.decide", person_id); !allowed) return fail(allowed.error());
    }
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    const journey::Person& person = loaded->person;
    if (Issues refused = journey::refuse_unless_allowed(person.details, person.state, name); !refused.empty()) {
      return fail(refused);
    }
    Result<journey::StepOutcome> outcome =
        std::visit(StepTaker(core_, tx, principal, *loaded, step.issues), step.command);
    if (!outcome) return fail(outcome.error());
    return core_.save(tx, principal, *loaded, person.details, outcome->state, outcome->events, name);
  });
}

}  // namespace allot::app
