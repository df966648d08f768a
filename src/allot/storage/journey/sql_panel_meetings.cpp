// Panel meetings: when, who sat and what was decided (append-only).
#include "allot/storage/journey/journey_storage.h"

#include <vector>

#include <fmt/format.h>

#include "allot/app/journey/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;

constexpr const char* kMeetingColumns = "id, held_on, members, decisions, recorded_by, agency, recorded_at";

app::PanelMeeting read_meeting(const SqlResult& result, std::size_t row) {
  return app::PanelMeeting{result.integer(row, 0), read_date(result, row, 1), result.text(row, 2),
                           result.text(row, 3),    result.text(row, 4),      result.text(row, 5),
                           read_timestamp(result, row, 6)};
}

class SqlPanelMeetings final : public app::PanelMeetingRepository {
 public:
  explicit SqlPanelMeetings(SqlConnection& connection) : db_(connection) {}

  Result<app::PanelMeeting> add(const app::NewPanelMeeting& meeting, Timestamp now) override {
    SqlResult result = db_.query(
        fmt::format("INSERT INTO panel_meetings (held_on, members, decisions, recorded_by, agency, recorded_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                    kMeetingColumns),
        {sql_date(meeting.held_on), sql_text(meeting.members), sql_text(meeting.decisions),
         sql_text(meeting.recorded_by.username), sql_text(meeting.recorded_by.agency), sql_timestamp(now)});
    return read_meeting(result, 0);
  }

  Result<app::PanelMeeting> get(Id id) override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM panel_meetings WHERE id = $1", kMeetingColumns), {sql_int(id)});
    if (result.empty()) return not_found("meeting", fmt::format("there is no panel meeting {}", id));
    return read_meeting(result, 0);
  }

  Result<std::vector<app::PanelMeeting>> list(int limit) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM panel_meetings ORDER BY held_on DESC, id DESC LIMIT $1", kMeetingColumns),
        {sql_int(limit)});
    std::vector<app::PanelMeeting> meetings;
    for (std::size_t row = 0; row < result.rows.size(); ++row) meetings.push_back(read_meeting(result, row));
    return meetings;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_panel_meetings(RepositoryRegistry& registry) {
  registry.add<app::PanelMeetingRepository, SqlPanelMeetings>();
}

}  // namespace allot::storage
