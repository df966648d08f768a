#include "allot/storage/shared/repository_registry.h"

#include <stdexcept>
#include <string>

namespace allot::storage {

namespace {

// Repositories are made on first use, so a transaction pays only for those it
// touches.
class SqlTransaction final : public app::Transaction {
 public:
  SqlTransaction(SqlConnection& connection, const RepositoryRegistry& registry)
      : connection_(connection), registry_(registry) {}

 protected:
  void* repository(std::type_index type) override {
    auto found = made_.find(type);
    if (found != made_.end()) return found->second.get();
    std::shared_ptr<void> made = registry_.make(type, connection_);
    void* pointer = made.get();
    made_.emplace(type, std::move(made));
    return pointer;
  }

 private:
  SqlConnection& connection_;
  const RepositoryRegistry& registry_;
  std::map<std::type_index, std::shared_ptr<void>> made_;
};

}  // namespace

void RepositoryRegistry::add(std::type_index type, Factory factory) {
  if (!factories_.emplace(type, factory).second) {
    throw std::logic_error(std::string("storage for ") + type.name() + " is registered twice");
  }
}

std::shared_ptr<void> RepositoryRegistry::make(std::type_index type, SqlConnection& connection) const {
  auto found = factories_.find(type);
  if (found == factories_.end()) throw std::logic_error(std::string("no storage registered for ") + type.name());
  return found->second(connection);
}

std::unique_ptr<app::Transaction> make_sql_transaction(SqlConnection& connection, const RepositoryRegistry& registry) {
  return std::make_unique<SqlTransaction>(connection, registry);
}

}  // namespace allot::storage
