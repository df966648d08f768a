#include "allot/app/care_at_home/provider_service.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; }

ProviderStanding standing_of(const care_at_home::FrameworkRules& rules, const ProviderRecord& provider,
                             const std::vector<InspectionRecord>& inspections) {
  std::optional<Date> last;
  care_at_home::FrameworkStanding standing = standing_from(rules, inspections, &last);
  return ProviderStanding{provider, std::move(standing), last};
}

}  // namespace

Issues check_new_provider(const NewProvider& provider) {
  Issues issues;
  if (blank(provider.name)) {
    issues.push_back({ErrorCode::kMissingField, "name", "a provider needs a name"});
  } else if (provider.name.size() > 200) {
    issues.push_back({ErrorCode::kInvalidValue, "name", "a name is at most 200 characters"});
  }
  if (!provider.former_framework.empty() && provider.former_framework != "help_to_live_at_home" &&
      provider.former_framework != "specialist") {
    issues.push_back({ErrorCode::kInvalidValue, "former_framework",
                      fmt::format("expected help_to_live_at_home, specialist or nothing; found \"{}\"",
                                  provider.former_framework)});
  }
  if (provider.services.empty()) issues.push_back({ErrorCode::kMissingField, "services", "name at least one service"});
  std::set<std::string> seen;
  for (std::size_t index = 0; index < provider.services.size(); ++index) {
    const std::string& service = provider.services[index];
    const auto& known = provider_services();
    if (std::find(known.begin(), known.end(), service) == known.end()) {
      issues.push_back({ErrorCode::kInvalidValue, fmt::format("services[{}]", index),
                        fmt::format("expected one of care_at_home, housing_support, childrens_care_at_home, "
                                    "specialist_support, night_support; found \"{}\"",
                                    service)});
    } else if (!seen.insert(service).second) {
      issues.push_back({ErrorCode::kDuplicate, fmt::format("services[{}]", index), "named twice"});
    }
  }
  for (std::size_t index = 0; index < provider.areas.size(); ++index) {
    if (blank(provider.areas[index]) || provider.areas[index].size() > 100) {
      issues.push_back({ErrorCode::kInvalidValue, fmt::format("areas[{}]", index), "an area is named in 1 to 100 characters"});
    }
  }
  if (provider.capacity_hours_per_week < 0 || provider.capacity_hours_per_week > 100'000) {
    issues.push_back({ErrorCode::kInvalidValue, "capacity_hours_per_week", "expected 0 to 100,000 hours a week"});
  }
  return issues;
}

Result<ProviderRecord> ProviderService::add(const Principal& by, const NewProvider& provider) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<ProviderRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.manage"); !allowed) return pass(allowed);
    if (Issues issues = check_new_provider(provider); !issues.empty()) return fail(std::move(issues));
    const Timestamp now = clock_.now();
    auto added = tx.get<ProviderRepository>().add(provider, by.actor(), now);
    if (!added) return added;
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "add_provider", fmt::format("provider:{}", added->id), added->details.name}, now);
    if (!audited) return pass(audited);
    return added;
  });
}

namespace {

// "care_at_home; night_support" -> {"care_at_home", "night_support"}.
std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find(';', start), cell.size());
    std::string item = cell.substr(start, end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

}  // namespace

