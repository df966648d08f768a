// Population and calibration sample CSV (ras/population_csv.h) against the example
// adults' rulebook; every good row is scored with the compiled rulebook, as
// `allot ras simulate` and the simulation route do.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "allot/ras/population_csv.h"
#include "allot/ras/score.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const allot::ras::Rulebook& rulebook = allot::fuzz::example_rulebook();
  static const allot::ras::CompiledRulebook compiled(rulebook);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t rows = 0;
  auto summary = allot::ras::read_population_csv(rulebook, text, "population.csv",
                                                 [&](const allot::ras::PopulationRow& row) {
                                                   (void)compiled.score(row.chosen);
                                                   ++rows;
                                                 });
  if (summary.rows != rows) __builtin_trap();
  (void)allot::ras::read_sample_csv(rulebook, text, "sample.csv");
  return 0;
}
