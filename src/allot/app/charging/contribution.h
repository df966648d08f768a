#pragma once
// What a person pays towards their care, for other capabilities (the budgets'
// commitments are net of it). Read inside the caller's transaction; the caller
// has already asked the access policy for its own action.

#include <map>
#include <optional>
#include <string>

#include "allot/app/shared/store.h"
#include "allot/base/date.h"
#include "allot/base/money.h"
#include "allot/charging/shares.h"
#include "allot/journey/case_state.h"

namespace allot::app {

struct Contribution {
  enum class Kind {
    kAssessed,  // the person pays the smaller of `weekly` and the weekly cost of care
    kFullCost,  // deferred, refused or capital above the upper limit: the person pays the whole cost
  };
  Kind kind = Kind::kAssessed;
  // kAssessed: what the person can pay a week, before the cap at the cost of care.
  // kFullCost: the weekly cost of care when assessed (for information: the
  // person pays whatever the cost is).
  Money weekly;
  Date effective_from;
  std::string reason;  // why full cost ("deferred: ...", "capital above the upper limit"); empty otherwise
  Id assessment_id = 0;
  std::string recorded_by;  // who recorded the assessment: commitments it changes name them

  // What the person pays a week towards a weekly cost of care: the whole cost
  // for kFullCost, else min(weekly, weekly_cost). weekly_cost must be >= 0.
  Money towards(Money weekly_cost) const {
    if (kind == Kind::kFullCost) return weekly_cost;
    return weekly < weekly_cost ? weekly : weekly_cost;
  }
};

// The contribution in force on `on` (the latest assessment effective on or
// before it), or nothing when the person has no financial assessment then (the
// caller decides; commissioning usually treats that as "not yet assessed").
// kInternal only if the store fails.
Result<std::optional<Contribution>> contribution_on(Transaction& tx, Id person_id, Date on);

// The person's latest assessment, whatever its date.
Result<std::optional<Contribution>> current_contribution(Transaction& tx, Id person_id);

// Every person's contributions over time, in one query: each list by
// effective_from then id (a later entry supersedes an earlier one from its date).
Result<std::map<Id, std::vector<Contribution>>> contribution_timelines(Transaction& tx);

// The contribution in force on `on` in a timeline from contribution_timelines(),
// or nothing before the first.
const Contribution* contribution_in_force(const std::vector<Contribution>& timeline, Date on);

// A week of the agreed budget split between the person, the council and the NHS
// (charging/shares.h): the NHS share from the agreed budget's funding split, the
// person's contribution charged against the social care part only.
Result<charging::CostShares> weekly_shares(const journey::AgreedBudget& agreed, const Contribution* contribution);

// Every person's contribution in force on `on`, in one query (for committing many
// budgets at once); people with no assessment then are absent.
Result<std::map<Id, Contribution>> contributions_on(Transaction& tx, Date on);

}  // namespace allot::app
