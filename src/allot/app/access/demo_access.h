#pragma once
// The demo's care teams: the council leads on everyone; the NHS trust joins the
// care team of people in the mental health group (joint cases under the section
// 75 partnership of seed 004); the care at home provider joins people with an
// agreed budget outside that group; each partner under an information sharing
// agreement, with the person's consent recorded.

#include "allot/app/shared/clock.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Returns how many memberships were added; adds nothing the second time.
Result<int> load_demo_care_teams(Transaction& tx, const Clock& clock);

}  // namespace allot::app
