#include "allot/app/care_at_home/demo_providers.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "allot/app/care_at_home/demo_county.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

struct DemoProvider {
  const char* name;
  const char* former_framework;
  std::vector<std::string> services;
  const char* area;
  int capacity;
  // Grades for care and support, staffing, management and leadership at the
  // earlier and the later inspection.
  int earlier[3];
  int later[3];
};

const std::vector<DemoProvider>& demo_providers() {
  static const std::vector<DemoProvider> kProviders = {
      {"Allanbank Home Care", "help_to_live_at_home", {"care_at_home", "housing_support"}, "North", 2700, {4, 4, 4}, {5, 4, 4}},
      {"Brunton Care Services", "help_to_live_at_home", {"care_at_home"}, "South", 2250, {4, 3, 4}, {4, 4, 4}},
      {"Castlegate Support", "help_to_live_at_home", {"care_at_home", "night_support"}, "East", 2400, {3, 3, 3}, {3, 4, 3}},
      {"Dunbar Road Carers", "help_to_live_at_home", {"care_at_home"}, "East", 1800, {4, 4, 5}, {2, 3, 3}},
      {"Esk Valley Home Support", "help_to_live_at_home", {"care_at_home", "housing_support"}, "West", 2100, {5, 5, 5}, {5, 5, 4}},
      {"Fairfield Care at Home", "help_to_live_at_home", {"care_at_home"}, "South", 1650, {4, 4, 4}, {3, 4, 4}},
      {"Gifford Community Care", "help_to_live_at_home", {"care_at_home", "night_support"}, "North", 1350, {4, 5, 4}, {4, 4, 4}},
      {"Haddington Homecare", "help_to_live_at_home", {"care_at_home"}, "West", 1950, {3, 2, 3}, {3, 3, 3}},
      {"Inveresk Specialist Support", "specialist", {"specialist_support", "housing_support"}, "West", 1500, {5, 5, 5}, {5, 5, 5}},
      {"Jubilee Supported Living", "specialist", {"specialist_support", "night_support"}, "North", 1425, {4, 4, 4}, {4, 4, 5}},
      {"Kingsmeadow Support", "specialist", {"specialist_support"}, "South", 1050, {4, 3, 4}, {4, 3, 4}},
      {"Lammermuir Care", "specialist", {"specialist_support", "care_at_home"}, "East", 1200, {3, 3, 3}, {4, 4, 4}},
      {"Musselburgh Mental Health Support", "specialist", {"specialist_support"}, "West", 900, {5, 4, 4}, {5, 4, 4}},
      {"North Berwick Care Partnership", "specialist", {"specialist_support", "housing_support"}, "North", 975, {4, 4, 4}, {2, 2, 3}},
      {"Ormiston Children's Care", "specialist", {"childrens_care_at_home"}, "South", 600, {5, 5, 5}, {4, 5, 5}},
      {"Prestonpans Support Services", "specialist", {"specialist_support", "night_support"}, "East", 1125, {4, 4, 3}, {4, 4, 4}},
  };
  return kProviders;
}

care_at_home::Inspection graded(Date date, const int (&grades)[3], const std::vector<std::string>& themes) {
  care_at_home::Inspection inspection{date, {}};
  for (std::size_t theme = 0; theme < themes.size() && theme < 3; ++theme) inspection.grades[themes[theme]] = grades[theme];
  return inspection;
}

// Weekly patterns of visits, each a list of (day or -1 for every day, start,
// minutes, carers). Their mix gives about seed 002's 7 hours a week per package.
struct Pattern {
  int weight;
  std::vector<std::array<int, 4>> visits;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> kPatterns = {
      {35, {{-1, 7 * 60 + 30, 30, 1}, {-1, 18 * 60, 30, 1}}},
      {20, {{0, 10 * 60, 45, 1}, {1, 10 * 60, 45, 1}, {2, 10 * 60, 45, 1}, {3, 10 * 60, 45, 1}, {4, 10 * 60, 45, 1}}},
      {10, {{-1, 7 * 60 + 30, 30, 2}, {-1, 12 * 60 + 30, 30, 1}, {-1, 17 * 60, 30, 1}, {-1, 20 * 60 + 30, 15, 2}}},
      {15, {{-1, 8 * 60, 30, 1}, {-1, 13 * 60, 30, 1}, {-1, 19 * 60 + 30, 30, 1}}},
      {20, {{1, 14 * 60, 60, 1}, {4, 14 * 60, 60, 1}}},
  };
  return kPatterns;
}

// `shift` (-30 to 30 minutes) spreads the calls of many packages over the hour,
// keeping each in its rate band (a start from 07:00 is day, from 19:00 evening).
std::vector<care_at_home::Visit> visits_of(const Pattern& pattern, int shift) {
  std::vector<care_at_home::Visit> visits;
  for (int day = 0; day < 7; ++day) {
    for (const auto& [on, start, minutes, carers] : pattern.visits) {
      if (on == -1 || on == day) {
        visits.push_back(care_at_home::Visit{day, start + shift, 15, minutes, carers, {"personal care"}});
      }
    }
  }
  return visits;
}

std::string client_group_for(const std::string& former_framework, const std::vector<std::string>& services, std::size_t index) {
  if (services.front() == "childrens_care_at_home") return "Children";
  if (former_framework == "help_to_live_at_home") return index % 9 == 0 ? "Physical disability" : "Older people";
  static const char* const kSpecialist[] = {"Learning disability", "Physical disability", "Mental health"};
  return kSpecialist[index % 3];
}

