#include "allot/solver/explain.h"

#include <algorithm>

namespace allot::solver {
namespace {

constexpr double kSlack = 1e-9;  // as the search's own filter (Model::carer_can_take)

bool holds(const std::vector<int>& held, int skill) { return std::find(held.begin(), held.end(), skill) != held.end(); }

// The first of the search's own filters that stops the carer from doing the
// visit alone on an empty day; kBooked when none does.
Obstacle static_obstacle(const Problem& problem, int carer_idx, int visit_idx) {
  const Carer& carer = problem.carers[carer_idx];
  const Visit& visit = problem.visits[visit_idx];
  for (int skill : visit.skills)
    if (!holds(carer.skills, skill)) return Obstacle::kSkill;
  if (holds(visit.excluded_carers, carer_idx)) return Obstacle::kExcluded;
  if (visit.demand > carer.capacity) return Obstacle::kCapacity;
  const bool late_ok = problem.objective.allow_lateness;
  if (!visit.windows.empty()) {
    bool overlaps = false;
    for (const TimeWindow& window : visit.windows)
      overlaps = overlaps || (window.start <= carer.shift.end && (window.end >= carer.shift.start || late_ok));
    if (!overlaps) return Obstacle::kShift;
  }
  const double out = travel_duration(problem.travel, carer.start_location, visit.location) / carer.speed_factor;
  const double back = travel_duration(problem.travel, visit.location, carer.end_location) / carer.speed_factor;
  const double arrival = carer.shift.start + out;
  double start = arrival;
  if (!visit.windows.empty()) {
    bool found = false;
    for (const TimeWindow& window : visit.windows)
      if (window.end >= arrival) {
        start = std::max(arrival, window.start);
        found = true;
        break;
      }
    if (!found) {
      if (!late_ok) return Obstacle::kWindow;
      start = std::max(arrival, visit.windows.front().start);
    }
  }
  if (start + visit.duration > carer.shift.end + kSlack) return Obstacle::kShiftEnd;
  if (start + visit.duration + back > carer.shift.end + kSlack) return Obstacle::kTravel;
  if (out + visit.duration + back > carer.max_working_time + kSlack) return Obstacle::kTravel;
  return Obstacle::kBooked;
}

}  // namespace

std::vector<Explanation> explain_unassigned(const Problem& problem, const Solution& solution) {
  const int carer_count = static_cast<int>(problem.carers.size());
  std::vector<std::vector<int>> carers_of_visit(problem.visits.size());
  for (const Route& route : solution.routes)
    for (const Stop& stop : route.stops)
      if (stop.kind == Stop::Kind::kVisit) carers_of_visit[stop.index].push_back(route.carer);
  std::vector<Explanation> explanations;
  for (const Unassigned& entry : solution.unassigned) {
    Explanation explanation;
    explanation.visit = entry.visit;
    for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
      Obstacle obstacle = static_obstacle(problem, carer_idx, entry.visit);
      if (obstacle == Obstacle::kBooked)
        for (const Precedence& link : problem.precedences) {
          if (!link.different_carers) continue;
          const int other = link.first_visit == entry.visit    ? link.second_visit
                            : link.second_visit == entry.visit ? link.first_visit
                                                               : -1;
          if (other >= 0 && holds(carers_of_visit[other], carer_idx)) obstacle = Obstacle::kPartner;
        }
      explanation.carers.push_back({carer_idx, obstacle});
    }
    explanations.push_back(std::move(explanation));
  }
  return explanations;
}

void attach_explanations(const Problem& problem, Solution& solution) {
  std::vector<Explanation> explanations = explain_unassigned(problem, solution);
  for (std::size_t entry = 0; entry < explanations.size(); ++entry)
    solution.unassigned[entry].carers = std::move(explanations[entry].carers);
}

std::vector<Explanation> explanations_of(const Solution& solution) {
  std::vector<Explanation> explanations;
  explanations.reserve(solution.unassigned.size());
  for (const Unassigned& entry : solution.unassigned) explanations.push_back({entry.visit, entry.carers});
  return explanations;
}

}  // namespace allot::solver
