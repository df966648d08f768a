#include "allot/app/diary/diary_service.h"

#include <functional>

#include <fmt/format.h>

#include "allot/app/diary/repositories.h"
#include "allot/app/diary/rules.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/free_text.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

Result<Unit> allowed(const Principal& by, std::string_view action, Id person_id) {
  return AccessPolicy::standard().check(by, action, Subject{person_id});
}

// The entry, if it is in this person's diary (an entry id from another diary
// reads as unknown, so ids reveal nothing across diaries).
Result<DiaryEntry> entry_of(Transaction& tx, Id person_id, Id entry_id) {
  Result<DiaryEntry> entry = tx.get<DiaryRepository>().get(entry_id);
  if (!entry && entry.error().front().code != ErrorCode::kNotFound) return entry;
  if (!entry || entry->person_id != person_id) {
    return fail(ErrorCode::kNotFound, "entry", fmt::format("there is no entry {} in this person's diary", entry_id));
  }
  return entry;
}

// A write's audit entry, in the write's own transaction.
Result<Unit> audit_write(Transaction& tx, const Principal& by, Id person_id, std::string detail, Timestamp now) {
  Result<AuditEntry> entry = tx.get<AuditRepository>().append(
      NewAuditEntry{by.actor(), "update", person_subject(person_id), std::move(detail), audit_roles_text(by.roles)}, now);
  if (!entry) return pass(entry);
  return Unit{};
}

std::string describe(const DiaryEntryVersion& version) {
  return fmt::format("diary entry {} version {}: {} {} on {} ({})", version.entry_id, version.version,
                     diary_status_name(version.status), diary_kind_name(version.fields.kind),
                     version.fields.on.to_string(), version.fields.title);
}

}  // namespace

Result<DiaryView> DiaryService::read(const Principal& by, Id person_id, std::optional<Date> from,
                                     std::optional<Date> to) {
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
  const Date first = from ? *from : (to ? to->plus_days(-6) : week_start(today));
  const Date last = to ? *to : first.plus_days(6);
  Result<DiaryView> view = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<DiaryView> {
    if (auto ok = allowed(by, "diary.read", person_id); !ok) return pass(ok);
    Result<PersonRecord> record = tx.get<PersonRepository>().get(person_id);
    if (!record) return pass(record);
    if (Issues issues = check_diary_range(first, last); !issues.empty()) return fail(std::move(issues));
    DiaryView result{person_id, record->index.given_name, record->index.family_name, first, last, {}, {}, {}};
    Result<std::vector<DiaryEntry>> entries = tx.get<DiaryRepository>().in_range(person_id, first, last);
    if (!entries) return pass(entries);
    result.entries = std::move(*entries);
    // Packages name the person by their Allot id (person_reference).
    Result<std::vector<DiaryPackageSource>> packages =
        tx.get<DiarySourceRepository>().packages_for(std::to_string(person_id));
    if (!packages) return pass(packages);
    result.derived = derive_package_visits(*packages, first, last);
    Result<journey::Person> person = JourneyCore::person_of(*record);
    if (!person) return pass(person);
    DiaryJourneyDates dates{person_id, journey::review_due(person->state), std::nullopt, std::nullopt};
    if (person->state.enablement) {
      dates.enablement_start = person->state.enablement->start;
      dates.enablement_planned_end = person->state.enablement->planned_end;
    }
    for (DerivedDiaryEntry& entry : derive_journey_entries(dates, first, last)) {
      result.derived.push_back(std::move(entry));
    }
    Result<std::vector<Agency>> agencies = tx.get<AgencyRepository>().list();
    if (!agencies) return pass(agencies);
    result.agencies = std::move(*agencies);
    return result;
  });
  if (!view) return view;
  // Reading the diary is audited like reading the person's record.
  if (auto audited = audit_.record(by, "read", person_subject(person_id),
                                   fmt::format("support diary {} to {}", first.to_string(), last.to_string()));
      !audited) {
    return pass(audited);
  }
  return view;
}

