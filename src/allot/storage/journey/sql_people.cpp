// People's records: details and state as JSON, the columns lists filter on, optimistic concurrency.
#include "allot/storage/journey/journey_storage.h"

#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "allot/app/journey/repositories.h"
#include "allot/app/shared/concurrency.h"
#include "allot/storage/access/access_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;

constexpr const char* kPersonColumns =
    "id, given_name, family_name, nhs_number, client_group, locality, team, stage, cares_for, review_due, "
    "awaiting_panel, has_agreed_budget, details, state, row_version, created_at, updated_at";

app::PersonRecord read_person(const SqlResult& result, std::size_t row) {
  app::PersonRecord person;
  person.id = result.integer(row, 0);
  person.index.given_name = result.text(row, 1);
  person.index.family_name = result.text(row, 2);
  person.index.nhs_number = result.text(row, 3);
  person.index.client_group = result.text(row, 4);
  person.index.locality = result.text(row, 5);
  person.index.team = result.text(row, 6);
  person.index.stage = result.text(row, 7);
  if (!result.is_null(row, 8)) person.index.cares_for = result.integer(row, 8);
  if (!result.is_null(row, 9)) person.index.review_due = read_date(result, row, 9);
  person.index.awaiting_panel = result.integer(row, 10) != 0;
  person.index.has_agreed_budget = result.integer(row, 11) != 0;
  person.details = result.text(row, 12);
  person.state = result.text(row, 13);
  person.row_version = result.integer(row, 14);
  person.created_at = read_timestamp(result, row, 15);
  person.updated_at = read_timestamp(result, row, 16);
  return person;
}

std::vector<SqlValue> index_values(const app::PersonIndex& index) {
  return {sql_text(index.given_name),
          sql_text(index.family_name),
          sql_text(index.nhs_number),
          sql_text(index.client_group),
          sql_text(index.locality),
          sql_text(index.team),
          sql_text(index.stage),
          index.cares_for ? sql_int(*index.cares_for) : SqlValue{SqlNull{}},
          sql_optional_date(index.review_due),
          sql_int(index.awaiting_panel ? 1 : 0),
          sql_int(index.has_agreed_budget ? 1 : 0)};
}

class SqlPeople final : public app::PersonRepository {
 public:
  explicit SqlPeople(SqlConnection& connection) : db_(connection) {}

