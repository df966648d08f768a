#include "allot/app/journey/journey_service.h"

// The journey scores assessments with the published RAS, so it reads rulebooks
// and records scores through the RAS capability's repositories.
#include "allot/app/ras/repositories.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "allot/app/identity/audit_service.h"
#include "allot/app/shared/concurrency.h"
#include "allot/base/fraction.h"
#include "allot/base/int128.h"
#include "allot/base/money.h"
#include "allot/journey/case_flow.h"
#include "allot/journey/nhs_number.h"
#include "allot/journey/support_plan.h"
#include "allot/ras/answers.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/score.h"

namespace allot::app {

std::string_view embedded_cld_codes();  // generated from data/codes/cld.json

namespace {

using Json = nlohmann::json;
using journey::Stage;
using journey::Step;

// ------------------------------------------------------------ reading requests

// Reads fields of one JSON object, collecting every problem with its path.
class Reader {
 public:
  Reader(const Json& object, std::string prefix, Issues& issues)
      : object_(object), prefix_(std::move(prefix)), issues_(issues) {
    if (!object_.is_object()) {
      problem(ErrorCode::kWrongType, "", fmt::format("expected an object; found {}", object_.type_name()));
    }
  }

  std::string path(std::string_view key) const {
    if (prefix_.empty()) return std::string(key);
    if (key.empty()) return prefix_;
    return prefix_ + "." + std::string(key);
  }
  void problem(ErrorCode code, std::string_view key, std::string message) {
    issues_.push_back({code, path(key), std::move(message)});
  }

  const Json* find(const char* key, bool required) {
    if (!object_.is_object()) return nullptr;
    const auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
      if (required) problem(ErrorCode::kMissingField, key, "is required");
      return nullptr;
    }
    return &*found;
  }
  std::string text(const char* key, bool required) {
    const Json* value = find(key, required);
    if (value == nullptr) return "";
    if (!value->is_string()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected a string; found {}", value->type_name()));
      return "";
    }
    std::string text = value->get<std::string>();
    if (required && text.empty()) problem(ErrorCode::kMissingField, key, "must not be empty");
    return text;
  }
  std::optional<std::int64_t> integer(const char* key, bool required, std::int64_t min, std::int64_t max) {
    const Json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected a whole number; found {}", value->dump()));
      return std::nullopt;
    }
    const std::int64_t number = value->get<std::int64_t>();
    if (number < min || number > max) {
      problem(ErrorCode::kInvalidValue, key,
              number < 0 && min == 0 ? fmt::format("must not be negative; found {}", number)
                                     : fmt::format("must be from {} to {}; found {}", min, max, number));
      return std::nullopt;
    }
    return number;
  }
  std::optional<Money> pence(const char* key, bool required) {
    auto value = integer(key, required, 0, std::int64_t{1} << 50);
    if (!value) return std::nullopt;
    return Money::from_pence(*value);
  }
  bool boolean(const char* key, bool fallback) {
    const Json* value = find(key, false);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected true or false; found {}", value->dump()));
      return fallback;
    }
    return value->get<bool>();
  }
  std::optional<double> number(const char* key) {
    const Json* value = find(key, false);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected a number; found {}", value->dump()));
      return std::nullopt;
    }
    return value->get<double>();
  }
  std::optional<Date> date(const char* key, bool required) {
    const std::string value = text(key, required);
    if (value.empty()) return std::nullopt;
    auto parsed = Date::parse(value);
    if (!parsed) problem(ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a date YYYY-MM-DD", value));
    return parsed;
  }
  // One of a fixed set of ids.
  template <typename Parse>
  auto choice(const char* key, bool required, Parse parse, std::string_view expected) -> decltype(parse("")) {
    const std::string value = text(key, required);
    if (value.empty()) return std::nullopt;
    auto parsed = parse(value);
    if (!parsed) {
      problem(ErrorCode::kInvalidValue, key, fmt::format("unknown value \"{}\"; expected one of {}", value, expected));
    }
    return parsed;
  }
  std::vector<std::string> texts(const char* key, bool required) {
    std::vector<std::string> list;
    const Json* value = find(key, required);
    if (value == nullptr) return list;
    if (!value->is_array()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected a list of text; found {}", value->type_name()));
      return list;
    }
    for (std::size_t item_idx = 0; item_idx < value->size(); ++item_idx) {
      const Json& item = (*value)[item_idx];
      if (!item.is_string()) {
        problem(ErrorCode::kWrongType, fmt::format("{}[{}]", key, item_idx), "expected text");
      } else {
        list.push_back(item.get<std::string>());
      }
    }
    return list;
  }
  const Json* array(const char* key, bool required) {
    const Json* value = find(key, required);
    if (value != nullptr && !value->is_array()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected a list; found {}", value->type_name()));
      return nullptr;
    }
    return value;
  }
  const Json* object(const char* key, bool required) {
    const Json* value = find(key, required);
    if (value != nullptr && !value->is_object()) {
      problem(ErrorCode::kWrongType, key, fmt::format("expected an object; found {}", value->type_name()));
      return nullptr;
    }
    return value;
  }

 private:
  const Json& object_;
  std::string prefix_;
  Issues& issues_;
};

void check_code(Reader& reader, const char* key, const std::string& value, const char* list_name) {
  if (value.empty()) return;
  const journey::CodeList* list = builtin_code_lists().find(list_name);
  if (list != nullptr && !list->contains(value)) {
    reader.problem(ErrorCode::kUnknownReference, key,
                   fmt::format("unknown code \"{}\"; expected one of {}", value, list->codes_text()));
  }
}

Issues prefixed(Issues issues, std::string_view prefix) {
  for (Issue& issue : issues) issue.path = issue.path.empty() ? std::string(prefix) : fmt::format("{}.{}", prefix, issue.path);
  return issues;
}

// ------------------------------------------------------------ JSON helpers

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json date_json(const std::optional<Date>& date) { return date ? Json(date->to_string()) : Json(nullptr); }
std::optional<Date> json_date(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return Date::parse(value.get<std::string>());
}
std::string text_of(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}
std::int64_t int_of(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}
bool is_set(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && !found->is_null();
}

Date today_of(const Clock& clock) {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now())));
}
Date add_days(Date date, int days) { return date.plus_days(days); }

// ------------------------------------------------------------ person details

struct ParsedDetails {
  journey::PersonDetails details;
  std::optional<Id> cares_for;
};

ParsedDetails read_details(const Json& body, Date today, Issues& issues) {
  Reader reader(body, "", issues);
  ParsedDetails parsed;
  journey::PersonDetails& person = parsed.details;
  person.given_name = reader.text("given_name", false);
  person.family_name = reader.text("family_name", false);
  const std::string born = reader.text("date_of_birth", false);
  if (!born.empty()) {
    person.date_of_birth = Date::parse(born);
    if (!person.date_of_birth) {
      reader.problem(ErrorCode::kInvalidValue, "date_of_birth", fmt::format("found \"{}\"; expected a date YYYY-MM-DD", born));
    }
  }
  person.nhs_number = reader.text("nhs_number", false);
  person.address = reader.text("address", false);
  person.postcode = reader.text("postcode", false);
  person.latitude = reader.number("latitude");
  person.longitude = reader.number("longitude");
  person.primary_support_reason = reader.text("primary_support_reason", false);
  person.client_group = reader.text("client_group", false);
  person.has_unpaid_carer = reader.boolean("has_unpaid_carer", false);
  person.accommodation_status = reader.text("accommodation_status", false);
  person.employment_status = reader.text("employment_status", false);
  person.locality = reader.text("locality", true);
  person.team = reader.text("team", true);
  if (auto cares_for = reader.integer("cares_for", false, 1, std::numeric_limits<std::int64_t>::max())) {
    parsed.cares_for = *cares_for;
  }
  Issues person_issues = journey::check_person(person, builtin_code_lists(), today);
  // A born date that did not parse was reported above; check_person would call it missing.
  for (Issue& issue : person_issues) {
    if (issue.path == "date_of_birth" && !born.empty() && issue.code == ErrorCode::kMissingField) continue;
    issues.push_back(std::move(issue));
  }
  if (issues.empty()) {
    if (!person.nhs_number.empty()) person.nhs_number = *journey::normalise_nhs_number(person.nhs_number);
    if (!person.postcode.empty()) person.postcode = *journey::normalise_postcode(person.postcode);
  }
  return parsed;
}

Json details_json(const ParsedDetails& parsed) {
  const journey::PersonDetails& person = parsed.details;
  return Json{{"given_name", person.given_name},
              {"family_name", person.family_name},
              {"date_of_birth", date_json(person.date_of_birth)},
              {"nhs_number", optional_text(person.nhs_number)},
              {"address", optional_text(person.address)},
              {"postcode", optional_text(person.postcode)},
              {"latitude", person.latitude ? Json(*person.latitude) : Json(nullptr)},
              {"longitude", person.longitude ? Json(*person.longitude) : Json(nullptr)},
              {"primary_support_reason", person.primary_support_reason},
              {"client_group", person.client_group},
              {"has_unpaid_carer", person.has_unpaid_carer},
              {"accommodation_status", optional_text(person.accommodation_status)},
              {"employment_status", optional_text(person.employment_status)},
              {"locality", person.locality},
              {"team", person.team},
              {"cares_for", parsed.cares_for ? Json(*parsed.cares_for) : Json(nullptr)}};
}

Json empty_state() {
  return Json{{"stage", nullptr},           {"enablement", nullptr},    {"indicative_budget", nullptr},
              {"plan_version", nullptr},    {"sign_off", nullptr},      {"agreed_budget", nullptr},
              {"protection", nullptr},      {"carer", nullptr},         {"previous_package_annual_pence", nullptr},
              {"last_review", nullptr}};
}

