#include "allot/care_at_home/package.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace allot::care_at_home {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool fits(Int128 value) {
  return value <= std::numeric_limits<std::int64_t>::max() && value >= std::numeric_limits<std::int64_t>::min();
}

// Pence x 60 per week: minutes at an hourly rate stay exact until the one rounding.
Int128 nights_sixtieths(const NightPattern& nights, const RateCard& card) {
  switch (nights.kind) {
    case NightSupport::kNone: return 0;
    case NightSupport::kSleepover: return static_cast<Int128>(card.sleepover_nightly.pence()) * nights.nights_per_week * 60;
    case NightSupport::kWakingNight:
      return static_cast<Int128>(card.waking_night_hourly.pence()) * nights.nights_per_week * nights.hours_per_night * 60;
    case NightSupport::kTechnologyWithResponder: return static_cast<Int128>(nights.technology_weekly.pence()) * 60;
  }
  return 0;
}

}  // namespace

Issues check_pattern(const std::vector<Visit>& visits, const NightPattern& nights) {
  Issues issues;
  for (std::size_t index = 0; index < visits.size(); ++index) {
    const Visit& visit = visits[index];
    const std::string path = fmt::format("visits[{}]", index);
    if (visit.day_of_week < 0 || visit.day_of_week > 6) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".day_of_week", "expected a day from Monday (0) to Sunday (6)"});
    }
    if (visit.start_minute < 0 || visit.start_minute >= kMinutesPerDay) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".start_minute", "expected a start within the day (00:00 to 23:59)"});
    }
    if (visit.duration_minutes < 5 || visit.duration_minutes > 12 * 60) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".duration_minutes", "a visit lasts from 5 minutes to 12 hours"});
    }
    if (visit.carers != 1 && visit.carers != 2) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".carers", "a visit needs 1 carer, or 2 when double-handed"});
    }
    if (visit.tolerance_minutes < 0 || visit.tolerance_minutes > 120) {
      issues.push_back({ErrorCode::kInvalidValue, path + ".tolerance_minutes", "a tolerance is from 0 to 120 minutes"});
    }
    for (std::size_t earlier = 0; earlier < index; ++earlier) {
      const Visit& other = visits[earlier];
      if (other.day_of_week == visit.day_of_week && visit.start_minute < other.start_minute + other.duration_minutes &&
          other.start_minute < visit.start_minute + visit.duration_minutes) {
        issues.push_back({ErrorCode::kConflict, path, fmt::format("overlaps visit {} on the same day", earlier + 1)});
        break;
      }
    }
  }
  if (nights.kind != NightSupport::kNone && (nights.nights_per_week < 1 || nights.nights_per_week > 7)) {
    issues.push_back({ErrorCode::kInvalidValue, "nights.nights_per_week", "night-time support is for 1 to 7 nights a week"});
  }
  if (nights.kind == NightSupport::kWakingNight && (nights.hours_per_night < 1 || nights.hours_per_night > 12)) {
    issues.push_back({ErrorCode::kInvalidValue, "nights.hours_per_night", "a waking night is 1 to 12 hours"});
  }
  if (nights.kind == NightSupport::kTechnologyWithResponder && nights.technology_weekly.pence() < 0) {
    issues.push_back({ErrorCode::kInvalidValue, "nights.technology_weekly_pence", "a charge cannot be negative"});
  }
  return issues;
}

Result<WeeklyCost> cost_of(const std::vector<Visit>& visits, const NightPattern& nights, const RateCard& card) {
  WeeklyCost cost;
  Int128 visit_sixtieths = 0;  // pence x 60
  for (std::size_t index = 0; index < visits.size(); ++index) {
    const Visit& visit = visits[index];
    const Int128 minutes = static_cast<Int128>(visit.duration_minutes) * visit.carers;
    cost.carer_minutes += static_cast<std::int64_t>(minutes);
    visit_sixtieths += minutes * hourly_rate(card, band_of(card, visit.day_of_week, visit.start_minute)).pence();
    if (!fits(visit_sixtieths / 60 * 52)) {
      return fail(ErrorCode::kInvalidValue, fmt::format("visits[{}]", index), "the package's cost is too large to hold");
    }
  }
  const Int128 night_sixtieths = nights_sixtieths(nights, card);
  const Int128 total = visit_sixtieths + night_sixtieths;
  if (!fits(night_sixtieths / 60 * 52) || !fits(total / 60 * 52)) {
    return fail(ErrorCode::kInvalidValue, "nights", "the package's cost is too large to hold");
  }
  cost.visits = Money::from_pence(round_half_away(visit_sixtieths, 60));
  cost.nights = Money::from_pence(round_half_away(night_sixtieths, 60));
  cost.weekly = Money::from_pence(round_half_away(total, 60));
  cost.annual = Money::from_pence(round_half_away(total * 52, 60));
  return cost;
}

Result<NightOptions> night_options(const RateCard& card, int nights_per_week, int waking_hours_per_night,
                                   Money technology_weekly) {
  NightPattern sleepover{NightSupport::kSleepover, nights_per_week, 0, Money()};
  NightPattern waking{NightSupport::kWakingNight, nights_per_week, waking_hours_per_night, Money()};
  NightPattern technology{NightSupport::kTechnologyWithResponder, nights_per_week, 0, technology_weekly};
  Issues issues = check_pattern({}, waking);
  for (Issue& issue : check_pattern({}, technology)) issues.push_back(std::move(issue));
  if (!issues.empty()) return fail(std::move(issues));
  NightOptions options;
  for (const auto& [pattern, into] : {std::pair{&sleepover, &options.sleepover_weekly},
                                      std::pair{&waking, &options.waking_night_weekly},
                                      std::pair{&technology, &options.technology_weekly}}) {
    Result<WeeklyCost> cost = cost_of({}, *pattern, card);
    if (!cost) return fail(cost.error());
    *into = cost->nights;
  }
  return options;
}

}  // namespace allot::care_at_home
