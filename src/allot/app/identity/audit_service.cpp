#include "allot/app/identity/audit_service.h"

namespace allot::app {

namespace {

Issues validate_entry(const Actor& actor, std::string_view action, std::string_view subject) {
  Issues issues;
  if (actor.username.empty()) issues.push_back({ErrorCode::kInvalidValue, "actor", "must name who acted"});
  if (action.empty()) issues.push_back({ErrorCode::kInvalidValue, "action", "must not be empty"});
  if (subject.empty()) issues.push_back({ErrorCode::kInvalidValue, "subject", "must not be empty"});
  return issues;
}

}  // namespace

Result<AuditEntry> AuditService::record(const Actor& actor, std::string_view action, std::string_view subject,
                                        std::string_view detail) {
  Issues issues = validate_entry(actor, action, subject);
  if (!issues.empty()) return fail(std::move(issues));
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) {
    return record_in(tx, actor, action, subject, detail);
  });
}

Result<AuditEntry> AuditService::record_in(Transaction& tx, const Actor& actor, std::string_view action,
                                           std::string_view subject, std::string_view detail) {
  Issues issues = validate_entry(actor, action, subject);
  if (!issues.empty()) return fail(std::move(issues));
  return tx.get<app::AuditRepository>().append(
      NewAuditEntry{actor, std::string(action), std::string(subject), std::string(detail)}, clock_.now());
}

Result<std::vector<AuditEntry>> AuditService::list(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > 1000) {
    return fail(ErrorCode::kInvalidValue, "limit", "must be between 1 and 1000; found " + std::to_string(query.limit));
  }
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(query); });
}

}  // namespace allot::app