std::optional<Stage> stage_of(const Json& state) {
  const std::string id = text_of(state, "stage");
  if (id.empty()) return std::nullopt;
  return journey::parse_stage(id);
}

bool is_carer(const Json& details) { return is_set(details, "cares_for"); }

std::vector<std::string> allowed_steps_for(const Json& details, const Json& state) {
  std::vector<std::string> steps;
  if (is_carer(details)) {
    steps.push_back("carer_first_stage");
    const Json& carer = state["carer"];
    if (carer.is_object() && carer["first_stage"].is_object() &&
        carer["first_stage"].value("refer_for_full_assessment", false) && carer["full_assessment"].is_null()) {
      steps.push_back("carer_full_assessment");
    }
    return steps;
  }
  const std::optional<Stage> stage = stage_of(state);
  if (!stage || *stage == Stage::kClosed) return {"contact"};
  for (const Step step : journey::allowed_steps(*stage)) steps.push_back(journey::step_id(step));
  // A plan routed to the Resource Allocation Group is decided in a panel meeting,
  // so `decide` is not a step anyone can take on the record itself.
  if (*stage == Stage::kAwaitingSignOff && text_of(state["sign_off"], "route") == "resource_allocation_group") {
    std::erase(steps, std::string("decide"));
  }
  return steps;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// kConflict naming the stage and the steps allowed, when `step` is not one of them.
Issues refuse_unless_allowed(const Json& details, const Json& state, std::string_view step) {
  const std::vector<std::string> allowed = allowed_steps_for(details, state);
  if (std::find(allowed.begin(), allowed.end(), step) != allowed.end()) return {};
  std::string where;
  if (is_carer(details)) {
    where = "this is a carer's record";
  } else if (step == "decide" && text_of(state["sign_off"], "route") == "resource_allocation_group") {
    where = "this plan goes to the Resource Allocation Group; record the decision in a panel meeting "
            "(POST /api/v1/panel/meetings)";
  } else if (const std::optional<Stage> stage = stage_of(state)) {
    where = fmt::format("the case is at stage {}", journey::stage_id(*stage));
  } else {
    where = "there is no open case";
  }
  return {Issue{ErrorCode::kConflict, "step",
                fmt::format("cannot {}: {}; steps allowed: {}", step, where,
                            allowed.empty() ? std::string("none") : join(allowed))}};
}

PersonIndex index_of(const Json& details, const Json& state) {
  PersonIndex index;
  index.given_name = text_of(details, "given_name");
  index.family_name = text_of(details, "family_name");
  index.nhs_number = text_of(details, "nhs_number");
  index.client_group = text_of(details, "client_group");
  index.locality = text_of(details, "locality");
  index.team = text_of(details, "team");
  index.stage = text_of(state, "stage");
  if (is_carer(details)) index.cares_for = details["cares_for"].get<Id>();
  const std::optional<Stage> stage = stage_of(state);
  index.awaiting_panel = stage == Stage::kAwaitingSignOff && state["sign_off"].is_object() &&
                         text_of(state["sign_off"], "route") == "resource_allocation_group";
  const Json& agreed = state["agreed_budget"];
  index.has_agreed_budget = agreed.is_object();
  if (agreed.is_object() && stage == Stage::kActive) index.review_due = json_date(agreed["review_due"]);
  return index;
}

Json person_json(const PersonRecord& record) {
  const Json details = Json::parse(record.details);
  const Json state = Json::parse(record.state);
  Json person = details;
  person["id"] = record.id;
  person["row_version"] = record.row_version;
  person["created_at"] = format_timestamp(record.created_at);
  person["stage"] = state["stage"];
  person["allowed_steps"] = allowed_steps_for(details, state);
  for (const char* key : {"enablement", "indicative_budget", "plan_version", "sign_off", "agreed_budget", "protection",
                          "carer"}) {
    person[key] = state.contains(key) ? state[key] : Json(nullptr);
  }
  return person;
}

Json summary_json(const PersonRecord& record) {
  // The sign-off route lets a team manager's list pick its plans without fetching
  // every record awaiting sign-off.
  const Json state = Json::parse(record.state);
  const bool routed = state.contains("sign_off") && state["sign_off"].is_object() && state["sign_off"].contains("route");
  return Json{{"id", record.id},
              {"given_name", record.index.given_name},
              {"family_name", record.index.family_name},
              {"date_of_birth", Json::parse(record.details)["date_of_birth"]},
              {"client_group", record.index.client_group},
              {"locality", record.index.locality},
              {"team", record.index.team},
              {"stage", optional_text(record.index.stage)},
              {"cares_for", record.index.cares_for ? Json(*record.index.cares_for) : Json(nullptr)},
              {"sign_off_route", routed ? state["sign_off"]["route"] : Json(nullptr)}};
}

Json event_json(const PersonEvent& event) {
  return Json{{"id", event.id},
              {"kind", event.kind},
              {"event_type", event.event_type},
              {"outcome", optional_text(event.outcome)},
              {"at", format_timestamp(event.at)},
              {"actor", event.actor},
              {"agency", event.agency},
              {"reason", event.reason},
              {"payload", Json::parse(event.payload)}};
}

std::string subject_of(Id person_id) { return fmt::format("person:{}", person_id); }

// ------------------------------------------------------------ support plans

const char* kDeliveryExpected = "direct_payment, individual_service_fund, council_arranged";

journey::SupportPlan read_plan(Reader& reader, Issues& issues) {
  journey::SupportPlan plan;
  plan.outcomes = reader.texts("outcomes", true);
  const Json* lines = reader.array("lines", true);
  if (lines == nullptr) return plan;
  for (std::size_t line_idx = 0; line_idx < lines->size(); ++line_idx) {
    Reader line_reader((*lines)[line_idx], reader.path(fmt::format("lines[{}]", line_idx)), issues);
    journey::PlanLine line;
    line.description = line_reader.text("description", false);
    line.service_component = line_reader.text("service_component", true);
    check_code(line_reader, "service_component", line.service_component, "service_component");
    line.provider = line_reader.text("provider", false);
    if (auto unit = line_reader.choice("unit", true, journey::parse_plan_unit, "hour, day, night, week, one_off")) {
      line.unit = *unit;
    }
    // Negative amounts are checked by check_support_plan, with the plan's paths.
    if (auto cost = line_reader.integer("unit_cost_pence", true, std::numeric_limits<std::int64_t>::min() / 4,
                                        std::int64_t{1} << 50)) {
      line.unit_cost = Money::from_pence(*cost);
    }
    if (auto one_off = line_reader.integer("one_off_pence", false, std::numeric_limits<std::int64_t>::min() / 4,
                                           std::int64_t{1} << 50)) {
      line.one_off_amount = Money::from_pence(*one_off);
    }
    if (const Json* units = line_reader.find("units_per_week", false)) {
      std::optional<Fraction> parsed;
      if (units->is_string()) parsed = Fraction::parse(units->get<std::string>());
      if (units->is_number_integer()) parsed = Fraction(units->get<std::int64_t>());
      if (units->is_number_float()) parsed = Fraction::from_double(units->get<double>());
      if (!parsed) {
        line_reader.problem(ErrorCode::kInvalidValue, "units_per_week",
                            fmt::format("found {}; expected a number such as 3.5", units->dump()));
      } else {
        line.units_per_week = *parsed;
      }
    }
    if (auto delivery = line_reader.choice("delivery", true, journey::parse_delivery_option, kDeliveryExpected)) {
      line.delivery = *delivery;
    }
    if (auto nhs = line_reader.integer("nhs_percent", false, std::numeric_limits<std::int64_t>::min() / 4,
                                       std::numeric_limits<std::int64_t>::max() / 4)) {
      line.nhs_percent = *nhs;
    }
    plan.lines.push_back(std::move(line));
  }
  return plan;
}

Json delivery_json(const std::map<journey::DeliveryOption, Money>& by_delivery) {
  Json json = Json::object();
  for (const auto option : {journey::DeliveryOption::kDirectPayment, journey::DeliveryOption::kIndividualServiceFund,
                            journey::DeliveryOption::kCouncilArranged}) {
    const auto found = by_delivery.find(option);
    json[journey::delivery_option_id(option)] = found == by_delivery.end() ? 0 : found->second.pence();
  }
  return json;
}

Json totals_json(const journey::PlanTotals& totals) {
  return Json{{"weekly_pence", totals.weekly.pence()},
              {"annual_pence", totals.annual.pence()},
              {"one_off_pence", totals.one_off.pence()},
              {"annual_council_pence", totals.annual_council.pence()},
              {"annual_nhs_pence", totals.annual_nhs.pence()},
              {"by_delivery", delivery_json(totals.annual_by_delivery)}};
}

Json line_json(const journey::PlanLine& line) {
  return Json{{"description", line.description},
              {"service_component", line.service_component},
              {"provider", optional_text(line.provider)},
              {"unit", journey::plan_unit_id(line.unit)},
              {"unit_cost_pence", line.unit_cost.pence()},
              {"units_per_week", line.units_per_week.to_string()},
              {"one_off_pence", line.one_off_amount.pence()},
              {"delivery", journey::delivery_option_id(line.delivery)},
              {"nhs_percent", line.nhs_percent}};
}

// Shares scaled to a total, each rounded once and the last taking what is left,
// so the shares add up to the total exactly.
std::vector<std::int64_t> scale_shares(const std::vector<std::int64_t>& shares, std::int64_t total) {
  std::int64_t whole = 0;
  for (const std::int64_t share : shares) whole += share;
  std::vector<std::int64_t> scaled(shares.size(), 0);
  if (shares.empty()) return scaled;
  if (whole == 0) {
    scaled.back() = total;
    return scaled;
  }
  std::size_t last = 0;
  for (std::size_t share_idx = 0; share_idx < shares.size(); ++share_idx) {
    if (shares[share_idx] != 0) last = share_idx;
  }
  std::int64_t given = 0;
  for (std::size_t share_idx = 0; share_idx < shares.size(); ++share_idx) {
    if (share_idx == last) continue;
    scaled[share_idx] = round_half_away(Int128(shares[share_idx]) * total, whole);
    given += scaled[share_idx];
  }
  scaled[last] = total - given;
  return scaled;
}

struct StoredPlan {
  int version = 0;
  journey::PlanTotals totals;
  Json document;
};

journey::PlanTotals totals_from_json(const Json& totals) {
  journey::PlanTotals parsed;
  parsed.weekly = Money::from_pence(int_of(totals, "weekly_pence"));
  parsed.annual = Money::from_pence(int_of(totals, "annual_pence"));
  parsed.one_off = Money::from_pence(int_of(totals, "one_off_pence"));
  parsed.annual_recurring = Money::from_pence(parsed.annual.pence() - parsed.one_off.pence());
  parsed.annual_council = Money::from_pence(int_of(totals, "annual_council_pence"));
  parsed.annual_nhs = Money::from_pence(int_of(totals, "annual_nhs_pence"));
  parsed.has_nhs_funding = parsed.annual_nhs.pence() > 0;
  for (const auto option : {journey::DeliveryOption::kDirectPayment, journey::DeliveryOption::kIndividualServiceFund,
                            journey::DeliveryOption::kCouncilArranged}) {
    parsed.annual_by_delivery[option] = Money::from_pence(int_of(totals["by_delivery"], journey::delivery_option_id(option)));
  }
  return parsed;
}

// ------------------------------------------------------------ CLD outcomes

const char* screening_cld_outcome(journey::ScreeningOutcome outcome) {
  switch (outcome) {
    case journey::ScreeningOutcome::kInformationAndAdvice:
    case journey::ScreeningOutcome::kSignposting: return "nfa_information_advice_signposting_only";
    case journey::ScreeningOutcome::kEnablement: return "progress_to_reablement_st_max";
    case journey::ScreeningOutcome::kAssessment: return "progress_to_assessment";
  }
  return "";
}

}  // namespace

