#include "allot/care_at_home/allocation.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace allot::care_at_home {

namespace {

const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool holds(const std::vector<std::string>& skills, const std::string& task) {
  return std::find(skills.begin(), skills.end(), task) != skills.end();
}

bool trained_for(const WeekCarer& carer, const Visit& visit) {
  for (const std::string& task : visit.tasks) {
    if (holds(skilled_tasks(), task) && !holds(carer.skills, task)) return false;
  }
  return true;
}

bool on_shift(const WeekCarer& carer, const Visit& visit) {
  return std::any_of(carer.shifts.begin(), carer.shifts.end(), [&](const Shift& shift) {
    return shift.day_of_week == visit.day_of_week && shift.start_minute <= visit.start_minute &&
           visit.start_minute + visit.duration_minutes <= shift.end_minute;
  });
}

using Routes = std::vector<std::vector<std::vector<WeekVisit>>>;

// Marks the visits fit() puts in for costing, whatever the package's own id.
constexpr std::int64_t kTentative = std::numeric_limits<std::int64_t>::min();

}  // namespace

const std::vector<std::string>& skilled_tasks() {
  static const std::vector<std::string> kTasks = {"medication", "moving and handling", "dementia care",
                                                  "catheter care", "PEG feeding"};
  return kTasks;
}

int Places::add(const GeoPoint& point) {
  model_.x.push_back(static_cast<double>(point.longitude_micro) / 1e6);
  model_.y.push_back(static_cast<double>(point.latitude_micro) / 1e6);
  return model_.location_count++;
}

std::string visit_time_text(const Visit& visit) {
  const int day = std::clamp(visit.day_of_week, 0, 6);
  return fmt::format("{} {:02}:{:02}", kDays[day], visit.start_minute / 60, visit.start_minute % 60);
}

ProviderWeek::ProviderWeek(const Places& places, std::vector<WeekCarer> carers)
    : places_(places), carers_(std::move(carers)), routes_(carers_.size(), std::vector<std::vector<WeekVisit>>(7)) {}

int ProviderWeek::carer_index(std::int64_t carer_id) const {
  for (std::size_t index = 0; index < carers_.size(); ++index) {
    if (carers_[index].id == carer_id) return static_cast<int>(index);
  }
  return -1;
}

double ProviderWeek::leg(int carer, int from, int to) const {
  return places_.metres(from, to) / metres_per_minute(carers_[static_cast<std::size_t>(carer)].mode);
}

void ProviderWeek::place(int carer, const WeekVisit& visit) {
  auto& route = routes_[static_cast<std::size_t>(carer)][static_cast<std::size_t>(std::clamp(visit.visit.day_of_week, 0, 6))];
  const auto at = std::upper_bound(route.begin(), route.end(), visit.visit.start_minute,
                                   [](int start, const WeekVisit& other) { return start < other.visit.start_minute; });
  route.insert(at, visit);
}

double ProviderWeek::route_minutes(int carer, int day) const {
  const auto& route = routes_[static_cast<std::size_t>(carer)][static_cast<std::size_t>(day)];
  if (route.empty()) return 0;
  const int base = carers_[static_cast<std::size_t>(carer)].base;
  double minutes = leg(carer, base, route.front().place) + leg(carer, route.back().place, base);
  for (std::size_t index = 1; index < route.size(); ++index) minutes += leg(carer, route[index - 1].place, route[index].place);
  return minutes;
}

double ProviderWeek::travel_minutes() const {
  double total = 0;
  for (std::size_t carer = 0; carer < carers_.size(); ++carer) {
    for (int day = 0; day < 7; ++day) total += route_minutes(static_cast<int>(carer), day);
  }
  return total;
}

std::vector<ProviderWeek::Slot> ProviderWeek::slots(const WeekVisit& visit, const Routes& routes) const {
  std::vector<Slot> found;
  const Visit& wanted = visit.visit;
  for (std::size_t carer = 0; carer < carers_.size(); ++carer) {
    const WeekCarer& who = carers_[carer];
    if (!trained_for(who, wanted) || !on_shift(who, wanted)) continue;
    const int c = static_cast<int>(carer);
    const auto& route = routes[carer][static_cast<std::size_t>(wanted.day_of_week)];
    const auto at = std::upper_bound(route.begin(), route.end(), wanted.start_minute,
                                     [](int start, const WeekVisit& other) { return start < other.visit.start_minute; });
    const auto position = static_cast<std::size_t>(at - route.begin());
    const WeekVisit* before = position > 0 ? &route[position - 1] : nullptr;
    const WeekVisit* after = position < route.size() ? &route[position] : nullptr;
    const int from = before ? before->place : who.base;
    const int to = after ? after->place : who.base;
    const double in = leg(c, from, visit.place);
    const double out = leg(c, visit.place, to);
    // Time: arrive by the visit's start plus its tolerance, and leave in time for the next.
    if (before && before->visit.start_minute + before->visit.duration_minutes + in >
                      wanted.start_minute + wanted.tolerance_minutes) {
      continue;
    }
    if (after && wanted.start_minute + wanted.duration_minutes + out >
                     after->visit.start_minute + after->visit.tolerance_minutes) {
      continue;
    }
    found.push_back(Slot{c, static_cast<int>(position), in + out - leg(c, from, to)});
  }
  std::sort(found.begin(), found.end(), [](const Slot& a, const Slot& b) {
    return a.extra != b.extra ? a.extra < b.extra : a.carer < b.carer;
  });
  return found;
}

