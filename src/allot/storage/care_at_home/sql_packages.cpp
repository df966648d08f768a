// Providers' rate cards (append-only) and care at home packages, whose weekly
// pattern of visits and nights is kept as a JSON document.
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

constexpr const char* kCardColumns =
    "id, provider_id, service, effective_from, day_hourly_pence, evening_hourly_pence, weekend_hourly_pence, "
    "sleepover_nightly_pence, waking_night_hourly_pence, day_starts, evening_starts, recorded_by, recorded_at";
constexpr const char* kPackageColumns =
    "id, provider_id, person_reference, client_group, service, model, visits, nights, starts_on, off_framework, "
    "added_by, added_at, latitude_micro, longitude_micro, area, locality, visit_carers, chosen_provider_id, "
    "open_package_id, person_name, outcomes, weekly_budget_pence";

app::RateCardRecord read_card(const SqlResult& result, std::size_t row) {
  app::RateCardRecord record;
  record.id = result.integer(row, 0);
  record.provider_id = result.integer(row, 1);
  record.service = result.text(row, 2);
  record.card.effective_from = read_date(result, row, 3);
  record.card.day_hourly = Money::from_pence(result.integer(row, 4));
  record.card.evening_hourly = Money::from_pence(result.integer(row, 5));
  record.card.weekend_hourly = Money::from_pence(result.integer(row, 6));
  record.card.sleepover_nightly = Money::from_pence(result.integer(row, 7));
  record.card.waking_night_hourly = Money::from_pence(result.integer(row, 8));
  record.card.day_starts = static_cast<int>(result.integer(row, 9));
  record.card.evening_starts = static_cast<int>(result.integer(row, 10));
  record.recorded_by = result.text(row, 11);
  record.recorded_at = read_timestamp(result, row, 12);
  return record;
}

json visits_json(const std::vector<care_at_home::Visit>& visits) {
  json list = json::array();
  for (const care_at_home::Visit& visit : visits) {
    list.push_back({{"day", visit.day_of_week},
                    {"start", visit.start_minute},
                    {"tolerance", visit.tolerance_minutes},
                    {"duration", visit.duration_minutes},
                    {"carers", visit.carers},
                    {"tasks", visit.tasks}});
  }
  return list;
}

std::vector<care_at_home::Visit> visits_from(const json& list) {
  std::vector<care_at_home::Visit> visits;
  for (const json& item : list) {
    visits.push_back(care_at_home::Visit{item.at("day").get<int>(), item.at("start").get<int>(),
                                         item.at("tolerance").get<int>(), item.at("duration").get<int>(),
                                         item.at("carers").get<int>(), item.at("tasks").get<std::vector<std::string>>()});
  }
  return visits;
}

json nights_json(const care_at_home::NightPattern& nights) {
  return {{"kind", static_cast<int>(nights.kind)},
          {"nights", nights.nights_per_week},
          {"hours", nights.hours_per_night},
          {"technology_weekly_pence", nights.technology_weekly.pence()}};
}

care_at_home::NightPattern nights_from(const json& nights) {
  return care_at_home::NightPattern{static_cast<care_at_home::NightSupport>(nights.at("kind").get<int>()),
                                    nights.at("nights").get<int>(), nights.at("hours").get<int>(),
                                    Money::from_pence(nights.at("technology_weekly_pence").get<std::int64_t>())};
}

// Location (two columns, both null for "from the gazetteer"), area and locality.
void read_placement(const SqlResult& result, std::size_t row, std::size_t column, app::NewPackage& package) {
  if (!result.is_null(row, column)) {
    package.location = care_at_home::GeoPoint{result.integer(row, column), result.integer(row, column + 1)};
  }
  package.area = result.text(row, column + 2);
  package.locality = result.text(row, column + 3);
}

