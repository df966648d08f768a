// The address gazetteer: each import kept whole; look-ups use the latest.
#include <vector>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/storage/casework/casework_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

constexpr const char* kImportColumns = "id, source_name, addresses, imported_by, agency, imported_at";

app::GazetteerImport read_import(const SqlResult& result, std::size_t row) {
  return app::GazetteerImport{result.integer(row, 0), result.text(row, 1), static_cast<int>(result.integer(row, 2)),
                              result.text(row, 3),    result.text(row, 4), read_timestamp(result, row, 5)};
}

class SqlGazetteer final : public app::GazetteerRepository {
 public:
  explicit SqlGazetteer(SqlConnection& connection) : db_(connection) {}

  Result<app::GazetteerImport> add(std::string_view source_name, const std::vector<app::GazetteerAddress>& addresses,
                                   const app::Actor& by, app::Timestamp now) override {
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO gazetteer_imports (source_name, addresses, imported_by, agency, imported_at) "
                    "VALUES ($1, $2, $3, $4, $5) RETURNING {}",
                    kImportColumns),
        {sql_text(source_name), sql_int(static_cast<std::int64_t>(addresses.size())), sql_text(by.username),
         sql_text(by.agency), sql_timestamp(now)});
    const app::GazetteerImport added = read_import(inserted, 0);
    for (const app::GazetteerAddress& address : addresses) {
      db_.query("INSERT INTO gazetteer_addresses (import_id, line, uprn, postcode, address, latitude, longitude) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {sql_int(added.id), sql_int(address.line), sql_text(address.uprn), sql_text(address.postcode),
                 sql_text(address.address), sql_text(address.latitude), sql_text(address.longitude)});
    }
    return added;
  }

  Result<std::optional<app::GazetteerImport>> latest() override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM gazetteer_imports ORDER BY id DESC LIMIT 1", kImportColumns), {});
    if (result.empty()) return std::optional<app::GazetteerImport>();
    return std::optional<app::GazetteerImport>(read_import(result, 0));
  }

  Result<std::vector<app::GazetteerAddress>> find(std::string_view postcode, std::string_view uprn) override {
    SqlResult result = db_.query(
        "SELECT line, uprn, postcode, address, latitude, longitude FROM gazetteer_addresses "
        "WHERE import_id = (SELECT MAX(id) FROM gazetteer_imports) AND ((postcode = $1 AND $1 <> '') OR "
        "(uprn = $2 AND $2 <> '')) ORDER BY line",
        {sql_text(postcode), sql_text(uprn)});
    std::vector<app::GazetteerAddress> found;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      found.push_back(app::GazetteerAddress{static_cast<int>(result.integer(row, 0)), result.text(row, 1),
                                            result.text(row, 2), result.text(row, 3), result.text(row, 4),
                                            result.text(row, 5)});
    }
    return found;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_gazetteer(RepositoryRegistry& registry) { registry.add<app::GazetteerRepository, SqlGazetteer>(); }

}  // namespace allot::storage
