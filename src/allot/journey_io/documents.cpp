#include "allot/journey_io/documents.h"

#include <limits>

#include "allot/journey_io/reader.h"

namespace allot::journey_io {

using detail::date_json;
using detail::format_instant;
using detail::money_json;
using detail::optional_text;
using detail::Reader;

namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMinInt = std::numeric_limits<std::int64_t>::min();

// Reading stored documents: every field as written, with its path.
class Stored {
 public:
  Stored(const Json& object, std::string prefix, Issues& issues) : reader_(object, std::move(prefix), issues) {}

  Reader& reader() { return reader_; }
  const Json* object(const char* key) { return reader_.object(key, false); }
  std::string text(const char* key) { return reader_.text(key, false); }
  std::string required_text(const char* key) { return reader_.text(key, true); }
  std::int64_t whole(const char* key) { return reader_.integer(key, true, kMinInt, kMaxInt).value_or(0); }
  std::optional<std::int64_t> optional_whole(const char* key) { return reader_.integer(key, false, kMinInt, kMaxInt); }
  int small(const char* key) { return static_cast<int>(reader_.integer(key, true, 0, 1000000).value_or(0)); }
  std::optional<int> optional_small(const char* key) {
    const auto value = reader_.integer(key, false, 0, 1000000);
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
  }
  Money money(const char* key) { return Money::from_pence(whole(key)); }
  std::optional<Money> optional_money(const char* key) {
    const auto value = optional_whole(key);
    return value ? std::optional<Money>(Money::from_pence(*value)) : std::nullopt;
  }
  bool flag(const char* key) {
    if (reader_.find(key, true) == nullptr) return false;
    return reader_.boolean(key, false);
  }
  Date date(const char* key) { return reader_.date(key, true).value_or(Date()); }
  std::optional<Date> optional_date(const char* key) { return reader_.date(key, false); }
  journey::Instant instant(const char* key) { return detail::instant(reader_, key).value_or(journey::Instant()); }
  std::vector<std::string> texts(const char* key) { return reader_.texts(key, true); }
  template <typename Parse>
  auto choice(const char* key, Parse parse, std::string_view expected) {
    return reader_.choice(key, true, parse, expected);
  }
  std::string path(std::string_view key) const { return reader_.path(key); }

