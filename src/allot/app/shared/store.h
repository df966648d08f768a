#pragma once
// Repository interfaces: what the application layer needs from a database. The
// storage module implements them for SQLite and PostgreSQL (storage/open_store.h);
// the app layer never includes storage.
//
// The unit of work is a transaction: Store::run() hands a Transaction to a
// function, commits if it returns a value and rolls back if it returns an error
// (or throws), so a request that fails changes nothing. Repositories are reached
// only through a Transaction.
//
// Errors, for every repository function: expected refusals are returned as Issues
// with the codes listed per function; a database failure (connection lost, disk
// full, a bug in SQL) is returned as ErrorCode::kInternal with the database's
// message, and the transaction is then rolled back by Store::run(). Nothing here
// throws for expected refusals.
//
// Thread-safety: a Store is safe to use from several threads at once. A
// Transaction and its repositories belong to the one thread running the function
// given to Store::run() and must not escape it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/shared/records.h"
#include "allot/base/issue.h"

namespace allot::app {

using Unit = tl::monostate;

class AgencyRepository {
 public:
  virtual ~AgencyRepository() = default;
  // Adds an agency. kDuplicate if the code is taken.
  virtual Result<Agency> add(const NewAgency& agency, Timestamp now) = 0;
  // kNotFound if no agency has this id.
  virtual Result<Agency> get(Id id) = 0;
  // kNotFound if no agency has this code.
  virtual Result<Agency> find_by_code(std::string_view code) = 0;
  // Every agency, ordered by id.
  virtual Result<std::vector<Agency>> list() = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Adds a user with its roles. kDuplicate if the username is taken;
  // kUnknownReference if the agency does not exist.
  virtual Result<User> add(const NewUserRecord& user, Timestamp now) = 0;
  // kNotFound if no user has this id.
  virtual Result<User> get(Id id) = 0;
  // The user and password hash for signing in; kNotFound if no such username.
  virtual Result<UserCredentials> find_credentials(std::string_view username) = 0;
  // Every user, ordered by username.
  virtual Result<std::vector<User>> list() = 0;
  // Replaces the password hash. kNotFound if no such user.
  virtual Result<Unit> set_password_hash(Id user_id, std::string_view password_hash, Timestamp now) = 0;
  // Activates or deactivates a user (deactivated users cannot sign in; their
  // history stays). kNotFound if no such user.
  virtual Result<Unit> set_active(Id user_id, bool active, Timestamp now) = 0;
  virtual Result<std::int64_t> count() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // kDuplicate if a session with this token hash exists (practically impossible
  // with random tokens); kUnknownReference if the user does not exist.
  virtual Result<Unit> add(const SessionRecord& session) = 0;
  // kNotFound if no session has this token hash. Does not look at expiry.
  virtual Result<SessionRecord> find(std::string_view token_hash) = 0;
  // Removes one session; removing an absent one is not an error.
  virtual Result<Unit> remove(std::string_view token_hash) = 0;
  // Removes every session of one user (after a password change); returns how many.
  virtual Result<std::int64_t> remove_for_user(Id user_id) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<std::int64_t> remove_expired(Timestamp now) = 0;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  // Stores a token (id is assigned). kDuplicate for a repeated hash;
  // kUnknownReference if the user does not exist.
  virtual Result<ApiTokenRecord> add(const ApiTokenRecord& token) = 0;
  // kNotFound if no token has this hash. Does not look at expiry or revocation.
  virtual Result<ApiTokenRecord> find(std::string_view token_hash) = 0;
  // Marks a token revoked at `now`. kNotFound if no such token; revoking twice
  // keeps the first time.
  virtual Result<Unit> revoke(Id token_id, Timestamp now) = 0;
  // A user's tokens, ordered by id.
  virtual Result<std::vector<ApiTokenRecord>> list_for_user(Id user_id) = 0;
};

class RulebookRepository {
 public:
  virtual ~RulebookRepository() = default;
  // Stores a published version. kConflict if this rulebook id and version exist
  // (published versions are immutable; publish a new version instead).
  virtual Result<Unit> publish(const RulebookVersion& rulebook) = 0;
  // kNotFound if this id and version were never published.
  virtual Result<RulebookVersion> get(std::string_view rulebook_id, int version) = 0;
  // The highest published version; kNotFound if none.
  virtual Result<RulebookVersion> latest(std::string_view rulebook_id) = 0;
  // Every published version of every rulebook, ordered by id then version. The
  // documents are included.
  virtual Result<std::vector<RulebookVersion>> list_versions() = 0;

  // Saves a draft. expected_row_version is the row_version the caller read, or
  // nothing to create a new draft. Returns the saved draft with its new
  // row_version. kConflict if creating and a draft exists, or if the stored
  // row_version differs (a stale save); kNotFound if updating a draft that does
  // not exist.
  virtual Result<RulebookDraft> save_draft(std::string_view rulebook_id, std::string_view document,
                                           std::optional<std::int64_t> expected_row_version,
                                           std::string_view updated_by, Timestamp now) = 0;
  // kNotFound if there is no draft for this id.
  virtual Result<RulebookDraft> get_draft(std::string_view rulebook_id) = 0;
  // Removes a draft if its row_version matches. kNotFound / kConflict as above.
  virtual Result<Unit> discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version) = 0;
};

