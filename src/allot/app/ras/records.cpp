#include "allot/app/ras/records.h"

namespace allot::app {

const char* draft_origin_name(DraftOrigin origin) {
  return origin == DraftOrigin::kCalibration ? "calibration" : "upload";
}

const char* draft_status_name(DraftStatus status) {
  switch (status) {
    case DraftStatus::kDraft: return "draft";
    case DraftStatus::kProposed: return "proposed";
    case DraftStatus::kApproved: return "approved";
    case DraftStatus::kRejected: return "rejected";
  }
  return "draft";
}

std::optional<DraftStatus> parse_draft_status(std::string_view name) {
  for (DraftStatus status : {DraftStatus::kDraft, DraftStatus::kProposed, DraftStatus::kApproved, DraftStatus::kRejected}) {
    if (name == draft_status_name(status)) return status;
  }
  return std::nullopt;
}

const char* governance_step_name(GovernanceStep step) {
  switch (step) {
    case GovernanceStep::kDrafted: return "drafted";
    case GovernanceStep::kProposed: return "proposed";
    case GovernanceStep::kApproved: return "approved";
    case GovernanceStep::kRejected: return "rejected";
  }
  return "drafted";
}

std::optional<GovernanceStep> parse_governance_step(std::string_view name) {
  for (GovernanceStep step :
       {GovernanceStep::kDrafted, GovernanceStep::kProposed, GovernanceStep::kApproved, GovernanceStep::kRejected}) {
    if (name == governance_step_name(step)) return step;
  }
  return std::nullopt;
}

}  // namespace allot::app
