// API tokens, keyed by the hash of their token; revoking one keeps the row.
#include "allot/storage/identity/identity_storage.h"

#include <vector>

#include <fmt/format.h>

#include "allot/app/identity/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;
using app::Unit;

constexpr const char* kTokenColumns = "id, token_hash, user_id, label, created_at, expires_at, revoked_at";

app::ApiTokenRecord read_token(const SqlResult& result, std::size_t row) {
  return app::ApiTokenRecord{result.integer(row, 0),
                             result.text(row, 1),
                             result.integer(row, 2),
                             result.text(row, 3),
                             read_timestamp(result, row, 4),
                             read_optional_timestamp(result, row, 5),
                             read_optional_timestamp(result, row, 6)};
}

class SqlApiTokens final : public app::ApiTokenRepository {
 public:
  explicit SqlApiTokens(SqlConnection& connection) : db_(connection) {}

  Result<app::ApiTokenRecord> add(const app::ApiTokenRecord& token) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO api_tokens (token_hash, user_id, label, created_at, expires_at, "
                                     "revoked_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                     kTokenColumns),
                         {sql_text(token.token_hash), sql_int(token.user_id), sql_text(token.label),
                          sql_timestamp(token.created_at), sql_optional_timestamp(token.expires_at),
                          sql_optional_timestamp(token.revoked_at)});
      });
      return read_token(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "token", "a token with this hash exists");
      }
      if (error.failure() == SqlFailure::kForeignKeyViolation) {
        return fail(ErrorCode::kUnknownReference, "user_id", fmt::format("no user has id {}", token.user_id));
      }
      throw;
    }
  }

  Result<app::ApiTokenRecord> find(std::string_view token_hash) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM api_tokens WHERE token_hash = $1", kTokenColumns),
                                 {sql_text(token_hash)});
    if (result.empty()) return not_found("token", "no such token");
    return read_token(result, 0);
  }

  Result<Unit> revoke(Id token_id, Timestamp now) override {
    SqlResult result = db_.query("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2",
                                 {sql_timestamp(now), sql_int(token_id)});
    if (result.changed == 0) return not_found("token", fmt::format("no token has id {}", token_id));
    return Unit{};
  }

  Result<std::vector<app::ApiTokenRecord>> list_for_user(Id user_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM api_tokens WHERE user_id = $1 ORDER BY id", kTokenColumns),
                                 {sql_int(user_id)});
    std::vector<app::ApiTokenRecord> tokens;
    for (std::size_t row = 0; row < result.rows.size(); ++row) tokens.push_back(read_token(result, row));
    return tokens;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_sql_api_tokens(RepositoryRegistry& registry) { registry.add<app::ApiTokenRepository, SqlApiTokens>(); }

}  // namespace allot::storage
