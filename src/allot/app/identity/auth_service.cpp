#include "allot/app/identity/auth_service.h"

#include <algorithm>

#include <fmt/format.h>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

Principal Authenticated::principal() const {
  Principal principal;
  principal.user_id = user.id;
  principal.username = user.username;
  principal.roles = user.roles;
  principal.agency_id = agency.id;
  principal.agency = agency.code;
  if (!user.locality.empty()) principal.teams.push_back(user.locality);
  principal.person_id = person_id;
  return principal;
}

namespace {

constexpr const char* kCredentialsMessage = "username or password is incorrect";

tl::unexpected<Issues> refused_credentials() {
  return fail(ErrorCode::kInvalidValue, "credentials", kCredentialsMessage);
}

bool is_username_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }

bool has_code(const Issues& issues, ErrorCode code) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
}

}  // namespace

Issues validate_new_user(const NewUser& user, const AuthOptions& options) {
  Issues issues;
  const std::string& name = user.username;
  if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), is_username_char) ||
      !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9'))) {
    issues.push_back({ErrorCode::kInvalidValue, "username",
                      fmt::format("\"{}\" is not a username; expected 1-64 of a-z 0-9 . _ -, starting with a letter "
                                  "or digit",
                                  name)});
  }
  if (user.display_name.empty() || user.display_name.size() > 200) {
    issues.push_back({ErrorCode::kInvalidValue, "display_name",
                      fmt::format("must be 1-200 characters; found {}", user.display_name.size())});
  }
  if (user.roles.empty()) {
    issues.push_back({ErrorCode::kInvalidValue, "roles", "needs at least one role"});
  }
  if (user.password.size() < options.min_password_length) {
    issues.push_back({ErrorCode::kInvalidValue, "password",
                      fmt::format("must be at least {} characters; found {}", options.min_password_length,
                                  user.password.size())});
  }
  return issues;
}

AuthService::AuthService(Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options),
      dummy_hash_(hash_password(random_token(16), options.password_cost)) {}

Result<Authenticated> AuthService::load_authenticated(Transaction& tx, Id user_id, std::string csrf_token,
                                                      Timestamp expires_at, const char* path) {
  Result<User> user = tx.get<app::UserRepository>().get(user_id);
  if (!user || !user->active) return fail(ErrorCode::kNotFound, path, "not signed in");
  Result<Agency> agency = tx.get<app::AgencyRepository>().get(user->agency_id);
  if (!agency) return tl::unexpected<Issues>(agency.error());
  return Authenticated{std::move(*user), std::move(*agency), std::move(csrf_token), expires_at};
}

namespace {

// What a failed sign-in is recorded under. A name that cannot be a username is
// not stored as given, so a stranger cannot fill the audit log with megabytes
// of text or control characters.
std::string sign_in_subject(std::string_view username) {
  const bool plausible = !username.empty() && username.size() <= 64 &&
                         std::all_of(username.begin(), username.end(), is_username_char);
  return plausible ? "user:" + std::string(username) : "user:?";
}

std::string address_actor(std::string_view address) {
  // Addresses are short; anything longer did not come from the network layer.
  return "address:" + std::string(address.substr(0, 64));
}

tl::unexpected<Issues> throttled(std::string message, std::int64_t wait_seconds) {
  return tl::unexpected<Issues>(Issues{{ErrorCode::kTooManyRequests, "credentials", std::move(message)},
                                       {ErrorCode::kTooManyRequests, "retry_after", std::to_string(wait_seconds)}});
}

std::int64_t seconds_between(Timestamp from, Timestamp to) {
  return std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(to - from).count());
}

}  // namespace

std::int64_t AuthService::retry_after(const Issues& refusal) {
  for (const Issue& issue : refusal) {
    if (issue.path == "retry_after") return std::stoll(issue.message);
  }
  return 0;
}

