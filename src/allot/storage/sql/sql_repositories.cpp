#include "allot/storage/sql/sql_repositories.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>

#include <fmt/format.h>

#include "allot/app/shared/concurrency.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;
using app::Unit;

std::string ts(Timestamp at) { return app::format_timestamp(at); }

Timestamp read_ts(const SqlResult& result, std::size_t row, std::size_t column) {
  const std::string& text = result.text(row, column);
  auto parsed = app::parse_timestamp(text);
  if (!parsed) throw SqlError(SqlFailure::kOther, "stored timestamp \"" + text + "\" is not ISO 8601 UTC");
  return *parsed;
}

std::optional<Timestamp> read_optional_ts(const SqlResult& result, std::size_t row, std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return read_ts(result, row, column);
}

SqlValue optional_ts(const std::optional<Timestamp>& at) {
  return at ? sql_text(ts(*at)) : SqlValue{SqlNull{}};
}

tl::unexpected<Issues> not_found(std::string path, std::string message) {
  return fail(ErrorCode::kNotFound, std::move(path), std::move(message));
}

// ---------------------------------------------------------------- agencies

constexpr const char* kAgencyColumns = "id, code, name, kind, created_at";

app::Agency read_agency(const SqlResult& result, std::size_t row) {
  app::Agency agency;
  agency.id = result.integer(row, 0);
  agency.code = result.text(row, 1);
  agency.name = result.text(row, 2);
  auto kind = app::parse_agency_kind(result.text(row, 3));
  if (!kind) throw SqlError(SqlFailure::kOther, "stored agency kind \"" + result.text(row, 3) + "\" is unknown");
  agency.kind = *kind;
  agency.created_at = read_ts(result, row, 4);
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
                          sql_text(ts(now))});
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

// ---------------------------------------------------------------- users

constexpr const char* kUserColumns = "id, username, display_name, agency_id, active, created_at, password_hash";

void sort_roles(std::vector<app::Role>& roles) {
  const auto& order = app::all_roles();
  auto rank = [&](app::Role role) { return std::find(order.begin(), order.end(), role) - order.begin(); };
  std::sort(roles.begin(), roles.end(), [&](app::Role a, app::Role b) { return rank(a) < rank(b); });
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
}

app::User read_user(const SqlResult& result, std::size_t row) {
  app::User user;
  user.id = result.integer(row, 0);
  user.username = result.text(row, 1);
  user.display_name = result.text(row, 2);
  user.agency_id = result.integer(row, 3);
  user.active = result.integer(row, 4) != 0;
  user.created_at = read_ts(result, row, 5);
  return user;
}

class SqlUsers final : public app::UserRepository {
 public:
  explicit SqlUsers(SqlConnection& connection) : db_(connection) {}

