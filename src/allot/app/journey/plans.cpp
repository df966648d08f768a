#include "allot/app/journey/plans.h"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "allot/app/identity/repositories.h"

namespace allot::app {
namespace {

journey::Draft draft_of(const JourneyDraft& stored, journey::DraftKind kind) {
  return journey::Draft{kind, stored.document, stored.row_version, stored.updated_by, stored.updated_at};
}

// The plan as this principal may see it: without its costs unless they see money;
// with only the lines their own agency delivers (named by its name or code) when
// they see only their own work.
void only_parts(journey::PlanVersion& version, bool money, const std::optional<std::string>& own_agency,
                const std::string& own_code) {
  if (own_agency) {
    std::erase_if(version.plan.lines, [&](const journey::PlanLine& line) {
      return line.provider.empty() || (line.provider != *own_agency && line.provider != own_code);
    });
  }
  if (!money) {
    for (journey::PlanLine& line : version.plan.lines) {
      line.unit_cost = Money{};
      line.one_off_amount = Money{};
    }
    version.totals = journey::PlanTotals{};
    version.difference_from_indicative.reset();
  }
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
        Result<std::vector<journey::PlanVersion>> versions = core_.plan_versions(tx, person_id);
        if (!versions) return versions;
        // The parts of this record the principal's roles see, judged by its care
        // team: a role that does not reach this person adds nothing.
        Result<std::optional<PersonAccess>> access = core_.reach(tx, principal, person_id);
        if (!access) return fail(access.error());
        const AccessPolicy& policy = AccessPolicy::standard();
        const Subject subject{person_id, *access ? &**access : nullptr};
        const std::vector<RecordPart> parts = policy.parts_of(principal, "people.read", subject);
        const bool money = std::find(parts.begin(), parts.end(), RecordPart::kMoney) != parts.end();
        std::optional<std::string> own_agency;
        if (policy.own_work_only(principal, "people.read", subject, RecordPart::kPlan)) {
          Result<Agency> agency = tx.get<AgencyRepository>().get(principal.agency_id);
          own_agency = agency ? agency->name : principal.agency;
        }
        for (journey::PlanVersion& version : *versions) only_parts(version, money, own_agency, principal.agency);
        return versions;
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
