#pragma once
// What the job threads need from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<JobRepository>().

#include <string_view>

#include "allot/app/jobs/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // Adds the job or replaces its state, progress, result and error, and sets
  // updated_at to `now`. Never clears cancel_requested, which another server
  // may have set meanwhile.
  virtual Result<Unit> save(const JobRecord& job, Timestamp now) = 0;
  // kNotFound if no job has this id.
  virtual Result<JobRecord> get(std::string_view id) = 0;
  // Marks the job to be stopped by whichever server runs it. kNotFound if there
  // is no such job.
  virtual Result<Unit> request_cancel(std::string_view id, Timestamp now) = 0;
};

}  // namespace allot::app
