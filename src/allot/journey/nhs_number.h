#pragma once
// NHS numbers: ten digits, the last a modulus 11 check digit.

#include <optional>
#include <string>
#include <string_view>

namespace allot::journey {

// The ten digits of an NHS number written with or without spaces or hyphens
// ("943 476 5919"), or nothing if it is not ten digits or its check digit fails.
std::optional<std::string> normalise_nhs_number(std::string_view text);

// Why a number fails, for the person typing it: "" when it is valid.
std::string nhs_number_problem(std::string_view text);

}  // namespace allot::journey
