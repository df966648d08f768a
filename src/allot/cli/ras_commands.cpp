// allot ras check|score|calibrate|simulate: the RAS engine from the command line.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "allot/cli/commands.h"
#include "allot/cli/files.h"
#include "allot/cli/progress.h"
#include "allot/ras/answers.h"
#include "allot/ras/calibrate.h"
#include "allot/ras/population_csv.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/score.h"
#include "allot/ras/simulate.h"

namespace allot::cli {
namespace {

std::optional<ras::Rulebook> load_rulebook(const std::string& path) {
  auto document = read_json_file(path);
  if (!document) {
    print_issues("allot: cannot read the rulebook", document.error());
    return std::nullopt;
  }
  auto rulebook = ras::parse_rulebook(*document);
  if (!rulebook) {
    print_issues("allot: " + path + " is not a valid rulebook", rulebook.error());
    return std::nullopt;
  }
  return std::move(*rulebook);
}

std::string pad(std::string text, std::size_t width) {
  // Pads by characters people see, not bytes: "£" is two bytes in UTF-8.
  std::size_t visible = 0;
  for (const unsigned char ch : text) visible += (ch & 0xC0) != 0x80;
  if (visible < width) text.append(width - visible, ' ');
  return text;
}

std::string rpad(const std::string& text, std::size_t width) {
  std::size_t visible = 0;
  for (const unsigned char ch : text) visible += (ch & 0xC0) != 0x80;
  return visible < width ? std::string(width - visible, ' ') + text : text;
}

// --- check ---------------------------------------------------------------------

void add_check(CLI::App& ras, int& exit_code) {
  auto* command = ras.add_subcommand("check", "Validate a rulebook and print every problem found");
  auto path = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  command->add_option("RULEBOOK", *path, "Rulebook JSON file")->required();
  command->add_flag("--json", *as_json, "Print the result as JSON");
  command->callback([path, as_json, &exit_code] {
    auto document = read_json_file(*path);
    Result<ras::Rulebook> rulebook = document ? ras::parse_rulebook(*document) : fail(document.error());
    if (*as_json) {
      nlohmann::json issues = nlohmann::json::array();
      if (!rulebook) {
        for (const Issue& issue : rulebook.error()) {
          issues.push_back({{"code", error_code_name(issue.code)}, {"path", issue.path}, {"message", issue.message}});
        }
      }
      nlohmann::json out = {{"valid", rulebook.has_value()}, {"issues", issues}};
      if (rulebook) out["rulebook"] = {{"id", rulebook->id}, {"version", rulebook->version}, {"questions", rulebook->questions.size()}};
      std::cout << out.dump(2) << "\n";
    } else if (rulebook) {
      std::cout << *path << ": valid rulebook " << rulebook->id << " version " << rulebook->version << " ("
                << rulebook->questions.size() << " questions, " << ras::allocation_method_name(rulebook->allocation.method)
                << " method)\n";
    } else {
      print_issues("allot: " + *path + " is not a valid rulebook", rulebook.error());
    }
    exit_code = rulebook ? kExitOk : kExitInvalidInput;
  });
}

// --- score ---------------------------------------------------------------------

void print_score(const ras::Rulebook& rulebook, const ras::Score& score) {
  std::cout << "Indicative personal budget: " << rulebook.title << " (" << rulebook.id << " version " << rulebook.version
            << ")\n";
  std::cout << "  " << format_pounds(score.annual) << " a year (" << format_pounds(score.weekly) << " a week)\n";
  if (rulebook.range_percent > 0) {
    std::cout << "  Range: " << format_pounds(score.lower_annual) << " to " << format_pounds(score.upper_annual)
              << " a year\n";
  }
  if (!score.flags.empty()) {
    std::cout << "  Flags:";
    for (const std::string& flag : score.flags) std::cout << " " << flag;
    std::cout << "\n";
  }
  std::cout << "\nPoints by domain:\n";
  for (const ras::DomainPoints& domain : score.domains) {
    std::cout << "  " << pad(domain.domain, 28) << rpad(std::to_string(domain.points), 6) << "\n";
  }
  std::cout << "  " << pad("Total", 28) << rpad(std::to_string(score.total_points), 6) << "\n";
  std::cout << "\nHow it was worked out:\n";
  for (const std::string& line : score.derivation) std::cout << "  " << line << "\n";
}

void add_score(CLI::App& ras, int& exit_code) {
  auto* command = ras.add_subcommand("score", "Score a person's answers: the indicative budget and how it was worked out");
  auto rulebook_path = std::make_shared<std::string>();
  auto answers_path = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  command->add_option("RULEBOOK", *rulebook_path, "Rulebook JSON file")->required();
  command->add_option("ANSWERS", *answers_path, "Answers JSON file: {\"answers\": {\"question_id\": \"answer_id\"}}")->required();
  command->add_flag("--json", *as_json, "Print the score as JSON");
  command->callback([=, &exit_code] {
    exit_code = kExitInvalidInput;
    auto rulebook = load_rulebook(*rulebook_path);
    if (!rulebook) return;
    auto document = read_json_file(*answers_path);
    if (!document) return print_issues("allot: cannot read the answers", document.error());
    auto answers = ras::read_answers(*rulebook, *document);
    if (!answers) return print_issues("allot: " + *answers_path + " does not fit the rulebook", answers.error());
    const ras::Score score = ras::score_assessment(*rulebook, *answers);
    if (*as_json) {
      std::cout << ras::score_to_json(score).dump(2) << "\n";
    } else {
      print_score(*rulebook, score);
    }
    exit_code = kExitOk;
  });
}

// --- calibrate -----------------------------------------------------------------

void add_calibrate(CLI::App& ras, int& exit_code) {
  auto* command = ras.add_subcommand(
      "calibrate", "Set the value of a point from a sample of cases (the Derby method) or by fitting current costs");
  struct Options {
    std::string rulebook;
    std::string sample;
    std::int64_t budget = 0;
    std::string top_slice = "0";
    std::int64_t population = 0;
    std::string method = "sample";
    std::string write;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  command->add_option("RULEBOOK", options->rulebook, "Points rulebook JSON file")->required();
  command->add_option("--sample", options->sample, "Sample CSV: person_id,client_group,current_annual_pence,<question ids>")
      ->required();
  command->add_option("--budget-pence", options->budget, "The community care budget for the year, in pence")->required();
  command->add_option("--top-slice-percent", options->top_slice,
                      "Share of the budget held back as the protection fund (Derby: 15)");
  command->add_option("--population", options->population, "Number of people using services (needed by --method sample)");
  command->add_option("--method", options->method, "sample (the Derby method) or fit (least squares on current costs)")
      ->check(CLI::IsMember({"sample", "fit"}));
  command->add_option("--write", options->write, "Write the calibrated rulebook (the next version) to this file");
  command->add_flag("--json", options->json, "Print the result as JSON");
  command->callback([options, &exit_code] {
    exit_code = kExitInvalidInput;
    auto rulebook = load_rulebook(options->rulebook);
    if (!rulebook) return;
    auto text = read_text_file(options->sample);
    if (!text) return print_issues("allot: cannot read the sample", text.error());
    auto sample = ras::read_sample_csv(*rulebook, *text, options->sample);
    if (!sample) return print_issues("allot: the sample has bad rows; nothing was calibrated", sample.error());
    const auto top_slice = Fraction::parse(options->top_slice);
    if (!top_slice) {
      return print_issues("allot: bad option", {{ErrorCode::kInvalidValue, "--top-slice-percent",
                                                  "found \"" + options->top_slice + "\"; expected a number such as 15"}});
    }
    ras::CalibrationRequest request;
    request.method = options->method == "fit" ? ras::CalibrationMethod::kFit : ras::CalibrationMethod::kSample;
    request.budget = Money::from_pence(options->budget);
    request.top_slice_percent = *top_slice;
    request.population = options->population;
    auto calibration = ras::calibrate_point_value(*rulebook, *sample, request);
    if (!calibration) return print_issues("allot: cannot calibrate", calibration.error());
    if (!options->write.empty()) {
      ras::Rulebook calibrated = calibration->calibrated;
      calibrated.description =
          (calibrated.description.empty() ? "" : calibrated.description + " ") +
          fmt::format("Value of a point {} set by {} calibration from a sample of {} people (budget {}, top-slice {}%).",
                      format_pounds(calibration->pence_per_point),
                      request.method == ras::CalibrationMethod::kFit ? "fit" : "Derby-method", calibration->sample_size,
                      format_pounds(request.budget), request.top_slice_percent.to_string());
      auto written = write_text_file(options->write, ras::rulebook_to_json(calibrated).dump(2) + "\n");
      if (!written) {
        exit_code = kExitInternal;
        return print_issues("allot: cannot write the calibrated rulebook", written.error());
      }
    }
    if (options->json) {
      nlohmann::json out = ras::calibration_to_json(*calibration);
      if (!options->write.empty()) out["written_to"] = options->write;
      std::cout << out.dump(2) << "\n";
    } else {
      const ras::Calibration& c = *calibration;
      std::cout << "Calibration of " << rulebook->id << " version " << rulebook->version << " ("
                << (c.method == ras::CalibrationMethod::kFit ? "fit to current costs" : "Derby method") << ")\n";
      std::cout << "  Sample: " << c.sample_size << " people, mean adjusted points " << fmt::format("{:.2f}", c.mean_adjusted_points.to_double())
                << "\n";
      if (options->population > 0) {
        std::cout << "  Projected total points: " << fmt::format("{:.2f}", c.projected_total_points.to_double()) << " for "
                  << options->population << " people\n";
      }
      std::cout << "  Budget: " << format_pounds(c.budget) << "; top-slice " << c.top_slice_percent.to_string()
                << "%: protection fund " << format_pounds(c.protection_fund) << ", distributable "
                << format_pounds(c.distributable) << "\n";
      std::cout << "  Value of a point: " << format_pounds(c.pence_per_point) << " a year ("
                << c.pence_per_point.pence() << " pence)\n";
      if (options->population > 0) {
        std::cout << "  Projected allocation at that value: " << format_pounds(c.projected_allocation) << "\n";
      }
      std::cout << "  Sample against the new range: " << c.above_range << " above (current cost below the range), "
                << c.within_range << " within, " << c.below_range << " below (current cost above the range)\n";
      if (!options->write.empty()) {
        std::cout << "  Wrote " << rulebook->id << " version " << c.calibrated.version << " to " << options->write << "\n";
      }
    }
    exit_code = kExitOk;
  });
}

// --- simulate ------------------------------------------------------------------

void print_simulation(const ras::SimulationReport& report) {
  std::cout << "Simulation of " << report.rulebook_id << " version " << report.rulebook_version << " over "
            << report.overall.people << " people\n\n";
  const std::size_t widths[] = {22, 10, 18, 18, 18, 10, 10, 10, 16};
  const char* headings[] = {"Client group", "People", "Indicative", "Current", "Difference",
                            "Above", "Within", "Below", "Protection"};
  std::string line = "  ";
  for (std::size_t column = 0; column < 9; ++column) line += column == 0 ? pad(headings[0], widths[0]) : rpad(headings[column], widths[column]);
  std::cout << line << "\n";
  auto row = [&](const ras::GroupTotals& totals) {
    std::string text = "  " + pad(totals.client_group == "all" ? "All people" : totals.client_group, widths[0]);
    text += rpad(std::to_string(totals.people), widths[1]);
    text += rpad(format_pounds(totals.total_indicative), widths[2]);
    text += rpad(format_pounds(totals.total_current), widths[3]);
    text += rpad(format_pounds(totals.total_indicative - totals.total_current), widths[4]);
    text += rpad(std::to_string(totals.above_range), widths[5]);
    text += rpad(std::to_string(totals.within_range), widths[6]);
    text += rpad(std::to_string(totals.below_range), widths[7]);
    text += rpad(format_pounds(totals.protection_needed), widths[8]);
    std::cout << text << "\n";
  };
  for (const ras::GroupTotals& totals : report.groups) row(totals);
  row(report.overall);
  std::cout << "\nAbove: current cost below the indicative range (would gain). Below: current cost above the range\n"
               "(would lose). Protection: the sum of current cost over indicative budget, for transitional protection.\n";
}

void add_simulate(CLI::App& ras, int& exit_code) {
  auto* command = ras.add_subcommand("simulate", "Score a whole population: gainers, losers and protection needed by client group");
  auto rulebook_path = std::make_shared<std::string>();
  auto population_path = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  auto threads = std::make_shared<unsigned>(std::max(1U, std::thread::hardware_concurrency()));
  command->add_option("RULEBOOK", *rulebook_path, "Rulebook JSON file")->required();
  command->add_option("POPULATION", *population_path,
                      "Population CSV: person_id,client_group,current_annual_pence,<question ids>")
      ->required();
  command->add_flag("--json", *as_json, "Print the report as JSON");
  command->add_option("--threads", *threads, "Read and score the file in this many parts at once (default: one per core)")
      ->check(CLI::Range(1U, 64U));
  command->callback([=, &exit_code] {
    exit_code = kExitInvalidInput;
    auto rulebook = load_rulebook(*rulebook_path);
    if (!rulebook) return;
    auto file = MappedFile::open(*population_path);
    if (!file) return print_issues("allot: cannot read the population", file.error());
    const std::string_view text = file->text();
    const ras::CompiledRulebook compiled(*rulebook);
    // One accumulator per part, merged in part order (which is file order).
    std::vector<ras::SimulationAccumulator> accumulators(*threads);
    Progress progress("simulate", static_cast<std::int64_t>(text.size()), "bytes");
    ras::PopulationReadOptions read_options;
    read_options.on_progress = [&progress](std::size_t bytes) { progress.update(static_cast<std::int64_t>(bytes)); };
    const ras::PopulationReadSummary summary = ras::read_population_csv_in_parts(
        *rulebook, text, *population_path, *threads,
        [&](std::size_t part, const ras::PopulationRow& row) {
          accumulators[part].add(row.client_group, compiled.score(row.chosen), row.current_annual);
        },
        read_options);
    ras::SimulationAccumulator& accumulator = accumulators.front();
    for (std::size_t part = 1; part < accumulators.size(); ++part) accumulator.merge(accumulators[part]);
    progress.finish();
    if (!summary.issues.empty()) {
      // Totals over part of a population would mislead: report the problems only.
      return print_issues("allot: " + *population_path + " has " + std::to_string(summary.bad_rows) +
                              " bad rows; no totals are given until they are fixed",
                          summary.issues);
    }
    if (accumulator.overflowed()) {
      return print_issues("allot: the population's totals are too large to count",
                          {Issue{ErrorCode::kInvalidValue, *population_path,
                                 "a total went past £92 quadrillion; no totals are given"}});
    }
    const ras::SimulationReport report = accumulator.report(*rulebook);
    if (*as_json) {
      std::cout << ras::simulation_to_json(report).dump(2) << "\n";
    } else {
      print_simulation(report);
    }
    exit_code = kExitOk;
  });
}

}  // namespace

void add_ras_commands(CLI::App& app, int& exit_code) {
  auto* ras = app.add_subcommand("ras", "The Resource Allocation System: check, score, calibrate and simulate rulebooks");
  ras->require_subcommand(1);
  add_check(*ras, exit_code);
  add_score(*ras, exit_code);
  add_calibrate(*ras, exit_code);
  add_simulate(*ras, exit_code);
}

}  // namespace allot::cli
