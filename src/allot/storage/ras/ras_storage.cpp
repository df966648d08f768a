#include "allot/storage/ras/ras_storage.h"

namespace allot::storage {

void register_ras_repositories(RepositoryRegistry& registry) {
  register_sql_rulebooks(registry);
  register_sql_scores(registry);
  register_sql_draft_versions(registry);
}

}  // namespace allot::storage
