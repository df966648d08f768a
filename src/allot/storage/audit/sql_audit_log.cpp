// The audit log every capability writes to (append-only, hash-chained).
#include "allot/storage/audit/audit_storage.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/audit_writer.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Timestamp;

constexpr const char* kAuditColumns =
    "id, at, actor, agency, action, subject, detail, roles, people, reason, seq, hash";

// The chain's head as one transaction sees it. Taking it with an UPDATE locks the
// row until the transaction ends (PostgreSQL; SQLite writers are serialised
// already), so two transactions can never chain after the same entry.
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

ChainHead take_head(SqlConnection& db, std::int64_t count) {
  SqlResult head = db.query("UPDATE audit_chain SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash", {sql_int(count)});
  if (head.empty()) {
    // The first entry of the chain: everything already in the log came before it.
    db.query("INSERT INTO audit_chain (id, seq, hash, chained_after) SELECT 1, 0, '', COALESCE(MAX(id), 0) "
             "FROM audit_log WHERE true ON CONFLICT DO NOTHING");
    head = db.query("UPDATE audit_chain SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash", {sql_int(count)});
  }
  if (head.empty()) throw SqlError(SqlFailure::kOther, "audit_chain has no head row");
  return ChainHead{head.integer(0, 0) - count, head.text(0, 1)};
}

class SqlAuditLog final : public app::AuditRepository {
 public:
  explicit SqlAuditLog(SqlConnection& connection) : db_(connection) {}

  Result<app::AuditEntry> append(const app::NewAuditEntry& entry, Timestamp now) override {
    ChainHead head = take_head(db_, 1);
    app::AuditEntry chained = chain(entry, now, head);
    SqlResult result = db_.query(fmt::format("{} RETURNING {}", kInsert, kAuditColumns), insert_values(chained));
    db_.query("UPDATE audit_chain SET hash = $1 WHERE id = 1", {sql_text(head.hash)});
    return read_entry(result, 0);
  }

  Result<app::Unit> append_all(const std::vector<std::pair<app::NewAuditEntry, Timestamp>>& entries) override {
    if (entries.empty()) return app::Unit{};
    ChainHead head = take_head(db_, static_cast<std::int64_t>(entries.size()));
    for (const auto& [entry, at] : entries) db_.query(kInsert, insert_values(chain(entry, at, head)));
    db_.query("UPDATE audit_chain SET hash = $1 WHERE id = 1", {sql_text(head.hash)});
    return app::Unit{};
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
    if (query.person) {
      params.push_back(sql_text(fmt::format("person:{}", *query.person)));
      params.push_back(sql_text(fmt::format("%,{},%", *query.person)));
      sql += fmt::format(" AND (subject = ${} OR people LIKE ${})", params.size() - 1, params.size());
    }
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

  Result<app::AuditChainReport> verify() override {
    // The head and the entries must come from one snapshot: under PostgreSQL's
    // default READ COMMITTED each statement would see the writes committed
    // since the last one. This is the transaction's first statement.
    if (db_.dialect() == Dialect::kPostgres) db_.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    return verify_audit_chain(db_);
  }

 private:
  static constexpr const char* kInsert =
      "INSERT INTO audit_log (at, actor, agency, action, subject, detail, roles, people, reason, seq, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

  // The entry as it joins the chain after `head`, which moves on to it.
  static app::AuditEntry chain(const app::NewAuditEntry& entry, Timestamp at, ChainHead& head) {
    app::AuditEntry chained;
    chained.at = at;
    chained.actor = entry.actor.username;
    chained.agency = entry.actor.agency;
    chained.action = entry.action;
    chained.subject = entry.subject;
    chained.detail = entry.detail;
    chained.roles = entry.roles;
    // Entries written inside a request's transaction name only an Actor; the
    // request's scope knows the roles.
    if (chained.roles.empty()) {
      if (const app::AuditScope* scope = app::current_audit_scope(); scope != nullptr) chained.roles = scope->roles();
    }
    chained.people = entry.people;
    chained.reason = entry.reason;
    chained.seq = head.seq + 1;
    chained.hash = app::audit_entry_hash(head.hash, chained);
    head.seq = chained.seq;
    head.hash = chained.hash;
    return chained;
  }

  static std::vector<SqlValue> insert_values(const app::AuditEntry& entry) {
    return {sql_timestamp(entry.at), sql_text(entry.actor),  sql_text(entry.agency), sql_text(entry.action),
            sql_text(entry.subject), sql_text(entry.detail), sql_text(entry.roles),  sql_text(entry.people),
            sql_text(entry.reason),  sql_int(entry.seq),     sql_text(entry.hash)};
  }

  static app::AuditEntry read_entry(const SqlResult& result, std::size_t row) {
    app::AuditEntry entry{result.integer(row, 0), read_timestamp(result, row, 1), result.text(row, 2),
                          result.text(row, 3),    result.text(row, 4),            result.text(row, 5),
                          result.text(row, 6),    result.text(row, 7),            result.text(row, 8),
                          result.text(row, 9)};
    entry.seq = result.is_null(row, 10) ? 0 : result.integer(row, 10);
    entry.hash = result.optional_text(row, 11).value_or("");
    return entry;
  }

  SqlConnection& db_;
};

}  // namespace

