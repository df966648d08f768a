#include "allot/app/casework/caseload.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/access/access_service.h"
#include "allot/app/access/repositories.h"
#include "allot/app/casework/case_text.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/casework/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

// An open case as read for a caseload: the person, where their case stands and
// who it is allocated to.
struct OpenCase {
  journey::Person person;
  CaseloadEntry entry;
  std::vector<PersonEvent> events;
};

// A carer's record has no journey stage; it is open while an assessment is
// outstanding (the first stage, or a full assessment the first stage referred).
bool carer_assessment_outstanding(const journey::Person& person) {
  const std::optional<journey::CarerAssessments>& carer = person.state.carer;
  if (!journey::is_carer(person.details) || !carer) return false;
  if (!carer->first_stage) return true;
  return carer->first_stage->refer_for_full_assessment && !carer->full_assessment;
}

bool is_open(const journey::Person& person) {
  if (person.state.stage) return *person.state.stage != journey::Stage::kClosed;
  return carer_assessment_outstanding(person);
}

// The allocation in force: the latest reallocation, unless the case was opened
// again since (then the worker who opened it), and for a case never reallocated
// the worker who opened it. The record's creator stands in for a carer's record,
// which opens no case.
CaseloadEntry allocation_of(const journey::Person& person, const std::vector<PersonEvent>& events,
                            const std::optional<Allocation>& latest) {
  CaseloadEntry entry;
  entry.person_id = person.id;
  entry.given_name = person.details.given_name;
  entry.family_name = person.details.family_name;
  entry.stage = person.state.stage ? journey::stage_id(*person.state.stage) : "";
  entry.locality = person.details.locality;
  entry.cares_for = person.details.cares_for;
  entry.review_due = journey::review_due(person.state);
  const PersonEvent* opened = nullptr;
  for (const PersonEvent& event : events) {
    if (event.kind == "contact" || (opened == nullptr && event.kind == "person_created")) opened = &event;
  }
  if (latest && (opened == nullptr || latest->allocated_at >= opened->at)) {
    entry.worker = latest->worker;
    entry.team = latest->team;
    entry.allocated_at = latest->allocated_at;
  } else if (opened != nullptr) {
    entry.worker = opened->actor;
    entry.team = person.details.team;
    entry.allocated_at = opened->at;
    entry.opened_by_worker = true;
  }
  return entry;
}

// The open cases among the people `visible` lets this user see (their care teams).
Result<std::vector<OpenCase>> open_cases(Transaction& tx, const PersonVisibility& visible) {
  PersonQuery query;
  query.limit = 10000;
  query.visible = visible;
  Result<PersonPage> page = tx.get<PersonRepository>().list(query);
  if (!page) return pass(page);
  Result<std::vector<Allocation>> allocations = tx.get<AllocationRepository>().latest();
  if (!allocations) return pass(allocations);
  std::map<Id, Allocation> latest;
  for (const Allocation& allocation : *allocations) latest[allocation.person_id] = allocation;
  std::vector<OpenCase> cases;
  for (const PersonRecord& record : page->people) {
    Result<journey::Person> person = JourneyCore::person_of(record);
    if (!person) return pass(person);
    if (!is_open(*person)) continue;
    Result<std::vector<PersonEvent>> events = tx.get<PersonEventRepository>().for_person(record.id);
    if (!events) return pass(events);
    const auto found = latest.find(record.id);
    std::optional<Allocation> allocation;
    if (found != latest.end()) allocation = found->second;
    CaseloadEntry entry = allocation_of(*person, *events, allocation);
    cases.push_back(OpenCase{std::move(*person), std::move(entry), std::move(*events)});
  }
  return cases;
}

// True when the latest word on the plan is a decision to return it.
bool plan_returned(const std::vector<PersonEvent>& events) {
  for (auto event = events.rbegin(); event != events.rend(); ++event) {
    if (event->kind == "plan_saved" || event->kind == "plan_submitted") return false;
    if (event->kind == "sign_off_decision" || event->kind == "panel_decision") {
      const nlohmann::json payload = nlohmann::json::parse(event->payload, nullptr, false);
      return payload.is_object() && payload.value("outcome", "") == "return";
    }
  }
  return false;
}

