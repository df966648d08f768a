#include "allot/ras/score.h"

#include <numeric>
#include <stdexcept>

namespace allot::ras {
namespace {

Int128 lcm128(Int128 a, Int128 b) {
  Int128 x = a;
  Int128 y = b;
  while (y != 0) {
    const Int128 rest = x % y;
    x = y;
    y = rest;
  }
  return a / x * b;
}

const Band* find_band(const std::vector<Band>& bands, std::int64_t points) {
  for (const Band& band : bands) {
    if (points >= band.from_points && points <= band.to_points) return &band;
  }
  return nullptr;
}

std::string unit_words(std::string_view unit) {
  std::string words(unit);
  for (char& ch : words) {
    if (ch == '_') ch = ' ';
  }
  return words;
}

std::string percent_text(std::int64_t percent) { return std::to_string(percent) + "%"; }

}  // namespace

CompiledRulebook::CompiledRulebook(const Rulebook& rulebook) : rulebook_(rulebook) {
  for (const Question& question : rulebook.questions) {
    for (const Answer& answer : question.answers) {
      for (const auto& [unit, amount] : answer.units_per_week) units_denominator_ = lcm128(units_denominator_, amount.denominator());
    }
  }
  for (const Question& question : rulebook.questions) {
    answer_offset_.push_back(answer_points_.size());
    for (const Answer& answer : question.answers) {
      answer_points_.push_back(answer.points);
      Int128 weekly = 0;
      if (rulebook.allocation.method == AllocationMethod::kRates) {
        for (const auto& [unit, amount] : answer.units_per_week) {
          const Int128 rate = rulebook.allocation.rates.at(unit).pence();
          weekly += amount.numerator() * (units_denominator_ / amount.denominator()) * rate;
        }
      }
      answer_weekly_numerator_.push_back(weekly);
    }
  }
  for (const Adjustment& adjustment : rulebook.adjustments) {
    Int128 denominator = 1;
    for (const Fraction& factor : adjustment.factors) denominator = lcm128(denominator, factor.denominator());
    CompiledAdjustment compiled;
    compiled.question = adjustment.question;
    for (const Fraction& factor : adjustment.factors) {
      compiled.numerators.push_back(factor.numerator() * (denominator / factor.denominator()));
    }
    factor_denominator_ *= denominator;
    adjustments_.push_back(std::move(compiled));
  }
}

Int128 CompiledRulebook::adjusted_points_numerator(const std::size_t* chosen) const {
  Int128 points = 0;
  for (std::size_t question_idx = 0; question_idx < answer_offset_.size(); ++question_idx) {
    points += answer_points_[answer_offset_[question_idx] + chosen[question_idx]];
  }
  for (const CompiledAdjustment& adjustment : adjustments_) points *= adjustment.numerators[chosen[adjustment.question]];
  return points;
}

CompiledRulebook::Amounts CompiledRulebook::score(const std::size_t* chosen) const {
  Amounts amounts;
  Int128 weekly_numerator = 0;
  for (std::size_t question_idx = 0; question_idx < answer_offset_.size(); ++question_idx) {
    const std::size_t slot = answer_offset_[question_idx] + chosen[question_idx];
    amounts.total_points += answer_points_[slot];
    weekly_numerator += answer_weekly_numerator_[slot];
  }
  Int128 numerator = 0;
  Int128 denominator = factor_denominator_;
  switch (rulebook_.allocation.method) {
    case AllocationMethod::kPoints:
      numerator = static_cast<Int128>(amounts.total_points) * rulebook_.allocation.pence_per_point.pence();
      break;
    case AllocationMethod::kBands: {
      const Band* band = find_band(rulebook_.allocation.bands, amounts.total_points);
      // Validation guarantees the bands cover every reachable total.
      if (band == nullptr) throw std::logic_error("score: no band for " + std::to_string(amounts.total_points) + " points");
      numerator = band->annual.pence();
      break;
    }
    case AllocationMethod::kRates:
      numerator = 52 * weekly_numerator;
      denominator *= units_denominator_;
      break;
  }
  for (const CompiledAdjustment& adjustment : adjustments_) numerator *= adjustment.numerators[chosen[adjustment.question]];
  const std::int64_t annual = round_half_away(numerator, denominator);
  amounts.annual = Money::from_pence(annual);
  amounts.lower_annual = Money::from_pence(round_half_away(static_cast<Int128>(annual) * (100 - rulebook_.range_percent), 100));
  amounts.upper_annual = Money::from_pence(round_half_away(static_cast<Int128>(annual) * (100 + rulebook_.range_percent), 100));
  return amounts;
}

Score score_assessment(const Rulebook& rulebook, const AnswerSet& answers) {
  const CompiledRulebook compiled(rulebook);
  const std::size_t* chosen = answers.chosen.data();
  const CompiledRulebook::Amounts amounts = compiled.score(chosen);

  Score score;
  score.rulebook_id = rulebook.id;
  score.rulebook_version = rulebook.version;
  score.total_points = amounts.total_points;
  score.adjusted_points = Fraction::of(compiled.adjusted_points_numerator(chosen), compiled.adjusted_points_denominator());
  score.annual = amounts.annual;
  score.weekly = amounts.annual.annual_to_weekly();
  score.lower_annual = amounts.lower_annual;
  score.upper_annual = amounts.upper_annual;

  const Allocation& allocation = rulebook.allocation;
  const bool points_method = allocation.method == AllocationMethod::kPoints;
  const bool rates_method = allocation.method == AllocationMethod::kRates;

  // Points and money per domain, in the order domains first appear.
  std::vector<Fraction> domain_weekly;
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    const Question& question = rulebook.questions[question_idx];
    const Answer& answer = question.answers[chosen[question_idx]];
    std::size_t domain_idx = 0;
    while (domain_idx < score.domains.size() && score.domains[domain_idx].domain != question.domain) ++domain_idx;
    if (domain_idx == score.domains.size()) {
      score.domains.push_back(DomainPoints{question.domain, 0, Money(), allocation.method != AllocationMethod::kBands});
      domain_weekly.emplace_back(0);
    }
    score.domains[domain_idx].points += answer.points;
    if (rates_method) {
      for (const auto& [unit, amount] : answer.units_per_week) {
        domain_weekly[domain_idx] = domain_weekly[domain_idx] + amount * Fraction(allocation.rates.at(unit).pence());
      }
    }
  }
  for (std::size_t domain_idx = 0; domain_idx < score.domains.size(); ++domain_idx) {
    DomainPoints& domain = score.domains[domain_idx];
    if (points_method) domain.annual = allocation.pence_per_point * domain.points;
    if (rates_method) {
      const Fraction annual = domain_weekly[domain_idx] * Fraction(52);
      domain.annual = Money::from_pence(round_half_away(annual.numerator(), annual.denominator()));
    }
  }