Fit ProviderWeek::fit(int place, const std::vector<Visit>& visits) const {
  Fit result;
  // Visits of one package on one day are costed after each other: each goes into
  // the routes as it is costed and all come out again before returning.
  Routes& routes = routes_;
  std::vector<std::pair<int, int>> inserted;  // (carer, day) of each tentative visit, in order
  const auto undo = [&] {
    for (auto it = inserted.rbegin(); it != inserted.rend(); ++it) {
      auto& route = routes[static_cast<std::size_t>(it->first)][static_cast<std::size_t>(it->second)];
      std::erase_if(route, [](const WeekVisit& v) { return v.package_id == kTentative; });
    }
  };
  for (std::size_t index = 0; index < visits.size(); ++index) {
    const Visit& visit = visits[index];
    const WeekVisit week_visit{kTentative, static_cast<int>(index), place, visit};
    std::vector<Slot> found = slots(week_visit, routes);
    const auto needed = static_cast<std::size_t>(std::max(1, visit.carers));
    if (found.size() < needed) {
      const bool trained = std::any_of(carers_.begin(), carers_.end(), [&](const WeekCarer& c) { return trained_for(c, visit); });
      const bool working = std::any_of(carers_.begin(), carers_.end(),
                                       [&](const WeekCarer& c) { return trained_for(c, visit) && on_shift(c, visit); });
      if (!trained) {
        result.reason = fmt::format("no carer is trained for every task of the visit on {}", visit_time_text(visit));
      } else if (!working) {
        result.reason = fmt::format("no carer works on {}", visit_time_text(visit));
      } else if (found.empty()) {
        result.reason = fmt::format("no carer can be there on {} between their other visits", visit_time_text(visit));
      } else {
        result.reason = fmt::format("only one carer is free for the double-handed visit on {}", visit_time_text(visit));
      }
      result.carers.clear();
      result.extra_minutes = 0;
      undo();
      return result;
    }
    std::vector<int> chosen;
    for (std::size_t pick = 0; pick < needed; ++pick) {
      const Slot& slot = found[pick];
      chosen.push_back(slot.carer);
      result.extra_minutes += slot.extra;
      auto& route = routes[static_cast<std::size_t>(slot.carer)][static_cast<std::size_t>(visit.day_of_week)];
      route.insert(route.begin() + slot.position, week_visit);
      inserted.emplace_back(slot.carer, visit.day_of_week);
    }
    result.carers.push_back(std::move(chosen));
  }
  undo();
  result.fits = true;
  return result;
}

void ProviderWeek::add(std::int64_t package_id, int place, const std::vector<Visit>& visits, const Fit& fit) {
  for (std::size_t index = 0; index < visits.size() && index < fit.carers.size(); ++index) {
    for (int carer : fit.carers[index]) this->place(carer, WeekVisit{package_id, static_cast<int>(index), place, visits[index]});
  }
}

double ProviderWeek::remove(std::int64_t package_id) {
  double saved = 0;
  for (std::size_t carer = 0; carer < carers_.size(); ++carer) {
    for (int day = 0; day < 7; ++day) {
      auto& route = routes_[carer][static_cast<std::size_t>(day)];
      if (std::none_of(route.begin(), route.end(), [&](const WeekVisit& v) { return v.package_id == package_id; })) continue;
      const double before = route_minutes(static_cast<int>(carer), day);
      std::erase_if(route, [&](const WeekVisit& v) { return v.package_id == package_id; });
      saved += before - route_minutes(static_cast<int>(carer), day);
    }
  }
  return saved;
}

Fit ProviderWeek::placement(std::int64_t package_id, int visit_count) const {
  Fit fit;
  fit.fits = true;
  fit.carers.assign(static_cast<std::size_t>(std::max(0, visit_count)), {});
  for (std::size_t carer = 0; carer < carers_.size(); ++carer) {
    for (const auto& route : routes_[carer]) {
      for (const WeekVisit& visit : route) {
        if (visit.package_id == package_id && visit.visit_index >= 0 && visit.visit_index < visit_count) {
          fit.carers[static_cast<std::size_t>(visit.visit_index)].push_back(static_cast<int>(carer));
        }
      }
    }
  }
  return fit;
}

}  // namespace allot::care_at_home
