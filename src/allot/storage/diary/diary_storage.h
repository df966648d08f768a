#pragma once
// The support diary's storage: the repositories of app/diary/repositories.h over
// the tables of migrations/0018_diary.sql, and the diary's read of care at home
// packages (care_packages, by person_reference).

#include "allot/storage/shared/repository_registry.h"

namespace allot::storage {

// Registers every diary repository; storage/capabilities.cpp calls it once.
void register_diary_repositories(RepositoryRegistry& registry);

}  // namespace allot::storage
