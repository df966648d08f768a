// Payments (actuals), append-only, and the monthly totals by line kept as they
// are posted (so monitoring reads a few hundred rows, not every payment).
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kColumns =
    "id, budget_id, line_id, line_code, paid_on, payee, person_reference, amount_pence, reference, idempotency_key, "
    "corrects, unmatched_reason, posted_by, agency, posted_at";

app::PaymentRecord read_payment(const SqlResult& result, std::size_t row) {
  app::PaymentRecord p;
  p.id = result.integer(row, 0);
  p.budget_id = result.integer(row, 1);
  if (!result.is_null(row, 2)) p.line_id = result.integer(row, 2);
  p.line_code = result.text(row, 3);
  p.paid_on = read_date(result, row, 4);
  p.payee = result.text(row, 5);
  p.person_reference = result.text(row, 6);
  p.amount = Money::from_pence(result.integer(row, 7));
  p.reference = result.text(row, 8);
  p.idempotency_key = result.text(row, 9);
  if (!result.is_null(row, 10)) p.corrects = result.integer(row, 10);
  p.unmatched_reason = result.text(row, 11);
  p.posted_by = result.text(row, 12);
  p.agency = result.text(row, 13);
  p.posted_at = read_timestamp(result, row, 14);
  return p;
}

std::vector<app::PaymentRecord> read_all(const SqlResult& result) {
  std::vector<app::PaymentRecord> rows;
  for (std::size_t row = 0; row < result.rows.size(); ++row) rows.push_back(read_payment(result, row));
  return rows;
}

class SqlPayments final : public app::PaymentRepository {
 public:
  explicit SqlPayments(SqlConnection& connection) : db_(connection) {}

  Result<std::optional<app::PaymentRecord>> find_by_key(Id budget_id, const std::string& key) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM budget_payments WHERE budget_id = $1 AND idempotency_key = $2", kColumns),
        {sql_int(budget_id), sql_text(key)});
    if (result.empty()) return std::optional<app::PaymentRecord>{};
    return std::optional<app::PaymentRecord>{read_payment(result, 0)};
  }

  Result<app::PaymentRecord> post(const app::PaymentRecord& p, int month_index, app::Timestamp now) override {
    // The payment first: a key posted already (by a transaction that committed
    // while this one ran) leaves the running totals untouched.
    app::PaymentRecord posted;
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(
            fmt::format("INSERT INTO budget_payments (budget_id, line_id, line_code, paid_on, payee, person_reference, "
                        "amount_pence, reference, idempotency_key, corrects, unmatched_reason, posted_by, agency, "
                        "posted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {}",
                        kColumns),
            {sql_int(p.budget_id), p.line_id ? sql_int(*p.line_id) : SqlValue{SqlNull{}}, sql_text(p.line_code),
             sql_date(p.paid_on), sql_text(p.payee), sql_text(p.person_reference), sql_int(p.amount.pence()),
             sql_text(p.reference), sql_text(p.idempotency_key), p.corrects ? sql_int(*p.corrects) : SqlValue{SqlNull{}},
             sql_text(p.unmatched_reason), sql_text(p.posted_by), sql_text(p.agency), sql_timestamp(now)});
      });
      posted = read_payment(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "idempotency_key",
                  fmt::format("a payment with key \"{}\" was posted already", p.idempotency_key));
    }
    if (p.line_id) {
      // The running monthly total, added in one statement so that concurrent
      // postings cannot lose each other's amounts (PostgreSQL runs them at once;
      // a read, add and write would keep only one). SQL would not refuse an
      // overflow on SQLite, so the statement matches only a total the amount fits.
      db_.query("INSERT INTO budget_actuals_monthly (budget_id, line_id, month_index, amount_pence) "
                "VALUES ($1, $2, $3, 0) ON CONFLICT (budget_id, line_id, month_index) DO NOTHING",
                {sql_int(p.budget_id), sql_int(*p.line_id), sql_int(month_index)});
      const std::int64_t amount = p.amount.pence();
      constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
      constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
      const std::int64_t lowest = amount < 0 ? kMin - amount : kMin;
      const std::int64_t highest = amount > 0 ? kMax - amount : kMax;
      SqlResult total = db_.query(
          "UPDATE budget_actuals_monthly SET amount_pence = amount_pence + $4 WHERE budget_id = $1 AND line_id = $2 "
          "AND month_index = $3 AND amount_pence BETWEEN $5 AND $6 RETURNING amount_pence",
          {sql_int(p.budget_id), sql_int(*p.line_id), sql_int(month_index), sql_int(amount), sql_int(lowest),
           sql_int(highest)});
      if (total.empty()) {
        return fail(ErrorCode::kInvalidValue, "amount_pence", "the line's monthly total would not fit in 64-bit pence");
      }
    }
    return posted;
  }

  Result<std::vector<app::MonthlyActual>> monthly_actuals(Id budget_id) override {
    SqlResult result = db_.query(
        "SELECT line_id, month_index, amount_pence FROM budget_actuals_monthly WHERE budget_id = $1",
        {sql_int(budget_id)});
    std::vector<app::MonthlyActual> out;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      out.push_back(app::MonthlyActual{result.integer(row, 0), static_cast<int>(result.integer(row, 1)),
                                       Money::from_pence(result.integer(row, 2))});
    }
    return out;
  }

  Result<std::vector<app::PaymentRecord>> unmatched(Id budget_id) override {
    return read_all(db_.query(
        // "> ''" (not "<> ''") so the index on (budget_id, unmatched_reason) skips the matched ones.
        fmt::format("SELECT {} FROM budget_payments WHERE budget_id = $1 AND unmatched_reason > '' ORDER BY id",
                    kColumns),
        {sql_int(budget_id)}));
  }

  Result<std::vector<app::PaymentRecord>> recent(Id budget_id, int limit) override {
    return read_all(db_.query(
        fmt::format("SELECT {} FROM budget_payments WHERE budget_id = $1 ORDER BY id DESC LIMIT $2", kColumns),
        {sql_int(budget_id), sql_int(limit)}));
  }

  Result<app::PaymentRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM budget_payments WHERE id = $1", kColumns), {sql_int(id)});
    if (result.empty()) return not_found("id", fmt::format("there is no payment {}", id));
    return read_payment(result, 0);
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_payments(RepositoryRegistry& registry) { registry.add<app::PaymentRepository, SqlPayments>(); }

}  // namespace allot::storage
