#include "allot/app/journey/carers.h"

#include <algorithm>

#include <fmt/format.h>

namespace allot::app {

Result<std::vector<journey::CarerSummary>> Carers::list(const Principal& principal) {
  Result<std::vector<journey::CarerSummary>> carers =
      core_.read([&](Transaction& tx) -> Result<std::vector<journey::CarerSummary>> {
        if (auto allowed = JourneyCore::check(principal, "people.read"); !allowed) return fail(allowed.error());
        // The list shows carers' assessments and budgets: only for roles that see both.
        const std::vector<RecordPart> parts = AccessPolicy::standard().parts_of(principal, "people.read", Subject{});
        for (RecordPart part : {RecordPart::kAssessment, RecordPart::kMoney}) {
          if (std::find(parts.begin(), parts.end(), part) == parts.end()) {
            return fail(ErrorCode::kForbidden, "",
                        fmt::format("the carers list shows the {} part of people's records, which your role does not see",
                                    record_part_id(part)));
          }
        }
        PersonQuery query;
        query.carers_only = true;
        query.limit = 10000;
        query.visible = core_.access().visibility(principal, "people.read");
        Result<PersonPage> page = tx.get<PersonRepository>().list(query);
        if (!page) return fail(page.error());
        std::vector<journey::CarerSummary> list;
        for (const PersonRecord& record : page->people) {
          Result<journey::Person> carer = JourneyCore::person_of(record);
          if (!carer) return fail(carer.error());
          Result<LoadedPerson> cared_for = core_.load(tx, *record.index.cares_for);
          if (!cared_for) return fail(cared_for.error());
          // A row names both the carer and whom they care for: listed only when
          // this user may open both records.
          Result<PersonAccess> access = core_.access().person_access(tx, principal, cared_for->person.id);
          if (!access) return fail(access.error());
          if (!AccessPolicy::standard().allows(principal, "people.read",
                                               Subject{cared_for->person.id, &*access, RecordPart::kIdentity})) {
            continue;
          }
          list.push_back(journey::summarise_carer(*carer, cared_for->person));
        }
        return list;
      });
  if (!carers) return carers;
  std::vector<Id> returned;
  for (const journey::CarerSummary& carer : *carers) returned.push_back(carer.person_id);
  if (auto audited = core_.audit_search(principal, "carers", returned); !audited) return fail(audited.error());
  return carers;
}

Result<journey::Person> Carers::link(const Principal& principal, Id carer_id, Id cares_for) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", carer_id); !allowed) return fail(allowed.error());
    Result<LoadedPerson> loaded = core_.load(tx, carer_id);
    if (!loaded) return fail(loaded.error());
    const journey::Person& carer = loaded->person;
    if (carer.details.cares_for) {
      return fail(ErrorCode::kConflict, "cares_for",
                  fmt::format("this record is already the carer of person {}", *carer.details.cares_for));
    }
    const bool open = carer.state.stage && *carer.state.stage != journey::Stage::kClosed;
    if (open || carer.state.agreed_budget) {
      return fail(ErrorCode::kConflict, "cares_for",
                  "this person has a case or a budget of their own; add the carer as a new record instead");
    }
    if (cares_for == carer_id) return fail(ErrorCode::kInvalidValue, "cares_for", "a person cannot be their own carer");
    Result<PersonRecord> cared_for = tx.get<PersonRepository>().get(cares_for);
    if (!cared_for) return fail(ErrorCode::kUnknownReference, "cares_for", fmt::format("there is no person {}", cares_for));
    if (cared_for->index.cares_for) {
      return fail(ErrorCode::kInvalidValue, "cares_for", "names a carer's record; name the person cared for");
    }
    journey::PersonDetails details = carer.details;
    details.cares_for = cares_for;
    journey::CaseState state = carer.state;
    if (!state.carer) state.carer = journey::CarerAssessments{};
    const journey::Event changed = journey::details_changed(carer.details, details);
    return core_.save(tx, principal, *loaded, details, state, {changed}, "carer link");
  });
}

Result<journey::Person> Carers::first_stage(const Principal& principal, Id person_id,
                                            const journey::Parsed<journey::CarerFirstStageCommand>& command) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    const journey::Person& carer = loaded->person;
    if (Issues refused = journey::refuse_unless_allowed(carer.details, carer.state, "carer_first_stage");
        !refused.empty()) {
      return fail(refused);
    }
    if (!command.issues.empty()) return fail(command.issues);
    const journey::StepOutcome done =
        journey::complete_carer_first_stage(carer.state, command.command, core_.now(), core_.config());
    return core_.save(tx, principal, *loaded, carer.details, done.state, done.events, "carer_first_stage");
  });
}

Result<journey::Person> Carers::full_assessment(const Principal& principal, Id person_id,
                                                const journey::Parsed<journey::CarerFullAssessmentCommand>& command) {
  const journey::CarerFullAssessmentCommand& assessment = command.command;
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    const journey::Person& carer = loaded->person;
    if (Issues refused = journey::refuse_unless_allowed(carer.details, carer.state, "carer_full_assessment");
        !refused.empty()) {
      return fail(refused);
    }
    Issues issues = command.issues;
    std::optional<RecordedScore> scored;
    if (!assessment.rulebook_id.empty() && assessment.rulebook_version && assessment.answers) {
      auto score = core_.score(tx, principal, assessment.rulebook_id, *assessment.rulebook_version,
                               *assessment.answers, issues);
      if (!score) return fail(score.error());
      scored = *score;
    }
    if (scored) {
      Issues budget = journey::check_carer_budget(scored->score.annual, assessment.agreed_annual, assessment.reason);
      issues.insert(issues.end(), budget.begin(), budget.end());
    }
    if (!issues.empty() || !scored) return fail(issues);
    const journey::StepOutcome done = journey::complete_carer_full_assessment(
        carer.state, assessment, scored->score, scored->score_id, core_.now());
    return core_.save(tx, principal, *loaded, carer.details, done.state, done.events, "carer_full_assessment");
  });
}

}  // namespace allot::app
