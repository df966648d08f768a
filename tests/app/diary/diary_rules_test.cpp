// The support diary's rules with no store: what an entry may say, status
// changes, weeks, ranges, times, and the entries derived from packages and the journey.
#include <gtest/gtest.h>

#include "allot/app/diary/rules.h"

namespace allot::app {
namespace {

Date day(const char* text) { return *Date::parse(text); }

DiaryEntryFields valid() {
  return DiaryEntryFields{DiaryKind::kAppointment, day("2026-11-24"), 600, 630, "Home", "District nurse", ""};
}

std::vector<std::string> paths_of(const Issues& issues) {
  std::vector<std::string> paths;
  for (const Issue& issue : issues) paths.push_back(issue.path);
  return paths;
}

TEST(DiaryRules, AValidEntryHasNoProblemsAndAnAllDayEntryHasNoTimes) {
  EXPECT_TRUE(check_diary_fields(valid()).empty());
  DiaryEntryFields all_day = valid();
  all_day.start_minute.reset();
  all_day.end_minute.reset();
  EXPECT_TRUE(check_diary_fields(all_day).empty());
}

TEST(DiaryRules, EveryProblemIsReportedAtItsField) {
  DiaryEntryFields fields = valid();
  fields.title = "   ";
  fields.place = std::string(201, 'x');
  fields.details = std::string("bell\x07");
  fields.start_minute = 700;
  fields.end_minute = 640;
  const Issues issues = check_diary_fields(fields);
  EXPECT_EQ(paths_of(issues), (std::vector<std::string>{"title", "where", "details", "end"}));
  EXPECT_EQ(issues.back().message, "must be after the start (11:40); found 10:40");

  DiaryEntryFields missing = valid();
  missing.title.clear();
  missing.end_minute.reset();
  EXPECT_EQ(paths_of(check_diary_fields(missing)), (std::vector<std::string>{"title", "end"}));
  EXPECT_EQ(check_diary_fields(missing)[0].code, ErrorCode::kMissingField);

  DiaryEntryFields late = valid();
  late.start_minute = 1440;
  late.end_minute = 1500;
  EXPECT_EQ(paths_of(check_diary_fields(late)), (std::vector<std::string>{"start", "end"}));
}

TEST(DiaryRules, PlannedAndDoneSwapButCancelledIsFinalAndNeedsItsOwnRequest) {
  EXPECT_TRUE(check_status_change(DiaryStatus::kPlanned, DiaryStatus::kDone));
  EXPECT_TRUE(check_status_change(DiaryStatus::kDone, DiaryStatus::kPlanned));
  EXPECT_EQ(check_status_change(DiaryStatus::kPlanned, DiaryStatus::kCancelled).error()[0].code,
            ErrorCode::kInvalidValue);
  EXPECT_EQ(check_status_change(DiaryStatus::kCancelled, DiaryStatus::kPlanned).error()[0].code, ErrorCode::kConflict);
}

TEST(DiaryRules, WeeksStartOnMondayAndRangesAreBounded) {
  EXPECT_EQ(week_start(day("2026-11-22")), day("2026-11-16"));  // a Sunday
  EXPECT_EQ(week_start(day("2026-11-23")), day("2026-11-23"));  // a Monday
  EXPECT_EQ(day_of_week(day("2026-11-25")), 2);
  EXPECT_TRUE(check_diary_range(day("2026-11-23"), day("2026-11-23")).empty());
  EXPECT_TRUE(check_diary_range(day("2026-11-01"), day("2027-01-01")).empty());  // 62 days
  EXPECT_EQ(paths_of(check_diary_range(day("2026-11-01"), day("2027-01-02"))), (std::vector<std::string>{"to"}));
  EXPECT_EQ(check_diary_range(day("2026-11-23"), day("2026-11-22"))[0].message,
            "must not be before from (2026-11-23); found 2026-11-22");
}

TEST(DiaryRules, TimesReadAndWriteAsHoursAndMinutes) {
  EXPECT_EQ(parse_diary_time("09:30"), 570);
  EXPECT_EQ(parse_diary_time("24:00"), 1440);
  EXPECT_EQ(parse_diary_time("00:00"), 0);
  for (const char* bad : {"9:30", "24:01", "12:60", "ab:cd", "12-30", ""}) EXPECT_FALSE(parse_diary_time(bad)) << bad;
  EXPECT_EQ(diary_time_text(570), "09:30");
}

TEST(DiaryRules, PackagesGiveTheirVisitsOnTheirDaysFromTheirStart) {
  DiaryPackageSource package{7, "Acme Care", "care_at_home", day("2026-11-25"), {}};
  package.visits.push_back({0, 8 * 60, 45, 1, {"personal care", "breakfast"}});  // Mondays
  package.visits.push_back({2, 17 * 60, 30, 2, {}});                            // Wednesdays, two carers
  package.visits.push_back({6, 23 * 60 + 30, 60, 1, {}});                       // Sundays, past midnight
  const auto entries = derive_package_visits({package}, day("2026-11-23"), day("2026-12-06"));
  // The Monday 23rd is before the start; Wednesdays 25th and 2nd, Sundays 29th and 6th, Monday 30th.
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].fields.on, day("2026-11-25"));
  EXPECT_EQ(entries[0].fields.title, "Care visit (two carers)");
  EXPECT_EQ(entries[0].fields.end_minute, 17 * 60 + 30);
  EXPECT_EQ(entries[1].fields.on, day("2026-11-29"));
  EXPECT_EQ(entries[1].fields.end_minute, 1440);
  EXPECT_EQ(entries[2].fields.on, day("2026-11-30"));
  EXPECT_EQ(entries[2].fields.details, "Tasks: personal care, breakfast");
  EXPECT_EQ(entries[2].from, "Acme Care");
  EXPECT_EQ(entries[2].source_id, 7);
  EXPECT_EQ(entries[2].fields.kind, DiaryKind::kVisit);
}

TEST(DiaryRules, TheJourneyGivesItsReviewAndEnablementWhereTheyFallInTheRange) {
  DiaryJourneyDates dates{3, day("2026-11-26"), day("2026-10-01"), day("2026-11-24")};
  const auto entries = derive_journey_entries(dates, day("2026-11-23"), day("2026-11-29"));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].fields.title, "Enablement planned to end");
  EXPECT_EQ(entries[0].source, DiarySource::kEnablement);
  EXPECT_EQ(entries[1].fields.kind, DiaryKind::kReview);
  EXPECT_FALSE(entries[1].fields.start_minute);
  EXPECT_TRUE(derive_journey_entries(dates, day("2026-12-01"), day("2026-12-07")).empty());
}

}  // namespace
}  // namespace allot::app
