#include "allot/api/handlers.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "allot/api/shared/log.h"
#include "allot/app/identity/password.h"
#include "allot/app/shared/access_policy.h"
#include "allot/ras/answers.h"
#include "allot/ras/calibrate.h"
#include "allot/ras/population_csv.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/score.h"
#include "allot/ras/simulate.h"

namespace allot::api {
namespace {

constexpr const char* kSessionCookie = "allot_session";

bool has_issue(const Issues& issues, ErrorCode code) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
}

nlohmann::json issues_json(const Issues& issues) {
  nlohmann::json list = nlohmann::json::array();
  for (const Issue& issue : issues) {
    list.push_back({{"path", issue.path}, {"message", issue.message}, {"code", error_code_name(issue.code)}});
  }
  return list;
}

// The user with the actions the access policy allows them, so the pages show
// only what the user may do without keeping a copy of the rules.
nlohmann::json user_json(const app::Authenticated& who) {
  nlohmann::json roles = nlohmann::json::array();
  for (app::Role role : who.user.roles) roles.push_back(app::role_name(role));
  return {{"username", who.user.username},
          {"display_name", who.user.display_name},
          {"agency", {{"id", who.agency.code}, {"name", who.agency.name}, {"kind", app::agency_kind_name(who.agency.kind)}}},
          {"roles", std::move(roles)},
          {"allowed", app::AccessPolicy::standard().allowed_actions(who.principal())}};
}

std::string session_cookie(const ApiOptions& options, std::string_view token, std::int64_t max_age_seconds) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                     std::max<std::int64_t>(0, max_age_seconds), options.secure_cookies ? "; Secure" : "");
}

// The request body as JSON. The router has already checked the content type.
Result<nlohmann::json> json_body(const HttpRequest& request) {
  return ras::parse_json_text(request.body, "body");
}

// Field readers that collect every problem (STYLE.md: validate at the edge).
struct FieldReader {
  const nlohmann::json& object;
  Issues issues;

  const nlohmann::json* find(const char* key, bool required) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
      if (required) issues.push_back({ErrorCode::kMissingField, key, "is required"});
      return nullptr;
    }
    return &*found;
  }
  std::optional<std::string> text(const char* key, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
      issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a string; found {}", value->type_name())});
      return std::nullopt;
    }
    return value->get<std::string>();
  }
  std::optional<std::int64_t> integer(const char* key, std::int64_t min, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer()) {
      issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a whole number; found {}", value->dump())});
      return std::nullopt;
    }
    const std::int64_t number = value->get<std::int64_t>();
    if (number < min) {
      issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("must be at least {}; found {}", min, number)});
      return std::nullopt;
    }
    return number;
  }
  std::optional<bool> boolean(const char* key) {
    const nlohmann::json* value = find(key, false);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
      issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected true or false; found {}", value->dump())});
      return std::nullopt;
    }
    return value->get<bool>();
  }
  // A decimal number given as a JSON number or a string ("12.5"), read exactly.
  std::optional<Fraction> decimal(const char* key, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    std::optional<Fraction> parsed;
    if (value->is_number_integer()) {
      parsed = Fraction::parse(std::to_string(value->get<std::int64_t>()));
    } else if (value->is_number_float()) {
      parsed = Fraction::parse(value->dump());
    } else if (value->is_string()) {
      parsed = Fraction::parse(value->get<std::string>());
    }
    if (!parsed) {
      issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a decimal number; found {}", value->dump())});
    }
    return parsed;
  }
};

Issues not_an_object(const nlohmann::json& body) {
  if (body.is_object()) return {};
  return {{ErrorCode::kWrongType, "", fmt::format("expected a JSON object; found {}", body.type_name())}};
}

struct SignInParams {
  std::string username;
  std::string password;
};

Result<SignInParams> parse_sign_in(const nlohmann::json& body) {
  if (Issues issues = not_an_object(body); !issues.empty()) return fail(std::move(issues));
  FieldReader reader{body, {}};
  auto username = reader.text("username");
  auto password = reader.text("password");
  if (!reader.issues.empty()) return fail(std::move(reader.issues));
  return SignInParams{*username, *password};
}

struct CalibrateParams {
  std::string sample_csv;
  ras::CalibrationRequest request;
  bool publish = false;
};

