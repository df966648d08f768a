#pragma once
// What must hold of every case and plan version kept, whatever wrote them: the
// checks `allot db check` runs, so a bad row is found even if one slips in past
// the use cases (a hand-edited database, a restored backup, a bug). Each problem
// is an Issue whose path points into the stored document.

#include <vector>

#include "allot/base/issue.h"
#include "allot/journey/case_state.h"
#include "allot/journey/plan_version.h"

namespace allot::journey {

// Every amount in the case within 0 to kMaxPence (a difference within ±kMaxPence),
// an agreed budget's splits by delivery option and by funding source each summing
// to its annual amount, and every plan version it names among `plan_versions`
// (those kept for this person): an agreed budget decided by a team manager or the
// Resource Allocation Group is backed by a plan version.
Issues check_case_invariants(const CaseState& state, const std::vector<int>& plan_versions);

// A kept plan version: its lines pass check_support_plan (no negative or
// overflowing amounts, units within their bounds), its totals are its lines'
// totals, and `annual_column` (the amount kept beside it) is its annual total.
Issues check_plan_invariants(const PlanVersion& plan, Money annual_column);

}  // namespace allot::journey
