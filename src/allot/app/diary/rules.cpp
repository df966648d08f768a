#include "allot/app/diary/rules.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "allot/base/free_text.h"

namespace allot::app {

namespace {

constexpr const char* kKindNames[] = {"visit", "review", "appointment", "enablement_session", "note"};
constexpr const char* kStatusNames[] = {"planned", "done", "cancelled"};
constexpr int kMinutesInDay = 24 * 60;

void check_text(Issues& issues, const std::string& text, const char* path, const FreeTextRule& rule, bool required) {
  if (text.empty()) {
    if (required) issues.push_back({ErrorCode::kMissingField, path, "is required"});
    return;
  }
  if (auto problem = free_text_problem(text, rule)) issues.push_back({ErrorCode::kInvalidValue, path, *problem});
}

}  // namespace

const char* diary_kind_name(DiaryKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<DiaryKind> parse_diary_kind(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kKindNames)); ++i) {
    if (name == kKindNames[i]) return static_cast<DiaryKind>(i);
  }
  return std::nullopt;
}

const char* diary_status_name(DiaryStatus status) { return kStatusNames[static_cast<int>(status)]; }

std::optional<DiaryStatus> parse_diary_status(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kStatusNames)); ++i) {
    if (name == kStatusNames[i]) return static_cast<DiaryStatus>(i);
  }
  return std::nullopt;
}

const char* diary_source_name(DiarySource source) {
  switch (source) {
    case DiarySource::kCarePackage: return "care_package";
    case DiarySource::kReview: return "journey_review";
    case DiarySource::kEnablement: return "journey_enablement";
  }
  return "";
}

Issues check_diary_fields(const DiaryEntryFields& fields) {
  Issues issues;
  check_text(issues, fields.title, "title", kLineText, true);
  check_text(issues, fields.place, "where", kLineText, false);
  check_text(issues, fields.details, "details", kParagraphText, false);
  if (fields.start_minute.has_value() != fields.end_minute.has_value()) {
    issues.push_back({ErrorCode::kInvalidValue, fields.start_minute ? "end" : "start",
                      "give both a start and an end time, or neither for an all-day entry"});
  }
  if (fields.start_minute && (*fields.start_minute < 0 || *fields.start_minute >= kMinutesInDay)) {
    issues.push_back({ErrorCode::kInvalidValue, "start", "must be a time of day from 00:00 to 23:59"});
  }
  if (fields.end_minute && (*fields.end_minute <= 0 || *fields.end_minute > kMinutesInDay)) {
    issues.push_back({ErrorCode::kInvalidValue, "end", "must be a time of day from 00:01 to 24:00"});
  } else if (fields.start_minute && fields.end_minute && *fields.end_minute <= *fields.start_minute) {
    issues.push_back({ErrorCode::kInvalidValue, "end",
                      fmt::format("must be after the start ({}); found {}", diary_time_text(*fields.start_minute),
                                  diary_time_text(*fields.end_minute))});
  }
  return issues;
}

Result<tl::monostate> check_status_change(DiaryStatus from, DiaryStatus to) {
  if (from == DiaryStatus::kCancelled) {
    return fail(ErrorCode::kConflict, "status", "this entry was cancelled; a cancelled entry cannot be changed");
  }
  if (to == DiaryStatus::kCancelled) {
    return fail(ErrorCode::kInvalidValue, "status", "cancel an entry with its own request, giving the reason");
  }
  return tl::monostate{};
}

int day_of_week(Date date) {
  const std::chrono::weekday weekday{std::chrono::sys_days(date.ymd())};
  return static_cast<int>(weekday.iso_encoding()) - 1;
}

Date week_start(Date date) { return date.plus_days(-day_of_week(date)); }

Issues check_diary_range(Date from, Date to) {
  Issues issues;
  if (to < from) {
    issues.push_back({ErrorCode::kInvalidValue, "to",
                      fmt::format("must not be before from ({}); found {}", from.to_string(), to.to_string())});
  } else if (from.days_until(to) + 1 > kDiaryMaxDays) {
    issues.push_back({ErrorCode::kInvalidValue, "to",
                      fmt::format("a diary read spans at most {} days; found {}", kDiaryMaxDays,
                                  from.days_until(to) + 1)});
  }
  return issues;
}

std::string diary_time_text(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::optional<int> parse_diary_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (const std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::vector<DerivedDiaryEntry> derive_package_visits(const std::vector<DiaryPackageSource>& packages, Date from,
                                                     Date to) {
  std::vector<DerivedDiaryEntry> entries;
  for (Date day = from; day <= to; day = day.plus_days(1)) {
    const int weekday = day_of_week(day);
    for (const DiaryPackageSource& package : packages) {
      if (day < package.starts_on) continue;
      for (const DiaryPackageSource::Visit& visit : package.visits) {
        if (visit.day_of_week != weekday) continue;
        DerivedDiaryEntry entry;
        entry.source = DiarySource::kCarePackage;
        entry.source_id = package.package_id;
        entry.from = package.provider;
        entry.fields.kind = DiaryKind::kVisit;
        entry.fields.on = day;
        entry.fields.start_minute = visit.start_minute;
        entry.fields.end_minute = std::min(visit.start_minute + visit.duration_minutes, kMinutesInDay);
        entry.fields.place = "Home";
        entry.fields.title = visit.carers > 1 ? "Care visit (two carers)" : "Care visit";
        std::string tasks;
        for (const std::string& task : visit.tasks) tasks += (tasks.empty() ? "" : ", ") + task;
        entry.fields.details = tasks.empty() ? "" : "Tasks: " + tasks;
        entries.push_back(std::move(entry));
      }
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const DerivedDiaryEntry& a, const DerivedDiaryEntry& b) {
    if (a.fields.on != b.fields.on) return a.fields.on < b.fields.on;
    return a.fields.start_minute < b.fields.start_minute;
  });
  return entries;
}

std::vector<DerivedDiaryEntry> derive_journey_entries(const DiaryJourneyDates& journey, Date from, Date to) {
  std::vector<DerivedDiaryEntry> entries;
  auto add = [&](DiarySource source, DiaryKind kind, Date on, const char* title, const char* details) {
    if (on < from || to < on) return;
    DerivedDiaryEntry entry;
    entry.source = source;
    entry.source_id = journey.person_id;
    entry.fields.kind = kind;
    entry.fields.on = on;
    entry.fields.title = title;
    entry.fields.details = details;
    entries.push_back(std::move(entry));
  };
  if (journey.enablement_start) {
    add(DiarySource::kEnablement, DiaryKind::kEnablementSession, *journey.enablement_start, "Enablement begins",
        "Short-term enablement, normally up to six weeks");
  }
  if (journey.enablement_planned_end) {
    add(DiarySource::kEnablement, DiaryKind::kEnablementSession, *journey.enablement_planned_end,
        "Enablement planned to end", "The enablement period is planned to end on this day");
  }
  if (journey.review_due) {
    add(DiarySource::kReview, DiaryKind::kReview, *journey.review_due, "Review of the support plan due",
        "The personal budget and support plan are due for review");
  }
  return entries;
}

}  // namespace allot::app
