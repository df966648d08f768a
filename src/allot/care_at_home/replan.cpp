#include "allot/care_at_home/replan.h"

#include <algorithm>

#include "allot/care_at_home/package.h"

namespace allot::care_at_home {

namespace {

// Moves must gain more than this (minutes a week), so rounding never counts as a saving.
constexpr double kEpsilon = 1e-6;

std::int64_t minutes_of(const std::vector<Visit>& visits) {
  std::int64_t minutes = 0;
  for (const Visit& visit : visits) minutes += static_cast<std::int64_t>(visit.duration_minutes) * visit.carers;
  return minutes;
}

double total_minutes(const std::vector<ReplanProvider>& providers) {
  double total = 0;
  for (const ReplanProvider& provider : providers) total += provider.week->travel_minutes();
  return total;
}

struct Move {
  std::size_t package = 0;
  int from = -1;
  Fit from_fit;
  int to = -1;
  Fit to_fit;
};

}  // namespace

ReplanResult replan(std::vector<ReplanProvider>& providers, const std::vector<ReplanPackage>& packages,
                    const ReplanOptions& options) {
  ReplanResult result;
  result.current_minutes = total_minutes(providers);
  result.unplaced_reason.assign(packages.size(), "");
  std::vector<int> at(packages.size(), -1);
  std::vector<std::int64_t> needs(packages.size(), 0);
  for (std::size_t index = 0; index < packages.size(); ++index) {
    needs[index] = minutes_of(packages[index].visits);
    at[index] = packages[index].current;
  }
  // The start: open packages one at a time, each where it adds least travel.
  for (std::size_t index = 0; index < packages.size(); ++index) {
    const ReplanPackage& package = packages[index];
    if (package.current >= 0) continue;
    int best = -1;
    Fit best_fit;
    std::string reason;
    if (package.eligible.empty()) {
      reason = package.ineligible_reason.empty() ? "no provider may take it" : package.ineligible_reason;
    }
    for (int candidate : package.eligible) {
      ReplanProvider& provider = providers[static_cast<std::size_t>(candidate)];
      if (provider.capacity_left_minutes < needs[index]) {
        if (reason.empty()) reason = "every provider that may take it is full";
        continue;
      }
      Fit fit = provider.week->fit(package.place, package.visits);
      if (!fit.fits) {
        reason = fit.reason;
        continue;
      }
      if (best < 0 || fit.extra_minutes < best_fit.extra_minutes) {
        best = candidate;
        best_fit = std::move(fit);
      }
    }
    if (best < 0) {
      result.unplaced_reason[index] = reason;
      continue;
    }
    providers[static_cast<std::size_t>(best)].week->add(package.id, package.place, package.visits, best_fit);
    providers[static_cast<std::size_t>(best)].capacity_left_minutes -= needs[index];
    at[index] = best;
  }
  result.start_provider = at;
  result.start_minutes = total_minutes(providers);

  // Improve: take each package out and put it where it adds least, only when that
  // is less than taking it out saved.
  std::vector<Move> made;
  for (int pass = 0; pass < options.max_passes; ++pass) {
    int moved_this_pass = 0;
    for (std::size_t index = 0; index < packages.size(); ++index) {
      if (options.stop && options.stop()) break;
      const ReplanPackage& package = packages[index];
      const int from = at[index];
      if (from < 0 || package.eligible.size() < 1) continue;
      ReplanProvider& source = providers[static_cast<std::size_t>(from)];
      const Fit before = source.week->placement(package.id, static_cast<int>(package.visits.size()));
      const double saved = source.week->remove(package.id);
      source.capacity_left_minutes += needs[index];
      int best = -1;
      Fit best_fit;
      for (int candidate : package.eligible) {
        ReplanProvider& provider = providers[static_cast<std::size_t>(candidate)];
        if (provider.capacity_left_minutes < needs[index]) continue;
        Fit fit = provider.week->fit(package.place, package.visits);
        if (fit.fits && (best < 0 || fit.extra_minutes < best_fit.extra_minutes)) {
          best = candidate;
          best_fit = std::move(fit);
        }
      }
      if (best >= 0 && best_fit.extra_minutes < saved - kEpsilon) {
        providers[static_cast<std::size_t>(best)].week->add(package.id, package.place, package.visits, best_fit);
        providers[static_cast<std::size_t>(best)].capacity_left_minutes -= needs[index];
        made.push_back(Move{index, from, before, best, best_fit});
        at[index] = best;
        ++moved_this_pass;
      } else {
        source.week->add(package.id, package.place, package.visits, before);
        source.capacity_left_minutes -= needs[index];
      }
    }
    result.passes = pass + 1;
    if (options.progress) options.progress(pass + 1, static_cast<int>(made.size()), total_minutes(providers));
    if (moved_this_pass == 0 || (options.stop && options.stop())) break;
  }
  result.planned_minutes = total_minutes(providers);
  if (result.planned_minutes > result.start_minutes) {
    // Rounding disagreed with the moves' own sums: put everything back as it started.
    for (auto move = made.rbegin(); move != made.rend(); ++move) {
      const ReplanPackage& package = packages[move->package];
      providers[static_cast<std::size_t>(move->to)].week->remove(package.id);
      providers[static_cast<std::size_t>(move->to)].capacity_left_minutes += needs[move->package];
      providers[static_cast<std::size_t>(move->from)].week->add(package.id, package.place, package.visits, move->from_fit);
      providers[static_cast<std::size_t>(move->from)].capacity_left_minutes -= needs[move->package];
      at[move->package] = move->from;
    }
    made.clear();
    result.undone = true;
    result.planned_minutes = total_minutes(providers);
  }
  result.moves = static_cast<int>(made.size());
  result.planned_provider = at;
  return result;
}

}  // namespace allot::care_at_home
