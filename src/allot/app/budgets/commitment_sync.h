#pragma once
// Keeps commitments in step with people's agreed personal budgets and their
// financial assessments, so that commitments follow agreed budgets without the
// journey or charging calling budgets:
// - a new agreed budget adds a commitment from its start;
// - a changed one ends the old at the day before the new start and adds the new;
// - an ended one (review ended it, case closed) ends its commitment on the day
//   the record changed;
// - a financial assessment changes what the person pays from its effective
//   date: the open commitment ends the day before and a new one, net of the new
//   contribution, runs on (one assessment effective before the open commitment
//   began applies from that commitment's start: closed periods are kept as
//   recorded).
// Nothing is rewritten: rows are only added or given an end date, and every
// change is recorded in the audit log on the person, naming its cause.

#include <string>

#include "allot/app/budgets/budget_service.h"
#include "allot/app/shared/actor.h"
#include "allot/app/shared/store.h"
#include "allot/base/money.h"

namespace allot::app {

// Brings the commitments up to date inside `tx` (a write transaction); each
// person whose commitments change gets an audit entry by `actor`, whose detail
// says why (`cause`, and the financial assessment and who recorded it).
Result<SyncReport> sync_commitments(Transaction& tx, Timestamp now, const Actor& actor, const std::string& cause);

}  // namespace allot::app
