// Who pays for a week of care: the person, the council and the NHS.
#include <gtest/gtest.h>

#include "allot/charging/shares.h"

namespace allot::charging {
namespace {

Money pence(std::int64_t value) { return Money::from_pence(value); }

CostShares shares(Money weekly, Money annual, Money nhs, ChargeBasis basis, Money assessed) {
  auto result = share_weekly_cost(weekly, annual, nhs, basis, assessed);
  if (!result) throw std::runtime_error(format_issues(result.error()));
  return *result;
}

TEST(CostShares, TheNhsShareFollowsTheFundingSplitAndThePersonPaysTowardsTheSocialCarePart) {
  // £300 a week; £15,600 a year of which the NHS funds £5,200 (a third).
  const CostShares s = shares(pence(30'000), pence(1'560'000), pence(520'000), ChargeBasis::kAssessed, pence(4'250));
  EXPECT_EQ(s.nhs, pence(10'000));
  EXPECT_EQ(s.social_care, pence(20'000));
  EXPECT_EQ(s.person, pence(4'250));
  EXPECT_EQ(s.council, pence(15'750));
  EXPECT_EQ(s.person + s.council + s.nhs, s.weekly_cost);
  ASSERT_FALSE(s.arithmetic.empty());
  EXPECT_EQ(s.arithmetic.back(), "Together: the person £42.50 + the council £157.50 + the NHS £100.00 = £300.00");
}

TEST(CostShares, AContributionAboveTheSocialCarePartIsChargedOnlyThatPart) {
  const CostShares s = shares(pence(30'000), pence(1'560'000), pence(520'000), ChargeBasis::kAssessed, pence(25'000));
  EXPECT_EQ(s.person, pence(20'000));
  EXPECT_EQ(s.council, Money{});
}

TEST(CostShares, FullCostIsTheWholeSocialCarePartAndNoAssessmentChargesNothing) {
  EXPECT_EQ(shares(pence(30'000), pence(1'560'000), pence(520'000), ChargeBasis::kFullCost, Money{}).person,
            pence(20'000));
  const CostShares none = shares(pence(30'000), pence(1'560'000), Money{}, ChargeBasis::kNotAssessed, pence(9'999));
  EXPECT_EQ(none.person, Money{});
  EXPECT_EQ(none.nhs, Money{});
  EXPECT_EQ(none.council, pence(30'000));
}

TEST(CostShares, TheNhsShareIsRoundedOnceHalfAwayFromZero) {
  // £100.01 x 1/2 = £50.005: rounds to £50.01, the social care part takes the rest.
  const CostShares s = shares(pence(10'001), pence(200), pence(100), ChargeBasis::kNotAssessed, Money{});
  EXPECT_EQ(s.nhs, pence(5'001));
  EXPECT_EQ(s.social_care, pence(5'000));
}

TEST(CostShares, BadAmountsAreEachNamed) {
  auto refused = share_weekly_cost(pence(-1), pence(100), pence(200), ChargeBasis::kAssessed, pence(-5));
  ASSERT_FALSE(refused);
  std::vector<std::string> paths;
  for (const Issue& issue : refused.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"weekly_cost_pence", "assessed_weekly_pence", "by_funding_source.nhs"}));
}

}  // namespace
}  // namespace allot::charging
