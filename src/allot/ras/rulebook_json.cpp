#include "allot/ras/rulebook_json.h"

#include <algorithm>
#include <initializer_list>
#include <set>

namespace allot::ras {
namespace {

using nlohmann::json;

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

// Collects every problem in a document instead of stopping at the first, so an
// author sees them all in one run (STYLE.md).
class Checker {
 public:
  Issues issues;

  void add(ErrorCode code, std::string path, std::string message) {
    issues.push_back(Issue{code, std::move(path), std::move(message)});
  }

  bool expect_object(const json& value, const std::string& path) {
    if (value.is_object()) return true;
    add(ErrorCode::kWrongType, path, std::string("must be an object; found ") + value.type_name());
    return false;
  }

  const json* field(const json& object, const std::string& path, const char* key, bool required) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
      if (required) add(ErrorCode::kMissingField, join(path, key), "is required");
      return nullptr;
    }
    return &*found;
  }

  std::optional<std::string> text(const json& object, const std::string& path, const char* key, bool required) {
    const json* value = field(object, path, key, required);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
      add(ErrorCode::kWrongType, join(path, key), std::string("must be text; found ") + value->type_name());
      return std::nullopt;
    }
    std::string result = value->get<std::string>();
    if (required && result.empty()) {
      add(ErrorCode::kInvalidValue, join(path, key), "must not be empty");
      return std::nullopt;
    }
    return result;
  }

  std::optional<std::string> id(const json& object, const std::string& path, const char* key) {
    auto value = text(object, path, key, true);
    if (value && !is_valid_id(*value)) {
      add(ErrorCode::kInvalidValue, join(path, key),
          "found " + in_quotes(*value) + "; expected lower-case letters, digits, _ or - (at most 64)");
      return std::nullopt;
    }
    return value;
  }

  // A whole number at least `minimum`.
  std::optional<std::int64_t> whole(const json& value, const std::string& path, std::int64_t minimum) {
    if (!value.is_number()) {
      add(ErrorCode::kWrongType, path, std::string("must be a whole number; found ") + value.type_name());
      return std::nullopt;
    }
    if (!value.is_number_integer()) {
      add(ErrorCode::kInvalidValue, path, "must be a whole number; found " + value.dump());
      return std::nullopt;
    }
    const std::int64_t number = value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX
                                    ? INT64_MAX
                                    : value.get<std::int64_t>();
    if (number < minimum) {
      add(ErrorCode::kInvalidValue, path,
          (minimum == 0 ? std::string("must not be negative") : "must be at least " + std::to_string(minimum)) +
              "; found " + std::to_string(number));
      return std::nullopt;
    }
    return number;
  }

  std::optional<std::int64_t> whole_field(const json& object, const std::string& path, const char* key, bool required,
                                          std::int64_t minimum) {
    const json* value = field(object, path, key, required);
    if (value == nullptr) return std::nullopt;
    return whole(*value, join(path, key), minimum);
  }

  std::optional<Fraction> number(const json& value, const std::string& path) {
    if (!value.is_number()) {
      add(ErrorCode::kWrongType, path, std::string("must be a number; found ") + value.type_name());
      return std::nullopt;
    }
    std::optional<Fraction> result;
    if (value.is_number_integer()) {
      result = Fraction(value.get<std::int64_t>());
    } else {
      result = Fraction::from_double(value.get<double>());
    }
    if (!result) add(ErrorCode::kInvalidValue, path, "found " + value.dump() + "; expected at most 12 decimal places");
    return result;
  }

  void reject_unknown(const json& object, const std::string& path, std::initializer_list<const char*> allowed) {
    for (const auto& [key, value] : object.items()) {
      const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; });
      if (!known) {
        std::string expected;
        for (const char* name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
        add(ErrorCode::kInvalidValue, join(path, key), "unknown field; expected one of " + expected);
      }
    }
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  static std::string at(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }
};

