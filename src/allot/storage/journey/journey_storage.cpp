#include "allot/storage/journey/journey_storage.h"

#include <fmt/format.h>

namespace allot::storage {

void register_journey_repositories(RepositoryRegistry& registry) {
  register_sql_people(registry);
  register_sql_person_events(registry);
  register_sql_journey_drafts(registry);
  register_sql_plan_versions(registry);
  register_sql_panel_meetings(registry);
}

tl::unexpected<Issues> no_such_person(app::Id person_id) {
  return fail(ErrorCode::kUnknownReference, "person_id", fmt::format("there is no person {}", person_id));
}

}  // namespace allot::storage
