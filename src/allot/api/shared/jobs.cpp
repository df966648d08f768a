#include "allot/api/shared/jobs.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "allot/api/shared/log.h"
#include "allot/app/identity/password.h"

namespace allot::api {

const char* job_status_name(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued: return "queued";
    case JobStatus::kRunning: return "running";
    case JobStatus::kDone: return "done";
    case JobStatus::kFailed: return "failed";
    case JobStatus::kCancelled: return "cancelled";
    case JobStatus::kInterrupted: return "interrupted";
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
  nlohmann::json progress = job.detail.is_object() ? job.detail : nlohmann::json::object();
  progress["done"] = job.done;
  progress["total"] = job.total;
  return {{"id", job.id},
          {"kind", job.kind},
          {"status", job_status_name(job.status)},
          {"progress", std::move(progress)},
          {"result", job.result ? *job.result : nlohmann::json(nullptr)},
          {"error", std::move(error)}};
}

struct JobRegistry::Job {
  std::string id;
  std::string kind;
  std::string owner;
  std::string agency;  // the owner's agency's code
  JobWork work;
  JobProgress progress;
  JobStatus status = JobStatus::kQueued;  // guarded by the registry's mutex
  std::optional<nlohmann::json> result;
  std::optional<Issues> error;
};

JobRegistry::JobRegistry(int threads, std::size_t max_finished, std::shared_ptr<JobJournal> journal,
                         std::chrono::milliseconds heartbeat)
    : max_finished_(max_finished), journal_(std::move(journal)), heartbeat_(heartbeat) {
  for (int thread_idx = 0; thread_idx < std::max(1, threads); ++thread_idx) {
    threads_.emplace_back([this] { run_worker(); });
  }
  if (journal_) heartbeat_thread_ = std::thread([this] { run_heartbeat(); });
}

JobSnapshot JobRegistry::snapshot(const Job& job) const {
  JobSnapshot taken{job.id,     job.kind,   job.owner, job.agency, job.status, job.progress.done_.load(),
                    job.progress.total_.load(), job.result, job.error};
  std::lock_guard detail_lock(job.progress.detail_mutex_);
  taken.detail = job.progress.detail_;
  return taken;
}

void JobRegistry::save(const std::shared_ptr<Job>& job) {
  if (!journal_) return;
  JobSnapshot taken;
  {
    std::lock_guard lock(mutex_);
    taken = snapshot(*job);
  }
  // A journal that cannot be written (the database is down) must not stop the
  // work: the job goes on and is saved at the next heartbeat.
  try {
    if (journal_->save(taken)) job->progress.cancel_requested_.store(true);
  } catch (const std::exception& error) {
    log_line("job " + job->id + ": cannot save its state: " + error.what());
  }
}

void JobRegistry::run_heartbeat() {
  while (true) {
    std::vector<std::shared_ptr<Job>> active;
    {
      std::unique_lock lock(mutex_);
      wake_heartbeat_.wait_for(lock, heartbeat_, [&] { return stopping_.load(); });
      if (stopping_) return;
      for (const auto& [id, job] : jobs_) {
        if (job->status == JobStatus::kQueued || job->status == JobStatus::kRunning) active.push_back(job);
      }
    }
    for (const auto& job : active) save(job);
  }
}

JobRegistry::~JobRegistry() { shutdown(); }

std::string JobRegistry::submit(std::string kind, std::string owner, std::string agency, JobWork work) {
  auto job = std::make_shared<Job>();
  job->id = app::random_token(18);
  job->kind = std::move(kind);
  job->owner = std::move(owner);
  job->agency = std::move(agency);
  job->work = std::move(work);
  job->progress.cancelled_ = &stopping_;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      job->status = JobStatus::kFailed;
      job->error = Issues{{ErrorCode::kConflict, "job", "the server is shutting down; try again later"}};
    }
    jobs_.emplace(job->id, job);
  }
  // Saved before it can start, so its id is known to every server at once.
  save(job);
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) queue_.push_back(job);
  }
  wake_.notify_one();
  return job->id;
}

std::optional<JobSnapshot> JobRegistry::get(const std::string& id) const {
  {
    std::lock_guard lock(mutex_);
    const auto found = jobs_.find(id);
    if (found != jobs_.end()) return snapshot(*found->second);
  }
  if (!journal_) return std::nullopt;
  return journal_->find(id);
}

