// Sign-in sessions, keyed by the hash of their token.
#include "allot/storage/identity/identity_storage.h"

#include <fmt/format.h>

#include "allot/app/identity/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;
using app::Unit;

class SqlSessions final : public app::SessionRepository {
 public:
  explicit SqlSessions(SqlConnection& connection) : db_(connection) {}

  Result<Unit> add(const app::SessionRecord& session) override {
    try {
      with_savepoint(db_, [&] {
        db_.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
                  "VALUES ($1, $2, $3, $4, $5)",
                  {sql_text(session.token_hash), sql_int(session.user_id), sql_text(session.csrf_token),
                   sql_timestamp(session.created_at), sql_timestamp(session.expires_at)});
      });
      return Unit{};
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "session", "a session with this token exists");
      }
      if (error.failure() == SqlFailure::kForeignKeyViolation) {
        return fail(ErrorCode::kUnknownReference, "user_id", fmt::format("no user has id {}", session.user_id));
      }
      throw;
    }
  }

  Result<app::SessionRecord> find(std::string_view token_hash) override {
    SqlResult result = db_.query(
        "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = $1",
        {sql_text(token_hash)});
    if (result.empty()) return not_found("session", "no such session");
    return app::SessionRecord{result.text(0, 0), result.integer(0, 1), result.text(0, 2), read_timestamp(result, 0, 3),
                              read_timestamp(result, 0, 4)};
  }

  Result<Unit> remove(std::string_view token_hash) override {
    db_.query("DELETE FROM sessions WHERE token_hash = $1", {sql_text(token_hash)});
    return Unit{};
  }

  Result<std::int64_t> remove_for_user(Id user_id) override {
    return db_.query("DELETE FROM sessions WHERE user_id = $1", {sql_int(user_id)}).changed;
  }

  Result<std::int64_t> remove_expired(Timestamp now) override {
    return db_.query("DELETE FROM sessions WHERE expires_at <= $1", {sql_timestamp(now)}).changed;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_sessions(RepositoryRegistry& registry) { registry.add<app::SessionRepository, SqlSessions>(); }

}  // namespace allot::storage