  Result<app::User> add(const app::NewUserRecord& user, Timestamp now) override {
    std::vector<app::Role> roles = user.roles;
    sort_roles(roles);
    try {
      Id id = with_savepoint(db_, [&] {
        SqlResult inserted = db_.query(
            "INSERT INTO users (username, display_name, agency_id, password_hash, active, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING id",
            {sql_text(user.username), sql_text(user.display_name), sql_int(user.agency_id),
             sql_text(user.password_hash), sql_text(ts(now))});
        const Id new_id = inserted.integer(0, 0);
        for (app::Role role : roles) {
          db_.query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
                    {sql_int(new_id), sql_text(app::role_name(role))});
        }
        return new_id;
      });
      return get(id);
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kUniqueViolation) {
        return fail(ErrorCode::kDuplicate, "username", "the username \"" + user.username + "\" is taken");
      }
      if (error.failure() == SqlFailure::kForeignKeyViolation) {
        return fail(ErrorCode::kUnknownReference, "agency_id", fmt::format("no agency has id {}", user.agency_id));
      }
      throw;
    }
  }

  Result<app::User> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM users WHERE id = $1", kUserColumns), {sql_int(id)});
    if (result.empty()) return not_found("user", fmt::format("no user has id {}", id));
    app::User user = read_user(result, 0);
    user.roles = roles_of(user.id);
    return user;
  }

  Result<app::UserCredentials> find_credentials(std::string_view username) override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM users WHERE username = $1", kUserColumns), {sql_text(username)});
    if (result.empty()) return not_found("user", fmt::format("no user is called \"{}\"", username));
    app::UserCredentials credentials{read_user(result, 0), result.text(0, 6)};
    credentials.user.roles = roles_of(credentials.user.id);
    return credentials;
  }

  Result<std::vector<app::User>> list() override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM users ORDER BY username", kUserColumns));
    SqlResult roles = db_.query("SELECT user_id, role FROM user_roles");
    std::map<Id, std::vector<app::Role>> by_user;
    for (std::size_t row = 0; row < roles.rows.size(); ++row) {
      by_user[roles.integer(row, 0)].push_back(parse_stored_role(roles.text(row, 1)));
    }
    std::vector<app::User> users;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      app::User user = read_user(result, row);
      user.roles = std::move(by_user[user.id]);
      sort_roles(user.roles);
      users.push_back(std::move(user));
    }
    return users;
  }

  Result<Unit> set_password_hash(Id user_id, std::string_view password_hash, Timestamp now) override {
    SqlResult result = db_.query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3",
                                 {sql_text(password_hash), sql_text(ts(now)), sql_int(user_id)});
    if (result.changed == 0) return not_found("user", fmt::format("no user has id {}", user_id));
    return Unit{};
  }

  Result<Unit> set_active(Id user_id, bool active, Timestamp now) override {
    SqlResult result = db_.query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3",
                                 {sql_int(active ? 1 : 0), sql_text(ts(now)), sql_int(user_id)});
    if (result.changed == 0) return not_found("user", fmt::format("no user has id {}", user_id));
    return Unit{};
  }

  Result<std::int64_t> count() override { return db_.query("SELECT COUNT(*) FROM users").integer(0, 0); }

 private:
  static app::Role parse_stored_role(const std::string& name) {
    auto role = app::parse_role(name);
    if (!role) throw SqlError(SqlFailure::kOther, "stored role \"" + name + "\" is unknown");
    return *role;
  }

  std::vector<app::Role> roles_of(Id user_id) {
    SqlResult result = db_.query("SELECT role FROM user_roles WHERE user_id = $1", {sql_int(user_id)});
    std::vector<app::Role> roles;
    for (std::size_t row = 0; row < result.rows.size(); ++row) roles.push_back(parse_stored_role(result.text(row, 0)));
    sort_roles(roles);
    return roles;
  }

  SqlConnection& db_;
};

// ---------------------------------------------------------------- sessions

class SqlSessions final : public app::SessionRepository {
 public:
  explicit SqlSessions(SqlConnection& connection) : db_(connection) {}

  Result<Unit> add(const app::SessionRecord& session) override {
    try {
      with_savepoint(db_, [&] {
        db_.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
                  "VALUES ($1, $2, $3, $4, $5)",
                  {sql_text(session.token_hash), sql_int(session.user_id), sql_text(session.csrf_token),
                   sql_text(ts(session.created_at)), sql_text(ts(session.expires_at))});
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
    return app::SessionRecord{result.text(0, 0), result.integer(0, 1), result.text(0, 2), read_ts(result, 0, 3),
                              read_ts(result, 0, 4)};
  }

  Result<Unit> remove(std::string_view token_hash) override {
    db_.query("DELETE FROM sessions WHERE token_hash = $1", {sql_text(token_hash)});
    return Unit{};
  }

  Result<std::int64_t> remove_for_user(Id user_id) override {
    return db_.query("DELETE FROM sessions WHERE user_id = $1", {sql_int(user_id)}).changed;
  }

  Result<std::int64_t> remove_expired(Timestamp now) override {
    return db_.query("DELETE FROM sessions WHERE expires_at <= $1", {sql_text(ts(now))}).changed;
  }

 private:
  SqlConnection& db_;
};

// ---------------------------------------------------------------- API tokens

constexpr const char* kTokenColumns = "id, token_hash, user_id, label, created_at, expires_at, revoked_at";

app::ApiTokenRecord read_token(const SqlResult& result, std::size_t row) {
  return app::ApiTokenRecord{result.integer(row, 0),       result.text(row, 1),
                             result.integer(row, 2),       result.text(row, 3),
                             read_ts(result, row, 4),      read_optional_ts(result, row, 5),
                             read_optional_ts(result, row, 6)};
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
                          sql_text(ts(token.created_at)), optional_ts(token.expires_at),
                          optional_ts(token.revoked_at)});
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
                                 {sql_text(ts(now)), sql_int(token_id)});
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

