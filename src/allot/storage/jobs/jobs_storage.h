#pragma once
// The job threads' storage: app/jobs/repositories.h over the table of
// migrations/0012_jobs.sql.

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers the job repository; storage/capabilities.cpp calls it once.
void register_jobs_repositories(RepositoryRegistry& registry);

}  // namespace allot::storage
