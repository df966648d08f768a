#pragma once
// Charging's storage: the repositories of app/charging/repositories.h, one per
// file, over the tables of migrations/0010_charging_rules_financial_assessments.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every charging repository; storage/capabilities.cpp calls it once.
void register_charging_repositories(RepositoryRegistry& registry);

void register_sql_charging_rules(RepositoryRegistry& registry);
void register_sql_financial_assessments(RepositoryRegistry& registry);

}  // namespace allot::storage