const journey::CodeLists& builtin_code_lists() {
  static const journey::CodeLists lists = [] {
    Result<journey::CodeLists> parsed = journey::parse_code_lists(Json::parse(embedded_cld_codes()));
    if (!parsed) throw std::logic_error("data/codes/cld.json does not parse: " + format_issues(parsed.error()));
    return *parsed;
  }();
  return lists;
}

// ------------------------------------------------------------ the service

struct JourneyService::Impl {
  Impl(Store& store_in, const Clock& clock_in, const JourneyConfig& config_in)
      : store(store_in), clock(clock_in), config(config_in), audit(store_in, clock_in) {}

  Store& store;
  const Clock& clock;
  const JourneyConfig& config;
  AuditService audit;
  std::mutex cache_mutex;
  std::map<std::pair<std::string, int>, std::shared_ptr<const ras::Rulebook>> rulebooks;

  Transaction* ambient = nullptr;  // set by within()

  // Runs a change in its own transaction, or in the caller's (within()).
  template <typename Work>
  auto write(Work&& work) -> std::invoke_result_t<Work&, Transaction&> {
    if (ambient != nullptr) return work(*ambient);
    return in_transaction(store, Access::kWrite, work);
  }

  // A published rulebook version, parsed once (published versions never change).
  Result<std::shared_ptr<const ras::Rulebook>> rulebook(Transaction& tx, const std::string& id, int version,
                                                        const std::string& path) {
    {
      std::lock_guard lock(cache_mutex);
      const auto found = rulebooks.find({id, version});
      if (found != rulebooks.end()) return found->second;
    }
    Result<RulebookVersion> stored = tx.get<app::RulebookRepository>().get(id, version);
    if (!stored) {
      if (stored.error().front().code != ErrorCode::kNotFound) return tl::unexpected<Issues>(stored.error());
      return fail(ErrorCode::kUnknownReference, path,
                  fmt::format("rulebook \"{}\" version {} was never published", id, version));
    }
    Result<ras::Rulebook> parsed = ras::parse_rulebook(Json::parse(stored->document));
    if (!parsed) return fail(ErrorCode::kInternal, path, "a published rulebook does not parse: " + format_issues(parsed.error()));
    auto shared = std::make_shared<const ras::Rulebook>(std::move(*parsed));
    std::lock_guard lock(cache_mutex);
    rulebooks.emplace(std::make_pair(id, version), shared);
    return shared;
  }

  Result<PersonEvent> event(Transaction& tx, const Actor& actor, Id person_id, std::string kind,
                            std::string event_type, std::string outcome, const Json& payload, std::string reason) {
    NewPersonEvent event{person_id,        std::move(kind), std::move(event_type), std::move(outcome),
                         payload.dump(),   actor,           std::move(reason)};
    return tx.get<app::PersonEventRepository>().append(event, clock.now());
  }

  // Saves the new state (optimistic concurrency on the row_version read) and
  // audits the change, in the caller's transaction.
  Result<PersonRecord> save(Transaction& tx, const Actor& actor, const PersonRecord& record, const Json& details,
                            const Json& state, std::string_view what) {
    Result<PersonRecord> saved = tx.get<app::PersonRepository>().update(record.id, record.row_version, index_of(details, state),
                                                    details.dump(), state.dump(), clock.now());
    if (!saved) return saved;
    Result<AuditEntry> audited = audit.record_in(tx, actor, "update", subject_of(record.id), what);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return saved;
  }

  Result<Unit> audit_read(const Actor& actor, std::string_view subject, std::string_view what) {
    Result<AuditEntry> audited = audit.record(actor, "read", subject, what);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return Unit{};
  }

  // Scores answers with a published rulebook: the indicative budget and its derivation.
  Result<ras::Score> score(Transaction& tx, const Actor& actor, const std::string& rulebook_id, int version,
                           const Json& answers, Issues& issues, std::optional<Id>& score_id) {
    Result<std::shared_ptr<const ras::Rulebook>> rulebook = this->rulebook(tx, rulebook_id, version, "rulebook_id");
    if (!rulebook) {
      if (rulebook.error().front().code == ErrorCode::kInternal) return tl::unexpected<Issues>(rulebook.error());
      issues.insert(issues.end(), rulebook.error().begin(), rulebook.error().end());
      return fail(Issues{});
    }
    Result<ras::AnswerSet> answer_set = ras::read_answers(**rulebook, Json{{"answers", answers}});
    if (!answer_set) {
      issues.insert(issues.end(), answer_set.error().begin(), answer_set.error().end());
      return fail(Issues{});
    }
    ras::Score score = ras::score_assessment(**rulebook, *answer_set);
    if (!issues.empty()) return fail(Issues{});
    Result<ScoreRecord> stored = tx.get<app::ScoreRepository>().add(
        NewScore{rulebook_id, version, answers.dump(), ras::score_to_json(score).dump(), score.annual},
        actor.username, clock.now());
    if (!stored) return tl::unexpected<Issues>(stored.error());
    score_id = stored->id;
    return score;
  }

  // The agreed personal budget given by an approved plan.
  Json agreed_budget(const journey::PlanTotals& plan, int plan_version, Money agreed, Date start,
                     const Json& indicative, const std::string& reason, const char* decided_by) const {
    const std::vector<std::int64_t> delivery = scale_shares(
        {plan.annual_by_delivery.count(journey::DeliveryOption::kDirectPayment)
             ? plan.annual_by_delivery.at(journey::DeliveryOption::kDirectPayment).pence()
             : 0,
         plan.annual_by_delivery.count(journey::DeliveryOption::kIndividualServiceFund)
             ? plan.annual_by_delivery.at(journey::DeliveryOption::kIndividualServiceFund).pence()
             : 0,
         plan.annual_by_delivery.count(journey::DeliveryOption::kCouncilArranged)
             ? plan.annual_by_delivery.at(journey::DeliveryOption::kCouncilArranged).pence()
             : 0},
        agreed.pence());
    const std::vector<std::int64_t> funding =
        scale_shares({plan.annual_council.pence(), plan.annual_nhs.pence()}, agreed.pence());
    const Json indicative_annual = indicative.is_object() ? indicative["annual_pence"] : Json(nullptr);
    return Json{{"annual_pence", agreed.pence()},
                {"weekly_pence", Money::from_pence(agreed.pence() - plan.one_off.pence()).annual_to_weekly().pence()},
                {"one_off_pence", plan.one_off.pence()},
                {"start", start.to_string()},
                {"review_due", journey::first_review_due(start, config.reviews).to_string()},
                {"plan_version", plan_version > 0 ? Json(plan_version) : Json(nullptr)},
                {"indicative_annual_pence", indicative_annual},
                {"difference_pence", indicative_annual.is_number_integer()
                                         ? Json(agreed.pence() - indicative_annual.get<std::int64_t>())
                                         : Json(nullptr)},
                {"reason", reason},
                {"decided_by", decided_by},
                {"by_delivery",
                 {{"direct_payment", delivery[0]}, {"individual_service_fund", delivery[1]}, {"council_arranged", delivery[2]}}},
                {"by_funding", {{"council", funding[0]}, {"nhs", funding[1]}}}};
  }

