#include "allot/care_at_home/nights.h"

#include <fmt/format.h>

namespace allot::care_at_home {

const char* night_support_id(NightSupport kind) {
  switch (kind) {
    case NightSupport::kNone: return "none";
    case NightSupport::kSleepover: return "sleepover";
    case NightSupport::kWakingNight: return "waking_night";
    case NightSupport::kTechnologyWithResponder: return "technology_with_responder";
  }
  return "none";
}

namespace {

Result<Money> nights_cost(const RateCard& card, const NightPattern& pattern) {
  if (Issues issues = check_pattern({}, pattern); !issues.empty()) return fail(std::move(issues));
  Result<WeeklyCost> cost = cost_of({}, pattern, card);
  if (!cost) return fail(cost.error());
  return cost->nights;
}

}  // namespace

Result<NightComparison> compare_nights(const RateCard& card, const NightPattern& current, int waking_hours_if_not_waking,
                                       std::optional<Money> technology_weekly) {
  if (current.kind == NightSupport::kNone || current.nights_per_week <= 0) {
    return fail(ErrorCode::kInvalidValue, "nights", "the package has no night-time support to compare");
  }
  Result<Money> now = nights_cost(card, current);
  if (!now) return fail(now.error());
  NightComparison out{current, *now, {}};
  const int nights = current.nights_per_week;
  const int waking_hours =
      current.kind == NightSupport::kWakingNight ? current.hours_per_night : waking_hours_if_not_waking;
  std::optional<Money> technology =
      current.kind == NightSupport::kTechnologyWithResponder ? std::optional<Money>(current.technology_weekly) : technology_weekly;

  for (NightSupport kind : {NightSupport::kSleepover, NightSupport::kWakingNight, NightSupport::kTechnologyWithResponder}) {
    NightAlternative alternative;
    alternative.kind = kind;
    alternative.current = kind == current.kind;
    NightPattern pattern{kind, nights, 0, Money()};
    if (kind == NightSupport::kWakingNight) {
      pattern.hours_per_night = waking_hours;
      if (!alternative.current) alternative.note = fmt::format("{} waking hours a night", waking_hours);
    }
    if (kind == NightSupport::kTechnologyWithResponder) {
      if (!technology) {
        alternative.note = "unpriced: give the weekly charge for the technology and responder service";
        out.alternatives.push_back(std::move(alternative));
        continue;
      }
      pattern.technology_weekly = *technology;
    }
    Result<Money> weekly = nights_cost(card, pattern);
    if (!weekly) {
      Issues issues = weekly.error();
      for (Issue& issue : issues) issue.path = fmt::format("alternatives.{}.{}", night_support_id(kind), issue.path);
      return fail(std::move(issues));
    }
    const std::optional<Money> difference = checked_sum(*weekly, Money::from_pence(0) - *now);
    const std::optional<Money> annual = difference ? checked_product(*difference, 52) : std::nullopt;
    if (!difference || !annual) {
      return fail(ErrorCode::kInvalidValue, fmt::format("alternatives.{}", night_support_id(kind)),
                  "the difference does not fit in 64-bit pence");
    }
    alternative.weekly = *weekly;
    alternative.difference = *difference;
    alternative.annual_difference = *annual;
    out.alternatives.push_back(std::move(alternative));
  }
  return out;
}

}  // namespace allot::care_at_home
