// Jobs: one row each, replaced as the job goes on.
#include <string>

#include <fmt/format.h>

#include "allot/app/jobs/repositories.h"
#include "allot/storage/jobs/jobs_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Timestamp;

constexpr const char* kJobColumns =
    "id, kind, owner, agency, status, done, total, detail, result, error, cancel_requested, created_at, updated_at";

std::optional<std::string> read_optional_text(const SqlResult& result, std::size_t row, std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return result.text(row, column);
}

class SqlJobs final : public app::JobRepository {
 public:
  explicit SqlJobs(SqlConnection& connection) : db_(connection) {}

  Result<app::Unit> save(const app::JobRecord& job, Timestamp now) override {
    db_.query(fmt::format("INSERT INTO jobs ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $11) "
                          "ON CONFLICT (id) DO UPDATE SET status = excluded.status, done = excluded.done, "
                          "total = excluded.total, detail = excluded.detail, result = excluded.result, "
                          "error = excluded.error, updated_at = excluded.updated_at",
                          kJobColumns),
              {sql_text(job.id), sql_text(job.kind), sql_text(job.owner), sql_text(job.agency), sql_text(job.status),
               sql_int(job.done), sql_int(job.total), sql_text(job.detail), sql_optional_text(job.result),
               sql_optional_text(job.error), sql_timestamp(now)});
    return app::Unit{};
  }

  Result<app::JobRecord> get(std::string_view id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM jobs WHERE id = $1", kJobColumns), {sql_text(id)});
    if (result.empty()) return fail(ErrorCode::kNotFound, "job_id", "unknown job");
    app::JobRecord job;
    job.id = result.text(0, 0);
    job.kind = result.text(0, 1);
    job.owner = result.text(0, 2);
    job.agency = result.text(0, 3);
    job.status = result.text(0, 4);
    job.done = result.integer(0, 5);
    job.total = result.integer(0, 6);
    job.detail = result.text(0, 7);
    job.result = read_optional_text(result, 0, 8);
    job.error = read_optional_text(result, 0, 9);
    job.cancel_requested = result.integer(0, 10) != 0;
    job.created_at = read_timestamp(result, 0, 11);
    job.updated_at = read_timestamp(result, 0, 12);
    return job;
  }

  Result<app::Unit> request_cancel(std::string_view id, Timestamp) override {
    SqlResult result = db_.query("UPDATE jobs SET cancel_requested = 1 WHERE id = $1 RETURNING id", {sql_text(id)});
    if (result.empty()) return fail(ErrorCode::kNotFound, "job_id", "unknown job");
    return app::Unit{};
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_jobs_repositories(RepositoryRegistry& registry) { registry.add<app::JobRepository, SqlJobs>(); }

}  // namespace allot::storage
