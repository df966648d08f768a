// Teams and their members.
#include <map>
#include <vector>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/storage/casework/casework_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

class SqlTeams final : public app::TeamRepository {
 public:
  explicit SqlTeams(SqlConnection& connection) : db_(connection) {}

  Result<app::Team> add(const app::Team& team, app::Timestamp now) override {
    try {
      return with_savepoint(db_, [&]() -> Result<app::Team> {
        SqlResult inserted =
            db_.query("INSERT INTO casework_teams (name, locality, created_at) VALUES ($1, $2, $3) RETURNING id",
                      {sql_text(team.name), sql_text(team.locality), sql_timestamp(now)});
        app::Team added = team;
        added.id = inserted.integer(0, 0);
        for (const app::TeamMember& member : team.members) {
          db_.query("INSERT INTO casework_team_members (team_id, username, manager, added_at) VALUES ($1, $2, $3, $4)",
                    {sql_int(added.id), sql_text(member.username), sql_int(member.manager ? 1 : 0), sql_timestamp(now)});
        }
        return added;
      });
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "name", fmt::format("a team is named \"{}\" already", team.name));
    }
  }

  Result<std::vector<app::Team>> list() override {
    SqlResult teams = db_.query("SELECT id, name, locality FROM casework_teams ORDER BY name", {});
    SqlResult members =
        db_.query("SELECT team_id, username, manager FROM casework_team_members ORDER BY team_id, username", {});
    std::map<app::Id, std::vector<app::TeamMember>> by_team;
    for (std::size_t row = 0; row < members.rows.size(); ++row) {
      by_team[members.integer(row, 0)].push_back(app::TeamMember{members.text(row, 1), members.integer(row, 2) != 0});
    }
    std::vector<app::Team> all;
    for (std::size_t row = 0; row < teams.rows.size(); ++row) {
      const app::Id id = teams.integer(row, 0);
      all.push_back(app::Team{id, teams.text(row, 1), teams.text(row, 2), by_team[id]});
    }
    return all;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_teams(RepositoryRegistry& registry) { registry.add<app::TeamRepository, SqlTeams>(); }

}  // namespace allot::storage
