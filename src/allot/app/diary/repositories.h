#pragma once
// What the support diary needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <string_view>
#include <vector>

#include "allot/app/diary/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class DiaryRepository {
 public:
  virtual ~DiaryRepository() = default;
  // Stores a new entry as its version 1. kUnknownReference if the person does not exist.
  virtual Result<DiaryEntry> add(Id person_id, const DiaryEntryFields& fields, DiaryStatus status, const Actor& by,
                                 Timestamp now) = 0;
  // Appends a version (entry_id and version set by the caller: the latest + 1).
  // kConflict if that version was written meanwhile.
  virtual Result<DiaryEntryVersion> add_version(const DiaryEntryVersion& version) = 0;
  // The entry with its latest version; kNotFound if there is none with this id.
  virtual Result<DiaryEntry> get(Id entry_id) = 0;
  // Every version of an entry, oldest first.
  virtual Result<std::vector<DiaryEntryVersion>> versions(Id entry_id) = 0;
  // A person's entries whose latest version falls from `from` to `to` inclusive,
  // by date, then start (all-day first), then id.
  virtual Result<std::vector<DiaryEntry>> in_range(Id person_id, Date from, Date to) = 0;
};

// Care at home packages as the diary reads them (kept by care_at_home).
class DiarySourceRepository {
 public:
  virtual ~DiarySourceRepository() = default;
  // The packages whose person_reference is exactly `person_reference`, oldest first.
  virtual Result<std::vector<DiaryPackageSource>> packages_for(std::string_view person_reference) = 0;
};

}  // namespace allot::app
