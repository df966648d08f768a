// Handlers for the RAS's routes: published rulebooks, scoring, validation,
// calibration and population simulations (a job). A rulebook's governance is in
// governance_handlers.cpp.
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
  ras::CalibrationRequest request;
  bool draft = false;
};

// The query's parameters as a JSON object, whole numbers and true/false as JSON
// values, everything else as text, so one reader checks them with the same words
// as a JSON body.
nlohmann::json query_object(std::string_view query) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : query_params(query)) {
    std::int64_t whole = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), whole);
    if (value == "true" || value == "false") {
      object[key] = value == "true";
    } else if (!value.empty() && error == std::errc{} && end == value.data() + value.size()) {
      object[key] = whole;
    } else {
      object[key] = value;
    }
  }
  return object;
}

// The calibration's settings come in the query; the sample is the body (CSV), so
// a sample of any size up to the upload limit is read as the simulation's is.
Result<CalibrateParams> parse_calibrate(const nlohmann::json& query) {
  FieldReader reader{query, {}};
  CalibrateParams params;
  auto budget = reader.integer("budget_pence", 0);
  auto top_slice = reader.decimal("top_slice_percent");
  auto population = reader.integer("population", 1);
  auto method = reader.text("method", false);
  auto draft = reader.boolean("draft");
  if (method && *method != "sample" && *method != "fit") {
    reader.issues.push_back(
        {ErrorCode::kInvalidValue, "method", fmt::format("unknown method \"{}\"; expected sample or fit", *method)});
  }
  for (const auto& [key, value] : query.items()) {
    static const char* kKnown[] = {"budget_pence", "top_slice_percent", "population", "method", "draft"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* known) { return key == known; })) {
      reader.issues.push_back({ErrorCode::kInvalidValue, key,
                               "unknown parameter; expected budget_pence, top_slice_percent, population, method, "
                               "draft"});
    }
  }
  if (!reader.issues.empty()) return fail(std::move(reader.issues));
  params.request.budget = Money::from_pence(*budget);
  params.request.top_slice_percent = *top_slice;
  params.request.population = *population;
  params.request.method = method && *method == "fit" ? ras::CalibrationMethod::kFit : ras::CalibrationMethod::kSample;
  params.draft = draft.value_or(false);
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
                          {"published_at", app::format_timestamp(version.published_at)},
                          {"published_by", version.published_by}});
    }
    rulebooks.push_back({{"id", summary.id},
                         {"title", summary.title},
                         {"latest_version", summary.latest_version},
                         {"in_force_version", summary.in_force_version ? nlohmann::json(*summary.in_force_version)
                                                                       : nlohmann::json(nullptr)},
                         {"versions", std::move(versions)}});
  }
  // The calculator, the criteria and new assessments use each rulebook's version
  // in force on this day, the server's.
  return json_response(200, {{"today", context.state.services.rulebooks.today().to_string()},
                             {"rulebooks", std::move(rulebooks)}});
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
  Result<CalibrateParams> params = parse_calibrate(query_object(context.request.query));
  if (!params) return failure(params.error(), "the calibration request is not valid");
  Result<std::vector<ras::SampleCase>> sample = ras::read_sample_csv(**rulebook, context.request.body, "sample.csv");
  if (!sample) return failure(sample.error(), "the sample is not valid");
  Result<ras::Calibration> calibration = ras::calibrate_point_value(**rulebook, *sample, params->request);
  if (!calibration) return failure(calibration.error(), "the rulebook cannot be calibrated with this request");
  nlohmann::json result = ras::calibration_to_json(*calibration);
  if (params->draft) {
    Result<int> next = context.state.services.rulebooks.next_version((*rulebook)->id);
    if (!next) return failure(next.error(), "");
    // The same note as `allot ras calibrate --write` leaves in the new version.
    ras::Rulebook calibrated = calibration->calibrated;
    const std::string note =
        fmt::format("Value of a point {} set by {} calibration from a sample of {} people (budget {}, top-slice {}%).",
                    format_pounds(calibration->pence_per_point),
                    params->request.method == ras::CalibrationMethod::kFit ? "fit" : "Derby-method",
                    calibration->sample_size, format_pounds(params->request.budget),
                    params->request.top_slice_percent.to_string());
    calibrated.description = (calibrated.description.empty() ? "" : calibrated.description + " ") + note;
    nlohmann::json document = ras::rulebook_to_json(calibrated);
    document["version"] = *next;
    // A draft only: it goes live once proposed with its own effective date and
    // approved by a second person (rulebook_governance.cpp).
    Result<app::DraftVersion> drafted = context.state.services.rulebooks.add_draft(
        document.dump(2), app::DraftOrigin::kCalibration,
        fmt::format("calibrated from version {}: {}", (*rulebook)->version, note), context.principal->principal());
    if (!drafted) return failure(drafted.error(), "the calibrated rulebook cannot be stored as a draft");
    result["draft"] = {{"id", drafted->rulebook_id}, {"version", drafted->version}, {"status", "draft"}};
  }
  return json_response(200, result);
}

HttpResponse start_simulation(RequestContext& context) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook = load_rulebook(context);
  if (!rulebook) return rulebook_refusal(context, rulebook.error());
  return submit_simulation(context, *rulebook, /*draft=*/false);
}

HttpResponse submit_simulation(RequestContext& context, std::shared_ptr<const ras::Rulebook> shared_rulebook,
                               bool draft) {
  // A file with any bad row is refused whole before a job starts (422, every
  // problem with its line), so a bad upload changes nothing: the job is for the
  // scoring, which is the slow part.
  {
    const ras::PopulationReadSummary checked =
        ras::read_population_csv(*shared_rulebook, context.request.body, "population.csv", [](const ras::PopulationRow&) {});
    if (!checked.issues.empty() || checked.bad_rows > 0) {
      return failure(checked.issues, "the population has problems; no simulation was started");
    }
    if (checked.rows == 0) {
      return failure({Issue{ErrorCode::kInvalidValue, "population.csv", "has no people: give a header and one line a person"}},
                     "the population has problems; no simulation was started");
    }
  }
  auto population = std::make_shared<const std::string>(context.request.body);
  const std::string id = context.state.jobs.submit("simulation", context.principal->user.username, context.principal->agency.code,
                                     [shared_rulebook, population, draft](JobProgress& progress) -> Result<nlohmann::json> {
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
    if (accumulator.overflowed()) {
      return fail(ErrorCode::kInvalidValue, "population", "a total went past £92 quadrillion; no totals are given");
    }
    nlohmann::json result = ras::simulation_to_json(accumulator.report(book));
    // Which rulebook it ran, so a proposal can carry only its own draft's simulation.
    result["rulebook"] = {{"id", book.id}, {"version", book.version}, {"draft", draft}};
    return result;
  });
  HttpResponse response = json_response(202, {{"job_id", id}});
  response.set_header("Location", "/api/v1/jobs/" + id);
  return response;
}

}  // namespace allot::api::ras_api