// ---------------------------------------------------------------- rulebooks

constexpr const char* kRulebookColumns =
    "rulebook_id, version, title, effective_from, document, published_by, published_at";

app::RulebookVersion read_rulebook(const SqlResult& result, std::size_t row) {
  app::RulebookVersion rulebook;
  rulebook.rulebook_id = result.text(row, 0);
  rulebook.version = static_cast<int>(result.integer(row, 1));
  rulebook.title = result.text(row, 2);
  auto date = Date::parse(result.text(row, 3));
  if (!date) throw SqlError(SqlFailure::kOther, "stored effective_from \"" + result.text(row, 3) + "\" is not a date");
  rulebook.effective_from = *date;
  rulebook.document = result.text(row, 4);
  rulebook.published_by = result.text(row, 5);
  rulebook.published_at = read_ts(result, row, 6);
  return rulebook;
}

constexpr const char* kDraftColumns = "rulebook_id, document, row_version, updated_by, updated_at";

app::RulebookDraft read_draft(const SqlResult& result, std::size_t row) {
  return app::RulebookDraft{result.text(row, 0), result.text(row, 1), result.integer(row, 2), result.text(row, 3),
                            read_ts(result, row, 4)};
}

class SqlRulebooks final : public app::RulebookRepository {
 public:
  explicit SqlRulebooks(SqlConnection& connection) : db_(connection) {}

  Result<Unit> publish(const app::RulebookVersion& rulebook) override {
    try {
      with_savepoint(db_, [&] {
        db_.query(fmt::format("INSERT INTO rulebook_versions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                              kRulebookColumns),
                  {sql_text(rulebook.rulebook_id), sql_int(rulebook.version), sql_text(rulebook.title),
                   sql_text(rulebook.effective_from.to_string()), sql_text(rulebook.document),
                   sql_text(rulebook.published_by), sql_text(ts(rulebook.published_at))});
      });
      return Unit{};
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("rulebook \"{}\" version {} is already published and cannot change; publish a new "
                              "version instead",
                              rulebook.rulebook_id, rulebook.version));
    }
  }

