// Support plan versions, one row per person and version (append-only).
#include "allot/storage/journey/journey_storage.h"

#include <vector>

#include <fmt/format.h>

#include "allot/app/journey/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kPlanColumns = "person_id, version, document, annual_pence, created_by, created_at";

app::PlanVersionRecord read_plan(const SqlResult& result, std::size_t row) {
  return app::PlanVersionRecord{result.integer(row, 0),
                                static_cast<int>(result.integer(row, 1)),
                                result.text(row, 2),
                                Money::from_pence(result.integer(row, 3)),
                                result.text(row, 4),
                                read_timestamp(result, row, 5)};
}

class SqlPlanVersions final : public app::PlanVersionRepository {
 public:
  explicit SqlPlanVersions(SqlConnection& connection) : db_(connection) {}

  Result<app::PlanVersionRecord> add(const app::PlanVersionRecord& plan) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO support_plans ({}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                     kPlanColumns, kPlanColumns),
                         {sql_int(plan.person_id), sql_int(plan.version), sql_text(plan.document),
                          sql_int(plan.annual.pence()), sql_text(plan.created_by), sql_timestamp(plan.created_at)});
      });
      return read_plan(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kForeignKeyViolation) return no_such_person(plan.person_id);
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, fmt::format("support_plans/{}/{}", plan.person_id, plan.version),
                  fmt::format("support plan version {} was saved by someone else first; reload and try again",
                              plan.version));
    }
  }

  Result<std::vector<app::PlanVersionRecord>> for_person(Id person_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM support_plans WHERE person_id = $1 ORDER BY version", kPlanColumns),
        {sql_int(person_id)});
    std::vector<app::PlanVersionRecord> plans;
    for (std::size_t row = 0; row < result.rows.size(); ++row) plans.push_back(read_plan(result, row));
    return plans;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_plan_versions(RepositoryRegistry& registry) {
  registry.add<app::PlanVersionRepository, SqlPlanVersions>();
}

}  // namespace allot::storage
