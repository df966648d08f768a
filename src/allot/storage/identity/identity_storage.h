#pragma once
// Identity's storage: the repositories of app/identity/repositories.h, one per
// file, over the tables of migrations/0001_agencies_users_sessions_tokens.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every identity repository; storage/capabilities.cpp calls it once.
void register_identity_repositories(RepositoryRegistry& registry);

// Each file's own registration, called by the function above.
void register_sql_agencies(RepositoryRegistry& registry);
void register_sql_users(RepositoryRegistry& registry);
void register_sql_sessions(RepositoryRegistry& registry);
void register_sql_api_tokens(RepositoryRegistry& registry);

}  // namespace allot::storage
