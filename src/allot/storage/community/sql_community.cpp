// Community opportunities: one row per entry and one per version of it (both
// append-only); an entry reads as its latest version.
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/community/repositories.h"
#include "allot/storage/community/community_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using nlohmann::json;

constexpr const char* kColumns =
    "o.id, v.version, v.name, v.kind, v.description, v.locality, v.address, v.postcode, v.latitude, v.longitude, "
    "v.located_by, v.opening_times, v.contact, v.client_groups, v.charge_pence, v.charge_note, v.changed_by, "
    "v.agency, v.changed_at, o.added_by, o.added_at";
constexpr const char* kFrom =
    "FROM community_opportunities o JOIN community_opportunity_versions v ON v.opportunity_id = o.id";
// Only each entry's latest version.
constexpr const char* kLatest =
    "v.version = (SELECT MAX(l.version) FROM community_opportunity_versions l WHERE l.opportunity_id = o.id)";

app::CommunityOpportunity read_entry(const SqlResult& result, std::size_t row) {
  app::CommunityOpportunity entry;
  entry.id = result.integer(row, 0);
  entry.version = static_cast<int>(result.integer(row, 1));
  app::CommunityDetails& details = entry.details;
  details.name = result.text(row, 2);
  details.kind = result.text(row, 3);
  details.description = result.text(row, 4);
  details.locality = result.text(row, 5);
  details.address = result.text(row, 6);
  details.postcode = result.text(row, 7);
  details.latitude = result.text(row, 8);
  details.longitude = result.text(row, 9);
  entry.located_by = result.text(row, 10);
  details.opening_times = result.text(row, 11);
  details.contact = result.text(row, 12);
  details.client_groups = json::parse(result.text(row, 13)).get<std::vector<std::string>>();
  details.charge = Money::from_pence(result.integer(row, 14));
  details.charge_note = result.text(row, 15);
  entry.changed_by = result.text(row, 16);
  entry.agency = result.text(row, 17);
  entry.changed_at = read_timestamp(result, row, 18);
  entry.added_by = result.text(row, 19);
  entry.added_at = read_timestamp(result, row, 20);
  return entry;
}

class SqlCommunity final : public app::CommunityRepository {
 public:
  explicit SqlCommunity(SqlConnection& connection) : db_(connection) {}

  Result<app::CommunityOpportunity> add(const app::CommunityDetails& details, const std::string& located_by,
                                        const app::Actor& by, app::Timestamp now) override {
    const Id id = db_.query("INSERT INTO community_opportunities (added_by, agency, added_at) VALUES ($1, $2, $3) "
                            "RETURNING id",
                            {sql_text(by.username), sql_text(by.agency), sql_timestamp(now)})
                      .integer(0, 0);
    insert_version(id, 1, details, located_by, by, now);
    return get(id);
  }

  Result<app::CommunityOpportunity> change(Id id, int expected_version, const app::CommunityDetails& details,
                                           const std::string& located_by, const app::Actor& by,
                                           app::Timestamp now) override {
    auto current = get(id);
    if (!current) return current;
    if (current->version != expected_version) {
      return fail(ErrorCode::kConflict, "expected_version",
                  fmt::format("the entry is at version {}, not {}", current->version, expected_version));
    }
    try {
      with_savepoint(db_, [&] {
        insert_version(id, expected_version + 1, details, located_by, by, now);
        return 0;
      });
    } catch (const SqlError& error) {
      // Another change to the same version was kept first.
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kConflict, "expected_version",
                    fmt::format("the entry was changed since version {} was read", expected_version));
      }
      throw;
    }
    return get(id);
  }

  Result<std::vector<app::CommunityOpportunity>> list() override {
    return read_all(fmt::format("SELECT {} {} WHERE {} ORDER BY v.name, o.id", kColumns, kFrom, kLatest), {});
  }

  Result<app::CommunityOpportunity> get(Id id) override {
    auto found = read_all(fmt::format("SELECT {} {} WHERE o.id = $1 AND {}", kColumns, kFrom, kLatest), {sql_int(id)});
    if (found->empty()) return not_found("id", fmt::format("no community opportunity has id {}", id));
    return std::move(found->front());
  }

  Result<std::vector<app::CommunityOpportunity>> history(Id id) override {
    auto found = read_all(fmt::format("SELECT {} {} WHERE o.id = $1 ORDER BY v.version DESC", kColumns, kFrom), {sql_int(id)});
    if (found->empty()) return not_found("id", fmt::format("no community opportunity has id {}", id));
    return found;
  }

 private:
  void insert_version(Id id, int version, const app::CommunityDetails& details, const std::string& located_by,
                      const app::Actor& by, app::Timestamp now) {
    db_.query("INSERT INTO community_opportunity_versions (opportunity_id, version, name, kind, description, locality, "
              "address, postcode, latitude, longitude, located_by, opening_times, contact, client_groups, charge_pence, "
              "charge_note, changed_by, agency, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
              "$13, $14, $15, $16, $17, $18, $19)",
              {sql_int(id), sql_int(version), sql_text(details.name), sql_text(details.kind),
               sql_text(details.description), sql_text(details.locality), sql_text(details.address),
               sql_text(details.postcode), sql_text(details.latitude), sql_text(details.longitude), sql_text(located_by),
               sql_text(details.opening_times), sql_text(details.contact), sql_text(json(details.client_groups).dump()),
               sql_int(details.charge.pence()), sql_text(details.charge_note), sql_text(by.username),
               sql_text(by.agency), sql_timestamp(now)});
  }

  Result<std::vector<app::CommunityOpportunity>> read_all(const std::string& sql, const std::vector<SqlValue>& values) {
    SqlResult result = db_.query(sql, values);
    std::vector<app::CommunityOpportunity> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_entry(result, row));
    return all;
  }

  SqlConnection& db_;
};

}  // namespace

void register_community_repositories(RepositoryRegistry& registry) {
  registry.add<app::CommunityRepository, SqlCommunity>();
}

}  // namespace allot::storage
