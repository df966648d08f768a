// Handlers for integrated budgets (docs/api.md, "Integrated budgets").
#include "allot/api/budgets/handlers.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <limits>

#include <fmt/format.h>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/budgets/budget_service.h"
#include "allot/base/json_reader.h"
#include "allot/budgets/commitments.h"
#include "allot/budgets/money_checks.h"

namespace allot::api::budgets_api {
namespace {

using Json = nlohmann::json;

app::BudgetService service(RequestContext& context) {
  return app::BudgetService(context.state.services.store, context.state.services.clock);
}

app::Principal principal(const RequestContext& context) { return context.principal->principal(); }

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Result<app::Id> path_id(const RequestContext& context, const char* name, const char* what) {
  const auto id = parse_int(context.param(name));
  if (!id || *id < 1) return fail(ErrorCode::kNotFound, name, fmt::format("there is no {} \"{}\"", what, context.param(name)));
  return *id;
}

HttpResponse refusal(const Issues& issues, std::string_view summary) {
  for (const ErrorCode code : {ErrorCode::kNotFound, ErrorCode::kConflict, ErrorCode::kForbidden}) {
    const auto found = std::find_if(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
    if (found != issues.end()) return failure(issues, found->message);
  }
  return failure(issues, summary);
}

Result<Json> body_object(const RequestContext& context) {
  // The one JSON parser (base/json_reader.h): its limits and its paths for numbers that do not fit.
  Result<Json> body = parse_json(context.request.body, "body");
  if (!body) return body;
  if (!body->is_object()) return fail(ErrorCode::kMalformed, "body", "expected a JSON object");
  return body;
}

// The import's ?file= name is only a label in error paths ("april.csv:4.amount"),
// but people read it: a plain name (already percent-decoded), never a path.
bool read_file_name(const std::string& name) {
  if (name.size() > 255 || (!name.empty() && name.front() == '.')) return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == '/' || c == '\\' || byte < 0x20 || byte == 0x7f;
  });
}

Json months_json(const budgets::Months& months) {
  Json out = Json::array();
  for (Money amount : months) out.push_back(amount.pence());
  return out;
}

Json opt_date(const std::optional<Date>& date) { return date ? Json(date->to_string()) : Json(nullptr); }

Json fund_json(const app::BudgetFund& fund) {
  return {{"id", fund.id},           {"code", fund.code},
          {"name", fund.name},       {"kind", fund.kind},
          {"owner_agency", fund.owner_agency}, {"conditions", fund.conditions},
          {"end_date", opt_date(fund.end_date)}, {"created_by", fund.created_by},
          {"created_at", app::format_timestamp(fund.created_at)}};
}

Json line_json(const app::BudgetLine& line) {
  return {{"id", line.id},           {"code", line.code},         {"name", line.name},
          {"kind", line.kind},       {"locality", line.locality}, {"client_group", line.client_group},
          {"setting", line.setting}, {"amount_pence", line.amount.pence()}};
}

Json budget_json(const app::BudgetRecord& budget) {
  Json contributions = Json::array();
  Money total;
  Issues overflow;
  for (const app::BudgetContribution& c : budget.contributions) {
    contributions.push_back({{"fund_id", c.fund_id},
                             {"partner_agency", c.partner_agency},
                             {"funding_source", c.funding_source},
                             {"amount_pence", c.amount.pence()}});
    // Checked when the budget was added; checked again rather than trusted.
    budgets::add_into(total, c.amount, "contributions", overflow);
  }
  Json lines = Json::array();
  for (const app::BudgetLine& line : budget.lines) lines.push_back(line_json(line));
  return {{"id", budget.id},
          {"code", budget.code},
          {"name", budget.name},
          {"financial_year", budget.financial_year},
          {"financial_year_label", budgets::FinancialYear{budget.financial_year}.label()},
          {"kind", budget.kind},
          {"host_agency", budget.host_agency},
          {"managed_by_agency", budget.managed_by_agency},
          {"accountable_agency", budget.accountable_agency},
          {"shadow_managed", budget.managed_by_agency != budget.accountable_agency},
          {"risk_share", budget.risk_share},
          {"approver", budget.approver},
          {"request_limit_pence", budget.request_limit.pence()},
          {"total_pence", overflow.empty() ? Json(total.pence()) : Json(nullptr)},
          {"contributions", contributions},
          {"lines", lines},
          {"created_by", budget.created_by},
          {"created_at", app::format_timestamp(budget.created_at)}};
}

Json forecast_json(const budgets::LineForecast& f) {
  return {{"budget", months_json(f.budget)},
          {"committed", months_json(f.committed)},
          {"actual", months_json(f.actual)},
          {"forecast", months_json(f.forecast)},
          {"variance", months_json(f.variance)},
          {"budget_pence", f.budget_total.pence()},
          {"committed_pence", f.committed_total.pence()},
          {"actual_pence", f.actual_total.pence()},
          {"forecast_pence", f.forecast_total.pence()},
          {"variance_pence", f.variance_total.pence()},
          {"overspent", f.overspent}};
}

Json months_labels(int financial_year) {
  Json out = Json::array();
  const budgets::FinancialYear year{financial_year};
  for (int month_idx = 0; month_idx < 12; ++month_idx) out.push_back(year.month_first(month_idx).to_string().substr(0, 7));
  return out;
}

Json monitoring_json(const app::Monitoring& m) {
  Json lines = Json::array();
  for (const app::LineMonitoring& line : m.lines) {
    Json row = forecast_json(line.figures);
    row["line"] = line_json(line.line);
    lines.push_back(row);
  }
  return {{"budget", budget_json(m.budget)},
          {"as_of", m.as_of.to_string()},
          {"months", months_labels(m.budget.financial_year)},
          {"lines", lines},
          {"total", forecast_json(m.total)},
          {"contributions_pence", m.contributions.pence()},
          {"unallocated_pence", m.unallocated.pence()},
          {"commitments", m.commitments},
          {"unmatched_payments", m.unmatched_payments},
          {"flags", m.flags}};
}

Json payment_json(const app::PaymentRecord& p) {
  return {{"id", p.id},
          {"budget_id", p.budget_id},
          {"line_id", p.line_id ? Json(*p.line_id) : Json(nullptr)},
          {"budget_line", p.line_code},
          {"date", p.paid_on.to_string()},
          {"payee", p.payee},
          {"person_reference", p.person_reference},
          {"amount_pence", p.amount.pence()},
          {"reference", p.reference},
          {"idempotency_key", p.idempotency_key},
          {"corrects", p.corrects ? Json(*p.corrects) : Json(nullptr)},
          {"matched", p.unmatched_reason.empty()},
          {"unmatched_reason", p.unmatched_reason},
          {"posted_by", p.posted_by},
          {"posted_at", app::format_timestamp(p.posted_at)}};
}

// A fast-access request is decided within the day: one still undecided from an
// earlier day is overdue.
Json request_json(const app::FastAccessRequest& r, Date today) {
  const Date requested_on(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(r.requested_at)));
  return {{"id", r.id},
          {"overdue", r.decision.empty() && requested_on < today},
          {"budget_id", r.budget_id},
          {"person_reference", r.person_reference},
          {"purpose", r.purpose},
          {"amount_pence", r.amount.pence()},
          {"requested_by", r.requested_by},
          {"requested_at", app::format_timestamp(r.requested_at)},
          {"decision", r.decision},
          {"decided_by", r.decided_by},
          {"decided_at", r.decided_at ? Json(app::format_timestamp(*r.decided_at)) : Json(nullptr)},
          {"reason", r.reason}};
}