 private:
  Reader reader_;
};

template <typename T>
Result<T> read_or_fail(T value, Issues issues) {
  if (!issues.empty()) return fail(std::move(issues));
  return value;
}

constexpr const char* kDeliveryExpected = "direct_payment, individual_service_fund, council_arranged";

Json delivery_json(const std::map<journey::DeliveryOption, Money>& by_delivery) {
  Json json = Json::object();
  for (const journey::DeliveryOption option : journey::kDeliveryOptions) {
    const auto found = by_delivery.find(option);
    json[journey::delivery_option_id(option)] = found == by_delivery.end() ? 0 : found->second.pence();
  }
  return json;
}

std::map<journey::DeliveryOption, Money> read_delivery(Stored& parent, const char* key, Issues& issues) {
  std::map<journey::DeliveryOption, Money> split;
  const Json* object = parent.reader().object(key, true);
  if (object == nullptr) return split;
  Stored stored(*object, parent.path(key), issues);
  for (const journey::DeliveryOption option : journey::kDeliveryOptions) {
    split[option] = stored.money(journey::delivery_option_id(option));
  }
  return split;
}

journey::Enablement read_enablement(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  return journey::Enablement{stored.date("start"), stored.date("planned_end")};
}

journey::IndicativeBudget read_indicative(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  journey::IndicativeBudget budget;
  budget.rulebook_id = stored.required_text("rulebook_id");
  budget.rulebook_version = stored.small("rulebook_version");
  budget.annual = stored.money("annual_pence");
  budget.weekly = stored.money("weekly_pence");
  budget.lower_annual = stored.money("lower_annual_pence");
  budget.upper_annual = stored.money("upper_annual_pence");
  budget.derivation = stored.texts("derivation");
  budget.eligible = stored.flag("eligible");
  budget.eligibility_reasons = stored.texts("eligibility_reasons");
  budget.assessed_at = stored.instant("assessed_at");
  return budget;
}

journey::SignOff read_sign_off(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  journey::SignOff sign_off;
  sign_off.plan_version = stored.small("plan_version");
  const std::string route = stored.required_text("route");
  if (route == "resource_allocation_group") {
    sign_off.route = journey::SignOffRoute::kResourceAllocationGroup;
  } else if (route != "team_manager" && !route.empty()) {
    stored.reader().problem(ErrorCode::kInvalidValue, "route",
                            "unknown route \"" + route + "\"; expected team_manager or resource_allocation_group");
  }
  sign_off.reasons = stored.texts("reasons");
  sign_off.submitted_at = stored.instant("submitted_at");
  return sign_off;
}

journey::AgreedBudget read_agreed(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  journey::AgreedBudget budget;
  budget.annual = stored.money("annual_pence");
  budget.weekly = stored.money("weekly_pence");
  budget.one_off = stored.money("one_off_pence");
  budget.start = stored.date("start");
  budget.review_due = stored.date("review_due");
  budget.plan_version = stored.optional_small("plan_version");
  budget.indicative_annual = stored.optional_money("indicative_annual_pence");
  budget.difference = stored.optional_money("difference_pence");
  budget.reason = stored.text("reason");
  if (auto decided_by = stored.choice("decided_by", journey::parse_decided_by,
                                      "team_manager, resource_allocation_group, equipment")) {
    budget.decided_by = *decided_by;
  }
  budget.by_delivery_option = read_delivery(stored, "by_delivery", issues);
  if (const Json* funding = stored.reader().object("by_funding", true)) {
    Stored split(*funding, stored.path("by_funding"), issues);
    for (const journey::FundingSource source : journey::kFundingSources) {
      budget.by_funding_source[source] = split.money(journey::funding_source_id(source));
    }
  }
  return budget;
}

journey::Protection read_protection(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  return journey::Protection{stored.money("annual_pence"), stored.money("previous_package_annual_pence"),
                             stored.date("review_due")};
}

journey::CarerAssessments read_carer(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  journey::CarerAssessments carer;
  if (const Json* first = stored.object("first_stage")) {
    Stored form(*first, stored.path("first_stage"), issues);
    journey::CarerFirstStageRecord record;
    if (auto completed_by = form.choice("completed_by", journey::parse_completed_by, "carer, partner_organisation")) {
      record.completed_by = *completed_by;
    }
    record.impact_score = form.whole("impact_score");
    record.refer_for_full_assessment = form.flag("refer_for_full_assessment");
    record.universal_support = form.texts("universal_support");
    record.reasons = form.texts("reasons");
    record.at = form.instant("at");
    carer.first_stage = std::move(record);
  }
  if (const Json* full = stored.object("full_assessment")) {
    Stored form(*full, stored.path("full_assessment"), issues);
    journey::CarerFullAssessmentRecord record;
    record.rulebook_id = form.required_text("rulebook_id");
    record.rulebook_version = form.small("rulebook_version");
    record.annual = form.money("annual_pence");
    record.agreed_annual = form.money("agreed_annual_pence");
    record.reason = form.text("reason");
    record.at = form.instant("at");
    carer.full_assessment = std::move(record);
  }
  return carer;
}

journey::PlanTotals read_totals(Stored& parent, Issues& issues) {
  journey::PlanTotals totals;
  const Json* object = parent.reader().object("totals", true);
  if (object == nullptr) return totals;
  Stored stored(*object, parent.path("totals"), issues);
  totals.weekly = stored.money("weekly_pence");
  totals.annual = stored.money("annual_pence");
  totals.one_off = stored.money("one_off_pence");
  totals.annual_recurring = totals.annual - totals.one_off;
  totals.annual_council = stored.money("annual_council_pence");
  totals.annual_nhs = stored.money("annual_nhs_pence");
  totals.has_nhs_funding = totals.annual_nhs.pence() > 0;
  totals.annual_by_delivery = read_delivery(stored, "by_delivery", issues);
  return totals;
}

journey::PlanLine read_line(const Json& json, const std::string& path, Issues& issues) {
  Stored stored(json, path, issues);
  journey::PlanLine line;
  line.description = stored.text("description");
  line.service_component = stored.required_text("service_component");
  line.provider = stored.text("provider");
  if (auto unit = stored.choice("unit", journey::parse_plan_unit, "hour, day, night, week, one_off")) line.unit = *unit;
  line.unit_cost = stored.money("unit_cost_pence");
  const std::string units = stored.required_text("units_per_week");
  if (!units.empty()) {
    if (auto parsed = Fraction::parse(units)) {
      line.units_per_week = *parsed;
    } else {
      stored.reader().problem(ErrorCode::kInvalidValue, "units_per_week", "found \"" + units + "\"; expected a number");
    }
  }
  line.one_off_amount = stored.money("one_off_pence");
  if (auto delivery = stored.choice("delivery", journey::parse_delivery_option, kDeliveryExpected)) {
    line.delivery = *delivery;
  }
  line.nhs_percent = stored.whole("nhs_percent");
  // Written only for double-handed care and more; older plans have one carer.
  line.carers = stored.optional_whole("carers").value_or(1);
  return line;
}

}  // namespace

