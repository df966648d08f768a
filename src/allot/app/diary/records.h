#pragma once
// The shared support diary (docs/api.md, "Support diary"): one diary per person
// across agencies. Entries written in the diary are kept as append-only versions:
// an edit, a change of status or a cancellation is a new version naming who made
// it, so every earlier wording stays readable. Visits, reviews and enablement
// are not copied into the diary; they are read from their sources (derived
// entries, rules.h) each time the diary is shown, so they never go stale.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"

namespace allot::app {

enum class DiaryKind { kVisit, kReview, kAppointment, kEnablementSession, kNote };
// "visit", "review", "appointment", "enablement_session", "note".
const char* diary_kind_name(DiaryKind kind);
std::optional<DiaryKind> parse_diary_kind(std::string_view name);

enum class DiaryStatus { kPlanned, kDone, kCancelled };
// "planned", "done", "cancelled".
const char* diary_status_name(DiaryStatus status);
std::optional<DiaryStatus> parse_diary_status(std::string_view name);

// What an entry says. All day when it has no start.
struct DiaryEntryFields {
  DiaryKind kind = DiaryKind::kNote;
  Date on;
  std::optional<int> start_minute;  // minutes after midnight
  std::optional<int> end_minute;    // after start, at most 1440
  std::string place;                // where; may be empty
  std::string title;
  std::string details;              // may be empty
  bool operator==(const DiaryEntryFields&) const = default;
};

// One version of an entry, as kept. Version 1 is the entry as first written.
struct DiaryEntryVersion {
  Id entry_id = 0;
  int version = 0;
  DiaryEntryFields fields;
  DiaryStatus status = DiaryStatus::kPlanned;
  std::string cancel_reason;  // set when cancelled
  Actor by;                   // who wrote this version
  Timestamp at;
  bool operator==(const DiaryEntryVersion&) const = default;
};

// An entry with its latest version.
struct DiaryEntry {
  Id id = 0;
  Id person_id = 0;
  Actor created_by;  // the entry belongs to this agency: only its staff change it
  Timestamp created_at;
  DiaryEntryVersion current;
  bool operator==(const DiaryEntry&) const = default;
};

// A care at home package's weekly visits, as the diary needs them.
struct DiaryPackageSource {
  Id package_id = 0;
  std::string provider;  // the provider's name
  std::string service;
  Date starts_on;
  struct Visit {
    int day_of_week = 0;  // 0 Monday .. 6 Sunday
    int start_minute = 0;
    int duration_minutes = 0;
    int carers = 1;
    std::vector<std::string> tasks;
  };
  std::vector<Visit> visits;
};

// Where a derived entry comes from.
enum class DiarySource { kCarePackage, kReview, kEnablement };
// "care_package", "journey_review", "journey_enablement".
const char* diary_source_name(DiarySource source);

// An entry shown in the diary but kept by another part of Allot.
struct DerivedDiaryEntry {
  DiarySource source = DiarySource::kCarePackage;
  Id source_id = 0;          // the package's id, or the person's id for the journey
  DiaryEntryFields fields;
  std::string from;          // the provider's name, or "" for the council's own journey
  bool operator==(const DerivedDiaryEntry&) const = default;
};

}  // namespace allot::app
