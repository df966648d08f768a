#include "allot/storage/shared/sql_store.h"

#include <algorithm>

#include <fmt/format.h>

#include "allot/app/shared/clock.h"
#include "allot/storage/audit/audit_storage.h"
#include "allot/storage/shared/migrations.h"
#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

std::string now_for_records() { return app::format_timestamp(app::SystemClock{}.now()); }

tl::unexpected<Issues> database_failure(const std::string& message) {
  return fail(ErrorCode::kInternal, "database", message);
}

SqlStore::SqlStore(ConnectionFactory factory, std::size_t max_connections, Dialect dialect)
    : dialect_(dialect), factory_(std::move(factory)), max_connections_(std::max<std::size_t>(1, max_connections)) {}

SqlStore::Lease::~Lease() {
  if (store_ && connection_) store_->give_back(std::move(connection_));
}

SqlStore::Lease SqlStore::acquire() {
  Lease lease = acquire_for(std::nullopt);
  if (lease->query_only) {
    lease->query("PRAGMA query_only = 0");
    lease->query_only = false;
  }
  return lease;
}

SqlStore::Lease SqlStore::acquire_for(std::optional<app::Access> access) {
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
      // Prefer a connection already in the mode the transaction needs.
      auto chosen = std::prev(idle_.end());
      if (access) {
        const bool want_query_only = *access == app::Access::kRead;
        for (auto candidate = idle_.rbegin(); candidate != idle_.rend(); ++candidate) {
          if ((*candidate)->query_only == want_query_only) {
            chosen = std::prev(candidate.base());
            break;
          }
        }
      }
      std::unique_ptr<SqlConnection> connection = std::move(*chosen);
      idle_.erase(chosen);
      return Lease(*this, std::move(connection));
    }
    ++open_;
  }
  try {
    return Lease(*this, factory_());
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void SqlStore::give_back(std::unique_ptr<SqlConnection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

// On SQLite each statement below is prepared once per connection and kept
// (query()), not parsed again for every transaction as a script would be: under
// load the parsing alone cost more than reading a person's record.
void SqlStore::begin(SqlConnection& connection, app::Access access) {
  if (dialect_ == Dialect::kSqlite) {
    const bool want_query_only = access == app::Access::kRead;
    if (connection.query_only != want_query_only) {
      connection.query(want_query_only ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
      connection.query_only = want_query_only;
    }
    // IMMEDIATE takes the write lock now: two writers that both read first would
    // otherwise deadlock when upgrading, and busy_timeout cannot help.
    connection.query(access == app::Access::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  } else {
    connection.execute_script(access == app::Access::kWrite ? "BEGIN" : "BEGIN READ ONLY");
  }
}

void SqlStore::end(SqlConnection& connection, [[maybe_unused]] app::Access access, bool commit) {
  if (dialect_ == Dialect::kSqlite) {
    connection.query(commit ? "COMMIT" : "ROLLBACK");
  } else {
    connection.execute_script(commit ? "COMMIT" : "ROLLBACK");
  }
}

Result<app::Unit> SqlStore::run(app::Access access,
                                const std::function<Result<app::Unit>(app::Transaction&)>& work) {
  std::optional<Lease> lease;
  try {
    lease.emplace(acquire_for(access));
  } catch (const SqlError& error) {
    return database_failure(error.what());
  }
  SqlConnection& connection = **lease;
  try {
    begin(connection, access);
  } catch (const SqlError& error) {
    return database_failure(error.what());
  }
  auto roll_back = [&] {
    try {
      end(connection, access, false);
    } catch (const SqlError&) {
      // A connection that cannot roll back is broken; the pool drops it when
      // healthy() says so, and the first error is the one reported.
    }
  };
  std::optional<Result<app::Unit>> outcome;
  try {
    std::unique_ptr<app::Transaction> transaction = make_sql_transaction(connection, sql_repositories());
    outcome.emplace(work(*transaction));
  } catch (const SqlError& error) {
    roll_back();
    return database_failure(error.what());
  } catch (...) {
    roll_back();
    throw;
  }
  if (!*outcome) {
    roll_back();
    return std::move(*outcome);
  }
  try {
    end(connection, access, true);
  } catch (const SqlError& error) {
    roll_back();
    return database_failure(error.what());
  }
  return std::move(*outcome);
}

int SqlStore::schema_version() const { return schema_version_.load(); }

Result<app::Unit> SqlStore::execute_sql(const std::string& sql) {
  try {
    Lease lease = acquire();
    begin(*lease, app::Access::kWrite);
    try {
      lease->execute_script(sql);
      end(*lease, app::Access::kWrite, true);
    } catch (const SqlError&) {
      try {
        end(*lease, app::Access::kWrite, false);
      } catch (const SqlError&) {
        // Reported below through the first error.
      }
      throw;
    }
    return app::Unit{};
  } catch (const SqlError& error) {
    return database_failure(error.what());
  }
}

Result<int> SqlStore::migrate_to(int target) {
  try {
    Lease lease = acquire();
    Result<int> version = migrate(*lease, target, now_for_records());
    if (version) schema_version_.store(*version);
    return version;
  } catch (const SqlError& error) {
    return database_failure(error.what());
  }
}

Result<int> SqlStore::read_version_only() {
  try {
    Lease lease = acquire();
    const int version = read_schema_version(*lease);
    schema_version_.store(version);
    return version;
  } catch (const SqlError& error) {
    return database_failure(error.what());
  }
}

void SqlStore::check_schema(SqlConnection& connection, CheckReport& report) {
  const int version = read_schema_version(connection);
  const int program = latest_schema_version();
  report.schema_version = version;
  if (version == program) {
    report.lines.push_back(fmt::format("schema version {}: current", version));
  } else if (version > program) {
    report.ok = false;
    report.lines.push_back(newer_schema_issue(version, program).message);
  } else {
    report.ok = false;
    report.lines.push_back(
        fmt::format("schema version {} is older than this program's {}; opening it upgrades it", version, program));
  }
  std::vector<std::string> present;
  SqlResult tables =
      dialect_ == Dialect::kSqlite
          ? connection.query("SELECT name FROM sqlite_master WHERE type = 'table'")
          : connection.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
  for (std::size_t row = 0; row < tables.rows.size(); ++row) present.push_back(tables.text(row, 0));
  std::vector<std::string> missing;
  for (const std::string& table : tables_at_version(std::min(version, program))) {
    if (std::find(present.begin(), present.end(), table) == present.end()) missing.push_back(table);
  }
  if (missing.empty()) {
    report.lines.push_back(fmt::format("tables: all {} present", tables_at_version(std::min(version, program)).size()));
  } else {
    report.ok = false;
    report.lines.push_back(fmt::format("tables missing: {}", fmt::join(missing, ", ")));
  }
  // The audit log's hash chain: a changed, removed or reordered entry fails the check.
  if (std::find(present.begin(), present.end(), "audit_chain") != present.end()) {
    check_audit_chain(connection, report.ok, report.lines);
  }
}

}  // namespace allot::storage