// ------------------------------------------------------------ details

Json details_to_json(const journey::PersonDetails& person) {
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
              {"cares_for", person.cares_for ? Json(*person.cares_for) : Json(nullptr)}};
}

Result<journey::PersonDetails> details_from_json(const Json& document) {
  Issues issues;
  Stored stored(document, "", issues);
  Reader& reader = stored.reader();
  journey::PersonDetails person;
  person.given_name = stored.text("given_name");
  person.family_name = stored.text("family_name");
  person.date_of_birth = stored.optional_date("date_of_birth");
  person.nhs_number = stored.text("nhs_number");
  person.address = stored.text("address");
  person.postcode = stored.text("postcode");
  person.latitude = reader.number("latitude");
  person.longitude = reader.number("longitude");
  person.primary_support_reason = stored.text("primary_support_reason");
  person.client_group = stored.text("client_group");
  person.has_unpaid_carer = reader.boolean("has_unpaid_carer", false);
  person.accommodation_status = stored.text("accommodation_status");
  person.employment_status = stored.text("employment_status");
  person.locality = stored.text("locality");
  person.team = stored.text("team");
  person.cares_for = stored.optional_whole("cares_for");
  return read_or_fail(std::move(person), std::move(issues));
}

// ------------------------------------------------------------ case state

Json enablement_to_json(const journey::Enablement& enablement) {
  return Json{{"start", enablement.start.to_string()}, {"planned_end", enablement.planned_end.to_string()}};
}

Json indicative_budget_to_json(const journey::IndicativeBudget& budget) {
  return Json{{"rulebook_id", budget.rulebook_id},
              {"rulebook_version", budget.rulebook_version},
              {"annual_pence", budget.annual.pence()},
              {"weekly_pence", budget.weekly.pence()},
              {"lower_annual_pence", budget.lower_annual.pence()},
              {"upper_annual_pence", budget.upper_annual.pence()},
              {"derivation", budget.derivation},
              {"eligible", budget.eligible},
              {"eligibility_reasons", budget.eligibility_reasons},
              {"assessed_at", format_instant(budget.assessed_at)}};
}

Json sign_off_to_json(const journey::SignOff& sign_off) {
  return Json{{"plan_version", sign_off.plan_version},
              {"route", journey::sign_off_route_id(sign_off.route)},
              {"reasons", sign_off.reasons},
              {"submitted_at", format_instant(sign_off.submitted_at)}};
}

