#include "allot/app/identity/records.h"

#include <algorithm>
#include <array>
#include <utility>

namespace allot::app {

namespace {

constexpr std::array<std::pair<AgencyKind, const char*>, 4> kAgencyKinds{{
    {AgencyKind::kCouncil, "council"},
    {AgencyKind::kNhsTrust, "nhs_trust"},
    {AgencyKind::kProvider, "provider"},
    {AgencyKind::kThirdSector, "third_sector"},
}};

}  // namespace

const char* agency_kind_name(AgencyKind kind) {
  for (const auto& [value, name] : kAgencyKinds) {
    if (value == kind) return name;
  }
  return "council";
}

std::optional<AgencyKind> parse_agency_kind(std::string_view name) {
  for (const auto& [value, known] : kAgencyKinds) {
    if (name == known) return value;
  }
  return std::nullopt;
}

bool User::has_role(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

}  // namespace allot::app
