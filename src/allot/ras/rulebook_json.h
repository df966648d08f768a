#pragma once
// Reading and writing rulebook documents (format "allot-rulebook/1", docs/rulebooks.md).
// No I/O: the caller reads the file and passes the parsed JSON in.

#include <nlohmann/json.hpp>

#include "allot/base/enum_text.h"
#include "allot/base/issue.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

// The stable text of the rulebook's enums, as written in documents.
inline constexpr auto kAllocationMethods = make_enum_text<AllocationMethod>({
    {AllocationMethod::kPoints, "points"},
    {AllocationMethod::kBands, "bands"},
    {AllocationMethod::kRates, "rates"},
});
inline constexpr auto kAdjustmentKinds = make_enum_text<AdjustmentKind>({
    {AdjustmentKind::kInformalSupport, "informal_support"},
    {AdjustmentKind::kTwoCarerSupport, "two_carer_support"},
    {AdjustmentKind::kNightSupport, "night_support"},
    {AdjustmentKind::kOther, "other"},
});
// A review flag's condition is named by the field that holds its threshold.
inline constexpr auto kFlagConditions = make_enum_text<FlagCondition>({
    {FlagCondition::kAboveAnnual, "above_annual_pence"},
    {FlagCondition::kBelowAnnual, "below_annual_pence"},
    {FlagCondition::kAbovePoints, "above_points"},
});
static_assert(kAllocationMethods.covers_through(AllocationMethod::kRates));
static_assert(kAdjustmentKinds.covers_through(AdjustmentKind::kOther));
static_assert(kFlagConditions.covers_through(FlagCondition::kAbovePoints));

// Validates a rulebook document and converts it. On failure returns every problem
// found, each with its JSON path ("questions[2].answers[1].points") and a message.
Result<Rulebook> parse_rulebook(const nlohmann::json& document);

// The canonical document for a rulebook; parse_rulebook(rulebook_to_json(r)) == r.
nlohmann::json rulebook_to_json(const Rulebook& rulebook);

// Parses JSON text, turning a syntax error into an Issue with line and column
// (base/json_reader.h parse_json(), kept here for its callers).
Result<nlohmann::json> parse_json_text(std::string_view text, std::string_view source_name);

}  // namespace allot::ras
