#include "allot/solver/planned_day.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace allot::solver {
namespace {

constexpr double kCentreLongitude = -1.476;  // a mid-sized English town, as generate_day
constexpr double kCentreLatitude = 52.922;
constexpr double kMetresPerDegreeLatitude = 111195.0;
constexpr double kPi = 3.14159265358979;

enum SkillId { kMedication = 0, kHoist = 1, kDementia = 2, kCatheter = 3 };

constexpr double kBreakFrom = 12 * 60;  // a 30-minute break between 12:00 and 15:00 on long shifts
constexpr double kBreakUntil = 15 * 60;
constexpr double kBreakLength = 30;
constexpr double kMedicationGap = 180;  // medication calls at least three hours apart
constexpr double kCallGap = 60;         // any call to a person at least an hour after the last one ended
constexpr double kLongestWait = 45;     // a carer waits at most this long for a call's time
constexpr int kMostCalls = 4;

struct Shift {
  double start;
  double end;
};
constexpr Shift kShifts[] = {{7 * 60, 14 * 60}, {14 * 60 + 30, 22 * 60}, {7 * 60, 22 * 60}, {7 * 60, 19 * 60}};

struct Person {
  int location = 0;
  double east = 0;  // metres from the town centre
  double north = 0;
  std::vector<int> needs;
  int calls = 0;
  double last_end = -kUnbounded;
  double last_medication_start = -kUnbounded;
  int last_medication_visit = -1;
};

// One carer, or a pair of carers who do double-handed calls together all day.
struct Crew {
  std::vector<int> carers;
  std::vector<int> skills;  // held by every carer of the crew
  int office = 0;
  int location = 0;
  double east = 0;
  double north = 0;
  double speed = 1;
  Shift shift{};
  bool has_break = false;
  bool break_taken = false;
  double work_limit = 0;  // the share of max_working_time the plan fills
  double ready = 0;
  double worked = 0;
  double distance = 0;
  double travel_time = 0;
  bool open = true;
  std::vector<Stop> stops;
};

bool holds_all(const std::vector<int>& held, const std::vector<int>& needed) {
  return std::all_of(needed.begin(), needed.end(),
                     [&](int skill) { return std::find(held.begin(), held.end(), skill) != held.end(); });
}

bool holds(const std::vector<int>& held, int skill) { return std::find(held.begin(), held.end(), skill) != held.end(); }

class Builder {
 public:
  explicit Builder(const PlannedDayShape& shape) : shape_(shape), random_(shape.seed) {}

  PlannedDay build() {
    Problem& problem = day_.problem;
    problem.travel.kind = TravelModel::Kind::kGreatCircle;
    problem.travel.road_factor = 1.3;
    problem.travel.speed_metres_per_time_unit = 400;
    problem.objective.distance_weight = 0;
    problem.objective.travel_time_weight = 1;
    problem.objective.non_preferred_cost = 10;
    make_offices();
    make_carers();
    int made = 0;
    while (made < shape_.visits) {
      Crew* next = nullptr;
      for (Crew& crew : crews_)
        if (crew.open && (next == nullptr || crew.ready < next->ready)) next = &crew;
      if (next == nullptr) break;  // every day is full
      if (extend(*next)) ++made;
    }
    finish();
    // named by the visits made, which are fewer than asked when every day is full
    problem.name = "planned-day-" + std::to_string(made) + "-" + std::to_string(shape_.carers) + "-offices" +
                   std::to_string(std::max(1, shape_.offices)) + "-seed" + std::to_string(shape_.seed);
    return std::move(day_);
  }