  std::vector<std::string>& lines = score.derivation;
  auto add = [&lines](std::string text) { lines.push_back(std::to_string(lines.size() + 1) + ". " + std::move(text)); };

  switch (allocation.method) {
    case AllocationMethod::kPoints: {
      const std::string value = format_pounds(allocation.pence_per_point);
      for (const DomainPoints& domain : score.domains) {
        add(domain.domain + ": " + std::to_string(domain.points) + " points × " + value + " = " + format_pounds(domain.annual));
      }
      add("Total: " + std::to_string(score.total_points) + " points × " + value + " a point = " +
          format_pounds(allocation.pence_per_point * score.total_points) + " a year");
      break;
    }
    case AllocationMethod::kBands: {
      for (const DomainPoints& domain : score.domains) add(domain.domain + ": " + std::to_string(domain.points) + " points");
      const Band* band = find_band(allocation.bands, score.total_points);
      score.band_label = band->label;
      add("Total: " + std::to_string(score.total_points) + " points, in band \"" + band->label + "\" (" +
          std::to_string(band->from_points) + " to " + std::to_string(band->to_points) + " points) = " +
          format_pounds(band->annual) + " a year");
      break;
    }
    case AllocationMethod::kRates: {
      Fraction weekly_total(0);
      for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
        const Question& question = rulebook.questions[question_idx];
        const Answer& answer = question.answers[chosen[question_idx]];
        if (answer.units_per_week.empty()) continue;
        std::string parts;
        Fraction weekly(0);
        for (const auto& [unit, amount] : answer.units_per_week) {
          const Money rate = allocation.rates.at(unit);
          if (!parts.empty()) parts += " + ";
          parts += amount.to_string() + " " + unit_words(unit) + " × " + format_pounds(rate);
          weekly = weekly + amount * Fraction(rate.pence());
        }
        weekly_total = weekly_total + weekly;
        add(question.domain + " (" + answer.text + "): " + parts + " = " +
            format_pounds(Money::from_pence(round_half_away(weekly.numerator(), weekly.denominator()))) + " a week");
      }
      const Fraction annual = weekly_total * Fraction(52);
      add("Total: " + format_pounds(Money::from_pence(round_half_away(weekly_total.numerator(), weekly_total.denominator()))) +
          " a week × 52 weeks = " + format_pounds(Money::from_pence(round_half_away(annual.numerator(), annual.denominator()))) +
          " a year");
      break;
    }
  }
  for (const Adjustment& adjustment : rulebook.adjustments) {
    const Question& question = rulebook.questions[adjustment.question];
    const std::size_t answer_idx = chosen[adjustment.question];
    add(adjustment.label + " (" + question.domain + ": " + question.answers[answer_idx].text + "): × " +
        adjustment.factors[answer_idx].to_string());
  }
  add("Indicative budget: " + format_pounds(score.annual) + " a year" +
      (rulebook.adjustments.empty() ? "" : ", rounded once to the penny after the adjustments"));
  add("Weekly: " + format_pounds(score.annual) + " ÷ 52 = " + format_pounds(score.weekly) + " a week");
  if (rulebook.range_percent > 0) {
    add("Range (" + percent_text(rulebook.range_percent) + " either way): " + format_pounds(score.lower_annual) + " to " +
        format_pounds(score.upper_annual) + " a year");
  }
  for (const ReviewFlag& flag : rulebook.review_flags) {
    bool raised = false;
    std::string reason;
    switch (flag.condition) {
      case FlagCondition::kAboveAnnual:
        raised = score.annual.pence() > flag.threshold;
        reason = "above " + format_pounds(Money::from_pence(flag.threshold)) + " a year";
        break;
      case FlagCondition::kBelowAnnual:
        raised = score.annual.pence() < flag.threshold;
        reason = "below " + format_pounds(Money::from_pence(flag.threshold)) + " a year";
        break;
      case FlagCondition::kAbovePoints:
        raised = score.total_points > flag.threshold;
        reason = "above " + std::to_string(flag.threshold) + " points";
        break;
    }
    if (!raised) continue;
    score.flags.push_back(flag.flag);
    add("Flag " + flag.flag + ": " + reason + ". A flag asks for a closer look; it never reduces the budget");
  }
  add("This is an indicative amount: a starting point for support planning, not a cap");
  return score;
}

nlohmann::json score_to_json(const Score& score) {
  nlohmann::json domains = nlohmann::json::array();
  for (const DomainPoints& domain : score.domains) {
    nlohmann::json entry = {{"domain", domain.domain}, {"points", domain.points}};
    entry["annual_pence"] = domain.priced ? nlohmann::json(domain.annual.pence()) : nlohmann::json(nullptr);
    domains.push_back(entry);
  }
  nlohmann::json out = {{"rulebook_id", score.rulebook_id},
                        {"rulebook_version", score.rulebook_version},
                        {"total_points", score.total_points},
                        {"adjusted_points", score.adjusted_points.to_string()},
                        {"annual_pence", score.annual.pence()},
                        {"weekly_pence", score.weekly.pence()},
                        {"lower_annual_pence", score.lower_annual.pence()},
                        {"upper_annual_pence", score.upper_annual.pence()},
                        {"flags", score.flags},
                        {"domains", domains},
                        {"derivation", score.derivation}};
  if (!score.band_label.empty()) out["band"] = score.band_label;
  return out;
}

}  // namespace allot::ras
