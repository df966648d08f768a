#include "allot/ras/simulate.h"

#include <algorithm>

namespace allot::ras {

SimulationAccumulator::SimulationAccumulator() { overall_.client_group = "all"; }

GroupTotals& SimulationAccumulator::group(std::string_view client_group) {
  // Populations come in runs of the same group often enough that checking the last
  // one first saves most of the search.
  if (last_group_ < groups_.size() && groups_[last_group_].client_group == client_group) return groups_[last_group_];
  for (std::size_t group_idx = 0; group_idx < groups_.size(); ++group_idx) {
    if (groups_[group_idx].client_group == client_group) {
      last_group_ = group_idx;
      return groups_[group_idx];
    }
  }
  groups_.push_back(GroupTotals{});
  groups_.back().client_group = std::string(client_group);
  last_group_ = groups_.size() - 1;
  return groups_.back();
}

namespace {

// Adds pence, noting overflow rather than wrapping.
void add_pence(Money& total, Money amount, bool& overflowed) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(total.pence(), amount.pence(), &sum)) {
    overflowed = true;
    return;
  }
  total = Money::from_pence(sum);
}

}  // namespace

void SimulationAccumulator::add(std::string_view client_group, const CompiledRulebook::Amounts& amounts, Money current_annual) {
  for (GroupTotals* totals : {&overall_, &group(client_group)}) {
    ++totals->people;
    add_pence(totals->total_indicative, amounts.annual, overflowed_);
    add_pence(totals->total_current, current_annual, overflowed_);
    if (current_annual < amounts.lower_annual) {
      ++totals->above_range;
    } else if (current_annual > amounts.upper_annual) {
      ++totals->below_range;
    } else {
      ++totals->within_range;
    }
    // Both are 0 or more, so the difference cannot overflow.
    if (current_annual > amounts.annual) add_pence(totals->protection_needed, current_annual - amounts.annual, overflowed_);
  }
}

void SimulationAccumulator::add_totals(GroupTotals& into, const GroupTotals& from) {
  into.people += from.people;
  add_pence(into.total_indicative, from.total_indicative, overflowed_);
  add_pence(into.total_current, from.total_current, overflowed_);
  into.above_range += from.above_range;
  into.within_range += from.within_range;
  into.below_range += from.below_range;
  add_pence(into.protection_needed, from.protection_needed, overflowed_);
}

void SimulationAccumulator::merge(const SimulationAccumulator& later) {
  overflowed_ = overflowed_ || later.overflowed_;
  add_totals(overall_, later.overall_);
  for (const GroupTotals& totals : later.groups_) add_totals(group(totals.client_group), totals);
}

SimulationReport SimulationAccumulator::report(const Rulebook& rulebook) const {
  SimulationReport report;
  report.rulebook_id = rulebook.id;
  report.rulebook_version = rulebook.version;
  report.overall = overall_;
  report.groups = groups_;
  return report;
}

namespace {

nlohmann::json totals_json(const GroupTotals& totals) {
  return {{"client_group", totals.client_group},
          {"people", totals.people},
          {"total_indicative_pence", totals.total_indicative.pence()},
          {"total_current_pence", totals.total_current.pence()},
          {"difference_pence", (totals.total_indicative - totals.total_current).pence()},
          {"above_range", totals.above_range},
          {"within_range", totals.within_range},
          {"below_range", totals.below_range},
          {"protection_needed_pence", totals.protection_needed.pence()}};
}

}  // namespace

nlohmann::json simulation_to_json(const SimulationReport& report) {
  nlohmann::json groups = nlohmann::json::array();
  for (const GroupTotals& totals : report.groups) groups.push_back(totals_json(totals));
  return {{"rulebook_id", report.rulebook_id},
          {"rulebook_version", report.rulebook_version},
          {"overall", totals_json(report.overall)},
          {"groups", groups}};
}

}  // namespace allot::ras
