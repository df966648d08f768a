// allot solve | allot bench: the visit scheduling engine on the command line.
// The commands own the clock: they turn --time-limit into the solver's stop check.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "allot/base/json_reader.h"
#include "allot/cli/commands.h"
#include "allot/solver/check.h"
#include "allot/solver/explain.h"
#include "allot/solver/generate.h"
#include "allot/solver/planned_day.h"
#include "allot/solver/solve.h"
#include "allot/solver_io/readers.h"

namespace allot::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct RunSettings {
  double time_limit_seconds = 10;
  long iterations = 0;
  std::uint64_t seed = 1;
  int threads = 1;
};

struct Timed {
  solver::Solution solution;
  double seconds = 0;
};

Timed run_solver(const solver::Problem& problem, const RunSettings& settings) {
  const auto started = Clock::now();
  const auto elapsed = [started] { return std::chrono::duration<double>(Clock::now() - started).count(); };
  solver::SolveOptions options;
  options.seed = settings.seed;
  options.threads = settings.threads;
  options.iteration_limit = settings.iterations;
  solver::StopCheck should_stop;
  if (settings.time_limit_seconds > 0) {
    const double limit = settings.time_limit_seconds;
    options.elapsed_fraction = [elapsed, limit] { return elapsed() / limit; };
    should_stop = [elapsed, limit] { return elapsed() >= limit; };
  }
  Timed result;
  result.solution = solver::solve(problem, options, {}, should_stop);
  result.seconds = elapsed();
  return result;
}

void print_issues(const Issues& issues) { std::cerr << format_issues(issues); }

// "booked 3, skill 5, window 2": how many carers each obstacle stopped.
std::string obstacle_counts(const solver::Unassigned& left_out) {
  std::map<std::string, int> counts;
  for (const solver::CarerObstacle& entry : left_out.carers) ++counts[solver::obstacle_name(entry.obstacle)];
  std::string text;
  for (const auto& [name, count] : counts) text += fmt::format("{}{} {}", text.empty() ? "" : ", ", name, count);
  return text.empty() ? "no carers" : text;
}

// Syntax errors and numbers beyond a double (1e400) come back as issues naming
// the place or the field, with the file's name in front.
Result<nlohmann::json> read_json_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail(ErrorCode::kNotFound, path, "cannot open the file");
  std::stringstream buffer;
  buffer << file.rdbuf();
  auto document = parse_json(buffer.str(), path);
  if (!document) {
    Issues issues = document.error();
    for (Issue& issue : issues)
      if (issue.code != ErrorCode::kMalformed) issue.path = path + ": " + issue.path;
    return fail(std::move(issues));
  }
  return document;
}

// Best-known tables: instance -> (vehicles, value); found in DIR or a folder above it.
// planned.csv (bench/gen_vrptw.py: instance, customers, vehicles, planned_routes,
// planned_distance) gives a plan known to be feasible: read with count_column 3.
std::map<std::string, std::pair<double, double>> read_table(const fs::path& start, const std::string& file_name,
                                                            int value_column, int count_column = 1) {
  std::map<std::string, std::pair<double, double>> table;
  for (fs::path folder = fs::absolute(start); !folder.empty(); folder = folder.parent_path()) {
    const fs::path candidate = folder / file_name;
    if (fs::exists(candidate)) {
      std::ifstream file(candidate);
      std::string line;
      std::getline(file, line);
      while (std::getline(file, line)) {
        std::vector<std::string> cells;
        std::stringstream stream(line);
        std::string cell;
        while (std::getline(stream, cell, ',')) cells.push_back(cell);
        if (static_cast<int>(cells.size()) <= std::max(value_column, count_column)) continue;
        const bool hhc = file_name == "bks_hhc.csv";
        const std::string name = hhc ? cells[1] : cells[0];
        try {
          table[name] = {hhc ? 0.0 : std::stod(cells[count_column]), std::stod(cells[value_column])};
        } catch (const std::exception&) {
        }
      }
      return table;
    }
    if (folder == folder.root_path()) break;
  }
  return table;
}

