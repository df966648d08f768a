#pragma once
// A rulebook: the published criteria of a Resource Allocation System (RAS).
// Questions by domain with answer levels, an allocation method turning answers
// into money, adjustments, a range and review flags. A published version is
// immutable; a change is a new version (seed 003: "recalibrate as experience grows").
//
// Values here are already validated: build them with parse_rulebook()
// (rulebook_json.h), which reports every problem in a document at once.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/fraction.h"
#include "allot/base/money.h"

namespace allot::ras {

inline constexpr const char* kRulebookFormat = "allot-rulebook/1";

struct Answer {
  std::string id;
  std::string text;
  std::int64_t points = 0;
  // Units of service a week this answer typically needs, e.g. {"home_care_hour": 3.5}.
  // The rates method (the "ready reckoner") prices them; other methods show them only.
  std::map<std::string, Fraction> units_per_week;
};

struct Question {
  std::string id;
  std::string domain;  // "Personal care": points are reported per domain
  std::string text;
  std::string help;    // optional plain-language guidance
  std::vector<Answer> answers;
  std::optional<std::size_t> default_answer;  // index into answers, used when unanswered

  std::optional<std::size_t> find_answer(std::string_view answer_id) const;
};

enum class AllocationMethod { kPoints, kBands, kRates };
const char* allocation_method_name(AllocationMethod method);

struct Band {
  std::int64_t from_points = 0;  // inclusive
  std::int64_t to_points = 0;    // inclusive
  std::string label;
  Money annual;
};

struct Allocation {
  AllocationMethod method = AllocationMethod::kPoints;
  Money pence_per_point;                 // points: the annual value of a point
  std::vector<Band> bands;               // bands: ascending, contiguous
  std::map<std::string, Money> rates;    // rates: pence per unit, e.g. home_care_hour -> 1850
};

// Adjustments multiply the money by a factor chosen by the answer to one question,
// e.g. less when family and friends give informal support (seed 003).
enum class AdjustmentKind { kInformalSupport, kTwoCarerSupport, kNightSupport, kOther };
const char* adjustment_kind_name(AdjustmentKind kind);

struct Adjustment {
  AdjustmentKind kind = AdjustmentKind::kOther;
  std::string label;                 // how the derivation names it
  std::size_t question = 0;          // index into Rulebook::questions
  std::vector<Fraction> factors;     // one per answer of that question, in (0, 2]
};

// A RAS is a starting point, never a cap (Care Act statutory guidance 11.24): a
// review flag only marks a budget for a closer look; nothing is ever reduced.
enum class FlagCondition { kAboveAnnual, kBelowAnnual, kAbovePoints };
struct ReviewFlag {
  FlagCondition condition = FlagCondition::kAboveAnnual;
  std::int64_t threshold = 0;  // pence for the annual conditions, points otherwise
  std::string flag;            // "panel_review"
};

struct Rulebook {
  std::string id;
  std::int64_t version = 1;
  std::string title;
  std::string description;
  Date effective_from;
  std::vector<Question> questions;
  Allocation allocation;
  std::vector<Adjustment> adjustments;
  std::int64_t range_percent = 0;  // the indicative range is annual x (100 -/+ this) / 100
  std::vector<ReviewFlag> review_flags;

  std::optional<std::size_t> find_question(std::string_view question_id) const;
  // The largest total of points any set of answers can reach.
  std::int64_t max_total_points() const;
};

}  // namespace allot::ras
