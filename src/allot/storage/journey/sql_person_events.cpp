// The events of a person's journey, one per step (append-only).
#include "allot/storage/journey/journey_storage.h"

#include <vector>

#include <fmt/format.h>

#include "allot/app/journey/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;

constexpr const char* kEventColumns = "id, person_id, kind, event_type, outcome, payload, actor, agency, reason, at";

app::PersonEvent read_event(const SqlResult& result, std::size_t row) {
  app::PersonEvent event;
  event.id = result.integer(row, 0);
  event.person_id = result.integer(row, 1);
  event.kind = result.text(row, 2);
  event.event_type = result.text(row, 3);
  event.outcome = result.text(row, 4);
  event.payload = result.text(row, 5);
  event.actor = result.text(row, 6);
  event.agency = result.text(row, 7);
  event.reason = result.text(row, 8);
  event.at = read_timestamp(result, row, 9);
  return event;
}

class SqlPersonEvents final : public app::PersonEventRepository {
 public:
  explicit SqlPersonEvents(SqlConnection& connection) : db_(connection) {}

  Result<app::PersonEvent> append(const app::NewPersonEvent& event, Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO person_events (person_id, kind, event_type, outcome, payload, actor, "
                                     "agency, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {}",
                                     kEventColumns),
                         {sql_int(event.person_id), sql_text(event.kind), sql_text(event.event_type),
                          sql_text(event.outcome), sql_text(event.payload), sql_text(event.actor.username),
                          sql_text(event.actor.agency), sql_text(event.reason), sql_timestamp(now)});
      });
      return read_event(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return no_such_person(event.person_id);
    }
  }

  Result<std::vector<app::PersonEvent>> for_person(Id person_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM person_events WHERE person_id = $1 ORDER BY id", kEventColumns),
        {sql_int(person_id)});
    std::vector<app::PersonEvent> events;
    for (std::size_t row = 0; row < result.rows.size(); ++row) events.push_back(read_event(result, row));
    return events;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_person_events(RepositoryRegistry& registry) {
  registry.add<app::PersonEventRepository, SqlPersonEvents>();
}

}  // namespace allot::storage
