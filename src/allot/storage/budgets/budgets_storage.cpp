#include "allot/storage/budgets/budgets_storage.h"

namespace allot::storage {

void register_budgets_repositories(RepositoryRegistry& registry) {
  register_sql_budget_funds(registry);
  register_sql_budgets(registry);
  register_sql_commitments(registry);
  register_sql_payments(registry);
  register_sql_fast_access(registry);
}

}  // namespace allot::storage
