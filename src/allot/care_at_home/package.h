#pragma once
// A care at home package as a provider delivers it (seed 002, 3.6): time and
// task, a weekly pattern of visits each with its start, tolerance, length,
// one or two carers and tasks, paid by the hour; night-time support made
// explicit (3.8), so alternatives to a sleepover can be costed beside it.
// Every sum and product of money is exact and checked. No I/O.

#include <string>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/care_at_home/rates.h"

namespace allot::care_at_home {

struct Visit {
  int day_of_week = 0;        // 0 Monday .. 6 Sunday
  int start_minute = 0;       // minutes after midnight
  int tolerance_minutes = 0;  // the visit may start this much earlier or later
  int duration_minutes = 0;
  int carers = 1;             // 1, or 2 for a double-handed visit
  std::vector<std::string> tasks;
};

enum class NightSupport { kNone, kSleepover, kWakingNight, kTechnologyWithResponder };

struct NightPattern {
  NightSupport kind = NightSupport::kNone;
  int nights_per_week = 0;           // 1 to 7
  int hours_per_night = 0;           // waking night: 1 to 12
  Money technology_weekly;           // technology-enabled care with a responder: the weekly charge
};

// Every problem with a pattern of visits and nights, each at its own path:
// days 0 to 6, a start within the day, 5 minutes to 12 hours, 1 or 2 carers,
// a tolerance up to 2 hours, no two visits overlapping on one day.
Issues check_pattern(const std::vector<Visit>& visits, const NightPattern& nights);

struct WeeklyCost {
  std::int64_t carer_minutes = 0;  // each carer's minutes counted: a double-handed hour is two
  Money visits;                    // the visits at their bands' hourly rates
  Money nights;                    // night-time support
  Money weekly;                    // visits + nights, rounded once
  Money annual;                    // 52 weeks of the exact weekly cost, rounded once
};

// The weekly and annual cost under `card`. Fails naming the visit when an amount
// would not fit in 64-bit pence.
Result<WeeklyCost> cost_of(const std::vector<Visit>& visits, const NightPattern& nights, const RateCard& card);

// Night-time support costed each way for the same nights, so a person's page can
// show what a sleepover costs beside a waking night or technology with a
// responder (seed 002's aim of less reliance on sleepovers).
struct NightOptions {
  Money sleepover_weekly;
  Money waking_night_weekly;
  Money technology_weekly;
};
Result<NightOptions> night_options(const RateCard& card, int nights_per_week, int waking_hours_per_night,
                                   Money technology_weekly);

}  // namespace allot::care_at_home
