#include "allot/charging/shares.h"

#include <fmt/format.h>

namespace allot::charging {

Result<CostShares> share_weekly_cost(Money weekly_cost, Money annual, Money nhs_annual, ChargeBasis basis,
                                     Money assessed_weekly) {
  Issues issues;
  auto non_negative = [&](Money amount, const char* path) {
    if (amount < Money{}) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, path, "must not be negative; found " + format_pounds(amount)});
    }
  };
  non_negative(weekly_cost, "weekly_cost_pence");
  non_negative(annual, "annual_pence");
  non_negative(nhs_annual, "by_funding_source.nhs");
  non_negative(assessed_weekly, "assessed_weekly_pence");
  if (nhs_annual > annual) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, "by_funding_source.nhs",
                           fmt::format("the NHS share {} is more than the annual amount {}", format_pounds(nhs_annual),
                                       format_pounds(annual))});
  }
  if (!issues.empty()) return tl::unexpected<Issues>(std::move(issues));

  CostShares shares;
  shares.weekly_cost = weekly_cost;
  // weekly x nhs / annual in 128 bits; the quotient is at most weekly_cost, so it fits.
  shares.nhs = annual.pence() == 0
                   ? Money{}
                   : Money::from_pence(round_half_away(static_cast<Int128>(weekly_cost.pence()) * nhs_annual.pence(),
                                                       annual.pence()));
  shares.social_care = weekly_cost - shares.nhs;
  shares.arithmetic.push_back(fmt::format("Cost of care a week: {}", format_pounds(weekly_cost)));
  if (annual.pence() == 0 || nhs_annual.pence() == 0) {
    shares.arithmetic.push_back("NHS share a week: £0.00 (the agreed budget has no NHS funding)");
  } else {
    shares.arithmetic.push_back(fmt::format("NHS share a week: {} x {} / {} (NHS funding of the annual budget) = {}",
                                            format_pounds(weekly_cost), format_pounds(nhs_annual),
                                            format_pounds(annual), format_pounds(shares.nhs)));
  }
  shares.arithmetic.push_back(fmt::format("Social care part a week: {} - {} = {}", format_pounds(weekly_cost),
                                          format_pounds(shares.nhs), format_pounds(shares.social_care)));
  switch (basis) {
    case ChargeBasis::kNotAssessed:
      shares.person = Money{};
      shares.arithmetic.push_back("The person pays: £0.00 (no financial assessment yet)");
      break;
    case ChargeBasis::kAssessed:
      shares.person = assessed_weekly < shares.social_care ? assessed_weekly : shares.social_care;
      shares.arithmetic.push_back(fmt::format(
          "The person pays: the smaller of what they can pay ({}) and the social care part ({}) = {}",
          format_pounds(assessed_weekly), format_pounds(shares.social_care), format_pounds(shares.person)));
      break;
    case ChargeBasis::kFullCost:
      shares.person = shares.social_care;
      shares.arithmetic.push_back(
          fmt::format("The person pays the full cost of the social care part (the NHS share is free to them): {}",
                      format_pounds(shares.person)));
      break;
  }
  shares.council = shares.social_care - shares.person;
  shares.arithmetic.push_back(fmt::format("The council pays: {} - {} = {}", format_pounds(shares.social_care),
                                          format_pounds(shares.person), format_pounds(shares.council)));
  shares.arithmetic.push_back(fmt::format("Together: the person {} + the council {} + the NHS {} = {}",
                                          format_pounds(shares.person), format_pounds(shares.council),
                                          format_pounds(shares.nhs), format_pounds(weekly_cost)));
  return shares;
}

}  // namespace allot::charging