std::vector<fs::path> instance_files(const fs::path& folder, const std::vector<std::string>& extensions) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string extension = entry.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// VRPLIB files, or Solomon text files when the folder has none.
std::vector<fs::path> vrptw_files(const std::string& folder) {
  auto files = instance_files(folder, {".vrp"});
  if (files.empty()) files = instance_files(folder, {".txt"});
  return files;
}

// The best-known tables name VRPTW instances in capitals.
std::string table_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), ::toupper);
  return name;
}

// What a benchmark run's summary counts: every instance read is either complete
// (every visit routed, checked), incomplete (visits left out; no gap is shown,
// since leaving visits out is never better than the best known) or failed.
struct Tally {
  int instances = 0;
  int complete = 0;
  int incomplete = 0;
  int left_out = 0;
  int failed = 0;
  int unreadable = 0;

  // The checked column: ok, incomplete (feasible but visits left out) or FAILED.
  std::string add(const solver::CheckReport& report, const solver::Solution& solution) {
    ++instances;
    if (!report.ok()) {
      ++failed;
      return "FAILED";
    }
    if (!solution.unassigned.empty()) {
      ++incomplete;
      left_out += static_cast<int>(solution.unassigned.size());
      return "incomplete";
    }
    ++complete;
    return "ok";
  }
  std::string summary() const {
    std::string text = fmt::format("# {} instances: {} complete", instances, complete);
    if (incomplete > 0)
      text += fmt::format(", {} incomplete ({} visits left out in all; no gap shown for them)", incomplete, left_out);
    if (failed > 0) text += fmt::format(", {} failed the check", failed);
    if (unreadable > 0) text += fmt::format(", {} files not read", unreadable);
    return text;
  }
};

int bench_vrptw(const std::string& folder, const RunSettings& settings) {
  const auto files = vrptw_files(folder);
  const auto dimacs = read_table(folder, "bks_dimacs.csv", 2);
  const auto hierarchical = read_table(folder, "bks.csv", 2);
  const auto planned = read_table(folder, "planned.csv", 4, 3);
  std::cout << "instance,routes,cost,best_known,gap_pct,seconds,checked,exact_distance,bks_vehicles,bks_distance,"
               "exact_gap_pct,unassigned,iterations,planned_routes,planned_distance,vs_planned_pct\n";
  double planned_sum = 0;
  int planned_count = 0;
  double gap_sum = 0;
  int gap_count = 0;
  Tally tally;
  for (const fs::path& path : files) {
    auto problem = solver_io::read_problem_file(path.string(), {.truncate_to_tenth = true});
    if (!problem) {
      print_issues(problem.error());
      ++tally.unreadable;
      continue;
    }
    const std::string name = table_name(problem->name);
    const Timed run = run_solver(*problem, settings);
    const solver::CheckReport report = solver::check_solution(*problem, run.solution);
    solver::Problem exact = *problem;
    exact.travel.truncate_to_tenth = false;
    double exact_distance = 0;
    for (const solver::Route& route : run.solution.routes) {
      int location = exact.carers[route.carer].start_location;
      for (const solver::Stop& stop : route.stops) {
        exact_distance += solver::travel_distance(exact.travel, location, exact.visits[stop.index].location);
        location = exact.visits[stop.index].location;
      }
      exact_distance += solver::travel_distance(exact.travel, location, exact.carers[route.carer].end_location);
    }
    const double cost = run.solution.cost.distance;
    const std::string checked = tally.add(report, run.solution);
    const bool complete = checked == "ok";
    std::string best = "", gap = "", bks_vehicles = "", bks_distance = "", exact_gap = "";
    if (const auto found = dimacs.find(name); found != dimacs.end()) {
      best = fmt::format("{:.1f}", found->second.second);
      const double value = 100.0 * (cost - found->second.second) / found->second.second;
      if (complete) {
        gap = fmt::format("{:.2f}", value);
        gap_sum += value;
        ++gap_count;
      }
    }
    if (const auto found = hierarchical.find(name); found != hierarchical.end()) {
      bks_vehicles = fmt::format("{}", static_cast<int>(found->second.first));
      bks_distance = fmt::format("{:.2f}", found->second.second);
      if (complete)
        exact_gap = fmt::format("{:.2f}", 100.0 * (exact_distance - found->second.second) / found->second.second);
    }
    // a generated instance's own plan, known to do every visit: exact distances compared
    std::string planned_routes = "", planned_distance = "", vs_planned = "";
    if (const auto found = planned.find(name); found != planned.end()) {
      planned_routes = fmt::format("{}", static_cast<int>(found->second.first));
      planned_distance = fmt::format("{:.2f}", found->second.second);
      if (complete) {
        const double value = 100.0 * (exact_distance - found->second.second) / found->second.second;
        vs_planned = fmt::format("{:.2f}", value);
        planned_sum += value;
        ++planned_count;
      }
    }
    std::cout << fmt::format("{},{},{:.1f},{},{},{:.2f},{},{:.2f},{},{},{},{},{},{},{},{}\n", name,
                             run.solution.cost.routes_used, cost, best, gap, run.seconds, checked, exact_distance,
                             bks_vehicles, bks_distance, exact_gap, run.solution.unassigned.size(),
                             run.solution.iterations, planned_routes, planned_distance, vs_planned)
              << std::flush;
    if (!report.ok())
      for (const std::string& violation : report.violations) std::cerr << name << ": " << violation << "\n";
  }
  std::cerr << tally.summary();
  if (gap_count > 0) std::cerr << fmt::format("; average gap {:.2f}% over the {} complete with a best known", gap_sum / gap_count, gap_count);
  if (planned_count > 0)
    std::cerr << fmt::format("; exact distance {:+.2f}% on average against the constructed plan, over the {} complete",
                             planned_sum / planned_count, planned_count);
  std::cerr << "\n";
  return kExitOk;
}

