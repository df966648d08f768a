#pragma once
// Long work (simulations, routing problems) kept in the database while it runs
// and after it ends, so a job outlives a restart of the server that ran it and
// any server sharing the database can answer for it.

#include <cstdint>
#include <optional>
#include <string>

#include "allot/app/shared/clock.h"

namespace allot::app {

struct JobRecord {
  std::string id;      // random, unguessable
  std::string kind;    // "simulation", "solver"
  std::string owner;   // username of who started it
  std::string agency;  // the owner's agency's code
  std::string status;  // "queued", "running", "done", "failed", "cancelled"
  std::int64_t done = 0;
  std::int64_t total = 0;
  std::string detail = "{}";          // JSON object: extra progress fields
  std::optional<std::string> result;  // JSON, once the job has one
  std::optional<std::string> error;   // JSON list of issues, when it failed
  bool cancel_requested = false;      // asked by any server; the runner stops
  Timestamp created_at;
  Timestamp updated_at;  // the runner writes at least every few seconds while it runs
  bool operator==(const JobRecord&) const = default;
};

}  // namespace allot::app
