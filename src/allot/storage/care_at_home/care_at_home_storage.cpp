#include "allot/storage/care_at_home/care_at_home_storage.h"

namespace allot::storage {

void register_care_at_home_repositories(RepositoryRegistry& registry) {
  register_sql_providers(registry);
  register_sql_packages(registry);
  register_sql_workforce(registry);
  register_sql_costed_plans(registry);
}

}  // namespace allot::storage
