// Handlers for the RAS's routes: published rulebooks, scoring, validation,
// publication, calibration and population simulations (a job).
#include "allot/api/ras/handlers.h"

#include <algorithm>
#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/ras/answers.h"
#include "allot/ras/calibrate.h"
#include "allot/ras/population_csv.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/score.h"
#include "allot/ras/simulate.h"

namespace allot::api::ras_api {
namespace {

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

// The published rulebook the path names, from the shared cache.
Result<std::shared_ptr<const ras::Rulebook>> load_rulebook(RequestContext& context) {
  const std::optional<int> version = version_param(context);
  if (!version) return fail(ErrorCode::kNotFound, "rulebook", "not published");
  return app::in_transaction(context.state.services.store, app::Access::kRead, [&](app::Transaction& tx) {
    return context.state.rulebook_cache.get(tx.get<app::RulebookRepository>(), context.param("id"), *version);
  });
}

// The answer when the path's rulebook cannot be loaded.
HttpResponse rulebook_refusal(const RequestContext& context, const Issues& issues) {
  if (has_issue(issues, ErrorCode::kNotFound)) return no_such_version(context);
  return failure(issues, "");
}

}  // namespace

HttpResponse list_rulebooks(RequestContext& context) {
  Result<std::vector<app::RulebookSummary>> summaries = context.state.services.rulebooks.list();
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

HttpResponse get_rulebook_version(RequestContext& context) {
  const std::optional<int> version = version_param(context);
  if (!version) return no_such_version(context);
  Result<app::RulebookVersion> stored = context.state.services.rulebooks.get(context.param("id"), *version);
  if (!stored) {
    if (has_issue(stored.error(), ErrorCode::kNotFound)) return no_such_version(context);
    return failure(stored.error(), "");
  }
  HttpResponse response;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = stored->document;
  return response;
}

HttpResponse validate_rulebook(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<ras::Rulebook> rulebook = ras::parse_rulebook(*body);
  return json_response(200, {{"valid", rulebook.has_value()},
                             {"issues", rulebook ? nlohmann::json::array() : issues_json(rulebook.error())}});
}

HttpResponse publish_rulebook(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<ras::Rulebook> rulebook = ras::parse_rulebook(*body);
  if (!rulebook) return failure(rulebook.error(), "the rulebook is not valid");
  Result<app::RulebookVersion> published = context.state.services.rulebooks.publish(context.request.body, context.principal->principal());
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

HttpResponse score(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) return rulebook_refusal(context, rulebook.error());
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  if (Issues issues = not_an_object(*body); !issues.empty()) return failure(issues, "expected {\"answers\": {...}}");
  Result<ras::AnswerSet> answers = ras::read_answers(**rulebook, *body);
  if (!answers) return failure(answers.error(), "the answers do not fit this rulebook");
  return json_response(200, ras::score_to_json(ras::score_assessment(**rulebook, *answers)));
}

HttpResponse calibrate(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) return rulebook_refusal(context, rulebook.error());
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
    Result<int> next = context.state.services.rulebooks.next_version((*rulebook)->id);
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
        context.state.services.rulebooks.publish(document.dump(2), context.principal->principal());
    if (!published) return failure(published.error(), "the calibrated rulebook cannot be published");
    result["published"] = {{"id", published->rulebook_id}, {"version", published->version}};
  }
  return json_response(200, result);
}

HttpResponse start_simulation(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) return rulebook_refusal(context, rulebook.error());
  // A file with any bad row is refused whole before a job starts (422, every
  // problem with its line), so a bad upload changes nothing: the job is for the
  // scoring, which is the slow part.
  {
    const ras::PopulationReadSummary checked =
        ras::read_population_csv(**rulebook, context.request.body, "population.csv", [](const ras::PopulationRow&) {});
    if (!checked.issues.empty() || checked.bad_rows > 0) {
      return failure(checked.issues, "the population has problems; no simulation was started");
    }
    if (checked.rows == 0) {
      return failure({Issue{ErrorCode::kInvalidValue, "population.csv", "has no people: give a header and one line a person"}},
                     "the population has problems; no simulation was started");
    }
  }
  auto population = std::make_shared<const std::string>(context.request.body);
  std::shared_ptr<const ras::Rulebook> shared_rulebook = *rulebook;
  const std::string id = context.state.jobs.submit("simulation", context.principal->user.username, context.principal->agency.code,
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

}  // namespace allot::api::ras_api
