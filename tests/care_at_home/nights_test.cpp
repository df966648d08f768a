// Night-time support compared: the nights in place beside each alternative, to the penny.
#include "allot/care_at_home/nights.h"

#include <gtest/gtest.h>

#include "rate_card_fixture.h"

namespace allot::care_at_home {
namespace {

RateCard card() { return test_card(); }

TEST(Nights, ASleepoverIsComparedWithAWakingNightAndTechnologyForTheSameNights) {
  const NightPattern sleepover{NightSupport::kSleepover, 7, 0, Money()};
  const Result<NightComparison> compared = compare_nights(card(), sleepover, 9, Money::from_pence(3'500));
  ASSERT_TRUE(compared) << format_issues(compared.error());
  EXPECT_EQ(compared->current_weekly.pence(), 63'000);  // 7 x £90
  ASSERT_EQ(compared->alternatives.size(), 3u);
  const NightAlternative& same = compared->alternatives[0];
  EXPECT_TRUE(same.current);
  EXPECT_EQ(same.difference->pence(), 0);
  const NightAlternative& waking = compared->alternatives[1];
  EXPECT_EQ(waking.kind, NightSupport::kWakingNight);
  EXPECT_EQ(waking.weekly->pence(), 113'400);  // 7 x 9 h x £18
  EXPECT_EQ(waking.difference->pence(), 50'400);
  EXPECT_EQ(waking.annual_difference->pence(), 50'400 * 52);
  EXPECT_EQ(waking.note, "9 waking hours a night");
  const NightAlternative& technology = compared->alternatives[2];
  EXPECT_EQ(technology.weekly->pence(), 3'500);
  EXPECT_EQ(technology.difference->pence(), 3'500 - 63'000);
}

TEST(Nights, TechnologyIsUnpricedWithoutACharge) {
  const NightPattern waking{NightSupport::kWakingNight, 3, 10, Money()};
  const Result<NightComparison> compared = compare_nights(card(), waking, 9, std::nullopt);
  ASSERT_TRUE(compared);
  EXPECT_EQ(compared->current_weekly.pence(), 54'000);  // 3 x 10 h x £18, the current hours not the default
  EXPECT_EQ(compared->alternatives[0].weekly->pence(), 27'000);
  EXPECT_TRUE(compared->alternatives[1].current);
  EXPECT_FALSE(compared->alternatives[2].weekly);
  EXPECT_NE(compared->alternatives[2].note.find("unpriced"), std::string::npos);
}

TEST(Nights, TechnologyInPlaceKeepsItsOwnCharge) {
  const NightPattern technology{NightSupport::kTechnologyWithResponder, 7, 0, Money::from_pence(4'200)};
  const Result<NightComparison> compared = compare_nights(card(), technology, 9, Money::from_pence(1));
  ASSERT_TRUE(compared);
  EXPECT_EQ(compared->current_weekly.pence(), 4'200);
  EXPECT_EQ(compared->alternatives[2].weekly->pence(), 4'200);
  EXPECT_EQ(compared->alternatives[0].difference->pence(), 63'000 - 4'200);
}

TEST(Nights, NoNightsOrABadWakingLengthIsRefusedNamingTheField) {
  const Result<NightComparison> none = compare_nights(card(), NightPattern{}, 9, std::nullopt);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error()[0].path, "nights");
  const Result<NightComparison> too_long =
      compare_nights(card(), NightPattern{NightSupport::kSleepover, 7, 0, Money()}, 13, std::nullopt);
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error()[0].path, "alternatives.waking_night.nights.hours_per_night");
}

}  // namespace
}  // namespace allot::care_at_home
