#pragma once
// Keeps commitments in step with people's agreed personal budgets, so that
// commitments follow agreed budgets without the journey calling budgets: a new
// agreed budget adds a commitment; a changed one ends the old at the day before
// the new start and adds the new; an ended one (review ended it, case closed)
// ends its commitment on the day the record changed. Nothing is rewritten:
// rows are only added or given an end date.

#include "allot/app/budgets/budget_service.h"
#include "allot/app/shared/store.h"
#include "allot/base/money.h"

namespace allot::app {

struct PersonRecord;

// What the person pays a year towards their care. Zero for now: the charging
// capability (financial assessment, Care Act s26) provides it; commitments are
// net of it already.
Money contribution_for(const PersonRecord& person);

// Brings the commitments up to date inside `tx` (a write transaction).
Result<SyncReport> sync_commitments(Transaction& tx, Timestamp now);

}  // namespace allot::app
