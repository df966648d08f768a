// Care at home providers and their inspections (inspections append-only).
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/care_at_home/repositories.h"
#include "allot/storage/care_at_home/care_at_home_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using nlohmann::json;

constexpr const char* kProviderColumns =
    "id, name, former_framework, services, areas, capacity_hours_per_week, added_by, added_at, agency_code";
constexpr const char* kInspectionColumns = "id, provider_id, inspected_on, grades, recorded_by, recorded_at";

std::vector<std::string> text_list(const std::string& stored) { return json::parse(stored).get<std::vector<std::string>>(); }

app::ProviderRecord read_provider(const SqlResult& result, std::size_t row) {
  app::ProviderRecord record;
  record.id = result.integer(row, 0);
  record.details.name = result.text(row, 1);
  record.details.former_framework = result.text(row, 2);
  record.details.services = text_list(result.text(row, 3));
  record.details.areas = text_list(result.text(row, 4));
  record.details.capacity_hours_per_week = static_cast<int>(result.integer(row, 5));
  record.added_by = result.text(row, 6);
  record.added_at = read_timestamp(result, row, 7);
  record.details.agency_code = result.text(row, 8);
  return record;
}

app::InspectionRecord read_inspection(const SqlResult& result, std::size_t row) {
  app::InspectionRecord record;
  record.id = result.integer(row, 0);
  record.provider_id = result.integer(row, 1);
  record.inspection.date = read_date(result, row, 2);
  record.inspection.grades = json::parse(result.text(row, 3)).get<std::map<std::string, int>>();
  record.recorded_by = result.text(row, 4);
  record.recorded_at = read_timestamp(result, row, 5);
  return record;
}

class SqlProviders final : public app::ProviderRepository {
 public:
  explicit SqlProviders(SqlConnection& connection) : db_(connection) {}

  Result<app::ProviderRecord> add(const app::NewProvider& provider, const app::Actor& by, app::Timestamp now) override {
    try {
      const Id id = with_savepoint(db_, [&] {
        return db_.query("INSERT INTO providers (name, former_framework, services, areas, capacity_hours_per_week, "
                         "added_by, agency, added_at, agency_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                         {sql_text(provider.name), sql_text(provider.former_framework),
                          sql_text(json(provider.services).dump()), sql_text(json(provider.areas).dump()),
                          sql_int(provider.capacity_hours_per_week), sql_text(by.username), sql_text(by.agency),
                          sql_timestamp(now), sql_text(provider.agency_code)})
            .integer(0, 0);
      });
      return get(id);
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "name", fmt::format("a provider is already called \"{}\"", provider.name));
      }
      throw;
    }
  }

  Result<std::vector<app::ProviderRecord>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM providers ORDER BY name, id", kProviderColumns), {});
    std::vector<app::ProviderRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_provider(result, row));
    return all;
  }

  Result<app::ProviderRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM providers WHERE id = $1", kProviderColumns), {sql_int(id)});
    if (result.empty()) return not_found("provider", fmt::format("no provider has id {}", id));
    return read_provider(result, 0);
  }

 private:
  SqlConnection& db_;
};

class SqlInspections final : public app::InspectionRepository {
 public:
  explicit SqlInspections(SqlConnection& connection) : db_(connection) {}

  Result<app::InspectionRecord> add(Id provider_id, const care_at_home::Inspection& inspection, const app::Actor& by,
                                    app::Timestamp now) override {
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO provider_inspections (provider_id, inspected_on, grades, recorded_by, agency, recorded_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                    kInspectionColumns),
        {sql_int(provider_id), sql_date(inspection.date), sql_text(json(inspection.grades).dump()),
         sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    return read_inspection(inserted, 0);
  }

  Result<std::vector<app::InspectionRecord>> for_provider(Id provider_id) override {
    return read_all(fmt::format("SELECT {} FROM provider_inspections WHERE provider_id = $1 "
                                "ORDER BY inspected_on DESC, id DESC",
                                kInspectionColumns),
                    {sql_int(provider_id)});
  }

  Result<std::vector<app::InspectionRecord>> all() override {
    return read_all(fmt::format("SELECT {} FROM provider_inspections ORDER BY inspected_on DESC, id DESC", kInspectionColumns),
                    {});
  }

 private:
  Result<std::vector<app::InspectionRecord>> read_all(const std::string& sql, const std::vector<SqlValue>& values) {
    SqlResult result = db_.query(sql, values);
    std::vector<app::InspectionRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_inspection(result, row));
    return all;
  }

  SqlConnection& db_;
};

}  // namespace

void register_sql_providers(RepositoryRegistry& registry) {
  registry.add<app::ProviderRepository, SqlProviders>();
  registry.add<app::InspectionRepository, SqlInspections>();
}

}  // namespace allot::storage
