#include "allot/app/casework/case_notes.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/casework/case_text.h"
#include "allot/app/casework/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

}  // namespace

Result<std::vector<ReadCaseNote>> CaseNotes::list(const Principal& by, Id person_id) {
  Result<std::vector<ReadCaseNote>> notes =
      in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<ReadCaseNote>> {
        if (auto allowed = AccessPolicy::standard().check(by, "notes.read", Subject{person_id}); !allowed) {
          return pass(allowed);
        }
        if (auto person = tx.get<PersonRepository>().get(person_id); !person) return pass(person);
        Result<std::vector<CaseNote>> stored = tx.get<CaseNoteRepository>().for_person(person_id);
        if (!stored) return pass(stored);
        std::map<Id, Id> corrected_by;
        for (const CaseNote& note : *stored) {
          if (note.corrects) corrected_by[*note.corrects] = note.id;
        }
        std::vector<ReadCaseNote> read;
        for (const CaseNote& note : *stored) {
          const auto found = corrected_by.find(note.id);
          read.push_back(ReadCaseNote{note, found == corrected_by.end() ? std::nullopt : std::optional<Id>(found->second)});
        }
        return read;
      });
  if (!notes) return notes;
  // Reading a person's notes is audited like reading their record.
  Result<Unit> audited = store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    auto entry = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "read", person_subject(person_id), "case notes"}, clock_.now());
    if (!entry) return pass(entry);
    return Unit{};
  });
  if (!audited) return fail(audited.error());
  return notes;
}

Result<CaseNote> CaseNotes::write(const Principal& by, Id person_id, const WriteCaseNoteCommand& command) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CaseNote> {
    return write_in(tx, by, person_id, command, clock_.now());
  });
}

Result<CaseNote> CaseNotes::write_in(Transaction& tx, const Principal& by, Id person_id,
                                     const WriteCaseNoteCommand& command, Timestamp now) {
  {
    if (auto allowed = AccessPolicy::standard().check(by, "notes.write", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    if (auto person = tx.get<PersonRepository>().get(person_id); !person) return pass(person);
    Issues issues = check_case_text(command.text, "text", "the note", kCaseNoteMaxChars);
    auto& notes = tx.get<CaseNoteRepository>();
    if (command.corrects) {
      Result<CaseNote> corrected = notes.get(*command.corrects);
      if (!corrected || corrected->person_id != person_id) {
        if (corrected || corrected.error().front().code == ErrorCode::kNotFound) {
          issues.push_back({ErrorCode::kUnknownReference, "corrects",
                            fmt::format("there is no note {} on this person's record", *command.corrects)});
        } else {
          return pass(corrected);
        }
      } else if (issues.empty()) {
        Result<std::vector<CaseNote>> all = notes.for_person(person_id);
        if (!all) return pass(all);
        for (const CaseNote& note : *all) {
          if (note.corrects == command.corrects) {
            return fail(ErrorCode::kConflict, "corrects",
                        fmt::format("note {} was already corrected by note {}; correct that note instead",
                                    *command.corrects, note.id));
          }
        }
      }
    }
    if (!issues.empty()) return fail(std::move(issues));
    Result<CaseNote> added = notes.add(NewCaseNote{person_id, command.text, command.corrects, by.actor()}, now);
    if (!added) return added;
    nlohmann::json payload = {{"note_id", added->id}, {"text", added->text}};
    if (added->corrects) payload["corrects"] = *added->corrects;
    Result<PersonEvent> event = tx.get<PersonEventRepository>().append(
        NewPersonEvent{person_id, "case_note", "request", "", payload.dump(), by.actor(), ""}, now);
    if (!event) return pass(event);
    Result<AuditEntry> audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "update", person_subject(person_id),
                      added->corrects ? fmt::format("case note {} correcting note {}", added->id, *added->corrects)
                                      : fmt::format("case note {}", added->id)},
        now);
    if (!audited) return pass(audited);
    return added;
  }
}

}  // namespace allot::app
