#pragma once
// Care at home providers as stored, and their inspections (append-only: a
// correction is a new inspection record).

#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/care_at_home/framework.h"
#include "allot/care_at_home/package.h"
#include "allot/care_at_home/rates.h"

namespace allot::app {

// The services a provider can offer (seed 002: care at home and housing support,
// children's care at home, specialist support; night support made explicit).
inline const std::vector<std::string>& provider_services() {
  static const std::vector<std::string> kServices = {"care_at_home", "housing_support", "childrens_care_at_home",
                                                     "specialist_support", "night_support"};
  return kServices;
}

struct NewProvider {
  std::string name;
  std::string former_framework;  // "help_to_live_at_home", "specialist" or "" (new, or off-framework)
  std::vector<std::string> services;
  std::vector<std::string> areas;  // localities it reaches
  int capacity_hours_per_week = 0;
};

struct ProviderRecord {
  Id id = 0;
  NewProvider details;
  std::string added_by;
  Timestamp added_at;
};

struct InspectionRecord {
  Id id = 0;
  Id provider_id = 0;
  care_at_home::Inspection inspection;
  std::string recorded_by;
  Timestamp recorded_at;
};

// A provider's rates for one service, in force from a date (append-only: a new
// rate is a new card).
struct RateCardRecord {
  Id id = 0;
  Id provider_id = 0;
  std::string service;
  care_at_home::RateCard card;
  std::string recorded_by;
  Timestamp recorded_at;
};

// Packages are delivered as time and task or, with providers eligible for it, on
// the personal budget model (the provider's costed plan of visits).
enum class PackageModel { kTimeAndTask, kPersonalBudget };
const char* package_model_name(PackageModel model);

struct NewPackage {
  Id provider_id = 0;
  std::string person_reference;  // the person's id in Allot or in the system the package came from
  std::string client_group;
  std::string service;
  PackageModel model = PackageModel::kTimeAndTask;
  std::vector<care_at_home::Visit> visits;
  care_at_home::NightPattern nights;
  Date starts_on;
};

struct PackageRecord {
  Id id = 0;
  NewPackage details;
  bool off_framework = false;  // bought from a provider not on the framework when it was added
  std::string added_by;
  Timestamp added_at;
};

}  // namespace allot::app
