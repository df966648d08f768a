// Payments (actuals) and fast-access requests.
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "allot/app/budgets/budget_service.h"
#include "allot/app/budgets/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/budgets/commitments.h"
#include "allot/budgets/money_checks.h"
#include "allot/budgets/payments_csv.h"

namespace allot::app {

namespace {

Result<Unit> check(const Principal& principal, std::string_view action) {
  return AccessPolicy::standard().check(principal, action);
}

Result<Unit> audit(Transaction& tx, const Principal& principal, std::string action, std::string subject,
                   std::string detail, Timestamp now) {
  Result<AuditEntry> entry = tx.get<AuditRepository>().append(
      NewAuditEntry{principal.actor(), std::move(action), std::move(subject), std::move(detail)}, now);
  if (!entry) return fail(entry.error());
  return Unit{};
}

int month_index(Date date) { return static_cast<int>((date.month() + 12 - 4) % 12); }

// Matches a payment to its budget line and person; the reason it cannot be
// matched, or empty.
Result<std::string> match(Transaction& tx, const BudgetRecord& budget, const PaymentInput& input,
                          PaymentRecord& payment) {
  std::string reason;
  for (const BudgetLine& line : budget.lines) {
    if (line.code == input.budget_line) payment.line_id = line.id;
  }
  if (!payment.line_id) reason = fmt::format("no budget line \"{}\" in {}", input.budget_line, budget.code);
  if (budgets::financial_year_of(input.paid_on).start_year != budget.financial_year) {
    if (!reason.empty()) reason += "; ";
    reason += fmt::format("paid on {} outside the budget's financial year {}", input.paid_on.to_string(),
                          budgets::FinancialYear{budget.financial_year}.label());
    payment.line_id.reset();
  }
  if (!input.person_reference.empty()) {
    const std::optional<std::int64_t> person_id = budgets::parse_person_reference(input.person_reference);
    bool known = false;
    if (person_id) {
      Result<PersonRecord> person = tx.get<PersonRepository>().get(*person_id);
      if (!person && person.error()[0].code != ErrorCode::kNotFound) return fail(person.error());
      known = person.has_value();
    }
    if (!known) {
      if (!reason.empty()) reason += "; ";
      reason += fmt::format("no person or package \"{}\"", input.person_reference);
      payment.line_id.reset();
    }
  }
  return reason;
}

Result<PostedPayment> post_one(Transaction& tx, const Principal& principal, const BudgetRecord& budget,
                               const PaymentInput& input, Timestamp now) {
  PaymentRepository& payments = tx.get<PaymentRepository>();
  const std::string key = input.idempotency_key.empty() ? input.reference : input.idempotency_key;
  Result<std::optional<PaymentRecord>> existing = payments.find_by_key(budget.id, key);
  if (!existing) return fail(existing.error());
  if (*existing) return PostedPayment{**existing, true};
  PaymentRecord payment;
  payment.budget_id = budget.id;
  payment.line_code = input.budget_line;
  payment.paid_on = input.paid_on;
  payment.payee = input.payee;
  payment.person_reference = input.person_reference;
  payment.amount = input.amount;
  payment.reference = input.reference;
  payment.idempotency_key = key;
  payment.corrects = input.corrects;
  payment.posted_by = principal.username;
  payment.agency = principal.agency;
  Result<std::string> reason = match(tx, budget, input, payment);
  if (!reason) return fail(reason.error());
  payment.unmatched_reason = *reason;
  Result<PaymentRecord> posted = payments.post(payment, month_index(input.paid_on), now);
  if (!posted) {
    // Another transaction posted the same key while this one ran (PostgreSQL runs
    // them at once): it is the same payment, answered as repeated.
    const Issues& issues = posted.error();
    if (issues.size() == 1 && issues.front().code == ErrorCode::kConflict && issues.front().path == "idempotency_key") {
      Result<std::optional<PaymentRecord>> committed = payments.find_by_key(budget.id, key);
      if (committed && *committed) return PostedPayment{**committed, true};
    }
    return fail(posted.error());
  }
  return PostedPayment{*posted, false};
}

}  // namespace

Result<PostedPayment> BudgetService::post_payment(const Principal& principal, Id budget_id, const PaymentInput& input) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<PostedPayment> {
    if (auto allowed = check(principal, "budgets.post_payments"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = visible_budget(tx, principal, budget_id);
    if (!budget) return fail(budget.error());
    Issues issues;
    if (input.reference.empty() && input.idempotency_key.empty()) {
      issues.push_back(Issue{ErrorCode::kMissingField, "reference", "a payment needs a reference or an idempotency key"});
    }
    if (input.amount == Money{}) issues.push_back(Issue{ErrorCode::kInvalidValue, "amount_pence", "must not be zero"});
    if (input.corrects) {
      Result<PaymentRecord> corrected = tx.get<PaymentRepository>().get(*input.corrects);
      if (!corrected || corrected->budget_id != budget_id) {
        issues.push_back(Issue{ErrorCode::kUnknownReference, "corrects",
                               fmt::format("there is no payment {} in this budget", *input.corrects)});
      }
    }
    if (!issues.empty()) return fail(std::move(issues));
    Result<PostedPayment> posted = post_one(tx, principal, *budget, input, clock_.now());
    if (!posted) return posted;
    if (!posted->repeated) {
      if (auto audited = audit(tx, principal, "post_payment", fmt::format("budget:{}", budget_id),
                               fmt::format("{} {} {}", posted->payment.reference, format_pounds(input.amount),
                                           posted->payment.unmatched_reason.empty() ? "matched" : "unmatched"),
                               clock_.now());
          !audited) {
        return fail(audited.error());
      }
    }
    return posted;
  });
}

Result<ImportReport> BudgetService::import_payments(const Principal& principal, Id budget_id, std::string_view csv,
                                                    std::string_view source) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<ImportReport> {
    if (auto allowed = check(principal, "budgets.post_payments"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = visible_budget(tx, principal, budget_id);
    if (!budget) return fail(budget.error());
    Result<std::vector<budgets::PaymentLine>> lines = budgets::read_payments_csv(csv, source);
    if (!lines) return fail(lines.error());
    ImportReport report;
    Issues issues;
    for (const budgets::PaymentLine& line : *lines) {
      ++report.lines;
      const PaymentInput input{line.paid_on, line.payee,      line.person_reference, line.amount,
                               line.budget_line, line.reference, "", std::nullopt};
      Result<PostedPayment> posted = post_one(tx, principal, *budget, input, clock_.now());
      if (!posted) return fail(posted.error());
      if (posted->repeated) {
        ++report.repeated;
      } else if (!posted->payment.unmatched_reason.empty()) {
        ++report.unmatched;
        report.unmatched_lines.push_back(posted->payment);
      } else {
        ++report.posted;
        budgets::add_into(report.posted_total, line.amount, fmt::format("{}:{}", source, line.line_number), issues);
      }
    }
    if (!issues.empty()) return fail(std::move(issues));
    if (auto audited = audit(tx, principal, "import_payments", fmt::format("budget:{}", budget_id),
                             fmt::format("{}: {} lines, {} posted, {} repeated, {} unmatched", source, report.lines,
                                         report.posted, report.repeated, report.unmatched),
                             clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return report;
  });
}

Result<std::vector<PaymentRecord>> BudgetService::unmatched_payments(const Principal& principal, Id budget_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<PaymentRecord>> {
    if (auto allowed = check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = visible_budget(tx, principal, budget_id);
    if (!budget) return fail(budget.error());
    return tx.get<PaymentRepository>().unmatched(budget_id);
  });
}

Result<std::vector<PaymentRecord>> BudgetService::recent_payments(const Principal& principal, Id budget_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<PaymentRecord>> {
    if (auto allowed = check(principal, "budgets.read"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = visible_budget(tx, principal, budget_id);
    if (!budget) return fail(budget.error());
    return tx.get<PaymentRepository>().recent(budget_id, 200);
  });
}

Result<FastAccessRequest> BudgetService::request_fast_access(const Principal& principal, Id budget_id,
                                                             const FastAccessRequest& request) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<FastAccessRequest> {
    if (auto allowed = check(principal, "budgets.request_fast_access"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = tx.get<BudgetRepository>().get(budget_id);
    if (!budget) return fail(budget.error());
    if (budget->kind != "fast_access") {
      return fail(ErrorCode::kConflict, "id", fmt::format("{} is not a fast-access budget", budget->name));
    }
    Issues issues;
    if (request.amount <= Money{}) issues.push_back(Issue{ErrorCode::kInvalidValue, "amount_pence", "must be more than zero"});
    if (request.amount > budget->request_limit) {
      issues.push_back(Issue{ErrorCode::kInvalidValue, "amount_pence",
                             fmt::format("{} is over the limit per request of {}", format_pounds(request.amount),
                                         format_pounds(budget->request_limit))});
    }
    if (request.purpose.empty()) issues.push_back(Issue{ErrorCode::kMissingField, "purpose", "say what it is for"});
    if (!issues.empty()) return fail(std::move(issues));
    FastAccessRequest stored = request;
    stored.budget_id = budget_id;
    stored.requested_by = principal.username;
    Result<FastAccessRequest> added = tx.get<FastAccessRepository>().add(stored, clock_.now());
    if (!added) return added;
    if (auto audited = audit(tx, principal, "request_fast_access", fmt::format("budget:{}", budget_id),
                             fmt::format("request {} {}", added->id, format_pounds(added->amount)), clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return added;
  });
}

Result<FastAccessRequest> BudgetService::decide_fast_access(const Principal& principal, Id budget_id, Id request_id,
                                                            const std::string& decision, const std::string& reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<FastAccessRequest> {
    if (auto allowed = check(principal, "budgets.decide_fast_access"); !allowed) return fail(allowed.error());
    Result<BudgetRecord> budget = tx.get<BudgetRepository>().get(budget_id);
    if (!budget) return fail(budget.error());
    if (budget->approver != principal.username) {
      return fail(ErrorCode::kForbidden, "", fmt::format("only the named approver {} decides these requests", budget->approver));
    }
    if (decision != "approved" && decision != "refused") {
      return fail(ErrorCode::kInvalidValue, "decision", fmt::format("expected approved or refused; found \"{}\"", decision));
    }
    if (decision == "refused" && reason.empty()) {
      return fail(ErrorCode::kMissingField, "reason", "a refusal needs its reason");
    }
    Result<FastAccessRequest> decided =
        tx.get<FastAccessRepository>().decide(request_id, decision, principal.username, reason, clock_.now());
    if (!decided) return decided;
    if (decided->budget_id != budget_id) return fail(ErrorCode::kNotFound, "request", "no such request in this budget");
    if (auto audited = audit(tx, principal, "decide_fast_access", fmt::format("budget:{}", budget_id),
                             fmt::format("request {} {}", request_id, decision), clock_.now());
        !audited) {
      return fail(audited.error());
    }
    return decided;
  });
}

namespace {

bool may_use_fast_access(const Principal& principal) {
  const AccessPolicy& policy = AccessPolicy::standard();
  return policy.allows(principal, "budgets.read") || policy.allows(principal, "budgets.request_fast_access") ||
         policy.allows(principal, "budgets.decide_fast_access");
}

}  // namespace

Result<std::vector<BudgetRecord>> BudgetService::fast_access_budgets(const Principal& principal) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<BudgetRecord>> {
    if (!may_use_fast_access(principal)) return fail(check(principal, "budgets.request_fast_access").error());
    Result<std::vector<BudgetRecord>> all = tx.get<BudgetRepository>().list();
    if (!all) return all;
    std::vector<BudgetRecord> fast;
    for (BudgetRecord& budget : *all) {
      if (budget.kind == "fast_access") fast.push_back(std::move(budget));
    }
    return fast;
  });
}

Result<std::vector<FastAccessRequest>> BudgetService::fast_access_requests(const Principal& principal, Id budget_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<FastAccessRequest>> {
    if (!may_use_fast_access(principal)) return fail(check(principal, "budgets.request_fast_access").error());
    Result<BudgetRecord> budget = tx.get<BudgetRepository>().get(budget_id);
    if (!budget) return fail(budget.error());
    return tx.get<FastAccessRepository>().for_budget(budget_id);
  });
}

}  // namespace allot::app
