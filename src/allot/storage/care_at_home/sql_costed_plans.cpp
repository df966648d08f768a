// Providers' costed plans for personal budget model packages and the council's
// answers (both append-only); a plan's lines are kept as a JSON document.
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

// The plan with its answer, if any (at most one: decisions are unique per plan).
constexpr const char* kPlanSelect =
    "SELECT p.id, p.package_id, p.version, p.lines, p.total_pence, p.proposed_by, p.proposed_at, d.decision, d.reason, "
    "d.decided_by, d.decided_at FROM care_costed_plans p LEFT JOIN care_costed_plan_decisions d ON d.plan_id = p.id";

json lines_json(const std::vector<app::CostedPlanLine>& lines) {
  json list = json::array();
  for (const app::CostedPlanLine& line : lines) {
    list.push_back({{"what", line.what},
                    {"outcomes", line.outcomes},
                    {"minutes", line.minutes_per_week},
                    {"hourly_pence", line.hourly_rate.pence()},
                    {"fixed_weekly_pence", line.fixed_weekly.pence()},
                    {"cost_pence", line.weekly_cost.pence()}});
  }
  return list;
}

std::vector<app::CostedPlanLine> lines_from(const json& list) {
  std::vector<app::CostedPlanLine> lines;
  for (const json& item : list) {
    app::CostedPlanLine line;
    line.what = item.at("what").get<std::string>();
    line.outcomes = item.at("outcomes").get<std::vector<std::string>>();
    line.minutes_per_week = item.at("minutes").get<int>();
    line.hourly_rate = Money::from_pence(item.at("hourly_pence").get<std::int64_t>());
    line.fixed_weekly = Money::from_pence(item.at("fixed_weekly_pence").get<std::int64_t>());
    line.weekly_cost = Money::from_pence(item.at("cost_pence").get<std::int64_t>());
    lines.push_back(std::move(line));
  }
  return lines;
}

app::CostedPlanRecord read_plan(const SqlResult& result, std::size_t row) {
  app::CostedPlanRecord record;
  record.id = result.integer(row, 0);
  record.package_id = result.integer(row, 1);
  record.version = static_cast<int>(result.integer(row, 2));
  record.lines = lines_from(json::parse(result.text(row, 3)));
  record.total = Money::from_pence(result.integer(row, 4));
  record.proposed_by = result.text(row, 5);
  record.proposed_at = read_timestamp(result, row, 6);
  if (!result.is_null(row, 7)) {
    record.decision = result.text(row, 7);
    record.reason = result.text(row, 8);
    record.decided_by = result.text(row, 9);
    record.decided_at = read_timestamp(result, row, 10);
  }
  return record;
}

class SqlCostedPlans final : public app::CostedPlanRepository {
 public:
  explicit SqlCostedPlans(SqlConnection& connection) : db_(connection) {}

  Result<app::CostedPlanRecord> add(Id package_id, int version, const std::vector<app::CostedPlanLine>& lines,
                                    Money total, const app::Actor& by, app::Timestamp now) override {
    SqlResult taken = db_.query("SELECT id FROM care_costed_plans WHERE package_id = $1 AND version = $2",
                                {sql_int(package_id), sql_int(version)});
    if (!taken.empty()) {
      return tl::unexpected<Issues>(Issues{{ErrorCode::kConflict, "package",
                                            fmt::format("version {} of this package's costed plan was proposed "
                                                        "meanwhile; look again and propose once more",
                                                        version)}});
    }
    SqlResult inserted = db_.query(
        "INSERT INTO care_costed_plans (package_id, version, lines, total_pence, proposed_by, agency, proposed_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {sql_int(package_id), sql_int(version), sql_text(lines_json(lines).dump()), sql_int(total.pence()),
         sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    return get(inserted.integer(0, 0));
  }

  Result<app::CostedPlanRecord> decide(Id plan_id, const std::string& decision, const std::string& reason,
                                       const app::Actor& by, app::Timestamp now) override {
    SqlResult answered = db_.query("SELECT decision FROM care_costed_plan_decisions WHERE plan_id = $1", {sql_int(plan_id)});
    if (!answered.empty()) {
      return tl::unexpected<Issues>(Issues{{ErrorCode::kConflict, "plan",
                                            fmt::format("costed plan {} is already {}", plan_id,
                                                        answered.text(0, 0) == "agreed" ? "agreed" : "sent back")}});
    }
    db_.query("INSERT INTO care_costed_plan_decisions (plan_id, decision, reason, decided_by, agency, decided_at) "
              "VALUES ($1, $2, $3, $4, $5, $6)",
              {sql_int(plan_id), sql_text(decision), sql_text(reason), sql_text(by.username), sql_text(by.agency),
               sql_timestamp(now)});
    return get(plan_id);
  }

  Result<std::vector<app::CostedPlanRecord>> for_package(Id package_id) override {
    SqlResult result =
        db_.query(fmt::format("{} WHERE p.package_id = $1 ORDER BY p.version", kPlanSelect), {sql_int(package_id)});
    std::vector<app::CostedPlanRecord> plans;
    for (std::size_t row = 0; row < result.rows.size(); ++row) plans.push_back(read_plan(result, row));
    return plans;
  }

  Result<std::vector<app::CostedPlanRecord>> all() override {
    SqlResult result = db_.query(fmt::format("{} ORDER BY p.package_id, p.version", kPlanSelect), {});
    std::vector<app::CostedPlanRecord> plans;
    for (std::size_t row = 0; row < result.rows.size(); ++row) plans.push_back(read_plan(result, row));
    return plans;
  }

  Result<app::CostedPlanRecord> get(Id plan_id) override {
    SqlResult result = db_.query(fmt::format("{} WHERE p.id = $1", kPlanSelect), {sql_int(plan_id)});
    if (result.empty()) return not_found("plan", fmt::format("no costed plan has id {}", plan_id));
    return read_plan(result, 0);
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_costed_plans(RepositoryRegistry& registry) { registry.add<app::CostedPlanRepository, SqlCostedPlans>(); }

}  // namespace allot::storage