std::string return_reason(const std::vector<PersonEvent>& events) {
  for (auto event = events.rbegin(); event != events.rend(); ++event) {
    if (event->kind == "sign_off_decision" || event->kind == "panel_decision") return event->reason;
  }
  return "";
}

Date today_of(Timestamp now) { return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now))); }

std::string person_path(Id id) { return fmt::format("/people/{}", id); }

Result<bool> has_draft(Transaction& tx, Id person_id, std::string_view kind, Timestamp& updated_at) {
  Result<JourneyDraft> draft = tx.get<JourneyDraftRepository>().get(person_id, kind);
  if (draft) {
    updated_at = draft->updated_at;
    return true;
  }
  if (draft.error().size() == 1 && draft.error().front().code == ErrorCode::kNotFound) return false;
  return pass(draft);
}

// The tasks an open case holds. `for_manager`: the team manager's view, where a
// plan routed to them is theirs to decide.
Result<std::vector<CaseTask>> tasks_of(Transaction& tx, const OpenCase& open, Date today, int reviews_due_days,
                                       bool for_manager) {
  const journey::Person& person = open.person;
  const Id id = person.id;
  std::vector<CaseTask> tasks;
  auto add = [&](std::string kind, std::string what, std::string href, std::optional<Date> due = std::nullopt) {
    tasks.push_back(CaseTask{id, person.details.given_name, person.details.family_name, std::move(kind),
                             std::move(what), std::move(href), open.entry.worker, due});
  };
  if (journey::is_carer(person.details) && carer_assessment_outstanding(person)) {
    const bool first_done = person.state.carer && person.state.carer->first_stage;
    add(first_done ? "carer_full_assessment" : "carer_first_stage",
        first_done ? "Carer’s full assessment to do (referred by the first stage)" : "Carer’s first-stage assessment to do",
        person_path(id) + "/carer");
  }
  if (!person.state.stage) return tasks;
  Timestamp draft_at;
  switch (*person.state.stage) {
    case journey::Stage::kScreening:
      add("screening", "Contact to screen", person_path(id));
      break;
    case journey::Stage::kEnablement:
      if (person.state.enablement && person.state.enablement->planned_end <= today) {
        add("end_enablement", "Enablement planned to end: record how it ended", person_path(id),
            person.state.enablement->planned_end);
      }
      break;
    case journey::Stage::kAssessment: {
      Result<bool> draft = has_draft(tx, id, "assessment", draft_at);
      if (!draft) return pass(draft);
      if (*draft) {
        add("assessment_in_progress", "Assessment in progress (draft saved)", person_path(id) + "/assessment");
      } else {
        add("assessment_to_do", "Assessment to do", person_path(id) + "/assessment");
      }
      break;
    }
    case journey::Stage::kSupportPlanning: {
      if (plan_returned(open.events)) {
        const std::string reason = return_reason(open.events);
        add("plan_returned", reason.empty() ? "Support plan returned" : "Support plan returned: " + reason,
            person_path(id) + "/plan");
        break;
      }
      Result<bool> draft = has_draft(tx, id, "plan", draft_at);
      if (!draft) return pass(draft);
      if (*draft) {
        add("plan_draft", "Support plan draft to finish", person_path(id) + "/plan");
      } else {
        add("plan_to_write", "Support plan to write", person_path(id) + "/plan");
      }
      break;
    }
    case journey::Stage::kAwaitingSignOff: {
      const bool to_manager =
          person.state.sign_off && person.state.sign_off->route == journey::SignOffRoute::kTeamManager;
      if (for_manager && to_manager) {
        add("sign_off_to_decide", "Support plan to sign off", "/sign-offs");
      } else {
        add("sign_off_waiting",
            to_manager ? "Waiting for the team manager’s sign-off" : "Waiting for the Resource Allocation Group",
            person_path(id));
      }
      break;
    }
    case journey::Stage::kActive:
      if (open.entry.review_due && *open.entry.review_due <= today.plus_days(reviews_due_days)) {
        add("review_due", *open.entry.review_due < today ? "Review overdue" : "Review due", person_path(id),
            open.entry.review_due);
      }
      break;
    case journey::Stage::kClosed:
      break;
  }
  return tasks;
}

