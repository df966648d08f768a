#pragma once
// The audit log: every read and write of personal data is recorded with who,
// their agency, when, the action, the subject and detail. History is append-only.
//
// A write of personal data and its audit entry belong in the same transaction,
// so use record_in() inside Store::run(); record() is for reads and for events
// outside any other transaction.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/identity/records.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

class AuditService {
 public:
  AuditService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Appends one entry in its own transaction. kInvalidValue if action or subject
  // is empty, or actor username is empty; kInternal on database failure.
  Result<AuditEntry> record(const Actor& actor, std::string_view action, std::string_view subject,
                            std::string_view detail);

  // Appends one entry inside the caller's transaction: it commits or rolls back
  // with the change it describes. Same errors as record().
  Result<AuditEntry> record_in(Transaction& tx, const Actor& actor, std::string_view action,
                               std::string_view subject, std::string_view detail);

  // Entries matching the query, newest first. kInvalidValue ("limit") unless
  // 1 <= limit <= 1000.
  Result<std::vector<AuditEntry>> list(const AuditQuery& query);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
