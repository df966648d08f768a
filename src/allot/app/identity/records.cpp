#include "allot/app/identity/records.h"

#include <algorithm>

#include "allot/base/enum_text.h"

namespace allot::app {

namespace {

constexpr auto kAgencyKinds = make_enum_text<AgencyKind>({
    {AgencyKind::kCouncil, "council"},
    {AgencyKind::kNhsTrust, "nhs_trust"},
    {AgencyKind::kProvider, "provider"},
    {AgencyKind::kThirdSector, "third_sector"},
});
static_assert(kAgencyKinds.covers_through(AgencyKind::kThirdSector));

}  // namespace

const char* agency_kind_name(AgencyKind kind) { return kAgencyKinds.name(kind); }

std::optional<AgencyKind> parse_agency_kind(std::string_view name) { return kAgencyKinds.parse(name); }

bool User::has_role(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

}  // namespace allot::app
