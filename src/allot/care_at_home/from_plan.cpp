#include "allot/care_at_home/from_plan.h"

#include <fmt/format.h>

namespace allot::care_at_home {

namespace {

std::string hours_text(const Fraction& minutes) {
  if (!minutes.is_integer()) return fmt::format("{:.2f} hours", minutes.to_double() / 60.0);
  const auto whole = static_cast<std::int64_t>(minutes.numerator());
  if (whole % 60 == 0) return fmt::format("{} h", whole / 60);
  return fmt::format("{} h {} min", whole / 60, whole % 60);
}

}  // namespace

std::int64_t carer_minutes_of(const std::vector<Visit>& visits) {
  std::int64_t minutes = 0;
  // A visit is at most 12 hours and two carers (check_pattern), so no sum here
  // can come near overflowing for any pattern a request can carry.
  for (const Visit& visit : visits) minutes += static_cast<std::int64_t>(visit.duration_minutes) * visit.carers;
  return minutes;
}

Issues check_visits_match_plan(const std::vector<Visit>& visits, const Fraction& plan_hours_per_week) {
  const Fraction wanted = plan_hours_per_week * Fraction(60);
  const Fraction given(carer_minutes_of(visits));
  if (given == wanted) return {};
  return {{ErrorCode::kInvalidValue, "visits",
           fmt::format("the visits give {} of carers' time a week; the agreed plan's lines give {}", hours_text(given),
                       hours_text(wanted))}};
}

}  // namespace allot::care_at_home
