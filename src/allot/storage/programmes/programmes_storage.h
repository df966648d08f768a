#pragma once
// Grant programmes' storage: the repository of app/programmes/repositories.h over
// the tables of migrations/0011_programmes.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every programmes repository; storage/capabilities.cpp calls it once.
void register_programmes_repositories(RepositoryRegistry& registry);

void register_sql_programmes(RepositoryRegistry& registry);

}  // namespace allot::storage
