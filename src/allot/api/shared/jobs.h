#pragma once
// Long work (simulations over a whole population) runs as jobs on their own
// threads, never on the server's I/O or request threads. A job reports progress
// as it goes; its result or error is kept in memory until the process ends or
// the job is among the oldest beyond `max_finished` finished jobs.
//
// Thread-safety: every member function is safe to call from several threads.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"

namespace allot::api {

enum class JobStatus { kQueued, kRunning, kDone, kFailed, kCancelled };
// "queued", "running", "done", "failed", "cancelled"
const char* job_status_name(JobStatus status);

// Given to the work function: report progress, and see whether to give up.
class JobProgress {
 public:
  void set_total(std::int64_t total) { total_.store(total); }
  void set_done(std::int64_t done) { done_.store(done); }
  // True once the registry is shutting down or someone cancelled this job: the
  // work should return soon (a result returned after a cancel is kept).
  bool cancelled() const { return cancelled_->load() || cancel_requested_.load(); }
  // Extra progress fields shown beside done and total (e.g. a solver's best cost).
  void set_detail(nlohmann::json detail) {
    std::lock_guard lock(detail_mutex_);
    detail_ = std::move(detail);
  }

 private:
  friend class JobRegistry;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> total_{0};
  const std::atomic<bool>* cancelled_ = nullptr;
  std::atomic<bool> cancel_requested_{false};
  mutable std::mutex detail_mutex_;
  nlohmann::json detail_ = nlohmann::json::object();
};

// The JSON result on success; Issues on failure (shown as the job's error).
using JobWork = std::function<Result<nlohmann::json>(JobProgress&)>;

struct JobSnapshot {
  std::string id;
  std::string kind;
  std::string owner;  // username of who started it
  JobStatus status = JobStatus::kQueued;
  std::int64_t done = 0;
  std::int64_t total = 0;
  std::optional<nlohmann::json> result;
  std::optional<Issues> error;
  nlohmann::json detail = nlohmann::json::object();  // merged into "progress"
};

// The job's JSON as GET /api/v1/jobs/{id} returns it.
nlohmann::json job_to_json(const JobSnapshot& job);

class JobRegistry {
 public:
  explicit JobRegistry(int threads, std::size_t max_finished = 200);
  ~JobRegistry();  // cancels queued and running jobs and joins the threads
  JobRegistry(const JobRegistry&) = delete;
  JobRegistry& operator=(const JobRegistry&) = delete;

  // Queues work; returns the new job's id (random, unguessable).
  std::string submit(std::string kind, std::string owner, JobWork work);
  std::optional<JobSnapshot> get(const std::string& id) const;
  // Starts work at once on a thread of its own (not the shared workers) and
  // returns its id, unless that would be unfair: the owner already runs a job of
  // this kind, the owner's agency already holds all but one of the `max_active`
  // places (so another agency can always start one), or all `max_active` are
  // taken. A refusal is kTooManyRequests saying which, in plain words.
  Result<std::string> start_dedicated(std::string kind, std::string owner, std::string agency, JobWork work,
                                      std::size_t max_active);
  // Asks a job to stop. A queued job ends cancelled at once; a running one ends
  // cancelled when its work returns (keeping the result it returns). False when
  // the job is unknown or already finished.
  bool cancel(const std::string& id);
  // Stops taking work, asks running jobs to give up, and joins the threads.
  void shutdown();

 private:
  struct Job;
  void run_worker();
  void run_job(const std::shared_ptr<Job>& job);
  void forget_old_jobs();  // with mutex_ held

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::deque<std::string> finished_order_;
  std::size_t max_finished_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
  struct Dedicated {
    std::shared_ptr<std::atomic<bool>> finished;
    std::thread thread;
  };
  std::vector<Dedicated> dedicated_;  // guarded by mutex_; joined when finished or at shutdown
};

}  // namespace allot::api
