#include "allot/storage/identity/identity_storage.h"

namespace allot::storage {

void register_identity_repositories(RepositoryRegistry& registry) {
  register_sql_agencies(registry);
  register_sql_users(registry);
  register_sql_sessions(registry);
  register_sql_api_tokens(registry);
}

}  // namespace allot::storage
