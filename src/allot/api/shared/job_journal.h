#pragma once
// Jobs kept in the database (app/jobs), so any server sharing it can answer for
// a job, a cancel reaches the server that runs it, and a job whose server stopped
// is reported as interrupted rather than forgotten.

#include <chrono>

#include "allot/api/shared/jobs.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::api {

class StoreJobJournal final : public JobJournal {
 public:
  // A running job not saved for `stale_after` is taken to have lost its server
  // (servers save running jobs every heartbeat, a second by default).
  StoreJobJournal(app::Store& store, const app::Clock& clock,
                  std::chrono::milliseconds stale_after = std::chrono::seconds(10));

  bool save(const JobSnapshot& job) override;
  std::optional<JobSnapshot> find(const std::string& id) override;
  bool request_cancel(const std::string& id) override;

 private:
  app::Store& store_;
  const app::Clock& clock_;
  std::chrono::milliseconds stale_after_;
};

}  // namespace allot::api
