// Published rulebook versions (immutable) and one draft per rulebook (optimistic concurrency).
#include "allot/storage/ras/ras_storage.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/ras/repositories.h"
#include "allot/app/shared/concurrency.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Timestamp;
using app::Unit;

constexpr const char* kRulebookColumns =
    "rulebook_id, version, title, effective_from, document, published_by, published_at";

app::RulebookVersion read_rulebook(const SqlResult& result, std::size_t row) {
  app::RulebookVersion rulebook;
  rulebook.rulebook_id = result.text(row, 0);
  rulebook.version = static_cast<int>(result.integer(row, 1));
  rulebook.title = result.text(row, 2);
  rulebook.effective_from = read_date(result, row, 3);
  rulebook.document = result.text(row, 4);
  rulebook.published_by = result.text(row, 5);
  rulebook.published_at = read_timestamp(result, row, 6);
  return rulebook;
}

constexpr const char* kDraftColumns = "rulebook_id, document, row_version, updated_by, updated_at";

app::RulebookDraft read_draft(const SqlResult& result, std::size_t row) {
  return app::RulebookDraft{result.text(row, 0), result.text(row, 1), result.integer(row, 2), result.text(row, 3),
                            read_timestamp(result, row, 4)};
}

class SqlRulebooks final : public app::RulebookRepository {
 public:
  explicit SqlRulebooks(SqlConnection& connection) : db_(connection) {}

  Result<Unit> publish(const app::RulebookVersion& rulebook) override {
    try {
      with_savepoint(db_, [&] {
        db_.query(fmt::format("INSERT INTO rulebook_versions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                              kRulebookColumns),
                  {sql_text(rulebook.rulebook_id), sql_int(rulebook.version), sql_text(rulebook.title),
                   sql_date(rulebook.effective_from), sql_text(rulebook.document),
                   sql_text(rulebook.published_by), sql_timestamp(rulebook.published_at)});
      });
      return Unit{};
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("rulebook \"{}\" version {} is already published and cannot change; publish a new "
                              "version instead",
                              rulebook.rulebook_id, rulebook.version));
    }
  }

  Result<app::RulebookVersion> get(std::string_view rulebook_id, int version) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM rulebook_versions WHERE rulebook_id = $1 AND version = $2", kRulebookColumns),
        {sql_text(rulebook_id), sql_int(version)});
    if (result.empty()) {
      return not_found("rulebook", fmt::format("rulebook \"{}\" version {} was never published", rulebook_id, version));
    }
    return read_rulebook(result, 0);
  }

  Result<app::RulebookVersion> latest(std::string_view rulebook_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM rulebook_versions WHERE rulebook_id = $1 "
                                             "ORDER BY version DESC LIMIT 1",
                                             kRulebookColumns),
                                 {sql_text(rulebook_id)});
    if (result.empty()) return not_found("rulebook", fmt::format("rulebook \"{}\" was never published", rulebook_id));
    return read_rulebook(result, 0);
  }

  Result<app::RulebookVersion> in_force(std::string_view rulebook_id, Date on) override {
    // Dates are stored as YYYY-MM-DD, so text order is date order.
    SqlResult result = db_.query(fmt::format("SELECT {} FROM rulebook_versions WHERE rulebook_id = $1 AND "
                                             "effective_from <= $2 ORDER BY effective_from DESC, version DESC LIMIT 1",
                                             kRulebookColumns),
                                 {sql_text(rulebook_id), sql_date(on)});
    if (result.empty()) {
      return not_found("rulebook", fmt::format("no version of rulebook \"{}\" is in force on {}", rulebook_id,
                                               on.to_string()));
    }
    return read_rulebook(result, 0);
  }

  Result<std::vector<app::RulebookVersion>> list_versions() override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM rulebook_versions ORDER BY rulebook_id, version", kRulebookColumns));
    std::vector<app::RulebookVersion> rulebooks;
    for (std::size_t row = 0; row < result.rows.size(); ++row) rulebooks.push_back(read_rulebook(result, row));
    return rulebooks;
  }

  Result<app::RulebookDraft> save_draft(std::string_view rulebook_id, std::string_view document,
                                        std::optional<std::int64_t> expected_row_version, std::string_view updated_by,
                                        Timestamp now) override {
    const std::string record = fmt::format("rulebook_drafts/{}", rulebook_id);
    if (!expected_row_version) {
      try {
        SqlResult result = with_savepoint(db_, [&] {
          return db_.query(fmt::format("INSERT INTO rulebook_drafts ({}) VALUES ($1, $2, 1, $3, $4) RETURNING {}",
                                       kDraftColumns, kDraftColumns),
                           {sql_text(rulebook_id), sql_text(document), sql_text(updated_by), sql_timestamp(now)});
        });
        return read_draft(result, 0);
      } catch (const SqlError& error) {
        if (error.failure() != SqlFailure::kUniqueViolation) throw;
        return fail(ErrorCode::kConflict, record, "a draft exists already; load it and save with its version");
      }
    }
    // Optimistic concurrency (app/shared/concurrency.h): change the row only if nobody
    // saved since the caller read it.
    SqlResult result = db_.query(
        fmt::format("UPDATE rulebook_drafts SET document = $1, row_version = row_version + 1, updated_by = $2, "
                    "updated_at = $3 WHERE rulebook_id = $4 AND row_version = $5 RETURNING {}",
                    kDraftColumns),
        {sql_text(document), sql_text(updated_by), sql_timestamp(now), sql_text(rulebook_id),
         sql_int(*expected_row_version)});
    if (!result.empty()) return read_draft(result, 0);
    return stale_or_missing(rulebook_id, *expected_row_version);
  }

  Result<app::RulebookDraft> get_draft(std::string_view rulebook_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM rulebook_drafts WHERE rulebook_id = $1", kDraftColumns),
                                 {sql_text(rulebook_id)});
    if (result.empty()) return not_found("rulebook_drafts/" + std::string(rulebook_id), "there is no draft");
    return read_draft(result, 0);
  }

  Result<Unit> discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version) override {
    SqlResult result = db_.query("DELETE FROM rulebook_drafts WHERE rulebook_id = $1 AND row_version = $2",
                                 {sql_text(rulebook_id), sql_int(expected_row_version)});
    if (result.changed > 0) return Unit{};
    auto missing = stale_or_missing(rulebook_id, expected_row_version);
    return tl::unexpected<Issues>(std::move(missing.error()));
  }

 private:
  Result<app::RulebookDraft> stale_or_missing(std::string_view rulebook_id, std::int64_t expected_row_version) {
    const std::string record = fmt::format("rulebook_drafts/{}", rulebook_id);
    SqlResult current =
        db_.query("SELECT row_version FROM rulebook_drafts WHERE rulebook_id = $1", {sql_text(rulebook_id)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, expected_row_version, current.integer(0, 0))});
  }

  SqlConnection& db_;
};

}  // namespace

void register_sql_rulebooks(RepositoryRegistry& registry) { registry.add<app::RulebookRepository, SqlRulebooks>(); }

}  // namespace allot::storage