// Rate cards from April 2025 and, uplifted by 3.3 %, from April 2026; about
// 3,000 packages spread over the providers by their capacity, some with
// sleepovers, some bought from providers not on the framework.
Result<int> load_demo_packages(Transaction& tx, Timestamp now, Date today) {
  const Actor by{"commissioner", "demo-council"};
  auto providers = tx.get<ProviderRepository>().list();
  if (!providers) return tl::unexpected<Issues>(providers.error());
  const Date april_2025 = *Date::parse("2025-04-01");
  for (const ProviderRecord& provider : *providers) {
    for (const std::string& service : provider.details.services) {
      care_at_home::RateCard card{april_2025,          Money::from_pence(1'402), Money::from_pence(1'501),
                                  Money::from_pence(1'580), Money::from_pence(9'500), Money::from_pence(1'460)};
      if (auto added = tx.get<RateCardRepository>().add(provider.id, service, card, by, now); !added) {
        return tl::unexpected<Issues>(added.error());
      }
      auto uplifted = care_at_home::uplifted(card, *Fraction::parse("3.3"), *Date::parse("2026-04-01"));
      if (!uplifted) return tl::unexpected<Issues>(uplifted.error());
      if (auto added = tx.get<RateCardRepository>().add(provider.id, service, *uplifted, by, now); !added) {
        return tl::unexpected<Issues>(added.error());
      }
    }
  }
  // Each provider's share of the packages follows its capacity.
  int total_capacity = 0;
  for (const ProviderRecord& provider : *providers) total_capacity += provider.details.capacity_hours_per_week;
  int total_weight = 0;
  for (const Pattern& pattern : patterns()) total_weight += pattern.weight;
  constexpr int kPackages = 3'095;
  int made = 0;
  std::vector<NewPackage> packages;
  std::vector<bool> off_frameworks;
  for (const ProviderRecord& provider : *providers) {
    const int share = kPackages * provider.details.capacity_hours_per_week / total_capacity;
    for (int index = 0; index < share; ++index, ++made) {
      int pick = (made * 37) % total_weight;
      std::size_t pattern_index = 0;
      while (pick >= patterns()[pattern_index].weight) pick -= patterns()[pattern_index++].weight;
      NewPackage package;
      package.provider_id = provider.id;
      package.person_reference = fmt::format("EL-{:05}", made + 1);
      package.person_name = demo_person_name(static_cast<std::uint64_t>(made + 1));
      package.client_group = client_group_for(provider.details.former_framework, provider.details.services,
                                              static_cast<std::size_t>(made));
      package.service = provider.details.services.front();
      package.visits = visits_of(patterns()[pattern_index], (made * 3 % 5) * 15 - 30);
      const bool nights = std::find(provider.details.services.begin(), provider.details.services.end(),
                                    "night_support") != provider.details.services.end();
      if (nights && index % 40 == 0) package.nights = care_at_home::NightPattern{care_at_home::NightSupport::kSleepover, 7, 0, Money()};
      package.starts_on = today.plus_days(-(30 + (made * 53) % 700));
      auto inspections = tx.get<InspectionRepository>().for_provider(provider.id);
      if (!inspections) return tl::unexpected<Issues>(inspections.error());
      const bool off_framework = !standing_from(care_at_home::seed_002_rules(), *inspections).admitted;
      packages.push_back(std::move(package));
      off_frameworks.push_back(off_framework);
    }
  }
  auto carers = load_demo_workforce(tx, *providers, by, now);
  if (!carers) return tl::unexpected<Issues>(carers.error());
  if (auto placed = place_demo_packages(tx, *providers, *carers, packages); !placed) {
    return tl::unexpected<Issues>(placed.error());
  }
  for (std::size_t index = 0; index < packages.size(); ++index) {
    if (auto added = tx.get<PackageRepository>().add(packages[index], off_frameworks[index], by, now); !added) {
      return tl::unexpected<Issues>(added.error());
    }
  }
  if (auto open = load_demo_open_packages(tx, *providers, by, now, today); !open) {
    return tl::unexpected<Issues>(open.error());
  }
  return made;
}

}  // namespace

Result<int> load_demo_providers(Transaction& tx, const Clock& clock) {
  const Actor by{"commissioner", "demo-council"};
  const Timestamp now = clock.now();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  const std::vector<std::string> themes = care_at_home::seed_002_rules().themes;
  int added_count = 0;
  for (std::size_t index = 0; index < demo_providers().size(); ++index) {
    const DemoProvider& demo = demo_providers()[index];
    // Each provider reaches its historical area (where its packages are today, the
    // first) and the next one round the county, so areas have several to choose from.
    const std::map<std::string, std::string> kNext = {{"North", "East"}, {"East", "South"}, {"South", "West"}, {"West", "North"}};
    NewProvider details{demo.name, demo.former_framework, demo.services, {demo.area, kNext.at(demo.area)}, demo.capacity, ""};
    // The demo provider agency's users (provider_user) are Allanbank's staff.
    if (index == 0) details.agency_code = "demo-care";
    auto added = tx.get<ProviderRepository>().add(details, by, now);
    if (!added) return tl::unexpected<Issues>(added.error());
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by, "add_provider", fmt::format("provider:{}", added->id), fmt::format("{} (demo data)", demo.name)}, now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    // Inspections about a year apart, the later one within the last year.
    const int offset = static_cast<int>(index * 17 % 300);
    for (const auto& [days_ago, grades] : {std::pair<int, const int(&)[3]>{offset + 400, demo.earlier},
                                          std::pair<int, const int(&)[3]>{offset + 30, demo.later}}) {
      auto inspected = tx.get<InspectionRepository>().add(added->id, graded(today.plus_days(-days_ago), grades, themes), by, now);
      if (!inspected) return tl::unexpected<Issues>(inspected.error());
    }
    ++added_count;
  }
  if (auto packages = load_demo_packages(tx, now, today); !packages) return tl::unexpected<Issues>(packages.error());
  return added_count;
}

}  // namespace allot::app
