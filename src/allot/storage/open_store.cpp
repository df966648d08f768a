#include "allot/storage/open_store.h"

#include "allot/storage/postgres/pg_store.h"
#include "allot/storage/shared/migrations.h"
#include "allot/storage/sqlite/sqlite_store.h"

namespace allot::storage {

int program_schema_version() { return latest_schema_version(); }

Result<std::unique_ptr<AdminStore>> open_store(const std::string& database, const StoreOptions& options) {
  if (database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0) {
    return open_postgres_store(database, options);
  }
  if (database.empty()) return fail(ErrorCode::kInvalidValue, "database", "must name a file or a postgresql:// URL");
  return open_sqlite_store(database, options);
}

}  // namespace allot::storage
