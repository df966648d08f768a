#pragma once
// Risk share in a pooled budget: how the year's variance (contributions minus
// forecast outturn; positive is an underspend) is split between the partners
// under the budget's rule, with the arithmetic written out for the settlement
// report. Seed 004: costs and benefits of efficiencies shared equally.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"

namespace allot::budgets {

enum class RiskShareRule {
  kEqualShares,       // each partner takes the same share
  kByContribution,    // in proportion to what each put in
  kEachBearsOwn,      // each partner's own contribution less its own outturn
};
const char* risk_share_rule_id(RiskShareRule rule);  // "equal_shares", "by_contribution", "each_bears_own"
std::optional<RiskShareRule> parse_risk_share_rule(std::string_view id);

struct PartnerPosition {
  std::string partner;   // the agency's code
  Money contribution;
  Money own_outturn;     // spend attributed to this partner's funding (kEachBearsOwn)
};

struct PartnerShare {
  std::string partner;
  Money share;             // positive: the partner's part of an underspend; negative: of an overspend
  std::string arithmetic;  // "£13,400,000.00 x 1 / 2 = ..." in words a board can check
};

struct Settlement {
  Money contributions;
  Money outturn;
  Money variance;  // contributions - outturn
  std::vector<PartnerShare> shares;  // add up to the variance exactly
};

// kInvalidValue when there are no partners, a contribution is negative, the
// contributions are all zero under kByContribution, or a sum overflows.
// Rounding: the shares are cumulative roundings, so they add up to the variance
// to the penny (the last partner is never given a silent remainder).
Result<Settlement> settle(RiskShareRule rule, const std::vector<PartnerPosition>& partners);

}  // namespace allot::budgets
