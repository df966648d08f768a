#include <gtest/gtest.h>

#include "allot/ras/calibrate.h"
#include "allot/ras/score.h"
#include "fixtures.h"

namespace allot::ras {
namespace {

using testing::must_parse;
using testing::ok_points;

// personal_care none/some/lots = 0/8/15, mobility none/some = 0/7,
// family_support none/some/lots = x1 / x0.9 / x0.75.
SampleCase person(std::size_t care, std::size_t mobility, std::size_t family, std::int64_t current) {
  return SampleCase{"p", "Older people", Money::from_pence(current), {care, mobility, family}};
}

TEST(Calibrate, DerbyMethodByHand) {
  const Rulebook rulebook = must_parse(ok_points());
  // Adjusted points: 15, 8 x 0.9 = 7.2, 22 x 0.75 = 16.5, 7 -> sum 45.7, mean 11.425.
  const std::vector<SampleCase> sample = {person(1, 1, 0, 100000), person(1, 0, 1, 50000), person(2, 1, 2, 90000),
                                          person(0, 1, 0, 30000)};
  CalibrationRequest request;
  request.budget = Money::from_pence(1'000'000'000);  // 10 million pounds
  request.top_slice_percent = Fraction(15);
  request.population = 2000;
  auto result = calibrate_point_value(rulebook, sample, request);
  ASSERT_TRUE(result) << format_issues(result.error());
  EXPECT_EQ(result->mean_adjusted_points, Fraction::of(457, 40));
  EXPECT_EQ(result->projected_total_points, Fraction(22850));   // 11.425 x 2,000
  EXPECT_EQ(result->protection_fund.pence(), 150'000'000);       // 15%
  EXPECT_EQ(result->distributable.pence(), 850'000'000);
  // 850,000,000 / 22,850 = 37,199.12... -> rounded down to 37,199 pence a point.
  EXPECT_EQ(result->pence_per_point.pence(), 37199);
  EXPECT_LE(result->projected_allocation, result->distributable);
  EXPECT_EQ(result->calibrated.version, 2);
  EXPECT_EQ(result->calibrated.allocation.pence_per_point.pence(), 37199);
  EXPECT_EQ(result->above_range + result->within_range + result->below_range, 4);
}

TEST(Calibrate, FitIsLeastSquaresThroughTheOrigin) {
  const Rulebook rulebook = must_parse(ok_points());
  // x = 8 and 15 (no adjustment); y = 40,000 and 80,000.
  // value = (8 x 40,000 + 15 x 80,000) / (64 + 225) = 1,520,000 / 289 = 5,259.52 -> 5,260.
  const std::vector<SampleCase> sample = {person(1, 0, 0, 40000), person(2, 0, 0, 80000)};
  CalibrationRequest request;
  request.method = CalibrationMethod::kFit;
  request.budget = Money::from_pence(1'000'000);
  auto result = calibrate_point_value(rulebook, sample, request);
  ASSERT_TRUE(result) << format_issues(result.error());
  EXPECT_EQ(result->pence_per_point.pence(), 5260);
  // At 52.60 a point: 8 -> 42,080 (range 37,872..46,288) holds 40,000; 15 -> 78,900 (71,010..86,790) holds 80,000.
  EXPECT_EQ(result->within_range, 2);
}

TEST(Calibrate, RefusesWithEveryReason) {
  nlohmann::json document = ok_points();
  document["allocation"] = {{"method", "rates"}, {"rates", {{"home_care_hour", 1850}}}};
  const Rulebook rates = must_parse(document);
  CalibrationRequest request;
  request.budget = Money::from_pence(-5);
  request.top_slice_percent = Fraction(100);
  request.population = 0;
  auto result = calibrate_point_value(rates, {}, request);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().size(), 5u) << format_issues(result.error());
}

TEST(Calibrate, SampleWithNoPointsIsRefused) {
  const Rulebook rulebook = must_parse(ok_points());
  CalibrationRequest request;
  request.budget = Money::from_pence(1000);
  request.population = 10;
  auto result = calibrate_point_value(rulebook, {person(0, 0, 0, 100)}, request);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error()[0].message.find("0 points"), std::string::npos);
}

}  // namespace
}  // namespace allot::ras