Json agreed_budget_to_json(const journey::AgreedBudget& budget) {
  Json funding = Json::object();
  for (const journey::FundingSource source : journey::kFundingSources) {
    funding[journey::funding_source_id(source)] = budget.from_source(source).pence();
  }
  return Json{{"annual_pence", budget.annual.pence()},
              {"weekly_pence", budget.weekly.pence()},
              {"one_off_pence", budget.one_off.pence()},
              {"start", budget.start.to_string()},
              {"review_due", budget.review_due.to_string()},
              {"plan_version", budget.plan_version ? Json(*budget.plan_version) : Json(nullptr)},
              {"indicative_annual_pence", money_json(budget.indicative_annual)},
              {"difference_pence", money_json(budget.difference)},
              {"reason", budget.reason},
              {"decided_by", journey::decided_by_id(budget.decided_by)},
              {"by_delivery", delivery_json(budget.by_delivery_option)},
              {"by_funding", std::move(funding)}};
}

Json protection_to_json(const journey::Protection& protection) {
  return Json{{"annual_pence", protection.annual.pence()},
              {"previous_package_annual_pence", protection.previous_package_annual.pence()},
              {"review_due", protection.review_due.to_string()}};
}

namespace {

Json first_stage_to_json(const journey::CarerFirstStageRecord& record) {
  return Json{{"completed_by", journey::completed_by_id(record.completed_by)},
              {"impact_score", record.impact_score},
              {"refer_for_full_assessment", record.refer_for_full_assessment},
              {"universal_support", record.universal_support},
              {"reasons", record.reasons},
              {"at", format_instant(record.at)}};
}

Json full_assessment_to_json(const journey::CarerFullAssessmentRecord& record) {
  return Json{{"rulebook_id", record.rulebook_id},
              {"rulebook_version", record.rulebook_version},
              {"annual_pence", record.annual.pence()},
              {"agreed_annual_pence", record.agreed_annual.pence()},
              {"reason", record.reason},
              {"at", format_instant(record.at)}};
}

template <typename T, typename ToJson>
Json or_null(const std::optional<T>& value, ToJson to_json) {
  return value ? to_json(*value) : Json(nullptr);
}

}  // namespace

Json carer_to_json(const journey::CarerAssessments& carer) {
  return Json{{"first_stage", or_null(carer.first_stage, first_stage_to_json)},
              {"full_assessment", or_null(carer.full_assessment, full_assessment_to_json)}};
}

Json case_state_to_json(const journey::CaseState& state) {
  return Json{{"stage", state.stage ? Json(journey::stage_id(*state.stage)) : Json(nullptr)},
              {"enablement", or_null(state.enablement, enablement_to_json)},
              {"indicative_budget", or_null(state.indicative_budget, indicative_budget_to_json)},
              {"plan_version", state.plan_version ? Json(*state.plan_version) : Json(nullptr)},
              {"sign_off", or_null(state.sign_off, sign_off_to_json)},
              {"agreed_budget", or_null(state.agreed_budget, agreed_budget_to_json)},
              {"protection", or_null(state.protection, protection_to_json)},
              {"carer", or_null(state.carer, carer_to_json)},
              {"previous_package_annual_pence", money_json(state.previous_package_annual)},
              {"last_review", date_json(state.last_review)}};
}

Result<journey::CaseState> case_state_from_json(const Json& document) {
  Issues issues;
  Stored stored(document, "", issues);
  journey::CaseState state;
  const std::string stage = stored.text("stage");
  if (!stage.empty()) {
    state.stage = journey::parse_stage(stage);
    if (!state.stage) stored.reader().problem(ErrorCode::kInvalidValue, "stage", "unknown stage \"" + stage + "\"");
  }
  if (const Json* json = stored.object("enablement")) state.enablement = read_enablement(*json, "enablement", issues);
  if (const Json* json = stored.object("indicative_budget")) {
    state.indicative_budget = read_indicative(*json, "indicative_budget", issues);
  }
  state.plan_version = stored.optional_small("plan_version");
  if (const Json* json = stored.object("sign_off")) state.sign_off = read_sign_off(*json, "sign_off", issues);
  if (const Json* json = stored.object("agreed_budget")) state.agreed_budget = read_agreed(*json, "agreed_budget", issues);
  if (const Json* json = stored.object("protection")) state.protection = read_protection(*json, "protection", issues);
  if (const Json* json = stored.object("carer")) state.carer = read_carer(*json, "carer", issues);
  state.previous_package_annual = stored.optional_money("previous_package_annual_pence");
  state.last_review = stored.optional_date("last_review");
  return read_or_fail(std::move(state), std::move(issues));
}

