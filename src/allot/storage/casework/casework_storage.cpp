#include "allot/storage/casework/casework_storage.h"

namespace allot::storage {

void register_casework_repositories(RepositoryRegistry& registry) {
  register_sql_teams(registry);
  register_sql_allocations(registry);
  register_sql_case_notes(registry);
  register_sql_gazetteer(registry);
}

}  // namespace allot::storage
