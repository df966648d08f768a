#include "allot/app/journey/plans.h"

#include <fmt/format.h>

namespace allot::app {
namespace {

journey::Draft draft_of(const JourneyDraft& stored, journey::DraftKind kind) {
  return journey::Draft{kind, stored.document, stored.row_version, stored.updated_by, stored.updated_at};
}

std::string draft_what(journey::DraftKind kind) { return fmt::format("draft {}", journey::draft_kind_id(kind)); }

}  // namespace

Result<std::vector<journey::PlanVersion>> Plans::list(const Principal& principal, Id person_id) {
  Result<std::vector<journey::PlanVersion>> plans =
      core_.read([&](Transaction& tx) -> Result<std::vector<journey::PlanVersion>> {
        if (auto allowed = JourneyCore::check(principal, "people.read", person_id); !allowed) {
          return fail(allowed.error());
        }
        if (auto person = tx.get<PersonRepository>().get(person_id); !person) return fail(person.error());
        return core_.plan_versions(tx, person_id);
      });
  if (!plans) return plans;
  if (auto audited = core_.audit_read(principal, person_subject(person_id), "plans"); !audited) {
    return fail(audited.error());
  }
  return plans;
}

Result<journey::Draft> Plans::get_draft(const Principal& principal, Id person_id, journey::DraftKind kind) {
  Result<JourneyDraft> draft = core_.read([&](Transaction& tx) -> Result<JourneyDraft> {
    if (auto allowed = JourneyCore::check(principal, "people.read", person_id); !allowed) return fail(allowed.error());
    if (auto person = tx.get<PersonRepository>().get(person_id); !person) return fail(person.error());
    return tx.get<JourneyDraftRepository>().get(person_id, journey::draft_kind_id(kind));
  });
  if (!draft) return fail(draft.error());
  if (auto audited = core_.audit_read(principal, person_subject(person_id), draft_what(kind)); !audited) {
    return fail(audited.error());
  }
  return draft_of(*draft, kind);
}

Result<journey::Draft> Plans::save_draft(const Principal& principal, Id person_id, journey::DraftKind kind,
                                         const journey::Parsed<journey::SaveDraftCommand>& command) {
  Result<JourneyDraft> draft = core_.write([&](Transaction& tx) -> Result<JourneyDraft> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    if (!command.issues.empty()) return fail(command.issues);
    if (auto person = tx.get<PersonRepository>().get(person_id); !person) return fail(person.error());
    Result<JourneyDraft> saved = tx.get<JourneyDraftRepository>().save(
        person_id, journey::draft_kind_id(kind), command.command.document, command.command.row_version,
        principal.username, core_.now());
    if (!saved) return saved;
    if (auto audited = core_.audit_change(tx, principal, "update", person_subject(person_id), draft_what(kind));
        !audited) {
      return fail(audited.error());
    }
    return saved;
  });
  if (!draft) return fail(draft.error());
  return draft_of(*draft, kind);
}

}  // namespace allot::app
