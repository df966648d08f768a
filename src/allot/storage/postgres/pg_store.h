#pragma once
// The PostgreSQL store: a pool of libpq connections to one database.

#include <memory>
#include <string>

#include "allot/storage/open_store.h"

namespace allot::storage {

// Connects to the database at `url` (a libpq connection URI) and migrates it.
Result<std::unique_ptr<AdminStore>> open_postgres_store(const std::string& url, const StoreOptions& options);

}  // namespace allot::storage