  // Puts an agreed budget in place: stage active, transitional protection when the
  // budget is lower than the person's previous package (seed 003's top-slice).
  Result<Unit> put_in_place(Transaction& tx, const Actor& actor, Id person_id, Json& state, Json agreed) {
    state["stage"] = journey::stage_id(Stage::kActive);
    state["sign_off"] = nullptr;
    state["last_review"] = nullptr;
    state["protection"] = nullptr;
    const Json previous = state["previous_package_annual_pence"];
    if (previous.is_number_integer()) {
      const Money protection = journey::transitional_protection(Money::from_pence(previous.get<std::int64_t>()),
                                                                Money::from_pence(agreed["annual_pence"].get<std::int64_t>()));
      if (protection.pence() > 0) {
        state["protection"] = Json{{"annual_pence", protection.pence()},
                                   {"previous_package_annual_pence", previous},
                                   {"review_due", agreed["review_due"]}};
        Result<PersonEvent> recorded =
            event(tx, actor, person_id, "protection_recorded", "service", "", state["protection"],
                  "the agreed budget is lower than the previous package; the difference comes from the protection fund");
        if (!recorded) return tl::unexpected<Issues>(recorded.error());
      }
    }
    state["agreed_budget"] = std::move(agreed);
    return Unit{};
  }
};

JourneyService::JourneyService(Store& store, const Clock& clock, JourneyConfig config)
    : config_(std::move(config)) {
  impl_ = std::make_unique<Impl>(store, clock, config_);
}

JourneyService::~JourneyService() = default;

Result<Unit> JourneyService::within(Transaction& tx, const std::function<Result<Unit>()>& work) {
  impl_->ambient = &tx;
  Result<Unit> result = work();
  impl_->ambient = nullptr;
  return result;
}

// ------------------------------------------------------------ reads

Result<Json> JourneyService::list_people(const Actor& actor, const PersonQuery& query) {
  Result<PersonPage> page =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(query); });
  if (!page) return tl::unexpected<Issues>(page.error());
  if (auto audited = impl_->audit_read(actor, "people", "list"); !audited) return tl::unexpected<Issues>(audited.error());
  Json people = Json::array();
  for (const PersonRecord& record : page->people) people.push_back(summary_json(record));
  return Json{{"people", std::move(people)}, {"total", page->total}};
}

Result<Json> JourneyService::get_person(const Actor& actor, Id person_id) {
  Result<PersonRecord> record =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) { return tx.get<app::PersonRepository>().get(person_id); });
  if (!record) return tl::unexpected<Issues>(record.error());
  if (auto audited = impl_->audit_read(actor, subject_of(person_id), "record"); !audited) {
    return tl::unexpected<Issues>(audited.error());
  }
  return person_json(*record);
}

Result<Json> JourneyService::timeline(const Actor& actor, Id person_id) {
  Result<std::vector<PersonEvent>> events =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) -> Result<std::vector<PersonEvent>> {
        if (auto person = tx.get<app::PersonRepository>().get(person_id); !person) return tl::unexpected<Issues>(person.error());
        return tx.get<app::PersonEventRepository>().for_person(person_id);
      });
  if (!events) return tl::unexpected<Issues>(events.error());
  if (auto audited = impl_->audit_read(actor, subject_of(person_id), "timeline"); !audited) {
    return tl::unexpected<Issues>(audited.error());
  }
  Json list = Json::array();
  for (const PersonEvent& event : *events) list.push_back(event_json(event));
  return Json{{"events", std::move(list)}};
}

Result<Json> JourneyService::plans(const Actor& actor, Id person_id) {
  Result<std::vector<PlanVersionRecord>> plans =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) -> Result<std::vector<PlanVersionRecord>> {
        if (auto person = tx.get<app::PersonRepository>().get(person_id); !person) return tl::unexpected<Issues>(person.error());
        return tx.get<app::PlanVersionRepository>().for_person(person_id);
      });
  if (!plans) return tl::unexpected<Issues>(plans.error());
  if (auto audited = impl_->audit_read(actor, subject_of(person_id), "plans"); !audited) {
    return tl::unexpected<Issues>(audited.error());
  }
  Json list = Json::array();
  for (const PlanVersionRecord& plan : *plans) list.push_back(Json::parse(plan.document));
  return Json{{"plans", std::move(list)}};
}

Result<Json> JourneyService::get_draft(const Actor& actor, Id person_id, std::string_view kind) {
  if (kind != "assessment" && kind != "plan") {
    return fail(ErrorCode::kNotFound, "kind", fmt::format("no draft kind \"{}\"; expected assessment or plan", kind));
  }
  Result<JourneyDraft> draft = in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) -> Result<JourneyDraft> {
    if (auto person = tx.get<app::PersonRepository>().get(person_id); !person) return tl::unexpected<Issues>(person.error());
    return tx.get<app::JourneyDraftRepository>().get(person_id, kind);
  });
  if (!draft) return tl::unexpected<Issues>(draft.error());
  if (auto audited = impl_->audit_read(actor, subject_of(person_id), fmt::format("draft {}", kind)); !audited) {
    return tl::unexpected<Issues>(audited.error());
  }
  return Json{{"kind", draft->kind},
              {"document", Json::parse(draft->document)},
              {"row_version", draft->row_version},
              {"updated_by", draft->updated_by},
              {"updated_at", format_timestamp(draft->updated_at)}};
}

Result<Json> JourneyService::list_carers(const Actor& actor) {
  Result<Json> carers = in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) -> Result<Json> {
    PersonQuery query;
    query.carers_only = true;
    query.limit = 10000;
    Result<PersonPage> page = tx.get<app::PersonRepository>().list(query);
    if (!page) return tl::unexpected<Issues>(page.error());
    Json list = Json::array();
    for (const PersonRecord& record : page->people) {
      Result<PersonRecord> cared_for = tx.get<app::PersonRepository>().get(*record.index.cares_for);
      if (!cared_for) return tl::unexpected<Issues>(cared_for.error());
      const Json state = Json::parse(record.state);
      const Json& carer = state["carer"];
      const bool first_stage = carer.is_object() && carer["first_stage"].is_object();
      const bool full = carer.is_object() && carer["full_assessment"].is_object();
      list.push_back(Json{{"person_id", record.id},
                          {"given_name", record.index.given_name},
                          {"family_name", record.index.family_name},
                          {"locality", record.index.locality},
                          {"cares_for",
                           {{"id", cared_for->id},
                            {"given_name", cared_for->index.given_name},
                            {"family_name", cared_for->index.family_name}}},
                          {"first_stage_done", first_stage},
                          {"referred", first_stage && carer["first_stage"].value("refer_for_full_assessment", false)},
                          {"budget_annual_pence", full ? carer["full_assessment"]["agreed_annual_pence"] : Json(nullptr)}});
    }
    return Json{{"carers", std::move(list)}};
  });
  if (!carers) return carers;
  if (auto audited = impl_->audit_read(actor, "people", "carers"); !audited) return tl::unexpected<Issues>(audited.error());
  return carers;
}

Result<Json> JourneyService::panel_queue(const Actor& actor) {
  Result<Json> queue = in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) -> Result<Json> {
    PersonQuery query;
    query.awaiting_panel_only = true;
    query.limit = 10000;
    Result<PersonPage> page = tx.get<app::PersonRepository>().list(query);
    if (!page) return tl::unexpected<Issues>(page.error());
    Json list = Json::array();
    for (const PersonRecord& record : page->people) {
      const Json state = Json::parse(record.state);
      const Json& sign_off = state["sign_off"];
      Result<std::vector<PlanVersionRecord>> plans = tx.get<app::PlanVersionRepository>().for_person(record.id);
      if (!plans) return tl::unexpected<Issues>(plans.error());
      const int version = sign_off["plan_version"].get<int>();
      std::int64_t annual = 0;
      for (const PlanVersionRecord& plan : *plans) {
        if (plan.version == version) annual = plan.annual.pence();
      }
      const std::int64_t indicative = int_of(state["indicative_budget"], "annual_pence");
      list.push_back(Json{{"person_id", record.id},
                          {"given_name", record.index.given_name},
                          {"family_name", record.index.family_name},
                          {"client_group", record.index.client_group},
                          {"locality", record.index.locality},
                          {"plan_version", version},
                          {"annual_pence", annual},
                          {"indicative_annual_pence", indicative},
                          {"difference_pence", annual - indicative},
                          {"reasons", sign_off["reasons"]},
                          {"submitted_at", sign_off["submitted_at"]}});
    }
    std::stable_sort(list.begin(), list.end(), [](const Json& left, const Json& right) {
      return left["submitted_at"].get<std::string>() < right["submitted_at"].get<std::string>();
    });
    return Json{{"plans", std::move(list)}};
  });
  if (!queue) return queue;
  if (auto audited = impl_->audit_read(actor, "people", "panel queue"); !audited) return tl::unexpected<Issues>(audited.error());
  return queue;
}

namespace {
Json meeting_json(const PanelMeeting& meeting) {
  return Json{{"id", meeting.id},
              {"held_on", meeting.held_on.to_string()},
              {"members", Json::parse(meeting.members)},
              {"decisions", Json::parse(meeting.decisions)},
              {"recorded_by", meeting.recorded_by},
              {"recorded_at", format_timestamp(meeting.recorded_at)}};
}
}  // namespace

Result<Json> JourneyService::panel_meetings(const Actor& actor) {
  Result<std::vector<PanelMeeting>> meetings = in_transaction(
      impl_->store, Access::kRead, [&](Transaction& tx) { return tx.get<app::PanelMeetingRepository>().list(1000); });
  if (!meetings) return tl::unexpected<Issues>(meetings.error());
  if (auto audited = impl_->audit_read(actor, "panel_meetings", "list"); !audited) return tl::unexpected<Issues>(audited.error());
  Json list = Json::array();
  for (const PanelMeeting& meeting : *meetings) list.push_back(meeting_json(meeting));
  return Json{{"meetings", std::move(list)}};
}

Result<Json> JourneyService::panel_meeting(const Actor& actor, Id meeting_id) {
  Result<PanelMeeting> meeting = in_transaction(impl_->store, Access::kRead,
                                                [&](Transaction& tx) { return tx.get<app::PanelMeetingRepository>().get(meeting_id); });
  if (!meeting) return tl::unexpected<Issues>(meeting.error());
  if (auto audited = impl_->audit_read(actor, fmt::format("panel_meeting:{}", meeting_id), "meeting"); !audited) {
    return tl::unexpected<Issues>(audited.error());
  }
  return meeting_json(*meeting);
}

