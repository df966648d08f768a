// Published charging rules versions (immutable).
#include <vector>

#include <fmt/format.h>

#include "allot/app/charging/repositories.h"
#include "allot/storage/charging/charging_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Unit;

constexpr const char* kColumns = "rules_id, version, title, effective_from, document, published_by, published_at";

app::ChargingRulesVersion read_rules(const SqlResult& result, std::size_t row) {
  app::ChargingRulesVersion rules;
  rules.rules_id = result.text(row, 0);
  rules.version = static_cast<int>(result.integer(row, 1));
  rules.title = result.text(row, 2);
  rules.effective_from = read_date(result, row, 3);
  rules.document = result.text(row, 4);
  rules.published_by = result.text(row, 5);
  rules.published_at = read_timestamp(result, row, 6);
  return rules;
}

class SqlChargingRules final : public app::ChargingRulesRepository {
 public:
  explicit SqlChargingRules(SqlConnection& connection) : db_(connection) {}

  Result<Unit> publish(const app::ChargingRulesVersion& rules) override {
    try {
      with_savepoint(db_, [&] {
        db_.query(fmt::format("INSERT INTO charging_rules_versions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7)", kColumns),
                  {sql_text(rules.rules_id), sql_int(rules.version), sql_text(rules.title),
                   sql_date(rules.effective_from), sql_text(rules.document), sql_text(rules.published_by),
                   sql_timestamp(rules.published_at)});
      });
      return Unit{};
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("charging rules \"{}\" version {} are already published and cannot change; publish a "
                              "new version instead",
                              rules.rules_id, rules.version));
    }
  }

  Result<app::ChargingRulesVersion> get(std::string_view rules_id, int version) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM charging_rules_versions WHERE rules_id = $1 AND version = $2", kColumns),
        {sql_text(rules_id), sql_int(version)});
    if (result.empty()) {
      return not_found("rules", fmt::format("charging rules \"{}\" version {} were never published", rules_id, version));
    }
    return read_rules(result, 0);
  }

  Result<app::ChargingRulesVersion> latest(std::string_view rules_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM charging_rules_versions WHERE rules_id = $1 ORDER BY version DESC LIMIT 1", kColumns),
        {sql_text(rules_id)});
    if (result.empty()) return not_found("rules", fmt::format("charging rules \"{}\" were never published", rules_id));
    return read_rules(result, 0);
  }

  Result<std::vector<app::ChargingRulesVersion>> list_versions() override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM charging_rules_versions ORDER BY rules_id, version", kColumns), {});
    std::vector<app::ChargingRulesVersion> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_rules(result, row));
    return all;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_charging_rules(RepositoryRegistry& registry) {
  registry.add<app::ChargingRulesRepository, SqlChargingRules>();
}

}  // namespace allot::storage