constexpr const char* kTaskOrder[] = {"plan_returned",     "sign_off_to_decide",    "review_due",
                                      "screening",         "assessment_in_progress", "assessment_to_do",
                                      "plan_draft",        "plan_to_write",         "end_enablement",
                                      "carer_first_stage", "carer_full_assessment", "sign_off_waiting"};

int task_rank(const std::string& kind) {
  for (std::size_t index = 0; index < std::size(kTaskOrder); ++index) {
    if (kind == kTaskOrder[index]) return static_cast<int>(index);
  }
  return static_cast<int>(std::size(kTaskOrder));
}

void sort_caseload(std::vector<CaseloadEntry>& cases, std::vector<CaseTask>& tasks) {
  std::sort(cases.begin(), cases.end(), [](const CaseloadEntry& left, const CaseloadEntry& right) {
    return std::tie(left.family_name, left.given_name, left.person_id) <
           std::tie(right.family_name, right.given_name, right.person_id);
  });
  std::stable_sort(tasks.begin(), tasks.end(), [](const CaseTask& left, const CaseTask& right) {
    const Date far = *Date::parse("9999-12-31");
    return std::make_tuple(task_rank(left.kind), left.due.value_or(far), left.family_name, left.given_name,
                           left.person_id) < std::make_tuple(task_rank(right.kind), right.due.value_or(far),
                                                             right.family_name, right.given_name, right.person_id);
  });
}

std::vector<std::string> teams_of(const std::vector<Team>& teams, const std::string& username, bool managed_only) {
  std::vector<std::string> names;
  for (const Team& team : teams) {
    for (const TeamMember& member : team.members) {
      if (member.username == username && (!managed_only || member.manager)) names.push_back(team.name);
    }
  }
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Result<Caseload> CaseloadService::mine(const Principal& by) {
  const Date today = today_of(clock_.now());
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Caseload> {
    if (auto allowed = AccessPolicy::standard().check(by, "caseload.read"); !allowed) return pass(allowed);
    Result<std::vector<Team>> teams = tx.get<TeamRepository>().list();
    if (!teams) return pass(teams);
    Result<std::vector<OpenCase>> cases =
        open_cases(tx, AccessService(store_, clock_).visibility(by, "caseload.read"));
    if (!cases) return pass(cases);
    Caseload caseload;
    caseload.worker = by.username;
    caseload.teams = teams_of(*teams, by.username, false);
    const std::vector<std::string> managed = teams_of(*teams, by.username, true);
    for (const OpenCase& open : *cases) {
      const bool own = open.entry.worker == by.username;
      // A team manager's own tasks include the plans of their teams routed to them.
      const bool to_decide = contains(managed, open.entry.team) && open.person.state.sign_off &&
                             open.person.state.stage == journey::Stage::kAwaitingSignOff &&
                             open.person.state.sign_off->route == journey::SignOffRoute::kTeamManager;
      if (!own && !to_decide) continue;
      if (own) caseload.cases.push_back(open.entry);
      Result<std::vector<CaseTask>> tasks = tasks_of(tx, open, today, reviews_due_days_, to_decide);
      if (!tasks) return pass(tasks);
      for (CaseTask& task : *tasks) {
        if (own || task.kind == "sign_off_to_decide") caseload.tasks.push_back(std::move(task));
      }
    }
    sort_caseload(caseload.cases, caseload.tasks);
    return caseload;
  });
}

