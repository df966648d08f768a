#pragma once
// The RAS's storage: the repositories of app/ras/repositories.h, one per file,
// over the tables of migrations/0002_rulebooks_drafts_scores.sql and
// 0014_rulebook_governance.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every RAS repository; storage/capabilities.cpp calls it once.
void register_ras_repositories(RepositoryRegistry& registry);

// Each file's own registration, called by the function above.
void register_sql_rulebooks(RepositoryRegistry& registry);
void register_sql_scores(RepositoryRegistry& registry);
void register_sql_draft_versions(RepositoryRegistry& registry);

}  // namespace allot::storage
