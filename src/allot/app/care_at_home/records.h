#pragma once
// Care at home providers as stored, and their inspections (append-only: a
// correction is a new inspection record).

#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/money.h"
#include "allot/care_at_home/framework.h"
#include "allot/care_at_home/package.h"
#include "allot/care_at_home/rates.h"
#include "allot/care_at_home/workforce.h"

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
  // The identity agency whose users are this provider's own staff ("" for none):
  // they see only this provider's offers and packages.
  std::string agency_code;
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
  // The person's name as their record gave it when the package was made ("" when
  // unknown): pages name people, not references.
  std::string person_name;
  std::string client_group;
  std::string service;
  PackageModel model = PackageModel::kTimeAndTask;
  std::vector<care_at_home::Visit> visits;
  care_at_home::NightPattern nights;
  Date starts_on;
  // Where the visits happen: the package's own coordinates, or none when they come
  // from the person's address in the gazetteer (person_reference an Allot person id).
  std::optional<care_at_home::GeoPoint> location;
  std::string area;      // one of the areas providers reach ("North")
  std::string locality;  // the town or village ("Dunbar")
  // Which carers make each visit (ids of provider_carers), one list per visit;
  // empty until the provider has planned it.
  std::vector<std::vector<Id>> visit_carers;
  Id chosen_provider_id = 0;  // the person's choice of provider, 0 for none
  Id open_package_id = 0;     // the open package it was placed from, 0 for none
  // On the personal budget model: the person's outcomes in their own words (from
  // the agreed support plan) and the weekly budget the provider's costed plan must
  // keep within (what the plan lines it delivers cost). Empty and zero otherwise.
  std::vector<std::string> outcomes;
  Money weekly_budget;
};

struct PackageRecord {
  Id id = 0;
  NewPackage details;
  bool off_framework = false;  // bought from a provider not on the framework when it was added
  std::string added_by;
  Timestamp added_at;
};

// A package waiting for a provider (NewPackage with provider_id 0 and no visit
// carers): offered to providers, placed when one accepts.
struct OpenPackageRecord {
  Id id = 0;
  NewPackage details;
  std::string added_by;
  Timestamp added_at;
};

// A provider's staff base.
struct NewBase {
  Id provider_id = 0;
  std::string name;
  care_at_home::GeoPoint location;
};

struct BaseRecord {
  Id id = 0;
  NewBase details;
  std::string added_by;
  Timestamp added_at;
};

struct NewCarer {
  Id provider_id = 0;
  Id base_id = 0;
  std::string name;
  std::vector<std::string> skills;
  std::vector<care_at_home::Shift> shifts;
  care_at_home::TravelMode travel_mode = care_at_home::TravelMode::kCar;
};

struct CarerRecord {
  Id id = 0;
  NewCarer details;
  std::string added_by;
  Timestamp added_at;
};

// An open package offered to one provider, with the ranking as it stood when
// the commissioner confirmed it (JSON, as the API shows it).
struct OfferRecord {
  Id id = 0;
  Id open_package_id = 0;
  Id provider_id = 0;
  std::string ranking;
  std::string made_by;
  Timestamp made_at;
  // The provider's answer, once given.
  std::string answer;  // "", "accepted", "declined" or "withdrawn"
  std::string reason;
  Id package_id = 0;   // the package made when accepted
  std::string answered_by;
  std::optional<Timestamp> answered_at;
};

// One line of a provider's costed plan: what it is, which of the package's
// outcomes it serves, and its weekly cost, either by the hour (minutes a week at
// an hourly rate) or a fixed weekly amount (minutes 0).
struct CostedPlanLine {
  std::string what;                   // "support to go swimming on Tuesdays"
  std::vector<std::string> outcomes;  // the package's outcomes it serves, as written there
  int minutes_per_week = 0;           // 0 for a fixed weekly amount
  Money hourly_rate;                  // by the hour; zero for a fixed amount
  Money fixed_weekly;                 // a fixed amount; zero by the hour
  Money weekly_cost;                  // hours x rate (rounded once) or the fixed amount
};

// A provider's costed plan for a personal budget model package (append-only:
// a new proposal is a new version).
struct CostedPlanRecord {
  Id id = 0;
  Id package_id = 0;
  int version = 0;
  std::vector<CostedPlanLine> lines;
  Money total;
  std::string proposed_by;
  Timestamp proposed_at;
  // The council's answer, once given (append-only, one per plan).
  std::string decision;  // "", "agreed" or "sent_back"
  std::string reason;
  std::string decided_by;
  std::optional<Timestamp> decided_at;
};

// A package moved from one provider to another by an applied re-plan
// (append-only: the package's history of providers).
struct ProviderChangeRecord {
  Id id = 0;
  Id package_id = 0;
  Id from_provider_id = 0;
  Id to_provider_id = 0;
  std::string replan;  // the re-plan job it came from
  std::string changed_by;
  Timestamp changed_at;
};

}  // namespace allot::app
