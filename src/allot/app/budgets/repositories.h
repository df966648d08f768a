#pragma once
// What integrated budgets need from a database (errors and thread-safety as in
// app/shared/store.h). Reached through Transaction::get<...>().

#include <optional>
#include <string>
#include <vector>

#include "allot/app/budgets/records.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class BudgetFundRepository {
 public:
  virtual ~BudgetFundRepository() = default;
  // kConflict if the code is taken.
  virtual Result<BudgetFund> add(const BudgetFund& fund, Timestamp now) = 0;
  virtual Result<std::vector<BudgetFund>> list() = 0;
};

class BudgetRepository {
 public:
  virtual ~BudgetRepository() = default;
  // Adds a budget with its contributions and lines. kConflict if the code is
  // taken; kUnknownReference for a contribution naming no fund.
  virtual Result<BudgetRecord> add(const BudgetRecord& budget, Timestamp now) = 0;
  // kNotFound if there is none.
  virtual Result<BudgetRecord> get(Id id) = 0;
  // Every budget, by financial year then code, with contributions and lines.
  virtual Result<std::vector<BudgetRecord>> list() = 0;
};

class CommitmentRepository {
 public:
  virtual ~CommitmentRepository() = default;
  // Rows whose end is not set.
  virtual Result<std::vector<CommitmentRecord>> open() = 0;
  // Rows that commit something between first and last (inclusive).
  virtual Result<std::vector<CommitmentRecord>> overlapping(Date first, Date last) = 0;
  virtual Result<CommitmentRecord> add(const CommitmentRecord& commitment, Timestamp now) = 0;
  // Sets the end date of an open row. kConflict if it has one already.
  virtual Result<Unit> end(Id id, Date last_day) = 0;
  // A cheap fingerprint of people's records (count, versions, last change), so
  // the commitments are brought up to date only when a record changed.
  virtual Result<std::string> people_fingerprint() = 0;
  virtual Result<std::optional<std::string>> synced_fingerprint() = 0;
  virtual Result<Unit> set_synced_fingerprint(const std::string& fingerprint) = 0;
};

class PaymentRepository {
 public:
  virtual ~PaymentRepository() = default;
  // The payment with this idempotency key in this budget, if posted before.
  virtual Result<std::optional<PaymentRecord>> find_by_key(Id budget_id, const std::string& key) = 0;
  // Appends a payment and, when matched, adds it to its line's monthly actuals.
  // kConflict if the idempotency key was used (find_by_key first).
  virtual Result<PaymentRecord> post(const PaymentRecord& payment, int month_index, Timestamp now) = 0;
  // Monthly actuals of a budget's lines.
  virtual Result<std::vector<MonthlyActual>> monthly_actuals(Id budget_id) = 0;
  // Unmatched payments of a budget, oldest first.
  virtual Result<std::vector<PaymentRecord>> unmatched(Id budget_id) = 0;
  // The latest payments of a budget, newest first.
  virtual Result<std::vector<PaymentRecord>> recent(Id budget_id, int limit) = 0;
  // kNotFound if none.
  virtual Result<PaymentRecord> get(Id id) = 0;
};

class FastAccessRepository {
 public:
  virtual ~FastAccessRepository() = default;
  virtual Result<FastAccessRequest> add(const FastAccessRequest& request, Timestamp now) = 0;
  // kConflict if already decided; kNotFound if none.
  virtual Result<FastAccessRequest> decide(Id id, const std::string& decision, const std::string& decided_by,
                                           const std::string& reason, Timestamp now) = 0;
  virtual Result<std::vector<FastAccessRequest>> for_budget(Id budget_id) = 0;
};

}  // namespace allot::app