Result<Json> JourneyService::reviews_due(const Actor& actor, std::optional<Date> by) {
  const Date until = by ? *by : add_days(today_of(impl_->clock), config_.reviews_due_days);
  PersonQuery query;
  query.review_due_by = until;
  query.limit = 10000;
  Result<PersonPage> page =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(query); });
  if (!page) return tl::unexpected<Issues>(page.error());
  if (auto audited = impl_->audit_read(actor, "people", "reviews due"); !audited) return tl::unexpected<Issues>(audited.error());
  Json list = Json::array();
  for (const PersonRecord& record : page->people) {
    const Json state = Json::parse(record.state);
    list.push_back(Json{{"person_id", record.id},
                        {"given_name", record.index.given_name},
                        {"family_name", record.index.family_name},
                        {"locality", record.index.locality},
                        {"team", record.index.team},
                        {"review_due", record.index.review_due->to_string()},
                        {"first_review", state["last_review"].is_null()},
                        {"agreed_annual_pence", state["agreed_budget"]["annual_pence"]}});
  }
  std::stable_sort(list.begin(), list.end(), [](const Json& left, const Json& right) {
    return left["review_due"].get<std::string>() < right["review_due"].get<std::string>();
  });
  return Json{{"by", until.to_string()}, {"reviews", std::move(list)}};
}

Result<Json> JourneyService::budget_drift(const Actor& actor) {
  PersonQuery query;
  query.agreed_budget_only = true;
  query.limit = 10000;
  Result<PersonPage> page =
      in_transaction(impl_->store, Access::kRead, [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(query); });
  if (!page) return tl::unexpected<Issues>(page.error());
  if (auto audited = impl_->audit_read(actor, "people", "budget drift"); !audited) return tl::unexpected<Issues>(audited.error());
  Json list = Json::array();
  std::int64_t indicative_total = 0;
  std::int64_t agreed_total = 0;
  for (const PersonRecord& record : page->people) {
    const Json state = Json::parse(record.state);
    const Json& agreed = state["agreed_budget"];
    const Json indicative = agreed["indicative_annual_pence"];
    const std::int64_t agreed_annual = agreed["annual_pence"].get<std::int64_t>();
    agreed_total += agreed_annual;
    if (indicative.is_number_integer()) indicative_total += indicative.get<std::int64_t>();
    list.push_back(Json{{"person_id", record.id},
                        {"given_name", record.index.given_name},
                        {"family_name", record.index.family_name},
                        {"client_group", record.index.client_group},
                        {"locality", record.index.locality},
                        {"indicative_annual_pence", indicative},
                        {"agreed_annual_pence", agreed_annual},
                        {"difference_pence", agreed["difference_pence"]},
                        {"reason", agreed["reason"]},
                        {"start", agreed["start"]}});
  }
  const std::size_t people = list.size();
  return Json{{"budgets", std::move(list)},
              {"totals",
               {{"people", people},
                {"indicative_annual_pence", indicative_total},
                {"agreed_annual_pence", agreed_total},
                {"difference_pence", agreed_total - indicative_total}}}};
}

// ------------------------------------------------------------ people and contacts

Result<Json> JourneyService::create_person(const Actor& actor, const Json& body) {
  Issues issues;
  const ParsedDetails parsed = read_details(body, today_of(impl_->clock), issues);
  if (!issues.empty()) return fail(std::move(issues));
  const Json details = details_json(parsed);
  Json state = empty_state();
  Result<PersonRecord> created = impl_->write([&](Transaction& tx) -> Result<PersonRecord> {
    if (parsed.cares_for) {
      Result<PersonRecord> cared_for = tx.get<app::PersonRepository>().get(*parsed.cares_for);
      if (!cared_for) {
        return fail(ErrorCode::kUnknownReference, "cares_for", fmt::format("there is no person {}", *parsed.cares_for));
      }
      if (cared_for->index.cares_for) {
        return fail(ErrorCode::kInvalidValue, "cares_for", "names a carer's record; name the person cared for");
      }
      state["carer"] = Json{{"first_stage", nullptr}, {"full_assessment", nullptr}};
    }
    Result<PersonRecord> record =
        tx.get<app::PersonRepository>().add(index_of(details, state), details.dump(), state.dump(), impl_->clock.now());
    if (!record) return record;
    Result<PersonEvent> event =
        impl_->event(tx, actor, record->id, "person_created", "request", "", details, "");
    if (!event) return tl::unexpected<Issues>(event.error());
    Result<AuditEntry> audited = impl_->audit.record_in(tx, actor, "create", subject_of(record->id), "person");
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return record;
  });
  if (!created) return tl::unexpected<Issues>(created.error());
  return person_json(*created);
}

Result<Json> JourneyService::update_person(const Actor& actor, Id person_id, const Json& body) {
  Issues issues;
  const ParsedDetails parsed = read_details(body, today_of(impl_->clock), issues);
  Reader reader(body, "", issues);
  const std::optional<std::int64_t> row_version =
      reader.integer("row_version", true, 1, std::numeric_limits<std::int64_t>::max());
  if (!issues.empty()) return fail(std::move(issues));
  Result<PersonRecord> saved = impl_->write([&](Transaction& tx) -> Result<PersonRecord> {
    Result<PersonRecord> record = tx.get<app::PersonRepository>().get(person_id);
    if (!record) return record;
    if (record->row_version != *row_version) {
      return fail({stale_version_issue(fmt::format("people/{}", person_id), *row_version, record->row_version)});
    }
    const Json old_details = Json::parse(record->details);
    Json details = details_json(parsed);
    // Whom a carer cares for is part of the carer's record, not of these details.
    details["cares_for"] = old_details["cares_for"];
    Result<PersonEvent> event =
        impl_->event(tx, actor, person_id, "details_changed", "request", "", Json{{"before", old_details}, {"after", details}}, "");
    if (!event) return tl::unexpected<Issues>(event.error());
    return impl_->save(tx, actor, *record, details, Json::parse(record->state), "details");
  });
  if (!saved) return tl::unexpected<Issues>(saved.error());
  return person_json(*saved);
}

Result<Json> JourneyService::record_contact(const Actor& actor, Id person_id, const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  const std::optional<Date> date = reader.date("date", false);
  const std::string route = reader.text("route_of_access", true);
  check_code(reader, "route_of_access", route, "route_of_access");
  const std::string requested_by = reader.text("requested_by", true);
  static const std::vector<std::string> kRequesters = {"self", "family", "gp", "hospital", "other"};
  if (!requested_by.empty() && std::find(kRequesters.begin(), kRequesters.end(), requested_by) == kRequesters.end()) {
    reader.problem(ErrorCode::kInvalidValue, "requested_by",
                   fmt::format("unknown value \"{}\"; expected one of self, family, gp, hospital, other", requested_by));
  }
  const bool joint = reader.boolean("joint_screening", false);
  const std::string reason = reader.text("reason", false);
  const Date today = today_of(impl_->clock);
  if (date && *date > today) reader.problem(ErrorCode::kInvalidValue, "date", "a contact cannot be in the future");
  Result<PersonRecord> saved = impl_->write([&](Transaction& tx) -> Result<PersonRecord> {
    Result<PersonRecord> record = tx.get<app::PersonRepository>().get(person_id);
    if (!record) return record;
    const Json details = Json::parse(record->details);
    Json state = Json::parse(record->state);
    if (Issues refused = refuse_unless_allowed(details, state, "contact"); !refused.empty()) return fail(refused);
    if (!issues.empty()) return fail(issues);
    // A new case starts afresh; the earlier case's history stays in the timeline.
    Json fresh = empty_state();
    fresh["previous_package_annual_pence"] = state["previous_package_annual_pence"];
    fresh["stage"] = journey::stage_id(Stage::kScreening);
    const Json payload{{"date", (date ? *date : today).to_string()},
                       {"route_of_access", route},
                       {"requested_by", requested_by},
                       {"joint_screening", joint}};
    Result<PersonEvent> event = impl_->event(tx, actor, person_id, "contact", "request", "", payload, reason);
    if (!event) return tl::unexpected<Issues>(event.error());
    return impl_->save(tx, actor, *record, details, fresh, "contact");
  });
  if (!saved) return tl::unexpected<Issues>(saved.error());
  return person_json(*saved);
}

Result<Json> JourneyService::save_draft(const Actor& actor, Id person_id, std::string_view kind, const Json& body) {
  if (kind != "assessment" && kind != "plan") {
    return fail(ErrorCode::kNotFound, "kind", fmt::format("no draft kind \"{}\"; expected assessment or plan", kind));
  }
  Issues issues;
  Reader reader(body, "", issues);
  const std::optional<std::int64_t> row_version =
      reader.integer("row_version", false, 1, std::numeric_limits<std::int64_t>::max());
  const Json* document = reader.object("document", true);
  if (!issues.empty()) return fail(std::move(issues));
  Result<JourneyDraft> draft = impl_->write([&](Transaction& tx) -> Result<JourneyDraft> {
    if (auto person = tx.get<app::PersonRepository>().get(person_id); !person) return tl::unexpected<Issues>(person.error());
    Result<JourneyDraft> saved =
        tx.get<app::JourneyDraftRepository>().save(person_id, kind, document->dump(), row_version, actor.username, impl_->clock.now());
    if (!saved) return saved;
    Result<AuditEntry> audited =
        impl_->audit.record_in(tx, actor, "update", subject_of(person_id), fmt::format("draft {}", kind));
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return saved;
  });
  if (!draft) return tl::unexpected<Issues>(draft.error());
  return Json{{"kind", draft->kind},
              {"document", Json::parse(draft->document)},
              {"row_version", draft->row_version},
              {"updated_by", draft->updated_by},
              {"updated_at", format_timestamp(draft->updated_at)}};
}

