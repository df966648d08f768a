#include "allot/journey/reviews.h"

namespace allot::journey {

Date first_review_due(Date start, const ReviewRules& rules) { return start.plus_days(7 * rules.first_review_weeks); }

Date first_review_earliest(Date start, const ReviewRules& rules) {
  return start.plus_days(7 * rules.first_review_earliest_weeks);
}

Date add_months(Date date, int months) {
  using namespace std::chrono;
  const year_month_day ymd = date.ymd();
  const year_month target = year_month(ymd.year(), ymd.month()) + std::chrono::months(months);
  const day last = year_month_day_last(target.year(), month_day_last(target.month())).day();
  return Date(year_month_day(target.year(), target.month(), ymd.day() > last ? last : ymd.day()));
}

Date next_review_due(Date last_review, const ReviewRules& rules) { return add_months(last_review, rules.later_review_months); }

Money transitional_protection(Money previous_package_annual, Money agreed_annual) {
  return previous_package_annual > agreed_annual ? previous_package_annual - agreed_annual : Money();
}

}  // namespace allot::journey
