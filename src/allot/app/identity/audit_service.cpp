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

Result<Unit> AuditService::record(const NewAuditEntry& entry) {
  Issues issues = validate_entry(entry.actor, entry.action, entry.subject);
  if (!issues.empty()) return fail(std::move(issues));
  NewAuditEntry queued = entry;
  AuditScope* scope = current_audit_scope();
  if (queued.roles.empty() && scope != nullptr) queued.roles = scope->roles();
  if (queued.reason.empty() && scope != nullptr) queued.reason = scope->reason();
  AuditTicket ticket = writer_->submit(std::move(queued), clock_.now());
  if (scope != nullptr) {
    scope->add(std::move(ticket));
    return Unit{};
  }
  return ticket.wait();
}

Result<Unit> AuditService::record(const Actor& actor, std::string_view action, std::string_view subject,
                                  std::string_view detail) {
  return record(NewAuditEntry{actor, std::string(action), std::string(subject), std::string(detail)});
}

Result<Unit> AuditService::record(const Principal& principal, std::string_view action, std::string_view subject,
                                  std::string_view detail, const std::vector<Id>& people) {
  return record(NewAuditEntry{principal.actor(), std::string(action), std::string(subject), std::string(detail),
                              audit_roles_text(principal.roles), people_text(people)});
}

Result<AuditEntry> AuditService::record_in(Transaction& tx, const Actor& actor, std::string_view action,
                                           std::string_view subject, std::string_view detail) {
  Issues issues = validate_entry(actor, action, subject);
  if (!issues.empty()) return fail(std::move(issues));
  AuditScope* scope = current_audit_scope();
  NewAuditEntry entry{actor, std::string(action), std::string(subject), std::string(detail)};
  if (scope != nullptr) entry.reason = scope->reason();
  return tx.get<app::AuditRepository>().append(entry, clock_.now());
}

Result<AuditEntry> AuditService::record_in(Transaction& tx, const Principal& principal, std::string_view action,
                                           std::string_view subject, std::string_view detail) {
  Issues issues = validate_entry(principal.actor(), action, subject);
  if (!issues.empty()) return fail(std::move(issues));
  AuditScope* scope = current_audit_scope();
  NewAuditEntry entry{principal.actor(), std::string(action), std::string(subject), std::string(detail),
                      audit_roles_text(principal.roles)};
  if (scope != nullptr) entry.reason = scope->reason();
  return tx.get<app::AuditRepository>().append(entry, clock_.now());
}

Result<std::vector<AuditEntry>> AuditService::list(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > 1000) {
    return fail(ErrorCode::kInvalidValue, "limit", "must be between 1 and 1000; found " + std::to_string(query.limit));
  }
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AuditRepository>().list(query); });
}

Result<AuditChainReport> AuditService::verify() {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::AuditRepository>().verify(); });
}

}  // namespace allot::app
