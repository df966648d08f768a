#pragma once
// The directory of community opportunities' storage: app/community/repositories.h
// over the tables of migrations/0019_community_opportunities.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers the directory's repository; storage/capabilities.cpp calls it once.
void register_community_repositories(RepositoryRegistry& registry);

}  // namespace allot::storage
