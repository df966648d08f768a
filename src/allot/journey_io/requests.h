#pragma once
// Reading the journey's request bodies (docs/api.md, "The personal budget
// journey") into typed commands. Each reader goes through the whole body and
// notes every problem with its path and a message saying what was found and what
// was expected ("lines[1].delivery: unknown value \"cash\"; expected one of
// direct_payment, individual_service_fund, council_arranged"); the use case
// reports them with the problems it finds itself (journey/commands.h, Parsed).
// Codes are checked against the council's Client Level Data lists as they are
// read; checks that need today or the person's record are the use case's.

#include <string_view>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"
#include "allot/journey/commands.h"
#include "allot/journey/person.h"

namespace allot::journey_io {

using Json = nlohmann::json;

// POST /people: the details (cares_for makes the record a carer's). The details
// are not yet checked against the code lists: journey::check_person does that.
journey::Parsed<journey::PersonDetails> read_person_details(const Json& body);
// POST /people as the pages send it: the details and "different_from", the ids
// of the likely duplicates confirmed to be a different person.
journey::Parsed<journey::NewPerson> read_new_person(const Json& body);
// PUT /people/{id}: the details and "row_version".
journey::Parsed<journey::UpdatePerson> read_update_person(const Json& body);

// POST /people/{id}/contacts.
journey::Parsed<journey::ContactCommand> read_contact(const Json& body, const journey::CodeLists& codes);

// POST /people/{id}/steps/{step}: kNotFound (path "step") for a step that does
// not exist, naming those that do; otherwise the step's command.
Result<journey::Parsed<journey::StepCommand>> read_step(std::string_view step, const Json& body,
                                                        const journey::CodeLists& codes);

// POST /people/{id}/carers/first-stage and /full-assessment.
journey::Parsed<journey::CarerFirstStageCommand> read_carer_first_stage(const Json& body);
journey::Parsed<journey::CarerFullAssessmentCommand> read_carer_full_assessment(const Json& body);

// POST /panel/meetings.
journey::Parsed<journey::PanelMeetingCommand> read_panel_meeting(const Json& body);

// The {kind} of /people/{id}/drafts/{kind}: kNotFound (path "kind") unless
// assessment or plan.
Result<journey::DraftKind> read_draft_kind(std::string_view kind);
// PUT /people/{id}/drafts/{kind}: {"row_version": N or null, "document": {...}}.
journey::Parsed<journey::SaveDraftCommand> read_save_draft(const Json& body);

}  // namespace allot::journey_io