  Result<app::RulebookVersion> get(std::string_view rulebook_id, int version) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM rulebook_versions WHERE rulebook_id = $1 AND version = $2", kRulebookColumns),
        {sql_text(rulebook_id), sql_int(version)});
    if (result.empty()) {
      return not_found("rulebook", fmt::format("rulebook \"{}\" version {} was never published", rulebook_id, version));
    }
    return read_rulebook(result, 0);
  }

  Result<app::RulebookVersion> latest(std::string_view rulebook_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM rulebook_versions WHERE rulebook_id = $1 "
                                             "ORDER BY version DESC LIMIT 1",
                                             kRulebookColumns),
                                 {sql_text(rulebook_id)});
    if (result.empty()) return not_found("rulebook", fmt::format("rulebook \"{}\" was never published", rulebook_id));
    return read_rulebook(result, 0);
  }

  Result<std::vector<app::RulebookVersion>> list_versions() override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM rulebook_versions ORDER BY rulebook_id, version", kRulebookColumns));
    std::vector<app::RulebookVersion> rulebooks;
    for (std::size_t row = 0; row < result.rows.size(); ++row) rulebooks.push_back(read_rulebook(result, row));
    return rulebooks;
  }

  Result<app::RulebookDraft> save_draft(std::string_view rulebook_id, std::string_view document,
                                        std::optional<std::int64_t> expected_row_version, std::string_view updated_by,
                                        Timestamp now) override {
    const std::string record = fmt::format("rulebook_drafts/{}", rulebook_id);
    if (!expected_row_version) {
      try {
        SqlResult result = with_savepoint(db_, [&] {
          return db_.query(fmt::format("INSERT INTO rulebook_drafts ({}) VALUES ($1, $2, 1, $3, $4) RETURNING {}",
                                       kDraftColumns, kDraftColumns),
                           {sql_text(rulebook_id), sql_text(document), sql_text(updated_by), sql_text(ts(now))});
        });
        return read_draft(result, 0);
      } catch (const SqlError& error) {
        if (error.failure() != SqlFailure::kUniqueViolation) throw;
        return fail(ErrorCode::kConflict, record, "a draft exists already; load it and save with its version");
      }
    }
    // Optimistic concurrency (app/concurrency.h): change the row only if nobody
    // saved since the caller read it.
    SqlResult result = db_.query(
        fmt::format("UPDATE rulebook_drafts SET document = $1, row_version = row_version + 1, updated_by = $2, "
                    "updated_at = $3 WHERE rulebook_id = $4 AND row_version = $5 RETURNING {}",
                    kDraftColumns),
        {sql_text(document), sql_text(updated_by), sql_text(ts(now)), sql_text(rulebook_id),
         sql_int(*expected_row_version)});
    if (!result.empty()) return read_draft(result, 0);
    return stale_or_missing(rulebook_id, *expected_row_version);
  }

  Result<app::RulebookDraft> get_draft(std::string_view rulebook_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM rulebook_drafts WHERE rulebook_id = $1", kDraftColumns),
                                 {sql_text(rulebook_id)});
    if (result.empty()) return not_found("rulebook_drafts/" + std::string(rulebook_id), "there is no draft");
    return read_draft(result, 0);
  }

  Result<Unit> discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version) override {
    SqlResult result = db_.query("DELETE FROM rulebook_drafts WHERE rulebook_id = $1 AND row_version = $2",
                                 {sql_text(rulebook_id), sql_int(expected_row_version)});
    if (result.changed > 0) return Unit{};
    auto missing = stale_or_missing(rulebook_id, expected_row_version);
    return tl::unexpected<Issues>(std::move(missing.error()));
  }

 private:
  Result<app::RulebookDraft> stale_or_missing(std::string_view rulebook_id, std::int64_t expected_row_version) {
    const std::string record = fmt::format("rulebook_drafts/{}", rulebook_id);
    SqlResult current =
        db_.query("SELECT row_version FROM rulebook_drafts WHERE rulebook_id = $1", {sql_text(rulebook_id)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, expected_row_version, current.integer(0, 0))});
  }

  SqlConnection& db_;
};

// ---------------------------------------------------------------- scores

constexpr const char* kScoreColumns =
    "id, rulebook_id, rulebook_version, answers, result, annual_pence, scored_by, scored_at";

app::ScoreRecord read_score(const SqlResult& result, std::size_t row) {
  return app::ScoreRecord{result.integer(row, 0),
                          result.text(row, 1),
                          static_cast<int>(result.integer(row, 2)),
                          result.text(row, 3),
                          result.text(row, 4),
                          Money::from_pence(result.integer(row, 5)),
                          result.text(row, 6),
                          read_ts(result, row, 7)};
}

class SqlScores final : public app::ScoreRepository {
 public:
  explicit SqlScores(SqlConnection& connection) : db_(connection) {}

