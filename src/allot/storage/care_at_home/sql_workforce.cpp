// Providers' staff bases and carers, and offers of open packages with the
// providers' answers (offers and answers append-only).
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

constexpr const char* kBaseColumns = "id, provider_id, name, latitude_micro, longitude_micro, added_by, added_at";
constexpr const char* kCarerColumns = "id, provider_id, base_id, name, skills, shifts, travel_mode, added_by, added_at";

app::BaseRecord read_base(const SqlResult& result, std::size_t row) {
  app::BaseRecord record;
  record.id = result.integer(row, 0);
  record.details.provider_id = result.integer(row, 1);
  record.details.name = result.text(row, 2);
  record.details.location = care_at_home::GeoPoint{result.integer(row, 3), result.integer(row, 4)};
  record.added_by = result.text(row, 5);
  record.added_at = read_timestamp(result, row, 6);
  return record;
}

json shifts_json(const std::vector<care_at_home::Shift>& shifts) {
  json list = json::array();
  for (const care_at_home::Shift& shift : shifts) {
    list.push_back({{"day", shift.day_of_week}, {"start", shift.start_minute}, {"end", shift.end_minute}});
  }
  return list;
}

app::CarerRecord read_carer(const SqlResult& result, std::size_t row) {
  app::CarerRecord record;
  record.id = result.integer(row, 0);
  record.details.provider_id = result.integer(row, 1);
  record.details.base_id = result.integer(row, 2);
  record.details.name = result.text(row, 3);
  record.details.skills = json::parse(result.text(row, 4)).get<std::vector<std::string>>();
  for (const json& shift : json::parse(result.text(row, 5))) {
    record.details.shifts.push_back(
        care_at_home::Shift{shift.at("day").get<int>(), shift.at("start").get<int>(), shift.at("end").get<int>()});
  }
  record.details.travel_mode = care_at_home::parse_travel_mode(result.text(row, 6)).value_or(care_at_home::TravelMode::kCar);
  record.added_by = result.text(row, 7);
  record.added_at = read_timestamp(result, row, 8);
  return record;
}

class SqlBases final : public app::BaseRepository {
 public:
  explicit SqlBases(SqlConnection& connection) : db_(connection) {}

  Result<app::BaseRecord> add(const app::NewBase& base, const app::Actor& by, app::Timestamp now) override {
    try {
      return with_savepoint(db_, [&] {
        SqlResult inserted = db_.query(
            fmt::format("INSERT INTO provider_bases (provider_id, name, latitude_micro, longitude_micro, added_by, "
                        "agency, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {}",
                        kBaseColumns),
            {sql_int(base.provider_id), sql_text(base.name), sql_int(base.location.latitude_micro),
             sql_int(base.location.longitude_micro), sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
        return Result<app::BaseRecord>(read_base(inserted, 0));
      });
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "name", fmt::format("the provider already has a base called \"{}\"", base.name));
      }
      throw;
    }
  }

  Result<std::vector<app::BaseRecord>> all() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM provider_bases ORDER BY provider_id, name", kBaseColumns), {});
    std::vector<app::BaseRecord> bases;
    for (std::size_t row = 0; row < result.rows.size(); ++row) bases.push_back(read_base(result, row));
    return bases;
  }

 private:
  SqlConnection& db_;
};

class SqlCarers final : public app::CarerRepository {
 public:
  explicit SqlCarers(SqlConnection& connection) : db_(connection) {}

  Result<app::CarerRecord> add(const app::NewCarer& carer, const app::Actor& by, app::Timestamp now) override {
    try {
      return with_savepoint(db_, [&] {
        SqlResult inserted = db_.query(
            fmt::format("INSERT INTO provider_carers (provider_id, base_id, name, skills, shifts, travel_mode, "
                        "added_by, agency, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {}",
                        kCarerColumns),
            {sql_int(carer.provider_id), sql_int(carer.base_id), sql_text(carer.name), sql_text(json(carer.skills).dump()),
             sql_text(shifts_json(carer.shifts).dump()), sql_text(care_at_home::travel_mode_name(carer.travel_mode)),
             sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
        return Result<app::CarerRecord>(read_carer(inserted, 0));
      });
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "name", fmt::format("the provider already has a carer called \"{}\"", carer.name));
      }
      throw;
    }
  }