// Reads fields, collecting every problem.
struct Reader {
  const Json& body;
  std::string prefix;
  Issues& issues;

  std::string text(const char* key, bool required) const {
    const auto found = body.find(key);
    if (found == body.end() || found->is_null()) {
      if (required) issues.push_back({ErrorCode::kMissingField, prefix + key, fmt::format("{} is required", key)});
      return "";
    }
    if (!found->is_string()) {
      issues.push_back({ErrorCode::kWrongType, prefix + key, "expected text"});
      return "";
    }
    if (auto problem = control_character_problem(found->get_ref<const std::string&>())) {
      issues.push_back({ErrorCode::kInvalidValue, prefix + key, *problem});
      return "";
    }
    return found->get<std::string>();
  }
  std::int64_t integer(const char* key, bool required) const {
    const auto found = body.find(key);
    if (found == body.end() || found->is_null()) {
      if (required) issues.push_back({ErrorCode::kMissingField, prefix + key, fmt::format("{} is required", key)});
      return 0;
    }
    if (!found->is_number_integer()) {
      issues.push_back({ErrorCode::kWrongType, prefix + key, "expected a whole number"});
      return 0;
    }
    // 2^63 and above arrive as unsigned: read as signed they would wrap to negative pence.
    if (found->is_number_unsigned() &&
        found->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      issues.push_back({ErrorCode::kInvalidValue, prefix + key,
                        fmt::format("must be at most {}; found {}", std::numeric_limits<std::int64_t>::max(),
                                    found->get<std::uint64_t>())});
      return 0;
    }
    return found->get<std::int64_t>();
  }
  std::optional<Date> date(const char* key, bool required) const {
    const std::string value = text(key, required);
    if (value.empty()) return std::nullopt;
    const std::optional<Date> parsed = Date::parse(value);
    if (!parsed) issues.push_back({ErrorCode::kInvalidValue, prefix + key, fmt::format("expected YYYY-MM-DD; found \"{}\"", value)});
    return parsed;
  }
};

