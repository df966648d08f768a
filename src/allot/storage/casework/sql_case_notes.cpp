// Case notes (append-only: a correction is a new note naming the one it corrects).
#include <vector>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/storage/casework/casework_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

constexpr const char* kColumns = "id, person_id, text, corrects, written_by, agency, written_at";

app::CaseNote read_note(const SqlResult& result, std::size_t row) {
  app::CaseNote note;
  note.id = result.integer(row, 0);
  note.person_id = result.integer(row, 1);
  note.text = result.text(row, 2);
  if (!result.is_null(row, 3)) note.corrects = result.integer(row, 3);
  note.written_by = result.text(row, 4);
  note.agency = result.text(row, 5);
  note.written_at = read_timestamp(result, row, 6);
  return note;
}

class SqlCaseNotes final : public app::CaseNoteRepository {
 public:
  explicit SqlCaseNotes(SqlConnection& connection) : db_(connection) {}

  Result<app::CaseNote> add(const app::NewCaseNote& note, app::Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO case_notes (person_id, text, corrects, written_by, agency, "
                                     "written_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                     kColumns),
                         {sql_int(note.person_id), sql_text(note.text),
                          note.corrects ? sql_int(*note.corrects) : SqlValue{SqlNull{}}, sql_text(note.by.username),
                          sql_text(note.by.agency), sql_timestamp(now)});
      });
      return read_note(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "person_id",
                  fmt::format("there is no person with id {} (or no note {})", note.person_id,
                              note.corrects.value_or(0)));
    }
  }

  Result<std::vector<app::CaseNote>> for_person(app::Id person_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM case_notes WHERE person_id = $1 ORDER BY id", kColumns),
                                 {sql_int(person_id)});
    std::vector<app::CaseNote> notes;
    for (std::size_t row = 0; row < result.rows.size(); ++row) notes.push_back(read_note(result, row));
    return notes;
  }

  Result<app::CaseNote> get(app::Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM case_notes WHERE id = $1", kColumns), {sql_int(id)});
    if (result.empty()) return not_found("corrects", fmt::format("there is no note {}", id));
    return read_note(result, 0);
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_case_notes(RepositoryRegistry& registry) { registry.add<app::CaseNoteRepository, SqlCaseNotes>(); }

}  // namespace allot::storage