  Result<std::vector<app::CarerRecord>> all() override {
    return read_all(fmt::format("SELECT {} FROM provider_carers ORDER BY provider_id, id", kCarerColumns), {});
  }

  Result<std::vector<app::CarerRecord>> for_provider(Id provider_id) override {
    return read_all(fmt::format("SELECT {} FROM provider_carers WHERE provider_id = $1 ORDER BY id", kCarerColumns),
                    {sql_int(provider_id)});
  }

 private:
  Result<std::vector<app::CarerRecord>> read_all(const std::string& sql, const std::vector<SqlValue>& values) {
    SqlResult result = db_.query(sql, values);
    std::vector<app::CarerRecord> carers;
    for (std::size_t row = 0; row < result.rows.size(); ++row) carers.push_back(read_carer(result, row));
    return carers;
  }
  SqlConnection& db_;
};

constexpr const char* kOfferSelect =
    "SELECT o.id, o.open_package_id, o.provider_id, o.ranking, o.made_by, o.made_at, a.answer, a.reason, "
    "a.package_id, a.answered_by, a.answered_at FROM care_package_offers o "
    "LEFT JOIN care_package_offer_answers a ON a.offer_id = o.id";

app::OfferRecord read_offer(const SqlResult& result, std::size_t row) {
  app::OfferRecord record;
  record.id = result.integer(row, 0);
  record.open_package_id = result.integer(row, 1);
  record.provider_id = result.integer(row, 2);
  record.ranking = result.text(row, 3);
  record.made_by = result.text(row, 4);
  record.made_at = read_timestamp(result, row, 5);
  if (!result.is_null(row, 6)) {
    record.answer = result.text(row, 6);
    record.reason = result.text(row, 7);
    record.package_id = result.is_null(row, 8) ? 0 : result.integer(row, 8);
    record.answered_by = result.text(row, 9);
    record.answered_at = read_timestamp(result, row, 10);
  }
  return record;
}

class SqlOffers final : public app::OfferRepository {
 public:
  explicit SqlOffers(SqlConnection& connection) : db_(connection) {}

  Result<app::OfferRecord> add(Id open_package_id, Id provider_id, const std::string& ranking, const app::Actor& by,
                               app::Timestamp now) override {
    const Id id = db_.query("INSERT INTO care_package_offers (open_package_id, provider_id, ranking, made_by, agency, "
                            "made_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                            {sql_int(open_package_id), sql_int(provider_id), sql_text(ranking), sql_text(by.username),
                             sql_text(by.agency), sql_timestamp(now)})
                      .integer(0, 0);
    return get(id);
  }

  Result<app::OfferRecord> answer(Id offer_id, const std::string& answer, const std::string& reason, Id package_id,
                                  const app::Actor& by, app::Timestamp now) override {
    try {
      with_savepoint(db_, [&] {
        db_.query("INSERT INTO care_package_offer_answers (offer_id, answer, reason, package_id, answered_by, agency, "
                  "answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                  {sql_int(offer_id), sql_text(answer), sql_text(reason),
                   package_id == 0 ? SqlValue{SqlNull{}} : sql_int(package_id), sql_text(by.username),
                   sql_text(by.agency), sql_timestamp(now)});
        return 0;
      });
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kConflict, "offer", fmt::format("offer {} has been answered already", offer_id));
      }
      throw;
    }
    return get(offer_id);
  }

  Result<std::vector<app::OfferRecord>> all() override {
    SqlResult result = db_.query(fmt::format("{} ORDER BY o.id", kOfferSelect), {});
    std::vector<app::OfferRecord> offers;
    for (std::size_t row = 0; row < result.rows.size(); ++row) offers.push_back(read_offer(result, row));
    return offers;
  }

  Result<app::OfferRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("{} WHERE o.id = $1", kOfferSelect), {sql_int(id)});
    if (result.empty()) return not_found("offer", fmt::format("no offer has id {}", id));
    return read_offer(result, 0);
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_workforce(RepositoryRegistry& registry) {
  registry.add<app::BaseRepository, SqlBases>();
  registry.add<app::CarerRepository, SqlCarers>();
  registry.add<app::OfferRepository, SqlOffers>();
}

}  // namespace allot::storage
