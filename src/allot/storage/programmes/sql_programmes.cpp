// Imported grant programmes with their lines and stated totals (append-only).
#include <vector>

#include <fmt/format.h>

#include "allot/app/programmes/repositories.h"
#include "allot/storage/programmes/programmes_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;

constexpr const char* kColumns =
    "p.id, p.name, p.source_name, p.imported_by, p.agency, p.imported_at, "
    "(SELECT COUNT(*) FROM programme_lines l WHERE l.programme_id = p.id)";

app::ProgrammeRecord read_programme(const SqlResult& result, std::size_t row) {
  app::ProgrammeRecord record;
  record.id = result.integer(row, 0);
  record.name = result.text(row, 1);
  record.source_name = result.text(row, 2);
  record.imported_by = result.text(row, 3);
  record.agency = result.text(row, 4);
  record.imported_at = read_timestamp(result, row, 5);
  record.line_count = static_cast<int>(result.integer(row, 6));
  return record;
}

class SqlProgrammes final : public app::ProgrammeRepository {
 public:
  explicit SqlProgrammes(SqlConnection& connection) : db_(connection) {}

  Result<app::ProgrammeRecord> add(const programmes::ProgrammeImport& programme, std::string_view source_name,
                                   const app::Actor& by, app::Timestamp now) override {
    SqlResult inserted = db_.query(
        "INSERT INTO programmes (name, source_name, imported_by, agency, imported_at) VALUES ($1, $2, $3, $4, $5) "
        "RETURNING id",
        {sql_text(programme.programme), sql_text(source_name), sql_text(by.username), sql_text(by.agency),
         sql_timestamp(now)});
    const Id id = inserted.integer(0, 0);
    for (const programmes::ProgrammeLine& line : programme.lines) {
      db_.query("INSERT INTO programme_lines (programme_id, sheet_row, workstream, project, source, financial_year, "
                "amount_pence, confirmed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {sql_int(id), sql_int(line.row), sql_text(line.workstream), sql_text(line.project),
                 sql_text(line.source), sql_text(line.financial_year), sql_int(line.amount.pence()),
                 sql_int(line.confirmed ? 1 : 0)});
    }
    for (const programmes::StatedTotal& total : programme.totals) {
      db_.query("INSERT INTO programme_stated_totals (programme_id, sheet_row, workstream, project, source, "
                "financial_year, amount_pence) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {sql_int(id), sql_int(total.row), sql_text(total.workstream), sql_text(total.project),
                 sql_text(total.source), sql_text(total.financial_year), sql_int(total.amount.pence())});
    }
    return get(id);
  }

  Result<std::vector<app::ProgrammeRecord>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM programmes p ORDER BY p.id DESC", kColumns), {});
    std::vector<app::ProgrammeRecord> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_programme(result, row));
    return all;
  }

  Result<app::ProgrammeRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM programmes p WHERE p.id = $1", kColumns), {sql_int(id)});
    if (result.empty()) return not_found("programme", fmt::format("no programme has id {}", id));
    return read_programme(result, 0);
  }

  Result<std::vector<programmes::ProgrammeLine>> lines(Id id) override {
    SqlResult result = db_.query(
        "SELECT sheet_row, workstream, project, source, financial_year, amount_pence, confirmed FROM programme_lines "
        "WHERE programme_id = $1 ORDER BY sheet_row",
        {sql_int(id)});
    std::vector<programmes::ProgrammeLine> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      all.push_back(programmes::ProgrammeLine{static_cast<int>(result.integer(row, 0)), result.text(row, 1),
                                              result.text(row, 2), result.text(row, 3), result.text(row, 4),
                                              Money::from_pence(result.integer(row, 5)), result.integer(row, 6) != 0});
    }
    return all;
  }

  Result<std::vector<programmes::StatedTotal>> totals(Id id) override {
    SqlResult result = db_.query(
        "SELECT sheet_row, workstream, project, source, financial_year, amount_pence FROM programme_stated_totals "
        "WHERE programme_id = $1 ORDER BY sheet_row",
        {sql_int(id)});
    std::vector<programmes::StatedTotal> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      all.push_back(programmes::StatedTotal{static_cast<int>(result.integer(row, 0)), result.text(row, 1),
                                            result.text(row, 2), result.text(row, 3), result.text(row, 4),
                                            Money::from_pence(result.integer(row, 5))});
    }
    return all;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_programmes(RepositoryRegistry& registry) { registry.add<app::ProgrammeRepository, SqlProgrammes>(); }

}  // namespace allot::storage