Result<SignedIn> AuthService::sign_in(std::string_view username, std::string_view password,
                                      std::string_view address) {
  const Timestamp now = clock_.now();
  const Timestamp window_start = now - options_.failed_sign_in_window;
  const Timestamp window_end = now + options_.failed_sign_in_window;
  const std::string subject = sign_in_subject(username);
  const std::string from = address_actor(address);
  struct Recent {
    std::vector<AuditEntry> for_username, from_address, everywhere;
  };
  Result<Recent> recent = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Recent> {
    AuditRepository& audit = tx.get<AuditRepository>();
    AuditQuery query;
    query.since = window_start;
    query.limit = 1000;
    query.subject = subject;
    Result<std::vector<AuditEntry>> for_username = audit.list(query);
    if (!for_username) return tl::unexpected<Issues>(for_username.error());
    query.subject.reset();
    query.actor = from;
    Result<std::vector<AuditEntry>> from_address = audit.list(query);
    if (!from_address) return tl::unexpected<Issues>(from_address.error());
    query.actor.reset();
    query.action = "sign_in_failed";
    query.limit = options_.max_failed_sign_ins_total;
    Result<std::vector<AuditEntry>> everywhere = audit.list(query);
    if (!everywhere) return tl::unexpected<Issues>(everywhere.error());
    return Recent{std::move(*for_username), std::move(*from_address), std::move(*everywhere)};
  });
  if (!recent) return tl::unexpected<Issues>(recent.error());

  // This username from this address, up to its last success.
  int failures_here = 0;
  std::optional<Timestamp> oldest_here;
  for (const AuditEntry& entry : recent->for_username) {
    if (entry.action == "sign_in") break;
    if (entry.action == "sign_in_failed" && entry.actor == from) {
      ++failures_here;
      oldest_here = entry.at;
    }
  }
  if (failures_here >= options_.max_failed_sign_ins) {
    return throttled(fmt::format("too many failed sign-ins for this username; try again in {} minutes",
                                 options_.failed_sign_in_window.count()),
                     seconds_between(now, *oldest_here + options_.failed_sign_in_window));
  }
  // This address, any username: each try past the free ones waits twice as long.
  const auto address_failures = static_cast<int>(recent->from_address.size());
  if (address_failures >= options_.address_free_failures) {
    const int doublings = std::min(address_failures - options_.address_free_failures, 20);
    const Timestamp allowed_at =
        std::min(recent->from_address.front().at + std::chrono::seconds(std::int64_t{1} << doublings), window_end);
    if (now < allowed_at) {
      return throttled("too many failed sign-ins from this address; wait before trying again",
                       seconds_between(now, allowed_at));
    }
  }
  // Everywhere at once: addresses that keep failing wait for the window to pass.
  if (static_cast<int>(recent->everywhere.size()) >= options_.max_failed_sign_ins_total && address_failures > 0) {
    return throttled("too many failed sign-ins at the moment; try again later",
                     seconds_between(now, recent->from_address.front().at + options_.failed_sign_in_window));
  }
  // Every refusal is recorded the same way, whether or not the username exists.
  auto refuse = [&]() -> tl::unexpected<Issues> {
    Result<AuditEntry> recorded = in_transaction(store_, Access::kWrite, [&](Transaction& tx) {
      return tx.get<AuditRepository>().append(NewAuditEntry{Actor{from, ""}, "sign_in_failed", subject, ""}, now);
    });
    if (!recorded) return tl::unexpected<Issues>(recorded.error());
    return refused_credentials();
  };
  Result<UserCredentials> credentials = in_transaction(store_, Access::kRead, [&](Transaction& tx) {
    return tx.get<app::UserRepository>().find_credentials(username);
  });
  if (!credentials) {
    if (has_code(credentials.error(), ErrorCode::kInternal)) return tl::unexpected<Issues>(credentials.error());
    // Same hashing work as for a real user, so timing does not reveal whether
    // the username exists.
    verify_password(password, dummy_hash_);
    return refuse();
  }
  const bool password_ok = verify_password(password, credentials->password_hash);
  // A hash made at a smaller cost (demo users) checks faster than the dummy;
  // do the dummy's work too, so timing does not tell who exists.
  if (is_cheaper_than(credentials->password_hash, options_.password_cost)) verify_password(password, dummy_hash_);
  if (!password_ok || !credentials->user.active) return refuse();

  SignedIn signed_in;
  signed_in.token = random_token();
  signed_in.csrf_token = random_token();
  signed_in.expires_at = now + options_.session_lifetime;
  const Id user_id = credentials->user.id;
  Result<Unit> stored = store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    Result<Authenticated> who = load_authenticated(tx, user_id, signed_in.csrf_token, signed_in.expires_at, "credentials");
    if (!who) return refused_credentials();
    Result<Unit> added =
        tx.get<app::SessionRepository>().add(SessionRecord{hash_token(signed_in.token), user_id, signed_in.csrf_token, now, signed_in.expires_at});
    if (!added) return added;
    Result<AuditEntry> audited =
        tx.get<app::AuditRepository>().append(NewAuditEntry{who->actor(), "sign_in", "user:" + who->user.username, ""}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    signed_in.user = std::move(who->user);
    signed_in.agency = std::move(who->agency);
    return Unit{};
  });
  if (!stored) return tl::unexpected<Issues>(stored.error());
  return signed_in;
}

Result<Authenticated> AuthService::user_for_session(std::string_view token) {
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Authenticated> {
    Result<SessionRecord> session = tx.get<app::SessionRepository>().find(hash_token(token));
    if (!session) {
      if (has_code(session.error(), ErrorCode::kInternal)) return tl::unexpected<Issues>(session.error());
      return fail(ErrorCode::kNotFound, "session", "not signed in");
    }
    if (session->expires_at <= now) return fail(ErrorCode::kNotFound, "session", "not signed in");
    return load_authenticated(tx, session->user_id, session->csrf_token, session->expires_at, "session");
  });
}

bool AuthService::csrf_matches(const Authenticated& session, std::string_view presented) {
  return !session.csrf_token.empty() && equal_in_constant_time(session.csrf_token, presented);
}

