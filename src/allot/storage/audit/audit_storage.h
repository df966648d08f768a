#pragma once
// The audit log's storage: app/shared/audit_log.h's repository (every capability
// writes to it) over the tables of migrations/0003_audit_log.sql and
// 0017_audit_chain.sql.

#include <string>
#include <vector>

#include "allot/app/shared/audit_log.h"
#include "allot/storage/shared/repository_registry.h"
#include "allot/storage/shared/sql_connection.h"

namespace allot::storage {

// Registers the audit log repository; storage/capabilities.cpp calls it once.
void register_audit_repositories(RepositoryRegistry& registry);

// Recomputes the whole hash chain on this connection (read only).
Result<app::AuditChainReport> verify_audit_chain(SqlConnection& db);

// For `allot db check`: adds the chain's lines; sets ok to false if it is broken.
void check_audit_chain(SqlConnection& db, bool& ok, std::vector<std::string>& lines);

}  // namespace allot::storage