class ScoreRepository {
 public:
  virtual ~ScoreRepository() = default;
  // Records a score. kUnknownReference if that rulebook version was never
  // published. Scores are never changed or removed.
  virtual Result<ScoreRecord> add(const NewScore& score, std::string_view scored_by, Timestamp now) = 0;
  // kNotFound if no score has this id.
  virtual Result<ScoreRecord> get(Id id) = 0;
  // Scores given with one rulebook (any version, or one version), newest first,
  // at most `limit`.
  virtual Result<std::vector<ScoreRecord>> list_for_rulebook(std::string_view rulebook_id,
                                                             std::optional<int> version, int limit) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends one entry at `now`. The log is append-only: there is no update or
  // delete, and the database refuses them too.
  virtual Result<AuditEntry> append(const NewAuditEntry& entry, Timestamp now) = 0;
  // Entries matching the query, newest (highest id) first.
  virtual Result<std::vector<AuditEntry>> list(const AuditQuery& query) = 0;
};

class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  // Adds a person's record at row_version 1.
  virtual Result<PersonRecord> add(const PersonIndex& index, std::string_view details, std::string_view state,
                                   Timestamp now) = 0;
  // kNotFound if no person has this id.
  virtual Result<PersonRecord> get(Id id) = 0;
  // Replaces the index, details and state if the stored row_version is still
  // expected_row_version; returns the record with row_version + 1. kConflict for a
  // stale version (app::stale_version_issue), kNotFound if there is no such person.
  virtual Result<PersonRecord> update(Id id, std::int64_t expected_row_version, const PersonIndex& index,
                                      std::string_view details, std::string_view state, Timestamp now) = 0;
  // Records matching the query, ordered by family name, given name, id.
  // kInvalidValue unless 1 <= limit <= 10000 and offset >= 0.
  virtual Result<PersonPage> list(const PersonQuery& query) = 0;

  // Appends one event. kUnknownReference if the person does not exist. Events are
  // never changed or removed (the database refuses it).
  virtual Result<PersonEvent> append_event(const NewPersonEvent& event, Timestamp now) = 0;
  // A person's events, oldest first.
  virtual Result<std::vector<PersonEvent>> events(Id person_id) = 0;

  // Saves a draft, as RulebookRepository::save_draft: nothing creates, a version
  // updates; kConflict if creating over an existing draft or for a stale version,
  // kNotFound if updating a draft that does not exist, kUnknownReference if the
  // person does not exist.
  virtual Result<JourneyDraft> save_draft(Id person_id, std::string_view kind, std::string_view document,
                                          std::optional<std::int64_t> expected_row_version,
                                          std::string_view updated_by, Timestamp now) = 0;
  // kNotFound if there is no such draft.
  virtual Result<JourneyDraft> get_draft(Id person_id, std::string_view kind) = 0;
  // Removes a draft once its work is saved for good; removing none is not an error.
  virtual Result<Unit> remove_draft(Id person_id, std::string_view kind) = 0;

  // Stores a support plan version. kConflict if this person has this version
  // already (someone saved first); kUnknownReference if the person does not exist.
  virtual Result<PlanVersionRecord> add_plan(const PlanVersionRecord& plan) = 0;
  // A person's plan versions, oldest first.
  virtual Result<std::vector<PlanVersionRecord>> plans(Id person_id) = 0;

  // Records a meeting of the Resource Allocation Group (append-only).
  virtual Result<PanelMeeting> add_meeting(const NewPanelMeeting& meeting, Timestamp now) = 0;
  // kNotFound if no meeting has this id.
  virtual Result<PanelMeeting> get_meeting(Id id) = 0;
  // Every meeting, newest first, at most `limit`.
  virtual Result<std::vector<PanelMeeting>> list_meetings(int limit) = 0;
};

// One transaction's view of the database: one repository per record type.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual AgencyRepository& agencies() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual ApiTokenRepository& api_tokens() = 0;
  virtual RulebookRepository& rulebooks() = 0;
  virtual ScoreRepository& scores() = 0;
  virtual AuditRepository& audit() = 0;
  virtual PersonRepository& people() = 0;
};

enum class Access {
  kRead,   // reads only; may run alongside writers
  kWrite,  // reads and writes; takes the write lock up front (SQLite) so it cannot
           // deadlock upgrading a read lock
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `work` in one transaction. Commits if it returns a value; rolls back if it
  // returns an error or throws (the exception is rethrown after rollback). Returns
  // work's result, or kInternal if the database failed (begin/commit included).
  // A kRead transaction that tries to write gets kInternal. Thread-safe; blocks
  // while all connections are busy. Do not call run() from inside `work`.
  virtual Result<Unit> run(Access access, const std::function<Result<Unit>(Transaction&)>& work) = 0;
  // "sqlite" or "postgresql". Thread-safe.
  virtual std::string backend_name() const = 0;
  // The schema version of the open database (after migrations). Thread-safe.
  virtual int schema_version() const = 0;
};

// Convenience: run `work` (Transaction& -> Result<T>) and return its value.
// Example:
//   Result<User> user = in_transaction(store, Access::kRead,
//       [&](Transaction& tx) { return tx.users().get(id); });
template <typename Work>
auto in_transaction(Store& store, Access access, Work&& work)
    -> std::invoke_result_t<Work&, Transaction&> {
  using R = std::invoke_result_t<Work&, Transaction&>;
  std::optional<typename R::value_type> value;
  Result<Unit> outcome = store.run(access, [&](Transaction& tx) -> Result<Unit> {
    R result = work(tx);
    if (!result) return tl::unexpected<Issues>(std::move(result.error()));
    value.emplace(std::move(*result));
    return Unit{};
  });
  if (!outcome) return tl::unexpected<Issues>(std::move(outcome.error()));
  return std::move(*value);
}

}  // namespace allot::app