void parse_answers(Checker& checker, const json& list, const std::string& path, Question& question) {
  if (!list.is_array() || list.empty()) {
    checker.add(list.is_array() ? ErrorCode::kInvalidValue : ErrorCode::kWrongType, path,
                "must be a list of at least one answer");
    return;
  }
  std::set<std::string> seen;
  for (std::size_t answer_idx = 0; answer_idx < list.size(); ++answer_idx) {
    const std::string answer_path = Checker::at(path, answer_idx);
    const json& entry = list[answer_idx];
    if (!checker.expect_object(entry, answer_path)) continue;
    checker.reject_unknown(entry, answer_path, {"id", "text", "points", "units_per_week"});
    Answer answer;
    if (auto id = checker.id(entry, answer_path, "id")) {
      if (!seen.insert(*id).second) {
        checker.add(ErrorCode::kDuplicate, Checker::join(answer_path, "id"),
                    "answer " + in_quotes(*id) + " appears twice in question " + in_quotes(question.id));
      }
      answer.id = *id;
    }
    answer.text = checker.text(entry, answer_path, "text", true).value_or("");
    answer.points = checker.whole_field(entry, answer_path, "points", true, 0).value_or(0);
    if (const json* units = checker.field(entry, answer_path, "units_per_week", false)) {
      const std::string units_path = Checker::join(answer_path, "units_per_week");
      if (checker.expect_object(*units, units_path)) {
        for (const auto& [unit, amount] : units->items()) {
          const std::string unit_path = Checker::join(units_path, unit);
          if (!is_valid_id(unit)) {
            checker.add(ErrorCode::kInvalidValue, unit_path, "unit names use lower-case letters, digits, _ or -");
          }
          if (auto value = checker.number(amount, unit_path)) {
            if (*value < Fraction(0)) {
              checker.add(ErrorCode::kInvalidValue, unit_path, "must not be negative; found " + value->to_string());
            } else {
              answer.units_per_week[unit] = *value;
            }
          }
        }
      }
    }
    question.answers.push_back(std::move(answer));
  }
}

void parse_questions(Checker& checker, const json& document, Rulebook& rulebook) {
  const json* list = checker.field(document, "", "questions", true);
  if (list == nullptr) return;
  if (!list->is_array() || list->empty()) {
    checker.add(list->is_array() ? ErrorCode::kInvalidValue : ErrorCode::kWrongType, "questions",
                "must be a list of at least one question");
    return;
  }
  std::set<std::string> seen;
  for (std::size_t question_idx = 0; question_idx < list->size(); ++question_idx) {
    const std::string path = Checker::at("questions", question_idx);
    const json& entry = (*list)[question_idx];
    if (!checker.expect_object(entry, path)) continue;
    checker.reject_unknown(entry, path, {"id", "domain", "text", "help", "answers", "default"});
    Question question;
    if (auto id = checker.id(entry, path, "id")) {
      if (!seen.insert(*id).second) {
        checker.add(ErrorCode::kDuplicate, Checker::join(path, "id"), "question " + in_quotes(*id) + " appears twice");
      }
      question.id = *id;
    }
    question.domain = checker.text(entry, path, "domain", true).value_or("");
    question.text = checker.text(entry, path, "text", true).value_or("");
    question.help = checker.text(entry, path, "help", false).value_or("");
    if (const json* answers = checker.field(entry, path, "answers", true)) {
      parse_answers(checker, *answers, Checker::join(path, "answers"), question);
    }
    if (auto default_answer = checker.text(entry, path, "default", false)) {
      question.default_answer = question.find_answer(*default_answer);
      if (!question.default_answer) {
        std::vector<std::string> ids;
        for (const Answer& answer : question.answers) ids.push_back(answer.id);
        checker.add(ErrorCode::kUnknownReference, Checker::join(path, "default"),
                    "unknown answer " + in_quotes(*default_answer) + "; expected one of " + join_ids(ids));
      }
    }
    rulebook.questions.push_back(std::move(question));
  }
}

