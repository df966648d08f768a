#include "allot/app/journey/panel.h"

#include <fmt/format.h>

#include "allot/journey_io/documents.h"

namespace allot::app {
namespace {

using Json = nlohmann::json;

Result<journey::PanelMeeting> meeting_of(const PanelMeeting& stored) {
  Result<std::vector<journey::PanelMember>> members =
      journey_io::panel_members_from_json(Json::parse(stored.members, nullptr, false));
  Result<std::vector<journey::PanelDecision>> decisions =
      journey_io::panel_decisions_from_json(Json::parse(stored.decisions, nullptr, false));
  if (!members || !decisions) {
    return fail(ErrorCode::kInternal, fmt::format("panel_meetings/{}", stored.id),
                "a stored meeting does not read: " + format_issues(members ? decisions.error() : members.error()));
  }
  return journey::PanelMeeting{stored.id,           stored.held_on,    std::move(*members), std::move(*decisions),
                               stored.recorded_by, stored.recorded_at};
}

Issues prefixed(Issues issues, std::string_view prefix) {
  for (Issue& issue : issues) {
    issue.path = issue.path.empty() ? std::string(prefix) : fmt::format("{}.{}", prefix, issue.path);
  }
  return issues;
}

// The meeting as this principal may see it: every decision for a member of the
// panel (panel.read_decisions), else only the decisions about people whose record
// they may read, the rest counted as withheld. The people shown are added to `shown`.
Result<Unit> only_visible(Transaction& tx, const Principal& principal, const AccessService& access,
                          journey::PanelMeeting& meeting, std::vector<Id>& shown) {
  const AccessPolicy& policy = AccessPolicy::standard();
  if (!policy.allows(principal, "panel.read_decisions")) {
    std::vector<journey::PanelDecision> kept;
    for (journey::PanelDecision& decision : meeting.decisions) {
      Result<PersonAccess> known = access.person_access(tx, principal, decision.person_id);
      if (!known) return fail(known.error());
      // A decision is the budget agreed for the person: the money part of their record.
      if (policy.allows(principal, "people.read", Subject{decision.person_id, &*known, RecordPart::kMoney})) {
        kept.push_back(std::move(decision));
      } else {
        ++meeting.decisions_withheld;
      }
    }
    meeting.decisions = std::move(kept);
  }
  for (const journey::PanelDecision& decision : meeting.decisions) shown.push_back(decision.person_id);
  return Unit{};
}

// A decision's person, checked and ready to move on.
struct Decided {
  LoadedPerson loaded;
  journey::PlanTotals totals;
  std::optional<Money> agreed;
};

}  // namespace

Result<std::vector<journey::QueuedPlan>> Panel::queue(const Principal& principal) {
  Result<std::vector<journey::QueuedPlan>> queue =
      core_.read([&](Transaction& tx) -> Result<std::vector<journey::QueuedPlan>> {
        if (auto allowed = JourneyCore::check(principal, "panel.read_queue"); !allowed) return fail(allowed.error());
        PersonQuery query;
        query.awaiting_panel_only = true;
        query.limit = 10000;
        query.visible = core_.access().visibility(principal, "panel.read_queue");
        Result<PersonPage> page = tx.get<PersonRepository>().list(query);
        if (!page) return fail(page.error());
        std::vector<journey::QueuedPlan> plans;
        for (const PersonRecord& record : page->people) {
          Result<journey::Person> person = JourneyCore::person_of(record);
          if (!person) return fail(person.error());
          Result<std::vector<PlanVersionRecord>> versions = tx.get<PlanVersionRepository>().for_person(record.id);
          if (!versions) return fail(versions.error());
          Money annual;
          const int awaiting = person->state.sign_off ? person->state.sign_off->plan_version : 0;
          for (const PlanVersionRecord& version : *versions) {
            if (version.version == awaiting) annual = version.annual;
          }
          plans.push_back(journey::queued_plan(*person, annual));
        }
        journey::sort_queue(plans);
        return plans;
      });
  if (!queue) return queue;
  std::vector<Id> returned;
  for (const journey::QueuedPlan& plan : *queue) returned.push_back(plan.person_id);
  if (auto audited = core_.audit_search(principal, "panel queue", returned); !audited) return fail(audited.error());
  return queue;
}

Result<std::vector<journey::PanelMeeting>> Panel::meetings(const Principal& principal) {
  std::vector<Id> shown;
  Result<std::vector<journey::PanelMeeting>> meetings =
      core_.read([&](Transaction& tx) -> Result<std::vector<journey::PanelMeeting>> {
        if (auto allowed = JourneyCore::check(principal, "panel.read"); !allowed) return fail(allowed.error());
        Result<std::vector<PanelMeeting>> stored = tx.get<PanelMeetingRepository>().list(1000);
        if (!stored) return fail(stored.error());
        std::vector<journey::PanelMeeting> list;
        for (const PanelMeeting& meeting : *stored) {
          Result<journey::PanelMeeting> read = meeting_of(meeting);
          if (!read) return fail(read.error());
          if (auto limited = only_visible(tx, principal, core_.access(), *read, shown); !limited) {
            return fail(limited.error());
          }
          list.push_back(std::move(*read));
        }
        return list;
      });
  if (!meetings) return meetings;
  if (auto audited = core_.audit_search(principal, "panel meetings", shown); !audited) return fail(audited.error());
  return meetings;
}

Result<journey::PanelMeeting> Panel::meeting(const Principal& principal, Id meeting_id) {
  std::vector<Id> shown;
  Result<journey::PanelMeeting> meeting = core_.read([&](Transaction& tx) -> Result<journey::PanelMeeting> {
    if (auto allowed = JourneyCore::check(principal, "panel.read"); !allowed) return fail(allowed.error());
    Result<PanelMeeting> stored = tx.get<PanelMeetingRepository>().get(meeting_id);
    if (!stored) return fail(stored.error());
    Result<journey::PanelMeeting> read = meeting_of(*stored);
    if (!read) return read;
    if (auto limited = only_visible(tx, principal, core_.access(), *read, shown); !limited) return fail(limited.error());
    return read;
  });
  if (!meeting) return meeting;
  if (auto audited = core_.audit_search(principal, fmt::format("panel meeting {}", meeting_id), shown); !audited) {
    return fail(audited.error());
  }
  return meeting;
}

Result<journey::PanelMeeting> Panel::record_meeting(const Principal& principal,
                                                    const journey::Parsed<journey::PanelMeetingCommand>& command) {
  const std::vector<journey::PanelDecisionCommand>& decisions = command.command.decisions;
  return core_.write([&](Transaction& tx) -> Result<journey::PanelMeeting> {
    if (auto allowed = JourneyCore::check(principal, "panel.record"); !allowed) return fail(allowed.error());
    Issues issues = command.issues;
    Issues conflicts;
    std::vector<std::optional<Decided>> people;
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const journey::PanelDecisionCommand& decision = decisions[decision_idx];
      const std::string path = fmt::format("decisions[{}]", decision_idx);
      people.emplace_back();
      if (decision.person_id == 0) continue;
      Result<LoadedPerson> loaded = core_.load(tx, decision.person_id);
      if (!loaded) {
        if (loaded.error().front().code != ErrorCode::kNotFound) return fail(loaded.error());
        issues.push_back({ErrorCode::kUnknownReference, path + ".person_id",
                          fmt::format("there is no person {}", decision.person_id)});
        continue;
      }
      const journey::CaseState& state = loaded->person.state;
      if (!journey::awaits_panel(state) || state.sign_off->plan_version != decision.plan_version) {
        conflicts.push_back({ErrorCode::kConflict, path,
                             fmt::format("person {} has no support plan version {} awaiting the Resource Allocation "
                                         "Group (stage {})",
                                         decision.person_id, decision.plan_version,
                                         state.stage ? journey::stage_id(*state.stage) : "none")});
        continue;
      }
      Result<std::vector<journey::PlanVersion>> plans = core_.plan_versions(tx, decision.person_id);
      if (!plans) return fail(plans.error());
      if (plans->empty()) return fail(ErrorCode::kInternal, path, "a plan awaiting the panel has no saved version");
      Decided decided{std::move(*loaded), plans->back().totals, std::nullopt};
      if (decision.outcome) {
        auto amount = journey::decided_amount(decided.loaded.person.state, *decision.outcome, decision.agreed_annual,
                                              decision.reason, decided.totals);
        if (!amount) {
          for (Issue& issue : prefixed(amount.error(), path)) issues.push_back(std::move(issue));
        } else {
          decided.agreed = *amount;
        }
      }
      people.back() = std::move(decided);
    }
    if (!conflicts.empty()) return fail(conflicts);
    if (!issues.empty()) return fail(issues);

    std::vector<journey::PanelDecision> recorded;
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const journey::PanelDecisionCommand& decision = decisions[decision_idx];
      recorded.push_back(journey::PanelDecision{decision.person_id, decision.plan_version, *decision.outcome,
                                                people[decision_idx]->agreed, decision.reason});
    }
    Result<PanelMeeting> stored = tx.get<PanelMeetingRepository>().add(
        NewPanelMeeting{*command.command.held_on, journey_io::panel_members_to_json(command.command.members).dump(),
                        journey_io::panel_decisions_to_json(recorded).dump(), principal.actor()},
        core_.now());
    if (!stored) return fail(stored.error());
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const Decided& decided = *people[decision_idx];
      const journey::Person& person = decided.loaded.person;
      Result<journey::StepOutcome> outcome =
          journey::decide_at_panel(person.state, recorded[decision_idx], decisions[decision_idx].start, decided.totals,
                                   stored->id, core_.today(), core_.config());
      if (!outcome) return fail(outcome.error());
      Result<journey::Person> saved = core_.save(tx, principal, decided.loaded, person.details, outcome->state,
                                                 outcome->events, "panel_decision");
      if (!saved) return fail(saved.error());
    }
    return meeting_of(*stored);
  });
}

}  // namespace allot::app
