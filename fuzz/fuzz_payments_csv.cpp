// The finance system's payments CSV (budgets/payments_csv.h) and the amount and
// person reference readers it uses.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "allot/budgets/payments_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lines = allot::budgets::read_payments_csv(text, "payments.csv");
  if (lines) {
    for (const auto& line : *lines) (void)allot::budgets::parse_person_reference(line.person_reference);
  }
  (void)allot::budgets::parse_pounds(text.substr(0, 64));
  return 0;
}