Result<std::string> JobRegistry::start_dedicated(std::string kind, std::string owner, std::string agency,
                                                 JobWork work, std::size_t max_active) {
  auto job = std::make_shared<Job>();
  job->id = app::random_token(18);
  job->kind = std::move(kind);
  job->owner = std::move(owner);
  job->agency = std::move(agency);
  job->work = std::move(work);
  job->progress.cancelled_ = &stopping_;
  std::vector<std::thread> finished_threads;
  bool started = false;
  std::string refusal;  // not job->status: a quick job may have ended by the time it is read
  {
    std::lock_guard lock(mutex_);
    // Threads whose jobs have ended are joined outside the lock.
    for (auto it = dedicated_.begin(); it != dedicated_.end();) {
      if (it->finished->load()) {
        finished_threads.push_back(std::move(it->thread));
        it = dedicated_.erase(it);
      } else {
        ++it;
      }
    }
    if (stopping_) return fail(ErrorCode::kConflict, "job", "the server is stopping");
    std::size_t active = 0;
    std::size_t for_owner = 0;
    std::size_t for_agency = 0;
    for (const auto& [id, other] : jobs_) {
      if (other->kind != job->kind || (other->status != JobStatus::kQueued && other->status != JobStatus::kRunning)) {
        continue;
      }
      ++active;
      if (other->owner == job->owner) ++for_owner;
      if (other->agency == job->agency) ++for_agency;
    }
    // Shared fairly: one at a time for each user, and one agency never holds
    // every place, so someone else can always start one.
    const std::size_t agency_share = max_active > 1 ? max_active - 1 : max_active;
    if (for_owner >= 1) {
      refusal = "you are already running one; wait for it to end or cancel it";
    } else if (for_agency >= agency_share) {
      refusal = fmt::format("your organisation is already running {}, its most at once; try again when one ends",
                            for_agency);
    } else if (active >= max_active) {
      refusal = fmt::format("the server is already running {}, its most at once; try again when one ends or cancel one",
                            active);
    } else {
      // Counted as running from now, so a second request cannot slip past the limits.
      job->status = JobStatus::kRunning;
      jobs_.emplace(job->id, job);
      started = true;
    }
  }
  for (std::thread& thread : finished_threads) thread.join();
  if (!started) return fail(ErrorCode::kTooManyRequests, "job", refusal);
  // Saved before the answer, so every server sharing the database knows the id
  // as soon as the client does, and before the work starts, so this first save
  // can never overwrite the job's final state.
  save(job);
  auto finished = std::make_shared<std::atomic<bool>>(false);
  std::lock_guard lock(mutex_);
  if (stopping_) {  // shutdown() has already taken the threads it joins
    job->status = JobStatus::kFailed;
    job->error = Issues{{ErrorCode::kConflict, "job", "the server shut down before the job started"}};
    return job->id;
  }
  dedicated_.push_back({finished, std::thread([this, job, finished] {
                          run_job(job);
                          finished->store(true);
                        })});
  return job->id;
}

bool JobRegistry::cancel(const std::string& id) {
  std::unique_lock lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) {
    lock.unlock();
    return journal_ && journal_->request_cancel(id);
  }
  Job& job = *found->second;
  if (job.status == JobStatus::kQueued) {
    queue_.erase(std::remove(queue_.begin(), queue_.end(), found->second), queue_.end());
    job.status = JobStatus::kCancelled;
    job.work = nullptr;
    finished_order_.push_back(job.id);
    const std::shared_ptr<Job> cancelled = found->second;
    forget_old_jobs();
    lock.unlock();
    save(cancelled);
    return true;
  }
  if (job.status != JobStatus::kRunning) return false;
  job.progress.cancel_requested_.store(true);
  return true;
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
  wake_heartbeat_.notify_all();
  if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
  std::vector<Dedicated> dedicated;
  {
    std::lock_guard lock(mutex_);
    dedicated.swap(dedicated_);
  }
  for (Dedicated& entry : dedicated) {
    if (entry.thread.joinable()) entry.thread.join();
  }
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
    run_job(job);
  }
}

void JobRegistry::run_job(const std::shared_ptr<Job>& job) {
  Result<nlohmann::json> outcome = fail(ErrorCode::kInternal, "job", "the job did not finish");
  try {
    outcome = job->work(job->progress);
  } catch (const std::exception& error) {
    log_line("job " + job->id + " (" + job->kind + ") failed: " + error.what());
    // The details stay out of the job's error (it is shown to users).
    outcome = fail(ErrorCode::kInternal, "job", "an internal error stopped the job");
  }
  {
    std::lock_guard lock(mutex_);
    if (job->progress.cancel_requested_.load()) {
      job->status = JobStatus::kCancelled;
      if (outcome) job->result = std::move(*outcome);
    } else if (outcome) {
      job->status = JobStatus::kDone;
      job->result = std::move(*outcome);
    } else {
      job->status = JobStatus::kFailed;
      job->error = std::move(outcome.error());
    }
    job->work = nullptr;
    finished_order_.push_back(job->id);
  }
  // Saved before it can be forgotten here, so the result outlives this process.
  save(job);
  std::lock_guard lock(mutex_);
  forget_old_jobs();
}

void JobRegistry::forget_old_jobs() {
  while (finished_order_.size() > max_finished_) {
    jobs_.erase(finished_order_.front());
    finished_order_.pop_front();
  }
}

}  // namespace allot::api