template <typename T, typename ToJson>
HttpResponse answer(const Result<T>& result, int status, std::string_view summary, ToJson to_json) {
  if (!result) return refusal(result.error(), summary);
  return json_response(status, to_json(*result));
}

}  // namespace

HttpResponse list_funds(RequestContext& context) {
  return answer(service(context).funds(principal(context)), 200, "", [](const std::vector<app::BudgetFund>& funds) {
    Json out = Json::array();
    for (const app::BudgetFund& fund : funds) out.push_back(fund_json(fund));
    return Json{{"funds", out}};
  });
}

HttpResponse create_fund(RequestContext& context) {
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Issues issues;
  Reader read{*body, "", issues};
  app::BudgetFund fund;
  fund.code = read.text("code", true);
  fund.name = read.text("name", true);
  fund.kind = read.text("kind", true);
  fund.owner_agency = read.text("owner_agency", true);
  fund.conditions = read.text("conditions", false);
  fund.end_date = read.date("end_date", false);
  if (!issues.empty()) return failure(issues, "the fund has problems");
  return answer(service(context).add_fund(principal(context), fund), 201, "the fund has problems", fund_json);
}

HttpResponse list_budgets(RequestContext& context) {
  return answer(service(context).budgets(principal(context)), 200, "", [](const std::vector<app::BudgetRecord>& all) {
    Json out = Json::array();
    for (const app::BudgetRecord& budget : all) out.push_back(budget_json(budget));
    return Json{{"budgets", out}};
  });
}

