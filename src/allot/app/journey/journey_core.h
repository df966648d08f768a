#pragma once
// What the journey's use cases share (people.h, steps.h, plans.h, panel.h,
// carers.h, reads.h): the store, the clock, the council's rules, the audit log,
// the published rulebooks they score with, and the way a person's record is
// loaded as typed values and saved again with its events and audit entry.
//
// A record's details and case state are kept as JSON documents in the person's
// row (journey_io/documents.h gives their shape); a document that does not read
// is kInternal.
//
// Thread-safety: safe to call from several threads, except while within() runs;
// Store and Clock must outlive it.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/access/access_service.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/journey/records.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/ras/rulebook_cache.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"
#include "allot/journey/events.h"
#include "allot/journey/plan_version.h"
#include "allot/journey/steps.h"

namespace allot::app {

// The council's configurable rules for the journey.
using JourneyConfig = journey::JourneyRules;

// The Client Level Data code lists shipped with Allot (data/codes/cld.json,
// compiled in).
const journey::CodeLists& builtin_code_lists();

// A person's row and its typed reading.
struct LoadedPerson {
  PersonRecord record;
  journey::Person person;
};

// A score recorded for an assessment.
struct RecordedScore {
  journey::IndicativeScore score;
  Id score_id = 0;
};

class JourneyCore {
 public:
  // `rulebooks`: the store's parsed rulebooks, shared with the rest of the server;
  // null: a cache of the core's own.
  JourneyCore(Store& store, const Clock& clock, JourneyConfig config, RulebookCache* rulebooks = nullptr);

  const JourneyConfig& config() const { return config_; }
  Store& store() { return store_; }
  journey::Instant now() const { return clock_.now(); }
  Date today() const;
  // Who may see whose record (care teams, break glass).
  const AccessService& access() const { return access_; }

  // kForbidden unless the principal may take the action (on the person).
  static Result<Unit> check(const Principal& principal, std::string_view action, std::optional<Id> person_id = {});

  // Runs a change in its own transaction, or in the caller's (within()).
  template <typename Work>
  auto write(Work&& work) -> std::invoke_result_t<Work&, Transaction&> {
    if (ambient_ != nullptr) return work(*ambient_);
    return in_transaction(store_, Access::kWrite, work);
  }
  template <typename Work>
  auto read(Work&& work) -> std::invoke_result_t<Work&, Transaction&> {
    if (ambient_ != nullptr) return work(*ambient_);
    return in_transaction(store_, Access::kRead, work);
  }
  // See JourneyService::within().
  Result<Unit> within(Transaction& tx, const std::function<Result<Unit>()>& work);

  // A person's record as typed values; kNotFound if there is none.
  Result<LoadedPerson> load(Transaction& tx, Id person_id);
  // What the person's care team says about this principal, for judging which parts
  // of the record each of their roles sees (a role that does not reach the person
  // adds nothing). Nothing when no role of theirs reaches the person: the api has
  // refused such a request before the use case runs (Api::check_care_team), so
  // only a caller that did not ask it gets there, and the roles alone decide.
  Result<std::optional<PersonAccess>> reach(Transaction& tx, const Principal& principal, Id person_id) const;
  static Result<journey::Person> person_of(const PersonRecord& record);

  // Saves the new state and details (optimistic concurrency on the row_version
  // read) with the events that describe the change, and audits it as an update
  // of `what`, all in the caller's transaction. Returns the saved record.
  Result<journey::Person> save(Transaction& tx, const Principal& principal, const LoadedPerson& loaded,
                               const journey::PersonDetails& details, const journey::CaseState& state,
                               const std::vector<journey::Event>& events, std::string_view what);
  // Appends events to a person's history.
  Result<Unit> record_events(Transaction& tx, const Principal& principal, Id person_id,
                             const std::vector<journey::Event>& events);
  // An audit entry for a read (its own transaction, after the read).
  Result<Unit> audit_read(const Principal& principal, std::string_view subject, std::string_view what);
  // An audit entry for a search or list: what was asked and the people it returned.
  Result<Unit> audit_search(const Principal& principal, std::string_view what, const std::vector<Id>& people);
  Result<Unit> audit_change(Transaction& tx, const Principal& principal, std::string_view action,
                            std::string_view subject, std::string_view what);

  // Scores answers with a published rulebook and records the score. Problems with
  // the rulebook or the answers are added to `issues` (nothing recorded); the
  // score is recorded only when `issues` was empty. An error is a failure of the
  // store.
  Result<std::optional<RecordedScore>> score(Transaction& tx, const Principal& principal,
                                             const std::string& rulebook_id, int version,
                                             const journey::AnswerSheet& answers, Issues& issues);

  // A person's plan versions, oldest first.
  Result<std::vector<journey::PlanVersion>> plan_versions(Transaction& tx, Id person_id);

  // The index columns for a record.
  static PersonIndex index_of(const journey::PersonDetails& details, const journey::CaseState& state);

 private:
  Store& store_;
  const Clock& clock_;
  JourneyConfig config_;
  AuditService audit_;
  AccessService access_;
  RulebookCache own_rulebooks_;
  RulebookCache& rulebooks_;
  Transaction* ambient_ = nullptr;  // set by within()
};

// "person:42", the audit subject of a person's record.
std::string person_subject(Id person_id);

}  // namespace allot::app
