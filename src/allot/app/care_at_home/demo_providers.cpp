#include "allot/app/care_at_home/demo_providers.h"

#include <fmt/format.h>

#include "allot/app/care_at_home/repositories.h"
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
      {"Allanbank Home Care", "help_to_live_at_home", {"care_at_home", "housing_support"}, "North", 1800, {4, 4, 4}, {5, 4, 4}},
      {"Brunton Care Services", "help_to_live_at_home", {"care_at_home"}, "South", 1500, {4, 3, 4}, {4, 4, 4}},
      {"Castlegate Support", "help_to_live_at_home", {"care_at_home", "night_support"}, "East", 1600, {3, 3, 3}, {3, 4, 3}},
      {"Dunbar Road Carers", "help_to_live_at_home", {"care_at_home"}, "East", 1200, {4, 4, 5}, {2, 3, 3}},
      {"Esk Valley Home Support", "help_to_live_at_home", {"care_at_home", "housing_support"}, "West", 1400, {5, 5, 5}, {5, 5, 4}},
      {"Fairfield Care at Home", "help_to_live_at_home", {"care_at_home"}, "South", 1100, {4, 4, 4}, {3, 4, 4}},
      {"Gifford Community Care", "help_to_live_at_home", {"care_at_home", "night_support"}, "North", 900, {4, 5, 4}, {4, 4, 4}},
      {"Haddington Homecare", "help_to_live_at_home", {"care_at_home"}, "West", 1300, {3, 2, 3}, {3, 3, 3}},
      {"Inveresk Specialist Support", "specialist", {"specialist_support", "housing_support"}, "West", 1000, {5, 5, 5}, {5, 5, 5}},
      {"Jubilee Supported Living", "specialist", {"specialist_support", "night_support"}, "North", 950, {4, 4, 4}, {4, 4, 5}},
      {"Kingsmeadow Support", "specialist", {"specialist_support"}, "South", 700, {4, 3, 4}, {4, 3, 4}},
      {"Lammermuir Care", "specialist", {"specialist_support", "care_at_home"}, "East", 800, {3, 3, 3}, {4, 4, 4}},
      {"Musselburgh Mental Health Support", "specialist", {"specialist_support"}, "West", 600, {5, 4, 4}, {5, 4, 4}},
      {"North Berwick Care Partnership", "specialist", {"specialist_support", "housing_support"}, "North", 650, {4, 4, 4}, {2, 2, 3}},
      {"Ormiston Children's Care", "specialist", {"childrens_care_at_home"}, "South", 400, {5, 5, 5}, {4, 5, 5}},
      {"Prestonpans Support Services", "specialist", {"specialist_support", "night_support"}, "East", 750, {4, 4, 3}, {4, 4, 4}},
  };
  return kProviders;
}

care_at_home::Inspection graded(Date date, const int (&grades)[3], const std::vector<std::string>& themes) {
  care_at_home::Inspection inspection{date, {}};
  for (std::size_t theme = 0; theme < themes.size() && theme < 3; ++theme) inspection.grades[themes[theme]] = grades[theme];
  return inspection;
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
    NewProvider details{demo.name, demo.former_framework, demo.services, {demo.area}, demo.capacity};
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
  return added_count;
}

}  // namespace allot::app