  Result<app::ScoreRecord> add(const app::NewScore& score, std::string_view scored_by, Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO scores (rulebook_id, rulebook_version, answers, result, "
                                     "annual_pence, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                     "RETURNING {}",
                                     kScoreColumns),
                         {sql_text(score.rulebook_id), sql_int(score.rulebook_version), sql_text(score.answers),
                          sql_text(score.result), sql_int(score.annual.pence()), sql_text(scored_by),
                          sql_text(ts(now))});
      });
      return read_score(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "rulebook",
                  fmt::format("rulebook \"{}\" version {} was never published", score.rulebook_id,
                              score.rulebook_version));
    }
  }

  Result<app::ScoreRecord> get(Id id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} FROM scores WHERE id = $1", kScoreColumns), {sql_int(id)});
    if (result.empty()) return not_found("score", fmt::format("no score has id {}", id));
    return read_score(result, 0);
  }

  Result<std::vector<app::ScoreRecord>> list_for_rulebook(std::string_view rulebook_id, std::optional<int> version,
                                                          int limit) override {
    SqlResult result =
        version ? db_.query(fmt::format("SELECT {} FROM scores WHERE rulebook_id = $1 AND rulebook_version = $2 "
                                        "ORDER BY id DESC LIMIT $3",
                                        kScoreColumns),
                            {sql_text(rulebook_id), sql_int(*version), sql_int(limit)})
                : db_.query(fmt::format("SELECT {} FROM scores WHERE rulebook_id = $1 ORDER BY id DESC LIMIT $2",
                                        kScoreColumns),
                            {sql_text(rulebook_id), sql_int(limit)});
    std::vector<app::ScoreRecord> scores;
    for (std::size_t row = 0; row < result.rows.size(); ++row) scores.push_back(read_score(result, row));
    return scores;
  }

 private:
  SqlConnection& db_;
};

// ---------------------------------------------------------------- audit

constexpr const char* kAuditColumns = "id, at, actor, agency, action, subject, detail";

class SqlAudit final : public app::AuditRepository {
 public:
  explicit SqlAudit(SqlConnection& connection) : db_(connection) {}

  Result<app::AuditEntry> append(const app::NewAuditEntry& entry, Timestamp now) override {
    SqlResult result = db_.query(fmt::format("INSERT INTO audit_log (at, actor, agency, action, subject, detail) "
                                             "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                             kAuditColumns),
                                 {sql_text(ts(now)), sql_text(entry.actor.username), sql_text(entry.actor.agency),
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
    if (query.since) add("at >=", sql_text(ts(*query.since)));
    if (query.until) add("at <", sql_text(ts(*query.until)));
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
    return app::AuditEntry{result.integer(row, 0), read_ts(result, row, 1), result.text(row, 2), result.text(row, 3),
                           result.text(row, 4),    result.text(row, 5),     result.text(row, 6)};
  }

  SqlConnection& db_;
};

// ---------------------------------------------------------------- people

constexpr const char* kPersonColumns =
    "id, given_name, family_name, nhs_number, client_group, locality, team, stage, cares_for, review_due, "
    "awaiting_panel, has_agreed_budget, details, state, row_version, created_at, updated_at";
constexpr const char* kEventColumns = "id, person_id, kind, event_type, outcome, payload, actor, agency, reason, at";
constexpr const char* kJourneyDraftColumns = "person_id, kind, document, row_version, updated_by, updated_at";
constexpr const char* kPlanColumns = "person_id, version, document, annual_pence, created_by, created_at";
constexpr const char* kMeetingColumns = "id, held_on, members, decisions, recorded_by, agency, recorded_at";

Date read_date(const SqlResult& result, std::size_t row, std::size_t column) {
  const std::string& text = result.text(row, column);
  auto parsed = Date::parse(text);
  if (!parsed) throw SqlError(SqlFailure::kOther, "stored date \"" + text + "\" is not YYYY-MM-DD");
  return *parsed;
}

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
  person.created_at = read_ts(result, row, 15);
  person.updated_at = read_ts(result, row, 16);
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
          index.review_due ? sql_text(index.review_due->to_string()) : SqlValue{SqlNull{}},
          sql_int(index.awaiting_panel ? 1 : 0),
          sql_int(index.has_agreed_budget ? 1 : 0)};
}

tl::unexpected<Issues> no_such_person(Id person_id) {
  return fail(ErrorCode::kUnknownReference, "person_id", fmt::format("there is no person {}", person_id));
}

app::PersonEvent read_event(const SqlResult& result, std::size_t row) {
  app::PersonEvent event;
  event.id = result.integer(row, 0);
  event.person_id = result.integer(row, 1);
  event.kind = result.text(row, 2);
  event.event_type = result.text(row, 3);
  event.outcome = result.text(row, 4);
  event.payload = result.text(row, 5);
  event.actor = result.text(row, 6);
  event.agency = result.text(row, 7);
  event.reason = result.text(row, 8);
  event.at = read_ts(result, row, 9);
  return event;
}
app::JourneyDraft read_journey_draft(const SqlResult& result, std::size_t row) {
  return app::JourneyDraft{result.integer(row, 0), result.text(row, 1),    result.text(row, 2),
                           result.integer(row, 3), result.text(row, 4),    read_ts(result, row, 5)};
}
app::PlanVersionRecord read_plan(const SqlResult& result, std::size_t row) {
  return app::PlanVersionRecord{result.integer(row, 0),
                                static_cast<int>(result.integer(row, 1)),
                                result.text(row, 2),
                                Money::from_pence(result.integer(row, 3)),
                                result.text(row, 4),
                                read_ts(result, row, 5)};
}
app::PanelMeeting read_meeting(const SqlResult& result, std::size_t row) {
  return app::PanelMeeting{result.integer(row, 0), read_date(result, row, 1), result.text(row, 2),
                           result.text(row, 3),    result.text(row, 4),      result.text(row, 5),
                           read_ts(result, row, 6)};
}

class SqlPeople final : public app::PersonRepository {
 public:
  explicit SqlPeople(SqlConnection& connection) : db_(connection) {}

