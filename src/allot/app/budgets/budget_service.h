#pragma once
// Integrated budgets' use cases (docs/api.md, "Integrated budgets"): funds and
// budgets, commitments that follow agreed personal budgets, payments, monthly
// monitoring with forecast outturn and variance, and the reports (risk-share
// settlement, protection fund, balance of care, new against previous costs,
// a locality's remaining budget, fast-access requests).
//
// Each use case takes the signed-in Principal, asks the access policy inside its
// transaction (kForbidden), audits every change in the same transaction, and
// returns typed values. Bad input gets every problem with its path and changes
// nothing.
//
// Commitments follow agreed budgets without the journey knowing: before any
// figure is read, the commitments are brought up to date with people's current
// agreed budgets if any record changed since the last time (commitment_sync.h).
//
// Thread-safety: safe to call from several threads; Store and Clock must outlive
// the service.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/budgets/records.h"
#include "allot/app/shared/clock.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"
#include "allot/budgets/forecast.h"
#include "allot/budgets/risk_share.h"

namespace allot::app {

struct SyncReport {
  bool ran = false;   // false: nothing had changed
  int added = 0;      // new commitment rows (a new or changed agreed budget)
  int ended = 0;      // rows ended (a changed or ended agreed budget)
  int open = 0;       // open rows afterwards
  Issues problems;    // agreed budgets that could not be turned into commitments, each named
};

struct LineMonitoring {
  BudgetLine line;
  budgets::LineForecast figures;
};

struct Monitoring {
  BudgetRecord budget;
  Date as_of;                 // actuals to this day; commitments after it are "remaining"
  std::vector<LineMonitoring> lines;
  budgets::LineForecast total;
  Money contributions;        // the budget: what the partners put in
  Money unallocated;          // contributions - the lines' allocations
  int commitments = 0;        // agreed budgets committing into this budget
  int unmatched_payments = 0;
  std::vector<std::string> flags;  // overspends, in words
};

struct PaymentInput {
  Date paid_on;
  std::string payee;
  std::string person_reference;
  Money amount;
  std::string budget_line;
  std::string reference;
  std::string idempotency_key;  // defaults to the reference
  std::optional<Id> corrects;
};

struct PostedPayment {
  PaymentRecord payment;
  bool repeated = false;  // the key was posted before: nothing new was counted
};

struct ImportReport {
  int lines = 0;
  int posted = 0;
  int repeated = 0;    // already posted (same reference): not counted again
  int unmatched = 0;   // posted but matched to no line or person: listed below
  Money posted_total;  // of the matched lines newly posted
  std::vector<PaymentRecord> unmatched_lines;
};

struct SettlementReport {
  BudgetRecord budget;
  Monitoring monitoring;
  budgets::Settlement settlement;
  std::vector<std::string> arithmetic;  // every step, in words
};

struct ProtectionDraw {
  Id person_id = 0;
  Money annual;
  Money drawn_this_year;
  std::optional<Date> review_due;
  bool review_overdue = false;
};

struct ProtectionReport {
  BudgetRecord budget;
  BudgetLine line;
  Money fund;       // the top-slice
  Money drawn;      // committed this year by every protection
  Money balance;    // fund - drawn
  std::vector<ProtectionDraw> draws;
};

struct SettingMonth {
  Money institutional;
  Money community;
};
struct BalanceOfCare {
  BudgetRecord budget;
  std::array<SettingMonth, 12> months;
  Money institutional;
  Money community;
};

struct NewAgainstPreviousRow {
  std::string client_group;
  int people = 0;
  budgets::Months previous;  // the previous package cost, pro rata by month
  budgets::Months agreed;    // the agreed budget, pro rata by month
  Money previous_total;
  Money agreed_total;
};
struct NewAgainstPrevious {
  int financial_year = 0;
  std::vector<NewAgainstPreviousRow> by_client_group;
  NewAgainstPreviousRow total;
};

struct LocalityRemaining {
  Id budget_id = 0;
  std::string budget;
  BudgetLine line;
  Money forecast;
  Money remaining;  // allocation - forecast outturn
};

// An overspend flagged to a budget's managers (the organisation running it and
// the one accountable for it) at the moment a posting or a commitment change
// takes its forecast outturn over budget, or back within it. Kept in the audit
// log (action "overspend_alert" or "overspend_cleared" on "budget:ID", or
// "budget:ID/line:CODE" for one allocation line), attributed to whoever made
// the change.
struct OverspendAlert {
  Id id = 0;  // the audit entry's id
  Id budget_id = 0;
  std::string budget;      // the budget's name
  std::string line;        // the line's code; empty for the budget as a whole
  bool overspend = true;   // false: back within budget
  bool current = false;    // the latest word on this budget or line
  std::string message;     // in words, with the amounts
  std::string managed_by_agency;
  std::string accountable_agency;
  std::string recorded_by;
  std::string agency;
  Timestamp at;
};

class BudgetService {
 public:
  BudgetService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<BudgetFund> add_fund(const Principal& principal, const BudgetFund& fund);
  Result<std::vector<BudgetFund>> funds(const Principal& principal);
  Result<BudgetRecord> add_budget(const Principal& principal, const BudgetRecord& budget);
  // The budgets this principal may see (an administrator sees all).
  Result<std::vector<BudgetRecord>> budgets(const Principal& principal);
  Result<BudgetRecord> budget(const Principal& principal, Id budget_id);

