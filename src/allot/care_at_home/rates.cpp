#include "allot/care_at_home/rates.h"

#include <limits>

#include <fmt/format.h>

namespace allot::care_at_home {

Issues check_rate_card(const RateCard& card, const std::string& path) {
  Issues issues;
  const std::pair<const char*, Money> rates[] = {{"day_hourly_pence", card.day_hourly},
                                                 {"evening_hourly_pence", card.evening_hourly},
                                                 {"weekend_hourly_pence", card.weekend_hourly},
                                                 {"sleepover_nightly_pence", card.sleepover_nightly},
                                                 {"waking_night_hourly_pence", card.waking_night_hourly}};
  for (const auto& [name, rate] : rates) {
    if (rate.pence() < 0) issues.push_back({ErrorCode::kInvalidValue, path + "." + name, "a rate cannot be negative"});
  }
  if (card.day_starts < 0 || card.day_starts >= card.evening_starts || card.evening_starts > 24 * 60) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".day_starts",
                      fmt::format("the day must start before the evening, within the day; found {} and {} minutes",
                                  card.day_starts, card.evening_starts)});
  }
  return issues;
}

TimeBand band_of(const RateCard& card, int day_of_week, int start_minute) {
  if (day_of_week >= 5) return TimeBand::kWeekend;
  return start_minute >= card.day_starts && start_minute < card.evening_starts ? TimeBand::kDay : TimeBand::kEvening;
}

Money hourly_rate(const RateCard& card, TimeBand band) {
  switch (band) {
    case TimeBand::kDay: return card.day_hourly;
    case TimeBand::kEvening: return card.evening_hourly;
    case TimeBand::kWeekend: return card.weekend_hourly;
  }
  return card.day_hourly;
}

const RateCard* card_on(const std::vector<RateCard>& cards, Date date) {
  const RateCard* found = nullptr;
  for (const RateCard& card : cards) {
    if (card.effective_from <= date && (found == nullptr || card.effective_from > found->effective_from)) found = &card;
  }
  return found;
}

Result<RateCard> uplifted(const RateCard& card, const Fraction& percent, Date from) {
  if (!(Fraction(-100) < percent) || Fraction(100) < percent) {
    return fail(ErrorCode::kInvalidValue, "percent", "an uplift must be above -100 % and at most 100 %");
  }
  RateCard raised = card;
  raised.effective_from = from;
  const Fraction factor = Fraction(1) + percent / Fraction(100);
  Issues issues;
  auto raise = [&](Money& rate, const char* name) {
    const Int128 numerator = static_cast<Int128>(rate.pence()) * factor.numerator();
    const Int128 whole = numerator / factor.denominator();
    if (whole > std::numeric_limits<std::int64_t>::max() || whole < std::numeric_limits<std::int64_t>::min()) {
      issues.push_back({ErrorCode::kInvalidValue, name, "the raised rate is too large to hold"});
      return;
    }
    rate = Money::from_pence(round_half_away(numerator, factor.denominator()));
  };
  raise(raised.day_hourly, "day_hourly_pence");
  raise(raised.evening_hourly, "evening_hourly_pence");
  raise(raised.weekend_hourly, "weekend_hourly_pence");
  raise(raised.sleepover_nightly, "sleepover_nightly_pence");
  raise(raised.waking_night_hourly, "waking_night_hourly_pence");
  if (!issues.empty()) return fail(std::move(issues));
  return raised;
}

}  // namespace allot::care_at_home
