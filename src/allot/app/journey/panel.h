#pragma once
// The Resource Allocation Group (docs/api.md): the plans sent to it, and its
// meetings with the members present and one decision per plan. Seeing the queue
// needs panel.read_queue, reading meetings panel.read, recording one
// panel.record; each is audited.
//
// A meeting is recorded whole or not at all: a person that does not exist or a
// decision with problems (a changed amount without a reason, ...) is reported
// with every other problem, issue paths naming the decision
// ("decisions[0].reason"); a plan no longer awaiting the panel is kConflict.
// Each decision moves its person's case on as a team manager's would, decided by
// the Resource Allocation Group.

#include <vector>

#include "allot/app/journey/journey_core.h"
#include "allot/journey/panel.h"
#include "allot/journey/reads.h"

namespace allot::app {

class Panel {
 public:
  explicit Panel(JourneyCore& core) : core_(core) {}

  // Plans awaiting the panel, oldest submission first.
  Result<std::vector<journey::QueuedPlan>> queue(const Principal& principal);
  // Newest first.
  Result<std::vector<journey::PanelMeeting>> meetings(const Principal& principal);
  // kNotFound if there is no such meeting.
  Result<journey::PanelMeeting> meeting(const Principal& principal, Id meeting_id);
  Result<journey::PanelMeeting> record_meeting(const Principal& principal,
                                               const journey::Parsed<journey::PanelMeetingCommand>& command);

 private:
  JourneyCore& core_;
};

}  // namespace allot::app
