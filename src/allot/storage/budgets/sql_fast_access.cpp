// Requests to a fast-access budget and their decisions.
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kColumns =
    "id, budget_id, person_reference, purpose, amount_pence, requested_by, requested_at, decision, decided_by, "
    "decided_at, reason";

app::FastAccessRequest read_request(const SqlResult& result, std::size_t row) {
  app::FastAccessRequest r;
  r.id = result.integer(row, 0);
  r.budget_id = result.integer(row, 1);
  r.person_reference = result.text(row, 2);
  r.purpose = result.text(row, 3);
  r.amount = Money::from_pence(result.integer(row, 4));
  r.requested_by = result.text(row, 5);
  r.requested_at = read_timestamp(result, row, 6);
  r.decision = result.text(row, 7);
  r.decided_by = result.text(row, 8);
  r.decided_at = read_optional_timestamp(result, row, 9);
  r.reason = result.text(row, 10);
  return r;
}

class SqlFastAccess final : public app::FastAccessRepository {
 public:
  explicit SqlFastAccess(SqlConnection& connection) : db_(connection) {}

  Result<app::FastAccessRequest> add(const app::FastAccessRequest& r, app::Timestamp now) override {
    SqlResult result = db_.query(
        fmt::format("INSERT INTO fast_access_requests (budget_id, person_reference, purpose, amount_pence, "
                    "requested_by, requested_at, decision, decided_by, decided_at, reason) VALUES ($1, $2, $3, $4, "
                    "$5, $6, '', '', NULL, '') RETURNING {}",
                    kColumns),
        {sql_int(r.budget_id), sql_text(r.person_reference), sql_text(r.purpose), sql_int(r.amount.pence()),
         sql_text(r.requested_by), sql_timestamp(now)});
    return read_request(result, 0);
  }

  Result<app::FastAccessRequest> decide(Id id, const std::string& decision, const std::string& decided_by,
                                        const std::string& reason, app::Timestamp now) override {
    SqlResult result = db_.query(
        "UPDATE fast_access_requests SET decision = $2, decided_by = $3, decided_at = $4, reason = $5 "
        "WHERE id = $1 AND decision = ''",
        {sql_int(id), sql_text(decision), sql_text(decided_by), sql_timestamp(now), sql_text(reason)});
    SqlResult row = db_.query(fmt::format("SELECT {} FROM fast_access_requests WHERE id = $1", kColumns), {sql_int(id)});
    if (row.empty()) return not_found("request", fmt::format("there is no request {}", id));
    if (result.changed != 1) return fail(ErrorCode::kConflict, "request", "the request was decided already");
    return read_request(row, 0);
  }

  Result<std::vector<app::FastAccessRequest>> for_budget(Id budget_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM fast_access_requests WHERE budget_id = $1 ORDER BY id", kColumns),
        {sql_int(budget_id)});
    std::vector<app::FastAccessRequest> out;
    for (std::size_t row = 0; row < result.rows.size(); ++row) out.push_back(read_request(result, row));
    return out;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_fast_access(RepositoryRegistry& registry) {
  registry.add<app::FastAccessRepository, SqlFastAccess>();
}

}  // namespace allot::storage