 private:
  double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(random_); }
  int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(random_); }

  int add_location(double east, double north) {
    TravelModel& travel = day_.problem.travel;
    const double metres_per_degree_longitude = kMetresPerDegreeLatitude * std::cos(kCentreLatitude * kPi / 180);
    travel.x.push_back(kCentreLongitude + east / metres_per_degree_longitude);
    travel.y.push_back(kCentreLatitude + north / kMetresPerDegreeLatitude);
    return travel.location_count++;
  }

  void remove_last_location() {
    TravelModel& travel = day_.problem.travel;
    travel.x.pop_back();
    travel.y.pop_back();
    --travel.location_count;
  }

  void make_offices() {
    const int count = std::max(1, shape_.offices);
    for (int office_idx = 0; office_idx < count; ++office_idx) {
      const double angle = 2 * kPi * office_idx / count;
      const double radius = count == 1 ? 0.0 : 4500.0;
      offices_.push_back({radius * std::cos(angle), radius * std::sin(angle)});
      office_locations_.push_back(add_location(offices_.back().first, offices_.back().second));
    }
    people_of_office_.assign(count, {});
  }

  void make_carers() {
    // about one carer in six works in a pair for double-handed calls
    int paired = static_cast<int>(std::lround(shape_.carers * 0.16 / 2)) * 2;
    paired = std::min(paired, shape_.carers - shape_.carers % 2);
    int carer_idx = 0;
    while (carer_idx < shape_.carers) {
      const int size = carer_idx < paired ? 2 : 1;
      Crew crew;
      crew.office = static_cast<int>(crews_.size()) % static_cast<int>(offices_.size());
      crew.location = office_locations_[crew.office];
      crew.east = offices_[crew.office].first;
      crew.north = offices_[crew.office].second;
      crew.shift = kShifts[pick(4)];
      crew.has_break = crew.shift.end - crew.shift.start > 8 * 60;
      const double max_working_time = crew.has_break ? 9 * 60 : 7 * 60;
      crew.work_limit = max_working_time * shape_.fill;
      crew.ready = crew.shift.start;
      // pairs drive; about one single carer in ten walks
      crew.speed = size == 1 && unit() < 0.1 ? 0.3 : 1.0;
      std::vector<int> shared{kMedication, kHoist, kDementia, kCatheter};
      for (int member = 0; member < size; ++member) {
        Carer carer;
        carer.id = "c" + std::to_string(carer_idx);
        carer.start_location = crew.location;
        carer.end_location = crew.location;
        carer.shift = {crew.shift.start, crew.shift.end};
        if (crew.has_break) carer.breaks.push_back({{kBreakFrom, kBreakUntil}, kBreakLength});
        carer.max_working_time = max_working_time;
        carer.speed_factor = crew.speed;
        if (unit() < 0.8) carer.skills.push_back(kMedication);
        if (size == 2 || unit() < 0.45) carer.skills.push_back(kHoist);
        if (unit() < 0.4) carer.skills.push_back(kDementia);
        if (unit() < 0.2) carer.skills.push_back(kCatheter);
        std::erase_if(shared, [&](int skill) { return !holds(carer.skills, skill); });
        crew.carers.push_back(carer_idx);
        day_.problem.carers.push_back(std::move(carer));
        ++carer_idx;
      }
      crew.skills = shared;
      crews_.push_back(std::move(crew));
    }
  }

  // A new person near the crew (walkers) or anywhere around its office (drivers),
  // with needs the crew can meet.
  Person new_person(const Crew& crew) {
    // rounds are compact: walkers' next call is close by, drivers' often in the
    // same part of town, otherwise anywhere around the office
    const bool nearby = crew.speed < 1 || unit() < 0.5;
    std::normal_distribution<double> spread(0.0, crew.speed < 1 ? 400.0 : nearby ? 1200.0 : 2000.0);
    Person person;
    const double around_east = nearby ? crew.east : offices_[crew.office].first;
    const double around_north = nearby ? crew.north : offices_[crew.office].second;
    person.east = around_east + spread(random_);
    person.north = around_north + spread(random_);
    if (holds(crew.skills, kMedication) && unit() < 0.5) person.needs.push_back(kMedication);
    if (crew.carers.size() == 2) person.needs.push_back(kHoist);
    if (holds(crew.skills, kDementia) && unit() < 0.15) person.needs.push_back(kDementia);
    if (holds(crew.skills, kCatheter) && unit() < 0.04) person.needs.push_back(kCatheter);
    std::sort(person.needs.begin(), person.needs.end());
    return person;
  }

  // When the crew, free at `ready`, could start a call to the person; never
  // before the person's last call has been over an hour, or three hours after a
  // medication call when this is one too.
  static double earliest_start(const Person& person, double arrival) {
    double earliest = std::max(arrival, person.last_end + kCallGap);
    if (holds(person.needs, kMedication)) earliest = std::max(earliest, person.last_medication_start + kMedicationGap);
    return std::ceil(earliest - 1e-9);
  }

  // Adds one call to the crew's day; closes the day when no call fits.
  bool extend(Crew& crew) {
    Problem& problem = day_.problem;
    if (crew.has_break && !crew.break_taken && crew.ready >= kBreakFrom - 30) take_break(crew);
    std::vector<Person>& people = people_of_office_[crew.office];
    const bool pair = crew.carers.size() == 2;
    const double reach = crew.speed < 1 ? 1500.0 : 6000.0;
    // someone already called on today, about half the time
    int chosen = -1;
    double chosen_start = kUnbounded;
    if (!people.empty() && unit() < 0.6)
      for (int draw = 0; draw < 12; ++draw) {
        const int person_idx = pick(static_cast<int>(people.size()));
        const Person& person = people[person_idx];
        if (person.calls >= kMostCalls || holds(person.needs, kHoist) != pair || !holds_all(crew.skills, person.needs))
          continue;
        if (std::hypot(person.east - crew.east, person.north - crew.north) > reach) continue;
        const double arrival =
            crew.ready + travel_duration(problem.travel, crew.location, person.location) / crew.speed;
        const double start = earliest_start(person, arrival);
        if (start - arrival > kLongestWait || start >= chosen_start) continue;
        chosen = person_idx;
        chosen_start = start;
      }
    bool created = false;
    if (chosen < 0) {
      Person person = new_person(crew);
      person.location = add_location(person.east, person.north);
      people.push_back(std::move(person));
      chosen = static_cast<int>(people.size()) - 1;
      created = true;
    }
    Person& person = people[chosen];
    const double leg = travel_duration(problem.travel, crew.location, person.location) / crew.speed;
    const double start = earliest_start(person, crew.ready + leg);
    static constexpr double kDurations[] = {15, 20, 30, 30, 45};
    const double duration = kDurations[pick(5)];
    const double home = travel_duration(problem.travel, person.location, office_locations_[crew.office]) / crew.speed;
    const bool fits = start + duration + home <= crew.shift.end - 1 &&
                      crew.worked + leg + duration + home <= crew.work_limit &&
                      !(crew.has_break && !crew.break_taken && start + duration > kBreakUntil - 1);
    if (!fits) {
      if (created) {
        people.pop_back();
        remove_last_location();
      }
      crew.open = false;
      return false;
    }
    Visit visit;
    visit.id = "p" + std::to_string(person.location) + "-" + std::to_string(person.calls + 1);
    visit.location = person.location;
    visit.duration = duration;
    // the window is written around the planned start: an hour or two wide
    const double width = unit() < 0.5 ? 60 : 120;
    const double before = std::floor(unit() * (width + 1));
    visit.windows = {{start - before, start - before + width}};
    visit.skills = person.needs;
    visit.carers_needed = pair ? 2 : 1;
    const bool medication = holds(person.needs, kMedication);
    visit.priority = medication ? 3 : 1;
    if (unit() < 0.33) visit.preferred_carers = crew.carers;  // continuity: the carers who know the person
    const int visit_idx = static_cast<int>(problem.visits.size());
    problem.visits.push_back(std::move(visit));
    if (medication && person.last_medication_visit >= 0)
      problem.precedences.push_back({person.last_medication_visit, visit_idx, kMedicationGap, kUnbounded});
    crew.stops.push_back({Stop::Kind::kVisit, visit_idx, crew.ready + leg, start, start + duration});
    crew.distance += travel_distance(problem.travel, crew.location, person.location);
    crew.travel_time += leg;
    crew.worked += leg + duration;
    crew.ready = start + duration;
    crew.location = person.location;
    crew.east = person.east;
    crew.north = person.north;
    ++person.calls;
    person.last_end = start + duration;
    if (medication) {
      person.last_medication_start = start;
      person.last_medication_visit = visit_idx;
    }
    return true;
  }

  static void take_break(Crew& crew) {
    const double start = std::max(crew.ready, kBreakFrom);
    crew.stops.push_back({Stop::Kind::kBreak, 0, crew.ready, start, start + kBreakLength});
    crew.ready = start + kBreakLength;
    crew.break_taken = true;
  }

  void finish() {
    Problem& problem = day_.problem;
    Solution& plan = day_.plan;
    for (Crew& crew : crews_) {
      if (crew.stops.empty()) continue;
      if (crew.has_break && !crew.break_taken) take_break(crew);
      const int office = office_locations_[crew.office];
      const double home = travel_duration(problem.travel, crew.location, office) / crew.speed;
      const double home_distance = travel_distance(problem.travel, crew.location, office);
      for (int carer : crew.carers) {
        Route route;
        route.carer = carer;
        route.stops = crew.stops;
        route.departure = crew.shift.start;
        route.return_time = crew.ready + home;
        route.distance = crew.distance + home_distance;
        route.travel_time = crew.travel_time + home;
        route.working_time = crew.worked + home;
        plan.cost.distance += route.distance;
        plan.cost.travel_time += route.travel_time;
        ++plan.cost.routes_used;
        plan.routes.push_back(std::move(route));
      }
    }
    plan.cost.objective = problem.objective.distance_weight * plan.cost.distance +
                          problem.objective.travel_time_weight * plan.cost.travel_time;
  }

  PlannedDayShape shape_;
  std::mt19937_64 random_;
  PlannedDay day_;
  std::vector<std::pair<double, double>> offices_;  // metres east and north of the centre
  std::vector<int> office_locations_;
  std::vector<std::vector<Person>> people_of_office_;
  std::vector<Crew> crews_;
};

}  // namespace

PlannedDay generate_planned_day(const PlannedDayShape& shape) { return Builder(shape).build(); }

}  // namespace allot::solver
