#pragma once
// The audit log: every read and write of personal data, every search and every
// refusal is recorded with who, their agency and roles, when, the action, the
// subject and detail. History is append-only and hash-chained (audit_log.h).
//
// A write of personal data and its audit entry belong in the same transaction,
// so use record_in() inside Store::run(). record() is for reads, searches and
// refusals: it hands the entry to the group-commit writer (audit_writer.h). Inside
// a request (an AuditScope is open on this thread) it returns at once and the
// server releases the response once the entry is durable; elsewhere it returns
// once the entry is durable.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <memory>
#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/identity/records.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/audit_writer.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

class AuditService {
 public:
  AuditService(Store& store, const Clock& clock)
      : store_(store), clock_(clock), writer_(AuditWriter::for_store(store)) {}

  // Queues one entry for the group-commit writer (see above). kInvalidValue if
  // action or subject is empty, or actor username is empty; kInternal if it could
  // not be written (only reported here outside a request).
  Result<Unit> record(const NewAuditEntry& entry);
  Result<Unit> record(const Actor& actor, std::string_view action, std::string_view subject,
                      std::string_view detail);
  // The principal's roles are recorded too; `people` are the ids a search returned.
  Result<Unit> record(const Principal& principal, std::string_view action, std::string_view subject,
                      std::string_view detail, const std::vector<Id>& people = {});

  // Appends one entry inside the caller's transaction: it commits or rolls back
  // with the change it describes. Same errors as record().
  Result<AuditEntry> record_in(Transaction& tx, const Actor& actor, std::string_view action,
                               std::string_view subject, std::string_view detail);
  Result<AuditEntry> record_in(Transaction& tx, const Principal& principal, std::string_view action,
                               std::string_view subject, std::string_view detail);

  // Entries matching the query, newest first. kInvalidValue ("limit") unless
  // 1 <= limit <= 1000.
  Result<std::vector<AuditEntry>> list(const AuditQuery& query);

  // Walks the whole chain (audit_log.h); a broken chain is a report with ok false,
  // not an error.
  Result<AuditChainReport> verify();

 private:
  Store& store_;
  const Clock& clock_;
  std::shared_ptr<AuditWriter> writer_;
};

}  // namespace allot::app