  Result<app::PersonRecord> add(const app::PersonIndex& index, std::string_view details, std::string_view state,
                                Timestamp now) override {
    std::vector<SqlValue> params = index_values(index);
    params.push_back(sql_text(details));
    params.push_back(sql_text(state));
    params.push_back(sql_text(ts(now)));
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
    params.push_back(sql_text(ts(now)));
    params.push_back(sql_int(id));
    params.push_back(sql_int(expected_row_version));
    // Optimistic concurrency (app/concurrency.h).
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
    if (query.review_due_by) add("review_due <=", sql_text(query.review_due_by->to_string()));
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

class SqlPersonEvents final : public app::PersonEventRepository {
 public:
  explicit SqlPersonEvents(SqlConnection& connection) : db_(connection) {}

  Result<app::PersonEvent> append(const app::NewPersonEvent& event, Timestamp now) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO person_events (person_id, kind, event_type, outcome, payload, actor, "
                                     "agency, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {}",
                                     kEventColumns),
                         {sql_int(event.person_id), sql_text(event.kind), sql_text(event.event_type),
                          sql_text(event.outcome), sql_text(event.payload), sql_text(event.actor.username),
                          sql_text(event.actor.agency), sql_text(event.reason), sql_text(ts(now))});
      });
      return read_event(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return no_such_person(event.person_id);
    }
  }

  Result<std::vector<app::PersonEvent>> for_person(Id person_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM person_events WHERE person_id = $1 ORDER BY id", kEventColumns),
        {sql_int(person_id)});
    std::vector<app::PersonEvent> events;
    for (std::size_t row = 0; row < result.rows.size(); ++row) events.push_back(read_event(result, row));
    return events;
  }

 private:
  SqlConnection& db_;
};

class SqlJourneyDrafts final : public app::JourneyDraftRepository {
 public:
  explicit SqlJourneyDrafts(SqlConnection& connection) : db_(connection) {}