Result<std::vector<ProviderRecord>> ProviderService::import_rows(const Principal& by,
                                                                 const std::vector<std::vector<std::string>>& rows,
                                                                 const std::string& source_name) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<ProviderRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.manage"); !allowed) return pass(allowed);
    const std::string source = source_name.empty() ? "providers" : source_name;
    if (rows.empty()) return fail(ErrorCode::kMissingField, source + ":1", "the file is empty; expected a header row");
    static const std::vector<std::string> kColumns = {"name", "former_framework", "services", "areas",
                                                      "capacity_hours_per_week"};
    std::map<std::string, std::size_t> column;
    Issues issues;
    for (std::size_t index = 0; index < rows.front().size(); ++index) {
      const std::string& name = rows.front()[index];
      if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
        issues.push_back({ErrorCode::kInvalidValue, source + ":1",
                          fmt::format("unknown column \"{}\"; expected name, former_framework, services, areas, "
                                      "capacity_hours_per_week",
                                      name)});
      } else if (!column.emplace(name, index).second) {
        issues.push_back({ErrorCode::kDuplicate, source + ":1", fmt::format("column \"{}\" appears twice", name)});
      }
    }
    for (const char* needed : {"name", "services", "capacity_hours_per_week"}) {
      if (!column.contains(needed)) issues.push_back({ErrorCode::kMissingField, source + ":1", fmt::format("no column {}", needed)});
    }
    if (!issues.empty()) return fail(std::move(issues));
    auto existing = tx.get<ProviderRepository>().list();
    if (!existing) return pass(existing);
    std::map<std::string, std::size_t> first_row;
    for (const ProviderRecord& provider : *existing) first_row.emplace(provider.details.name, 0);
    std::vector<NewProvider> providers;
    for (std::size_t row_index = 1; row_index < rows.size(); ++row_index) {
      const std::vector<std::string>& row = rows[row_index];
      const std::string at = fmt::format("{}:{}", source, row_index + 1);
      if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); })) continue;
      auto cell = [&](const char* name) -> std::string {
        const auto found = column.find(name);
        return found != column.end() && found->second < row.size() ? row[found->second] : std::string();
      };
      NewProvider provider{cell("name"), cell("former_framework"), split_list(cell("services")), split_list(cell("areas")), 0};
      const std::string capacity = cell("capacity_hours_per_week");
      const auto [end, error] = std::from_chars(capacity.data(), capacity.data() + capacity.size(), provider.capacity_hours_per_week);
      if (capacity.empty() || error != std::errc() || end != capacity.data() + capacity.size()) {
        issues.push_back({ErrorCode::kInvalidValue, at, fmt::format("capacity_hours_per_week: expected a whole number of hours; found \"{}\"", capacity)});
        provider.capacity_hours_per_week = 0;
      }
      for (Issue& issue : check_new_provider(provider)) {
        issues.push_back({issue.code, at, issue.path + ": " + issue.message});
      }
      if (const auto [earlier, inserted] = first_row.emplace(provider.name, row_index + 1); !inserted) {
        issues.push_back({ErrorCode::kDuplicate, at,
                          earlier->second == 0 ? fmt::format("a provider is already called \"{}\"", provider.name)
                                               : fmt::format("\"{}\" is also on row {}", provider.name, earlier->second)});
      }
      providers.push_back(std::move(provider));
    }
    if (providers.empty() && issues.empty()) issues.push_back({ErrorCode::kMissingField, source + ":2", "no providers in the file: only a header"});
    if (!issues.empty()) return fail(std::move(issues));
    const Timestamp now = clock_.now();
    std::vector<ProviderRecord> added_all;
    for (const NewProvider& provider : providers) {
      auto added = tx.get<ProviderRepository>().add(provider, by.actor(), now);
      if (!added) return pass(added);
      auto audited = tx.get<AuditRepository>().append(
          NewAuditEntry{by.actor(), "add_provider", fmt::format("provider:{}", added->id),
                        fmt::format("{} (imported from {})", added->details.name, source)},
          now);
      if (!audited) return pass(audited);
      added_all.push_back(std::move(*added));
    }
    return added_all;
  });
}

Result<std::vector<ProviderStanding>> ProviderService::list(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<ProviderStanding>> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.read"); !allowed) return pass(allowed);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    auto inspections = tx.get<InspectionRepository>().all();
    if (!inspections) return pass(inspections);
    std::map<Id, std::vector<InspectionRecord>> by_provider;
    for (InspectionRecord& record : *inspections) by_provider[record.provider_id].push_back(std::move(record));
    std::vector<ProviderStanding> all;
    for (const ProviderRecord& provider : *providers) all.push_back(standing_of(rules_, provider, by_provider[provider.id]));
    return all;
  });
}

Result<ProviderDetail> ProviderService::get(const Principal& by, Id provider_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<ProviderDetail> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.read"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    auto inspections = tx.get<InspectionRepository>().for_provider(provider_id);
    if (!inspections) return pass(inspections);
    return ProviderDetail{standing_of(rules_, *provider, *inspections), std::move(*inspections)};
  });
}

Issues ProviderService::check_inspection(const care_at_home::Inspection& inspection) const {
  Issues issues = care_at_home::check_inspection(rules_, inspection, "");
  if (inspection.date > date_of(clock_.now())) {
    issues.insert(issues.begin(), {ErrorCode::kInvalidValue, "date", "an inspection cannot be dated after today"});
  }
  return issues;
}

Result<InspectionOutcome> ProviderService::record_inspection(const Principal& by, Id provider_id,
                                                             const care_at_home::Inspection& inspection, bool preview) {
  return in_transaction(store_, preview ? Access::kRead : Access::kWrite, [&](Transaction& tx) -> Result<InspectionOutcome> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    const Timestamp now = clock_.now();
    if (Issues issues = check_inspection(inspection); !issues.empty()) return fail(std::move(issues));
    auto recorded = tx.get<InspectionRepository>().for_provider(provider_id);
    if (!recorded) return pass(recorded);
    std::vector<care_at_home::Inspection> earlier;
    for (const InspectionRecord& record : *recorded) earlier.push_back(record.inspection);
    // The provider's packages, by model: the consequence counts those the change touches.
    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    care_at_home::PackagesByModel held;
    for (const PackageRecord& package : *packages) {
      if (package.details.provider_id != provider_id) continue;
      (package.details.model == PackageModel::kPersonalBudget ? held.personal_budget : held.time_and_task) += 1;
    }
    InspectionOutcome outcome{care_at_home::consequence_of(rules_, earlier, inspection, held), std::nullopt};
    if (preview) return outcome;
    auto added = tx.get<InspectionRepository>().add(provider_id, inspection, by.actor(), now);
    if (!added) return pass(added);
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "record_inspection", fmt::format("provider:{}", provider_id),
                      fmt::format("inspected {}: {}", inspection.date.to_string(), outcome.consequence.summary)},
        now);
    if (!audited) return pass(audited);
    outcome.recorded = std::move(*added);
    return outcome;
  });
}

}  // namespace allot::app