// ------------------------------------------------------------ steps

Result<Json> JourneyService::take_step(const Actor& actor, Id person_id, std::string_view step_name, const Json& body) {
  const std::optional<Step> step = journey::parse_step(step_name);
  if (!step) {
    return fail(ErrorCode::kNotFound, "step",
                fmt::format("no step \"{}\"; expected one of screen, end_enablement, assess, agree_equipment_budget, "
                            "save_plan, submit_plan, decide, review, close",
                            step_name));
  }
  Impl& impl = *impl_;
  const Date today = today_of(impl.clock);
  Result<PersonRecord> saved = impl.write([&](Transaction& tx) -> Result<PersonRecord> {
    Result<PersonRecord> record = tx.get<app::PersonRepository>().get(person_id);
    if (!record) return record;
    const Json details = Json::parse(record->details);
    Json state = Json::parse(record->state);
    if (Issues refused = refuse_unless_allowed(details, state, step_name); !refused.empty()) return fail(refused);
    const Stage stage = *stage_of(state);
    Issues issues;
    Reader reader(body, "", issues);
    journey::StepResult result;
    // Event kinds name what happened (docs/api.md lists them).
    static const std::map<std::string, std::string, std::less<>> kKinds = {
        {"assess", "assessment_completed"},      {"agree_equipment_budget", "equipment_budget_agreed"},
        {"save_plan", "plan_saved"},             {"submit_plan", "plan_submitted"},
        {"decide", "sign_off_decision"}};
    const auto named = kKinds.find(step_name);
    std::string kind = named == kKinds.end() ? std::string(step_name) : named->second;
    std::string event_type = "request";
    std::string outcome;
    std::string reason;
    Json payload = Json::object();
    std::vector<std::pair<std::string, Json>> more_events;  // kind, payload: further events of this step

    switch (*step) {
      case Step::kScreen: {
        const auto screening = reader.choice("outcome", true, journey::parse_screening_outcome,
                                             "information_and_advice, signposting, enablement, assessment");
        const bool joint = reader.boolean("joint", false);
        reason = reader.text("reason", false);
        std::optional<Date> planned_end = reader.date("planned_end", false);
        if (planned_end && *planned_end <= today) {
          reader.problem(ErrorCode::kInvalidValue, "planned_end", "must be after the start of enablement (today)");
        }
        if (!issues.empty()) return fail(issues);
        result.screening = screening;
        outcome = screening_cld_outcome(*screening);
        payload = {{"outcome", journey::screening_outcome_id(*screening)}, {"joint", joint}};
        if (*screening == journey::ScreeningOutcome::kEnablement) {
          const Date end = planned_end ? *planned_end : add_days(today, 7 * config_.enablement_weeks);
          state["enablement"] = {{"start", today.to_string()}, {"planned_end", end.to_string()}};
          payload["enablement"] = state["enablement"];
        }
        break;
      }
      case Step::kEndEnablement: {
        const auto ended = reader.choice("outcome", true, journey::parse_enablement_outcome,
                                         "independent, reduced_need, ongoing_support");
        reason = reader.text("reason", false);
        if (!issues.empty()) return fail(issues);
        result.enablement = ended;
        event_type = "service";
        outcome = *ended == journey::EnablementOutcome::kIndependent ? "nfa_support_ended_other_reason"
                                                                      : "progress_to_assessment";
        payload = {{"outcome", journey::enablement_outcome_id(*ended)}, {"ended", today.to_string()}};
        break;
      }
      case Step::kAssess: {
        const std::string rulebook_id = reader.text("rulebook_id", true);
        const auto version = reader.integer("rulebook_version", true, 1, 1000000);
        const Json* answers = reader.object("answers", true);
        const bool joint = reader.boolean("joint", false);
        const std::vector<std::string> professions = reader.texts("professions", false);
        if (joint && professions.size() < 2) {
          reader.problem(ErrorCode::kInvalidValue, "professions",
                         "a joint assessment records both professions (at least two), so the person tells their story once");
        }
        const std::optional<Money> previous = reader.pence("previous_package_annual_pence", false);
        reason = reader.text("reason", false);
        journey::EligibilityDecision eligibility;
        std::string framework;
        if (const Json* eligibility_json = reader.object("eligibility", true)) {
          Reader elig(*eligibility_json, "eligibility", issues);
          framework = elig.text("framework", true);
          if (framework == "care_act") {
            journey::CareActAssessment care_act;
            care_act.needs_from_impairment_or_illness = elig.boolean("needs_from_impairment_or_illness", false);
            care_act.significant_impact_on_wellbeing = elig.boolean("significant_impact_on_wellbeing", false);
            if (const Json* outcomes = elig.object("outcomes", false)) {
              for (const auto& [outcome_id, inabilities] : outcomes->items()) {
                const std::string path = fmt::format("eligibility.outcomes.{}", outcome_id);
                const auto parsed = journey::parse_care_act_outcome(outcome_id);
                if (!parsed) {
                  issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("unknown outcome \"{}\"", outcome_id)});
                  continue;
                }
                journey::OutcomeFinding finding{*parsed, {}};
                if (!inabilities.is_array()) {
                  issues.push_back({ErrorCode::kWrongType, path, "expected a list of inabilities"});
                  continue;
                }
                for (const Json& inability : inabilities) {
                  const auto parsed_inability =
                      inability.is_string() ? journey::parse_inability(inability.get<std::string>()) : std::nullopt;
                  if (!parsed_inability) {
                    issues.push_back({ErrorCode::kInvalidValue, path,
                                      fmt::format("unknown inability {}; expected one of cannot_without_assistance, "
                                                  "significant_pain_distress_or_anxiety, endangers_health_or_safety, "
                                                  "takes_significantly_longer",
                                                  inability.dump())});
                  } else {
                    finding.inabilities.push_back(*parsed_inability);
                  }
                }
                care_act.findings.push_back(std::move(finding));
              }
            }
            eligibility = journey::decide_care_act_eligibility(care_act);
          } else if (framework == "banded") {
            const auto band = elig.choice("band", true, journey::parse_need_band, "low, moderate, substantial, critical");
            if (band) eligibility = journey::decide_banded_eligibility(*band, config_.banded_threshold);
          } else if (!framework.empty()) {
            elig.problem(ErrorCode::kInvalidValue, "framework",
                         fmt::format("unknown framework \"{}\"; expected care_act or banded", framework));
          }
        }
        std::optional<Id> score_id;
        std::optional<ras::Score> score;
        if (!rulebook_id.empty() && version && answers != nullptr) {
          Result<ras::Score> scored = impl.score(tx, actor, rulebook_id, static_cast<int>(*version), *answers, issues, score_id);
          if (!scored && !scored.error().empty()) return tl::unexpected<Issues>(scored.error());
          if (scored) score = *scored;
        }
        if (!issues.empty()) return fail(issues);
        result.eligible = eligibility.eligible;
        event_type = "assessment";
        outcome = eligibility.eligible ? "progress_to_support_planning_services" : "nfa_no_services_offered_other_reason";
        state["indicative_budget"] = {{"rulebook_id", rulebook_id},
                                      {"rulebook_version", *version},
                                      {"annual_pence", score->annual.pence()},
                                      {"weekly_pence", score->weekly.pence()},
                                      {"lower_annual_pence", score->lower_annual.pence()},
                                      {"upper_annual_pence", score->upper_annual.pence()},
                                      {"derivation", score->derivation},
                                      {"eligible", eligibility.eligible},
                                      {"eligibility_reasons", eligibility.reasons},
                                      {"assessed_at", format_timestamp(impl.clock.now())}};
        if (previous) state["previous_package_annual_pence"] = previous->pence();
        payload = {{"rulebook_id", rulebook_id},
                   {"rulebook_version", *version},
                   {"answers", *answers},
                   {"score_id", *score_id},
                   {"annual_pence", score->annual.pence()},
                   {"eligibility", body["eligibility"]},
                   {"eligible", eligibility.eligible},
                   {"joint", joint},
                   {"professions", professions}};
        Result<Unit> removed = tx.get<app::JourneyDraftRepository>().remove(person_id, "assessment");
        if (!removed) return tl::unexpected<Issues>(removed.error());
        break;
      }
      case Step::kAgreeEquipmentBudget: {
        const std::string description = reader.text("description", true);
        const std::optional<Money> amount = reader.pence("amount_pence", true);
        const std::optional<Date> start = reader.date("start", false);
        reason = reader.text("reason", false);
        if (!issues.empty()) return fail(issues);
        event_type = "service";
        outcome = "provision_of_service";
        journey::PlanTotals plan;
        plan.annual = *amount;
        plan.one_off = *amount;
        plan.annual_council = *amount;
        plan.annual_by_delivery[journey::DeliveryOption::kCouncilArranged] = *amount;
        Json agreed = impl.agreed_budget(plan, 0, *amount, start ? *start : today, state["indicative_budget"], reason,
                                         "equipment");
        payload = {{"description", description}, {"agreed_budget", agreed}};
        if (auto placed = impl.put_in_place(tx, actor, person_id, state, std::move(agreed)); !placed) {
          return tl::unexpected<Issues>(placed.error());
        }
        break;
      }
      case Step::kSavePlan: {
        const auto expected = reader.integer("expected_version", true, 0, 1000000);
        journey::SupportPlan plan = read_plan(reader, issues);
        Issues plan_issues = journey::check_support_plan(plan);
        issues.insert(issues.end(), plan_issues.begin(), plan_issues.end());
        const int current = state["plan_version"].is_number_integer() ? state["plan_version"].get<int>() : 0;
        if (expected && *expected != current) {
          return fail({stale_version_issue(fmt::format("support_plans/{}", person_id), *expected, current)});
        }
        if (!issues.empty()) return fail(issues);
        const journey::PlanTotals totals = journey::total_support_plan(plan);
        const int version = current + 1;
        Json lines = Json::array();
        for (const journey::PlanLine& line : plan.lines) lines.push_back(line_json(line));
        const Json& indicative = state["indicative_budget"];
        const Json document{
            {"version", version},
            {"outcomes", plan.outcomes},
            {"lines", std::move(lines)},
            {"totals", totals_json(totals)},
            {"difference_from_indicative_pence",
             indicative.is_object() ? Json(totals.annual.pence() - int_of(indicative, "annual_pence")) : Json(nullptr)},
            {"created_by", actor.username},
            {"created_at", format_timestamp(impl.clock.now())}};
        Result<PlanVersionRecord> stored = tx.get<app::PlanVersionRepository>().add(
            PlanVersionRecord{person_id, version, document.dump(), totals.annual, actor.username, impl.clock.now()});
        if (!stored) return tl::unexpected<Issues>(stored.error());
        Result<Unit> removed = tx.get<app::JourneyDraftRepository>().remove(person_id, "plan");
        if (!removed) return tl::unexpected<Issues>(removed.error());
        state["plan_version"] = version;
        event_type = "service";
        payload = {{"version", version}, {"annual_pence", totals.annual.pence()}};
        break;
      }
      case Step::kSubmitPlan: {
        const auto version = reader.integer("version", true, 1, 1000000);
        if (!issues.empty()) return fail(issues);
        const int current = state["plan_version"].is_number_integer() ? state["plan_version"].get<int>() : 0;
        if (current == 0) return fail(ErrorCode::kConflict, "version", "there is no support plan to submit; save one first");
        if (*version != current) {
          return fail({stale_version_issue(fmt::format("support_plans/{}", person_id), *version, current)});
        }
        const Json& indicative = state["indicative_budget"];
        if (!indicative.is_object()) {
          return fail(ErrorCode::kConflict, "step", "cannot submit_plan: there is no indicative budget; assess first");
        }
        Result<std::vector<PlanVersionRecord>> plans = tx.get<app::PlanVersionRepository>().for_person(person_id);
        if (!plans) return tl::unexpected<Issues>(plans.error());
        const journey::PlanTotals totals = totals_from_json(Json::parse(plans->back().document)["totals"]);
        const journey::SignOffRouting routing = journey::route_sign_off(
            totals, Money::from_pence(int_of(indicative, "lower_annual_pence")),
            Money::from_pence(int_of(indicative, "upper_annual_pence")), config_.sign_off);
        state["sign_off"] = {{"plan_version", current},
                             {"route", journey::sign_off_route_id(routing.route)},
                             {"reasons", routing.reasons},
                             {"submitted_at", format_timestamp(impl.clock.now())}};
        event_type = "service";
        payload = state["sign_off"];
        break;
      }
      case Step::kDecide: {
        const Json& sign_off = state["sign_off"];
        if (text_of(sign_off, "route") != "team_manager") {
          return fail(ErrorCode::kConflict, "step",
                      "cannot decide: this plan goes to the Resource Allocation Group; record the decision in a panel "
                      "meeting (POST /api/v1/panel/meetings)");
        }
        const auto decided = reader.choice("outcome", true, journey::parse_decision_outcome,
                                           "approve, approve_changed_amount, return, decline");
        const std::optional<Money> changed = reader.pence("agreed_annual_pence", false);
        reason = reader.text("reason", false);
        const std::optional<Date> start = reader.date("start", false);
        Result<std::vector<PlanVersionRecord>> plans = tx.get<app::PlanVersionRepository>().for_person(person_id);
        if (!plans) return tl::unexpected<Issues>(plans.error());
        const journey::PlanTotals totals = totals_from_json(Json::parse(plans->back().document)["totals"]);
        const Money indicative = Money::from_pence(int_of(state["indicative_budget"], "annual_pence"));
        std::optional<Money> agreed;
        if (decided) {
          Result<std::optional<Money>> amount =
              journey::agreed_amount(journey::SignOffDecision{*decided, changed, reason}, totals, indicative);
          if (!amount) {
            issues.insert(issues.end(), amount.error().begin(), amount.error().end());
          } else {
            agreed = *amount;
          }
        }
        if (!issues.empty()) return fail(issues);
        result.agreed = agreed.has_value();
        event_type = "service";
        outcome = agreed ? "provision_of_service" : "";
        payload = {{"outcome", journey::decision_outcome_id(*decided)},
                   {"plan_version", sign_off["plan_version"]},
                   {"agreed_annual_pence", agreed ? Json(agreed->pence()) : Json(nullptr)},
                   {"by", "team_manager"}};
        if (agreed) {
          Json budget = impl.agreed_budget(totals, sign_off["plan_version"].get<int>(), *agreed, start ? *start : today,
                                           state["indicative_budget"], reason, "team_manager");
          if (auto placed = impl.put_in_place(tx, actor, person_id, state, std::move(budget)); !placed) {
            return tl::unexpected<Issues>(placed.error());
          }
        } else {
          state["sign_off"] = nullptr;
        }
        break;
      }
      case Step::kReview: {
        const std::optional<Date> date = reader.date("date", false);
        const bool joint = reader.boolean("joint", false);
        const auto reviewed =
            reader.choice("outcome", true, journey::parse_review_outcome, "no_change, new_plan, end");
        reason = reader.text("reason", false);
        if (reviewed == journey::ReviewOutcome::kEnd && reason.empty()) {
          reader.problem(ErrorCode::kMissingField, "reason", "ending support needs a reason");
        }
        if (!issues.empty()) return fail(issues);
        const Date on = date ? *date : today;
        result.review = reviewed;
        event_type = "review";
        payload = {{"date", on.to_string()}, {"joint", joint}, {"outcome", journey::review_outcome_id(*reviewed)}};
        switch (*reviewed) {
          case journey::ReviewOutcome::kNoChange:
            outcome = "no_change_in_package";
            state["last_review"] = on.to_string();
            state["agreed_budget"]["review_due"] = journey::next_review_due(on, config_.reviews).to_string();
            break;
          case journey::ReviewOutcome::kNewPlan:
            outcome = "progress_to_support_planning_services";
            state["last_review"] = on.to_string();
            break;
          case journey::ReviewOutcome::kEnd:
            outcome = "nfa_support_ended_other_reason";
            state["agreed_budget"] = nullptr;
            state["protection"] = nullptr;
            break;
        }
        break;
      }
      case Step::kClose: {
        reason = reader.text("reason", true);
        if (!issues.empty()) return fail(issues);
        outcome = "nfa_other";
        event_type = stage == Stage::kActive ? "review" : "request";
        state["agreed_budget"] = nullptr;
        state["protection"] = nullptr;
        state["sign_off"] = nullptr;
        break;
      }
    }
    Result<Stage> next = journey::next_stage(stage, *step, result);
    if (!next) return tl::unexpected<Issues>(next.error());
    state["stage"] = journey::stage_id(*next);
    if (*next == Stage::kClosed || *next == Stage::kAssessment) state["enablement"] = nullptr;
    Result<PersonEvent> event = impl.event(tx, actor, person_id, kind, event_type, outcome, payload, reason);
    if (!event) return tl::unexpected<Issues>(event.error());
    return impl.save(tx, actor, *record, details, state, step_name);
  });
  if (!saved) return tl::unexpected<Issues>(saved.error());
  return person_json(*saved);
}

