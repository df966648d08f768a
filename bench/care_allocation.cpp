// Allocating care at home work in the demo county (issue 12): ranking every
// provider for one open package (target under 1 s) and the batch re-plan of the
// whole county, open and current packages (target under 60 s, with its saving).
// Builds the demo county (16 providers, their carers and bases, 3,087 packages,
// 20 open) on SQLite in a temporary folder, then times AllocationService::rank
// for each open package and ReplanService::run for the county.
//
// Prints machine-readable rows:
//   care_rank,packages=20,median_ms=..,max_ms=..
//   care_replan,packages=..,seconds=..,current_h=..,replanned_h=..,saved_h=..,saved_weekly_pence=..
// Usage: care_allocation_bench
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "allot/app/care_at_home/allocation_service.h"
#include "allot/app/care_at_home/demo_providers.h"
#include "allot/app/care_at_home/replan_service.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/shared/clock.h"
#include "allot/storage/open_store.h"

using namespace allot;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <typename T>
void check(const Result<T>& result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "%s: %s\n", what, format_issues(result.error()).c_str());
    std::exit(1);
  }
}

}  // namespace

int main() {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / fmt::format("allot-care-bench-{}", ::getpid());
  std::filesystem::create_directories(folder);
  auto opened = storage::open_store((folder / "bench.sqlite").string());
  check(opened, "open");
  app::Store& store = **opened;
  app::FixedClock clock(*app::parse_timestamp("2026-11-22T09:00:00.000Z"));
  const auto setup = Clock::now();
  check(app::in_transaction(store, app::Access::kWrite,
                            [&](app::Transaction& tx) -> Result<int> { return app::load_demo_providers(tx, clock); }),
        "demo county");
  std::fprintf(stderr, "demo county built in %.1f s\n", ms_since(setup) / 1000);

  app::Principal commissioner;
  commissioner.username = "commissioner";
  commissioner.agency = "demo-council";
  commissioner.roles = {app::Role::kCommissioner};
  app::AllocationService allocation(store, clock);
  auto open = allocation.open_packages(commissioner);
  check(open, "open packages");
  std::vector<double> times;
  for (const app::OpenPackageView& view : *open) {
    const auto start = Clock::now();
    check(allocation.rank(commissioner, view.package.id), "rank");
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  std::printf("care_rank,packages=%zu,median_ms=%.1f,max_ms=%.1f\n", times.size(), times[times.size() / 2], times.back());

  app::ReplanService replan(store, clock);
  const auto start = Clock::now();
  auto report = replan.run(commissioner, app::ReplanRequest{"", true});
  check(report, "re-plan");
  const double seconds = ms_since(start) / 1000;
  std::printf("care_replan,packages=%d,seconds=%.1f,passes=%d,moves=%d,current_h=%.1f,replanned_h=%.1f,saved_h=%.1f,"
              "saved_weekly_pence=%lld\n",
              report->packages, seconds, report->passes, report->moves, report->start_travel_minutes / 60,
              report->planned_travel_minutes / 60, (report->start_travel_minutes - report->planned_travel_minutes) / 60,
              static_cast<long long>(report->weekly_saving.pence()));
  std::filesystem::remove_all(folder);
  return 0;
}
