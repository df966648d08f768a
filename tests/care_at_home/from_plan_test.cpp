#include "allot/care_at_home/from_plan.h"

#include <gtest/gtest.h>

namespace allot::care_at_home {
namespace {

Visit visit(int day, int start, int minutes, int carers = 1) {
  return Visit{day, start, 15, minutes, carers, {"personal care"}};
}

TEST(FromPlan, SevenMorningsOfHalfAnHourMatchThreeAndAHalfHours) {
  std::vector<Visit> visits;
  for (int day = 0; day < 7; ++day) visits.push_back(visit(day, 8 * 60, 30));
  EXPECT_EQ(carer_minutes_of(visits), 210);
  EXPECT_TRUE(check_visits_match_plan(visits, *Fraction::parse("3.5")).empty());
}

TEST(FromPlan, ADoubleHandedVisitCountsEachCarer) {
  const std::vector<Visit> visits = {visit(0, 9 * 60, 60, 2)};
  EXPECT_EQ(carer_minutes_of(visits), 120);
  EXPECT_TRUE(check_visits_match_plan(visits, Fraction(2)).empty());
  const Issues short_of = check_visits_match_plan(visits, Fraction(3));
  ASSERT_EQ(short_of.size(), 1u);
  EXPECT_EQ(short_of[0].path, "visits");
  EXPECT_EQ(short_of[0].message, "the visits give 2 h of carers' time a week; the agreed plan's lines give 3 h");
}

TEST(FromPlan, MoreThanThePlanIsRefusedToo) {
  const Issues over = check_visits_match_plan({visit(0, 9 * 60, 45), visit(1, 9 * 60, 45)}, Fraction(1));
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].message, "the visits give 1 h 30 min of carers' time a week; the agreed plan's lines give 1 h");
}

TEST(FromPlan, NoVisitsAgainstAPlanWithHoursIsRefused) {
  EXPECT_EQ(check_visits_match_plan({}, *Fraction::parse("0.25")).size(), 1u);
  EXPECT_EQ(check_visits_match_plan({}, *Fraction::parse("0.25"))[0].message,
            "the visits give 0 h of carers' time a week; the agreed plan's lines give 0 h 15 min");
}

}  // namespace
}  // namespace allot::care_at_home