Result<CalibrateParams> parse_calibrate(const nlohmann::json& body) {
  if (Issues issues = not_an_object(body); !issues.empty()) return fail(std::move(issues));
  FieldReader reader{body, {}};
  CalibrateParams params;
  auto sample = reader.text("sample_csv");
  auto budget = reader.integer("budget_pence", 0);
  auto top_slice = reader.decimal("top_slice_percent");
  auto population = reader.integer("population", 1);
  auto method = reader.text("method", false);
  auto publish = reader.boolean("publish");
  if (method && *method != "sample" && *method != "fit") {
    reader.issues.push_back(
        {ErrorCode::kInvalidValue, "method", fmt::format("unknown method \"{}\"; expected sample or fit", *method)});
  }
  for (const auto& [key, value] : body.items()) {
    static const char* kKnown[] = {"sample_csv", "budget_pence", "top_slice_percent", "population", "method", "publish"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* known) { return key == known; })) {
      reader.issues.push_back({ErrorCode::kInvalidValue, key,
                               "unknown field; expected sample_csv, budget_pence, top_slice_percent, population, "
                               "method, publish"});
    }
  }
  if (!reader.issues.empty()) return fail(std::move(reader.issues));
  params.sample_csv = std::move(*sample);
  params.request.budget = Money::from_pence(*budget);
  params.request.top_slice_percent = *top_slice;
  params.request.population = *population;
  params.request.method = method && *method == "fit" ? ras::CalibrationMethod::kFit : ras::CalibrationMethod::kSample;
  params.publish = publish.value_or(false);
  return params;
}

// Thrown inside a simulation's row callback to stop reading when the server stops.
struct JobCancelled {};

}  // namespace

HttpResponse internal_error(std::string_view detail) {
  const std::string incident = app::random_token(9);
  log_line(fmt::format("incident {}: {}", incident, detail));
  return error_response(500, "internal", fmt::format("internal error; quote incident {} when reporting it", incident),
                        {}, incident);
}

HttpResponse failure(const Issues& issues, std::string_view message) {
  if (has_issue(issues, ErrorCode::kInternal)) return internal_error(format_issues(issues));
  return issues_response(issues, message);
}

Handlers::Handlers(ApiServices api_services, const ApiOptions& api_options)
    : services(api_services), options(api_options), jobs(api_options.job_threads) {}

HttpResponse Handlers::health(RequestContext&) {
  return json_response(200, {{"status", "ok"},
                             {"version", options.version},
                             {"schema_version", services.store.schema_version()},
                             {"database", services.store.backend_name()}});
}

HttpResponse Handlers::openapi(RequestContext&) {
  HttpResponse response;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = std::string(openapi_document());
  return response;
}

HttpResponse Handlers::sign_in(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<SignInParams> params = parse_sign_in(*body);
  if (!params) return failure(params.error(), "the sign-in request is incomplete");
  Result<app::SignedIn> signed_in = services.auth.sign_in(params->username, params->password);
  if (!signed_in) {
    if (has_issue(signed_in.error(), ErrorCode::kInternal)) return failure(signed_in.error(), "");
    if (has_issue(signed_in.error(), ErrorCode::kTooManyRequests)) {
      HttpResponse refused = error_response(429, ErrorCode::kTooManyRequests, signed_in.error().front().message, {});
      const auto window = std::chrono::duration_cast<std::chrono::seconds>(services.auth.options().failed_sign_in_window);
      refused.set_header("Retry-After", std::to_string(window.count()));
      return refused;
    }
    return error_response(401, "unauthenticated", "username or password is incorrect");
  }
  const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(signed_in->expires_at - services.clock.now());
  HttpResponse response = json_response(200, {{"user", user_json(app::Authenticated{signed_in->user, signed_in->agency, {}, {}})},
                                              {"csrf_token", signed_in->csrf_token},
                                              {"token", signed_in->token},
                                              {"expires_at", app::format_timestamp(signed_in->expires_at)}});
  response.add_header("Set-Cookie", session_cookie(options, signed_in->token, lifetime.count()));
  return response;
}

HttpResponse Handlers::current_session(RequestContext& context) {
  const app::Authenticated& who = *context.principal;
  return json_response(200, {{"user", user_json(who)},
                             {"csrf_token", who.csrf_token},
                             {"expires_at", who.expires_at == app::Timestamp::max()
                                                ? nlohmann::json(nullptr)
                                                : nlohmann::json(app::format_timestamp(who.expires_at))}});
}

HttpResponse Handlers::sign_out(RequestContext& context) {
  if (!context.session_token.empty()) {
    Result<app::Unit> ended = services.auth.sign_out(context.session_token);
    if (!ended) return failure(ended.error(), "");
  }
  HttpResponse response = no_content();
  response.add_header("Set-Cookie", session_cookie(options, "", 0));
  return response;
}

HttpResponse Handlers::list_rulebooks(RequestContext&) {
  Result<std::vector<app::RulebookSummary>> summaries = services.rulebooks.list();
  if (!summaries) return failure(summaries.error(), "");
  nlohmann::json rulebooks = nlohmann::json::array();
  for (const app::RulebookSummary& summary : *summaries) {
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& version : summary.versions) {
      versions.push_back({{"version", version.version},
                          {"title", version.title},
                          {"effective_from", version.effective_from.to_string()},
                          {"published_at", app::format_timestamp(version.published_at)}});
    }
    rulebooks.push_back({{"id", summary.id},
                         {"title", summary.title},
                         {"latest_version", summary.latest_version},
                         {"versions", std::move(versions)}});
  }
  return json_response(200, {{"rulebooks", std::move(rulebooks)}});
}

