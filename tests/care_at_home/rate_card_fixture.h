#pragma once
// The rate card the package and night-time tests price against: round hourly
// rates, £90 a sleepover and £18 an hour awake, so expected pence are easy to check.
#include "allot/care_at_home/rates.h"

namespace allot::care_at_home {

inline RateCard test_card() {
  RateCard rates;
  rates.effective_from = *Date::parse("2026-04-01");
  rates.day_hourly = Money::from_pence(1'950);
  rates.evening_hourly = Money::from_pence(2'150);
  rates.weekend_hourly = Money::from_pence(2'300);
  rates.sleepover_nightly = Money::from_pence(9'000);
  rates.waking_night_hourly = Money::from_pence(1'800);
  return rates;
}

}  // namespace allot::care_at_home