SqlValue optional_id(Id id) { return id == 0 ? SqlValue{SqlNull{}} : sql_int(id); }
SqlValue latitude_of(const app::NewPackage& package) {
  return package.location ? sql_int(package.location->latitude_micro) : SqlValue{SqlNull{}};
}
SqlValue longitude_of(const app::NewPackage& package) {
  return package.location ? sql_int(package.location->longitude_micro) : SqlValue{SqlNull{}};
}

app::PackageRecord read_package(const SqlResult& result, std::size_t row) {
  app::PackageRecord record;
  record.id = result.integer(row, 0);
  record.details.provider_id = result.integer(row, 1);
  record.details.person_reference = result.text(row, 2);
  record.details.client_group = result.text(row, 3);
  record.details.service = result.text(row, 4);
  record.details.model =
      result.text(row, 5) == "personal_budget" ? app::PackageModel::kPersonalBudget : app::PackageModel::kTimeAndTask;
  record.details.visits = visits_from(json::parse(result.text(row, 6)));
  record.details.nights = nights_from(json::parse(result.text(row, 7)));
  record.details.starts_on = read_date(result, row, 8);
  record.off_framework = result.integer(row, 9) != 0;
  record.added_by = result.text(row, 10);
  record.added_at = read_timestamp(result, row, 11);
  read_placement(result, row, 12, record.details);
  record.details.visit_carers = json::parse(result.text(row, 16)).get<std::vector<std::vector<Id>>>();
  record.details.chosen_provider_id = result.is_null(row, 17) ? 0 : result.integer(row, 17);
  record.details.open_package_id = result.is_null(row, 18) ? 0 : result.integer(row, 18);
  record.details.person_name = result.text(row, 19);
  record.details.outcomes = json::parse(result.text(row, 20)).get<std::vector<std::string>>();
  record.details.weekly_budget = Money::from_pence(result.integer(row, 21));
  return record;
}

constexpr const char* kChangeColumns =
    "id, package_id, from_provider_id, to_provider_id, replan, changed_by, changed_at";

app::ProviderChangeRecord read_change(const SqlResult& result, std::size_t row) {
  app::ProviderChangeRecord record;
  record.id = result.integer(row, 0);
  record.package_id = result.integer(row, 1);
  record.from_provider_id = result.integer(row, 2);
  record.to_provider_id = result.integer(row, 3);
  record.replan = result.text(row, 4);
  record.changed_by = result.text(row, 5);
  record.changed_at = read_timestamp(result, row, 6);
  return record;
}

class SqlRateCards final : public app::RateCardRepository {
 public:
  explicit SqlRateCards(SqlConnection& connection) : db_(connection) {}

  Result<app::RateCardRecord> add(Id provider_id, const std::string& service, const care_at_home::RateCard& card,
                                  const app::Actor& by, app::Timestamp now) override {
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO provider_rate_cards (provider_id, service, effective_from, day_hourly_pence, "
                    "evening_hourly_pence, weekend_hourly_pence, sleepover_nightly_pence, waking_night_hourly_pence, "
                    "day_starts, evening_starts, recorded_by, agency, recorded_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING {}",
                    kCardColumns),
        {sql_int(provider_id), sql_text(service), sql_date(card.effective_from), sql_int(card.day_hourly.pence()),
         sql_int(card.evening_hourly.pence()), sql_int(card.weekend_hourly.pence()),
         sql_int(card.sleepover_nightly.pence()), sql_int(card.waking_night_hourly.pence()), sql_int(card.day_starts),
         sql_int(card.evening_starts), sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    return read_card(inserted, 0);
  }

  Result<std::vector<app::RateCardRecord>> all() override {
    return read_all(fmt::format("SELECT {} FROM provider_rate_cards ORDER BY provider_id, service, effective_from, id",
                                kCardColumns),
                    {});
  }

  Result<std::vector<app::RateCardRecord>> for_provider(Id provider_id) override {
    return read_all(fmt::format("SELECT {} FROM provider_rate_cards WHERE provider_id = $1 "
                                "ORDER BY service, effective_from, id",
                                kCardColumns),
                    {sql_int(provider_id)});
  }

 private:
  Result<std::vector<app::RateCardRecord>> read_all(const std::string& sql, const std::vector<SqlValue>& values) {
    SqlResult result = db_.query(sql, values);
    std::vector<app::RateCardRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_card(result, row));
    return all;
  }
  SqlConnection& db_;
};