  Result<app::PersonRecord> add(const app::PersonIndex& index, std::string_view details, std::string_view state,
                                Timestamp now) override {
    std::vector<SqlValue> params = index_values(index);
    params.push_back(sql_text(details));
    params.push_back(sql_text(state));
    params.push_back(sql_timestamp(now));
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(
            fmt::format("INSERT INTO people (given_name, family_name, nhs_number, client_group, locality, team, stage, "
                        "cares_for, review_due, awaiting_panel, has_agreed_budget, details, state, row_version, "
                        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, "
                        "$14, $14) RETURNING {}",
                        kPersonColumns),
            params);
      });
      return read_person(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "cares_for", "the person cared for does not exist");
    }
  }

  Result<app::PersonRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM people WHERE id = $1", kPersonColumns), {sql_int(id)});
    if (result.empty()) return not_found("person", fmt::format("there is no person {}", id));
    return read_person(result, 0);
  }

  Result<app::PersonRecord> update(Id id, std::int64_t expected_row_version, const app::PersonIndex& index,
                                   std::string_view details, std::string_view state, Timestamp now) override {
    std::vector<SqlValue> params = index_values(index);
    params.push_back(sql_text(details));
    params.push_back(sql_text(state));
    params.push_back(sql_timestamp(now));
    params.push_back(sql_int(id));
    params.push_back(sql_int(expected_row_version));
    // Optimistic concurrency (app/shared/concurrency.h).
    SqlResult result = db_.query(
        fmt::format("UPDATE people SET given_name = $1, family_name = $2, nhs_number = $3, client_group = $4, "
                    "locality = $5, team = $6, stage = $7, cares_for = $8, review_due = $9, awaiting_panel = $10, "
                    "has_agreed_budget = $11, details = $12, state = $13, updated_at = $14, "
                    "row_version = row_version + 1 WHERE id = $15 AND row_version = $16 RETURNING {}",
                    kPersonColumns),
        params);
    if (!result.empty()) return read_person(result, 0);
    const std::string record = fmt::format("people/{}", id);
    SqlResult current = db_.query("SELECT row_version FROM people WHERE id = $1", {sql_int(id)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, expected_row_version, current.integer(0, 0))});
  }

  Result<std::vector<app::PersonRecord>> possible_duplicates(std::string_view nhs_number,
                                                             std::optional<Date> date_of_birth, int limit) override {
    std::vector<std::string> conditions;
    std::vector<SqlValue> params;
    if (!nhs_number.empty()) {
      params.push_back(sql_text(nhs_number));
      conditions.push_back(fmt::format("nhs_number = ${}", params.size()));
    }
    if (date_of_birth) {
      // The details column is the JSON details_to_json writes (keys sorted, no
      // spaces), so a date of birth is found as its text; the caller compares the
      // parsed details. _ is escaped for LIKE.
      params.push_back(sql_text(fmt::format("%\"date\\_of\\_birth\":\"{}\"%", date_of_birth->to_string())));
      conditions.push_back(fmt::format("details LIKE ${} ESCAPE '\\'", params.size()));
    }
    std::vector<app::PersonRecord> found;
    if (conditions.empty()) return found;
    params.push_back(sql_int(limit));
    SqlResult result = db_.query(fmt::format("SELECT {} FROM people WHERE {} ORDER BY id LIMIT ${}", kPersonColumns,
                                             fmt::join(conditions, " OR "), params.size()),
                                 params);
    for (std::size_t row = 0; row < result.rows.size(); ++row) found.push_back(read_person(result, row));
    return found;
  }

  Result<app::PersonPage> list(const app::PersonQuery& query) override {
    if (query.limit < 1 || query.limit > 10000 || query.offset < 0) {
      return fail(ErrorCode::kInvalidValue, "limit", "limit must be from 1 to 10000 and offset at least 0");
    }
    std::string where = " WHERE 1 = 1";
    std::vector<SqlValue> params;
    auto add = [&](const std::string& condition, SqlValue value) {
      params.push_back(std::move(value));
      where += fmt::format(" AND {} ${}", condition, params.size());
    };
    if (query.stage) add("stage =", sql_text(*query.stage));
    if (query.locality) add("locality =", sql_text(*query.locality));
    if (query.team) add("team =", sql_text(*query.team));
    if (query.client_group) add("client_group =", sql_text(*query.client_group));
    if (query.review_due_by) add("review_due <=", sql_date(*query.review_due_by));
    if (query.text) {
      // The search text is matched literally: %, _ and \ are escaped for LIKE.
      std::string pattern = "%";
      for (const char ch : *query.text) {
        if (ch == ' ') continue;
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      pattern += "%";
      params.push_back(sql_text(pattern));
      where += fmt::format(" AND (LOWER(given_name || family_name) LIKE ${0} ESCAPE '\\' OR LOWER(family_name || "
                           "given_name) LIKE ${0} ESCAPE '\\' OR nhs_number LIKE ${0} ESCAPE '\\')",
                           params.size());
    }
    if (query.awaiting_panel_only) where += " AND awaiting_panel = 1";
    if (query.agreed_budget_only) where += " AND has_agreed_budget = 1";
    if (query.carers_only) where += " AND cares_for IS NOT NULL";
    if (query.visible) {
      if (query.visible->none) {
        where += " AND 1 = 0";
      } else if (query.visible->only) {
        add("id =", sql_int(*query.visible->only));
      } else if (query.visible->viewer) {
        const app::CareTeamViewer& viewer = *query.visible->viewer;
        params.push_back(sql_int(viewer.user_id));
        params.push_back(sql_int(viewer.agency_id));
        params.push_back(sql_date(viewer.on));
        const int first = static_cast<int>(params.size()) - 2;
        where += " AND " + care_team_condition("people.id", viewer.panel ? "people.awaiting_panel" : "", first,
                                               first + 1, first + 2);
      }
    }
    app::PersonPage page;
    page.total = db_.query("SELECT COUNT(*) FROM people" + where, params).integer(0, 0);
    params.push_back(sql_int(query.limit));
    params.push_back(sql_int(query.offset));
    SqlResult result = db_.query(fmt::format("SELECT {} FROM people{} ORDER BY family_name, given_name, id "
                                             "LIMIT ${} OFFSET ${}",
                                             kPersonColumns, where, params.size() - 1, params.size()),
                                 params);
    for (std::size_t row = 0; row < result.rows.size(); ++row) page.people.push_back(read_person(result, row));
    return page;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_people(RepositoryRegistry& registry) { registry.add<app::PersonRepository, SqlPeople>(); }

}  // namespace allot::storage
