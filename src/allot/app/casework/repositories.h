#pragma once
// What casework needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <optional>
#include <string_view>
#include <vector>

#include "allot/app/casework/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class TeamRepository {
 public:
  virtual ~TeamRepository() = default;
  // Adds a team with its members. kConflict if a team has this name.
  virtual Result<Team> add(const Team& team, Timestamp now) = 0;
  // Every team with its members, by name.
  virtual Result<std::vector<Team>> list() = 0;
};

class AllocationRepository {
 public:
  virtual ~AllocationRepository() = default;
  // kUnknownReference if the person does not exist.
  virtual Result<Allocation> add(const NewAllocation& allocation, Timestamp now) = 0;
  // A person's allocations, oldest first.
  virtual Result<std::vector<Allocation>> for_person(Id person_id) = 0;
  // Each person's latest allocation.
  virtual Result<std::vector<Allocation>> latest() = 0;
};

class CaseNoteRepository {
 public:
  virtual ~CaseNoteRepository() = default;
  // kUnknownReference if the person (or the corrected note) does not exist.
  virtual Result<CaseNote> add(const NewCaseNote& note, Timestamp now) = 0;
  // A person's notes, oldest first.
  virtual Result<std::vector<CaseNote>> for_person(Id person_id) = 0;
  // kNotFound if no note has this id.
  virtual Result<CaseNote> get(Id id) = 0;
};

class GazetteerRepository {
 public:
  virtual ~GazetteerRepository() = default;
  // Stores a checked gazetteer as a new import; it replaces the earlier ones for look-ups.
  virtual Result<GazetteerImport> add(std::string_view source_name, const std::vector<GazetteerAddress>& addresses,
                                      const Actor& by, Timestamp now) = 0;
  // The latest import, if any.
  virtual Result<std::optional<GazetteerImport>> latest() = 0;
  // Addresses of the latest import with this postcode (normalised) or this UPRN,
  // in file order.
  virtual Result<std::vector<GazetteerAddress>> find(std::string_view postcode, std::string_view uprn) = 0;
};

}  // namespace allot::app