Result<app::AuditChainReport> verify_audit_chain(SqlConnection& db) {
  app::AuditChainReport report;
  auto problem = [&](std::string text) {
    report.ok = false;
    if (report.problems.size() < 20) report.problems.push_back(std::move(text));
  };
  SqlResult head = db.query("SELECT seq, hash, chained_after FROM audit_chain WHERE id = 1");
  // No head: nothing has been chained yet, so every entry came before the chain.
  const std::int64_t head_seq = head.empty() ? 0 : head.integer(0, 0);
  const std::string head_hash = head.empty() ? "" : head.text(0, 1);
  const std::int64_t chained_after =
      head.empty() ? db.query("SELECT COALESCE(MAX(id), 0) FROM audit_log").integer(0, 0) : head.integer(0, 2);
  report.before_chain =
      db.query("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL AND id <= $1", {sql_int(chained_after)}).integer(0, 0);
  SqlResult outside = db.query("SELECT id FROM audit_log WHERE seq IS NULL AND id > $1 ORDER BY id LIMIT 20",
                               {sql_int(chained_after)});
  for (std::size_t row = 0; row < outside.rows.size(); ++row) {
    problem(fmt::format("entry id {} has no place in the chain: it was added or altered outside Allot",
                        outside.integer(row, 0)));
  }
  // Walk the chain in pages by seq: each entry's hash is recomputed from the one
  // before, so a changed entry breaks its own hash, a removed one leaves a gap in
  // seq, and a reordered pair breaks both hashes.
  std::string previous;
  std::int64_t expected_seq = 1;
  std::int64_t after = 0;
  constexpr std::int64_t kPage = 5000;
  while (true) {
    SqlResult page = db.query(fmt::format("SELECT {} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2", kAuditColumns),
                              {sql_int(after), sql_int(kPage)});
    for (std::size_t row = 0; row < page.rows.size(); ++row) {
      app::AuditEntry entry;
      entry.id = page.integer(row, 0);
      const std::string at_text = page.is_null(row, 1) ? "" : page.text(row, 1);
      std::optional<Timestamp> at = app::parse_timestamp(at_text);
      entry.actor = page.text(row, 2);
      entry.agency = page.text(row, 3);
      entry.action = page.text(row, 4);
      entry.subject = page.text(row, 5);
      entry.detail = page.text(row, 6);
      entry.roles = page.text(row, 7);
      entry.people = page.text(row, 8);
      entry.reason = page.text(row, 9);
      entry.seq = page.integer(row, 10);
      const std::string stored = page.optional_text(row, 11).value_or("");
      if (entry.seq != expected_seq) {
        problem(fmt::format("entries {} to {} of the chain are missing (next is id {} at seq {})", expected_seq,
                            entry.seq - 1, entry.id, entry.seq));
        // Carry on from here, so later damage is reported too.
        previous = stored;
      } else if (!at) {
        problem(fmt::format("entry id {} (seq {}): its time \"{}\" was changed", entry.id, entry.seq, at_text));
        previous = stored;
      } else {
        entry.at = *at;
        const std::string recomputed = app::audit_entry_hash(previous, entry);
        if (recomputed != stored) {
          problem(fmt::format("entry id {} (seq {}) does not match its hash: it, or the entry before it, was changed, "
                              "removed or moved",
                              entry.id, entry.seq));
        }
        previous = stored;
      }
      expected_seq = entry.seq + 1;
      after = entry.seq;
      ++report.entries;
    }
    if (static_cast<std::int64_t>(page.rows.size()) < kPage) break;
  }
  if (after != head_seq) {
    problem(fmt::format("the chain ends at seq {} but its head says {}: entries at the end were removed", after, head_seq));
  } else if (previous != head_hash) {
    problem(fmt::format("the last entry (seq {}) does not match the chain's head hash", after));
  }
  report.head_seq = head_seq;
  report.head_hash = head_hash;
  return report;
}

void check_audit_chain(SqlConnection& db, bool& ok, std::vector<std::string>& lines) {
  // One snapshot, while servers may still be writing (see verify()).
  db.execute_script(db.dialect() == Dialect::kPostgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  Result<app::AuditChainReport> report = [&]() -> Result<app::AuditChainReport> {
    try {
      Result<app::AuditChainReport> walked = verify_audit_chain(db);
      db.execute_script("COMMIT");
      return walked;
    } catch (const SqlError&) {
      db.execute_script("ROLLBACK");
      throw;
    }
  }();
  if (!report) {
    ok = false;
    lines.push_back("audit chain: " + report.error().front().message);
    return;
  }
  if (report->ok) {
    lines.push_back(fmt::format("audit chain: {} entries verified, head {} at seq {}{}", report->entries,
                                report->head_hash.empty() ? "(empty)" : report->head_hash, report->head_seq,
                                report->before_chain > 0
                                    ? fmt::format(" ({} earlier entries written before the chain began)",
                                                  report->before_chain)
                                    : ""));
    return;
  }
  ok = false;
  lines.push_back(fmt::format("audit chain: BROKEN after checking {} entries", report->entries));
  for (const std::string& text : report->problems) lines.push_back("audit chain: " + text);
}

void register_audit_repositories(RepositoryRegistry& registry) { registry.add<app::AuditRepository, SqlAuditLog>(); }

}  // namespace allot::storage
