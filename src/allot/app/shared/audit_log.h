#pragma once
// The audit log: its records, its repository and its hash chain. Every capability
// appends to it inside the transaction that makes the change it records; reads,
// searches and refusals go through the group-commit writer (audit_writer.h).
//
// The log is tamper-evident: each entry carries `hash`, the SHA-256 of the
// previous entry's hash and of this entry's fields (audit_entry_hash()), and the
// entries form one chain by `seq` (1, 2, 3, ...). Changing, removing or reordering
// an entry after it was written breaks the chain at that entry, and verify()
// finds it (docs/storage.md, "The audit chain").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// One line of the audit log: who (user, agency and roles), when, what action, on
// which subject ("person:42", "user:assessor"), the people a search returned,
// free-text detail and the reason given for reaching outside the care team
// (break glass; empty otherwise). Append-only.
struct AuditEntry {
  Id id = 0;
  Timestamp at;
  std::string actor;
  std::string agency;
  std::string action;   // "read", "search", "create", "update", "refused", "sign_in", ...
  std::string subject;
  std::string detail;
  std::string roles;    // the actor's roles, comma separated ("assessor,team_manager")
  std::string people;   // the people a search returned: ",12,40," (commas around each id)
  std::string reason;   // break glass: why the actor looked outside the care team
  std::int64_t seq = 0; // place in the hash chain; 0 for entries written before the chain began
  std::string hash;     // hex SHA-256; empty for entries written before the chain began
  bool operator==(const AuditEntry&) const = default;
};

struct NewAuditEntry {
  Actor actor;
  std::string action;
  std::string subject;
  std::string detail;
  std::string roles = {};   // filled from the request's AuditScope when empty
  std::string people = {};  // see people_text()
  std::string reason = {};
};

// Filters for reading the audit log; entries come newest first.
struct AuditQuery {
  std::optional<std::string> subject;
  std::optional<std::string> actor;
  std::optional<std::string> action;
  std::optional<Id> person;            // subject person:ID, or a search that returned them
  std::optional<Timestamp> since;      // at >= since
  std::optional<Timestamp> until;      // at < until
  std::optional<Id> before_id;         // for paging: entries with id < before_id
  int limit = 100;                     // 1..1000
};

// What verify() found walking the chain from its first entry to its head.
struct AuditChainReport {
  bool ok = true;
  std::int64_t entries = 0;           // chained entries checked
  std::int64_t before_chain = 0;      // entries written before the chain began (not verifiable)
  std::int64_t head_seq = 0;
  std::string head_hash;              // publish this to detect a rewrite of the whole log
  std::vector<std::string> problems;  // at most 20, first found first
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends one entry at `now`, chained after the current head. The log is
  // append-only: there is no update or delete, and the database refuses them too.
  // On PostgreSQL this takes the chain's head lock until the transaction ends.
  virtual Result<AuditEntry> append(const NewAuditEntry& entry, Timestamp now) = 0;
  // Appends entries in order, each at its own time, in one statement batch.
  virtual Result<app::Unit> append_all(const std::vector<std::pair<NewAuditEntry, Timestamp>>& entries) = 0;
  // Entries matching the query, newest (highest id) first.
  virtual Result<std::vector<AuditEntry>> list(const AuditQuery& query) = 0;
  // Recomputes every hash in chain order and compares it with the stored one and
  // with the chain's head.
  virtual Result<AuditChainReport> verify() = 0;
};

// The hash of an entry in the chain: hex SHA-256 over the previous hash and the
// entry's seq, time and text fields, each length-prefixed so no two different
// entries hash the same text. The id is not part of it (PostgreSQL assigns ids
// outside the chain's lock); seq is.
std::string audit_entry_hash(std::string_view previous_hash, const AuditEntry& entry);

// ",12,40," for the ids given; "" for none.
std::string people_text(const std::vector<Id>& ids);

// "assessor,team_manager".
std::string audit_roles_text(const std::vector<Role>& roles);

// What is known about the request being handled on this thread: who (their roles,
// for entries that name only an Actor) and, for reads and searches, where to leave
// the tickets of entries waiting to be written (audit_writer.h). The api opens one
// per request; without one, a read's entry is written before record() returns.
class AuditScope;
AuditScope* current_audit_scope();

}  // namespace allot::app