Result<TeamCaseload> CaseloadService::team(const Principal& by, Id team_id) {
  const Date today = today_of(clock_.now());
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<TeamCaseload> {
    if (auto allowed = AccessPolicy::standard().check(by, "caseload.read_team"); !allowed) return pass(allowed);
    Result<std::vector<Team>> teams = tx.get<TeamRepository>().list();
    if (!teams) return pass(teams);
    const auto found = std::find_if(teams->begin(), teams->end(), [&](const Team& team) { return team.id == team_id; });
    if (found == teams->end()) return fail(ErrorCode::kNotFound, "id", fmt::format("there is no team {}", team_id));
    const std::string& team_name = found->name;
    if (!by.has_role(Role::kAdministrator) && !contains(teams_of(*teams, by.username, true), team_name)) {
      return fail(ErrorCode::kForbidden, "team", fmt::format("only a manager of {} may see its caseload", team_name));
    }
    Result<std::vector<OpenCase>> cases =
        open_cases(tx, AccessService(store_, clock_).visibility(by, "caseload.read_team"));
    if (!cases) return pass(cases);
    TeamCaseload caseload;
    caseload.team = *found;
    for (const OpenCase& open : *cases) {
      if (open.entry.team != team_name) continue;
      caseload.cases.push_back(open.entry);
      Result<std::vector<CaseTask>> tasks = tasks_of(tx, open, today, reviews_due_days_, true);
      if (!tasks) return pass(tasks);
      caseload.tasks.insert(caseload.tasks.end(), tasks->begin(), tasks->end());
    }
    sort_caseload(caseload.cases, caseload.tasks);
    return caseload;
  });
}

Result<std::vector<Team>> CaseloadService::teams(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<Team>> {
    if (auto allowed = AccessPolicy::standard().check(by, "caseload.read"); !allowed) return pass(allowed);
    return tx.get<TeamRepository>().list();
  });
}

Result<std::vector<Allocation>> CaseloadService::history(const Principal& by, Id person_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<Allocation>> {
    if (auto allowed = AccessPolicy::standard().check(by, "notes.read", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    Result<PersonRecord> record = tx.get<PersonRepository>().get(person_id);
    if (!record) return pass(record);
    Result<std::vector<Allocation>> allocations = tx.get<AllocationRepository>().for_person(person_id);
    if (!allocations) return pass(allocations);
    Result<std::vector<PersonEvent>> events = tx.get<PersonEventRepository>().for_person(person_id);
    if (!events) return pass(events);
    // The allocations by default: whoever opened each case (the contact).
    std::vector<Allocation> all = *allocations;
    for (const PersonEvent& event : *events) {
      if (event.kind != "contact") continue;
      all.push_back(Allocation{0, person_id, event.actor, record->index.team, "opened the case", event.actor,
                               event.agency, event.at});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Allocation& left, const Allocation& right) { return left.allocated_at < right.allocated_at; });
    return all;
  });
}

Result<Allocation> CaseloadService::reallocate(const Principal& by, Id person_id, const ReallocateCommand& command) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<Allocation> {
    return reallocate_in(tx, by, person_id, command, clock_.now());
  });
}

namespace {

Result<Unit> join_care_team(Transaction& tx, const Principal& by, Id person_id, const std::string& worker,
                            const std::string& reason, Timestamp now) {
  Result<UserCredentials> user = tx.get<UserRepository>().find_credentials(worker);
  if (!user) return fail(user.error());
  AccessRepository& access = tx.get<AccessRepository>();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  Result<std::vector<CareTeamMember>> members = access.members(person_id);
  if (!members) return fail(members.error());
  bool already = false;
  for (const CareTeamMember& member : *members) {
    if (member.team_role != "allocated_worker" || member.ended_on) continue;
    if (member.user_id == user->user.id) {
      already = true;
    } else if (auto ended = access.end_member(member.id, today, "reallocated: " + reason, by.actor(), now); !ended) {
      return fail(ended.error());
    }
  }
  if (already) return Unit{};
  Result<CareTeamMember> added = access.add_member(
      NewCareTeamMember{person_id, user->user.agency_id, user->user.id, "allocated_worker", today, std::nullopt},
      by.actor(), now);
  if (!added) return fail(added.error());
  return Unit{};
}

}  // namespace

