// The solver's problem JSON (solver_io, docs/solver.md) and the iolab HHCRSP JSON:
// the first byte chooses the reader, the rest is the document. An accepted problem
// must pass the solver's own validation and survive a round trip through JSON.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "allot/base/json_reader.h"
#include "allot/solver_io/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool iolab = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto document = allot::parse_json(text, "problem.json");
  if (!document) return 0;
  auto problem = iolab ? allot::solver_io::read_iolab(*document, "problem.json")
                       : allot::solver_io::problem_from_json(*document);
  if (!problem) return 0;
  auto again = allot::solver_io::problem_from_json(allot::solver_io::problem_to_json(*problem));
  if (!again) {  // a problem that was accepted is refused when written back
    std::fprintf(stderr, "round trip refused:\n%s\n", allot::format_issues(again.error()).c_str());
    std::abort();
  }
  return 0;
}
