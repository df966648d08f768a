#include "allot/app/care_at_home/package_service.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

const char* package_model_name(PackageModel model) {
  return model == PackageModel::kPersonalBudget ? "personal_budget" : "time_and_task";
}

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

const char* framework_words(const std::string& former_framework) {
  if (former_framework == "help_to_live_at_home") return "Help to Live at Home";
  if (former_framework == "specialist") return "Specialist";
  return "No former framework";
}

bool offers(const ProviderRecord& provider, const std::string& service) {
  const std::vector<std::string>& services = provider.details.services;
  return std::find(services.begin(), services.end(), service) != services.end();
}

// The cards for one provider and service.
std::vector<care_at_home::RateCard> cards_for(const std::vector<RateCardRecord>& records, Id provider_id,
                                              const std::string& service) {
  std::vector<care_at_home::RateCard> cards;
  for (const RateCardRecord& record : records) {
    if (record.provider_id == provider_id && record.service == service) cards.push_back(record.card);
  }
  return cards;
}

// Adds one package's week to a line; false if a sum would overflow 64-bit pence.
bool add_to(MarketLine& line, const care_at_home::WeeklyCost& cost, bool off_framework) {
  std::int64_t weekly = 0, annual = 0, minutes = 0;
  if (__builtin_add_overflow(line.weekly.pence(), cost.weekly.pence(), &weekly) ||
      __builtin_add_overflow(line.annual.pence(), cost.annual.pence(), &annual) ||
      __builtin_add_overflow(line.carer_minutes_per_week, cost.carer_minutes, &minutes)) {
    return false;
  }
  line.weekly = Money::from_pence(weekly);
  line.annual = Money::from_pence(annual);
  line.carer_minutes_per_week = minutes;
  ++line.packages;
  if (off_framework) ++line.off_framework;
  return true;
}

std::vector<MarketLine> lines_of(const std::map<std::string, MarketLine>& by_key) {
  std::vector<MarketLine> lines;
  for (const auto& [key, line] : by_key) lines.push_back(line);
  std::stable_sort(lines.begin(), lines.end(),
                   [](const MarketLine& left, const MarketLine& right) { return left.annual > right.annual; });
  return lines;
}

}  // namespace

Result<RateCardRecord> PackageService::add_rate_card(const Principal& by, Id provider_id, const std::string& service,
                                                     const care_at_home::RateCard& card) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<RateCardRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    Issues issues;
    if (!offers(*provider, service)) {
      issues.push_back({ErrorCode::kInvalidValue, "service",
                        fmt::format("{} does not offer {}", provider->details.name, service)});
    }
    for (Issue& issue : care_at_home::check_rate_card(card, "")) issues.push_back(std::move(issue));
    if (!issues.empty()) return fail(std::move(issues));
    const Timestamp now = clock_.now();
    auto added = tx.get<RateCardRepository>().add(provider_id, service, card, by.actor(), now);
    if (!added) return added;
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "add_rate_card", fmt::format("provider:{}", provider_id),
                      fmt::format("{} from {}: day {}p, evening {}p, weekend {}p an hour", service,
                                  card.effective_from.to_string(), card.day_hourly.pence(), card.evening_hourly.pence(),
                                  card.weekend_hourly.pence())},
        now);
    if (!audited) return pass(audited);
    return added;
  });
}

Result<std::vector<RateCardRecord>> PackageService::rate_cards(const Principal& by, Id provider_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<RateCardRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.read"); !allowed) return pass(allowed);
    return tx.get<RateCardRepository>().for_provider(provider_id);
  });
}

