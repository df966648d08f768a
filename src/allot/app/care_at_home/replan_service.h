#pragma once
// The batch re-plan of an area (or the whole county): its open packages, and
// optionally its current ones, given to providers so carers travel least under
// capacity and the framework's gates (care_at_home/replan.h), reported against
// the current allocation in hours of travel a week and their cost. The report
// is a proposal: nothing is moved until packages are offered.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/base/money.h"
#include "allot/care_at_home/framework.h"

namespace allot::app {

struct ReplanRequest {
  std::string area;              // "" for the whole county
  bool include_current = false;  // also move packages providers hold today
};

struct ReplanMove {
  std::string kind;  // "open" (placed) or "current" (moved)
  Id package_id = 0;  // the open package's id, or the current package's
  std::string person_reference;
  std::string person_name;  // "" when unknown
  std::string locality;
  std::string from;  // the provider at the start ("" for unplaced)
  std::string to;    // the provider after the re-plan ("" for unplaced)
  Id from_provider_id = 0;  // 0 for unplaced
  Id to_provider_id = 0;
};

struct ReplanReport {
  ReplanRequest request;
  int packages = 0;                // considered
  int open_packages = 0;
  double current_travel_minutes = 0;   // carers' week today, before open packages
  double start_travel_minutes = 0;     // open packages placed one at a time (the comparison)
  double planned_travel_minutes = 0;   // after the re-plan
  Money hourly_rate;                   // travel is costed at this rate (the mean day rate in force)
  Money start_weekly_cost;
  Money planned_weekly_cost;
  Money weekly_saving;
  int moves = 0;
  int passes = 0;
  std::vector<ReplanMove> changes;  // every package whose provider differs from the start
  std::vector<ReplanMove> placed;   // every open package and where the re-plan puts it
  std::vector<std::pair<ReplanMove, std::string>> unplaced;  // with why nobody can take it
};

struct ReplanHooks {
  std::function<bool()> stop;
  std::function<void(int pass, int moves, double travel_minutes)> progress;
};

class ReplanService {
 public:
  ReplanService(Store& store, const Clock& clock, care_at_home::FrameworkRules rules = care_at_home::seed_002_rules())
      : store_(store), clock_(clock), rules_(std::move(rules)) {}

  // Checks the request (a known area or ""), needs allocation.offer; audited.
  Result<ReplanReport> run(const Principal& by, const ReplanRequest& request, const ReplanHooks& hooks = {});

 private:
  Store& store_;
  const Clock& clock_;
  care_at_home::FrameworkRules rules_;
};

}  // namespace allot::app
