// Budgets with their partner contributions and allocation lines.
#include <map>
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kColumns =
    "id, code, name, financial_year, kind, host_agency, managed_by_agency, accountable_agency, risk_share, approver, "
    "request_limit_pence, created_by, created_at";

app::BudgetRecord read_budget(const SqlResult& result, std::size_t row) {
  app::BudgetRecord budget;
  budget.id = result.integer(row, 0);
  budget.code = result.text(row, 1);
  budget.name = result.text(row, 2);
  budget.financial_year = static_cast<int>(result.integer(row, 3));
  budget.kind = result.text(row, 4);
  budget.host_agency = result.text(row, 5);
  budget.managed_by_agency = result.text(row, 6);
  budget.accountable_agency = result.text(row, 7);
  budget.risk_share = result.text(row, 8);
  budget.approver = result.text(row, 9);
  budget.request_limit = Money::from_pence(result.integer(row, 10));
  budget.created_by = result.text(row, 11);
  budget.created_at = read_timestamp(result, row, 12);
  return budget;
}

class SqlBudgets final : public app::BudgetRepository {
 public:
  explicit SqlBudgets(SqlConnection& connection) : db_(connection) {}

  Result<app::BudgetRecord> add(const app::BudgetRecord& budget, app::Timestamp now) override {
    try {
      return with_savepoint(db_, [&]() -> Result<app::BudgetRecord> {
        SqlResult result = db_.query(
            fmt::format("INSERT INTO budgets (code, name, financial_year, kind, host_agency, managed_by_agency, "
                        "accountable_agency, risk_share, approver, request_limit_pence, created_by, created_at) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING {}",
                        kColumns),
            {sql_text(budget.code), sql_text(budget.name), sql_int(budget.financial_year), sql_text(budget.kind),
             sql_text(budget.host_agency), sql_text(budget.managed_by_agency), sql_text(budget.accountable_agency),
             sql_text(budget.risk_share), sql_text(budget.approver), sql_int(budget.request_limit.pence()),
             sql_text(budget.created_by), sql_timestamp(now)});
        const Id id = result.integer(0, 0);
        for (std::size_t idx = 0; idx < budget.contributions.size(); ++idx) {
          const app::BudgetContribution& c = budget.contributions[idx];
          db_.query("INSERT INTO budget_contributions (budget_id, position, fund_id, partner_agency, funding_source, "
                    "amount_pence) VALUES ($1, $2, $3, $4, $5, $6)",
                    {sql_int(id), sql_int(static_cast<std::int64_t>(idx)), sql_int(c.fund_id), sql_text(c.partner_agency),
                     sql_text(c.funding_source), sql_int(c.amount.pence())});
        }
        for (const app::BudgetLine& line : budget.lines) {
          db_.query("INSERT INTO budget_lines (budget_id, code, name, kind, locality, client_group, setting, "
                    "amount_pence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    {sql_int(id), sql_text(line.code), sql_text(line.name), sql_text(line.kind),
                     sql_text(line.locality), sql_text(line.client_group), sql_text(line.setting),
                     sql_int(line.amount.pence())});
        }
        return get(id);
      });
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kConflict, "code", fmt::format("a budget with code \"{}\" exists already", budget.code));
      }
      if (error.failure() == SqlFailure::kForeignKeyViolation) {
        return fail(ErrorCode::kUnknownReference, "contributions", "a contribution names a fund that does not exist");
      }
      throw;
    }
  }

  Result<app::BudgetRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM budgets WHERE id = $1", kColumns), {sql_int(id)});
    if (result.empty()) return not_found("id", fmt::format("there is no budget {}", id));
    std::vector<app::BudgetRecord> budgets{read_budget(result, 0)};
    fill(budgets, "WHERE budget_id = $1", {sql_int(id)});
    return budgets[0];
  }

  Result<std::vector<app::BudgetRecord>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM budgets ORDER BY financial_year, code", kColumns));
    std::vector<app::BudgetRecord> budgets;
    for (std::size_t row = 0; row < result.rows.size(); ++row) budgets.push_back(read_budget(result, row));
    fill(budgets, "", {});
    return budgets;
  }

 private:
  void fill(std::vector<app::BudgetRecord>& budgets, const std::string& where, const std::vector<SqlValue>& params) {
    std::map<Id, app::BudgetRecord*> by_id;
    for (app::BudgetRecord& budget : budgets) by_id[budget.id] = &budget;
    SqlResult contributions = db_.query(
        "SELECT budget_id, fund_id, partner_agency, funding_source, amount_pence FROM budget_contributions " + where +
            " ORDER BY budget_id, position",
        params);
    for (std::size_t row = 0; row < contributions.rows.size(); ++row) {
      const auto found = by_id.find(contributions.integer(row, 0));
      if (found == by_id.end()) continue;
      found->second->contributions.push_back(app::BudgetContribution{
          contributions.integer(row, 1), contributions.text(row, 2), contributions.text(row, 3),
          Money::from_pence(contributions.integer(row, 4))});
    }
    SqlResult lines = db_.query(
        "SELECT budget_id, id, code, name, kind, locality, client_group, setting, amount_pence FROM budget_lines " +
            where + " ORDER BY budget_id, id",
        params);
    for (std::size_t row = 0; row < lines.rows.size(); ++row) {
      const auto found = by_id.find(lines.integer(row, 0));
      if (found == by_id.end()) continue;
      found->second->lines.push_back(app::BudgetLine{lines.integer(row, 1), lines.text(row, 2), lines.text(row, 3),
                                                     lines.text(row, 4), lines.text(row, 5), lines.text(row, 6),
                                                     lines.text(row, 7), Money::from_pence(lines.integer(row, 8))});
    }
  }

  SqlConnection& db_;
};

}  // namespace

void register_sql_budgets(RepositoryRegistry& registry) { registry.add<app::BudgetRepository, SqlBudgets>(); }

}  // namespace allot::storage
