#pragma once
// The repositories of app/store.h, written once in SQL that both SQLite and
// PostgreSQL accept, over one connection inside one open transaction.

#include <memory>

#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/storage/sql/sql_connection.h"

namespace allot::storage {

// Creates the Transaction the store hands to work inside Store::run(). The
// connection must already be in a transaction and must outlive the result.
std::unique_ptr<app::Transaction> make_sql_transaction(SqlConnection& connection);

}  // namespace allot::storage
