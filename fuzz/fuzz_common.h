#pragma once
// What the fuzz targets share: reading a file of the repository at start-up (the
// example rulebook that answers and populations are checked against).

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "allot/base/json_reader.h"
#include "allot/ras/rulebook.h"
#include "allot/ras/rulebook_json.h"

namespace allot::fuzz {

inline std::string read_repository_file(const std::string& relative) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s\n", relative.c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The example adults' rulebook (data/rulebooks/example-adults.json), parsed once.
inline const ras::Rulebook& example_rulebook() {
  static const ras::Rulebook rulebook = [] {
    auto document = parse_json(read_repository_file("data/rulebooks/example-adults.json"), "example-adults.json");
    if (!document) std::abort();
    auto parsed = ras::parse_rulebook(*document);
    if (!parsed) std::abort();
    return *parsed;
  }();
  return rulebook;
}

}  // namespace allot::fuzz
