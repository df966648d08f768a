// Allocations of cases to workers and teams (append-only: the latest per person
// is the one in force).
#include <vector>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/storage/casework/casework_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

constexpr const char* kColumns = "id, person_id, worker, team, reason, allocated_by, agency, allocated_at";

app::Allocation read_allocation(const SqlResult& result, std::size_t row) {
  return app::Allocation{result.integer(row, 0), result.integer(row, 1), result.text(row, 2),
                         result.text(row, 3),    result.text(row, 4),    result.text(row, 5),
                         result.text(row, 6),    read_timestamp(result, row, 7)};
}

std::vector<app::Allocation> read_all(const SqlResult& result) {
  std::vector<app::Allocation> all;
  for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_allocation(result, row));
  return all;
}

class SqlAllocations final : public app::AllocationRepository {
 public:
  explicit SqlAllocations(SqlConnection& connection) : db_(connection) {}

  Result<app::Allocation> add(const app::NewAllocation& allocation, app::Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO casework_allocations (person_id, worker, team, reason, "
                                     "allocated_by, agency, allocated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                     "RETURNING {}",
                                     kColumns),
                         {sql_int(allocation.person_id), sql_text(allocation.worker), sql_text(allocation.team),
                          sql_text(allocation.reason), sql_text(allocation.by.username),
                          sql_text(allocation.by.agency), sql_timestamp(now)});
      });
      return read_allocation(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "person_id",
                  fmt::format("there is no person with id {}", allocation.person_id));
    }
  }

  Result<std::vector<app::Allocation>> for_person(app::Id person_id) override {
    return read_all(db_.query(
        fmt::format("SELECT {} FROM casework_allocations WHERE person_id = $1 ORDER BY id", kColumns),
        {sql_int(person_id)}));
  }

  Result<std::vector<app::Allocation>> latest() override {
    return read_all(db_.query(fmt::format("SELECT {} FROM casework_allocations WHERE id IN (SELECT MAX(id) FROM "
                                          "casework_allocations GROUP BY person_id) ORDER BY person_id",
                                          kColumns),
                              {}));
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_allocations(RepositoryRegistry& registry) {
  registry.add<app::AllocationRepository, SqlAllocations>();
}

}  // namespace allot::storage
