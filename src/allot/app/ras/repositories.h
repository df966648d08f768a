#pragma once
// What the RAS service needs from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "allot/app/shared/store.h"
#include "allot/app/ras/records.h"

namespace allot::app {

class RulebookRepository {
 public:
  virtual ~RulebookRepository() = default;
  // Stores a published version. kConflict if this rulebook id and version exist
  // (published versions are immutable; publish a new version instead).
  virtual Result<Unit> publish(const RulebookVersion& rulebook) = 0;
  // kNotFound if this id and version were never published.
  virtual Result<RulebookVersion> get(std::string_view rulebook_id, int version) = 0;
  // The highest published version; kNotFound if none.
  virtual Result<RulebookVersion> latest(std::string_view rulebook_id) = 0;
  // The version in force on `on`: of the versions whose effective_from is on or
  // before that date, the latest to start (the higher version on a tie).
  // kNotFound if none has started.
  virtual Result<RulebookVersion> in_force(std::string_view rulebook_id, Date on) = 0;
  // Every published version of every rulebook, ordered by id then version. The
  // documents are included.
  virtual Result<std::vector<RulebookVersion>> list_versions() = 0;

  // Saves a draft. expected_row_version is the row_version the caller read, or
  // nothing to create a new draft. Returns the saved draft with its new
  // row_version. kConflict if creating and a draft exists, or if the stored
  // row_version differs (a stale save); kNotFound if updating a draft that does
  // not exist.
  virtual Result<RulebookDraft> save_draft(std::string_view rulebook_id, std::string_view document,
                                           std::optional<std::int64_t> expected_row_version,
                                           std::string_view updated_by, Timestamp now) = 0;
  // kNotFound if there is no draft for this id.
  virtual Result<RulebookDraft> get_draft(std::string_view rulebook_id) = 0;
  // Removes a draft if its row_version matches. kNotFound / kConflict as above.
  virtual Result<Unit> discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version) = 0;
};

// Draft versions under governance and the history of their steps.
class DraftVersionRepository {
 public:
  virtual ~DraftVersionRepository() = default;
  // Stores a new draft (row_version 1). kConflict if a draft with this id and
  // version exists.
  virtual Result<DraftVersion> add(const DraftVersion& draft) = 0;
  // kNotFound if there is no such draft.
  virtual Result<DraftVersion> get(std::string_view rulebook_id, int version) = 0;
  // Every draft of every rulebook, ordered by id then version (documents and
  // simulations included).
  virtual Result<std::vector<DraftVersion>> list() = 0;
  // Saves a changed draft if its stored row_version is draft.row_version; returns
  // it with row_version + 1. kConflict for a stale save; kNotFound if missing.
  virtual Result<DraftVersion> update(const DraftVersion& draft) = 0;
  // The highest draft version number of a rulebook; 0 if none.
  virtual Result<int> highest_version(std::string_view rulebook_id) = 0;
  // Keeps a step (append-only); returns it with its id.
  virtual Result<RulebookStep> add_step(const RulebookStep& step) = 0;
  // A rulebook's steps, oldest first.
  virtual Result<std::vector<RulebookStep>> steps(std::string_view rulebook_id) = 0;
};

class ScoreRepository {
 public:
  virtual ~ScoreRepository() = default;
  // Records a score. kUnknownReference if that rulebook version was never
  // published. Scores are never changed or removed.
  virtual Result<ScoreRecord> add(const NewScore& score, std::string_view scored_by, Timestamp now) = 0;
  // kNotFound if no score has this id.
  virtual Result<ScoreRecord> get(Id id) = 0;
  // Scores given with one rulebook (any version, or one version), newest first,
  // at most `limit`.
  virtual Result<std::vector<ScoreRecord>> list_for_rulebook(std::string_view rulebook_id,
                                                             std::optional<int> version, int limit) = 0;
};

}  // namespace allot::app
