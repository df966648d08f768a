#pragma once
// Scoring: answers to an indicative personal budget with a derivation a person
// can follow line by line. The arithmetic (docs/rulebooks.md):
//   total points = sum of the chosen answers' points;
//   money before adjustments = points x pence_per_point, or the band's amount,
//     or 52 x sum(units x rate);
//   annual = that x every adjustment factor, rounded once, half away from zero;
//   weekly = annual / 52 rounded; range = annual x (100 -/+ range_percent) / 100 rounded.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/fraction.h"
#include "allot/base/money.h"
#include "allot/ras/answers.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

struct DomainPoints {
  std::string domain;
  std::int64_t points = 0;
  Money annual;          // this domain's share before adjustments, to the penny
  bool priced = true;    // false under the bands method, where only the total is priced
};

struct Score {
  std::string rulebook_id;
  std::int64_t rulebook_version = 0;
  std::int64_t total_points = 0;
  Fraction adjusted_points;  // total points x every adjustment factor
  Money annual;
  Money weekly;
  Money lower_annual;
  Money upper_annual;
  std::string band_label;  // bands method only
  std::vector<std::string> flags;
  std::vector<DomainPoints> domains;
  std::vector<std::string> derivation;  // "1. Personal care: 8 points x £45.00 = £360.00"
};

// The full score with its derivation. Answers must come from resolve_answers()
// for the same rulebook.
Score score_assessment(const Rulebook& rulebook, const AnswerSet& answers);

// The CLI's and API's JSON for a score: rulebook_id, rulebook_version, total_points,
// annual_pence, weekly_pence, lower_annual_pence, upper_annual_pence, flags,
// domains [{domain, points, annual_pence}], derivation.
nlohmann::json score_to_json(const Score& score);

// Scores many people fast with the same arithmetic as score_assessment() and no
// text: the simulation and calibration path. Built once per rulebook.
class CompiledRulebook {
 public:
  explicit CompiledRulebook(const Rulebook& rulebook);

  struct Amounts {
    std::int64_t total_points = 0;
    Money annual;
    Money lower_annual;
    Money upper_annual;
  };
  // chosen: one answer index per question (as in AnswerSet::chosen).
  Amounts score(const std::size_t* chosen) const;

  // Adjusted points as numerator / adjusted_points_denominator(), exact.
  Int128 adjusted_points_numerator(const std::size_t* chosen) const;
  Int128 adjusted_points_denominator() const { return factor_denominator_; }

  const Rulebook& rulebook() const { return rulebook_; }

 private:
  // Every adjustment's factors over one common denominator, so a person's money is
  // base x product(numerators) / (base denominator x product(denominators)):
  // one exact division per person.
  struct CompiledAdjustment {
    std::size_t question = 0;
    std::vector<Int128> numerators;
  };
  const Rulebook& rulebook_;
  std::vector<std::size_t> answer_offset_;          // question -> first slot in answer tables
  std::vector<std::int64_t> answer_points_;
  std::vector<Int128> answer_weekly_numerator_;     // rates: weekly pence x units_denominator_
  Int128 units_denominator_ = 1;
  std::vector<CompiledAdjustment> adjustments_;
  Int128 factor_denominator_ = 1;
};

}  // namespace allot::ras
