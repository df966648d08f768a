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

enum class JobStatus { kQueued, kRunning, kDone, kFailed };
const char* job_status_name(JobStatus status);  // "queued", "running", "done", "failed"

// Given to the work function: report progress, and see whether to give up.
class JobProgress {
 public:
  void set_total(std::int64_t total) { total_.store(total); }
  void set_done(std::int64_t done) { done_.store(done); }
  // True once the registry is shutting down: the work should return soon.
  bool cancelled() const { return cancelled_->load(); }

 private:
  friend class JobRegistry;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> total_{0};
  const std::atomic<bool>* cancelled_ = nullptr;
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
  // Stops taking work, asks running jobs to give up, and joins the threads.
  void shutdown();

 private:
  struct Job;
  void run_worker();
  void forget_old_jobs();  // with mutex_ held

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::deque<std::string> finished_order_;
  std::size_t max_finished_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
};

}  // namespace allot::api
