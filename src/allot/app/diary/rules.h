#pragma once
// The support diary's rules, with no I/O: what an entry may say, which changes
// its status allows, the week a date falls in, and the entries derived from a
// person's care package and journey for a range of dates.

#include <optional>
#include <vector>

#include "allot/app/diary/records.h"
#include "allot/base/issue.h"

namespace allot::app {

// The most days one diary read may span (a month and a bit, so a month view fits).
inline constexpr int kDiaryMaxDays = 62;

// Every problem with an entry's fields, each at its own path ("title", "end", ...):
// a title (one line), optional place (one line) and details (a paragraph) as
// base/free_text.h allows; a start and end within the day, both or neither, the
// end after the start.
Issues check_diary_fields(const DiaryEntryFields& fields);

// The status an entry may move to by an edit: planned and done may swap; a
// cancellation needs its own request with a reason; a cancelled entry is final.
// kConflict for a cancelled entry, kInvalidValue ("status") for a move to cancelled.
Result<tl::monostate> check_status_change(DiaryStatus from, DiaryStatus to);

// The Monday of the week `date` is in.
Date week_start(Date date);
// 0 Monday .. 6 Sunday.
int day_of_week(Date date);

// Problems with a range to read: `to` before `from` (path "to"), or longer than
// kDiaryMaxDays.
Issues check_diary_range(Date from, Date to);

// "09:30" from minutes after midnight; minutes from "09:30" (00:00 to 24:00).
std::string diary_time_text(int minute);
std::optional<int> parse_diary_time(std::string_view text);

// The planned visits of each package on each day from `from` to `to` inclusive,
// from the package's start. A visit running past midnight is shown to midnight.
std::vector<DerivedDiaryEntry> derive_package_visits(const std::vector<DiaryPackageSource>& packages, Date from,
                                                     Date to);

// The journey's review due date and enablement period, where they fall in the range.
struct DiaryJourneyDates {
  Id person_id = 0;
  std::optional<Date> review_due;
  std::optional<Date> enablement_start;
  std::optional<Date> enablement_planned_end;
};
std::vector<DerivedDiaryEntry> derive_journey_entries(const DiaryJourneyDates& journey, Date from, Date to);

}  // namespace allot::app