// ------------------------------------------------------------ carers

Result<Json> JourneyService::carer_first_stage(const Actor& actor, Id person_id, const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  const std::string completed_by = reader.text("completed_by", true);
  if (!completed_by.empty() && completed_by != "carer" && completed_by != "partner_organisation") {
    reader.problem(ErrorCode::kInvalidValue, "completed_by",
                   fmt::format("unknown value \"{}\"; expected carer or partner_organisation", completed_by));
  }
  journey::CarerFirstStage form;
  const std::pair<const char*, std::int64_t*> fields[] = {{"hours_caring_per_week", &form.hours_caring_per_week},
                                                          {"health_impact", &form.health_impact},
                                                          {"breaks_impact", &form.breaks_impact},
                                                          {"work_learning_impact", &form.work_learning_impact},
                                                          {"relationships_impact", &form.relationships_impact},
                                                          {"willingness_impact", &form.willingness_impact}};
  for (const auto& [key, target] : fields) {
    const bool hours = std::string_view(key) == "hours_caring_per_week";
    if (auto value = reader.integer(key, true, 0, hours ? 168 : 3)) *target = *value;
  }
  if (issues.empty()) {
    Issues form_issues = journey::check_carer_first_stage(form);
    issues.insert(issues.end(), form_issues.begin(), form_issues.end());
  }
  Result<PersonRecord> saved = impl_->write([&](Transaction& tx) -> Result<PersonRecord> {
    Result<PersonRecord> record = tx.get<app::PersonRepository>().get(person_id);
    if (!record) return record;
    const Json details = Json::parse(record->details);
    Json state = Json::parse(record->state);
    if (Issues refused = refuse_unless_allowed(details, state, "carer_first_stage"); !refused.empty()) return fail(refused);
    if (!issues.empty()) return fail(issues);
    const journey::CarerFirstStageResult result = journey::assess_carer_first_stage(form, config_.carers);
    state["carer"]["first_stage"] = {{"completed_by", completed_by},
                                     {"impact_score", result.impact_score},
                                     {"refer_for_full_assessment", result.refer_for_full_assessment},
                                     {"universal_support", result.universal_support},
                                     {"reasons", result.reasons},
                                     {"at", format_timestamp(impl_->clock.now())}};
    Json payload = state["carer"]["first_stage"];
    payload["form"] = body;
    Result<PersonEvent> event = impl_->event(tx, actor, person_id, "carer_first_stage", "assessment",
                                             result.refer_for_full_assessment ? "progress_to_assessment"
                                                                              : "nfa_information_advice_signposting_only",
                                             payload, "");
    if (!event) return tl::unexpected<Issues>(event.error());
    return impl_->save(tx, actor, *record, details, state, "carer_first_stage");
  });
  if (!saved) return tl::unexpected<Issues>(saved.error());
  return person_json(*saved);
}

