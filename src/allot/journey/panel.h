#pragma once
// Meetings of the Resource Allocation Group (the panel joined by NHS and housing,
// seed 000): the members present and one decision per plan sent to it.

#include <cstdint>
#include <string>
#include <vector>

#include "allot/base/date.h"
#include "allot/journey/case_state.h"
#include "allot/journey/commands.h"

namespace allot::journey {

struct PanelMeeting {
  std::int64_t id = 0;
  Date held_on;
  std::vector<PanelMember> members;
  std::vector<PanelDecision> decisions;
  std::string recorded_by;
  Instant recorded_at;
  // Decisions about people the reader may not see, left out of `decisions`.
  int decisions_withheld = 0;
  bool operator==(const PanelMeeting&) const = default;
};

}  // namespace allot::journey