  Result<app::JourneyDraft> save(Id person_id, std::string_view kind, std::string_view document,
                                       std::optional<std::int64_t> expected_row_version, std::string_view updated_by,
                                       Timestamp now) override {
    const std::string record = fmt::format("journey_drafts/{}/{}", person_id, kind);
    if (!expected_row_version) {
      try {
        SqlResult result = with_savepoint(db_, [&] {
          return db_.query(fmt::format("INSERT INTO journey_drafts ({}) VALUES ($1, $2, $3, 1, $4, $5) RETURNING {}",
                                       kJourneyDraftColumns, kJourneyDraftColumns),
                           {sql_int(person_id), sql_text(kind), sql_text(document), sql_text(updated_by),
                            sql_text(ts(now))});
        });
        return read_journey_draft(result, 0);
      } catch (const SqlError& error) {
        if (error.failure() == SqlFailure::kForeignKeyViolation) return no_such_person(person_id);
        if (error.failure() != SqlFailure::kUniqueViolation) throw;
        SqlResult current = db_.query("SELECT row_version FROM journey_drafts WHERE person_id = $1 AND kind = $2",
                                      {sql_int(person_id), sql_text(kind)});
        return fail({app::stale_version_issue(record, 0, current.empty() ? 1 : current.integer(0, 0))});
      }
    }
    SqlResult result = db_.query(
        fmt::format("UPDATE journey_drafts SET document = $1, row_version = row_version + 1, updated_by = $2, "
                    "updated_at = $3 WHERE person_id = $4 AND kind = $5 AND row_version = $6 RETURNING {}",
                    kJourneyDraftColumns),
        {sql_text(document), sql_text(updated_by), sql_text(ts(now)), sql_int(person_id), sql_text(kind),
         sql_int(*expected_row_version)});
    if (!result.empty()) return read_journey_draft(result, 0);
    SqlResult current = db_.query("SELECT row_version FROM journey_drafts WHERE person_id = $1 AND kind = $2",
                                  {sql_int(person_id), sql_text(kind)});
    if (current.empty()) return fail({app::missing_record_issue(record)});
    return fail({app::stale_version_issue(record, *expected_row_version, current.integer(0, 0))});
  }

  Result<app::JourneyDraft> get(Id person_id, std::string_view kind) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM journey_drafts WHERE person_id = $1 AND kind = $2", kJourneyDraftColumns),
        {sql_int(person_id), sql_text(kind)});
    if (result.empty()) return not_found(fmt::format("journey_drafts/{}/{}", person_id, kind), "there is no draft");
    return read_journey_draft(result, 0);
  }

  Result<Unit> remove(Id person_id, std::string_view kind) override {
    db_.query("DELETE FROM journey_drafts WHERE person_id = $1 AND kind = $2", {sql_int(person_id), sql_text(kind)});
    return Unit{};
  }

 private:
  SqlConnection& db_;
};

class SqlPlanVersions final : public app::PlanVersionRepository {
 public:
  explicit SqlPlanVersions(SqlConnection& connection) : db_(connection) {}

  Result<app::PlanVersionRecord> add(const app::PlanVersionRecord& plan) override {
    try {
      SqlResult result = with_savepoint(db_, [&] {
        return db_.query(fmt::format("INSERT INTO support_plans ({}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                                     kPlanColumns, kPlanColumns),
                         {sql_int(plan.person_id), sql_int(plan.version), sql_text(plan.document),
                          sql_int(plan.annual.pence()), sql_text(plan.created_by), sql_text(ts(plan.created_at))});
      });
      return read_plan(result, 0);
    } catch (const SqlError& error) {
      if (error.failure() == SqlFailure::kForeignKeyViolation) return no_such_person(plan.person_id);
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, fmt::format("support_plans/{}/{}", plan.person_id, plan.version),
                  fmt::format("support plan version {} was saved by someone else first; reload and try again",
                              plan.version));
    }
  }

  Result<std::vector<app::PlanVersionRecord>> for_person(Id person_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM support_plans WHERE person_id = $1 ORDER BY version", kPlanColumns),
        {sql_int(person_id)});
    std::vector<app::PlanVersionRecord> plans;
    for (std::size_t row = 0; row < result.rows.size(); ++row) plans.push_back(read_plan(result, row));
    return plans;
  }

 private:
  SqlConnection& db_;
};

