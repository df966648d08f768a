#pragma once
// A synthetic, realistic population for demos, tests and benchmarks: client groups
// in realistic proportions, answers that follow each person's level of need, and
// current costs related to need with noise (and with the historical differences
// between groups that simulation is meant to reveal). Deterministic for a seed on
// every platform: it uses its own generator and distributions, not <random>'s.

#include <cstdint>
#include <functional>
#include <string_view>

#include "allot/ras/rulebook.h"

namespace allot::ras {

struct SyntheticPopulationOptions {
  std::int64_t people = 1000;
  std::uint64_t seed = 1;
};

// Writes the CSV (header first) through write() in chunks; calls on_progress with
// the number of people written so far now and then.
void generate_population(const Rulebook& rulebook, const SyntheticPopulationOptions& options,
                         const std::function<void(std::string_view chunk)>& write,
                         const std::function<void(std::int64_t people_done)>& on_progress = {});

}  // namespace allot::ras