HttpResponse create_budget(RequestContext& context) {
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Issues issues;
  Reader read{*body, "", issues};
  app::BudgetRecord budget;
  budget.code = read.text("code", true);
  budget.name = read.text("name", true);
  budget.financial_year = static_cast<int>(read.integer("financial_year", true));
  budget.kind = read.text("kind", true);
  budget.host_agency = read.text("host_agency", true);
  budget.managed_by_agency = read.text("managed_by_agency", false);
  budget.accountable_agency = read.text("accountable_agency", false);
  budget.risk_share = read.text("risk_share", false);
  budget.approver = read.text("approver", false);
  budget.request_limit = Money::from_pence(read.integer("request_limit_pence", false));
  auto array = [&](const char* key) -> const Json* {
    const auto found = body->find(key);
    if (found == body->end()) {
      issues.push_back({ErrorCode::kMissingField, key, fmt::format("{} is required", key)});
      return nullptr;
    }
    if (!found->is_array()) {
      issues.push_back({ErrorCode::kWrongType, key, "expected a list"});
      return nullptr;
    }
    return &*found;
  };
  if (const Json* contributions = array("contributions")) {
    for (std::size_t idx = 0; idx < contributions->size(); ++idx) {
      const Json& item = (*contributions)[idx];
      const std::string prefix = fmt::format("contributions[{}].", idx);
      if (!item.is_object()) {
        issues.push_back({ErrorCode::kWrongType, prefix.substr(0, prefix.size() - 1), "expected an object"});
        continue;
      }
      Reader r{item, prefix, issues};
      budget.contributions.push_back(app::BudgetContribution{r.integer("fund_id", true), r.text("partner_agency", true),
                                                             r.text("funding_source", true),
                                                             Money::from_pence(r.integer("amount_pence", true))});
    }
  }
  if (const Json* lines = array("lines")) {
    for (std::size_t idx = 0; idx < lines->size(); ++idx) {
      const Json& item = (*lines)[idx];
      const std::string prefix = fmt::format("lines[{}].", idx);
      if (!item.is_object()) {
        issues.push_back({ErrorCode::kWrongType, prefix.substr(0, prefix.size() - 1), "expected an object"});
        continue;
      }
      Reader r{item, prefix, issues};
      app::BudgetLine line;
      line.code = r.text("code", true);
      line.name = r.text("name", true);
      line.kind = r.text("kind", true);
      line.locality = r.text("locality", false);
      line.client_group = r.text("client_group", false);
      line.setting = r.text("setting", false);
      line.amount = Money::from_pence(r.integer("amount_pence", true));
      budget.lines.push_back(line);
    }
  }
  if (!issues.empty()) return failure(issues, "the budget has problems");
  return answer(service(context).add_budget(principal(context), budget), 201, "the budget has problems", budget_json);
}

HttpResponse get_budget(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).budget(principal(context), *id), 200, "", budget_json);
}

HttpResponse monitoring(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).monitoring(principal(context), *id), 200, "", monitoring_json);
}

HttpResponse post_payment(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Issues issues;
  Reader read{*body, "", issues};
  app::PaymentInput input;
  const std::optional<Date> date = read.date("date", true);
  input.payee = read.text("payee", true);
  input.person_reference = read.text("person_reference", false);
  input.amount = Money::from_pence(read.integer("amount_pence", true));
  input.budget_line = read.text("budget_line", true);
  input.reference = read.text("reference", true);
  input.idempotency_key = read.text("idempotency_key", false);
  if (body->contains("corrects") && !(*body)["corrects"].is_null()) input.corrects = read.integer("corrects", false);
  if (!issues.empty()) return failure(issues, "the payment has problems");
  input.paid_on = *date;
  Result<app::PostedPayment> posted = service(context).post_payment(principal(context), *id, input);
  if (!posted) return refusal(posted.error(), "the payment has problems");
  return json_response(posted->repeated ? 200 : 201,
                       Json{{"payment", payment_json(posted->payment)}, {"repeated", posted->repeated}});
}

HttpResponse import_payments(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  std::string source = context.request.query_param("file");
  if (!read_file_name(source)) {
    return error_response(422, ErrorCode::kInvalidValue, "the file name has problems",
                          {Issue{ErrorCode::kInvalidValue, "file",
                                 "must be a plain file name such as april.csv: no folders, no control characters, "
                                 "not starting with a dot, at most 255 bytes"}});
  }
  if (source.empty()) source = "payments.csv";
  Result<app::ImportReport> report =
      service(context).import_payments(principal(context), *id, context.request.body, source);
  if (!report) return refusal(report.error(), "the payments file has problems; nothing was posted");
  Json unmatched = Json::array();
  for (const app::PaymentRecord& p : report->unmatched_lines) unmatched.push_back(payment_json(p));
  return json_response(200, Json{{"lines", report->lines},
                                 {"posted", report->posted},
                                 {"repeated", report->repeated},
                                 {"unmatched", report->unmatched},
                                 {"posted_pence", report->posted_total.pence()},
                                 {"unmatched_lines", unmatched}});
}

HttpResponse list_payments(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).recent_payments(principal(context), *id), 200, "",
                [](const std::vector<app::PaymentRecord>& payments) {
                  Json out = Json::array();
                  for (const app::PaymentRecord& p : payments) out.push_back(payment_json(p));
                  return Json{{"payments", out}};
                });
}

