#include "allot/storage/charging/charging_storage.h"

namespace allot::storage {

void register_charging_repositories(RepositoryRegistry& registry) {
  register_sql_charging_rules(registry);
  register_sql_financial_assessments(registry);
}

}  // namespace allot::storage
