#include "allot/api/shared/job_journal.h"

#include <stdexcept>

#include "allot/app/jobs/repositories.h"

namespace allot::api {

namespace {

std::optional<JobStatus> parse_status(std::string_view name) {
  for (JobStatus status : {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kDone, JobStatus::kFailed,
                           JobStatus::kCancelled}) {
    if (name == job_status_name(status)) return status;
  }
  return std::nullopt;
}

nlohmann::json issues_to_json(const Issues& issues) {
  nlohmann::json list = nlohmann::json::array();
  for (const Issue& issue : issues) {
    list.push_back({{"code", error_code_name(issue.code)}, {"path", issue.path}, {"message", issue.message}});
  }
  return list;
}

Issues issues_from_json(const nlohmann::json& list) {
  Issues issues;
  for (const nlohmann::json& item : list) {
    ErrorCode code = ErrorCode::kInternal;
    for (int value = 0; value <= static_cast<int>(ErrorCode::kForbidden); ++value) {
      if (item.value("code", "") == error_code_name(static_cast<ErrorCode>(value))) code = static_cast<ErrorCode>(value);
    }
    issues.push_back({code, item.value("path", ""), item.value("message", "")});
  }
  return issues;
}

}  // namespace

StoreJobJournal::StoreJobJournal(app::Store& store, const app::Clock& clock, std::chrono::milliseconds stale_after)
    : store_(store), clock_(clock), stale_after_(stale_after) {}

bool StoreJobJournal::save(const JobSnapshot& job) {
  app::JobRecord record;
  record.id = job.id;
  record.kind = job.kind;
  record.owner = job.owner;
  record.agency = job.agency;
  record.status = job_status_name(job.status);
  record.done = job.done;
  record.total = job.total;
  record.detail = job.detail.dump();
  if (job.result) record.result = job.result->dump();
  if (job.error) record.error = issues_to_json(*job.error).dump();
  bool cancel_requested = false;
  Result<app::Unit> saved = store_.run(app::Access::kWrite, [&](app::Transaction& tx) -> Result<app::Unit> {
    app::JobRepository& jobs = tx.get<app::JobRepository>();
    Result<app::Unit> written = jobs.save(record, clock_.now());
    if (!written) return written;
    Result<app::JobRecord> stored = jobs.get(record.id);
    if (!stored) return tl::unexpected<Issues>(stored.error());
    cancel_requested = stored->cancel_requested;
    return app::Unit{};
  });
  if (!saved) throw std::runtime_error(format_issues(saved.error()));
  return cancel_requested;
}

std::optional<JobSnapshot> StoreJobJournal::find(const std::string& id) {
  Result<app::JobRecord> stored = app::in_transaction(
      store_, app::Access::kRead, [&](app::Transaction& tx) { return tx.get<app::JobRepository>().get(id); });
  if (!stored) return std::nullopt;
  JobSnapshot job;
  job.id = stored->id;
  job.kind = stored->kind;
  job.owner = stored->owner;
  job.agency = stored->agency;
  job.status = parse_status(stored->status).value_or(JobStatus::kFailed);
  job.done = stored->done;
  job.total = stored->total;
  job.detail = nlohmann::json::parse(stored->detail, nullptr, false);
  if (stored->result) job.result = nlohmann::json::parse(*stored->result, nullptr, false);
  if (stored->error) job.error = issues_from_json(nlohmann::json::parse(*stored->error, nullptr, false));
  const bool unfinished = job.status == JobStatus::kQueued || job.status == JobStatus::kRunning;
  if (unfinished && clock_.now() - stored->updated_at > stale_after_) {
    job.status = JobStatus::kInterrupted;
    job.error = Issues{{ErrorCode::kConflict, "job", "the server running this job stopped before it finished; start it again"}};
  }
  return job;
}

bool StoreJobJournal::request_cancel(const std::string& id) {
  Result<app::Unit> asked = app::in_transaction(store_, app::Access::kWrite, [&](app::Transaction& tx) {
    return tx.get<app::JobRepository>().request_cancel(id, clock_.now());
  });
  return asked.has_value();
}

}  // namespace allot::api
