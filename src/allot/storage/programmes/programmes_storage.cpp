#include "allot/storage/programmes/programmes_storage.h"

namespace allot::storage {

void register_programmes_repositories(RepositoryRegistry& registry) { register_sql_programmes(registry); }

}  // namespace allot::storage
