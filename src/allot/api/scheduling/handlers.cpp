// Visit scheduling jobs: a routing problem in the solver's JSON format (docs/solver.md)
// solved on a job thread of its own, never on the server's I/O or request threads.
// The job owns the clock: it turns the time limit and a cancel into the solver's
// stop check, publishes progress as it goes, and returns the best solution with the
// independent checker's verdict.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>

#include <fmt/format.h>

#include "allot/api/scheduling/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/ras/rulebook_json.h"
#include "allot/solver/check.h"
#include "allot/solver/generate.h"
#include "allot/solver/solve.h"
#include "allot/solver_io/readers.h"

namespace allot::api::scheduling_api {
namespace {

constexpr const char* kSolverJobKind = "solver";
constexpr double kMaxTimeLimitSeconds = 120;
constexpr double kDefaultTimeLimitSeconds = 10;
constexpr std::size_t kMaxSolverJobs = 2;  // at once; the machine's cores are shared with requests
constexpr std::size_t kMaxVisits = 3000;
constexpr std::size_t kMaxCarers = 600;

struct SolverJobParams {
  solver::Problem problem;
  double time_limit_seconds = kDefaultTimeLimitSeconds;
  std::uint64_t seed = 1;
  int threads = 1;
};

Result<SolverJobParams> parse_solver_job(const nlohmann::json& body) {
  Issues issues;
  if (!body.is_object()) return fail(ErrorCode::kWrongType, "body", "expected an object");
  SolverJobParams params;
  for (const auto& [key, value] : body.items()) {
    if (key != "problem" && key != "time_limit_seconds" && key != "seed" && key != "threads") {
      issues.push_back({ErrorCode::kInvalidValue, key, "unknown field; expected problem, time_limit_seconds, seed, threads"});
    }
  }
  if (const auto limit = body.find("time_limit_seconds"); limit != body.end() && !limit->is_null()) {
    if (!limit->is_number()) {
      issues.push_back({ErrorCode::kWrongType, "time_limit_seconds", fmt::format("expected a number; found {}", limit->type_name())});
    } else {
      const double value = limit->get<double>();
      if (!(value > 0) || value > kMaxTimeLimitSeconds) {
        issues.push_back({ErrorCode::kInvalidValue, "time_limit_seconds",
                          fmt::format("must be above 0 and at most {:g}; found {:g}", kMaxTimeLimitSeconds, value)});
      } else {
        params.time_limit_seconds = value;
      }
    }
  }
  if (const auto seed = body.find("seed"); seed != body.end() && !seed->is_null()) {
    if (!seed->is_number_integer() || seed->get<std::int64_t>() < 0) {
      issues.push_back({ErrorCode::kInvalidValue, "seed", "expected a whole number, 0 or more"});
    } else {
      params.seed = seed->get<std::uint64_t>();
    }
  }
  if (const auto threads = body.find("threads"); threads != body.end() && !threads->is_null()) {
    if (!threads->is_number_integer() || (threads->get<std::int64_t>() != 1 && threads->get<std::int64_t>() != 2)) {
      issues.push_back({ErrorCode::kInvalidValue, "threads", "expected 1 or 2"});
    } else {
      params.threads = threads->get<int>();
    }
  }
  const auto problem = body.find("problem");
  if (problem == body.end() || problem->is_null()) {
    issues.push_back({ErrorCode::kMissingField, "problem", "is required"});
  } else if (!problem->is_object()) {
    issues.push_back({ErrorCode::kWrongType, "problem", fmt::format("expected an object; found {}", problem->type_name())});
  } else {
    Result<solver::Problem> parsed = solver_io::problem_from_json(*problem);
    if (!parsed) {
      for (Issue issue : parsed.error()) {
        issue.path = issue.path.empty() ? "problem" : "problem." + issue.path;
        issues.push_back(std::move(issue));
      }
    } else {
      if (parsed->visits.size() > kMaxVisits) {
        issues.push_back({ErrorCode::kInvalidValue, "problem.visits",
                          fmt::format("at most {} visits in one job; found {}", kMaxVisits, parsed->visits.size())});
      }
      if (parsed->carers.size() > kMaxCarers) {
        issues.push_back({ErrorCode::kInvalidValue, "problem.carers",
                          fmt::format("at most {} carers in one job; found {}", kMaxCarers, parsed->carers.size())});
      }
      params.problem = std::move(*parsed);
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return params;
}

nlohmann::json cost_progress(const solver::Cost& cost) {
  return {{"best_cost", cost.objective}, {"unassigned", cost.unassigned_visits}};
}

// Totals the pages show: carer minutes travelling and on visits (a double-handed
// visit counts for each carer), distance, carers used, visits routed and not.
nlohmann::json solution_totals(const solver::Problem& problem, const solver::Solution& solution) {
  double travel_time = 0, visit_time = 0, distance = 0, break_time = 0;
  std::vector<char> routed(problem.visits.size(), 0);
  for (const solver::Route& route : solution.routes) {
    travel_time += route.travel_time;
    distance += route.distance;
    for (const solver::Stop& stop : route.stops) {
      if (stop.kind == solver::Stop::Kind::kVisit) {
        visit_time += stop.end - stop.start;
        routed[stop.index] = 1;
      } else {
        break_time += stop.end - stop.start;
      }
    }
  }
  const auto routed_count = std::count(routed.begin(), routed.end(), 1);
  return {{"carers", problem.carers.size()},
          {"carers_used", solution.routes.size()},
          {"visits", problem.visits.size()},
          {"visits_routed", routed_count},
          {"visits_unassigned", solution.unassigned.size()},
          {"travel_time", travel_time},
          {"visit_time", visit_time},
          {"break_time", break_time},
          {"distance", distance}};
}

Result<nlohmann::json> run_solver_job(const solver::Problem& problem, const SolverJobParams& settings,
                                      JobProgress& progress) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const double limit = settings.time_limit_seconds;
  const auto elapsed = [started] { return std::chrono::duration<double>(Clock::now() - started).count(); };
  progress.set_total(static_cast<std::int64_t>(std::llround(limit * 1000)));

  // Shared by the solver's threads: the best cost reported so far and when it was last published.
  struct Shared {
    std::mutex mutex;
    solver::Cost best;
    bool have_best = false;
    long stop_checks = 0;
    double published_at = -1;
  };
  auto shared = std::make_shared<Shared>();
  const auto publish = [&progress, shared, elapsed, limit](bool force) {  // with shared->mutex held
    const double now = elapsed();
    if (!force && now - shared->published_at < 0.1) return;
    shared->published_at = now;
    nlohmann::json detail = shared->have_best ? cost_progress(shared->best)
                                               : nlohmann::json{{"best_cost", nullptr}, {"unassigned", nullptr}};
    detail["elapsed_seconds"] = now;
    detail["iterations"] = shared->stop_checks * 16;  // the solver asks every 16 iterations
    detail["time_limit_seconds"] = limit;
    progress.set_detail(std::move(detail));
    progress.set_done(std::min<std::int64_t>(std::llround(now * 1000), std::llround(limit * 1000)));
  };
  {
    std::lock_guard lock(shared->mutex);
    publish(true);
  }

  solver::SolveOptions options;
  options.seed = settings.seed;
  options.threads = settings.threads;
  options.elapsed_fraction = [elapsed, limit] { return elapsed() / limit; };
  const solver::ProgressCallback on_progress = [shared, &publish, &problem](const solver::Progress& report) {
    std::lock_guard lock(shared->mutex);
    if (!shared->have_best || solver::is_better_for(problem.objective, report.best, shared->best))
      shared->best = report.best;
    shared->have_best = true;
    publish(false);
  };
  const solver::StopCheck should_stop = [shared, &publish, &progress, elapsed, limit] {
    const bool stop = progress.cancelled() || elapsed() >= limit;
    std::lock_guard lock(shared->mutex);
    ++shared->stop_checks;
    publish(false);
    return stop;
  };
  const solver::Solution solution = solver::solve(problem, options, on_progress, should_stop);
  const double seconds = elapsed();
  const solver::CheckReport report = solver::check_solution(problem, solution);
  {
    std::lock_guard lock(shared->mutex);
    shared->best = solution.cost;
    shared->have_best = true;
    publish(true);
  }
  nlohmann::json detail = cost_progress(solution.cost);
  detail["elapsed_seconds"] = seconds;
  detail["iterations"] = solution.iterations;
  detail["time_limit_seconds"] = limit;
  progress.set_detail(std::move(detail));

  nlohmann::json violations = nlohmann::json::array();
  for (const std::string& violation : report.violations) violations.push_back(violation);
  return nlohmann::json{{"solution", solver_io::solution_to_json(problem, solution)},
                        {"check", {{"ok", report.ok()}, {"violations", std::move(violations)},
                                   {"objective", report.recomputed.objective}}},
                        {"totals", solution_totals(problem, solution)},
                        {"stopped_by", progress.cancelled() ? "cancel" : "time_limit"},
                        {"elapsed_seconds", seconds},
                        {"time_limit_seconds", limit},
                        {"seed", settings.seed},
                        {"threads", settings.threads}};
}

// --- built-in example problems ----------------------------------------------------

constexpr const char* kSkillNames[] = {"medication", "hoist", "dementia", "catheter"};

// problem_to_json names skills s1, s2...; the examples use words.
void name_skills(nlohmann::json& document, const char* const* names, std::size_t count) {
  const auto rename = [&](nlohmann::json& list) {
    if (!list.is_array()) return;
    for (auto& skill : list) {
      if (!skill.is_string()) continue;
      const std::string text = skill.get<std::string>();
      if (text.size() < 2 || text[0] != 's') continue;
      const std::size_t index = std::stoul(text.substr(1)) - 1;
      if (index < count) skill = names[index];
    }
  };
  for (auto& carer : document["carers"]) rename(carer["skills"]);
  for (auto& visit : document["visits"]) rename(visit["skills"]);
}

// A day of home care in Leeds: the generator's town, moved to Leeds city centre.
nlohmann::json leeds_day() {
  solver::Problem problem = solver::generate_day({.visits = 60, .carers = 12, .seed = 11});
  constexpr double kGeneratorLongitude = -1.476, kGeneratorLatitude = 52.922;
  constexpr double kLeedsLongitude = -1.5491, kLeedsLatitude = 53.8008;
  for (double& longitude : problem.travel.x) longitude += kLeedsLongitude - kGeneratorLongitude;
  for (double& latitude : problem.travel.y) latitude += kLeedsLatitude - kGeneratorLatitude;
  problem.name = "leeds-day-60";
  nlohmann::json document = solver_io::problem_to_json(problem);
  name_skills(document, kSkillNames, std::size(kSkillNames));
  return document;
}

// A small instance in the shape of Mankowska et al. (2014): patients on a 100 x 100
// grid (Euclidean travel, minutes), carers with skills, soft windows, one patient
// needing two carers at once and one needing two services an hour or two apart;
// objective one third each on distance, total and maximum lateness.
nlohmann::json mankowska_style() {
  std::mt19937 random(2014);
  std::uniform_real_distribution<double> coordinate(0.0, 100.0);
  nlohmann::json locations = nlohmann::json::array({nlohmann::json::array({50.0, 50.0})});
  nlohmann::json visits = nlohmann::json::array();
  const int patients = 10;
  for (int patient = 1; patient <= patients; ++patient) {
    locations.push_back({std::round(coordinate(random)), std::round(coordinate(random))});
    const double earliest = std::round(std::uniform_real_distribution<double>(0, 420)(random));
    const double duration = std::round(std::uniform_real_distribution<double>(15, 45)(random));
    nlohmann::json visit = {{"id", fmt::format("patient-{}", patient)},
                            {"location", patient},
                            {"duration", duration},
                            {"time_windows", {{earliest, earliest + 120}}},
                            {"skills", {patient % 3 == 0 ? "nursing" : "personal-care"}}};
    if (patient == 4) visit["carers_needed"] = 2;
    visits.push_back(std::move(visit));
  }
  visits.push_back({{"id", "patient-7-second"}, {"location", 7}, {"duration", 20},
                    {"time_windows", {{0, 600}}}, {"skills", {"nursing"}}});
  nlohmann::json carers = nlohmann::json::array();
  const char* skill_sets[][2] = {{"personal-care", "nursing"}, {"personal-care", nullptr}, {"nursing", "personal-care"}};
  for (int carer = 0; carer < 3; ++carer) {
    nlohmann::json skills = nlohmann::json::array();
    for (const char* skill : skill_sets[carer]) if (skill != nullptr) skills.push_back(skill);
    carers.push_back({{"id", fmt::format("carer-{}", carer + 1)}, {"start_location", 0}, {"skills", std::move(skills)}});
  }
  return {{"name", "mankowska-style-10"},
          {"travel", {{"kind", "euclidean"}}},
          {"locations", std::move(locations)},
          {"carers", std::move(carers)},
          {"visits", std::move(visits)},
          {"precedences", {{{"first", "patient-7"}, {"second", "patient-7-second"}, {"min_gap", 60}, {"max_gap", 120}}}},
          {"objective", {{"distance_weight", 1.0 / 3}, {"allow_lateness", true}, {"lateness_weight", 1.0 / 3},
                         {"max_lateness_weight", 1.0 / 3}}}};
}

const nlohmann::json& solver_examples() {
  static const nlohmann::json examples = [] {
    nlohmann::json list = nlohmann::json::array();
    const auto add = [&](const char* id, const char* title, const char* description, nlohmann::json problem) {
      const std::size_t visits = problem["visits"].size(), carers = problem["carers"].size();
      list.push_back({{"id", id}, {"title", title}, {"description", description}, {"visits", visits},
                      {"carers", carers}, {"problem", std::move(problem)}});
    };
    add("mankowska-style-10", "Small home health care instance",
        "Ten patients on a 100 by 100 grid, three carers with skills, soft time windows, one visit for two carers "
        "at once and one patient with two services an hour or two apart (the shape of Mankowska et al., 2014).",
        mankowska_style());
    add("leeds-day-60", "A day of home care in Leeds",
        "Sixty calls to people across Leeds in the morning, lunch, tea and bedtime rounds, twelve carers on early, "
        "late and long shifts with breaks, skills, double-handed calls and preferred carers (a generated day; "
        "latitude and longitude, road travel estimated from distance).",
        leeds_day());
    return list;
  }();
  return examples;
}

}  // namespace

HttpResponse list_solver_examples(RequestContext& context) {
  return json_response(200, {{"examples", solver_examples()}});
}

HttpResponse start_solver_job(RequestContext& context) {
  Result<nlohmann::json> body = ras::parse_json_text(context.request.body, "body");
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<SolverJobParams> params = parse_solver_job(*body);
  if (!params) return failure(params.error(), "the routing problem or its settings are not valid");
  auto settings = std::make_shared<const SolverJobParams>(std::move(*params));
  Result<std::string> id = context.state.jobs.start_dedicated(
      kSolverJobKind, context.principal->user.username, context.principal->agency.code,
      [settings](JobProgress& progress) { return run_solver_job(settings->problem, *settings, progress); },
      kMaxSolverJobs);
  if (!id) {
    HttpResponse busy = error_response(429, "busy", "cannot start another routing problem: " + id.error().front().message);
    busy.set_header("Retry-After", "10");
    return busy;
  }
  HttpResponse response = json_response(202, {{"job_id", *id}});
  response.set_header("Location", "/api/v1/jobs/" + *id);
  return response;
}


}  // namespace allot::api::scheduling_api