void parse_bands(Checker& checker, const json& list, Rulebook& rulebook) {
  const std::string path = "allocation.bands";
  if (!list.is_array() || list.empty()) {
    checker.add(list.is_array() ? ErrorCode::kInvalidValue : ErrorCode::kWrongType, path,
                "must be a list of at least one band");
    return;
  }
  bool all_good = true;
  for (std::size_t band_idx = 0; band_idx < list.size(); ++band_idx) {
    const std::string band_path = Checker::at(path, band_idx);
    const json& entry = list[band_idx];
    if (!checker.expect_object(entry, band_path)) {
      all_good = false;
      continue;
    }
    checker.reject_unknown(entry, band_path, {"from_points", "to_points", "label", "annual_pence"});
    const auto from = checker.whole_field(entry, band_path, "from_points", true, 0);
    const auto to = checker.whole_field(entry, band_path, "to_points", true, 0);
    const auto label = checker.text(entry, band_path, "label", true);
    const auto annual = checker.whole_field(entry, band_path, "annual_pence", true, 0);
    if (!from || !to || !label || !annual) {
      all_good = false;
      continue;
    }
    if (*to < *from) {
      checker.add(ErrorCode::kInvalidValue, band_path,
                  "to_points " + std::to_string(*to) + " is below from_points " + std::to_string(*from));
      all_good = false;
      continue;
    }
    rulebook.allocation.bands.push_back(Band{*from, *to, *label, Money::from_pence(*annual)});
  }
  if (!all_good) return;
  const auto& bands = rulebook.allocation.bands;
  if (bands.front().from_points != 0) {
    checker.add(ErrorCode::kInvalidValue, Checker::at(path, 0) + ".from_points",
                "the first band must start at 0 points; found " + std::to_string(bands.front().from_points));
  }
  for (std::size_t band_idx = 1; band_idx < bands.size(); ++band_idx) {
    const Band& previous = bands[band_idx - 1];
    const Band& band = bands[band_idx];
    if (band.from_points <= previous.to_points) {
      checker.add(ErrorCode::kInvalidValue, Checker::at(path, band_idx),
                  "overlaps the band before: " + std::to_string(band.from_points) + " to " +
                      std::to_string(band.to_points) + " against " + std::to_string(previous.from_points) + " to " +
                      std::to_string(previous.to_points));
    } else if (band.from_points != previous.to_points + 1) {
      checker.add(ErrorCode::kInvalidValue, Checker::at(path, band_idx),
                  "leaves a gap: the band before ends at " + std::to_string(previous.to_points) +
                      " points, this one starts at " + std::to_string(band.from_points) + "; expected " +
                      std::to_string(previous.to_points + 1));
    }
  }
}

void parse_allocation(Checker& checker, const json& document, Rulebook& rulebook) {
  const json* allocation = checker.field(document, "", "allocation", true);
  if (allocation == nullptr || !checker.expect_object(*allocation, "allocation")) return;
  checker.reject_unknown(*allocation, "allocation", {"method", "pence_per_point", "bands", "rates"});
  const auto method = checker.text(*allocation, "allocation", "method", true);
  if (!method) return;
  if (*method == "points") {
    rulebook.allocation.method = AllocationMethod::kPoints;
    if (auto pence = checker.whole_field(*allocation, "allocation", "pence_per_point", true, 0)) {
      rulebook.allocation.pence_per_point = Money::from_pence(*pence);
    }
  } else if (*method == "bands") {
    rulebook.allocation.method = AllocationMethod::kBands;
    if (const json* bands = checker.field(*allocation, "allocation", "bands", true)) parse_bands(checker, *bands, rulebook);
  } else if (*method == "rates") {
    rulebook.allocation.method = AllocationMethod::kRates;
    const json* rates = checker.field(*allocation, "allocation", "rates", true);
    if (rates != nullptr && checker.expect_object(*rates, "allocation.rates")) {
      if (rates->empty()) checker.add(ErrorCode::kInvalidValue, "allocation.rates", "must name at least one unit");
      for (const auto& [unit, pence] : rates->items()) {
        if (auto value = checker.whole(pence, "allocation.rates." + unit, 0)) {
          rulebook.allocation.rates[unit] = Money::from_pence(*value);
        }
      }
    }
  } else {
    checker.add(ErrorCode::kInvalidValue, "allocation.method",
                "unknown method " + in_quotes(*method) + "; expected one of points, bands, rates");
  }
}

std::optional<AdjustmentKind> adjustment_kind(std::string_view name) {
  if (name == "informal_support") return AdjustmentKind::kInformalSupport;
  if (name == "two_carer_support") return AdjustmentKind::kTwoCarerSupport;
  if (name == "night_support") return AdjustmentKind::kNightSupport;
  if (name == "other") return AdjustmentKind::kOther;
  return std::nullopt;
}

std::string default_adjustment_label(AdjustmentKind kind) {
  switch (kind) {
    case AdjustmentKind::kInformalSupport: return "Informal support";
    case AdjustmentKind::kTwoCarerSupport: return "Two-carer support";
    case AdjustmentKind::kNightSupport: return "Night support";
    case AdjustmentKind::kOther: return "Adjustment";
  }
  return "Adjustment";
}