namespace {

// The {v} of a path: a whole number >= 1; anything else names no version.
std::optional<int> version_param(const RequestContext& context) {
  const std::string& text = context.param("v");
  int version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc{} || end != text.data() + text.size() || version < 1) return std::nullopt;
  return version;
}

HttpResponse no_such_version(const RequestContext& context) {
  return error_response(404, ErrorCode::kNotFound,
                        fmt::format("no published rulebook \"{}\" version {}", context.param("id"), context.param("v")),
                        {{ErrorCode::kNotFound, "rulebook", "not published"}});
}

}  // namespace

HttpResponse Handlers::get_rulebook_version(RequestContext& context) {
  const std::optional<int> version = version_param(context);
  if (!version) return no_such_version(context);
  Result<app::RulebookVersion> stored = services.rulebooks.get(context.param("id"), *version);
  if (!stored) {
    if (has_issue(stored.error(), ErrorCode::kNotFound)) return no_such_version(context);
    return failure(stored.error(), "");
  }
  HttpResponse response;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = stored->document;
  return response;
}

Result<std::shared_ptr<const ras::Rulebook>> Handlers::load_rulebook(const RequestContext& context) {
  const std::optional<int> version = version_param(context);
  if (!version) return fail(ErrorCode::kNotFound, "rulebook", "not published");
  const auto key = std::make_pair(context.param("id"), *version);
  {
    std::lock_guard lock(cache_mutex_);
    if (const auto found = cache_.find(key); found != cache_.end()) return found->second;
  }
  Result<app::RulebookVersion> stored = services.rulebooks.get(key.first, key.second);
  if (!stored) return fail(std::move(stored.error()));
  Result<nlohmann::json> document = ras::parse_json_text(stored->document, "rulebook");
  Result<ras::Rulebook> rulebook = document ? ras::parse_rulebook(*document) : fail(std::move(document.error()));
  if (!rulebook) {
    // Published documents were checked before publishing; failing now is a bug.
    return fail(ErrorCode::kInternal, "rulebook",
                fmt::format("stored rulebook {} v{} does not parse: {}", key.first, key.second,
                            format_issues(rulebook.error())));
  }
  auto shared = std::make_shared<const ras::Rulebook>(std::move(*rulebook));
  std::lock_guard lock(cache_mutex_);
  cache_.emplace(key, shared);
  return shared;
}

HttpResponse Handlers::validate_rulebook(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<ras::Rulebook> rulebook = ras::parse_rulebook(*body);
  return json_response(200, {{"valid", rulebook.has_value()},
                             {"issues", rulebook ? nlohmann::json::array() : issues_json(rulebook.error())}});
}

HttpResponse Handlers::publish_rulebook(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<ras::Rulebook> rulebook = ras::parse_rulebook(*body);
  if (!rulebook) return failure(rulebook.error(), "the rulebook is not valid");
  Result<app::RulebookVersion> published = services.rulebooks.publish(context.request.body, context.principal->actor());
  if (!published) {
    if (has_issue(published.error(), ErrorCode::kConflict)) {
      return error_response(409, ErrorCode::kConflict,
                            fmt::format("rulebook \"{}\" version {} is already published; publish a new version",
                                        rulebook->id, rulebook->version),
                            published.error());
    }
    return failure(published.error(), "the rulebook cannot be published");
  }
  HttpResponse response = json_response(201, {{"id", published->rulebook_id}, {"version", published->version}});
  response.set_header("Location",
                      fmt::format("/api/v1/rulebooks/{}/versions/{}", published->rulebook_id, published->version));
  return response;
}

HttpResponse Handlers::score(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) {
    if (has_issue(rulebook.error(), ErrorCode::kNotFound)) return no_such_version(context);
    return failure(rulebook.error(), "");
  }
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  if (Issues issues = not_an_object(*body); !issues.empty()) return failure(issues, "expected {\"answers\": {...}}");
  Result<ras::AnswerSet> answers = ras::read_answers(**rulebook, *body);
  if (!answers) return failure(answers.error(), "the answers do not fit this rulebook");
  return json_response(200, ras::score_to_json(ras::score_assessment(**rulebook, *answers)));
}

