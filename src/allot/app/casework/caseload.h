#pragma once
// Caseloads (docs/api.md, "Casework"): every open case is allocated to a worker
// and a team. A case is allocated to the worker who opened it (the contact that
// opened the case) until a team manager reallocates it; each reallocation is
// kept, attributed, and recorded in the person's history. A worker sees their
// caseload and the tasks it holds, each with the page where the task is done; a
// team manager sees the team's.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/casework/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/base/date.h"

namespace allot::app {

// One open case on a caseload.
struct CaseloadEntry {
  Id person_id = 0;
  std::string given_name;
  std::string family_name;
  std::string stage;        // a journey stage id; empty for a carer's record
  std::string locality;
  std::string worker;       // allocated worker
  std::string team;         // allocated team
  Timestamp allocated_at;
  bool opened_by_worker = false;  // allocated because the worker opened the case (never reallocated since)
  std::optional<Id> cares_for;
  std::optional<Date> review_due;
  bool operator==(const CaseloadEntry&) const = default;
};

// Something waiting to be done on a case, and where it is done.
struct CaseTask {
  Id person_id = 0;
  std::string given_name;
  std::string family_name;
  // "screening", "end_enablement", "assessment_to_do", "assessment_in_progress",
  // "plan_to_write", "plan_draft", "plan_returned", "sign_off_waiting",
  // "sign_off_to_decide", "review_due", "carer_first_stage", "carer_full_assessment"
  std::string kind;
  std::string what;  // in plain words
  std::string href;  // the page where it is done
  std::string worker;
  std::optional<Date> due;
  bool operator==(const CaseTask&) const = default;
};

struct Caseload {
  std::string worker;
  std::vector<std::string> teams;  // the worker's teams
  std::vector<CaseloadEntry> cases;  // by family name, given name, id
  std::vector<CaseTask> tasks;       // by kind order, then due date, then name
};

struct TeamCaseload {
  Team team;
  std::vector<CaseloadEntry> cases;
  std::vector<CaseTask> tasks;
};

struct ReallocateCommand {
  std::string worker;
  std::string reason;
};

class CaseloadService {
 public:
  // `reviews_due_days`: how far ahead a review counts as due (the journey's rule).
  CaseloadService(Store& store, const Clock& clock, int reviews_due_days = 28)
      : store_(store), clock_(clock), reviews_due_days_(reviews_due_days) {}

  // The principal's own caseload and tasks. Needs caseload.read.
  Result<Caseload> mine(const Principal& by);
  // A team's caseload and tasks. Needs caseload.read_team; a team manager sees
  // only the teams they manage (kForbidden otherwise); kNotFound for an unknown
  // team.
  Result<TeamCaseload> team(const Principal& by, Id team_id);
  // Every team with its members. Needs caseload.read.
  Result<std::vector<Team>> teams(const Principal& by);
  // A person's allocations, oldest first (the default one included). Needs notes.read.
  Result<std::vector<Allocation>> history(const Principal& by, Id person_id);
  // Moves an open case to a worker of a team (the worker's team). Needs
  // caseload.allocate, and the principal must manage the case's current team
  // (or, when that is not a stored team, the worker's; kForbidden); every problem with the command at once (kMissingField,
  // kInvalidValue, kUnknownReference), kNotFound for an unknown person,
  // kConflict for a case that is not open or already with this worker. Recorded
  // in the person's history as "allocated" and audited.
  Result<Allocation> reallocate(const Principal& by, Id person_id, const ReallocateCommand& command);

  // reallocate() inside the caller's transaction (demo data).
  static Result<Allocation> reallocate_in(Transaction& tx, const Principal& by, Id person_id,
                                          const ReallocateCommand& command, Timestamp now);
  // Adds a team inside the caller's transaction (demo data and set-up).
  static Result<Team> add_team(Transaction& tx, const Team& team, Timestamp now);

 private:
  Store& store_;
  const Clock& clock_;
  int reviews_due_days_;
};

}  // namespace allot::app