class SqlPackages final : public app::PackageRepository {
 public:
  explicit SqlPackages(SqlConnection& connection) : db_(connection) {}

  Result<app::PackageRecord> add(const app::NewPackage& package, bool off_framework, const app::Actor& by,
                                 app::Timestamp now) override {
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO care_packages (provider_id, person_reference, client_group, service, model, visits, "
                    "nights, starts_on, off_framework, added_by, agency, added_at, latitude_micro, longitude_micro, area, "
                    "locality, visit_carers, chosen_provider_id, open_package_id, person_name, outcomes, weekly_budget_pence) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
                    "$21, $22) "
                    "RETURNING {}",
                    kPackageColumns),
        {sql_int(package.provider_id), sql_text(package.person_reference), sql_text(package.client_group),
         sql_text(package.service), sql_text(app::package_model_name(package.model)),
         sql_text(visits_json(package.visits).dump()), sql_text(nights_json(package.nights).dump()),
         sql_date(package.starts_on), sql_int(off_framework ? 1 : 0), sql_text(by.username), sql_text(by.agency),
         sql_timestamp(now), latitude_of(package), longitude_of(package), sql_text(package.area),
         sql_text(package.locality), sql_text(json(package.visit_carers).dump()), optional_id(package.chosen_provider_id),
         optional_id(package.open_package_id), sql_text(package.person_name), sql_text(json(package.outcomes).dump()),
         sql_int(package.weekly_budget.pence())});
    return read_package(inserted, 0);
  }

  Result<app::ProviderChangeRecord> change_provider(Id package_id, Id from_provider_id, Id to_provider_id,
                                                    const std::vector<std::vector<Id>>& visit_carers,
                                                    const std::string& replan, const app::Actor& by,
                                                    app::Timestamp now) override {
    // Conditional on the provider it had, so a package changed meanwhile is never moved twice.
    SqlResult updated = db_.query(
        "UPDATE care_packages SET provider_id = $1, visit_carers = $2 WHERE id = $3 AND provider_id = $4 RETURNING id",
        {sql_int(to_provider_id), sql_text(json(visit_carers).dump()), sql_int(package_id), sql_int(from_provider_id)});
    if (updated.empty()) {
      return tl::unexpected<Issues>(Issues{{ErrorCode::kConflict, "package",
                                            fmt::format("package {} is no longer with provider {}", package_id,
                                                        from_provider_id)}});
    }
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO care_package_provider_changes (package_id, from_provider_id, to_provider_id, replan, "
                    "changed_by, agency, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {}",
                    kChangeColumns),
        {sql_int(package_id), sql_int(from_provider_id), sql_int(to_provider_id), sql_text(replan),
         sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    return read_change(inserted, 0);
  }

  Result<std::vector<app::ProviderChangeRecord>> provider_changes(Id package_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM care_package_provider_changes WHERE package_id = $1 ORDER BY id", kChangeColumns),
        {sql_int(package_id)});
    std::vector<app::ProviderChangeRecord> changes;
    for (std::size_t row = 0; row < result.rows.size(); ++row) changes.push_back(read_change(result, row));
    return changes;
  }

  Result<app::PackageRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM care_packages WHERE id = $1", kPackageColumns), {sql_int(id)});
    if (result.empty()) return not_found("package", fmt::format("no package has id {}", id));
    return read_package(result, 0);
  }

  Result<std::vector<app::PackageRecord>> all() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM care_packages ORDER BY id", kPackageColumns), {});
    std::vector<app::PackageRecord> packages;
    packages.reserve(result.rows.size());
    for (std::size_t row = 0; row < result.rows.size(); ++row) packages.push_back(read_package(result, row));
    return packages;
  }

 private:
  SqlConnection& db_;
};