HttpResponse Handlers::calibrate(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) {
    if (has_issue(rulebook.error(), ErrorCode::kNotFound)) return no_such_version(context);
    return failure(rulebook.error(), "");
  }
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<CalibrateParams> params = parse_calibrate(*body);
  if (!params) return failure(params.error(), "the calibration request is not valid");
  Result<std::vector<ras::SampleCase>> sample = ras::read_sample_csv(**rulebook, params->sample_csv, "sample_csv");
  if (!sample) return failure(sample.error(), "the sample is not valid");
  Result<ras::Calibration> calibration = ras::calibrate_point_value(**rulebook, *sample, params->request);
  if (!calibration) return failure(calibration.error(), "the rulebook cannot be calibrated with this request");
  nlohmann::json result = ras::calibration_to_json(*calibration);
  if (params->publish) {
    Result<int> next = services.rulebooks.next_version((*rulebook)->id);
    if (!next) return failure(next.error(), "");
    // The same note as `allot ras calibrate --write` leaves in the new version.
    ras::Rulebook calibrated = calibration->calibrated;
    calibrated.description =
        (calibrated.description.empty() ? "" : calibrated.description + " ") +
        fmt::format("Value of a point {} set by {} calibration from a sample of {} people (budget {}, top-slice {}%).",
                    format_pounds(calibration->pence_per_point),
                    params->request.method == ras::CalibrationMethod::kFit ? "fit" : "Derby-method",
                    calibration->sample_size, format_pounds(params->request.budget),
                    params->request.top_slice_percent.to_string());
    nlohmann::json document = ras::rulebook_to_json(calibrated);
    document["version"] = *next;
    Result<app::RulebookVersion> published =
        services.rulebooks.publish(document.dump(2), context.principal->actor());
    if (!published) return failure(published.error(), "the calibrated rulebook cannot be published");
    result["published"] = {{"id", published->rulebook_id}, {"version", published->version}};
  }
  return json_response(200, result);
}

HttpResponse Handlers::start_simulation(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) {
    if (has_issue(rulebook.error(), ErrorCode::kNotFound)) return no_such_version(context);
    return failure(rulebook.error(), "");
  }
  auto population = std::make_shared<const std::string>(context.request.body);
  std::shared_ptr<const ras::Rulebook> shared_rulebook = *rulebook;
  const std::string id = jobs.submit("simulation", context.principal->user.username,
                                     [shared_rulebook, population](JobProgress& progress) -> Result<nlohmann::json> {
    const ras::Rulebook& book = *shared_rulebook;
    const std::string& text = *population;
    const auto lines = std::count(text.begin(), text.end(), '\n');
    const bool ends_with_newline = !text.empty() && text.back() == '\n';
    progress.set_total(std::max<std::int64_t>(0, lines + (ends_with_newline ? 0 : 1) - 1));
    ras::CompiledRulebook compiled(book);
    ras::SimulationAccumulator accumulator;
    std::int64_t done = 0;
    ras::PopulationReadSummary summary;
    try {
      summary = ras::read_population_csv(book, text, "population.csv", [&](const ras::PopulationRow& row) {
        accumulator.add(row.client_group, compiled.score(row.chosen), row.current_annual);
        if (++done % 4096 == 0) {
          progress.set_done(done);
          if (progress.cancelled()) throw JobCancelled{};
        }
      });
    } catch (const JobCancelled&) {
      return fail(ErrorCode::kConflict, "job", "the server stopped before the simulation finished");
    }
    progress.set_done(done);
    if (summary.bad_rows > 0 || !summary.issues.empty()) return fail(std::move(summary.issues));
    return ras::simulation_to_json(accumulator.report(book));
  });
  HttpResponse response = json_response(202, {{"job_id", id}});
  response.set_header("Location", "/api/v1/jobs/" + id);
  return response;
}

HttpResponse Handlers::get_job(RequestContext& context) {
  std::optional<JobSnapshot> job = jobs.get(context.param("job_id"));
  // Someone else's job is reported as missing: its existence is not theirs to know.
  if (!job || job->owner != context.principal->user.username) {
    return error_response(404, ErrorCode::kNotFound, "no such job", {{ErrorCode::kNotFound, "job_id", "unknown job"}});
  }
  return json_response(200, job_to_json(*job));
}

HttpResponse Handlers::test_fail(RequestContext&) {
  throw std::runtime_error("deliberate failure for tests: secret-internal-detail");
}

HttpResponse Handlers::test_sleep(RequestContext& context) {
  int milliseconds = 0;
  const std::string& query = context.request.query;
  if (query.rfind("ms=", 0) == 0) std::from_chars(query.data() + 3, query.data() + query.size(), milliseconds);
  milliseconds = std::clamp(milliseconds, 0, 10000);
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  return json_response(200, {{"slept_ms", milliseconds}});
}

HttpResponse Handlers::test_in_flight(RequestContext&) {
  return json_response(200, {{"in_flight", in_flight.load() - 1}});
}

}  // namespace allot::api
