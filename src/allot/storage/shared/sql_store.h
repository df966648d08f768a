#pragma once
// The parts of a store both backends share: a small pool of connections (one per
// thread at a time), transactions around the repositories, and the table checks.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "allot/storage/open_store.h"
#include "allot/storage/shared/sql_connection.h"

namespace allot::storage {

class SqlStore : public AdminStore {
 public:
  using ConnectionFactory = std::function<std::unique_ptr<SqlConnection>()>;

  Result<app::Unit> run(app::Access access,
                        const std::function<Result<app::Unit>(app::Transaction&)>& work) override;
  int schema_version() const override;
  Result<app::Unit> execute_sql(const std::string& sql) override;

 protected:
  SqlStore(ConnectionFactory factory, std::size_t max_connections, Dialect dialect);

  // A connection borrowed from the pool, returned when the lease ends (dropped
  // instead if it broke).
  class Lease {
   public:
    Lease(SqlStore& store, std::unique_ptr<SqlConnection> connection)
        : store_(&store), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }
    SqlConnection* get() const { return connection_.get(); }

   private:
    SqlStore* store_;
    std::unique_ptr<SqlConnection> connection_;
  };

  // Waits for a free connection, opening a new one below the limit. Throws
  // SqlError if a new connection cannot be opened.
  Lease acquire();
  // For a transaction: preferably a connection already in the access's mode.
  Lease acquire_for(std::optional<app::Access> access);

  // Runs migrations on one pooled connection and records the schema version.
  Result<int> migrate_to(int target);
  // Records the schema version without changing anything.
  Result<int> read_version_only();

  // Lines for check(): schema version against the program and every expected
  // table present; sets report.ok to false on any problem.
  void check_schema(SqlConnection& connection, CheckReport& report);

  Dialect dialect_;
  std::atomic<int> schema_version_{0};

 private:
  void begin(SqlConnection& connection, app::Access access);
  void end(SqlConnection& connection, app::Access access, bool commit);
  void give_back(std::unique_ptr<SqlConnection> connection);

  ConnectionFactory factory_;
  std::size_t max_connections_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  std::size_t open_ = 0;
};

// The current time as ISO 8601 UTC text, for migration records (infrastructure,
// not the domain, so it may read the system clock).
std::string now_for_records();

// kInternal carrying the database's message.
tl::unexpected<Issues> database_failure(const std::string& message);

}  // namespace allot::storage
