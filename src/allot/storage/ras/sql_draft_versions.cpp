// Draft rulebook versions under governance (status guarded by row_version) and
// the append-only history of their steps.
#include "allot/storage/ras/ras_storage.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/ras/repositories.h"
#include "allot/app/shared/concurrency.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

constexpr const char* kDraftColumns =
    "rulebook_id, version, title, origin, document, status, effective_from, simulation, created_by, created_at, "
    "proposed_by, row_version";

std::optional<Date> read_optional_date(const SqlResult& result, std::size_t row, std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return read_date(result, row, column);
}

app::DraftVersion read_draft_version(const SqlResult& result, std::size_t row) {
  app::DraftVersion draft;
  draft.rulebook_id = result.text(row, 0);
  draft.version = static_cast<int>(result.integer(row, 1));
  draft.title = result.text(row, 2);
  draft.origin = result.text(row, 3) == "calibration" ? app::DraftOrigin::kCalibration : app::DraftOrigin::kUpload;
  draft.document = result.text(row, 4);
  const std::optional<app::DraftStatus> status = app::parse_draft_status(result.text(row, 5));
  if (!status) throw SqlError(SqlFailure::kOther, "rulebook_draft_versions.status is not a status: " + result.text(row, 5));
  draft.status = *status;
  draft.effective_from = read_optional_date(result, row, 6);
  draft.simulation = result.optional_text(row, 7).value_or("");
  draft.created_by = result.text(row, 8);
  draft.created_at = read_timestamp(result, row, 9);
  draft.proposed_by = result.optional_text(row, 10).value_or("");
  draft.row_version = result.integer(row, 11);
  return draft;
}

SqlValue optional_text(const std::string& text) {
  if (text.empty()) return SqlNull{};
  return text;
}

constexpr const char* kStepColumns = "id, rulebook_id, version, step, actor, agency, at, effective_from, note";

app::RulebookStep read_step(const SqlResult& result, std::size_t row) {
  app::RulebookStep step;
  step.id = result.integer(row, 0);
  step.rulebook_id = result.text(row, 1);
  step.version = static_cast<int>(result.integer(row, 2));
  const std::optional<app::GovernanceStep> kind = app::parse_governance_step(result.text(row, 3));
  if (!kind) throw SqlError(SqlFailure::kOther, "rulebook_steps.step is not a step: " + result.text(row, 3));
  step.step = *kind;
  step.by = app::Actor{result.text(row, 4), result.text(row, 5)};
  step.at = read_timestamp(result, row, 6);
  step.effective_from = read_optional_date(result, row, 7);
  step.note = result.text(row, 8);
  return step;
}

class SqlDraftVersions final : public app::DraftVersionRepository {
 public:
  explicit SqlDraftVersions(SqlConnection& connection) : db_(connection) {}

  Result<app::DraftVersion> add(const app::DraftVersion& draft) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO rulebook_draft_versions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                     "$8, $9, $10, $11, 1) RETURNING {}",
                                     kDraftColumns, kDraftColumns),
                         values(draft));
      });
      return read_draft_version(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("rulebook \"{}\" version {} is a draft already; give the new one another version",
                              draft.rulebook_id, draft.version));
    }
  }

  Result<app::DraftVersion> get(std::string_view rulebook_id, int version) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM rulebook_draft_versions WHERE rulebook_id = $1 AND version = $2", kDraftColumns),
        {sql_text(rulebook_id), sql_int(version)});
    if (result.empty()) {
      return not_found("rulebook", fmt::format("rulebook \"{}\" has no draft version {}", rulebook_id, version));
    }
    return read_draft_version(result, 0);
  }

  Result<std::vector<app::DraftVersion>> list() override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM rulebook_draft_versions ORDER BY rulebook_id, version", kDraftColumns));
    std::vector<app::DraftVersion> drafts;
    for (std::size_t row = 0; row < result.rows.size(); ++row) drafts.push_back(read_draft_version(result, row));
    return drafts;
  }

  Result<app::DraftVersion> update(const app::DraftVersion& draft) override {
    // Optimistic concurrency (app/shared/concurrency.h): two people deciding at
    // once cannot both succeed.
    std::vector<SqlValue> params = values(draft);
    params.push_back(sql_int(draft.row_version));
    SqlResult result = db_.query(
        fmt::format("UPDATE rulebook_draft_versions SET title = $3, origin = $4, document = $5, status = $6, "
                    "effective_from = $7, simulation = $8, created_by = $9, created_at = $10, proposed_by = $11, "
                    "row_version = row_version + 1 WHERE rulebook_id = $1 AND version = $2 AND row_version = $12 "
                    "RETURNING {}",
                    kDraftColumns),
        params);
    if (!result.empty()) return read_draft_version(result, 0);
    const std::string record = fmt::format("rulebooks/{}/drafts/{}", draft.rulebook_id, draft.version);
    SqlResult current =
        db_.query("SELECT row_version FROM rulebook_draft_versions WHERE rulebook_id = $1 AND version = $2",
                  {sql_text(draft.rulebook_id), sql_int(draft.version)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, draft.row_version, current.integer(0, 0))});
  }

  Result<int> highest_version(std::string_view rulebook_id) override {
    SqlResult result = db_.query("SELECT MAX(version) FROM rulebook_draft_versions WHERE rulebook_id = $1",
                                 {sql_text(rulebook_id)});
    if (result.empty() || result.is_null(0, 0)) return 0;
    return static_cast<int>(result.integer(0, 0));
  }

  Result<app::RulebookStep> add_step(const app::RulebookStep& step) override {
    SqlResult result = db_.query(
        fmt::format("INSERT INTO rulebook_steps (rulebook_id, version, step, actor, agency, at, effective_from, note) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {}",
                    kStepColumns),
        {sql_text(step.rulebook_id), sql_int(step.version), sql_text(app::governance_step_name(step.step)),
         sql_text(step.by.username), sql_text(step.by.agency), sql_timestamp(step.at),
         sql_optional_date(step.effective_from), sql_text(step.note)});
    return read_step(result, 0);
  }

  Result<std::vector<app::RulebookStep>> steps(std::string_view rulebook_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM rulebook_steps WHERE rulebook_id = $1 ORDER BY id", kStepColumns),
        {sql_text(rulebook_id)});
    std::vector<app::RulebookStep> steps;
    for (std::size_t row = 0; row < result.rows.size(); ++row) steps.push_back(read_step(result, row));
    return steps;
  }

 private:
  static std::vector<SqlValue> values(const app::DraftVersion& draft) {
    return {sql_text(draft.rulebook_id),
            sql_int(draft.version),
            sql_text(draft.title),
            sql_text(app::draft_origin_name(draft.origin)),
            sql_text(draft.document),
            sql_text(app::draft_status_name(draft.status)),
            sql_optional_date(draft.effective_from),
            optional_text(draft.simulation),
            sql_text(draft.created_by),
            sql_timestamp(draft.created_at),
            optional_text(draft.proposed_by)};
  }

  SqlConnection& db_;
};

}  // namespace

void register_sql_draft_versions(RepositoryRegistry& registry) {
  registry.add<app::DraftVersionRepository, SqlDraftVersions>();
}

}  // namespace allot::storage
