#pragma once
// The audit log's storage: app/shared/audit_log.h's repository (every capability
// writes to it) over the table of migrations/0003_audit_log.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers the audit log repository; storage/capabilities.cpp calls it once.
void register_audit_repositories(RepositoryRegistry& registry);

}  // namespace allot::storage