constexpr const char* kOpenColumns =
    "id, person_reference, client_group, service, model, visits, nights, starts_on, added_by, added_at, "
    "latitude_micro, longitude_micro, area, locality, chosen_provider_id, person_name, outcomes, weekly_budget_pence";

app::OpenPackageRecord read_open(const SqlResult& result, std::size_t row) {
  app::OpenPackageRecord record;
  record.id = result.integer(row, 0);
  record.details.person_reference = result.text(row, 1);
  record.details.client_group = result.text(row, 2);
  record.details.service = result.text(row, 3);
  record.details.model =
      result.text(row, 4) == "personal_budget" ? app::PackageModel::kPersonalBudget : app::PackageModel::kTimeAndTask;
  record.details.visits = visits_from(json::parse(result.text(row, 5)));
  record.details.nights = nights_from(json::parse(result.text(row, 6)));
  record.details.starts_on = read_date(result, row, 7);
  record.added_by = result.text(row, 8);
  record.added_at = read_timestamp(result, row, 9);
  read_placement(result, row, 10, record.details);
  record.details.chosen_provider_id = result.is_null(row, 14) ? 0 : result.integer(row, 14);
  record.details.person_name = result.text(row, 15);
  record.details.outcomes = json::parse(result.text(row, 16)).get<std::vector<std::string>>();
  record.details.weekly_budget = Money::from_pence(result.integer(row, 17));
  return record;
}

class SqlOpenPackages final : public app::OpenPackageRepository {
 public:
  explicit SqlOpenPackages(SqlConnection& connection) : db_(connection) {}

  Result<app::OpenPackageRecord> add(const app::NewPackage& package, const app::Actor& by, app::Timestamp now) override {
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO open_care_packages (person_reference, client_group, service, model, visits, nights, "
                    "starts_on, added_by, agency, added_at, latitude_micro, longitude_micro, area, locality, "
                    "chosen_provider_id, person_name, outcomes, weekly_budget_pence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                    "$10, $11, $12, $13, $14, $15, $16, $17, $18) "
                    "RETURNING {}",
                    kOpenColumns),
        {sql_text(package.person_reference), sql_text(package.client_group), sql_text(package.service),
         sql_text(app::package_model_name(package.model)), sql_text(visits_json(package.visits).dump()),
         sql_text(nights_json(package.nights).dump()), sql_date(package.starts_on), sql_text(by.username),
         sql_text(by.agency), sql_timestamp(now), latitude_of(package), longitude_of(package), sql_text(package.area),
         sql_text(package.locality), optional_id(package.chosen_provider_id), sql_text(package.person_name),
         sql_text(json(package.outcomes).dump()), sql_int(package.weekly_budget.pence())});
    return read_open(inserted, 0);
  }

  Result<std::vector<app::OpenPackageRecord>> all() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM open_care_packages ORDER BY id", kOpenColumns), {});
    std::vector<app::OpenPackageRecord> packages;
    for (std::size_t row = 0; row < result.rows.size(); ++row) packages.push_back(read_open(result, row));
    return packages;
  }

  Result<app::OpenPackageRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM open_care_packages WHERE id = $1", kOpenColumns), {sql_int(id)});
    if (result.empty()) return not_found("open_package", fmt::format("no open package has id {}", id));
    return read_open(result, 0);
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_packages(RepositoryRegistry& registry) {
  registry.add<app::RateCardRepository, SqlRateCards>();
  registry.add<app::PackageRepository, SqlPackages>();
  registry.add<app::OpenPackageRepository, SqlOpenPackages>();
}

}  // namespace allot::storage
