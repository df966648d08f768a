#include "allot/app/journey/carers.h"

namespace allot::app {

Result<std::vector<journey::CarerSummary>> Carers::list(const Principal& principal) {
  Result<std::vector<journey::CarerSummary>> carers =
      core_.read([&](Transaction& tx) -> Result<std::vector<journey::CarerSummary>> {
        if (auto allowed = JourneyCore::check(principal, "people.read"); !allowed) return fail(allowed.error());
        PersonQuery query;
        query.carers_only = true;
        query.limit = 10000;
        Result<PersonPage> page = tx.get<PersonRepository>().list(query);
        if (!page) return fail(page.error());
        std::vector<journey::CarerSummary> list;
        for (const PersonRecord& record : page->people) {
          Result<journey::Person> carer = JourneyCore::person_of(record);
          if (!carer) return fail(carer.error());
          Result<LoadedPerson> cared_for = core_.load(tx, *record.index.cares_for);
          if (!cared_for) return fail(cared_for.error());
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
        carer.state, assessment, scored->score.annual, scored->score_id, core_.now());
    return core_.save(tx, principal, *loaded, carer.details, done.state, done.events, "carer_full_assessment");
  });
}

}  // namespace allot::app
