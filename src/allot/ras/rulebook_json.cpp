#include "allot/ras/rulebook_json.h"

#include <algorithm>
#include <set>

#include "allot/base/json_reader.h"

namespace allot::ras {
namespace {

using nlohmann::json;

constexpr TextRule kNonEmpty{.min_length = 1};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string answer_ids(const Question& question) {
  std::string out;
  for (const Answer& answer : question.answers) out += (out.empty() ? "" : ", ") + answer.id;
  return out;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

constexpr const char* kIdRule = "lower-case letters, digits, _ or - (at most 64)";

std::optional<std::string> read_id(const JsonReader& field) {
  std::optional<std::string> value = field.text(kNonEmpty);
  if (value && !is_valid_id(*value)) {
    field.add(ErrorCode::kInvalidValue, std::string("expected ") + kIdRule + "; found " + describe_json(*field.json()));
    return std::nullopt;
  }
  return value;
}

void parse_units(const JsonReader& field, Answer& answer) {
  const std::optional<JsonObjectReader> units = field.object();
  if (!units) return;
  for (const auto& [unit, amount] : units->entries()) {
    if (!is_valid_id(unit)) {
      amount.add(ErrorCode::kInvalidValue, std::string("expected a unit name of ") + kIdRule + "; found " + in_quotes(unit));
    }
    if (auto value = amount.decimal({.min = Fraction(0)})) answer.units_per_week[unit] = *value;
  }
}

void parse_answers(const JsonReader& field, Question& question) {
  const auto items = field.array({.min_items = 1});
  if (!items) return;
  std::set<std::string> seen;
  for (const JsonReader& item : *items) {
    const std::optional<JsonObjectReader> entry = item.object();
    if (!entry) continue;
    entry->known_fields({"id", "text", "points", "units_per_week"});
    Answer answer;
    const JsonReader id_field = entry->required("id");
    if (auto id = read_id(id_field)) {
      if (!seen.insert(*id).second) {
        id_field.add(ErrorCode::kDuplicate,
                     "answer " + in_quotes(*id) + " appears twice in question " + in_quotes(question.id));
      }
      answer.id = *id;
    }
    answer.text = entry->required("text").text(kNonEmpty).value_or("");
    answer.points = entry->required("points").whole({.min = 0}).value_or(0);
    parse_units(entry->optional("units_per_week"), answer);
    question.answers.push_back(std::move(answer));
  }
}

void parse_questions(const JsonObjectReader& document, Rulebook& rulebook) {
  const auto items = document.required("questions").array({.min_items = 1});
  if (!items) return;
  std::set<std::string> seen;
  for (const JsonReader& item : *items) {
    const std::optional<JsonObjectReader> entry = item.object();
    if (!entry) continue;
    entry->known_fields({"id", "domain", "text", "help", "answers", "default"});
    Question question;
    const JsonReader id_field = entry->required("id");
    if (auto id = read_id(id_field)) {
      if (!seen.insert(*id).second) id_field.add(ErrorCode::kDuplicate, "question " + in_quotes(*id) + " appears twice");
      question.id = *id;
    }
    question.domain = entry->required("domain").text(kNonEmpty).value_or("");
    question.text = entry->required("text").text(kNonEmpty).value_or("");
    question.help = entry->optional("help").text().value_or("");
    parse_answers(entry->required("answers"), question);
    const JsonReader default_field = entry->optional("default");
    if (auto default_answer = default_field.text()) {
      question.default_answer = question.find_answer(*default_answer);
      if (!question.default_answer) {
        default_field.add(ErrorCode::kUnknownReference,
                          "unknown answer " + in_quotes(*default_answer) + "; expected one of " + answer_ids(question));
      }
    }
    rulebook.questions.push_back(std::move(question));
  }
}

void parse_bands(const JsonReader& field, Rulebook& rulebook) {
  const auto items = field.array({.min_items = 1});
  if (!items) return;
  bool all_good = true;
  for (const JsonReader& item : *items) {
    const std::optional<JsonObjectReader> entry = item.object();
    if (!entry) {
      all_good = false;
      continue;
    }
    entry->known_fields({"from_points", "to_points", "label", "annual_pence"});
    const auto from = entry->required("from_points").whole({.min = 0});
    const auto to = entry->required("to_points").whole({.min = 0});
    const auto label = entry->required("label").text(kNonEmpty);
    const auto annual = entry->required("annual_pence").money();
    if (!from || !to || !label || !annual) {
      all_good = false;
      continue;
    }
    if (*to < *from) {
      entry->add(ErrorCode::kInvalidValue,
                 "to_points " + std::to_string(*to) + " is below from_points " + std::to_string(*from));
      all_good = false;
      continue;
    }
    rulebook.allocation.bands.push_back(Band{*from, *to, *label, *annual});
  }
  if (!all_good) return;
  const auto& bands = rulebook.allocation.bands;
  if (bands.front().from_points != 0) {
    field.issues().push_back(Issue{ErrorCode::kInvalidValue, field_path((*items)[0].path(), "from_points"),
                                   "the first band must start at 0 points; found " +
                                       std::to_string(bands.front().from_points)});
  }
  for (std::size_t band_idx = 1; band_idx < bands.size(); ++band_idx) {
    const Band& previous = bands[band_idx - 1];
    const Band& band = bands[band_idx];
    if (band.from_points <= previous.to_points) {
      (*items)[band_idx].add(ErrorCode::kInvalidValue,
                             "overlaps the band before: " + std::to_string(band.from_points) + " to " +
                                 std::to_string(band.to_points) + " against " + std::to_string(previous.from_points) +
                                 " to " + std::to_string(previous.to_points));
    } else if (band.from_points != previous.to_points + 1) {
      (*items)[band_idx].add(ErrorCode::kInvalidValue,
                             "leaves a gap: the band before ends at " + std::to_string(previous.to_points) +
                                 " points, this one starts at " + std::to_string(band.from_points) + "; expected " +
                                 std::to_string(previous.to_points + 1));
    }
  }
}

void parse_allocation(const JsonObjectReader& document, Rulebook& rulebook) {
  const std::optional<JsonObjectReader> allocation = document.required("allocation").object();
  if (!allocation) return;
  allocation->known_fields({"method", "pence_per_point", "bands", "rates"});
  const std::optional<AllocationMethod> method = allocation->required("method").one_of(kAllocationMethods);
  if (!method) return;
  rulebook.allocation.method = *method;
  switch (*method) {
    case AllocationMethod::kPoints:
      if (auto pence = allocation->required("pence_per_point").money()) rulebook.allocation.pence_per_point = *pence;
      break;
    case AllocationMethod::kBands:
      parse_bands(allocation->required("bands"), rulebook);
      break;
    case AllocationMethod::kRates:
      if (const auto rates = allocation->required("rates").object()) {
        if (rates->json().empty()) rates->add(ErrorCode::kInvalidValue, "must name at least one unit");
        for (const auto& [unit, pence] : rates->entries()) {
          if (auto value = pence.money()) rulebook.allocation.rates[unit] = *value;
        }
      }
      break;
  }
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

// Every answer of the question gets a factor in (0, 2], so no answer is adjusted by an unstated rule.
bool parse_factors(const JsonReader& field, const Question& question, Adjustment& adjustment) {
  const std::optional<JsonObjectReader> factors = field.object();
  if (!factors) return false;
  adjustment.factors.assign(question.answers.size(), Fraction(1));
  std::vector<bool> given(question.answers.size(), false);
  for (const auto& [answer_id, factor_field] : factors->entries()) {
    const auto answer_idx = question.find_answer(answer_id);
    if (!answer_idx) {
      factor_field.add(ErrorCode::kUnknownReference, "unknown answer " + in_quotes(answer_id) + " of question " +
                                                         in_quotes(question.id) + "; expected one of " +
                                                         answer_ids(question));
      continue;
    }
    if (auto factor = factor_field.decimal()) {
      if (*factor <= Fraction(0) || *factor > Fraction(2)) {
        factor_field.add(ErrorCode::kInvalidValue, "must be above 0 and at most 2; found " + factor->to_string());
      } else {
        adjustment.factors[*answer_idx] = *factor;
        given[*answer_idx] = true;
      }
    }
  }
  for (std::size_t answer_idx = 0; answer_idx < given.size(); ++answer_idx) {
    if (!given[answer_idx] && !factors->has(question.answers[answer_idx].id)) {
      const std::string& answer_id = question.answers[answer_idx].id;
      factors->issues().push_back(Issue{ErrorCode::kMissingField, field_path(factors->path(), answer_id),
                                        "every answer of question " + in_quotes(question.id) +
                                            " needs a factor (1 for no change)"});
    }
  }
  return true;
}

void parse_adjustments(const JsonObjectReader& document, Rulebook& rulebook) {
  const auto items = document.optional("adjustments").array();
  if (!items) return;
  std::set<std::string> adjusted_questions;
  for (const JsonReader& item : *items) {
    const std::optional<JsonObjectReader> entry = item.object();
    if (!entry) continue;
    entry->known_fields({"kind", "label", "question", "factors"});
    Adjustment adjustment;
    const std::optional<AdjustmentKind> kind = entry->required("kind").one_of(kAdjustmentKinds);
    if (kind) adjustment.kind = *kind;
    adjustment.label = entry->optional("label").text().value_or(default_adjustment_label(adjustment.kind));
    const Question* question = nullptr;
    const JsonReader question_field = entry->required("question");
    if (auto question_id = question_field.text()) {
      if (auto question_idx = rulebook.find_question(*question_id)) {
        adjustment.question = *question_idx;
        question = &rulebook.questions[*question_idx];
        if (!adjusted_questions.insert(*question_id).second) {
          question_field.add(ErrorCode::kDuplicate, "question " + in_quotes(*question_id) + " already has an adjustment");
        }
      } else {
        question_field.add(ErrorCode::kUnknownReference, "unknown question " + in_quotes(*question_id));
      }
    }
    const JsonReader factors = entry->required("factors");
    if (question == nullptr || !kind) {
      factors.object();  // still report a factors field of the wrong type
      continue;
    }
    if (parse_factors(factors, *question, adjustment)) rulebook.adjustments.push_back(std::move(adjustment));
  }
}

void parse_review_flags(const JsonObjectReader& document, Rulebook& rulebook) {
  const auto items = document.optional("review_flags").array();
  if (!items) return;
  for (const JsonReader& item : *items) {
    const std::optional<JsonObjectReader> entry = item.object();
    if (!entry) continue;
    entry->known_fields({"above_annual_pence", "below_annual_pence", "above_points", "flag"});
    ReviewFlag flag;
    int conditions = 0;
    for (const auto& [condition, key] : kFlagConditions) {
      const JsonReader threshold_field = entry->optional(key);
      std::optional<std::int64_t> threshold;
      if (condition == FlagCondition::kAbovePoints) {
        threshold = threshold_field.whole({.min = 0});
      } else if (auto amount = threshold_field.money()) {
        threshold = amount->pence();
      }
      if (threshold) {
        flag.condition = condition;
        flag.threshold = *threshold;
        ++conditions;
      }
    }
    if (conditions != 1) {
      entry->add(ErrorCode::kInvalidValue, "needs exactly one of " + kFlagConditions.names() + "; found " +
                                               std::to_string(conditions));
    }
    flag.flag = read_id(entry->required("flag")).value_or("");
    rulebook.review_flags.push_back(std::move(flag));
  }
}

// Checks that need the whole rulebook: units priced, bands covering every total.
void cross_check(Issues& issues, const Rulebook& rulebook) {
  if (rulebook.allocation.method == AllocationMethod::kRates) {
    for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
      const Question& question = rulebook.questions[question_idx];
      for (std::size_t answer_idx = 0; answer_idx < question.answers.size(); ++answer_idx) {
        for (const auto& [unit, amount] : question.answers[answer_idx].units_per_week) {
          if (!rulebook.allocation.rates.contains(unit)) {
            const std::string answer_path = index_path(index_path("questions", question_idx) + ".answers", answer_idx);
            issues.push_back({ErrorCode::kUnknownReference, field_path(answer_path + ".units_per_week", unit),
                              "unit " + in_quotes(unit) + " has no rate in allocation.rates"});
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
    issues.push_back({ErrorCode::kInvalidValue, "adjustments",
                      "too many adjustments or factors with too many decimal places to score exactly; use at most 8 "
                      "adjustments with factors of up to 3 decimal places"});
  }
  if (rulebook.allocation.method == AllocationMethod::kBands && !rulebook.allocation.bands.empty()) {
    const std::int64_t most = rulebook.max_total_points();
    if (rulebook.allocation.bands.back().to_points < most) {
      issues.push_back({ErrorCode::kInvalidValue, "allocation.bands",
                        "the bands stop at " + std::to_string(rulebook.allocation.bands.back().to_points) +
                            " points but answers can total " + std::to_string(most) + "; add a band up to " +
                            std::to_string(most)});
    }
  }
}

}  // namespace

Result<Rulebook> parse_rulebook(const json& document) {
  Issues issues;
  Rulebook rulebook;
  const std::optional<JsonObjectReader> root = JsonReader(document, issues).object();
  if (!root) return fail(std::move(issues));
  root->known_fields({"format", "id", "version", "title", "description", "effective_from", "questions", "allocation",
                      "adjustments", "range_percent", "review_flags"});
  const JsonReader format_field = root->required("format");
  if (auto format = format_field.text(); format && *format != kRulebookFormat) {
    format_field.add(ErrorCode::kInvalidValue,
                     "expected " + in_quotes(kRulebookFormat) + "; found " + describe_json(*format_field.json()));
  }
  rulebook.id = read_id(root->required("id")).value_or("");
  rulebook.version = root->required("version").whole({.min = 1}).value_or(1);
  rulebook.title = root->required("title").text(kNonEmpty).value_or("");
  rulebook.description = root->optional("description").text().value_or("");
  if (auto date = root->required("effective_from").date()) rulebook.effective_from = *date;
  parse_questions(*root, rulebook);
  parse_allocation(*root, rulebook);
  parse_adjustments(*root, rulebook);
  if (auto range = root->required("range_percent").whole({.min = 0, .max = 100})) rulebook.range_percent = *range;
  parse_review_flags(*root, rulebook);
  cross_check(issues, rulebook);
  if (!issues.empty()) return fail(std::move(issues));
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
  json allocation = {{"method", kAllocationMethods.name(rulebook.allocation.method)}};
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
    adjustments.push_back({{"kind", kAdjustmentKinds.name(adjustment.kind)},
                           {"label", adjustment.label},
                           {"question", question.id},
                           {"factors", factors}});
  }
  document["adjustments"] = adjustments;
  document["range_percent"] = rulebook.range_percent;
  json flags = json::array();
  for (const ReviewFlag& flag : rulebook.review_flags) {
    flags.push_back({{kFlagConditions.name(flag.condition), flag.threshold}, {"flag", flag.flag}});
  }
  document["review_flags"] = flags;
  return document;
}

Result<json> parse_json_text(std::string_view text, std::string_view source_name) {
  return parse_json(text, source_name);
}

}  // namespace allot::ras
