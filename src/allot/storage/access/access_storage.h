#pragma once
// Care teams, sharing agreements, consent and break glass over the tables of
// migrations/0018_care_teams_consent_break_glass.sql.

#include <string>

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers the access repository; storage/capabilities.cpp calls it once.
void register_access_repositories(RepositoryRegistry& registry);

// The care team rule as one SQL condition on a people row, for lists that must
// return only the people a user may see: `person` is the column holding the
// person's id, `awaiting` the people.awaiting_panel column (or empty), and
// user, agency and day are the numbers of parameters holding the viewer's user
// id, agency id and today's date.
std::string care_team_condition(std::string_view person, std::string_view awaiting, int user, int agency, int day);

}  // namespace allot::storage