void parse_adjustments(Checker& checker, const json& document, Rulebook& rulebook) {
  const json* list = checker.field(document, "", "adjustments", false);
  if (list == nullptr) return;
  if (!list->is_array()) {
    checker.add(ErrorCode::kWrongType, "adjustments", std::string("must be a list; found ") + list->type_name());
    return;
  }
  std::set<std::string> adjusted_questions;
  for (std::size_t adjustment_idx = 0; adjustment_idx < list->size(); ++adjustment_idx) {
    const std::string path = Checker::at("adjustments", adjustment_idx);
    const json& entry = (*list)[adjustment_idx];
    if (!checker.expect_object(entry, path)) continue;
    checker.reject_unknown(entry, path, {"kind", "label", "question", "factors"});
    Adjustment adjustment;
    bool good = true;
    if (auto kind_name = checker.text(entry, path, "kind", true)) {
      if (auto kind = adjustment_kind(*kind_name)) {
        adjustment.kind = *kind;
      } else {
        checker.add(ErrorCode::kInvalidValue, Checker::join(path, "kind"),
                    "unknown kind " + in_quotes(*kind_name) +
                        "; expected one of informal_support, two_carer_support, night_support, other");
        good = false;
      }
    } else {
      good = false;
    }
    adjustment.label = checker.text(entry, path, "label", false).value_or(default_adjustment_label(adjustment.kind));
    const Question* question = nullptr;
    if (auto question_id = checker.text(entry, path, "question", true)) {
      if (auto question_idx = rulebook.find_question(*question_id)) {
        adjustment.question = *question_idx;
        question = &rulebook.questions[*question_idx];
        if (!adjusted_questions.insert(*question_id).second) {
          checker.add(ErrorCode::kDuplicate, Checker::join(path, "question"),
                      "question " + in_quotes(*question_id) + " already has an adjustment");
        }
      } else {
        checker.add(ErrorCode::kUnknownReference, Checker::join(path, "question"),
                    "unknown question " + in_quotes(*question_id));
        good = false;
      }
    } else {
      good = false;
    }
    const json* factors = checker.field(entry, path, "factors", true);
    if (factors == nullptr || !checker.expect_object(*factors, Checker::join(path, "factors"))) continue;
    if (question == nullptr || !good) continue;
    adjustment.factors.assign(question->answers.size(), Fraction(1));
    std::vector<bool> given(question->answers.size(), false);
    for (const auto& [answer_id, factor_value] : factors->items()) {
      const std::string factor_path = Checker::join(path, "factors") + "." + answer_id;
      const auto answer_idx = question->find_answer(answer_id);
      if (!answer_idx) {
        std::vector<std::string> ids;
        for (const Answer& answer : question->answers) ids.push_back(answer.id);
        checker.add(ErrorCode::kUnknownReference, factor_path,
                    "unknown answer " + in_quotes(answer_id) + " of question " + in_quotes(question->id) +
                        "; expected one of " + join_ids(ids));
        continue;
      }
      if (auto factor = checker.number(factor_value, factor_path)) {
        if (*factor <= Fraction(0) || *factor > Fraction(2)) {
          checker.add(ErrorCode::kInvalidValue, factor_path,
                      "factor must be above 0 and at most 2; found " + factor->to_string());
        } else {
          adjustment.factors[*answer_idx] = *factor;
          given[*answer_idx] = true;
        }
      }
    }
    // Every answer names its factor, so no answer is adjusted by an unstated rule.
    for (std::size_t answer_idx = 0; answer_idx < given.size(); ++answer_idx) {
      if (!given[answer_idx]) {
        checker.add(ErrorCode::kMissingField, Checker::join(path, "factors") + "." + question->answers[answer_idx].id,
                    "every answer of question " + in_quotes(question->id) + " needs a factor (1 for no change)");
      }
    }
    rulebook.adjustments.push_back(std::move(adjustment));
  }
}

