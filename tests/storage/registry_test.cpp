// The repository registry: a transaction makes each registered repository once,
// and wiring mistakes (an interface registered twice, or never) fail loudly.
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "allot/storage/shared/repository_registry.h"
#include "allot/storage/sqlite/sqlite_connection.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

// A repository interface of the kind a capability declares in app/.
class AnswerRepository {
 public:
  virtual ~AnswerRepository() = default;
  virtual std::int64_t answer() = 0;
};

class SqlAnswers final : public AnswerRepository {
 public:
  explicit SqlAnswers(SqlConnection& connection) : db_(connection) {}
  std::int64_t answer() override { return db_.query("SELECT 41 + 1").integer(0, 0); }

 private:
  SqlConnection& db_;
};

class OtherAnswers final : public AnswerRepository {
 public:
  explicit OtherAnswers(SqlConnection&) {}
  std::int64_t answer() override { return 0; }
};

std::unique_ptr<SqliteConnection> scratch_connection() {
  return SqliteConnection::open(":memory:", SqliteConnection::Journal::kDefault);
}

TEST(RepositoryRegistry, ATransactionMakesEachRepositoryOnce) {
  RepositoryRegistry registry;
  registry.add<AnswerRepository, SqlAnswers>();
  EXPECT_TRUE(registry.contains(typeid(AnswerRepository)));
  auto connection = scratch_connection();
  std::unique_ptr<app::Transaction> tx = make_sql_transaction(*connection, registry);
  AnswerRepository& answers = tx->get<AnswerRepository>();
  EXPECT_EQ(answers.answer(), 42);
  EXPECT_EQ(&tx->get<AnswerRepository>(), &answers);
}

TEST(RepositoryRegistry, RefusesASecondImplementationOfOneInterface) {
  RepositoryRegistry registry;
  registry.add<AnswerRepository, SqlAnswers>();
  EXPECT_THROW((registry.add<AnswerRepository, OtherAnswers>()), std::logic_error);
  EXPECT_EQ(registry.size(), 1u);
}

TEST(RepositoryRegistry, AskingForAnUnregisteredInterfaceThrows) {
  RepositoryRegistry registry;
  auto connection = scratch_connection();
  std::unique_ptr<app::Transaction> tx = make_sql_transaction(*connection, registry);
  EXPECT_THROW(tx->get<AnswerRepository>(), std::logic_error);
}

TEST(RepositoryRegistry, EveryCapabilityRegistersWithoutConflict) {
  // Building the registry throws if two capabilities claim one interface.
  EXPECT_NO_THROW(sql_repositories());
  EXPECT_FALSE(sql_repositories().contains(typeid(AnswerRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
