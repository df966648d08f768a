// Time and task packages, night-time support and rate cards, to the penny.
#include "allot/care_at_home/package.h"

#include <limits>

#include <gtest/gtest.h>

#include "rate_card_fixture.h"

namespace allot::care_at_home {
namespace {

RateCard card() { return test_card(); }

Visit visit(int day, int start, int minutes, int carers = 1) { return Visit{day, start, 15, minutes, carers, {}}; }

TEST(Package, VisitsArePricedByTheBandTheyStartInAndCarersCountTwiceWhenDoubleHanded) {
  // Monday 08:00, 30 min: day rate. Monday 20:00, 45 min, two carers: evening.
  // Saturday 09:00, 30 min: weekend.
  const std::vector<Visit> visits = {visit(0, 8 * 60, 30), visit(0, 20 * 60, 45, 2), visit(5, 9 * 60, 30)};
  const Result<WeeklyCost> cost = cost_of(visits, {}, card());
  ASSERT_TRUE(cost) << format_issues(cost.error());
  EXPECT_EQ(cost->carer_minutes, 30 + 90 + 30);
  // 1950/2 + 2150 x 1.5 + 2300/2 = 975 + 3225 + 1150 = 5350.
  EXPECT_EQ(cost->visits.pence(), 5'350);
  EXPECT_EQ(cost->weekly.pence(), 5'350);
  EXPECT_EQ(cost->annual.pence(), 5'350 * 52);
}

TEST(Package, PenceAreRoundedOnceOverTheWeekNotPerVisit) {
  // 20 minutes at £19.50 an hour is 650 pence exactly; 25 minutes is 812.5.
  const std::vector<Visit> visits = {visit(0, 9 * 60, 25), visit(1, 9 * 60, 25)};
  const Result<WeeklyCost> cost = cost_of(visits, {}, card());
  ASSERT_TRUE(cost);
  EXPECT_EQ(cost->weekly.pence(), 1'625);  // 812.5 + 812.5, not 813 + 813
  EXPECT_EQ(cost->annual.pence(), 84'500);
}

TEST(Package, NightTimeSupportIsCostedEachWaySoAlternativesAreVisible) {
  const Result<NightOptions> options = night_options(card(), 7, 9, Money::from_pence(3'500));
  ASSERT_TRUE(options);
  EXPECT_EQ(options->sleepover_weekly.pence(), 63'000);     // 7 x £90
  EXPECT_EQ(options->waking_night_weekly.pence(), 113'400);  // 7 x 9 h x £18
  EXPECT_EQ(options->technology_weekly.pence(), 3'500);
}

TEST(Package, BadPatternsAreNamedVisitByVisit) {
  const std::vector<Visit> visits = {visit(7, 24 * 60, 2, 3), visit(0, 8 * 60, 60), visit(0, 8 * 60 + 30, 30)};
  const Issues issues = check_pattern(visits, NightPattern{NightSupport::kWakingNight, 8, 0, Money()});
  std::vector<std::string> paths;
  for (const Issue& issue : issues) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"visits[0].day_of_week", "visits[0].start_minute",
                                             "visits[0].duration_minutes", "visits[0].carers", "visits[2]",
                                             "nights.nights_per_week", "nights.hours_per_night"}));
  EXPECT_EQ(issues[4].message, "overlaps visit 2 on the same day");
}

TEST(Package, ACostTooLargeToHoldIsRefusedNamingTheVisitNeverWrapped) {
  RateCard huge = card();
  huge.day_hourly = Money::from_pence(std::numeric_limits<std::int64_t>::max() / 2);
  const Result<WeeklyCost> cost = cost_of({visit(0, 9 * 60, 60), visit(1, 9 * 60, 720, 2)}, {}, huge);
  ASSERT_FALSE(cost);
  EXPECT_EQ(cost.error().front().path, "visits[0]");
}

TEST(RateCards, TheCardInForceOnADateIsTheLatestStartedAndUpliftsRoundOnce) {
  RateCard first = card();
  RateCard later = card();
  later.effective_from = *Date::parse("2027-04-01");
  later.day_hourly = Money::from_pence(2'000);
  const std::vector<RateCard> cards = {later, first};
  EXPECT_EQ(card_on(cards, *Date::parse("2026-03-31")), nullptr);
  EXPECT_EQ(card_on(cards, *Date::parse("2026-12-01"))->day_hourly.pence(), 1'950);
  EXPECT_EQ(card_on(cards, *Date::parse("2027-04-01"))->day_hourly.pence(), 2'000);

  const Result<RateCard> raised = uplifted(first, *Fraction::parse("3.3"), *Date::parse("2027-04-01"));
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->day_hourly.pence(), 2'014);      // 1950 x 1.033 = 2014.35
  EXPECT_EQ(raised->evening_hourly.pence(), 2'221);  // 2150 x 1.033 = 2220.95
  EXPECT_EQ(raised->effective_from, *Date::parse("2027-04-01"));
  EXPECT_FALSE(uplifted(first, Fraction(-100), *Date::parse("2027-04-01")));
}

TEST(RateCards, BandsFollowTheCard) {
  RateCard rates = card();
  EXPECT_EQ(band_of(rates, 0, 7 * 60), TimeBand::kDay);
  EXPECT_EQ(band_of(rates, 4, 19 * 60), TimeBand::kEvening);
  EXPECT_EQ(band_of(rates, 2, 6 * 60 + 59), TimeBand::kEvening);
  EXPECT_EQ(band_of(rates, 6, 12 * 60), TimeBand::kWeekend);
  rates.day_hourly = Money::from_pence(-1);
  EXPECT_EQ(check_rate_card(rates, "rates").size(), 1u);
}

}  // namespace
}  // namespace allot::care_at_home
