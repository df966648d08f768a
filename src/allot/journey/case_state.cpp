#include "allot/journey/case_state.h"

#include <algorithm>

namespace allot::journey {
namespace {

constexpr const char* kDecidedByIds[] = {"team_manager", "resource_allocation_group", "equipment"};
constexpr const char* kFundingSourceIds[] = {"council", "nhs"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_id(const char* const (&ids)[N], std::string_view id) {
  for (std::size_t index = 0; index < N; ++index) {
    if (id == ids[index]) return static_cast<Enum>(index);
  }
  return std::nullopt;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

bool routed_to_panel(const CaseState& state) {
  return state.sign_off && state.sign_off->route == SignOffRoute::kResourceAllocationGroup;
}

}  // namespace

const char* decided_by_id(DecidedBy decided_by) { return kDecidedByIds[static_cast<int>(decided_by)]; }
std::optional<DecidedBy> parse_decided_by(std::string_view id) { return parse_id<DecidedBy>(kDecidedByIds, id); }
const char* funding_source_id(FundingSource source) { return kFundingSourceIds[static_cast<int>(source)]; }
std::optional<FundingSource> parse_funding_source(std::string_view id) {
  return parse_id<FundingSource>(kFundingSourceIds, id);
}

Money AgreedBudget::for_delivery(DeliveryOption option) const {
  const auto found = by_delivery_option.find(option);
  return found == by_delivery_option.end() ? Money() : found->second;
}

Money AgreedBudget::from_source(FundingSource source) const {
  const auto found = by_funding_source.find(source);
  return found == by_funding_source.end() ? Money() : found->second;
}

CaseState new_case_state(const PersonDetails& details) {
  CaseState state;
  if (is_carer(details)) state.carer = CarerAssessments{};
  return state;
}

bool is_carer(const PersonDetails& details) { return details.cares_for.has_value(); }

bool awaits_panel(const CaseState& state) { return state.stage == Stage::kAwaitingSignOff && routed_to_panel(state); }

std::optional<Date> review_due(const CaseState& state) {
  if (!state.agreed_budget || state.stage != Stage::kActive) return std::nullopt;
  return state.agreed_budget->review_due;
}

std::vector<std::string> allowed_steps(const PersonDetails& details, const CaseState& state) {
  std::vector<std::string> steps;
  if (is_carer(details)) {
    steps.push_back("carer_first_stage");
    if (state.carer && state.carer->first_stage && state.carer->first_stage->refer_for_full_assessment &&
        !state.carer->full_assessment) {
      steps.push_back("carer_full_assessment");
    }
    // After the full assessment a carer's budget takes the journey's steps from
    // support planning on; a carer's case is opened by their assessments, never a contact.
    if (!state.stage || *state.stage == Stage::kClosed) return steps;
  } else if (!state.stage || *state.stage == Stage::kClosed) {
    return {"contact"};
  }
  for (const Step step : journey::allowed_steps(*state.stage)) steps.push_back(step_id(step));
  // A plan routed to the Resource Allocation Group is decided in a panel meeting,
  // so `decide` is not a step anyone can take on the record itself.
  if (awaits_panel(state)) std::erase(steps, std::string("decide"));
  return steps;
}

Issues refuse_unless_allowed(const PersonDetails& details, const CaseState& state, std::string_view step) {
  const std::vector<std::string> allowed = allowed_steps(details, state);
  if (std::find(allowed.begin(), allowed.end(), step) != allowed.end()) return {};
  std::string where;
  if (is_carer(details) && (!state.stage || *state.stage == Stage::kClosed)) {
    where = "this is a carer's record";
  } else if (step == "decide" && routed_to_panel(state)) {
    where = "this plan goes to the Resource Allocation Group; record the decision in a panel meeting "
            "(POST /api/v1/panel/meetings)";
  } else if (state.stage) {
    where = std::string("the case is at stage ") + stage_id(*state.stage);
  } else {
    where = "there is no open case";
  }
  return {Issue{ErrorCode::kConflict, "step",
                "cannot " + std::string(step) + ": " + where + "; steps allowed: " +
                    (allowed.empty() ? std::string("none") : join(allowed))}};
}

}  // namespace allot::journey