// The hierarchical view: exact distances and travel times, fewest routes first,
// compared with bks.csv (vehicles, then distance).
int bench_vrptw_vehicles_first(const std::string& folder, const RunSettings& settings) {
  const auto files = vrptw_files(folder);
  const auto hierarchical = read_table(folder, "bks.csv", 2);
  std::cout << "instance,routes,distance,bks_vehicles,bks_distance,extra_routes,distance_gap_pct,seconds,checked,unassigned\n";
  Tally tally;
  int instances = 0;
  int matched = 0;
  int extra_total = 0;
  double gap_sum = 0;
  for (const fs::path& path : files) {
    auto problem = solver_io::read_problem_file(path.string(), {.truncate_to_tenth = false});
    if (!problem) {
      print_issues(problem.error());
      ++tally.unreadable;
      continue;
    }
    problem->objective.fewest_routes_first = true;
    const std::string name = table_name(problem->name);
    const Timed run = run_solver(*problem, settings);
    const solver::CheckReport report = solver::check_solution(*problem, run.solution);
    const solver::Cost& cost = run.solution.cost;
    const std::string checked = tally.add(report, run.solution);
    std::string bks_vehicles = "", bks_distance = "", extra = "", gap = "";
    if (const auto found = hierarchical.find(name); found != hierarchical.end() && checked == "ok") {
      const int vehicles = static_cast<int>(found->second.first);
      bks_vehicles = fmt::format("{}", vehicles);
      bks_distance = fmt::format("{:.2f}", found->second.second);
      extra = fmt::format("{}", cost.routes_used - vehicles);
      gap = fmt::format("{:.2f}", 100.0 * (cost.distance - found->second.second) / found->second.second);
      ++instances;
      extra_total += cost.routes_used - vehicles;
      if (cost.routes_used <= vehicles) {
        ++matched;
        gap_sum += 100.0 * (cost.distance - found->second.second) / found->second.second;
      }
    }
    std::cout << fmt::format("{},{},{:.2f},{},{},{},{},{:.2f},{},{}\n", name, cost.routes_used, cost.distance, bks_vehicles,
                             bks_distance, extra, gap, run.seconds, checked, run.solution.unassigned.size())
              << std::flush;
    if (!report.ok())
      for (const std::string& violation : report.violations) std::cerr << name << ": " << violation << "\n";
  }
  if (instances > 0)
    std::cerr << fmt::format("# {} instances, routes at the best known on {}, {} routes above it in all; "
                             "average distance gap where matched {:.2f}%\n",
                             instances, matched, extra_total, matched > 0 ? gap_sum / matched : 0.0);
  std::cerr << tally.summary() << "\n";
  return kExitOk;
}

