// Funds: council core budget, NHS contribution, named grants.
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

constexpr const char* kColumns = "id, code, name, kind, owner_agency, conditions, end_date, created_by, created_at";

app::BudgetFund read_fund(const SqlResult& result, std::size_t row) {
  app::BudgetFund fund;
  fund.id = result.integer(row, 0);
  fund.code = result.text(row, 1);
  fund.name = result.text(row, 2);
  fund.kind = result.text(row, 3);
  fund.owner_agency = result.text(row, 4);
  fund.conditions = result.text(row, 5);
  if (!result.is_null(row, 6)) fund.end_date = read_date(result, row, 6);
  fund.created_by = result.text(row, 7);
  fund.created_at = read_timestamp(result, row, 8);
  return fund;
}

class SqlBudgetFunds final : public app::BudgetFundRepository {
 public:
  explicit SqlBudgetFunds(SqlConnection& connection) : db_(connection) {}

  Result<app::BudgetFund> add(const app::BudgetFund& fund, app::Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(
            fmt::format("INSERT INTO budget_funds (code, name, kind, owner_agency, conditions, end_date, created_by, "
                        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {}",
                        kColumns),
            {sql_text(fund.code), sql_text(fund.name), sql_text(fund.kind), sql_text(fund.owner_agency),
             sql_text(fund.conditions), sql_optional_date(fund.end_date), sql_text(fund.created_by),
             sql_timestamp(now)});
      });
      return read_fund(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "code", fmt::format("a fund with code \"{}\" exists already", fund.code));
    }
  }

  Result<std::vector<app::BudgetFund>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM budget_funds ORDER BY code", kColumns));
    std::vector<app::BudgetFund> funds;
    for (std::size_t row = 0; row < result.rows.size(); ++row) funds.push_back(read_fund(result, row));
    return funds;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_budget_funds(RepositoryRegistry& registry) {
  registry.add<app::BudgetFundRepository, SqlBudgetFunds>();
}

}  // namespace allot::storage