Result<Allocation> CaseloadService::reallocate_in(Transaction& tx, const Principal& by, Id person_id,
                                                  const ReallocateCommand& command, Timestamp now) {
  {
    if (auto allowed = AccessPolicy::standard().check(by, "caseload.allocate", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    Result<PersonRecord> record = tx.get<PersonRepository>().get(person_id);
    if (!record) return pass(record);
    Result<journey::Person> person = JourneyCore::person_of(*record);
    if (!person) return pass(person);
    Result<std::vector<Team>> teams = tx.get<TeamRepository>().list();
    if (!teams) return pass(teams);
    Issues issues;
    if (Issues text = check_case_text(command.reason, "reason", "a reason", 2000); !text.empty()) {
      issues.insert(issues.end(), text.begin(), text.end());
    }
    std::vector<std::string> worker_teams;
    if (Issues text = check_case_text(command.worker, "worker", "a worker's user name", 200); !text.empty()) {
      issues.insert(issues.end(), text.begin(), text.end());
    } else {
      worker_teams = teams_of(*teams, command.worker, false);
      if (worker_teams.empty()) {
        issues.push_back({ErrorCode::kUnknownReference, "worker",
                          fmt::format("\"{}\" works in no team; a case is allocated to a member of a team", command.worker)});
      }
    }
    if (!is_open(*person)) {
      return fail(ErrorCode::kConflict, "person", "there is no open case to allocate; record a contact first");
    }
    Result<std::vector<PersonEvent>> events = tx.get<PersonEventRepository>().for_person(person_id);
    if (!events) return pass(events);
    Result<std::vector<Allocation>> earlier = tx.get<AllocationRepository>().for_person(person_id);
    if (!earlier) return pass(earlier);
    std::optional<Allocation> latest;
    if (!earlier->empty()) latest = earlier->back();
    const CaseloadEntry current = allocation_of(*person, *events, latest);
    if (!issues.empty()) return fail(std::move(issues));
    const std::vector<std::string> managed = teams_of(*teams, by.username, true);
    const std::string& new_team = worker_teams.front();
    // The case's team's manager decides where it goes; a case whose team is not
    // a stored team is taken by the manager of the team it goes to.
    const bool known_team = std::any_of(teams->begin(), teams->end(),
                                        [&](const Team& team) { return team.name == current.team; });
    if (known_team ? !contains(managed, current.team) : !contains(managed, new_team)) {
      return fail(ErrorCode::kForbidden, "", fmt::format("only a manager of {} may reallocate this case",
                                                          known_team ? current.team : new_team));
    }
    if (current.worker == command.worker && current.team == new_team) {
      return fail(ErrorCode::kConflict, "worker", fmt::format("the case is already allocated to {}", command.worker));
    }
    Result<Allocation> added = tx.get<AllocationRepository>().add(
        NewAllocation{person_id, command.worker, new_team, command.reason, by.actor()}, now);
    if (!added) return added;
    const nlohmann::json payload = {{"worker", command.worker},
                                    {"team", new_team},
                                    {"previous_worker", current.worker},
                                    {"previous_team", current.team}};
    Result<PersonEvent> event = tx.get<PersonEventRepository>().append(
        NewPersonEvent{person_id, "allocated", "request", "", payload.dump(), by.actor(), command.reason}, now);
    if (!event) return pass(event);
    Result<AuditEntry> audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "update", person_subject(person_id),
                      fmt::format("allocated to {} ({}), was {}", command.worker, new_team, current.worker)},
        now);
    if (!audited) return pass(audited);
    // The allocated worker joins the person's care team; the one they replace leaves it.
    if (Result<Unit> joined = join_care_team(tx, by, person_id, command.worker, command.reason, now); !joined) {
      return pass(joined);
    }
    return added;
  }
}

Result<Team> CaseloadService::add_team(Transaction& tx, const Team& team, Timestamp now) {
  return tx.get<TeamRepository>().add(team, now);
}

}  // namespace allot::app
