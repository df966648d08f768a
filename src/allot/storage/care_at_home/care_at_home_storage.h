#pragma once
// Care at home's storage: the repositories of app/care_at_home/repositories.h
// over the tables of migrations/0013_care_at_home_providers.sql and
// 0018_care_at_home_allocation.sql (staff bases, carers, open packages, offers).

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every care at home repository; storage/capabilities.cpp calls it once.
void register_care_at_home_repositories(RepositoryRegistry& registry);

void register_sql_providers(RepositoryRegistry& registry);
void register_sql_packages(RepositoryRegistry& registry);
void register_sql_workforce(RepositoryRegistry& registry);
void register_sql_costed_plans(RepositoryRegistry& registry);

}  // namespace allot::storage
