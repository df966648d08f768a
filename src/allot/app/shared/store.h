#pragma once
// The unit of work and the seam to the database. Each capability declares the
// repository interfaces it needs in app/<capability>/repositories.h; the storage
// module implements them for SQLite and PostgreSQL (storage/open_store.h); the
// app layer never includes storage.
//
// The unit of work is a transaction: Store::run() hands a Transaction to a
// function, commits if it returns a value and rolls back if it returns an error
// (or throws), so a request that fails changes nothing. Repositories are reached
// only through a Transaction.
//
// Errors, for every repository function: expected refusals are returned as Issues
// with the codes listed per function; a database failure (connection lost, disk
// full, a bug in SQL) is returned as ErrorCode::kInternal with the database's
// message, and the transaction is then rolled back by Store::run(). Nothing here
// throws for expected refusals.
//
// Thread-safety: a Store is safe to use from several threads at once. A
// Transaction and its repositories belong to the one thread running the function
// given to Store::run() and must not escape it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/shared/actor.h"
#include "allot/base/issue.h"

namespace allot::app {

using Unit = tl::monostate;

// One transaction's view of the database. Each capability declares its
// repository interfaces in its own folder (app/<capability>/repositories.h) and
// reaches them here by type:
//   Result<PersonRecord> person = tx.get<PersonRepository>().get(id);
// The storage module registers one implementation per interface; asking for an
// interface nobody registered is a wiring bug and throws std::logic_error.
class Transaction {
 public:
  virtual ~Transaction() = default;

  template <typename Repository>
  Repository& get() {
    return *static_cast<Repository*>(repository(std::type_index(typeid(Repository))));
  }

 protected:
  // The repository implementing `type` in this transaction, made on first use;
  // the pointer is to an object of exactly that interface type.
  virtual void* repository(std::type_index type) = 0;
};

enum class Access {
  kRead,   // reads only; may run alongside writers
  kWrite,  // reads and writes; takes the write lock up front (SQLite) so it cannot
           // deadlock upgrading a read lock
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `work` in one transaction. Commits if it returns a value; rolls back if it
  // returns an error or throws (the exception is rethrown after rollback). Returns
  // work's result, or kInternal if the database failed (begin/commit included).
  // A kRead transaction that tries to write gets kInternal. Thread-safe; blocks
  // while all connections are busy. Do not call run() from inside `work`.
  virtual Result<Unit> run(Access access, const std::function<Result<Unit>(Transaction&)>& work) = 0;
  // "sqlite" or "postgresql". Thread-safe.
  virtual std::string backend_name() const = 0;
  // The schema version of the open database (after migrations). Thread-safe.
  virtual int schema_version() const = 0;
};

// Convenience: run `work` (Transaction& -> Result<T>) and return its value.
// Example:
//   Result<User> user = in_transaction(store, Access::kRead,
//       [&](Transaction& tx) { return tx.get<app::UserRepository>().get(id); });
template <typename Work>
auto in_transaction(Store& store, Access access, Work&& work)
    -> std::invoke_result_t<Work&, Transaction&> {
  using R = std::invoke_result_t<Work&, Transaction&>;
  std::optional<typename R::value_type> value;
  Result<Unit> outcome = store.run(access, [&](Transaction& tx) -> Result<Unit> {
    R result = work(tx);
    if (!result) return tl::unexpected<Issues>(std::move(result.error()));
    value.emplace(std::move(*result));
    return Unit{};
  });
  if (!outcome) return tl::unexpected<Issues>(std::move(outcome.error()));
  return std::move(*value);
}

}  // namespace allot::app
