#pragma once
// Casework's storage: the repositories of app/casework/repositories.h over the
// tables of migrations/0016_casework.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every casework repository; storage/capabilities.cpp calls it once.
void register_casework_repositories(RepositoryRegistry& registry);

void register_sql_teams(RepositoryRegistry& registry);
void register_sql_allocations(RepositoryRegistry& registry);
void register_sql_case_notes(RepositoryRegistry& registry);
void register_sql_gazetteer(RepositoryRegistry& registry);

}  // namespace allot::storage
