#include "allot/api/jobs.h"

#include <exception>

#include "allot/api/log.h"
#include "allot/app/password.h"

namespace allot::api {

const char* job_status_name(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued: return "queued";
    case JobStatus::kRunning: return "running";
    case JobStatus::kDone: return "done";
    case JobStatus::kFailed: return "failed";
  }
  return "failed";
}

nlohmann::json job_to_json(const JobSnapshot& job) {
  nlohmann::json error = nullptr;
  if (job.error) {
    nlohmann::json issues = nlohmann::json::array();
    for (const Issue& issue : *job.error) {
      issues.push_back({{"path", issue.path}, {"message", issue.message}, {"code", error_code_name(issue.code)}});
    }
    const ErrorCode code = job.error->empty() ? ErrorCode::kInternal : job.error->front().code;
    error = {{"code", error_code_name(code)}, {"message", "the job failed"}, {"issues", std::move(issues)}};
  }
  return {{"id", job.id},
          {"kind", job.kind},
          {"status", job_status_name(job.status)},
          {"progress", {{"done", job.done}, {"total", job.total}}},
          {"result", job.result ? *job.result : nlohmann::json(nullptr)},
          {"error", std::move(error)}};
}

struct JobRegistry::Job {
  std::string id;
  std::string kind;
  std::string owner;
  JobWork work;
  JobProgress progress;
  JobStatus status = JobStatus::kQueued;  // guarded by the registry's mutex
  std::optional<nlohmann::json> result;
  std::optional<Issues> error;
};

JobRegistry::JobRegistry(int threads, std::size_t max_finished) : max_finished_(max_finished) {
  for (int thread_idx = 0; thread_idx < std::max(1, threads); ++thread_idx) {
    threads_.emplace_back([this] { run_worker(); });
  }
}

JobRegistry::~JobRegistry() { shutdown(); }

std::string JobRegistry::submit(std::string kind, std::string owner, JobWork work) {
  auto job = std::make_shared<Job>();
  job->id = app::random_token(18);
  job->kind = std::move(kind);
  job->owner = std::move(owner);
  job->work = std::move(work);
  job->progress.cancelled_ = &stopping_;
  std::lock_guard lock(mutex_);
  if (stopping_) {
    job->status = JobStatus::kFailed;
    job->error = Issues{{ErrorCode::kConflict, "job", "the server is shutting down; try again later"}};
  } else {
    queue_.push_back(job);
  }
  jobs_.emplace(job->id, job);
  wake_.notify_one();
  return job->id;
}

std::optional<JobSnapshot> JobRegistry::get(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  const Job& job = *found->second;
  return JobSnapshot{job.id,    job.kind,   job.owner, job.status, job.progress.done_.load(), job.progress.total_.load(),
                     job.result, job.error};
}

void JobRegistry::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    for (const auto& job : queue_) {
      job->status = JobStatus::kFailed;
      job->error = Issues{{ErrorCode::kConflict, "job", "the server shut down before the job started"}};
    }
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void JobRegistry::run_worker() {
  while (true) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping
      job = queue_.front();
      queue_.pop_front();
      job->status = JobStatus::kRunning;
    }
    Result<nlohmann::json> outcome = fail(ErrorCode::kInternal, "job", "the job did not finish");
    try {
      outcome = job->work(job->progress);
    } catch (const std::exception& error) {
      log_line("job " + job->id + " (" + job->kind + ") failed: " + error.what());
      // The details stay out of the job's error (it is shown to users).
      outcome = fail(ErrorCode::kInternal, "job", "an internal error stopped the job");
    }
    std::lock_guard lock(mutex_);
    if (outcome) {
      job->status = JobStatus::kDone;
      job->result = std::move(*outcome);
    } else {
      job->status = JobStatus::kFailed;
      job->error = std::move(outcome.error());
    }
    job->work = nullptr;
    finished_order_.push_back(job->id);
    forget_old_jobs();
  }
}

void JobRegistry::forget_old_jobs() {
  while (finished_order_.size() > max_finished_) {
    jobs_.erase(finished_order_.front());
    finished_order_.pop_front();
  }
}

}  // namespace allot::api