Result<Json> JourneyService::carer_full_assessment(const Actor& actor, Id person_id, const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  const std::string rulebook_id = reader.text("rulebook_id", true);
  const auto version = reader.integer("rulebook_version", true, 1, 1000000);
  const Json* answers = reader.object("answers", true);
  const std::optional<Money> agreed = reader.pence("agreed_annual_pence", false);
  const std::string reason = reader.text("reason", false);
  Result<PersonRecord> saved = impl_->write([&](Transaction& tx) -> Result<PersonRecord> {
    Result<PersonRecord> record = tx.get<app::PersonRepository>().get(person_id);
    if (!record) return record;
    const Json details = Json::parse(record->details);
    Json state = Json::parse(record->state);
    if (Issues refused = refuse_unless_allowed(details, state, "carer_full_assessment"); !refused.empty()) {
      return fail(refused);
    }
    std::optional<Id> score_id;
    std::optional<ras::Score> score;
    if (!rulebook_id.empty() && version && answers != nullptr) {
      Result<ras::Score> scored = impl_->score(tx, actor, rulebook_id, static_cast<int>(*version), *answers, issues, score_id);
      if (!scored && !scored.error().empty()) return tl::unexpected<Issues>(scored.error());
      if (scored) score = *scored;
    }
    if (score && agreed && *agreed != score->annual && reason.empty()) {
      issues.push_back({ErrorCode::kMissingField, "reason",
                        "the agreed amount " + format_pounds(*agreed) + " differs from the indicative budget " +
                            format_pounds(score->annual) + ", so a reason is required"});
    }
    if (!issues.empty()) return fail(issues);
    const Money budget = agreed ? *agreed : score->annual;
    state["carer"]["full_assessment"] = {{"rulebook_id", rulebook_id},
                                         {"rulebook_version", *version},
                                         {"annual_pence", score->annual.pence()},
                                         {"agreed_annual_pence", budget.pence()},
                                         {"reason", reason},
                                         {"at", format_timestamp(impl_->clock.now())}};
    Json payload = state["carer"]["full_assessment"];
    payload["answers"] = *answers;
    payload["score_id"] = *score_id;
    Result<PersonEvent> event = impl_->event(tx, actor, person_id, "carer_full_assessment", "assessment",
                                             budget.pence() > 0 ? "provision_of_service" : "nfa_no_services_offered_other_reason",
                                             payload, reason);
    if (!event) return tl::unexpected<Issues>(event.error());
    return impl_->save(tx, actor, *record, details, state, "carer_full_assessment");
  });
  if (!saved) return tl::unexpected<Issues>(saved.error());
  return person_json(*saved);
}

// ------------------------------------------------------------ the Resource Allocation Group

Result<Json> JourneyService::record_panel_meeting(const Actor& actor, const Json& body) {
  Issues issues;
  Reader reader(body, "", issues);
  const std::optional<Date> held_on = reader.date("held_on", true);
  Json members = Json::array();
  if (const Json* list = reader.array("members", true)) {
    if (list->empty()) reader.problem(ErrorCode::kMissingField, "members", "record the members present");
    for (std::size_t member_idx = 0; member_idx < list->size(); ++member_idx) {
      Reader member((*list)[member_idx], fmt::format("members[{}]", member_idx), issues);
      members.push_back(Json{{"name", member.text("name", true)},
                             {"role", member.text("role", true)},
                             {"agency", member.text("agency", true)}});
    }
  }
  struct Decision {
    Id person_id = 0;
    int plan_version = 0;
    std::optional<journey::DecisionOutcome> outcome;
    std::optional<Money> changed;
    std::string reason;
    std::optional<Date> start;
  };
  std::vector<Decision> decisions;
  if (const Json* list = reader.array("decisions", true)) {
    if (list->empty()) reader.problem(ErrorCode::kMissingField, "decisions", "a meeting records at least one decision");
    for (std::size_t decision_idx = 0; decision_idx < list->size(); ++decision_idx) {
      Reader item((*list)[decision_idx], fmt::format("decisions[{}]", decision_idx), issues);
      Decision decision;
      decision.person_id = item.integer("person_id", true, 1, std::numeric_limits<std::int64_t>::max()).value_or(0);
      decision.plan_version = static_cast<int>(item.integer("plan_version", true, 1, 1000000).value_or(0));
      decision.outcome = item.choice("outcome", true, journey::parse_decision_outcome,
                                     "approve, approve_changed_amount, return, decline");
      decision.changed = item.pence("agreed_annual_pence", false);
      decision.reason = item.text("reason", false);
      decision.start = item.date("start", false);
      decisions.push_back(decision);
    }
  }
  const Date today = today_of(impl_->clock);
  Result<PanelMeeting> meeting = impl_->write([&](Transaction& tx) -> Result<PanelMeeting> {
    Issues conflicts;
    struct Loaded {
      PersonRecord record;
      Json details;
      Json state;
      journey::PlanTotals totals;
      std::optional<Money> agreed;
    };
    std::vector<std::optional<Loaded>> loaded;
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const Decision& decision = decisions[decision_idx];
      const std::string path = fmt::format("decisions[{}]", decision_idx);
      loaded.emplace_back();
      if (decision.person_id == 0) continue;
      Result<PersonRecord> record = tx.get<app::PersonRepository>().get(decision.person_id);
      if (!record) {
        if (record.error().front().code != ErrorCode::kNotFound) return tl::unexpected<Issues>(record.error());
        issues.push_back({ErrorCode::kUnknownReference, path + ".person_id",
                          fmt::format("there is no person {}", decision.person_id)});
        continue;
      }
      Json state = Json::parse(record->state);
      const Json& sign_off = state["sign_off"];
      if (!record->index.awaiting_panel || sign_off["plan_version"] != decision.plan_version) {
        conflicts.push_back({ErrorCode::kConflict, path,
                             fmt::format("person {} has no support plan version {} awaiting the Resource Allocation "
                                         "Group (stage {})",
                                         decision.person_id, decision.plan_version,
                                         record->index.stage.empty() ? "none" : record->index.stage)});
        continue;
      }
      Result<std::vector<PlanVersionRecord>> plans = tx.get<app::PlanVersionRepository>().for_person(decision.person_id);
      if (!plans) return tl::unexpected<Issues>(plans.error());
      const journey::PlanTotals totals = totals_from_json(Json::parse(plans->back().document)["totals"]);
      std::optional<Money> agreed;
      if (decision.outcome) {
        Result<std::optional<Money>> amount = journey::agreed_amount(
            journey::SignOffDecision{*decision.outcome, decision.changed, decision.reason}, totals,
            Money::from_pence(int_of(state["indicative_budget"], "annual_pence")));
        if (!amount) {
          for (const Issue& issue : prefixed(amount.error(), path)) issues.push_back(issue);
        } else {
          agreed = *amount;
        }
      }
      loaded.back() = Loaded{*record, Json::parse(record->details), std::move(state), totals, agreed};
    }
    if (!conflicts.empty()) return fail(conflicts);
    if (!issues.empty()) return fail(issues);
    Json recorded = Json::array();
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const Decision& decision = decisions[decision_idx];
      Loaded& person = *loaded[decision_idx];
      recorded.push_back(Json{{"person_id", decision.person_id},
                              {"plan_version", decision.plan_version},
                              {"outcome", journey::decision_outcome_id(*decision.outcome)},
                              {"agreed_annual_pence", person.agreed ? Json(person.agreed->pence()) : Json(nullptr)},
                              {"reason", decision.reason}});
    }
    Result<PanelMeeting> stored = tx.get<app::PanelMeetingRepository>().add(
        NewPanelMeeting{*held_on, members.dump(), recorded.dump(), actor}, impl_->clock.now());
    if (!stored) return stored;
    for (std::size_t decision_idx = 0; decision_idx < decisions.size(); ++decision_idx) {
      const Decision& decision = decisions[decision_idx];
      Loaded& person = *loaded[decision_idx];
      journey::StepResult result;
      result.agreed = person.agreed.has_value();
      Result<Stage> next = journey::next_stage(Stage::kAwaitingSignOff, Step::kDecide, result);
      if (!next) return tl::unexpected<Issues>(next.error());
      Json payload = recorded[decision_idx];
      payload["meeting_id"] = stored->id;
      payload["by"] = "resource_allocation_group";
      if (person.agreed) {
        Json budget = impl_->agreed_budget(person.totals, decision.plan_version, *person.agreed,
                                           decision.start ? *decision.start : today, person.state["indicative_budget"],
                                           decision.reason, "resource_allocation_group");
        if (auto placed = impl_->put_in_place(tx, actor, decision.person_id, person.state, std::move(budget)); !placed) {
          return tl::unexpected<Issues>(placed.error());
        }
      } else {
        person.state["sign_off"] = nullptr;
      }
      person.state["stage"] = journey::stage_id(*next);
      Result<PersonEvent> event =
          impl_->event(tx, actor, decision.person_id, "panel_decision", "service",
                       person.agreed ? "provision_of_service" : "", payload, decision.reason);
      if (!event) return tl::unexpected<Issues>(event.error());
      Result<PersonRecord> saved =
          impl_->save(tx, actor, person.record, person.details, person.state, "panel_decision");
      if (!saved) return tl::unexpected<Issues>(saved.error());
    }
    return stored;
  });
  if (!meeting) return tl::unexpected<Issues>(meeting.error());
  return meeting_json(*meeting);
}

}  // namespace allot::app
