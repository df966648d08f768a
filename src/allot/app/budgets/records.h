#pragma once
// Integrated budgets' stored values (docs/api.md, "Integrated budgets"). Money is
// whole pence; dates are ISO dates; a financial year is named by the calendar
// year it starts in (2026 is 1 April 2026 to 31 March 2027).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/date.h"
#include "allot/base/money.h"

namespace allot::app {

// A source of money: "council_core", "nhs_contribution" or "grant" (a named
// grant with its conditions and end date), owned by one organisation.
struct BudgetFund {
  Id id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::string owner_agency;  // agency code
  std::string conditions;    // a grant's conditions; may be empty
  std::optional<Date> end_date;
  std::string created_by;
  Timestamp created_at;
  bool operator==(const BudgetFund&) const = default;
};

// A partner's contribution from one fund to a budget.
struct BudgetContribution {
  Id fund_id = 0;
  std::string partner_agency;
  std::string funding_source;  // "council" or "nhs": which share of an agreed budget it meets
  Money amount;
  bool operator==(const BudgetContribution&) const = default;
};

// An allocation of a budget: a locality or team (devolved budgets), a client
// group or programme, the top-slice to the protection fund. Commitments of
// people whose locality and client group match (an empty field matches any)
// count against the most specific matching line.
struct BudgetLine {
  Id id = 0;
  std::string code;          // unique within the budget; the budget_line of a payment
  std::string name;
  std::string kind;          // "locality", "team", "client_group", "programme", "protection_fund", "other"
  std::string locality;      // match; empty: any
  std::string client_group;  // match; empty: any
  std::string setting;       // "institutional" or "community" (balance of care); may be empty
  Money amount;
  bool operator==(const BudgetLine&) const = default;
};

// A budget for one financial year: "pooled" (one host; a risk-share rule),
// "aligned" (partners keep their money but plan and report together) or
// "fast_access" (a named approver, a limit per request, a decision within the
// day). Shadow management: managed_by runs it day to day while accountable
// stays answerable; both are recorded and both see it.
struct BudgetRecord {
  Id id = 0;
  std::string code;
  std::string name;
  int financial_year = 0;
  std::string kind;
  std::string host_agency;
  std::string managed_by_agency;
  std::string accountable_agency;
  std::string risk_share;   // "equal_shares", "by_contribution", "each_bears_own"; empty when aligned
  std::string approver;     // fast access: the approver's username
  Money request_limit;      // fast access: the most one request may ask for
  std::vector<BudgetContribution> contributions;
  std::vector<BudgetLine> lines;
  std::string created_by;
  Timestamp created_at;
  bool operator==(const BudgetRecord&) const = default;
};

// What one agreed personal budget commits, by funding source, net of the
// person's contribution, from its start to its end (none while it runs on).
// Kept by commitment_sync.h in step with people's agreed budgets: a change ends
// the old row and adds a new one; an end sets the end date. Never edited
// otherwise.
struct CommitmentRecord {
  Id id = 0;
  Id person_id = 0;
  std::string locality;
  std::string client_group;
  Date start;
  std::optional<Date> end;
  Money council_recurring;  // a year, pro rata by day
  Money council_one_off;
  Money nhs_recurring;
  Money nhs_one_off;
  Money contribution_annual;  // netted off the council's share already
  Money protection_annual;    // transitional protection drawn from the protection fund
  std::optional<Date> protection_review_due;
  Money previous_package_annual;  // for new against previous costs; zero when unknown
  std::int64_t person_row_version = 0;
  Timestamp recorded_at;
  bool operator==(const CommitmentRecord&) const = default;
};

// A payment (an actual), posted one by one or imported. Append-only: a
// correction is a new posting (corrects names the one it corrects). A line that
// cannot be matched (unknown budget line or person) is kept with its reason,
// listed, and counted nowhere.
struct PaymentRecord {
  Id id = 0;
  Id budget_id = 0;
  std::optional<Id> line_id;
  std::string line_code;
  Date paid_on;
  std::string payee;
  std::string person_reference;
  Money amount;
  std::string reference;
  std::string idempotency_key;  // unique per budget: a repeat is recognised, never counted twice
  std::optional<Id> corrects;
  std::string unmatched_reason;  // empty when matched
  std::string posted_by;
  std::string agency;
  Timestamp posted_at;
  bool operator==(const PaymentRecord&) const = default;
};

// Monthly actuals of one line: the running totals kept as payments are posted.
struct MonthlyActual {
  Id line_id = 0;
  int month_index = 0;  // 0 = April
  Money amount;
};

// A request to a fast-access budget and its decision.
struct FastAccessRequest {
  Id id = 0;
  Id budget_id = 0;
  std::string person_reference;
  std::string purpose;
  Money amount;
  std::string requested_by;
  Timestamp requested_at;
  std::string decision;  // "", "approved", "refused"
  std::string decided_by;
  std::optional<Timestamp> decided_at;
  std::string reason;
  bool operator==(const FastAccessRequest&) const = default;
};

}  // namespace allot::app