Result<Unit> AuthService::sign_out(std::string_view token) {
  const Timestamp now = clock_.now();
  const std::string token_hash = hash_token(token);
  return store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    Result<SessionRecord> session = tx.get<app::SessionRepository>().find(token_hash);
    if (!session) return Unit{};
    Result<Unit> removed = tx.get<app::SessionRepository>().remove(token_hash);
    if (!removed) return removed;
    Result<User> user = tx.get<app::UserRepository>().get(session->user_id);
    if (!user) return Unit{};
    Result<Agency> agency = tx.get<app::AgencyRepository>().get(user->agency_id);
    const std::string agency_code = agency ? agency->code : "";
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{Actor{user->username, agency_code}, "sign_out", "user:" + user->username, ""}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  });
}

Result<User> AuthService::create_user(const NewUser& user, const Principal& by) {
  Issues issues = validate_new_user(user, options_);
  // Hashing is slow, so it happens before the transaction, not while holding it.
  const std::string password_hash = issues.empty() ? hash_password(user.password, options_.password_cost) : "";
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<User> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "users.manage"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    Issues all = issues;
    if (!tx.get<app::AgencyRepository>().get(user.agency_id)) {
      all.push_back({ErrorCode::kUnknownReference, "agency_id", fmt::format("no agency has id {}", user.agency_id)});
    }
    if (!all.empty()) return fail(std::move(all));
    Result<User> created = tx.get<app::UserRepository>().add(
        NewUserRecord{user.username, user.display_name, user.agency_id, user.roles, password_hash, user.locality}, now);
    if (!created) return created;
    std::string roles;
    for (Role role : created->roles) {
      if (!roles.empty()) roles += ',';
      roles += role_name(role);
    }
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by.actor(), "create_user", "user:" + created->username, "roles=" + roles}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return created;
  });
}

Result<Unit> AuthService::set_password(Id user_id, std::string_view new_password, const Actor& by) {
  if (new_password.size() < options_.min_password_length) {
    return fail(ErrorCode::kInvalidValue, "password",
                fmt::format("must be at least {} characters; found {}", options_.min_password_length,
                            new_password.size()));
  }
  const std::string password_hash = hash_password(new_password, options_.password_cost);
  const Timestamp now = clock_.now();
  return store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    Result<User> user = tx.get<app::UserRepository>().get(user_id);
    if (!user) return tl::unexpected<Issues>(user.error());
    Result<Unit> changed = tx.get<app::UserRepository>().set_password_hash(user_id, password_hash, now);
    if (!changed) return changed;
    Result<std::int64_t> ended = tx.get<app::SessionRepository>().remove_for_user(user_id);
    if (!ended) return tl::unexpected<Issues>(ended.error());
    Result<AuditEntry> audited =
        tx.get<app::AuditRepository>().append(NewAuditEntry{by, "set_password", "user:" + user->username, ""}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  });
}

Result<IssuedApiToken> AuthService::create_api_token(Id user_id, std::string_view label,
                                                     std::optional<std::chrono::minutes> lifetime, const Actor& by) {
  if (label.empty()) return fail(ErrorCode::kInvalidValue, "label", "must not be empty");
  const Timestamp now = clock_.now();
  IssuedApiToken issued;
  issued.token = random_token();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<IssuedApiToken> {
    Result<User> user = tx.get<app::UserRepository>().get(user_id);
    if (!user) return tl::unexpected<Issues>(user.error());
    ApiTokenRecord record{0, hash_token(issued.token), user_id, std::string(label), now, std::nullopt, std::nullopt};
    if (lifetime) record.expires_at = now + *lifetime;
    Result<ApiTokenRecord> stored = tx.get<app::ApiTokenRepository>().add(record);
    if (!stored) return tl::unexpected<Issues>(stored.error());
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by, "create_api_token", "user:" + user->username, fmt::format("token {} ({})", stored->id, label)},
        now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    issued.record = std::move(*stored);
    return issued;
  });
}

Result<Authenticated> AuthService::user_for_api_token(std::string_view token) {
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Authenticated> {
    Result<ApiTokenRecord> record = tx.get<app::ApiTokenRepository>().find(hash_token(token));
    if (!record) {
      if (has_code(record.error(), ErrorCode::kInternal)) return tl::unexpected<Issues>(record.error());
      return fail(ErrorCode::kNotFound, "token", "not a valid token");
    }
    if (record->revoked_at || (record->expires_at && *record->expires_at <= now)) {
      return fail(ErrorCode::kNotFound, "token", "not a valid token");
    }
    return load_authenticated(tx, record->user_id, "", record->expires_at.value_or(Timestamp::max()), "token");
  });
}

Result<Unit> AuthService::revoke_api_token(Id token_id, const Actor& by) {
  const Timestamp now = clock_.now();
  return store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    Result<Unit> revoked = tx.get<app::ApiTokenRepository>().revoke(token_id, now);
    if (!revoked) return revoked;
    Result<AuditEntry> audited =
        tx.get<app::AuditRepository>().append(NewAuditEntry{by, "revoke_api_token", fmt::format("api_token:{}", token_id), ""}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  });
}

Result<std::int64_t> AuthService::remove_expired_sessions() {
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) { return tx.get<app::SessionRepository>().remove_expired(now); });
}

}  // namespace allot::app
