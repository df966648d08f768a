#pragma once
// Published rulebooks, drafts and the scores they give, and the governance that
// takes a draft version to a published one (rulebook_governance.cpp): drafted
// (uploaded or calibrated), proposed by an analyst with an effective date and a
// simulation, approved by a second person with the approving role (published
// then, in force from its effective date) or rejected with a reason.
//
// A rulebook document is opaque JSON to this layer apart from four top-level
// fields it indexes: "id" (non-empty string), "version" (integer >= 1), "title"
// (non-empty string) and "effective_from" (ISO date). Checking the rules
// themselves is the RAS engine's job, done by the caller before publishing.
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/ras/records.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

// The indexed fields of a rulebook document.
struct RulebookHeader {
  std::string id;
  int version = 0;
  std::string title;
  Date effective_from;
};

// Reads the indexed fields. kMalformed (path "") if not JSON or not an object;
// kMissingField / kWrongType / kInvalidValue naming each bad field, all at once.
Result<RulebookHeader> read_rulebook_header(std::string_view document);

// Returns `document` with its top-level "version" replaced, for storing a
// calibrated rulebook as the next version. kMalformed if not a JSON object.
Result<std::string> with_rulebook_version(std::string_view document, int version);

// One rulebook and its published versions, for listings (documents omitted).
struct RulebookSummary {
  std::string id;
  std::string title;  // the latest version's
  int latest_version = 0;
  struct Version {
    int version = 0;
    std::string title;
    Date effective_from;
    Timestamp published_at;
    std::string published_by;
  };
  std::vector<Version> versions;  // ascending
  std::optional<int> in_force_version;  // on the day list() was asked; nothing if none has started
};

class RulebookService {
 public:
  RulebookService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Publishes a document as an immutable version at once (audited as
  // "publish_rulebook"): for loading a council's first rulebooks (demo data);
  // every later version goes through governance. Needs rulebooks.draft. Header
  // errors as read_rulebook_header(); kConflict (path "version") if that id and
  // version are already published.
  Result<RulebookVersion> publish(std::string_view document, const Principal& by);

  // The next free version number of a rulebook: one past the highest published or
  // draft version, or 1 if none.
  Result<int> next_version(std::string_view rulebook_id);

  // ---- governance (rulebook_governance.cpp)

  // Stores a checked document as a draft version (needs rulebooks.draft). Header
  // errors as read_rulebook_header(); kConflict (path "version") if that version
  // is published or a draft already, naming the next free one. `note` says how it
  // was made, for the history.
  Result<DraftVersion> add_draft(std::string_view document, DraftOrigin origin, std::string_view note,
                                 const Principal& by);
  // Every draft version (needs rulebooks.read_drafts), ordered by id then version.
  Result<std::vector<DraftVersion>> drafts(const Principal& by);
  // kNotFound (path "rulebook") if there is no such draft.
  Result<DraftVersion> draft(std::string_view rulebook_id, int version, const Principal& by);
  // Proposes a draft (or a rejected one, again) to take effect on `effective_from`
  // with the simulation that shows who gains and who loses (JSON, checked by the
  // caller). Needs rulebooks.propose. kInvalidValue (path "effective_from") for a
  // date before today; kConflict if already proposed or approved.
  Result<DraftVersion> propose(std::string_view rulebook_id, int version, Date effective_from,
                               std::string_view simulation, const Principal& by);
  // Approves a proposed version: it is published, in force from its effective
  // date. Needs rulebooks.approve. kForbidden (path "proposed_by") for the person
  // who proposed it; kConflict if not proposed, or if its effective date has passed.
  Result<RulebookVersion> approve(std::string_view rulebook_id, int version, const Principal& by);
  // Rejects a proposed version with a reason (needs rulebooks.approve; never the
  // proposer). kInvalidValue (path "reason") for a blank, over-long or
  // control-character reason; kConflict if not proposed.
  Result<DraftVersion> reject(std::string_view rulebook_id, int version, std::string_view reason,
                              const Principal& by);
  // A rulebook's governance steps, oldest first (needs rulebooks.read_drafts).
  Result<std::vector<RulebookStep>> history(std::string_view rulebook_id, const Principal& by);
  // The published version in force on `on` (see RulebookRepository::in_force);
  // nothing if none has started.
  Result<std::optional<RulebookVersion>> in_force(std::string_view rulebook_id, Date on);
  // Today by the service's clock (UTC), the date "in force" is judged on.
  Date today() const;

  // kNotFound (path "rulebook") if never published.
  Result<RulebookVersion> get(std::string_view rulebook_id, int version);
  // The highest published version; kNotFound if none.
  Result<RulebookVersion> latest(std::string_view rulebook_id);
  // Every rulebook with its published versions and the version in force today,
  // ordered by id.
  Result<std::vector<RulebookSummary>> list();

  // Saves a draft with optimistic concurrency (see concurrency.h): pass the
  // row_version you read, or nothing to create. The document must be a JSON
  // object whose "id" equals rulebook_id (kInvalidValue otherwise); the rest may
  // be incomplete. kConflict for a stale save or creating over an existing draft;
  // kNotFound updating a missing draft.
  Result<RulebookDraft> save_draft(std::string_view rulebook_id, std::string_view document,
                                   std::optional<std::int64_t> expected_row_version, const Principal& by);
  Result<RulebookDraft> get_draft(std::string_view rulebook_id);
  Result<Unit> discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version);

  // Records a score: kInvalidValue if answers or result is not JSON;
  // kUnknownReference (path "rulebook") if that version was never published.
  Result<ScoreRecord> record_score(const NewScore& score, const Actor& by);
  Result<ScoreRecord> get_score(Id score_id);
  Result<std::vector<ScoreRecord>> scores_for(std::string_view rulebook_id, std::optional<int> version,
                                              int limit = 100);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
