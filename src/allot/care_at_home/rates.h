#pragma once
// What a provider is paid for a service: hourly rates by time of the week, a
// flat rate per sleepover night and an hourly rate for waking nights, each card
// in force from its date. Purchases are priced from the card in force on the day.
// No I/O.

#include <optional>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::care_at_home {

enum class TimeBand { kDay, kEvening, kWeekend };

struct RateCard {
  Date effective_from;
  Money day_hourly;           // Monday to Friday, from day_starts until evening_starts
  Money evening_hourly;       // Monday to Friday, before day_starts or from evening_starts
  Money weekend_hourly;       // Saturday and Sunday, all day
  Money sleepover_nightly;    // a carer asleep on the premises, on call
  Money waking_night_hourly;  // a carer awake through the night
  int day_starts = 7 * 60;      // minutes after midnight
  int evening_starts = 19 * 60;
};

// Every problem with a card: no negative rate, the day within the day.
Issues check_rate_card(const RateCard& card, const std::string& path);

// Which band a visit falls in, by its start (day 0 is Monday).
TimeBand band_of(const RateCard& card, int day_of_week, int start_minute);
Money hourly_rate(const RateCard& card, TimeBand band);

// The card in force on `date`: the latest effective on or before it; none if
// every card starts later.
const RateCard* card_on(const std::vector<RateCard>& cards, Date date);

// A new card from `from`, every rate raised by `percent` (2.5 for 2.5 %), each
// rounded once to the penny, half away from zero. Fails if a rate would overflow.
Result<RateCard> uplifted(const RateCard& card, const Fraction& percent, Date from);

}  // namespace allot::care_at_home