int bench_hhc(const std::string& folder, const RunSettings& settings, const solver_io::ReadOptions& read_options) {
  auto files = instance_files(folder, {".txt"});
  if (files.empty()) files = instance_files(folder, {".json"});
  const auto best_known = read_table(folder, "bks_hhc.csv", 5);
  std::cout << "instance,routes,cost,best_known,gap_pct,seconds,checked,distance,total_tardiness,max_tardiness,unassigned\n";
  double gap_sum = 0;
  int gap_count = 0;
  Tally tally;
  for (const fs::path& path : files) {
    auto problem = solver_io::read_problem_file(path.string(), read_options);
    if (!problem) {
      print_issues(problem.error());
      ++tally.unreadable;
      continue;
    }
    const Timed run = run_solver(*problem, settings);
    const solver::CheckReport report = solver::check_solution(*problem, run.solution);
    const solver::Cost& cost = run.solution.cost;
    const std::string checked = tally.add(report, run.solution);
    std::string best, gap;
    if (const auto found = best_known.find(problem->name); found != best_known.end()) {
      best = fmt::format("{:.3f}", found->second.second);
      const double value = 100.0 * (cost.objective - found->second.second) / found->second.second;
      if (checked == "ok") {
        gap = fmt::format("{:.2f}", value);
        gap_sum += value;
        ++gap_count;
      }
    }
    std::cout << fmt::format("{},{},{:.3f},{},{},{:.2f},{},{:.3f},{:.3f},{:.3f},{}\n", problem->name, cost.routes_used,
                             cost.objective, best, gap, run.seconds, checked, cost.distance, cost.total_lateness,
                             cost.max_lateness, run.solution.unassigned.size())
              << std::flush;
    if (!report.ok())
      for (const std::string& violation : report.violations) std::cerr << problem->name << ": " << violation << "\n";
  }
  std::cerr << tally.summary();
  if (gap_count > 0) std::cerr << fmt::format("; average gap {:.2f}% over the {} complete with a best known", gap_sum / gap_count, gap_count);
  std::cerr << "\n";
  return kExitOk;
}

// A generated day. With `planned`, the day is built around a plan that does every
// visit (solver/planned_day.h): the plan is checked first, and the engine's plan is
// compared with it (a complete plan is known to exist, so any visit left out is the
// engine's failure).
int bench_day(int visits, int carers, int offices, bool planned, const RunSettings& settings,
              const std::string& write_path) {
  solver::Problem problem;
  std::string planned_columns = ",,,";
  bool planned_ok = true;
  if (planned) {
    solver::PlannedDay day = solver::generate_planned_day({.visits = visits,
                                                            .carers = carers,
                                                            .offices = std::max(1, offices),
                                                            .seed = settings.seed});
    problem = std::move(day.problem);
    const solver::CheckReport plan_report = solver::check_solution(problem, day.plan);
    planned_ok = plan_report.ok();
    for (const std::string& violation : plan_report.violations)
      std::cerr << problem.name << ": constructed plan: " << violation << "\n";
    planned_columns = fmt::format(",{},{},{}", day.plan.cost.routes_used, fmt::format("{:.1f}", day.plan.cost.travel_time),
                                  planned_ok ? "ok" : "FAILED");
  } else {
    problem = solver::generate_day({visits, carers, settings.seed, offices});
  }
  if (!write_path.empty()) std::ofstream(write_path) << solver_io::problem_to_json(problem).dump() << "\n";
  const Timed run = run_solver(problem, settings);
  // the check verifies every left-out visit's reason and each carer's obstacle
  const solver::CheckReport report = solver::check_solution(problem, run.solution);
  const solver::Cost& cost = run.solution.cost;
  std::cout << "instance,visits,carers,routes,cost,unassigned,unassigned_priority,travel_time,non_preferred,seconds,"
               "checked,iterations,planned_routes,planned_travel_time,planned_checked\n";
  std::cout << fmt::format("{},{},{},{},{:.1f},{},{},{:.1f},{},{:.2f},{},{}{}\n", problem.name, problem.visits.size(),
                           problem.carers.size(), cost.routes_used, cost.objective, cost.unassigned_visits,
                           cost.unassigned_priority, cost.travel_time, cost.non_preferred_visits, run.seconds,
                           report.ok() ? "ok" : "FAILED", run.solution.iterations, planned_columns);
  for (const std::string& violation : report.violations) std::cerr << problem.name << ": " << violation << "\n";
  std::map<std::string, int> reasons;
  for (const solver::Unassigned& entry : run.solution.unassigned) ++reasons[solver::unassigned_reason_name(entry.reason)];
  for (const auto& [reason, count] : reasons) std::cerr << "# unassigned " << reason << ": " << count << "\n";
  for (const solver::Unassigned& entry : run.solution.unassigned)
    std::cerr << fmt::format("# {} ({}): {}\n", problem.visits[entry.visit].id,
                             solver::unassigned_reason_name(entry.reason), obstacle_counts(entry));
  return report.ok() && planned_ok ? kExitOk : kExitInternal;
}

}  // namespace

