#pragma once
// Case notes (docs/api.md, "Casework"): dated, attributed notes on a person's
// case, append-only. A note is never edited or deleted; a correction is a new
// note that names the note it corrects, and the corrected note is shown as
// corrected. Each note is also recorded in the person's history ("case_note").
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/casework/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// A note as read: with the note that corrects it, if any.
struct ReadCaseNote {
  CaseNote note;
  std::optional<Id> corrected_by;
  bool operator==(const ReadCaseNote&) const = default;
};

struct WriteCaseNoteCommand {
  std::string text;
  std::optional<Id> corrects;
};

// The longest note kept, in characters.
inline constexpr std::size_t kCaseNoteMaxChars = 10000;

class CaseNotes {
 public:
  CaseNotes(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Oldest first. Needs notes.read; kNotFound for an unknown person.
  Result<std::vector<ReadCaseNote>> list(const Principal& by, Id person_id);
  // Needs notes.write. kNotFound for an unknown person; every problem with the
  // note at once: blank, too long or control characters in `text` (path "text"),
  // `corrects` naming no note of this person (kUnknownReference); kConflict when
  // that note was already corrected (correct the correction). Audited.
  Result<CaseNote> write(const Principal& by, Id person_id, const WriteCaseNoteCommand& command);
  // write() inside the caller's transaction (demo data).
  static Result<CaseNote> write_in(Transaction& tx, const Principal& by, Id person_id,
                                   const WriteCaseNoteCommand& command, Timestamp now);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