  // Brings the commitments up to date now (budgets.manage); audited.
  Result<SyncReport> refresh_commitments(const Principal& principal);

  Result<Monitoring> monitoring(const Principal& principal, Id budget_id);

  Result<PostedPayment> post_payment(const Principal& principal, Id budget_id, const PaymentInput& input);
  // Every problem with the file (kMalformed, kInvalidValue...) refuses it whole;
  // otherwise every line is posted once (by its reference) and unmatched ones
  // are listed.
  Result<ImportReport> import_payments(const Principal& principal, Id budget_id, std::string_view csv,
                                       std::string_view source);
  Result<std::vector<PaymentRecord>> unmatched_payments(const Principal& principal, Id budget_id);
  Result<std::vector<PaymentRecord>> recent_payments(const Principal& principal, Id budget_id);

  Result<SettlementReport> settlement(const Principal& principal, Id budget_id);
  Result<ProtectionReport> protection(const Principal& principal, Id budget_id);
  Result<BalanceOfCare> balance_of_care(const Principal& principal, Id budget_id);
  Result<NewAgainstPrevious> new_against_previous(const Principal& principal, int financial_year);
  Result<std::vector<LocalityRemaining>> my_locality(const Principal& principal);

  Result<FastAccessRequest> request_fast_access(const Principal& principal, Id budget_id,
                                                const FastAccessRequest& request);
  Result<FastAccessRequest> decide_fast_access(const Principal& principal, Id budget_id, Id request_id,
                                               const std::string& decision, const std::string& reason);
  Result<std::vector<FastAccessRequest>> fast_access_requests(const Principal& principal, Id budget_id);
  // The fast-access budgets, for anyone who may read budgets, ask or decide.
  Result<std::vector<BudgetRecord>> fast_access_budgets(const Principal& principal);

  // The overspend alerts of the budgets this principal may see, newest first
  // (budgets.read).
  Result<std::vector<OverspendAlert>> alerts(const Principal& principal);

  Date today() const;

 private:
  // Brings commitments up to date if a person's record changed since; audited as
  // the system acting on the principal's read.
  Result<Unit> sync_if_stale(const Principal& principal);
  Result<BudgetRecord> visible_budget(Transaction& tx, const Principal& principal, Id budget_id);
  Result<Monitoring> monitor(Transaction& tx, const BudgetRecord& budget);

  Store& store_;
  const Clock& clock_;
};

// Monitoring of one budget as of `today` inside the caller's transaction (no
// access check: the caller has asked).
Result<Monitoring> monitor_budget(Transaction& tx, const BudgetRecord& budget, Date today);

// Flags each budget (or allocation line) newly forecast over budget, and each
// back within it, to its managers: an OverspendAlert kept in the audit log by
// `actor` at `now`, naming `cause`. Only budgets of now's financial year are looked
// at; `budget_id` limits it to one. Returns how many alerts were recorded.
Result<int> record_overspend_alerts(Transaction& tx, Timestamp now, const Actor& actor, const std::string& cause,
                                    std::optional<Id> budget_id);

// True if the principal's agency hosts, runs, is accountable for or contributes
// to the budget, or the principal is an administrator.
bool may_see_budget(const Principal& principal, const BudgetRecord& budget);

}  // namespace allot::app
