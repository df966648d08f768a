#pragma once
// Care at home providers as stored, and their inspections (append-only: a
// correction is a new inspection record).

#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/care_at_home/framework.h"

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

}  // namespace allot::app
