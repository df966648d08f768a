// allot gen population: synthetic populations for demos, tests and benchmarks.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "allot/cli/commands.h"
#include "allot/cli/files.h"
#include "allot/cli/progress.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/synthetic_population.h"

namespace allot::cli {

void add_gen_commands(CLI::App& app, int& exit_code) {
  auto* gen = app.add_subcommand("gen", "Generate synthetic data for demos, tests and benchmarks");
  gen->require_subcommand(1);
  auto* population = gen->add_subcommand(
      "population", "A synthetic population for a rulebook, as CSV, deterministic for a seed");
  struct Options {
    std::string rulebook;
    std::int64_t people = 1000;
    std::uint64_t seed = 1;
    std::string out;
  };
  auto options = std::make_shared<Options>();
  population->add_option("--rulebook", options->rulebook, "Rulebook JSON file")->required();
  population->add_option("--people", options->people, "How many people")->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}));
  population->add_option("--seed", options->seed, "Random seed: the same seed gives the same population");
  population->add_option("--out", options->out, "Write to this file instead of standard output");
  population->callback([options, &exit_code] {
    exit_code = kExitInvalidInput;
    auto document = read_json_file(options->rulebook);
    if (!document) return print_issues("allot: cannot read the rulebook", document.error());
    auto rulebook = ras::parse_rulebook(*document);
    if (!rulebook) return print_issues("allot: " + options->rulebook + " is not a valid rulebook", rulebook.error());
    std::FILE* out = stdout;
    const std::string temporary = options->out + ".tmp";
    if (!options->out.empty()) {
      out = std::fopen(temporary.c_str(), "wb");
      if (out == nullptr) {
        exit_code = kExitInternal;
        return print_issues("allot: cannot write", {{ErrorCode::kInternal, options->out, "cannot open for writing"}});
      }
    }
    bool write_failed = false;
    Progress progress("gen population", options->people, "people");
    ras::generate_population(
        *rulebook, {options->people, options->seed},
        [&](std::string_view chunk) { write_failed |= std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size(); },
        [&](std::int64_t done) { progress.update(done); });
    progress.finish();
    if (out != stdout) {
      write_failed |= std::fclose(out) != 0;
      if (!write_failed) write_failed = std::rename(temporary.c_str(), options->out.c_str()) != 0;
      if (write_failed) std::remove(temporary.c_str());
    } else {
      write_failed |= std::fflush(stdout) != 0;
    }
    if (write_failed) {
      exit_code = kExitInternal;
      return print_issues("allot: cannot write", {{ErrorCode::kInternal, options->out.empty() ? "stdout" : options->out, "write failed"}});
    }
    exit_code = kExitOk;
  });
}

}  // namespace allot::cli
