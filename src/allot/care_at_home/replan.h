#pragma once
// The batch re-plan (seed 002, 3.9): many packages of an area at once, each
// given to a provider so that the county's carers travel least, under each
// provider's capacity and the packages' eligibility (service, area, grades:
// decided by the caller). It starts from the current allocation (open packages
// placed one at a time where each adds least travel, as offers would) and
// accepts only moves that shorten the total, so the result never has more
// travel than the start; a final recount from scratch checks it and, should
// rounding ever say otherwise, every move is undone. No I/O.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "allot/care_at_home/allocation.h"

namespace allot::care_at_home {

struct ReplanProvider {
  ProviderWeek* week = nullptr;          // its carers' routes, current packages in them
  std::int64_t capacity_left_minutes = 0;  // carer minutes a week it can still take on
};

struct ReplanPackage {
  std::int64_t id = 0;     // as placed in the weeks (open packages: any id not used there)
  int place = 0;           // index into Places
  std::vector<Visit> visits;
  int current = -1;        // provider index it is with today; -1 for an open package
  std::vector<int> eligible;  // provider indices it may go to (current included if it may stay)
  std::string ineligible_reason;  // why none may, when `eligible` is empty
};

struct ReplanOptions {
  int max_passes = 20;
  std::function<bool()> stop;  // true: stop now and keep the moves made
  std::function<void(int pass, int moves, double travel_minutes)> progress;
};

struct ReplanResult {
  double current_minutes = 0;     // today's routes, before any open package is placed
  double start_minutes = 0;       // with open packages placed one at a time (the comparison)
  double planned_minutes = 0;     // after the re-plan; never more than start_minutes
  std::vector<int> start_provider;    // per package: provider index at the start, -1 unplaced
  std::vector<int> planned_provider;  // per package: after the re-plan, -1 unplaced
  std::vector<std::string> unplaced_reason;  // per package: why nobody could take it, "" if placed
  int moves = 0;
  int passes = 0;
  bool undone = false;  // the recount disagreed and every move was undone
};

ReplanResult replan(std::vector<ReplanProvider>& providers, const std::vector<ReplanPackage>& packages,
                    const ReplanOptions& options);

}  // namespace allot::care_at_home