void add_solve_commands(CLI::App& app, int& exit_code) {
  auto settings = std::make_shared<RunSettings>();
  auto files = std::make_shared<std::vector<std::string>>();
  auto check = std::make_shared<bool>(false);
  auto dimacs = std::make_shared<bool>(false);
  CLI::App* solve = app.add_subcommand(
      "solve", "Plan visits: allot solve PROBLEM [--time-limit S] [--seed N] [--threads T] > SOLUTION.json;\n"
               "or check a plan: allot solve --check PROBLEM SOLUTION. PROBLEM may be Allot JSON (docs/solver.md),\n"
               "Solomon .txt, VRPLIB .vrp, Mankowska .txt or iolab JSON.");
  solve->add_option("files", *files, "PROBLEM, and SOLUTION with --check")->required()->expected(1, 2);
  solve->add_flag("--check", *check, "check SOLUTION against PROBLEM from scratch; exit 0 if feasible and consistent");
  solve->add_option("--time-limit", settings->time_limit_seconds, "seconds of search (default 10)");
  solve->add_option("--iterations", settings->iterations, "stop after this many iterations per thread (deterministic)");
  solve->add_option("--seed", settings->seed, "random seed (default 1)");
  solve->add_option("--threads", settings->threads, "search threads (default 1)")->check(CLI::Range(1, 64));
  solve->add_flag("--dimacs", *dimacs, "Solomon/VRPLIB: truncate arcs to one decimal (DIMACS convention)");
  auto fewest_routes = std::make_shared<bool>(false);
  solve->add_flag("--fewest-routes", *fewest_routes,
                  "use as few routes as possible before anything else (sets objective.fewest_routes_first)");
  auto one_carer = std::make_shared<bool>(false);
  solve->add_flag("--one-carer-for-both-services", *one_carer,
                  "Mankowska/iolab: let one carer do both of a patient's services (off: two different carers, as in the model)");
  solve->callback([&exit_code, solve, settings, files, check, dimacs, fewest_routes, one_carer] {
    auto problem = solver_io::read_problem_file(
        (*files)[0], {.truncate_to_tenth = *dimacs, .one_carer_for_both_services = *one_carer});
    if (!problem) {
      print_issues(problem.error());
      exit_code = kExitInvalidInput;
      return;
    }
    if (*fewest_routes) problem->objective.fewest_routes_first = true;
    if (*check) {
      if (files->size() != 2) {
        std::cerr << "solve --check needs PROBLEM and SOLUTION\n";
        exit_code = kExitInvalidInput;
        return;
      }
      auto document = read_json_file((*files)[1]);
      if (!document) {
        print_issues(document.error());
        exit_code = kExitInvalidInput;
        return;
      }
      auto solution = solver_io::solution_from_json(*problem, *document);
      if (!solution) {
        print_issues(solution.error());
        exit_code = kExitInvalidInput;
        return;
      }
      // verifies each left-out visit's reason and what the solution says stops each carer
      const solver::CheckReport report = solver::check_solution(*problem, *solution);
      for (const std::string& violation : report.violations) std::cout << violation << "\n";
      for (const solver::Unassigned& entry : solution->unassigned)
        std::cout << fmt::format("unassigned {} ({}): {}\n", problem->visits[entry.visit].id,
                                 solver::unassigned_reason_name(entry.reason), obstacle_counts(entry));
      std::cout << fmt::format("{}: objective {:.6f}, unassigned {}, distance {:.6f}\n", report.ok() ? "ok" : "INVALID",
                               report.recomputed.objective, report.recomputed.unassigned_visits,
                               report.recomputed.distance);
      exit_code = report.ok() ? kExitOk : kExitInvalidInput;
      return;
    }
    if (settings->iterations > 0 && !solve->get_option("--time-limit")->count()) settings->time_limit_seconds = 0;
    const Timed run = run_solver(*problem, *settings);
    std::cout << solver_io::solution_to_json(*problem, run.solution).dump(2) << "\n";
    exit_code = kExitOk;
  });

  auto family = std::make_shared<std::string>();
  auto folder = std::make_shared<std::string>();
  auto day_visits = std::make_shared<int>(5000);
  auto day_carers = std::make_shared<int>(600);
  auto write_path = std::make_shared<std::string>();
  auto bench_settings = std::make_shared<RunSettings>();
  CLI::App* bench = app.add_subcommand(
      "bench", "Benchmark the solver, one CSV row per instance: allot bench vrptw|hhc DIR [--time-limit S];\n"
               "allot bench day [--visits N --carers M --seed S] for a generated day of home care.");
  bench->add_option("family", *family, "vrptw, hhc or day")->required()->check(CLI::IsMember({"vrptw", "hhc", "day"}));
  bench->add_option("dir", *folder, "folder of instances (searched recursively); best-known tables are looked up above it");
  bench->add_option("--time-limit", bench_settings->time_limit_seconds, "seconds per instance (default 10)");
  bench->add_option("--iterations", bench_settings->iterations, "iteration limit per instance instead of time");
  bench->add_option("--seed", bench_settings->seed, "random seed (default 1)");
  bench->add_option("--threads", bench_settings->threads, "search threads (default 1)")->check(CLI::Range(1, 64));
  bench->add_option("--visits", *day_visits, "day: number of visits (default 5000)");
  bench->add_option("--carers", *day_carers, "day: number of carers (default 600)");
  bench->add_option("--write", *write_path, "day: also write the generated problem as JSON");
  auto day_offices = std::make_shared<int>(0);
  bench->add_option("--offices", *day_offices, "day: carers work from this many offices (default 0: from home)");
  auto day_planned = std::make_shared<bool>(false);
  bench->add_flag("--planned", *day_planned,
                  "day: build the day around a plan that does every visit (offices, pairs, medication rounds, breaks);\n"
                  "checks that plan, then reports whether the engine also leaves nothing out");
  auto vehicles_first = std::make_shared<bool>(false);
  bench->add_flag("--vehicles-first", *vehicles_first,
                  "vrptw: the hierarchical view: exact distances, fewest routes first, against bks.csv");
  auto bench_one_carer = std::make_shared<bool>(false);
  bench->add_flag("--one-carer-for-both-services", *bench_one_carer,
                  "hhc: let one carer do both of a patient's services (off, as in the benchmarks' model)");
  bench->callback([&exit_code, bench, family, folder, bench_settings, day_visits, day_carers, day_offices, day_planned,
                   write_path, vehicles_first, bench_one_carer] {
    if (bench_settings->iterations > 0 && !bench->get_option("--time-limit")->count())
      bench_settings->time_limit_seconds = 0;
    if (*family == "day") {
      exit_code = bench_day(*day_visits, *day_carers, *day_offices, *day_planned, *bench_settings, *write_path);
      return;
    }
    if (folder->empty() || !fs::is_directory(*folder)) {
      std::cerr << "bench " << *family << ": DIR must be a folder of instances\n";
      exit_code = kExitInvalidInput;
      return;
    }
    if (*family == "vrptw")
      exit_code = *vehicles_first ? bench_vrptw_vehicles_first(*folder, *bench_settings)
                                  : bench_vrptw(*folder, *bench_settings);
    else
      exit_code = bench_hhc(*folder, *bench_settings, {.one_carer_for_both_services = *bench_one_carer});
  });
}

}  // namespace allot::cli
