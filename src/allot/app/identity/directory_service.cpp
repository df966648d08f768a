#include "allot/app/identity/directory_service.h"

#include <algorithm>

#include <fmt/format.h>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

namespace {

bool is_code_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

Result<Agency> DirectoryService::create_agency(const NewAgency& agency, const Principal& by) {
  Issues issues;
  if (agency.code.empty() || agency.code.size() > 64 || !std::all_of(agency.code.begin(), agency.code.end(), is_code_char)) {
    issues.push_back({ErrorCode::kInvalidValue, "code",
                      fmt::format("\"{}\" is not an agency code; expected 1-64 of a-z 0-9 -", agency.code)});
  }
  if (agency.name.empty()) issues.push_back({ErrorCode::kInvalidValue, "name", "must not be empty"});
  if (!issues.empty()) return fail(std::move(issues));
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<Agency> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "users.manage"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    Result<Agency> created = tx.get<app::AgencyRepository>().add(agency, now);
    if (!created) return created;
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by.actor(), "create_agency", "agency:" + created->code, agency_kind_name(created->kind)}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return created;
  });
}

Result<Agency> DirectoryService::agency(Id agency_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AgencyRepository>().get(agency_id); });
}

Result<Agency> DirectoryService::agency_by_code(std::string_view code) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AgencyRepository>().find_by_code(code); });
}

Result<std::vector<Agency>> DirectoryService::agencies() {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AgencyRepository>().list(); });
}

Result<User> DirectoryService::user(Id user_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::UserRepository>().get(user_id); });
}

Result<std::vector<User>> DirectoryService::users() {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::UserRepository>().list(); });
}

Result<Unit> DirectoryService::set_user_active(Id user_id, bool active, const Principal& by) {
  const Timestamp now = clock_.now();
  return store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "users.manage"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    Result<User> user = tx.get<app::UserRepository>().get(user_id);
    if (!user) return tl::unexpected<Issues>(user.error());
    Result<Unit> changed = tx.get<app::UserRepository>().set_active(user_id, active, now);
    if (!changed) return changed;
    if (!active) {
      Result<std::int64_t> ended = tx.get<app::SessionRepository>().remove_for_user(user_id);
      if (!ended) return tl::unexpected<Issues>(ended.error());
    }
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by.actor(), active ? "activate_user" : "deactivate_user", "user:" + user->username, ""}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  });
}

Result<Unit> DirectoryService::set_user_locality(Id user_id, std::string_view locality, const Principal& by) {
  if (locality.size() > 200) {
    return tl::unexpected<Issues>(Issues{{ErrorCode::kInvalidValue, "locality", "must be at most 200 characters"}});
  }
  const Timestamp now = clock_.now();
  return store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "users.manage"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    Result<User> user = tx.get<app::UserRepository>().get(user_id);
    if (!user) return tl::unexpected<Issues>(user.error());
    Result<Unit> changed = tx.get<app::UserRepository>().set_locality(user_id, locality, now);
    if (!changed) return changed;
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by.actor(), "set_locality", "user:" + user->username,
                      "from \"" + user->locality + "\" to \"" + std::string(locality) + "\""},
        now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  });
}

}  // namespace allot::app
