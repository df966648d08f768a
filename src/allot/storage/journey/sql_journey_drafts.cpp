// Assessment and plan drafts, one per person and kind (optimistic concurrency).
#include "allot/storage/journey/journey_storage.h"

#include <string>

#include <fmt/format.h>

#include "allot/app/journey/repositories.h"
#include "allot/app/shared/concurrency.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;
using app::Unit;

constexpr const char* kJourneyDraftColumns = "person_id, kind, document, row_version, updated_by, updated_at";

app::JourneyDraft read_journey_draft(const SqlResult& result, std::size_t row) {
  return app::JourneyDraft{result.integer(row, 0), result.text(row, 1), result.text(row, 2),
                           result.integer(row, 3), result.text(row, 4), read_timestamp(result, row, 5)};
}

class SqlJourneyDrafts final : public app::JourneyDraftRepository {
 public:
  explicit SqlJourneyDrafts(SqlConnection& connection) : db_(connection) {}

  Result<app::JourneyDraft> save(Id person_id, std::string_view kind, std::string_view document,
                                       std::optional<std::int64_t> expected_row_version, std::string_view updated_by,
                                       Timestamp now) override {
    const std::string record = fmt::format("journey_drafts/{}/{}", person_id, kind);
    if (!expected_row_version) {
      try {
        SqlResult result = with_savepoint(db_, [&] {
          return db_.query(fmt::format("INSERT INTO journey_drafts ({}) VALUES ($1, $2, $3, 1, $4, $5) RETURNING {}",
                                       kJourneyDraftColumns, kJourneyDraftColumns),
                           {sql_int(person_id), sql_text(kind), sql_text(document), sql_text(updated_by),
                            sql_timestamp(now)});
        });
        return read_journey_draft(result, 0);
      } catch (const SqlError& error) {
        if (error.failure() == SqlFailure::kForeignKeyViolation) return no_such_person(person_id);
        if (error.failure() != SqlFailure::kUniqueViolation) throw;
        SqlResult current = db_.query("SELECT row_version FROM journey_drafts WHERE person_id = $1 AND kind = $2",
                                      {sql_int(person_id), sql_text(kind)});
        return fail({app::stale_version_issue(record, 0, current.empty() ? 1 : current.integer(0, 0))});
      }
    }
    SqlResult result = db_.query(
        fmt::format("UPDATE journey_drafts SET document = $1, row_version = row_version + 1, updated_by = $2, "
                    "updated_at = $3 WHERE person_id = $4 AND kind = $5 AND row_version = $6 RETURNING {}",
                    kJourneyDraftColumns),
        {sql_text(document), sql_text(updated_by), sql_timestamp(now), sql_int(person_id), sql_text(kind),
         sql_int(*expected_row_version)});
    if (!result.empty()) return read_journey_draft(result, 0);
    SqlResult current = db_.query("SELECT row_version FROM journey_drafts WHERE person_id = $1 AND kind = $2",
                                  {sql_int(person_id), sql_text(kind)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, *expected_row_version, current.integer(0, 0))});
  }

  Result<app::JourneyDraft> get(Id person_id, std::string_view kind) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM journey_drafts WHERE person_id = $1 AND kind = $2", kJourneyDraftColumns),
        {sql_int(person_id), sql_text(kind)});
    if (result.empty()) return not_found(fmt::format("journey_drafts/{}/{}", person_id, kind), "there is no draft");
    return read_journey_draft(result, 0);
  }

  Result<Unit> remove(Id person_id, std::string_view kind) override {
    db_.query("DELETE FROM journey_drafts WHERE person_id = $1 AND kind = $2", {sql_int(person_id), sql_text(kind)});
    return Unit{};
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_journey_drafts(RepositoryRegistry& registry) {
  registry.add<app::JourneyDraftRepository, SqlJourneyDrafts>();
}

}  // namespace allot::storage
