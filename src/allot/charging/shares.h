#pragma once
// Who pays for a week of a person's care: the person, the council and the NHS,
// side by side with the arithmetic (Care Act s26: a personal budget states the
// cost of meeting needs, what the person pays and what the council pays).
//
// The NHS's part is free at the point of use, so the person's contribution is
// charged against the social care part only (the cost less the NHS share), and
// never more than it. The NHS share a week is the agreed budget's weekly cost in
// the proportion of its annual NHS funding (rounded once).

#include <string>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::charging {

enum class ChargeBasis {
  kNotAssessed,  // no financial assessment yet: nothing is charged
  kAssessed,     // the person pays what they can (assessed_weekly), up to the social care part
  kFullCost,     // deferred, refused or capital above the upper limit: the whole social care part
};

struct CostShares {
  Money weekly_cost;  // the cost of care a week (the agreed budget's recurring weekly amount)
  Money nhs;          // the NHS's share a week
  Money social_care;  // weekly_cost - nhs: the part the council arranges and charges for
  Money person;       // what the person pays a week
  Money council;      // social_care - person
  std::vector<std::string> arithmetic;  // every step, in words with amounts
};

// Splits a week's cost. `annual` and `nhs_annual` are the agreed budget's annual
// amount and its NHS funding (0 <= nhs_annual <= annual); with annual zero the
// NHS share is zero. kInvalidValue naming the field for a negative amount, an NHS
// share above the annual amount, or a product that does not fit in 64 bits.
Result<CostShares> share_weekly_cost(Money weekly_cost, Money annual, Money nhs_annual, ChargeBasis basis,
                                     Money assessed_weekly);

}  // namespace allot::charging
