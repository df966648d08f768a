#include "allot/budgets/risk_share.h"

#include <gtest/gtest.h>

namespace allot::budgets {
namespace {

Money pounds(std::int64_t value) { return Money::from_pence(value * 100); }

std::vector<PartnerPosition> partners() {
  // £13.4M pooled (seed 000), overspent by £300,001.
  return {{"demo-council", pounds(8'000'000), pounds(8'400'000) + Money::from_pence(1)},
          {"demo-nhs", pounds(5'400'000), pounds(5'300'000)}};
}

TEST(RiskShare, EqualSharesSplitTheVarianceInHalvesToThePenny) {
  auto settlement = settle(RiskShareRule::kEqualShares, partners());
  ASSERT_TRUE(settlement);
  EXPECT_EQ(settlement->variance, Money{} - (pounds(300'000) + Money::from_pence(1)));
  EXPECT_EQ(settlement->shares[0].share + settlement->shares[1].share, settlement->variance);
  EXPECT_EQ(settlement->shares[0].share, Money{} - (pounds(150'000) + Money::from_pence(1)));  // -15,000,000.5 away from zero
  EXPECT_EQ(settlement->shares[1].share, Money{} - pounds(150'000));
  EXPECT_EQ(settlement->shares[1].arithmetic, "-£300,000.01 x 1 / 2 = -£150,000.00");
}

TEST(RiskShare, ByContributionIsInProportionToWhatEachPutIn) {
  auto settlement = settle(RiskShareRule::kByContribution, partners());
  ASSERT_TRUE(settlement);
  // 30,000,001 x 8,000,000 / 13,400,000 = 17,910,448.4 -> 17,910,448 pence
  EXPECT_EQ(settlement->shares[0].share, Money::from_pence(-17'910'448));
  EXPECT_EQ(settlement->shares[1].share, Money::from_pence(-30'000'001 + 17'910'448));
}

TEST(RiskShare, EachBearsItsOwn) {
  auto settlement = settle(RiskShareRule::kEachBearsOwn, partners());
  ASSERT_TRUE(settlement);
  EXPECT_EQ(settlement->shares[0].share, Money{} - (pounds(400'000) + Money::from_pence(1)));
  EXPECT_EQ(settlement->shares[1].share, pounds(100'000));
  EXPECT_EQ(settlement->shares[0].share + settlement->shares[1].share, settlement->variance);
}

TEST(RiskShare, RefusesNoPartnersAndParsesRules) {
  EXPECT_FALSE(settle(RiskShareRule::kEqualShares, {}));
  EXPECT_EQ(parse_risk_share_rule("by_contribution"), RiskShareRule::kByContribution);
  EXPECT_FALSE(parse_risk_share_rule("halves"));
}

}  // namespace
}  // namespace allot::budgets