HttpResponse unmatched_payments(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).unmatched_payments(principal(context), *id), 200, "",
                [](const std::vector<app::PaymentRecord>& payments) {
                  Json out = Json::array();
                  for (const app::PaymentRecord& p : payments) out.push_back(payment_json(p));
                  return Json{{"payments", out}};
                });
}

HttpResponse settlement(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).settlement(principal(context), *id), 200, "", [](const app::SettlementReport& r) {
    Json shares = Json::array();
    for (const budgets::PartnerShare& share : r.settlement.shares) {
      shares.push_back({{"partner", share.partner}, {"share_pence", share.share.pence()}, {"arithmetic", share.arithmetic}});
    }
    return Json{{"budget", budget_json(r.budget)},
                {"rule", r.budget.risk_share},
                {"contributions_pence", r.settlement.contributions.pence()},
                {"outturn_pence", r.settlement.outturn.pence()},
                {"variance_pence", r.settlement.variance.pence()},
                {"shares", shares},
                {"arithmetic", r.arithmetic}};
  });
}

HttpResponse protection(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).protection(principal(context), *id), 200, "", [](const app::ProtectionReport& r) {
    Json draws = Json::array();
    for (const app::ProtectionDraw& d : r.draws) {
      draws.push_back({{"person_id", d.person_id},
                       {"annual_pence", d.annual.pence()},
                       {"drawn_pence", d.drawn_this_year.pence()},
                       {"review_due", opt_date(d.review_due)},
                       {"review_overdue", d.review_overdue}});
    }
    return Json{{"budget", budget_json(r.budget)}, {"line", line_json(r.line)}, {"fund_pence", r.fund.pence()},
                {"drawn_pence", r.drawn.pence()},  {"balance_pence", r.balance.pence()}, {"draws", draws}};
  });
}

HttpResponse balance_of_care(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  return answer(service(context).balance_of_care(principal(context), *id), 200, "", [](const app::BalanceOfCare& r) {
    Json institutional = Json::array();
    Json community = Json::array();
    for (const app::SettingMonth& month : r.months) {
      institutional.push_back(month.institutional.pence());
      community.push_back(month.community.pence());
    }
    return Json{{"budget", budget_json(r.budget)},
                {"months", months_labels(r.budget.financial_year)},
                {"institutional", institutional},
                {"community", community},
                {"institutional_pence", r.institutional.pence()},
                {"community_pence", r.community.pence()}};
  });
}

HttpResponse list_fast_access(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  const Date today = service(context).today();
  return answer(service(context).fast_access_requests(principal(context), *id), 200, "",
                [today](const std::vector<app::FastAccessRequest>& requests) {
                  Json out = Json::array();
                  for (const app::FastAccessRequest& r : requests) out.push_back(request_json(r, today));
                  return Json{{"requests", out}};
                });
}

HttpResponse fast_access_budgets(RequestContext& context) {
  return answer(service(context).fast_access_budgets(principal(context)), 200, "", [](const std::vector<app::BudgetRecord>& all) {
    Json out = Json::array();
    for (const app::BudgetRecord& budget : all) out.push_back(budget_json(budget));
    return Json{{"budgets", out}};
  });
}

HttpResponse request_fast_access(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Issues issues;
  Reader read{*body, "", issues};
  app::FastAccessRequest request;
  request.person_reference = read.text("person_reference", false);
  request.purpose = read.text("purpose", true);
  request.amount = Money::from_pence(read.integer("amount_pence", true));
  if (!issues.empty()) return failure(issues, "the request has problems");
  const Date today = service(context).today();
  return answer(service(context).request_fast_access(principal(context), *id, request), 201, "the request has problems",
                [today](const app::FastAccessRequest& r) { return request_json(r, today); });
}

HttpResponse decide_fast_access(RequestContext& context) {
  Result<app::Id> id = path_id(context, "id", "budget");
  if (!id) return refusal(id.error(), "");
  Result<app::Id> request_id = path_id(context, "request", "request");
  if (!request_id) return refusal(request_id.error(), "");
  Result<Json> body = body_object(context);
  if (!body) return failure(body.error(), "the body is not a JSON object");
  Issues issues;
  Reader read{*body, "", issues};
  const std::string decision = read.text("decision", true);
  const std::string reason = read.text("reason", false);
  if (!issues.empty()) return failure(issues, "the decision has problems");
  const Date today = service(context).today();
  return answer(service(context).decide_fast_access(principal(context), *id, *request_id, decision, reason), 200,
                "the decision has problems", [today](const app::FastAccessRequest& r) { return request_json(r, today); });
}

