// Assessment answers (ras/answers.h): any bytes are read as JSON, checked against
// the example adults' rulebook, and scored when accepted, as the public calculator
// and the API do.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "allot/ras/answers.h"
#include "allot/ras/score.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const allot::ras::Rulebook& rulebook = allot::fuzz::example_rulebook();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = allot::parse_json(text, "answers.json");
  if (!document) return 0;
  auto answers = allot::ras::read_answers(rulebook, *document);
  if (!answers) return 0;
  (void)allot::ras::score_assessment(rulebook, *answers);
  return 0;
}