class SqlPanelMeetings final : public app::PanelMeetingRepository {
 public:
  explicit SqlPanelMeetings(SqlConnection& connection) : db_(connection) {}

  Result<app::PanelMeeting> add(const app::NewPanelMeeting& meeting, Timestamp now) override {
    SqlResult result = db_.query(
        fmt::format("INSERT INTO panel_meetings (held_on, members, decisions, recorded_by, agency, recorded_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING {}",
                    kMeetingColumns),
        {sql_text(meeting.held_on.to_string()), sql_text(meeting.members), sql_text(meeting.decisions),
         sql_text(meeting.recorded_by.username), sql_text(meeting.recorded_by.agency), sql_text(ts(now))});
    return read_meeting(result, 0);
  }

  Result<app::PanelMeeting> get(Id id) override {
    SqlResult result =
        db_.query(fmt::format("SELECT {} FROM panel_meetings WHERE id = $1", kMeetingColumns), {sql_int(id)});
    if (result.empty()) return not_found("meeting", fmt::format("there is no panel meeting {}", id));
    return read_meeting(result, 0);
  }

  Result<std::vector<app::PanelMeeting>> list(int limit) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM panel_meetings ORDER BY held_on DESC, id DESC LIMIT $1", kMeetingColumns),
        {sql_int(limit)});
    std::vector<app::PanelMeeting> meetings;
    for (std::size_t row = 0; row < result.rows.size(); ++row) meetings.push_back(read_meeting(result, row));
    return meetings;
  }

 private:
  SqlConnection& db_;
};

// Repositories are made on first use, so a transaction pays only for those it
// touches.
class SqlTransaction final : public app::Transaction {
 public:
  explicit SqlTransaction(SqlConnection& connection) : db_(connection) {}

 protected:
  void* repository(std::type_index type) override {
    auto found = made_.find(type);
    if (found != made_.end()) return found->second.get();
    auto make = factories().find(type);
    if (make == factories().end()) {
      throw std::logic_error(std::string("no storage registered for ") + type.name());
    }
    std::shared_ptr<void> made = make->second(db_);
    void* pointer = made.get();
    made_.emplace(type, std::move(made));
    return pointer;
  }

 private:
  using Factory = std::shared_ptr<void> (*)(SqlConnection&);

  template <typename Interface, typename Implementation>
  static std::pair<const std::type_index, Factory> entry() {
    return {std::type_index(typeid(Interface)), [](SqlConnection& db) -> std::shared_ptr<void> {
              // Stored as the interface type, so get<Interface>() may cast back.
              std::shared_ptr<Interface> repository = std::make_shared<Implementation>(db);
              return std::static_pointer_cast<void>(repository);
            }};
  }

  static const std::map<std::type_index, Factory>& factories() {
    static const std::map<std::type_index, Factory> all = {
        entry<app::AgencyRepository, SqlAgencies>(),
        entry<app::UserRepository, SqlUsers>(),
        entry<app::SessionRepository, SqlSessions>(),
        entry<app::ApiTokenRepository, SqlApiTokens>(),
        entry<app::RulebookRepository, SqlRulebooks>(),
        entry<app::ScoreRepository, SqlScores>(),
        entry<app::AuditRepository, SqlAudit>(),
        entry<app::PersonRepository, SqlPeople>(),
        entry<app::PersonEventRepository, SqlPersonEvents>(),
        entry<app::JourneyDraftRepository, SqlJourneyDrafts>(),
        entry<app::PlanVersionRepository, SqlPlanVersions>(),
        entry<app::PanelMeetingRepository, SqlPanelMeetings>(),
    };
    return all;
  }

  SqlConnection& db_;
  std::map<std::type_index, std::shared_ptr<void>> made_;
};

}  // namespace

std::unique_ptr<app::Transaction> make_sql_transaction(SqlConnection& connection) {
  return std::make_unique<SqlTransaction>(connection);
}

}  // namespace allot::storage
