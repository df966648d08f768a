#include "allot/charging/rules.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "allot/charging/json_fields.h"

namespace allot::charging {

using detail::Fields;
using nlohmann::json;

const IncomeType* ChargingRules::income_type(std::string_view type_id) const {
  auto found = std::find_if(income_types.begin(), income_types.end(), [&](const IncomeType& t) { return t.id == type_id; });
  return found == income_types.end() ? nullptr : &*found;
}

const Premium* ChargingRules::premium(std::string_view premium_id) const {
  auto found = std::find_if(premiums.begin(), premiums.end(), [&](const Premium& p) { return p.id == premium_id; });
  return found == premiums.end() ? nullptr : &*found;
}

const ExpenseType* ChargingRules::expense_type(std::string_view type_id) const {
  auto found = std::find_if(expense_types.begin(), expense_types.end(), [&](const ExpenseType& t) { return t.id == type_id; });
  return found == expense_types.end() ? nullptr : &*found;
}

const AgeBand* ChargingRules::age_band(int age) const {
  for (const AgeBand& band : age_bands) {
    if (age >= band.min_age && (!band.max_age || age <= *band.max_age)) return &band;
  }
  return nullptr;
}

namespace {

std::optional<Money> pence(Fields& fields, const char* key, bool required = true) {
  auto amount = fields.integer(key, 0, kMaxPence, required);
  if (!amount) return std::nullopt;
  return Money::from_pence(*amount);
}

void check_unique(const std::string& id, const std::string& path, std::set<std::string>& seen, Issues& issues) {
  if (!seen.insert(id).second) {
    issues.push_back({ErrorCode::kDuplicate, path, fmt::format("id \"{}\" is used twice", id)});
  }
}

}  // namespace

Result<ChargingRules> parse_charging_rules(const json& document) {
  if (!document.is_object()) return fail(ErrorCode::kMalformed, "", "must be a JSON object");
  Issues issues;
  Fields top(document, "", issues);
  ChargingRules rules;
  if (auto format = top.text("format")) {
    if (*format != "allot-charging-rules/1") {
      issues.push_back({ErrorCode::kInvalidValue, "format",
                        fmt::format("\"{}\" is not a known format; expected \"allot-charging-rules/1\"", *format)});
    }
  }
  if (auto id = top.text("id")) rules.id = *id;
  if (auto version = top.integer("version", 1, 1'000'000)) rules.version = static_cast<int>(*version);
  if (auto title = top.text("title")) rules.title = *title;
  if (auto effective = top.text("effective_from")) {
    if (auto date = Date::parse(*effective)) {
      rules.effective_from = *date;
    } else {
      issues.push_back({ErrorCode::kInvalidValue, "effective_from",
                        fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", *effective)});
    }
  }
  if (auto note = top.text("note", false, true)) rules.note = *note;

  if (const json* capital = top.object("capital")) {
    Fields fields(*capital, "capital", issues);
    auto upper = pence(fields, "upper_limit_pence");
    auto lower = pence(fields, "lower_limit_pence");
    if (upper) rules.upper_capital_limit = *upper;
    if (lower) rules.lower_capital_limit = *lower;
    if (upper && lower && !(*lower < *upper)) {
      issues.push_back({ErrorCode::kInvalidValue, "capital.lower_limit_pence",
                        fmt::format("must be below the upper limit ({}); found {}", upper->pence(), lower->pence())});
    }
    if (const json* tariff = fields.object("tariff")) {
      Fields tariff_fields(*tariff, "capital.tariff", issues);
      if (auto band = tariff_fields.integer("band_pence", 1, kMaxPence)) rules.tariff_band = Money::from_pence(*band);
      if (auto rate = tariff_fields.integer("weekly_pence_per_band", 1, kMaxPence)) {
        rules.tariff_per_band = Money::from_pence(*rate);
      }
    }
  }

  std::set<std::string> income_ids;
  detail::each_object(top.array("income_types"), "income_types", issues, [&](Fields& fields, const std::string& path, std::size_t) {
    IncomeType type;
    if (auto id = fields.text("id")) {
      type.id = *id;
      check_unique(*id, path + ".id", income_ids, issues);
    }
    if (auto label = fields.text("label")) type.label = *label;
    if (auto disregarded = fields.boolean("disregarded")) type.disregarded = *disregarded;
    rules.income_types.push_back(std::move(type));
  });

  if (const json* mig = top.object("minimum_income_guarantee")) {
    Fields mig_fields(*mig, "minimum_income_guarantee", issues);
    std::set<std::string> band_ids;
    detail::each_object(mig_fields.array("age_bands"), "minimum_income_guarantee.age_bands", issues,
                        [&](Fields& fields, const std::string& path, std::size_t) {
                          AgeBand band;
                          if (auto id = fields.text("id")) {
                            band.id = *id;
                            check_unique(*id, path + ".id", band_ids, issues);
                          }
                          if (auto label = fields.text("label")) band.label = *label;
                          if (auto min_age = fields.integer("min_age", 0, 150)) band.min_age = static_cast<int>(*min_age);
                          if (auto max_age = fields.integer("max_age", 0, 150, false)) {
                            band.max_age = static_cast<int>(*max_age);
                            if (*band.max_age < band.min_age) {
                              issues.push_back({ErrorCode::kInvalidValue, path + ".max_age",
                                                fmt::format("must not be below min_age ({}); found {}", band.min_age,
                                                            *band.max_age)});
                            }
                          }
                          if (auto weekly = pence(fields, "weekly_pence")) band.weekly = *weekly;
                          rules.age_bands.push_back(std::move(band));
                        });
    if (rules.age_bands.empty() && issues.empty()) {
      issues.push_back({ErrorCode::kInvalidValue, "minimum_income_guarantee.age_bands", "must list at least one band"});
    }
    for (std::size_t first = 0; first < rules.age_bands.size(); ++first) {
      for (std::size_t second = first + 1; second < rules.age_bands.size(); ++second) {
        const AgeBand& a = rules.age_bands[first];
        const AgeBand& b = rules.age_bands[second];
        const bool a_before_b = a.max_age && *a.max_age < b.min_age;
        const bool b_before_a = b.max_age && *b.max_age < a.min_age;
        if (!a_before_b && !b_before_a) {
          issues.push_back({ErrorCode::kInvalidValue, fmt::format("minimum_income_guarantee.age_bands[{}]", second),
                            fmt::format("overlaps age band \"{}\"; each age must fall in one band", a.id)});
        }
      }
    }
    std::set<std::string> premium_ids;
    detail::each_object(mig_fields.array("premiums", false), "minimum_income_guarantee.premiums", issues,
                        [&](Fields& fields, const std::string& path, std::size_t) {
                          Premium premium;
                          if (auto id = fields.text("id")) {
                            premium.id = *id;
                            check_unique(*id, path + ".id", premium_ids, issues);
                          }
                          if (auto label = fields.text("label")) premium.label = *label;
                          if (auto weekly = pence(fields, "weekly_pence")) premium.weekly = *weekly;
                          rules.premiums.push_back(std::move(premium));
                        });
  }

  std::set<std::string> expense_ids;
  detail::each_object(top.array("allowable_expenses"), "allowable_expenses", issues,
                      [&](Fields& fields, const std::string& path, std::size_t) {
                        ExpenseType type;
                        if (auto id = fields.text("id")) {
                          type.id = *id;
                          check_unique(*id, path + ".id", expense_ids, issues);
                        }
                        if (auto label = fields.text("label")) type.label = *label;
                        type.weekly_limit = pence(fields, "weekly_limit_pence", false);
                        rules.expense_types.push_back(std::move(type));
                      });

  if (auto maximum = top.text("maximum")) {
    if (*maximum != "cost_of_care") {
      issues.push_back({ErrorCode::kInvalidValue, "maximum",
                        fmt::format("\"{}\" is not a known maximum; expected \"cost_of_care\" (a person never pays "
                                    "more than the cost of their care)",
                                    *maximum)});
    }
  }

  if (!issues.empty()) return fail(std::move(issues));
  return rules;
}

}  // namespace allot::charging
