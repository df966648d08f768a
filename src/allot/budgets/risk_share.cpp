#include "allot/budgets/risk_share.h"

#include "allot/budgets/money_checks.h"

namespace allot::budgets {

const char* risk_share_rule_id(RiskShareRule rule) {
  switch (rule) {
    case RiskShareRule::kEqualShares: return "equal_shares";
    case RiskShareRule::kByContribution: return "by_contribution";
    case RiskShareRule::kEachBearsOwn: return "each_bears_own";
  }
  return "equal_shares";
}

std::optional<RiskShareRule> parse_risk_share_rule(std::string_view id) {
  for (RiskShareRule rule : {RiskShareRule::kEqualShares, RiskShareRule::kByContribution, RiskShareRule::kEachBearsOwn}) {
    if (id == risk_share_rule_id(rule)) return rule;
  }
  return std::nullopt;
}

namespace {

Money cumulative_share(Money variance, Int128 numerator, Int128 denominator) {
  return Money::from_pence(round_half_away(static_cast<Int128>(variance.pence()) * numerator, denominator));
}

}  // namespace

Result<Settlement> settle(RiskShareRule rule, const std::vector<PartnerPosition>& partners) {
  Issues issues;
  if (partners.empty()) issues.push_back(Issue{ErrorCode::kInvalidValue, "partners", "a pooled budget needs partners"});
  Settlement settlement;
  for (std::size_t idx = 0; idx < partners.size(); ++idx) {
    const std::string path = "partners[" + std::to_string(idx) + "]";
    if (partners[idx].contribution < Money{}) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, path + ".contribution", "must not be negative"});
    }
    add_into(settlement.contributions, partners[idx].contribution, path + ".contribution", issues);
    add_into(settlement.outturn, partners[idx].own_outturn, path + ".own_outturn", issues);
  }
  if (rule == RiskShareRule::kByContribution && settlement.contributions == Money{} && !partners.empty()) {
    issues.push_back(Issue{ErrorCode::kInvalidValue, "partners", "shares by contribution need some contribution"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  const std::optional<Money> variance = checked_sub(settlement.contributions, settlement.outturn);
  if (!variance) return fail(ErrorCode::kInvalidValue, "partners", "the variance does not fit in 64-bit pence");
  settlement.variance = *variance;
  const std::string variance_text = format_pounds(settlement.variance);
  Int128 running = 0;
  Money given;
  for (std::size_t idx = 0; idx < partners.size(); ++idx) {
    const PartnerPosition& partner = partners[idx];
    PartnerShare share{partner.partner, Money{}, ""};
    switch (rule) {
      case RiskShareRule::kEqualShares: {
        const Int128 count = static_cast<Int128>(partners.size());
        running += 1;
        const Money upto = cumulative_share(settlement.variance, running, count);
        share.share = upto - given;
        given = upto;
        share.arithmetic = variance_text + " x 1 / " + std::to_string(partners.size()) + " = " + format_pounds(share.share);
        break;
      }
      case RiskShareRule::kByContribution: {
        running += partner.contribution.pence();
        const Money upto = cumulative_share(settlement.variance, running, settlement.contributions.pence());
        share.share = upto - given;
        given = upto;
        share.arithmetic = variance_text + " x " + format_pounds(partner.contribution) + " / " +
                           format_pounds(settlement.contributions) + " = " + format_pounds(share.share);
        break;
      }
      case RiskShareRule::kEachBearsOwn: {
        const std::optional<Money> own = checked_sub(partner.contribution, partner.own_outturn);
        if (!own) return fail(ErrorCode::kInvalidValue, "partners", "a share does not fit in 64-bit pence");
        share.share = *own;
        share.arithmetic = format_pounds(partner.contribution) + " contributed - " + format_pounds(partner.own_outturn) +
                           " own outturn = " + format_pounds(share.share);
        break;
      }
    }
    settlement.shares.push_back(std::move(share));
  }
  return settlement;
}

}  // namespace allot::budgets
