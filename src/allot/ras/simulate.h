#pragma once
// Simulation: a rulebook run over a whole population before go-live, to see who
// gains and who loses against current costs, the protection needed, and whether
// one RAS treats each client group alike (seed 003 uses one RAS for all groups).
//
// "Above the range" means the current cost is below the indicative range (the
// person would gain); "below the range" means it is above it (the person would
// lose, and may need transitional protection).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/money.h"
#include "allot/ras/score.h"

namespace allot::ras {

struct GroupTotals {
  std::string client_group;  // "all" for the overall line
  std::int64_t people = 0;
  Money total_indicative;
  Money total_current;
  std::int64_t above_range = 0;   // current < lower
  std::int64_t within_range = 0;
  std::int64_t below_range = 0;   // current > upper
  Money protection_needed;        // sum of max(0, current - indicative)
};

struct SimulationReport {
  std::string rulebook_id;
  std::int64_t rulebook_version = 0;
  GroupTotals overall;
  std::vector<GroupTotals> groups;  // in order of first appearance
};

class SimulationAccumulator {
 public:
  SimulationAccumulator();
  void add(std::string_view client_group, const CompiledRulebook::Amounts& amounts, Money current_annual);
  // Adds the totals of the population read after this one (a later part of the
  // same file): groups new to this one follow its own, keeping first appearance.
  void merge(const SimulationAccumulator& later);
  // True once any total went past what 64-bit pence can hold: the report must
  // not be given (totals are never wrapped or clamped).
  bool overflowed() const { return overflowed_; }
  SimulationReport report(const Rulebook& rulebook) const;

 private:
  GroupTotals& group(std::string_view client_group);
  void add_totals(GroupTotals& into, const GroupTotals& from);
  bool overflowed_ = false;
  GroupTotals overall_;
  std::vector<GroupTotals> groups_;
  std::size_t last_group_ = 0;
};

nlohmann::json simulation_to_json(const SimulationReport& report);

}  // namespace allot::ras
