#include "allot/journey/events.h"

namespace allot::journey {

const char* event_type_id(EventType type) {
  switch (type) {
    case EventType::kRequest: return "request";
    case EventType::kAssessment: return "assessment";
    case EventType::kService: return "service";
    case EventType::kReview: return "review";
  }
  return "request";
}

const char* event_kind(const EventPayload& payload) {
  struct Visitor {
    const char* operator()(const PersonCreated&) const { return "person_created"; }
    const char* operator()(const DetailsChanged&) const { return "details_changed"; }
    const char* operator()(const ContactRecorded&) const { return "contact"; }
    const char* operator()(const Screened&) const { return "screen"; }
    const char* operator()(const EnablementEnded&) const { return "end_enablement"; }
    const char* operator()(const AssessmentCompleted&) const { return "assessment_completed"; }
    const char* operator()(const EquipmentBudgetAgreed&) const { return "equipment_budget_agreed"; }
    const char* operator()(const PlanSaved&) const { return "plan_saved"; }
    const char* operator()(const PlanSubmitted&) const { return "plan_submitted"; }
    const char* operator()(const SignOffDecided&) const { return "sign_off_decision"; }
    const char* operator()(const PanelDecided&) const { return "panel_decision"; }
    const char* operator()(const ProtectionRecorded&) const { return "protection_recorded"; }
    const char* operator()(const Reviewed&) const { return "review"; }
    const char* operator()(const Closed&) const { return "close"; }
    const char* operator()(const CarerFirstStageCompleted&) const { return "carer_first_stage"; }
    const char* operator()(const CarerFullAssessmentCompleted&) const { return "carer_full_assessment"; }
    const char* operator()(const DifferentPersonConfirmed&) const { return "different_person_confirmed"; }
  };
  return std::visit(Visitor{}, payload);
}

}  // namespace allot::journey
