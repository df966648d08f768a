#include "allot/app/care_at_home/demo_county.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/care_at_home/allocation.h"

namespace allot::app {

namespace {

using care_at_home::GeoPoint;

// Deterministic scatter (splitmix64): the demo is the same on every machine.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

// -spread .. +spread, from a seed.
std::int64_t jitter(std::uint64_t seed, std::int64_t spread) {
  return static_cast<std::int64_t>(mix(seed) % static_cast<std::uint64_t>(2 * spread + 1)) - spread;
}

std::vector<const DemoLocality*> localities_in(const std::string& area) {
  std::vector<const DemoLocality*> found;
  for (const DemoLocality& locality : demo_localities()) {
    if (area == locality.area) found.push_back(&locality);
  }
  return found;
}

const DemoLocality& pick_locality(const std::string& area, std::uint64_t seed) {
  const auto found = localities_in(area);
  int total = 0;
  for (const DemoLocality* locality : found) total += locality->weight;
  int pick = static_cast<int>(mix(seed) % static_cast<std::uint64_t>(total));
  for (const DemoLocality* locality : found) {
    if (pick < locality->weight) return *locality;
    pick -= locality->weight;
  }
  return *found.front();
}

// Somewhere in the locality: within about 1.5 km of its centre.
GeoPoint near(const DemoLocality& locality, std::uint64_t seed) {
  return GeoPoint{locality.centre.latitude_micro + jitter(seed, 9'000),
                  locality.centre.longitude_micro + jitter(seed ^ 0x5bd1e995ULL, 15'000)};
}

const char* const kFirstNames[] = {"Aileen", "Callum", "Morag", "Euan", "Fiona", "Hamish", "Isla", "Jamie", "Kirsty",
                                   "Lachlan", "Mhairi", "Niall", "Orla", "Ross", "Shona", "Tam", "Una", "Wendy",
                                   "Alasdair", "Catriona", "Douglas", "Eilidh", "Fraser", "Gillian"};
const char* const kSurnames[] = {"Anderson", "Brown", "Campbell", "Duncan", "Elliot", "Fraser", "Gray", "Hunter",
                                 "Innes", "Johnston", "Kerr", "Lindsay", "Murray", "Nicol", "Ogilvie", "Paterson",
                                 "Ross", "Scott", "Thomson", "Urquhart", "Wallace", "Young", "Baird", "Cowan",
                                 "Dickson", "Forbes", "Grant", "Hogg", "Kennedy", "Laing", "McLeod"};

// The people the demo packages are for: mostly older people, so names of that
// generation (a few younger ones for the other client groups).
const char* const kPeopleNames[] = {
    "Margaret", "Agnes", "Jean", "Elizabeth", "Isobel", "Janet", "Mary", "Helen", "Catherine", "Christina",
    "Annie", "Euphemia", "Williamina", "Marion", "Sheila", "Doreen", "Moira", "Irene", "Rachel", "Kirsty",
    "Robert", "William", "James", "John", "Alexander", "George", "Thomas", "David", "Andrew", "Archibald",
    "Hector", "Walter", "Kenneth", "Duncan", "Ian", "Malcolm", "Gordon", "Neil", "Craig", "Stuart"};

// The week of one carer: five days, days off turning with the carer's number;
// most work split shifts around the morning and evening calls.
std::vector<care_at_home::Shift> shifts_for(std::size_t carer) {
  std::vector<care_at_home::Shift> shifts;
  const int off = static_cast<int>(carer % 7);
  for (int day = 0; day < 7; ++day) {
    if (day == off || day == (off + 3) % 7) continue;
    switch (carer % 5) {
      case 0: shifts.push_back({day, 7 * 60, 15 * 60 + 30}); break;
      case 1: shifts.push_back({day, 10 * 60, 22 * 60}); break;
      case 2:
        shifts.push_back({day, 7 * 60, 9 * 60 + 30});
        shifts.push_back({day, 12 * 60, 22 * 60});
        break;
      case 3:
        shifts.push_back({day, 7 * 60, 10 * 60 + 30});
        shifts.push_back({day, 13 * 60, 21 * 60 + 30});
        break;
      default:
        shifts.push_back({day, 7 * 60, 12 * 60});
        shifts.push_back({day, 16 * 60 + 30, 22 * 60});
    }
  }
  return shifts;
}

std::vector<std::string> skills_for(std::size_t carer) {
  std::vector<std::string> skills = {"personal care"};
  if (carer % 2 == 0) skills.push_back("medication");
  if (carer % 3 == 0) skills.push_back("moving and handling");
  if (carer % 5 == 0) skills.push_back("dementia care");
  return skills;
}

care_at_home::TravelMode mode_for(std::size_t carer) {
  switch (carer % 20) {
    case 3: case 11: return care_at_home::TravelMode::kWalk;
    case 7: return care_at_home::TravelMode::kBicycle;
    case 15: return care_at_home::TravelMode::kPublicTransport;
    default: return care_at_home::TravelMode::kCar;
  }
}

}  // namespace

std::string demo_person_name(std::uint64_t serial) {
  constexpr std::size_t kGiven = sizeof(kPeopleNames) / sizeof(kPeopleNames[0]);
  constexpr std::size_t kFamily = sizeof(kSurnames) / sizeof(kSurnames[0]);
  const std::uint64_t seed = mix(serial ^ 0x7e0a11e5ULL);
  return fmt::format("{} {}", kPeopleNames[seed % kGiven], kSurnames[(seed / kGiven) % kFamily]);
}

const std::vector<DemoLocality>& demo_localities() {
  // Centres of the real towns and villages (degrees x 1,000,000).
  static const std::vector<DemoLocality> kLocalities = {
      {"North Berwick", "North", {56'058'000, -2'719'000}, 5},
      {"Gullane", "North", {56'034'000, -2'829'000}, 3},
      {"Dirleton", "North", {56'045'000, -2'781'000}, 1},
      {"Aberlady", "North", {56'008'000, -2'859'000}, 2},
      {"Haddington", "South", {55'956'000, -2'781'000}, 6},
      {"Ormiston", "South", {55'911'000, -2'943'000}, 2},
      {"Pencaitland", "South", {55'908'000, -2'889'000}, 2},
      {"Gifford", "South", {55'905'000, -2'746'000}, 1},
      {"Dunbar", "East", {56'001'000, -2'516'000}, 6},
      {"East Linton", "East", {55'986'000, -2'656'000}, 3},
      {"West Barns", "East", {55'994'000, -2'545'000}, 1},
      {"Innerwick", "East", {55'960'000, -2'433'000}, 1},
      {"Musselburgh", "West", {55'942'000, -3'054'000}, 8},
      {"Wallyford", "West", {55'937'000, -3'012'000}, 3},
      {"Prestonpans", "West", {55'959'000, -2'980'000}, 4},
      {"Tranent", "West", {55'944'000, -2'954'000}, 5},
  };
  return kLocalities;
}

Result<std::vector<CarerRecord>> load_demo_workforce(Transaction& tx, const std::vector<ProviderRecord>& providers,
                                                     const Actor& by, Timestamp now) {
  std::vector<CarerRecord> carers;
  std::size_t serial = 0;
  for (std::size_t index = 0; index < providers.size(); ++index) {
    const ProviderRecord& provider = providers[index];
    const std::string area = provider.details.areas.empty() ? "North" : provider.details.areas.front();
    const auto towns = localities_in(area);
    // Two bases in different towns of the provider's area, turning with the provider.
    std::vector<Id> bases;
    for (std::size_t which = 0; which < 2; ++which) {
      const DemoLocality& town = *towns[(index + which * 2) % towns.size()];
      NewBase base{provider.id, fmt::format("{} office", town.name), near(town, provider.id * 31 + which)};
      auto added = tx.get<BaseRepository>().add(base, by, now);
      if (!added) return tl::unexpected<Issues>(added.error());
      bases.push_back(added->id);
    }
    // About one carer for every 12 hours of capacity: calls bunch at the start
    // and end of the day, so carers work fewer hours than their shifts.
    const int count = std::max(4, provider.details.capacity_hours_per_week / 12);
    for (int number = 0; number < count; ++number, ++serial) {
      NewCarer carer;
      carer.provider_id = provider.id;
      carer.base_id = bases[static_cast<std::size_t>(number) % bases.size()];
      carer.name = fmt::format("{} {} ({})", kFirstNames[mix(serial) % std::size(kFirstNames)],
                               kSurnames[mix(serial * 7 + 1) % std::size(kSurnames)], number + 1);
      carer.skills = skills_for(serial);
      carer.shifts = shifts_for(serial);
      carer.travel_mode = mode_for(serial);
      auto added = tx.get<CarerRepository>().add(carer, by, now);
      if (!added) return tl::unexpected<Issues>(added.error());
      carers.push_back(*added);
    }
  }
  return carers;
}

Result<Unit> place_demo_packages(Transaction& tx, const std::vector<ProviderRecord>& providers,
                                 const std::vector<CarerRecord>& carers, std::vector<NewPackage>& packages) {
  auto bases = tx.get<BaseRepository>().all();
  if (!bases) return tl::unexpected<Issues>(bases.error());
  care_at_home::Places places;
  std::map<Id, int> base_place;
  for (const BaseRecord& base : *bases) base_place[base.id] = places.add(base.details.location);
  std::map<Id, care_at_home::ProviderWeek> weeks;
  std::map<Id, std::vector<Id>> carer_ids;
  for (const ProviderRecord& provider : providers) {
    std::vector<care_at_home::WeekCarer> team;
    for (const CarerRecord& carer : carers) {
      if (carer.details.provider_id != provider.id) continue;
      team.push_back({carer.id, base_place[carer.details.base_id], carer.details.travel_mode, carer.details.skills,
                      carer.details.shifts});
      carer_ids[provider.id].push_back(carer.id);
    }
    weeks.emplace(provider.id, care_at_home::ProviderWeek(places, std::move(team)));
  }
  std::map<Id, const ProviderRecord*> by_id;
  for (const ProviderRecord& provider : providers) by_id[provider.id] = &provider;
  for (std::size_t index = 0; index < packages.size(); ++index) {
    NewPackage& package = packages[index];
    const ProviderRecord& provider = *by_id.at(package.provider_id);
    package.area = provider.details.areas.empty() ? "North" : provider.details.areas.front();
    const DemoLocality& town = pick_locality(package.area, index * 2 + 1);
    package.locality = town.name;
    package.location = near(town, index * 2 + 2);
    const int place = places.add(*package.location);
    care_at_home::ProviderWeek& week = weeks.at(provider.id);
    const care_at_home::Fit fit = week.fit(place, package.visits);
    if (!fit.fits) continue;  // not planned yet: the provider plans it on its scheduling page
    week.add(static_cast<std::int64_t>(index) + 1, place, package.visits, fit);
    for (const std::vector<int>& visit : fit.carers) {
      std::vector<Id> ids;
      for (int carer : visit) ids.push_back(carer_ids[provider.id][static_cast<std::size_t>(carer)]);
      package.visit_carers.push_back(std::move(ids));
    }
  }
  return Unit{};
}

Result<int> load_demo_open_packages(Transaction& tx, const std::vector<ProviderRecord>& providers, const Actor& by,
                                    Timestamp now, Date today) {
  struct OpenDemo {
    const char* area;
    const char* service;
    const char* client_group;
    int pattern;  // 0 twice daily, 1 weekday mornings, 2 four a day double-handed, 3 weekly
    const char* task;
    const char* chosen;  // the person's choice of provider, or nullptr
  };
  static const OpenDemo kOpen[] = {
      {"North", "care_at_home", "Older people", 0, "personal care", nullptr},
      {"North", "care_at_home", "Older people", 1, "medication", nullptr},
      {"North", "care_at_home", "Older people", 2, "moving and handling", "Gifford Community Care"},
      {"North", "specialist_support", "Learning disability", 3, "personal care", nullptr},
      {"North", "childrens_care_at_home", "Children", 3, "personal care", nullptr},  // nobody in the North offers it
      {"South", "care_at_home", "Older people", 0, "personal care", nullptr},
      {"South", "care_at_home", "Older people", 1, "dementia care", nullptr},
      {"South", "care_at_home", "Physical disability", 0, "PEG feeding", nullptr},  // no carer trained for it
      {"South", "childrens_care_at_home", "Children", 3, "personal care", nullptr},
      {"East", "care_at_home", "Older people", 0, "personal care", nullptr},
      {"East", "care_at_home", "Older people", 1, "medication", "Castlegate Support"},
      {"East", "specialist_support", "Mental health", 3, "personal care", nullptr},
      {"West", "care_at_home", "Older people", 0, "personal care", nullptr},
      {"West", "care_at_home", "Older people", 2, "moving and handling", nullptr},
      {"West", "care_at_home", "Older people", 1, "medication", nullptr},
      {"West", "specialist_support", "Mental health", 3, "personal care", nullptr},
      {"West", "housing_support", "Learning disability", 1, "personal care", nullptr},
      {"East", "care_at_home", "Physical disability", 0, "personal care", nullptr},
      {"South", "specialist_support", "Learning disability", 1, "personal care", nullptr},
      {"North", "care_at_home", "Older people", 0, "personal care", nullptr},
  };
  int made = 0;
  for (const OpenDemo& demo : kOpen) {
    NewPackage package;
    package.person_reference = fmt::format("EL-{:05}", 4'001 + made);
    package.person_name = demo_person_name(static_cast<std::uint64_t>(4'001 + made));
    package.client_group = demo.client_group;
    package.service = demo.service;
    package.area = demo.area;
    const DemoLocality& town = pick_locality(demo.area, 90'001 + static_cast<std::uint64_t>(made) * 2);
    package.locality = town.name;
    package.location = near(town, 90'002 + static_cast<std::uint64_t>(made) * 2);
    const int shift = static_cast<int>(made % 5) * 15 - 30;  // spread calls over the hour, within their band
    for (int day = 0; day < 7; ++day) {
      auto visit = [&](int start, int minutes, int carers) {
        package.visits.push_back(care_at_home::Visit{day, start + shift, 15, minutes, carers, {demo.task}});
      };
      switch (demo.pattern) {
        case 0: visit(8 * 60, 30, 1); visit(18 * 60, 30, 1); break;
        case 1: if (day < 5) visit(10 * 60 + 30, 45, 1); break;
        case 2: visit(8 * 60, 30, 2); visit(12 * 60 + 30, 30, 1); visit(17 * 60, 30, 1); visit(20 * 60 + 30, 15, 2); break;
        default: if (day == 2) visit(14 * 60, 120, 1); break;
      }
    }
    package.starts_on = today.plus_days(14);
    if (demo.chosen != nullptr) {
      for (const ProviderRecord& provider : providers) {
        if (provider.details.name == demo.chosen) package.chosen_provider_id = provider.id;
      }
    }
    auto added = tx.get<OpenPackageRepository>().add(package, by, now);
    if (!added) return tl::unexpected<Issues>(added.error());
    ++made;
  }
  return made;
}

}  // namespace allot::app
