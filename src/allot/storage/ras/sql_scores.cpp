// Scores, each naming the published rulebook version it used (append-only).
#include "allot/storage/ras/ras_storage.h"

#include <vector>

#include <fmt/format.h>

#include "allot/app/ras/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;

constexpr const char* kScoreColumns =
    "id, rulebook_id, rulebook_version, answers, result, annual_pence, scored_by, scored_at";

app::ScoreRecord read_score(const SqlResult& result, std::size_t row) {
  return app::ScoreRecord{result.integer(row, 0),
                          result.text(row, 1),
                          static_cast<int>(result.integer(row, 2)),
                          result.text(row, 3),
                          result.text(row, 4),
                          Money::from_pence(result.integer(row, 5)),
                          result.text(row, 6),
                          read_timestamp(result, row, 7)};
}

class SqlScores final : public app::ScoreRepository {
 public:
  explicit SqlScores(SqlConnection& connection) : db_(connection) {}

  Result<app::ScoreRecord> add(const app::NewScore& score, std::string_view scored_by, Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO scores (rulebook_id, rulebook_version, answers, result, "
                                     "annual_pence, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                     "RETURNING {}",
                                     kScoreColumns),
                         {sql_text(score.rulebook_id), sql_int(score.rulebook_version), sql_text(score.answers),
                          sql_text(score.result), sql_int(score.annual.pence()), sql_text(scored_by),
                          sql_timestamp(now)});
      });
      return read_score(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "rulebook",
                  fmt::format("rulebook \"{}\" version {} was never published", score.rulebook_id,
                              score.rulebook_version));
    }
  }

  Result<app::ScoreRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM scores WHERE id = $1", kScoreColumns), {sql_int(id)});
    if (result.empty()) return not_found("score", fmt::format("no score has id {}", id));
    return read_score(result, 0);
  }

  Result<std::vector<app::ScoreRecord>> list_for_rulebook(std::string_view rulebook_id, std::optional<int> version,
                                                          int limit) override {
    SqlResult result =
        version ? db_.query(fmt::format("SELECT {} FROM scores WHERE rulebook_id = $1 AND rulebook_version = $2 "
                                        "ORDER BY id DESC LIMIT $3",
                                        kScoreColumns),
                            {sql_text(rulebook_id), sql_int(*version), sql_int(limit)})
                : db_.query(fmt::format("SELECT {} FROM scores WHERE rulebook_id = $1 ORDER BY id DESC LIMIT $2",
                                        kScoreColumns),
                            {sql_text(rulebook_id), sql_int(limit)});
    std::vector<app::ScoreRecord> scores;
    for (std::size_t row = 0; row < result.rows.size(); ++row) scores.push_back(read_score(result, row));
    return scores;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_scores(RepositoryRegistry& registry) { registry.add<app::ScoreRepository, SqlScores>(); }

}  // namespace allot::storage
