#pragma once
// Review dates and transitional protection.

#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::journey {

struct ReviewRules {
  int first_review_weeks = 8;         // first review six to eight weeks after the start
  int first_review_earliest_weeks = 6;
  int later_review_months = 12;       // then yearly
};

Date first_review_due(Date start, const ReviewRules& rules);
Date first_review_earliest(Date start, const ReviewRules& rules);
// Months later, on the same day of the month or the month's last day.
Date add_months(Date date, int months);
Date next_review_due(Date last_review, const ReviewRules& rules);

// For someone whose agreed budget is lower than their previous package: the
// difference, drawn from the top-sliced protection fund (seed 003). Zero otherwise.
Money transitional_protection(Money previous_package_annual, Money agreed_annual);

}  // namespace allot::journey
