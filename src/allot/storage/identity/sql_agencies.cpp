// Agencies: councils, NHS trusts, providers and third-sector bodies, each with a unique code.
#include "allot/storage/identity/identity_storage.h"

#include <fmt/format.h>

#include "allot/app/identity/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;

constexpr const char* kAgencyColumns = "id, code, name, kind, created_at";

app::Agency read_agency(const SqlResult& result, std::size_t row) {
  app::Agency agency;
  agency.id = result.integer(row, 0);
  agency.code = result.text(row, 1);
  agency.name = result.text(row, 2);
  auto kind = app::parse_agency_kind(result.text(row, 3));
  if (!kind) throw SqlError(SqlFailure::kOther, "stored agency kind \"" + result.text(row, 3) + "\" is unknown");
  agency.kind = *kind;
  agency.created_at = read_timestamp(result, row, 4);
  return agency;
}

class SqlAgencies final : public app::AgencyRepository {
 public:
  explicit SqlAgencies(SqlConnection& connection) : db_(connection) {}

  Result<app::Agency> add(const app::NewAgency& agency, Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO agencies (code, name, kind, created_at) VALUES ($1, $2, $3, $4) "
                                     "RETURNING {}",
                                     kAgencyColumns),
                         {sql_text(agency.code), sql_text(agency.name), sql_text(app::agency_kind_name(agency.kind)),
                          sql_timestamp(now)});
      });
      return read_agency(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kDuplicate, "code", "an agency with code \"" + agency.code + "\" exists");
    }
  }

  Result<app::Agency> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM agencies WHERE id = $1", kAgencyColumns), {sql_int(id)});
    if (result.empty()) return not_found("agency", fmt::format("no agency has id {}", id));
    return read_agency(result, 0);
  }

  Result<app::Agency> find_by_code(std::string_view code) override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM agencies WHERE code = $1", kAgencyColumns), {sql_text(code)});
    if (result.empty()) return not_found("agency", fmt::format("no agency has code \"{}\"", code));
    return read_agency(result, 0);
  }

  Result<std::vector<app::Agency>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM agencies ORDER BY id", kAgencyColumns));
    std::vector<app::Agency> agencies;
    for (std::size_t row = 0; row < result.rows.size(); ++row) agencies.push_back(read_agency(result, row));
    return agencies;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_agencies(RepositoryRegistry& registry) { registry.add<app::AgencyRepository, SqlAgencies>(); }

}  // namespace allot::storage
