#include "allot/solver/generate.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace allot::solver {
namespace {

constexpr double kCentreLongitude = -1.476;  // a mid-sized English town
constexpr double kCentreLatitude = 52.922;
constexpr double kMetresPerDegreeLatitude = 111195.0;

enum SkillId { kMedication = 0, kHoist = 1, kDementia = 2, kCatheter = 3 };

struct Round {
  double earliest;  // minutes after midnight
  double latest;
};

// Morning, lunch, tea and bedtime calls, the usual shape of a care-at-home day.
constexpr Round kRounds[] = {{7 * 60, 10 * 60}, {11 * 60 + 30, 14 * 60}, {16 * 60, 18 * 60}, {19 * 60, 22 * 60}};

}  // namespace

Problem generate_day(const DayShape& shape) {
  std::mt19937_64 random(shape.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Problem problem;
  problem.name = "day-" + std::to_string(shape.visits) + "-" + std::to_string(shape.carers) + "-seed" +
                 std::to_string(shape.seed);
  TravelModel& travel = problem.travel;
  travel.kind = TravelModel::Kind::kGreatCircle;
  travel.road_factor = 1.3;
  travel.speed_metres_per_time_unit = 400;  // 24 km/h door to door, parking included

  // Neighbourhoods: people and carers cluster in a few areas of a 16 km wide town.
  const int area_count = 12;
  std::vector<std::pair<double, double>> areas;
  for (int area_idx = 0; area_idx < area_count; ++area_idx)
    areas.push_back({(unit(random) - 0.5) * 14000.0, (unit(random) - 0.5) * 14000.0});
  std::normal_distribution<double> spread(0.0, 1600.0);
  const double metres_per_degree_longitude = kMetresPerDegreeLatitude * std::cos(kCentreLatitude * 3.14159265358979 / 180);
  const auto add_place = [&]() {
    const auto& area = areas[std::uniform_int_distribution<int>(0, area_count - 1)(random)];
    travel.x.push_back(kCentreLongitude + (area.first + spread(random)) / metres_per_degree_longitude);
    travel.y.push_back(kCentreLatitude + (area.second + spread(random)) / kMetresPerDegreeLatitude);
    return travel.location_count++;
  };

  // People receive two to four calls a day.
  struct Person {
    int location;
    std::vector<int> needs;
    bool two_carers;
  };
  int made = 0;
  int person_idx = 0;
  while (made < shape.visits) {
    Person person{add_place(), {}, unit(random) < 0.08};
    if (unit(random) < 0.5) person.needs.push_back(kMedication);
    if (unit(random) < 0.15) person.needs.push_back(kDementia);
    if (unit(random) < 0.04) person.needs.push_back(kCatheter);
    if (person.two_carers) person.needs.push_back(kHoist);
    std::sort(person.needs.begin(), person.needs.end());
    const int calls = std::min(shape.visits - made, 2 + static_cast<int>(unit(random) * 3));
    std::vector<int> rounds{0, 1, 2, 3};
    std::shuffle(rounds.begin(), rounds.end(), random);
    rounds.resize(calls);
    std::sort(rounds.begin(), rounds.end());
    int previous_visit = -1;
    for (int round : rounds) {
      Visit visit;
      visit.id = "p" + std::to_string(person_idx) + "-" + std::to_string(round);
      visit.location = person.location;
      static constexpr double kDurations[] = {15, 20, 30, 30, 45};
      visit.duration = kDurations[std::uniform_int_distribution<int>(0, 4)(random)];
      const Round& shape_of_round = kRounds[round];
      // a preferred hour, give or take 30 to 60 minutes
      const double width = unit(random) < 0.5 ? 60 : 120;
      const double centre = shape_of_round.earliest + unit(random) * (shape_of_round.latest - shape_of_round.earliest);
      visit.windows = {{std::round(centre - width / 2), std::round(centre + width / 2)}};
      visit.skills = person.needs;
      visit.carers_needed = person.two_carers ? 2 : 1;
      visit.priority = unit(random) < 0.3 ? 3 : 1;  // time-critical medication calls matter most
      problem.visits.push_back(std::move(visit));
      const int visit_idx = static_cast<int>(problem.visits.size()) - 1;
      // medication calls at least three hours apart
      if (previous_visit >= 0 && std::binary_search(person.needs.begin(), person.needs.end(), int{kMedication}))
        problem.precedences.push_back({previous_visit, visit_idx, 180, kUnbounded});
      previous_visit = visit_idx;
      ++made;
    }
    ++person_idx;
  }

  static constexpr Round kShifts[] = {{7 * 60, 14 * 60}, {14 * 60 + 30, 22 * 60}, {7 * 60, 22 * 60}, {7 * 60, 19 * 60}};
  std::vector<int> offices;
  for (int office_idx = 0; office_idx < std::min(shape.offices, area_count); ++office_idx) {
    travel.x.push_back(kCentreLongitude + areas[office_idx].first / metres_per_degree_longitude);
    travel.y.push_back(kCentreLatitude + areas[office_idx].second / kMetresPerDegreeLatitude);
    offices.push_back(travel.location_count++);
  }
  if (!offices.empty()) problem.name += "-offices" + std::to_string(offices.size());
  for (int carer_idx = 0; carer_idx < shape.carers; ++carer_idx) {
    Carer carer;
    carer.id = "c" + std::to_string(carer_idx);
    carer.start_location = offices.empty() ? add_place() : offices[carer_idx % offices.size()];
    carer.end_location = carer.start_location;
    const Round& shift = kShifts[std::uniform_int_distribution<int>(0, 3)(random)];
    carer.shift = {shift.earliest, shift.latest};
    if (shift.latest - shift.earliest > 8 * 60) {
      carer.breaks.push_back({{12 * 60, 15 * 60}, 30});
      carer.max_working_time = 9 * 60;
    } else {
      carer.max_working_time = 7 * 60;
    }
    if (unit(random) < 0.8) carer.skills.push_back(kMedication);
    if (unit(random) < 0.45) carer.skills.push_back(kHoist);
    if (unit(random) < 0.4) carer.skills.push_back(kDementia);
    if (unit(random) < 0.2) carer.skills.push_back(kCatheter);
    carer.speed_factor = unit(random) < 0.1 ? 0.3 : 1.0;  // some carers walk
    problem.carers.push_back(std::move(carer));
  }
  // Continuity: about a third of visits name the one or two carers who know the person.
  for (Visit& visit : problem.visits)
    if (unit(random) < 0.33) {
      visit.preferred_carers.push_back(std::uniform_int_distribution<int>(0, shape.carers - 1)(random));
      if (unit(random) < 0.5) visit.preferred_carers.push_back(std::uniform_int_distribution<int>(0, shape.carers - 1)(random));
      std::sort(visit.preferred_carers.begin(), visit.preferred_carers.end());
      visit.preferred_carers.erase(std::unique(visit.preferred_carers.begin(), visit.preferred_carers.end()),
                                   visit.preferred_carers.end());
    }

  problem.objective.distance_weight = 0;
  problem.objective.travel_time_weight = 1;  // minutes on the road
  problem.objective.non_preferred_cost = 10;
  return problem;
}

}  // namespace allot::solver