Result<DiaryEntry> DiaryService::add_in(Transaction& tx, const Principal& by, Id person_id, const NewDiaryEntry& entry,
                                        Timestamp now) {
  if (auto ok = allowed(by, "diary.write", person_id); !ok) return pass(ok);
  if (auto person = tx.get<PersonRepository>().get(person_id); !person) return pass(person);
  Issues issues = check_diary_fields(entry.fields);
  if (entry.status == DiaryStatus::kCancelled) {
    issues.push_back({ErrorCode::kInvalidValue, "status", "a new entry is planned or done; cancel it afterwards"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  Result<DiaryEntry> added = tx.get<DiaryRepository>().add(person_id, entry.fields, entry.status, by.actor(), now);
  if (!added) return added;
  if (auto audited = audit_write(tx, by, person_id, "added " + describe(added->current), now); !audited) {
    return pass(audited);
  }
  return added;
}

Result<DiaryEntry> DiaryService::add(const Principal& by, Id person_id, const NewDiaryEntry& entry) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<DiaryEntry> {
    return add_in(tx, by, person_id, entry, clock_.now());
  });
}

namespace {

// A new version of an entry, from `next` given the entry as it stands: after the
// checks every change shares (access, the person, the entry in their diary, the
// writing agency, the version it was based on); audited with it.
Result<DiaryEntry> write_version(Transaction& tx, const Principal& by, Id person_id, Id entry_id, int expected_version,
                                 Timestamp now,
                                 const std::function<Result<DiaryEntryVersion>(const DiaryEntry&)>& next) {
  {
    if (auto ok = allowed(by, "diary.write", person_id); !ok) return pass(ok);
    if (auto person = tx.get<PersonRepository>().get(person_id); !person) return pass(person);
    Result<DiaryEntry> entry = entry_of(tx, person_id, entry_id);
    if (!entry) return entry;
    if (entry->created_by.agency != by.agency) {
      return fail(ErrorCode::kForbidden, "entry",
                  fmt::format("entry {} was written by {}; only their staff may change it", entry_id,
                              entry->created_by.agency));
    }
    if (entry->current.version != expected_version) {
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("entry {} has changed since version {}: it is at version {} ({} by {}); read it again",
                              entry_id, expected_version, entry->current.version,
                              diary_status_name(entry->current.status), entry->current.by.username));
    }
    Result<DiaryEntryVersion> version = next(*entry);
    if (!version) return pass(version);
    version->entry_id = entry_id;
    version->version = entry->current.version + 1;
    version->by = by.actor();
    version->at = now;
    Result<DiaryEntryVersion> stored = tx.get<DiaryRepository>().add_version(*version);
    if (!stored) return pass(stored);
    if (auto audited = audit_write(tx, by, person_id, "changed " + describe(*stored), version->at); !audited) {
      return pass(audited);
    }
    entry->current = *stored;
    return entry;
  }
}

}  // namespace

Result<DiaryEntry> DiaryService::change(const Principal& by, Id person_id, Id entry_id, int expected_version,
                                        const DiaryEntryChange& change) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) {
    return change_in(tx, by, person_id, entry_id, expected_version, change, clock_.now());
  });
}

Result<DiaryEntry> DiaryService::cancel(const Principal& by, Id person_id, Id entry_id, int expected_version,
                                        const std::string& reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) {
    return cancel_in(tx, by, person_id, entry_id, expected_version, reason, clock_.now());
  });
}

Result<DiaryEntry> DiaryService::change_in(Transaction& tx, const Principal& by, Id person_id, Id entry_id,
                                           int expected_version, const DiaryEntryChange& change, Timestamp now) {
  return write_version(tx, by, person_id, entry_id, expected_version, now, [&](const DiaryEntry& entry) -> Result<DiaryEntryVersion> {
    DiaryEntryVersion next = entry.current;
    DiaryEntryFields& fields = next.fields;
    if (change.kind) fields.kind = *change.kind;
    if (change.on) fields.on = *change.on;
    if (change.change_times) {
      fields.start_minute = change.start_minute;
      fields.end_minute = change.end_minute;
    }
    if (change.place) fields.place = *change.place;
    if (change.title) fields.title = *change.title;
    if (change.details) fields.details = *change.details;
    Issues issues = check_diary_fields(fields);
    if (change.status) {
      if (auto moved = check_status_change(entry.current.status, *change.status); !moved) {
        if (moved.error().front().code == ErrorCode::kConflict) return pass(moved);
        issues.insert(issues.end(), moved.error().begin(), moved.error().end());
      } else {
        next.status = *change.status;
      }
    } else if (entry.current.status == DiaryStatus::kCancelled) {
      return pass(check_status_change(entry.current.status, entry.current.status));
    }
    if (!issues.empty()) return fail(std::move(issues));
    if (next.fields == entry.current.fields && next.status == entry.current.status) {
      return fail(ErrorCode::kInvalidValue, "", "the change leaves the entry as it is; change at least one field");
    }
    return next;
  });
}

Result<DiaryEntry> DiaryService::cancel_in(Transaction& tx, const Principal& by, Id person_id, Id entry_id,
                                           int expected_version, const std::string& reason, Timestamp now) {
  return write_version(tx, by, person_id, entry_id, expected_version, now, [&](const DiaryEntry& entry) -> Result<DiaryEntryVersion> {
    if (entry.current.status == DiaryStatus::kCancelled) {
      return fail(ErrorCode::kConflict, "status", "this entry was already cancelled");
    }
    if (is_blank(reason)) return fail(ErrorCode::kMissingField, "reason", "give the reason for cancelling");
    if (auto problem = free_text_problem(reason, kParagraphText)) {
      return fail(ErrorCode::kInvalidValue, "reason", *problem);
    }
    DiaryEntryVersion next = entry.current;
    next.status = DiaryStatus::kCancelled;
    next.cancel_reason = reason;
    return next;
  });
}

Result<std::vector<DiaryEntryVersion>> DiaryService::history(const Principal& by, Id person_id, Id entry_id) {
  Result<std::vector<DiaryEntryVersion>> versions =
      in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<DiaryEntryVersion>> {
        if (auto ok = allowed(by, "diary.read", person_id); !ok) return pass(ok);
        if (auto person = tx.get<PersonRepository>().get(person_id); !person) return pass(person);
        if (auto entry = entry_of(tx, person_id, entry_id); !entry) return pass(entry);
        return tx.get<DiaryRepository>().versions(entry_id);
      });
  if (!versions) return versions;
  if (auto audited =
          audit_.record(by, "read", person_subject(person_id), fmt::format("support diary entry {} history", entry_id));
      !audited) {
    return pass(audited);
  }
  return versions;
}

}  // namespace allot::app
