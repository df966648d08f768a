#pragma once
// The shared support diary's use cases (docs/api.md, "Support diary"). Every
// check asks the one access policy with the person as its subject, so the rules
// by care team decide who sees whose diary; every read is audited like a read of
// the person's record, and every write is audited in its own transaction.
//
// Entries are changed only by staff of the agency that wrote them (a provider
// does not cancel the hospital's appointment), each change is a new version
// given the version it was based on, and a stale version is refused (kConflict).
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/diary/records.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/identity/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// A diary for a range of dates: entries written in it and entries derived from
// the person's care package and journey, with the agencies that wrote them.
struct DiaryView {
  Id person_id = 0;
  std::string given_name;  // so a diary read alone can name whose it is (a provider's staff, the printed week)
  std::string family_name;
  Date from;
  Date to;
  std::vector<DiaryEntry> entries;
  std::vector<DerivedDiaryEntry> derived;
  std::vector<Agency> agencies;  // every agency known, for the legend
};

struct NewDiaryEntry {
  DiaryEntryFields fields;
  DiaryStatus status = DiaryStatus::kPlanned;  // planned or done
};

// A change to an entry: only what is given changes.
struct DiaryEntryChange {
  std::optional<DiaryKind> kind;
  std::optional<Date> on;
  bool change_times = false;  // start and end are replaced (both absent: all day)
  std::optional<int> start_minute;
  std::optional<int> end_minute;
  std::optional<std::string> place;
  std::optional<std::string> title;
  std::optional<std::string> details;
  std::optional<DiaryStatus> status;
};

class DiaryService {
 public:
  DiaryService(Store& store, const Clock& clock) : store_(store), clock_(clock), audit_(store, clock) {}

  // The diary from `from` to `to` inclusive; the week (Monday to Sunday) of today
  // when neither is given, a week from `from` when only it is. Needs diary.read;
  // kNotFound for an unknown person; kInvalidValue for a range check_diary_range refuses.
  Result<DiaryView> read(const Principal& by, Id person_id, std::optional<Date> from, std::optional<Date> to);
  // Needs diary.write. Every problem with the fields at once (check_diary_fields);
  // status "cancelled" is refused. Audited.
  Result<DiaryEntry> add(const Principal& by, Id person_id, const NewDiaryEntry& entry);
  // Needs diary.write and the entry's agency. kNotFound for an entry not in this
  // person's diary; kConflict when `expected_version` is not the latest or the
  // entry was cancelled. Audited.
  Result<DiaryEntry> change(const Principal& by, Id person_id, Id entry_id, int expected_version,
                            const DiaryEntryChange& change);
  // As change(); the reason is required (a paragraph of free text).
  Result<DiaryEntry> cancel(const Principal& by, Id person_id, Id entry_id, int expected_version,
                            const std::string& reason);
  // Every version of an entry, oldest first. Needs diary.read; audited.
  Result<std::vector<DiaryEntryVersion>> history(const Principal& by, Id person_id, Id entry_id);

  // add(), change() and cancel() inside the caller's transaction (demo data); audited there.
  static Result<DiaryEntry> add_in(Transaction& tx, const Principal& by, Id person_id, const NewDiaryEntry& entry,
                                   Timestamp now);
  static Result<DiaryEntry> change_in(Transaction& tx, const Principal& by, Id person_id, Id entry_id,
                                      int expected_version, const DiaryEntryChange& change, Timestamp now);
  static Result<DiaryEntry> cancel_in(Transaction& tx, const Principal& by, Id person_id, Id entry_id,
                                      int expected_version, const std::string& reason, Timestamp now);

 private:
  Store& store_;
  const Clock& clock_;
  AuditService audit_;
};

}  // namespace allot::app
