// The audit log every capability writes to (append-only).
#include "allot/storage/audit/audit_storage.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/shared/audit_log.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Timestamp;

constexpr const char* kAuditColumns = "id, at, actor, agency, action, subject, detail";

class SqlAuditLog final : public app::AuditRepository {
 public:
  explicit SqlAuditLog(SqlConnection& connection) : db_(connection) {}

  Result<app::AuditEntry> append(const app::NewAuditEntry& entry, Timestamp now) override {
    SqlResult result = db_.query(fmt::format("INSERT INTO audit_log (at, actor, agency, action, subject, detail) "
                                             "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                             kAuditColumns),
                                 {sql_timestamp(now), sql_text(entry.actor.username), sql_text(entry.actor.agency),
                                  sql_text(entry.action), sql_text(entry.subject), sql_text(entry.detail)});
    return read_entry(result, 0);
  }

  Result<std::vector<app::AuditEntry>> list(const app::AuditQuery& query) override {
    std::string sql = fmt::format("SELECT {} FROM audit_log WHERE 1 = 1", kAuditColumns);
    std::vector<SqlValue> params;
    auto add = [&](const char* condition, SqlValue value) {
      params.push_back(std::move(value));
      sql += fmt::format(" AND {} ${}", condition, params.size());
    };
    if (query.subject) add("subject =", sql_text(*query.subject));
    if (query.actor) add("actor =", sql_text(*query.actor));
    if (query.action) add("action =", sql_text(*query.action));
    if (query.since) add("at >=", sql_timestamp(*query.since));
    if (query.until) add("at <", sql_timestamp(*query.until));
    if (query.before_id) add("id <", sql_int(*query.before_id));
    params.push_back(sql_int(query.limit));
    sql += fmt::format(" ORDER BY id DESC LIMIT ${}", params.size());
    SqlResult result = db_.query(sql, params);
    std::vector<app::AuditEntry> entries;
    for (std::size_t row = 0; row < result.rows.size(); ++row) entries.push_back(read_entry(result, row));
    return entries;
  }

 private:
  static app::AuditEntry read_entry(const SqlResult& result, std::size_t row) {
    return app::AuditEntry{result.integer(row, 0), read_timestamp(result, row, 1), result.text(row, 2),
                           result.text(row, 3),    result.text(row, 4),            result.text(row, 5),
                           result.text(row, 6)};
  }

  SqlConnection& db_;
};

}  // namespace

void register_audit_repositories(RepositoryRegistry& registry) { registry.add<app::AuditRepository, SqlAuditLog>(); }

}  // namespace allot::storage
