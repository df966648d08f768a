#pragma once
// Integrated budgets' storage: the repositories of app/budgets/repositories.h,
// one per file, over the tables of migrations/0005 to 0009.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every budgets repository; storage/capabilities.cpp calls it once.
void register_budgets_repositories(RepositoryRegistry& registry);

void register_sql_budget_funds(RepositoryRegistry& registry);
void register_sql_budgets(RepositoryRegistry& registry);
void register_sql_commitments(RepositoryRegistry& registry);
void register_sql_payments(RepositoryRegistry& registry);
void register_sql_fast_access(RepositoryRegistry& registry);

}  // namespace allot::storage
