#pragma once
// Travel-aware allocation (seed 002, 3.9: work allocated so providers form
// clusters and travel less). A provider's week is its carers' routes: each
// carer, each day, leaves their base, makes their visits in time order and
// returns. Visits keep their planned times; a carer can reach the next visit
// when they arrive by its start plus its tolerance. Travel is the scheduling
// engine's great-circle model (road distance = great-circle metres x 1.3) at
// the carer's own speed (car, bicycle, public transport, walking).
//
// ProviderWeek answers what a package would add to a provider's travel if its
// visits went to the carers where they cost least (both carers of a
// double-handed visit), or why it cannot go at all. No I/O; not thread-safe
// (one week per thread).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "allot/care_at_home/package.h"
#include "allot/care_at_home/workforce.h"
#include "allot/solver/problem.h"

namespace allot::care_at_home {

// Tasks that need a carer trained for them; any carer does any other task.
const std::vector<std::string>& skilled_tasks();

// Every place that allocation measures travel between: one great-circle travel
// model of the engine (metres), built once for a county.
class Places {
 public:
  int add(const GeoPoint& point);  // its index
  double metres(int from, int to) const { return solver::travel_distance(model_, from, to); }
  const solver::TravelModel& model() const { return model_; }

 private:
  solver::TravelModel model_{solver::TravelModel::Kind::kGreatCircle};
};

struct WeekCarer {
  std::int64_t id = 0;
  int base = 0;  // index into Places
  TravelMode mode = TravelMode::kCar;
  std::vector<std::string> skills;
  std::vector<Shift> shifts;
};

struct WeekVisit {
  std::int64_t package_id = 0;
  int visit_index = 0;  // within its package
  int place = 0;        // index into Places
  Visit visit;
};

// Which carers would make each of a package's visits, and what it adds.
struct Fit {
  bool fits = false;
  double extra_minutes = 0;             // travel added to the provider's week
  std::vector<std::vector<int>> carers; // per visit: carer indices (1 or 2)
  std::string reason;                   // why not, in plain words, when it does not fit
};

class ProviderWeek {
 public:
  ProviderWeek(const Places& places, std::vector<WeekCarer> carers);

  const std::vector<WeekCarer>& carers() const { return carers_; }
  // Index of the carer with this id, or -1.
  int carer_index(std::int64_t carer_id) const;
  // Puts a visit on a carer's day as it is today (no checks: the current
  // allocation is what it is).
  void place(int carer, const WeekVisit& visit);
  // Travel minutes of every carer's week.
  double travel_minutes() const;
  // The cheapest places for every visit of a package at `place`, each visit
  // costed after the ones before it; `fits` false with the reason when some visit
  // has no carer free, trained and able to get there in time.
  Fit fit(int place, const std::vector<Visit>& visits) const;
  // Adds a package as `fit` says (fit must have come from this week unchanged since).
  void add(std::int64_t package_id, int place, const std::vector<Visit>& visits, const Fit& fit);
  // Takes a package's visits out; the travel minutes saved (>= 0 up to rounding).
  double remove(std::int64_t package_id);
  // Which carers make each of a package's `visit_count` visits now (a Fit that
  // add() can put back exactly).
  Fit placement(std::int64_t package_id, int visit_count) const;

 private:
  struct Slot {
    int carer = -1;
    int position = -1;
    double extra = 0;
  };
  double leg(int carer, int from, int to) const;
  double route_minutes(int carer, int day) const;
  std::vector<Slot> slots(const WeekVisit& visit, const std::vector<std::vector<std::vector<WeekVisit>>>& routes) const;

  const Places& places_;
  std::vector<WeekCarer> carers_;
  // [carer][day] by start; fit() puts a package's visits in and takes them out again.
  mutable std::vector<std::vector<std::vector<WeekVisit>>> routes_;
};

// "Tuesday 10:00"
std::string visit_time_text(const Visit& visit);

}  // namespace allot::care_at_home
