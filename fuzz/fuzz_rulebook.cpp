// The rulebook parser (ras/rulebook_json.h): any bytes are read as JSON and then
// as a rulebook. It must never crash, throw or misbehave, and a rulebook it accepts
// must survive a round trip through its canonical document unchanged.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "allot/base/json_reader.h"
#include "allot/ras/rulebook_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = allot::parse_json(text, "rulebook.json");
  if (!document) return 0;
  auto rulebook = allot::ras::parse_rulebook(*document);
  if (!rulebook) return 0;
  auto again = allot::ras::parse_rulebook(allot::ras::rulebook_to_json(*rulebook));
  if (!again) {  // the canonical document of an accepted rulebook is refused
    std::fprintf(stderr, "round trip refused:\n%s\n", allot::format_issues(again.error()).c_str());
    std::abort();
  }
  return 0;
}
