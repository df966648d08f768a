#pragma once
// What the personal budget journey needs from a database (errors and
// thread-safety as in app/shared/store.h). Reached through
// Transaction::get<...>().

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "allot/app/shared/store.h"
#include "allot/app/journey/records.h"

namespace allot::app {

// People's records: the index columns, the details and the current state.
class PersonRepository {
 public:
  virtual ~PersonRepository() = default;
  // Adds a person's record at row_version 1.
  virtual Result<PersonRecord> add(const PersonIndex& index, std::string_view details, std::string_view state,
                                   Timestamp now) = 0;
  // kNotFound if no person has this id.
  virtual Result<PersonRecord> get(Id id) = 0;
  // Replaces the index, details and state if the stored row_version is still
  // expected_row_version; returns the record with row_version + 1. kConflict for a
  // stale version (app::stale_version_issue), kNotFound if there is no such person.
  virtual Result<PersonRecord> update(Id id, std::int64_t expected_row_version, const PersonIndex& index,
                                      std::string_view details, std::string_view state, Timestamp now) = 0;
  // Records that may be the same person as a record being added or changed: those
  // with this NHS number (when not empty) or with this date of birth (when given),
  // oldest first, at most `limit`. The caller decides which truly match
  // (journey/duplicates.h).
  virtual Result<std::vector<PersonRecord>> possible_duplicates(std::string_view nhs_number,
                                                                std::optional<Date> date_of_birth, int limit) = 0;
  // Records matching the query, ordered by family name, given name, id.
  // kInvalidValue unless 1 <= limit <= 10000 and offset >= 0.
  virtual Result<PersonPage> list(const PersonQuery& query) = 0;
};

// A person's history: one event per step, append-only.
class PersonEventRepository {
 public:
  virtual ~PersonEventRepository() = default;
  // Appends one event. kUnknownReference if the person does not exist. Events are
  // never changed or removed (the database refuses it).
  virtual Result<PersonEvent> append(const NewPersonEvent& event, Timestamp now) = 0;
  // A person's events, oldest first.
  virtual Result<std::vector<PersonEvent>> for_person(Id person_id) = 0;
};

// Assessment and support plan drafts, one of each kind per person.
class JourneyDraftRepository {
 public:
  virtual ~JourneyDraftRepository() = default;
  // Saves a draft, as RulebookRepository::save_draft: nothing creates, a version
  // updates; kConflict if creating over an existing draft or for a stale version,
  // kNotFound if updating a draft that does not exist, kUnknownReference if the
  // person does not exist.
  virtual Result<JourneyDraft> save(Id person_id, std::string_view kind, std::string_view document,
                                          std::optional<std::int64_t> expected_row_version,
                                          std::string_view updated_by, Timestamp now) = 0;
  // kNotFound if there is no such draft.
  virtual Result<JourneyDraft> get(Id person_id, std::string_view kind) = 0;
  // Removes a draft once its work is saved for good; removing none is not an error.
  virtual Result<Unit> remove(Id person_id, std::string_view kind) = 0;
};

// Support plan versions, kept whole once saved.
class PlanVersionRepository {
 public:
  virtual ~PlanVersionRepository() = default;
  // Stores a support plan version. kConflict if this person has this version
  // already (someone saved first); kUnknownReference if the person does not exist.
  virtual Result<PlanVersionRecord> add(const PlanVersionRecord& plan) = 0;
  // A person's plan versions, oldest first.
  virtual Result<std::vector<PlanVersionRecord>> for_person(Id person_id) = 0;
};

// Meetings of the Resource Allocation Group.
class PanelMeetingRepository {
 public:
  virtual ~PanelMeetingRepository() = default;
  // Records a meeting of the Resource Allocation Group (append-only).
  virtual Result<PanelMeeting> add(const NewPanelMeeting& meeting, Timestamp now) = 0;
  // kNotFound if no meeting has this id.
  virtual Result<PanelMeeting> get(Id id) = 0;
  // Every meeting, newest first, at most `limit`.
  virtual Result<std::vector<PanelMeeting>> list(int limit) = 0;
};

}  // namespace allot::app
