#pragma once
// The SQLite store: one database file in WAL mode, a pool of connections.

#include <memory>
#include <string>

#include "allot/storage/open_store.h"

namespace allot::storage {

// Opens (creating if missing) the SQLite database at `path` and migrates it.
Result<std::unique_ptr<AdminStore>> open_sqlite_store(const std::string& path, const StoreOptions& options);

}  // namespace allot::storage
