// The benchmark text formats the solver reads (Solomon, VRPLIB, Mankowska): the
// first byte chooses the reader and its options, the rest is the file.

#include <cstddef>
#include <cstdint>
#include <string>

#include "allot/solver_io/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  allot::solver_io::ReadOptions options;
  options.truncate_to_tenth = (data[0] & 4) != 0;
  options.one_carer_for_both_services = (data[0] & 8) != 0;
  switch (data[0] % 3) {
    case 0: (void)allot::solver_io::read_solomon(text, "problem.txt", options); break;
    case 1: (void)allot::solver_io::read_vrplib(text, "problem.vrp", options); break;
    default: (void)allot::solver_io::read_mankowska(text, "problem.txt", options); break;
  }
  return 0;
}