// ------------------------------------------------------------ the person record

Json person_to_json(const journey::Person& person) {
  Json json = details_to_json(person.details);
  const journey::CaseState& state = person.state;
  json["id"] = person.id;
  json["row_version"] = person.row_version;
  json["created_at"] = format_instant(person.created_at);
  json["stage"] = state.stage ? Json(journey::stage_id(*state.stage)) : Json(nullptr);
  json["allowed_steps"] = journey::allowed_steps(person.details, state);
  json["enablement"] = or_null(state.enablement, enablement_to_json);
  json["indicative_budget"] = or_null(state.indicative_budget, indicative_budget_to_json);
  json["plan_version"] = state.plan_version ? Json(*state.plan_version) : Json(nullptr);
  json["sign_off"] = or_null(state.sign_off, sign_off_to_json);
  json["agreed_budget"] = or_null(state.agreed_budget, agreed_budget_to_json);
  json["protection"] = or_null(state.protection, protection_to_json);
  json["carer"] = or_null(state.carer, carer_to_json);
  return json;
}

// ------------------------------------------------------------ plan versions

Json plan_line_to_json(const journey::PlanLine& line) {
  Json json{{"description", line.description},
              {"service_component", line.service_component},
              {"provider", optional_text(line.provider)},
              {"unit", journey::plan_unit_id(line.unit)},
              {"unit_cost_pence", line.unit_cost.pence()},
              {"units_per_week", line.units_per_week.to_string()},
              {"one_off_pence", line.one_off_amount.pence()},
              {"delivery", journey::delivery_option_id(line.delivery)},
              {"nhs_percent", line.nhs_percent}};
  // One carer is the usual case and how plans were written before "carers" existed.
  if (line.carers != 1) json["carers"] = line.carers;
  return json;
}

Json plan_totals_to_json(const journey::PlanTotals& totals) {
  return Json{{"weekly_pence", totals.weekly.pence()},
              {"annual_pence", totals.annual.pence()},
              {"one_off_pence", totals.one_off.pence()},
              {"annual_council_pence", totals.annual_council.pence()},
              {"annual_nhs_pence", totals.annual_nhs.pence()},
              {"by_delivery", delivery_json(totals.annual_by_delivery)}};
}

Json plan_version_to_json(const journey::PlanVersion& plan) {
  Json lines = Json::array();
  for (const journey::PlanLine& line : plan.plan.lines) lines.push_back(plan_line_to_json(line));
  return Json{{"version", plan.version},
              {"outcomes", plan.plan.outcomes},
              {"lines", std::move(lines)},
              {"totals", plan_totals_to_json(plan.totals)},
              {"difference_from_indicative_pence", money_json(plan.difference_from_indicative)},
              {"created_by", plan.created_by},
              {"created_at", format_instant(plan.created_at)}};
}

Result<journey::PlanVersion> plan_version_from_json(const Json& document) {
  Issues issues;
  Stored stored(document, "", issues);
  journey::PlanVersion plan;
  plan.version = stored.small("version");
  plan.plan.outcomes = stored.texts("outcomes");
  if (const Json* lines = stored.reader().array("lines", true)) {
    for (std::size_t line_idx = 0; line_idx < lines->size(); ++line_idx) {
      plan.plan.lines.push_back(read_line((*lines)[line_idx], "lines[" + std::to_string(line_idx) + "]", issues));
    }
  }
  plan.totals = read_totals(stored, issues);
  plan.difference_from_indicative = stored.optional_money("difference_from_indicative_pence");
  plan.created_by = stored.text("created_by");
  plan.created_at = stored.instant("created_at");
  return read_or_fail(std::move(plan), std::move(issues));
}

// ------------------------------------------------------------ panel meetings

Json panel_members_to_json(const std::vector<journey::PanelMember>& members) {
  Json json = Json::array();
  for (const journey::PanelMember& member : members) {
    json.push_back(Json{{"name", member.name}, {"role", member.role}, {"agency", member.agency}});
  }
  return json;
}

