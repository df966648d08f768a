// Every capability's storage, registered in one place: a new capability adds its
// register call here (and its folder to CMakeLists.txt), and nothing else outside
// its own folder.
#include "allot/storage/access/access_storage.h"
#include "allot/storage/audit/audit_storage.h"
#include "allot/storage/budgets/budgets_storage.h"
#include "allot/storage/care_at_home/care_at_home_storage.h"
#include "allot/storage/casework/casework_storage.h"
#include "allot/storage/community/community_storage.h"
#include "allot/storage/charging/charging_storage.h"
#include "allot/storage/diary/diary_storage.h"
#include "allot/storage/identity/identity_storage.h"
#include "allot/storage/jobs/jobs_storage.h"
#include "allot/storage/journey/journey_storage.h"
#include "allot/storage/programmes/programmes_storage.h"
#include "allot/storage/ras/ras_storage.h"
#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

namespace {

RepositoryRegistry register_every_capability() {
  RepositoryRegistry registry;
  register_identity_repositories(registry);
  register_ras_repositories(registry);
  register_audit_repositories(registry);
  register_journey_repositories(registry);
  register_jobs_repositories(registry);
  register_budgets_repositories(registry);
  register_charging_repositories(registry);
  register_programmes_repositories(registry);
  register_care_at_home_repositories(registry);
  register_casework_repositories(registry);
  register_diary_repositories(registry);
  register_community_repositories(registry);
  register_access_repositories(registry);
  return registry;
}

}  // namespace

const RepositoryRegistry& sql_repositories() {
  static const RepositoryRegistry registry = register_every_capability();
  return registry;
}

}  // namespace allot::storage