void parse_review_flags(Checker& checker, const json& document, Rulebook& rulebook) {
  const json* list = checker.field(document, "", "review_flags", false);
  if (list == nullptr) return;
  if (!list->is_array()) {
    checker.add(ErrorCode::kWrongType, "review_flags", std::string("must be a list; found ") + list->type_name());
    return;
  }
  for (std::size_t flag_idx = 0; flag_idx < list->size(); ++flag_idx) {
    const std::string path = Checker::at("review_flags", flag_idx);
    const json& entry = (*list)[flag_idx];
    if (!checker.expect_object(entry, path)) continue;
    checker.reject_unknown(entry, path, {"above_annual_pence", "below_annual_pence", "above_points", "flag"});
    ReviewFlag flag;
    int conditions = 0;
    const std::pair<const char*, FlagCondition> kinds[] = {{"above_annual_pence", FlagCondition::kAboveAnnual},
                                                           {"below_annual_pence", FlagCondition::kBelowAnnual},
                                                           {"above_points", FlagCondition::kAbovePoints}};
    for (const auto& [key, condition] : kinds) {
      if (auto threshold = checker.whole_field(entry, path, key, false, 0)) {
        flag.condition = condition;
        flag.threshold = *threshold;
        ++conditions;
      }
    }
    if (conditions != 1 && entry.is_object()) {
      checker.add(ErrorCode::kInvalidValue, path,
                  "needs exactly one of above_annual_pence, below_annual_pence, above_points; found " +
                      std::to_string(conditions));
    }
    flag.flag = checker.id(entry, path, "flag").value_or("");
    rulebook.review_flags.push_back(std::move(flag));
  }
}

// Checks that need the whole rulebook: units priced, bands covering every total.
void cross_check(Checker& checker, const Rulebook& rulebook) {
  if (rulebook.allocation.method == AllocationMethod::kRates) {
    for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
      const Question& question = rulebook.questions[question_idx];
      for (std::size_t answer_idx = 0; answer_idx < question.answers.size(); ++answer_idx) {
        for (const auto& [unit, amount] : question.answers[answer_idx].units_per_week) {
          if (!rulebook.allocation.rates.contains(unit)) {
            checker.add(ErrorCode::kUnknownReference,
                        Checker::at(Checker::at("questions", question_idx) + ".answers", answer_idx) +
                            ".units_per_week." + unit,
                        "unit " + in_quotes(unit) + " has no rate in allocation.rates");
          }
        }
      }
    }
  }
  // Scoring is exact integer arithmetic over a common denominator of the factors;
  // keep that denominator small enough that no product can overflow.
  long double denominators = 1;
  for (const Adjustment& adjustment : rulebook.adjustments) {
    long double common = 1;
    for (const Fraction& factor : adjustment.factors) {
      const long double denominator = static_cast<long double>(factor.denominator());
      if (static_cast<Int128>(common) % factor.denominator() != 0) common *= denominator;
    }
    denominators *= common;
  }
  if (denominators > 1e12L || rulebook.adjustments.size() > 8) {
    checker.add(ErrorCode::kInvalidValue, "adjustments",
                "too many adjustments or factors with too many decimal places to score exactly; use at most 8 "
                "adjustments with factors of up to 3 decimal places");
  }
  if (rulebook.allocation.method == AllocationMethod::kBands && !rulebook.allocation.bands.empty()) {
    const std::int64_t most = rulebook.max_total_points();
    if (rulebook.allocation.bands.back().to_points < most) {
      checker.add(ErrorCode::kInvalidValue, "allocation.bands",
                  "the bands stop at " + std::to_string(rulebook.allocation.bands.back().to_points) +
                      " points but answers can total " + std::to_string(most) + "; add a band up to " +
                      std::to_string(most));
    }
  }
}

}  // namespace

Result<Rulebook> parse_rulebook(const json& document) {
  Checker checker;
  Rulebook rulebook;
  if (!checker.expect_object(document, "")) return fail(std::move(checker.issues));
  checker.reject_unknown(document, "",
                         {"format", "id", "version", "title", "description", "effective_from", "questions",
                          "allocation", "adjustments", "range_percent", "review_flags"});
  if (auto format = checker.text(document, "", "format", true); format && *format != kRulebookFormat) {
    checker.add(ErrorCode::kInvalidValue, "format",
                "found " + in_quotes(*format) + "; expected " + in_quotes(kRulebookFormat));
  }
  rulebook.id = checker.id(document, "", "id").value_or("");
  rulebook.version = checker.whole_field(document, "", "version", true, 1).value_or(1);
  rulebook.title = checker.text(document, "", "title", true).value_or("");
  rulebook.description = checker.text(document, "", "description", false).value_or("");
  if (auto date_text = checker.text(document, "", "effective_from", true)) {
    if (auto date = Date::parse(*date_text)) {
      rulebook.effective_from = *date;
    } else {
      checker.add(ErrorCode::kInvalidValue, "effective_from", "found " + in_quotes(*date_text) + "; expected a date like 2026-04-01");
    }
  }
  parse_questions(checker, document, rulebook);
  parse_allocation(checker, document, rulebook);
  parse_adjustments(checker, document, rulebook);
  if (auto range = checker.whole_field(document, "", "range_percent", true, 0)) {
    if (*range > 100) {
      checker.add(ErrorCode::kInvalidValue, "range_percent", "must be at most 100; found " + std::to_string(*range));
    } else {
      rulebook.range_percent = *range;
    }
  }
  parse_review_flags(checker, document, rulebook);
  cross_check(checker, rulebook);
  if (!checker.issues.empty()) return fail(std::move(checker.issues));
  return rulebook;
}