HttpResponse refresh_commitments(RequestContext& context) {
  return answer(service(context).refresh_commitments(principal(context)), 200, "", [](const app::SyncReport& r) {
    return Json{{"added", r.added}, {"ended", r.ended}, {"open", r.open}, {"problems", issues_json(r.problems)}};
  });
}

HttpResponse new_against_previous(RequestContext& context) {
  const std::string year_text = context.request.query_param("year");
  app::BudgetService budgets = service(context);
  int year = budgets.today().financial_year_start();
  if (!year_text.empty()) {
    const auto parsed = parse_int(year_text);
    if (!parsed) {
      return failure({{ErrorCode::kInvalidValue, "year", fmt::format("expected a year like 2026; found \"{}\"", year_text)}},
                     "the query is not valid");
    }
    year = static_cast<int>(*parsed);
  }
  return answer(budgets.new_against_previous(principal(context), year), 200, "the query is not valid",
                [](const app::NewAgainstPrevious& r) {
                  auto row_json = [](const app::NewAgainstPreviousRow& row) {
                    return Json{{"client_group", row.client_group},       {"people", row.people},
                                {"previous", months_json(row.previous)},  {"agreed", months_json(row.agreed)},
                                {"previous_pence", row.previous_total.pence()}, {"agreed_pence", row.agreed_total.pence()}};
                  };
                  Json groups = Json::array();
                  for (const app::NewAgainstPreviousRow& row : r.by_client_group) groups.push_back(row_json(row));
                  return Json{{"financial_year", r.financial_year},
                              {"months", months_labels(r.financial_year)},
                              {"by_client_group", groups},
                              {"total", row_json(r.total)}};
                });
}

HttpResponse my_locality(RequestContext& context) {
  const app::Principal who = principal(context);
  const std::string locality = who.teams.empty() ? std::string() : who.teams.front();
  return answer(service(context).my_locality(who), 200, "",
                [&locality](const std::vector<app::LocalityRemaining>& rows) {
                  Json out = Json::array();
                  for (const app::LocalityRemaining& row : rows) {
                    out.push_back({{"budget_id", row.budget_id},
                                   {"budget", row.budget},
                                   {"line", line_json(row.line)},
                                   {"forecast_pence", row.forecast.pence()},
                                   {"remaining_pence", row.remaining.pence()}});
                  }
                  return Json{{"locality", locality}, {"lines", out}};
                });
}

HttpResponse alerts(RequestContext& context) {
  const std::string budget_text = context.request.query_param("budget");
  std::optional<std::int64_t> only;
  if (!budget_text.empty()) {
    only = parse_int(budget_text);
    if (!only) {
      return failure({{ErrorCode::kInvalidValue, "budget", fmt::format("expected a budget's id; found \"{}\"", budget_text)}},
                     "the query is not valid");
    }
  }
  return answer(service(context).alerts(principal(context)), 200, "", [only](const std::vector<app::OverspendAlert>& rows) {
    Json out = Json::array();
    for (const app::OverspendAlert& alert : rows) {
      if (only && alert.budget_id != *only) continue;
      out.push_back({{"id", alert.id},
                     {"budget_id", alert.budget_id},
                     {"budget", alert.budget},
                     {"line", alert.line.empty() ? Json(nullptr) : Json(alert.line)},
                     {"kind", alert.overspend ? "overspend" : "back_within_budget"},
                     {"current", alert.current},
                     {"message", alert.message},
                     {"managed_by_agency", alert.managed_by_agency},
                     {"accountable_agency", alert.accountable_agency},
                     {"recorded_by", alert.recorded_by},
                     {"agency", alert.agency},
                     {"at", app::format_timestamp(alert.at)}});
    }
    return Json{{"alerts", out}};
  });
}

}  // namespace allot::api::budgets_api