Result<std::vector<journey::PanelMember>> panel_members_from_json(const Json& document) {
  Issues issues;
  std::vector<journey::PanelMember> members;
  if (!document.is_array()) return fail(ErrorCode::kWrongType, "members", "expected a list");
  for (std::size_t member_idx = 0; member_idx < document.size(); ++member_idx) {
    Stored stored(document[member_idx], "members[" + std::to_string(member_idx) + "]", issues);
    members.push_back({stored.text("name"), stored.text("role"), stored.text("agency")});
  }
  return read_or_fail(std::move(members), std::move(issues));
}

Json panel_decision_to_json(const journey::PanelDecision& decision) {
  return Json{{"person_id", decision.person_id},
              {"plan_version", decision.plan_version},
              {"outcome", journey::decision_outcome_id(decision.outcome)},
              {"agreed_annual_pence", money_json(decision.agreed_annual)},
              {"reason", decision.reason}};
}

Json panel_decisions_to_json(const std::vector<journey::PanelDecision>& decisions) {
  Json json = Json::array();
  for (const journey::PanelDecision& decision : decisions) json.push_back(panel_decision_to_json(decision));
  return json;
}

Result<std::vector<journey::PanelDecision>> panel_decisions_from_json(const Json& document) {
  Issues issues;
  std::vector<journey::PanelDecision> decisions;
  if (!document.is_array()) return fail(ErrorCode::kWrongType, "decisions", "expected a list");
  for (std::size_t decision_idx = 0; decision_idx < document.size(); ++decision_idx) {
    Stored stored(document[decision_idx], "decisions[" + std::to_string(decision_idx) + "]", issues);
    journey::PanelDecision decision;
    decision.person_id = stored.whole("person_id");
    decision.plan_version = stored.small("plan_version");
    if (auto outcome = stored.choice("outcome", journey::parse_decision_outcome,
                                     "approve, approve_changed_amount, return, decline")) {
      decision.outcome = *outcome;
    }
    decision.agreed_annual = stored.optional_money("agreed_annual_pence");
    decision.reason = stored.text("reason");
    decisions.push_back(std::move(decision));
  }
  return read_or_fail(std::move(decisions), std::move(issues));
}

Json panel_meeting_to_json(const journey::PanelMeeting& meeting) {
  return Json{{"id", meeting.id},
              {"held_on", meeting.held_on.to_string()},
              {"members", panel_members_to_json(meeting.members)},
              {"decisions", panel_decisions_to_json(meeting.decisions)},
              {"decisions_withheld", meeting.decisions_withheld},
              {"recorded_by", meeting.recorded_by},
              {"recorded_at", format_instant(meeting.recorded_at)}};
}

// ------------------------------------------------------------ event payloads

Json eligibility_to_json(const journey::Eligibility& eligibility) {
  Json json = Json::object();
  if (eligibility.framework) json["framework"] = journey::eligibility_framework_id(*eligibility.framework);
  if (eligibility.needs_from_impairment_or_illness) {
    json["needs_from_impairment_or_illness"] = *eligibility.needs_from_impairment_or_illness;
  }
  if (eligibility.outcomes) {
    Json outcomes = Json::object();
    for (const journey::OutcomeFinding& finding : *eligibility.outcomes) {
      Json inabilities = Json::array();
      for (const journey::Inability inability : finding.inabilities) inabilities.push_back(journey::inability_id(inability));
      outcomes[journey::care_act_outcome_id(finding.outcome)] = std::move(inabilities);
    }
    json["outcomes"] = std::move(outcomes);
  }
  if (eligibility.significant_impact_on_wellbeing) {
    json["significant_impact_on_wellbeing"] = *eligibility.significant_impact_on_wellbeing;
  }
  if (eligibility.band) json["band"] = journey::need_band_id(*eligibility.band);
  return json;
}

Json carer_form_to_json(const journey::CarerFirstStageCommand& form) {
  Json json{{"hours_caring_per_week", form.form.hours_caring_per_week},
            {"health_impact", form.form.health_impact},
            {"breaks_impact", form.form.breaks_impact},
            {"work_learning_impact", form.form.work_learning_impact},
            {"relationships_impact", form.form.relationships_impact},
            {"willingness_impact", form.form.willingness_impact}};
  if (form.completed_by) json["completed_by"] = journey::completed_by_id(*form.completed_by);
  return json;
}

