#pragma once
// Which SQL class implements which app repository interface. Each capability
// registers its own in one function (storage/<capability>/<capability>_storage.h):
//
//   void register_journey_repositories(RepositoryRegistry& registry) {
//     registry.add<app::PersonRepository, SqlPeople>();
//     ...
//   }
//
// and storage/capabilities.cpp calls each capability's function once: that call
// is the only line a new capability adds to shared code. A transaction makes a
// repository from its registered factory the first time tx.get<Interface>()
// asks for it.
//
// Thread-safety: a registry is filled once, then only read; reading is
// thread-safe.

#include <cstddef>
#include <map>
#include <memory>
#include <type_traits>
#include <typeindex>
#include <typeinfo>

#include "allot/app/shared/store.h"
#include "allot/storage/shared/sql_connection.h"

namespace allot::storage {

class RepositoryRegistry {
 public:
  // Makes one repository over a connection that is inside an open transaction;
  // the pointer is to an object of exactly the registered interface type.
  using Factory = std::shared_ptr<void> (*)(SqlConnection&);

  // Registers `Implementation` (constructible from SqlConnection&) as the
  // repository for `Interface`. Throws std::logic_error if `Interface` has one
  // already: two capabilities claiming one interface is a wiring bug.
  template <typename Interface, typename Implementation>
  void add() {
    static_assert(std::is_base_of_v<Interface, Implementation>, "the implementation must derive from the interface");
    add(std::type_index(typeid(Interface)), [](SqlConnection& connection) -> std::shared_ptr<void> {
      // Held as the interface type, so Transaction::get<Interface>() may cast back.
      std::shared_ptr<Interface> repository = std::make_shared<Implementation>(connection);
      return std::static_pointer_cast<void>(repository);
    });
  }

  bool contains(std::type_index type) const { return factories_.count(type) > 0; }
  std::size_t size() const { return factories_.size(); }

  // Makes the repository registered for `type` over `connection`. Throws
  // std::logic_error naming the type if nobody registered it (a wiring bug).
  std::shared_ptr<void> make(std::type_index type, SqlConnection& connection) const;

 private:
  void add(std::type_index type, Factory factory);

  std::map<std::type_index, Factory> factories_;
};

// Every capability's repositories, registered on first use by
// storage/capabilities.cpp.
const RepositoryRegistry& sql_repositories();

// The Transaction that Store::run() hands to work: repositories from `registry`
// over `connection`, each made on first use and kept for the transaction. The
// connection must already be in a transaction; it and the registry must outlive
// the result.
std::unique_ptr<app::Transaction> make_sql_transaction(SqlConnection& connection, const RepositoryRegistry& registry);

}  // namespace allot::storage