Result<PackageOutcome> PackageService::add_package(const Principal& by, const NewPackage& package) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<PackageOutcome> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(package.provider_id);
    if (!provider) return pass(provider);
    Issues issues = care_at_home::check_pattern(package.visits, package.nights);
    if (package.person_reference.find_first_not_of(" \t") == std::string::npos || package.person_reference.size() > 100) {
      issues.push_back({ErrorCode::kInvalidValue, "person_reference", "name the person in 1 to 100 characters"});
    }
    if (package.client_group.find_first_not_of(" \t") == std::string::npos || package.client_group.size() > 100) {
      issues.push_back({ErrorCode::kInvalidValue, "client_group", "name the client group in 1 to 100 characters"});
    }
    if (package.visits.empty() && package.nights.kind == care_at_home::NightSupport::kNone) {
      issues.push_back({ErrorCode::kMissingField, "visits", "a package needs visits or night-time support"});
    }
    if (!offers(*provider, package.service)) {
      issues.push_back({ErrorCode::kInvalidValue, "service",
                        fmt::format("{} does not offer {}", provider->details.name, package.service)});
    }
    auto inspections = tx.get<InspectionRepository>().for_provider(package.provider_id);
    if (!inspections) return pass(inspections);
    const care_at_home::FrameworkStanding standing = standing_from(rules_, *inspections);
    if (package.model == PackageModel::kPersonalBudget && !standing.uplift_and_personal_budget) {
      issues.push_back({ErrorCode::kInvalidValue, "model",
                        fmt::format("{} is not eligible for the personal budget model: {}", provider->details.name,
                                    standing.reasons.empty() ? "not on the framework" : standing.reasons.front())});
    }
    auto cards = tx.get<RateCardRepository>().for_provider(package.provider_id);
    if (!cards) return pass(cards);
    const std::vector<care_at_home::RateCard> service_cards = cards_for(*cards, package.provider_id, package.service);
    const care_at_home::RateCard* card = care_at_home::card_on(service_cards, package.starts_on);
    if (card == nullptr) {
      issues.push_back({ErrorCode::kInvalidValue, "starts_on",
                        fmt::format("{} has no rate for {} in force on {}", provider->details.name, package.service,
                                    package.starts_on.to_string())});
    }
    if (!issues.empty()) return fail(std::move(issues));
    Result<care_at_home::WeeklyCost> cost = care_at_home::cost_of(package.visits, package.nights, *card);
    if (!cost) return pass(cost);
    const Timestamp now = clock_.now();
    const bool off_framework = !standing.admitted;
    // A package for a person on record carries their name from the record.
    NewPackage named = package;
    if (named.person_name.empty()) named.person_name = name_on_record(tx, named.person_reference);
    auto added = tx.get<PackageRepository>().add(named, off_framework, by.actor(), now);
    if (!added) return pass(added);
    PackageOutcome outcome{std::move(*added), *cost, {}};
    if (off_framework) {
      outcome.warnings.push_back(fmt::format("bought off the framework: {} is not on it ({})", provider->details.name,
                                             standing.reasons.empty() ? "no inspections" : standing.reasons.front()));
    }
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "add_package", fmt::format("package:{}", outcome.package.id),
                      fmt::format("{} for {} with {}: {} carer minutes, {}p a week{}", package.service,
                                  package.person_reference, provider->details.name, cost->carer_minutes,
                                  cost->weekly.pence(), off_framework ? " (off the framework)" : "")},
        now);
    if (!audited) return pass(audited);
    return outcome;
  });
}

Result<MarketSummary> PackageService::summary(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<MarketSummary> {
    if (auto allowed = AccessPolicy::standard().check(by, "providers.read"); !allowed) return pass(allowed);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    auto cards = tx.get<RateCardRepository>().all();
    if (!cards) return pass(cards);
    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    std::map<Id, const ProviderRecord*> provider_by_id;
    for (const ProviderRecord& provider : *providers) provider_by_id[provider.id] = &provider;
    MarketSummary summary;
    summary.as_of = date_of(clock_.now());
    summary.total.key = "all";
    std::map<std::string, MarketLine> frameworks, by_provider, services, groups;
    for (const PackageRecord& record : *packages) {
      const NewPackage& package = record.details;
      const ProviderRecord& provider = *provider_by_id.at(package.provider_id);
      const std::vector<care_at_home::RateCard> service_cards = cards_for(*cards, package.provider_id, package.service);
      const care_at_home::RateCard* card = care_at_home::card_on(service_cards, summary.as_of);
      if (card == nullptr) {
        summary.not_costed.push_back(fmt::format("package {} ({}, {}): no rate in force today", record.id,
                                                 provider.details.name, package.service));
        continue;
      }
      Result<care_at_home::WeeklyCost> cost = care_at_home::cost_of(package.visits, package.nights, *card);
      if (!cost) return pass(cost);
      for (auto& [lines, key] : {std::pair{&frameworks, std::string(framework_words(provider.details.former_framework))},
                                 std::pair{&by_provider, provider.details.name}, std::pair{&services, package.service},
                                 std::pair{&groups, package.client_group}}) {
        MarketLine& line = (*lines)[key];
        line.key = key;
        if (!add_to(line, *cost, record.off_framework)) {
          return fail(ErrorCode::kInvalidValue, "packages", "the market's total is too large to hold");
        }
      }
      if (!add_to(summary.total, *cost, record.off_framework)) {
        return fail(ErrorCode::kInvalidValue, "packages", "the market's total is too large to hold");
      }
    }
    summary.by_framework = lines_of(frameworks);
    summary.by_provider = lines_of(by_provider);
    summary.by_service = lines_of(services);
    summary.by_client_group = lines_of(groups);
    return summary;
  });
}

}  // namespace allot::app
