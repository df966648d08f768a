// Financial assessments (append-only): the current one is the latest effective.
#include <vector>

#include <fmt/format.h>

#include "allot/app/charging/repositories.h"
#include "allot/storage/charging/charging_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kColumns =
    "f.id, f.person_id, f.rules_id, f.rules_version, f.status, f.reason, f.effective_from, f.assessment, "
    "f.calculation, f.weekly_cost_pence, f.assessed_weekly_pence, f.contribution_pence, f.full_cost, f.recorded_by, "
    "f.agency, f.recorded_at";

constexpr const char* kReturning =
    "id, person_id, rules_id, rules_version, status, reason, effective_from, assessment, calculation, "
    "weekly_cost_pence, assessed_weekly_pence, contribution_pence, full_cost, recorded_by, agency, recorded_at";

app::FinancialAssessmentRecord read_assessment(const SqlResult& result, std::size_t row) {
  app::FinancialAssessmentRecord record;
  record.id = result.integer(row, 0);
  record.person_id = result.integer(row, 1);
  record.rules_id = result.text(row, 2);
  record.rules_version = static_cast<int>(result.integer(row, 3));
  record.status = result.text(row, 4);
  record.reason = result.text(row, 5);
  record.effective_from = read_date(result, row, 6);
  record.assessment = result.text(row, 7);
  record.calculation = result.text(row, 8);
  record.weekly_cost = Money::from_pence(result.integer(row, 9));
  record.assessed_weekly = Money::from_pence(result.integer(row, 10));
  record.contribution = Money::from_pence(result.integer(row, 11));
  record.full_cost = result.integer(row, 12) != 0;
  record.recorded_by = result.text(row, 13);
  record.agency = result.text(row, 14);
  record.recorded_at = read_timestamp(result, row, 15);
  return record;
}

class SqlFinancialAssessments final : public app::FinancialAssessmentRepository {
 public:
  explicit SqlFinancialAssessments(SqlConnection& connection) : db_(connection) {}

  Result<app::FinancialAssessmentRecord> add(const app::FinancialAssessmentRecord& record) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(
            fmt::format("INSERT INTO financial_assessments (person_id, rules_id, rules_version, status, reason, "
                        "effective_from, assessment, calculation, weekly_cost_pence, assessed_weekly_pence, "
                        "contribution_pence, full_cost, recorded_by, agency, recorded_at) VALUES ($1, $2, $3, $4, $5, "
                        "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING {}",
                        kReturning),
            {sql_int(record.person_id), sql_text(record.rules_id), sql_int(record.rules_version),
             sql_text(record.status), sql_text(record.reason), sql_date(record.effective_from),
             sql_text(record.assessment), sql_text(record.calculation), sql_int(record.weekly_cost.pence()),
             sql_int(record.assessed_weekly.pence()), sql_int(record.contribution.pence()),
             sql_int(record.full_cost ? 1 : 0), sql_text(record.recorded_by), sql_text(record.agency),
             sql_timestamp(record.recorded_at)});
      });
      return read_assessment(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "person_id",
                  fmt::format("person {} or charging rules \"{}\" version {} do not exist", record.person_id,
                              record.rules_id, record.rules_version));
    }
  }

  Result<std::vector<app::FinancialAssessmentRecord>> for_person(Id person_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM financial_assessments f WHERE person_id = $1 "
                                             "ORDER BY effective_from DESC, id DESC",
                                             kColumns),
                                 {sql_int(person_id)});
    std::vector<app::FinancialAssessmentRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_assessment(result, row));
    return all;
  }

  Result<std::optional<app::FinancialAssessmentRecord>> in_force(Id person_id, Date on) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM financial_assessments f WHERE person_id = $1 AND "
                                             "effective_from <= $2 ORDER BY effective_from DESC, id DESC LIMIT 1",
                                             kColumns),
                                 {sql_int(person_id), sql_date(on)});
    if (result.empty()) return std::optional<app::FinancialAssessmentRecord>{};
    return std::optional<app::FinancialAssessmentRecord>{read_assessment(result, 0)};
  }

  Result<std::vector<app::FinancialAssessmentRecord>> all_in_force(Date on) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM financial_assessments f WHERE f.effective_from <= $1 AND NOT EXISTS ("
                    "SELECT 1 FROM financial_assessments g WHERE g.person_id = f.person_id AND g.effective_from <= $1 "
                    "AND (g.effective_from > f.effective_from OR (g.effective_from = f.effective_from AND g.id > f.id))) "
                    "ORDER BY f.person_id",
                    kColumns),
        {sql_date(on)});
    std::vector<app::FinancialAssessmentRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_assessment(result, row));
    return all;
  }

  Result<std::vector<app::FinancialAssessmentRecord>> all_without_documents() override {
    SqlResult result = db_.query(
        "SELECT f.id, f.person_id, f.rules_id, f.rules_version, f.status, f.reason, f.effective_from, '', '', "
        "f.weekly_cost_pence, f.assessed_weekly_pence, f.contribution_pence, f.full_cost, f.recorded_by, f.agency, "
        "f.recorded_at FROM financial_assessments f ORDER BY f.person_id, f.effective_from, f.id");
    std::vector<app::FinancialAssessmentRecord> all;
    all.reserve(result.rows.size());
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_assessment(result, row));
    return all;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_financial_assessments(RepositoryRegistry& registry) {
  registry.add<app::FinancialAssessmentRepository, SqlFinancialAssessments>();
}

}  // namespace allot::storage
