// Users and their roles (user_roles), kept in the canonical role order.
#include "allot/storage/identity/identity_storage.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/identity/repositories.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

using app::Id;
using app::Timestamp;
using app::Unit;

constexpr const char* kUserColumns = "id, username, display_name, agency_id, active, created_at, password_hash, locality";

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
  user.created_at = read_timestamp(result, row, 5);
  user.locality = result.text(row, 7);
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
            "INSERT INTO users (username, display_name, agency_id, password_hash, active, created_at, updated_at, "
            "locality) VALUES ($1, $2, $3, $4, 1, $5, $5, $6) RETURNING id",
            {sql_text(user.username), sql_text(user.display_name), sql_int(user.agency_id),
             sql_text(user.password_hash), sql_timestamp(now), sql_text(user.locality)});
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
                                 {sql_text(password_hash), sql_timestamp(now), sql_int(user_id)});
    if (result.changed == 0) return not_found("user", fmt::format("no user has id {}", user_id));
    return Unit{};
  }

  Result<Unit> set_active(Id user_id, bool active, Timestamp now) override {
    SqlResult result = db_.query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3",
                                 {sql_int(active ? 1 : 0), sql_timestamp(now), sql_int(user_id)});
    if (result.changed == 0) return not_found("user", fmt::format("no user has id {}", user_id));
    return Unit{};
  }

  Result<Unit> set_locality(Id user_id, std::string_view locality, Timestamp now) override {
    SqlResult result = db_.query("UPDATE users SET locality = $1, updated_at = $2 WHERE id = $3",
                                 {sql_text(locality), sql_timestamp(now), sql_int(user_id)});
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

}  // namespace

void register_sql_users(RepositoryRegistry& registry) { registry.add<app::UserRepository, SqlUsers>(); }

}  // namespace allot::storage
