// Commitments from agreed personal budgets, and the fingerprint of people's
// records they were last brought up to date with.
#include <vector>

#include <fmt/format.h>

#include "allot/app/budgets/repositories.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Unit;

constexpr const char* kColumns =
    "id, person_id, locality, client_group, start_date, end_date, council_recurring_pence, council_one_off_pence, "
    "nhs_recurring_pence, nhs_one_off_pence, contribution_annual_pence, protection_annual_pence, "
    "protection_review_due, previous_package_annual_pence, person_row_version, recorded_at";

app::CommitmentRecord read_commitment(const SqlResult& result, std::size_t row) {
  app::CommitmentRecord c;
  c.id = result.integer(row, 0);
  c.person_id = result.integer(row, 1);
  c.locality = result.text(row, 2);
  c.client_group = result.text(row, 3);
  c.start = read_date(result, row, 4);
  if (!result.is_null(row, 5)) c.end = read_date(result, row, 5);
  c.council_recurring = Money::from_pence(result.integer(row, 6));
  c.council_one_off = Money::from_pence(result.integer(row, 7));
  c.nhs_recurring = Money::from_pence(result.integer(row, 8));
  c.nhs_one_off = Money::from_pence(result.integer(row, 9));
  c.contribution_annual = Money::from_pence(result.integer(row, 10));
  c.protection_annual = Money::from_pence(result.integer(row, 11));
  if (!result.is_null(row, 12)) c.protection_review_due = read_date(result, row, 12);
  c.previous_package_annual = Money::from_pence(result.integer(row, 13));
  c.person_row_version = result.integer(row, 14);
  c.recorded_at = read_timestamp(result, row, 15);
  return c;
}

std::vector<app::CommitmentRecord> read_all(const SqlResult& result) {
  std::vector<app::CommitmentRecord> rows;
  rows.reserve(result.rows.size());
  for (std::size_t row = 0; row < result.rows.size(); ++row) rows.push_back(read_commitment(result, row));
  return rows;
}

class SqlCommitments final : public app::CommitmentRepository {
 public:
  explicit SqlCommitments(SqlConnection& connection) : db_(connection) {}

  Result<std::vector<app::CommitmentRecord>> open() override {
    return read_all(db_.query(fmt::format("SELECT {} FROM budget_commitments WHERE end_date IS NULL ORDER BY id", kColumns)));
  }

  Result<std::vector<app::CommitmentRecord>> overlapping(Date first, Date last) override {
    return read_all(db_.query(
        fmt::format("SELECT {} FROM budget_commitments WHERE start_date <= $2 AND (end_date IS NULL OR "
                    "(end_date >= $1 AND end_date >= start_date)) ORDER BY id",
                    kColumns),
        {sql_date(first), sql_date(last)}));
  }

  Result<app::CommitmentRecord> add(const app::CommitmentRecord& c, app::Timestamp now) override {
    SqlResult result = db_.query(
        fmt::format("INSERT INTO budget_commitments (person_id, locality, client_group, start_date, end_date, "
                    "council_recurring_pence, council_one_off_pence, nhs_recurring_pence, nhs_one_off_pence, "
                    "contribution_annual_pence, protection_annual_pence, protection_review_due, "
                    "previous_package_annual_pence, person_row_version, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, "
                    "$7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING {}",
                    kColumns),
        {sql_int(c.person_id), sql_text(c.locality), sql_text(c.client_group), sql_date(c.start),
         sql_optional_date(c.end), sql_int(c.council_recurring.pence()), sql_int(c.council_one_off.pence()),
         sql_int(c.nhs_recurring.pence()), sql_int(c.nhs_one_off.pence()), sql_int(c.contribution_annual.pence()),
         sql_int(c.protection_annual.pence()), sql_optional_date(c.protection_review_due),
         sql_int(c.previous_package_annual.pence()), sql_int(c.person_row_version), sql_timestamp(now)});
    return read_commitment(result, 0);
  }

  Result<Unit> end(Id id, Date last_day) override {
    SqlResult result = db_.query("UPDATE budget_commitments SET end_date = $2 WHERE id = $1 AND end_date IS NULL",
                                 {sql_int(id), sql_date(last_day)});
    if (result.changed != 1) {
      return fail(ErrorCode::kConflict, fmt::format("commitments/{}", id), "the commitment has ended already");
    }
    return Unit{};
  }

  Result<std::string> people_fingerprint() override {
    // Financial assessments are only ever added, so their count and highest id
    // tell whether a contribution changed.
    SqlResult result = db_.query(
        "SELECT count(*), CAST(coalesce(sum(row_version), 0) AS BIGINT), coalesce(max(updated_at), ''), "
        "(SELECT count(*) FROM financial_assessments), "
        "(SELECT CAST(coalesce(max(id), 0) AS BIGINT) FROM financial_assessments) FROM people");
    return fmt::format("{}/{}/{}/{}/{}", result.integer(0, 0), result.integer(0, 1), result.text(0, 2),
                       result.integer(0, 3), result.integer(0, 4));
  }

  Result<std::optional<std::string>> synced_fingerprint() override {
    SqlResult result = db_.query("SELECT value FROM budget_sync WHERE name = 'commitments'");
    if (result.empty()) return std::optional<std::string>{};
    return std::optional<std::string>{result.text(0, 0)};
  }

  Result<Unit> set_synced_fingerprint(const std::string& fingerprint) override {
    db_.query("INSERT INTO budget_sync (name, value) VALUES ('commitments', $1) "
              "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
              {sql_text(fingerprint)});
    return Unit{};
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_commitments(RepositoryRegistry& registry) {
  registry.add<app::CommitmentRepository, SqlCommitments>();
}

}  // namespace allot::storage
