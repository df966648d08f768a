#pragma once
// The personal budget journey's storage: the repositories of
// app/journey/repositories.h, one per file, over the tables of
// migrations/0004_people_journey.sql.

#include "allot/app/shared/actor.h"
#include "allot/base/issue.h"
#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every journey repository; storage/capabilities.cpp calls it once.
void register_journey_repositories(RepositoryRegistry& registry);

// Each file's own registration, called by the function above.
void register_sql_people(RepositoryRegistry& registry);
void register_sql_person_events(RepositoryRegistry& registry);
void register_sql_journey_drafts(RepositoryRegistry& registry);
void register_sql_plan_versions(RepositoryRegistry& registry);
void register_sql_panel_meetings(RepositoryRegistry& registry);

// kUnknownReference at person_id: what a row naming a missing person gets (the
// foreign key to people refused it).
tl::unexpected<Issues> no_such_person(app::Id person_id);

}  // namespace allot::storage
