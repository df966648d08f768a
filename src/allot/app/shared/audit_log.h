#pragma once
// The audit log: its records and its repository. Every capability appends to it
// inside the transaction that makes the change it records.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// One line of the audit log: who (user and agency), when, what action, on which
// subject ("person:42", "user:assessor"), with free-text detail. Append-only.
struct AuditEntry {
  Id id = 0;
  Timestamp at;
  std::string actor;
  std::string agency;
  std::string action;   // "read", "create", "update", "sign_in", ...
  std::string subject;
  std::string detail;
  bool operator==(const AuditEntry&) const = default;
};

struct NewAuditEntry {
  Actor actor;
  std::string action;
  std::string subject;
  std::string detail;
};

// Filters for reading the audit log; entries come newest first.
struct AuditQuery {
  std::optional<std::string> subject;
  std::optional<std::string> actor;
  std::optional<std::string> action;
  std::optional<Timestamp> since;      // at >= since
  std::optional<Timestamp> until;      // at < until
  std::optional<Id> before_id;         // for paging: entries with id < before_id
  int limit = 100;                     // 1..1000
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

}  // namespace allot::app