Json event_payload_to_json(const journey::EventPayload& payload) {
  struct Visitor {
    Json operator()(const journey::PersonCreated& event) const { return details_to_json(event.details); }
    Json operator()(const journey::DetailsChanged& event) const {
      return Json{{"before", details_to_json(event.before)}, {"after", details_to_json(event.after)}};
    }
    Json operator()(const journey::ContactRecorded& event) const {
      return Json{{"date", event.date.to_string()},
                  {"route_of_access", event.route_of_access},
                  {"requested_by", event.requested_by},
                  {"joint_screening", event.joint_screening}};
    }
    Json operator()(const journey::Screened& event) const {
      Json json{{"outcome", journey::screening_outcome_id(event.outcome)}, {"joint", event.joint}};
      if (event.enablement) json["enablement"] = enablement_to_json(*event.enablement);
      return json;
    }
    Json operator()(const journey::EnablementEnded& event) const {
      return Json{{"outcome", journey::enablement_outcome_id(event.outcome)}, {"ended", event.ended.to_string()}};
    }
    Json operator()(const journey::AssessmentCompleted& event) const {
      return Json{{"rulebook_id", event.rulebook_id},
                  {"rulebook_version", event.rulebook_version},
                  {"answers", event.answers},
                  {"score_id", event.score_id},
                  {"annual_pence", event.annual.pence()},
                  {"eligibility", eligibility_to_json(event.eligibility)},
                  {"eligible", event.eligible},
                  {"joint", event.joint},
                  {"professions", event.professions}};
    }
    Json operator()(const journey::EquipmentBudgetAgreed& event) const {
      return Json{{"description", event.description}, {"agreed_budget", agreed_budget_to_json(event.agreed_budget)}};
    }
    Json operator()(const journey::PlanSaved& event) const {
      return Json{{"version", event.version}, {"annual_pence", event.annual.pence()}};
    }
    Json operator()(const journey::PlanSubmitted& event) const { return sign_off_to_json(event.sign_off); }
    Json operator()(const journey::SignOffDecided& event) const {
      return Json{{"outcome", journey::decision_outcome_id(event.outcome)},
                  {"plan_version", event.plan_version},
                  {"agreed_annual_pence", money_json(event.agreed_annual)},
                  {"by", "team_manager"}};
    }
    Json operator()(const journey::PanelDecided& event) const {
      Json json = panel_decision_to_json(event.decision);
      json["meeting_id"] = event.meeting_id;
      json["by"] = "resource_allocation_group";
      return json;
    }
    Json operator()(const journey::ProtectionRecorded& event) const { return protection_to_json(event.protection); }
    Json operator()(const journey::Reviewed& event) const {
      return Json{{"date", event.date.to_string()},
                  {"joint", event.joint},
                  {"outcome", journey::review_outcome_id(event.outcome)}};
    }
    Json operator()(const journey::Closed&) const { return Json::object(); }
    Json operator()(const journey::CarerFirstStageCompleted& event) const {
      Json json = first_stage_to_json(event.result);
      json["form"] = carer_form_to_json(event.form);
      return json;
    }
    Json operator()(const journey::CarerFullAssessmentCompleted& event) const {
      Json json = full_assessment_to_json(event.result);
      json["answers"] = event.answers;
      json["score_id"] = event.score_id;
      return json;
    }
    Json operator()(const journey::DifferentPersonConfirmed& event) const {
      Json others = Json::array();
      for (std::size_t other_idx = 0; other_idx < event.other_ids.size(); ++other_idx) {
        others.push_back({{"person_id", event.other_ids[other_idx]},
                          {"name", other_idx < event.other_names.size() ? event.other_names[other_idx] : ""}});
      }
      return Json{{"different_from", others}};
    }
  };
  return std::visit(Visitor{}, payload);
}

}  // namespace allot::journey_io