namespace {

json fraction_json(const Fraction& value) {
  if (value.is_integer()) return static_cast<std::int64_t>(value.numerator());
  return value.to_double();
}

}  // namespace

json rulebook_to_json(const Rulebook& rulebook) {
  json document = {{"format", kRulebookFormat},
                   {"id", rulebook.id},
                   {"version", rulebook.version},
                   {"title", rulebook.title}};
  if (!rulebook.description.empty()) document["description"] = rulebook.description;
  document["effective_from"] = rulebook.effective_from.to_string();
  json questions = json::array();
  for (const Question& question : rulebook.questions) {
    json entry = {{"id", question.id}, {"domain", question.domain}, {"text", question.text}};
    if (!question.help.empty()) entry["help"] = question.help;
    json answers = json::array();
    for (const Answer& answer : question.answers) {
      json answer_json = {{"id", answer.id}, {"text", answer.text}, {"points", answer.points}};
      if (!answer.units_per_week.empty()) {
        json units = json::object();
        for (const auto& [unit, amount] : answer.units_per_week) units[unit] = fraction_json(amount);
        answer_json["units_per_week"] = units;
      }
      answers.push_back(answer_json);
    }
    entry["answers"] = answers;
    if (question.default_answer) entry["default"] = question.answers[*question.default_answer].id;
    questions.push_back(entry);
  }
  document["questions"] = questions;
  json allocation = {{"method", allocation_method_name(rulebook.allocation.method)}};
  switch (rulebook.allocation.method) {
    case AllocationMethod::kPoints:
      allocation["pence_per_point"] = rulebook.allocation.pence_per_point.pence();
      break;
    case AllocationMethod::kBands: {
      json bands = json::array();
      for (const Band& band : rulebook.allocation.bands) {
        bands.push_back({{"from_points", band.from_points},
                         {"to_points", band.to_points},
                         {"label", band.label},
                         {"annual_pence", band.annual.pence()}});
      }
      allocation["bands"] = bands;
      break;
    }
    case AllocationMethod::kRates: {
      json rates = json::object();
      for (const auto& [unit, pence] : rulebook.allocation.rates) rates[unit] = pence.pence();
      allocation["rates"] = rates;
      break;
    }
  }
  document["allocation"] = allocation;
  json adjustments = json::array();
  for (const Adjustment& adjustment : rulebook.adjustments) {
    const Question& question = rulebook.questions[adjustment.question];
    json factors = json::object();
    for (std::size_t answer_idx = 0; answer_idx < question.answers.size(); ++answer_idx) {
      factors[question.answers[answer_idx].id] = fraction_json(adjustment.factors[answer_idx]);
    }
    adjustments.push_back({{"kind", adjustment_kind_name(adjustment.kind)},
                           {"label", adjustment.label},
                           {"question", question.id},
                           {"factors", factors}});
  }
  document["adjustments"] = adjustments;
  document["range_percent"] = rulebook.range_percent;
  json flags = json::array();
  for (const ReviewFlag& flag : rulebook.review_flags) {
    const char* key = flag.condition == FlagCondition::kAboveAnnual   ? "above_annual_pence"
                      : flag.condition == FlagCondition::kBelowAnnual ? "below_annual_pence"
                                                                      : "above_points";
    flags.push_back({{key, flag.threshold}, {"flag", flag.flag}});
  }
  document["review_flags"] = flags;
  return document;
}

Result<json> parse_json_text(std::string_view text, std::string_view source_name) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& error) {
    // nlohmann reports a byte offset; people want a line and column.
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min<std::size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
    for (std::size_t pos = 0; pos < end; ++pos) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string message = error.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
    if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
    return fail(ErrorCode::kMalformed, std::string(source_name) + ":" + std::to_string(line) + ":" + std::to_string(column),
                "not valid JSON: " + message);
  }
}

}  // namespace allot::ras
