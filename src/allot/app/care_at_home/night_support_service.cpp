#include "allot/app/care_at_home/night_support_service.h"

#include <fmt/format.h>

#include "allot/app/access/access_service.h"
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

}  // namespace

Result<std::vector<PackageNights>> NightSupportService::compare(const Principal& by, Id person_id, int waking_hours,
                                                                std::optional<Money> technology_weekly) {
  AccessService access(store_, clock_);
  auto known = access.person_access(by, person_id);
  if (!known) return pass(known);
  if (auto allowed = AccessPolicy::standard().check(by, "people.read", Subject{person_id, &*known}); !allowed) {
    return pass(allowed);
  }
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<PackageNights>> {
    const Timestamp now = clock_.now();
    const Date today = date_of(now);
    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    const std::string reference = std::to_string(person_id);
    std::vector<PackageNights> out;
    for (const PackageRecord& package : *packages) {
      if (package.details.person_reference != reference) continue;
      if (package.details.nights.kind == care_at_home::NightSupport::kNone) continue;
      auto provider = tx.get<ProviderRepository>().get(package.details.provider_id);
      if (!provider) return pass(provider);
      auto cards = tx.get<RateCardRepository>().for_provider(provider->id);
      if (!cards) return pass(cards);
      std::vector<care_at_home::RateCard> own;
      for (const RateCardRecord& card : *cards) {
        if (card.service == package.details.service) own.push_back(card.card);
      }
      PackageNights nights{package.id, provider->id, provider->details.name, package.details.service, std::nullopt, ""};
      const care_at_home::RateCard* card = care_at_home::card_on(own, today);
      if (card == nullptr) {
        nights.not_costed = fmt::format("{} has no rate for {} in force today", provider->details.name,
                                        package.details.service);
      } else {
        auto compared = care_at_home::compare_nights(*card, package.details.nights, waking_hours, technology_weekly);
        if (!compared) return pass(compared);
        nights.comparison = std::move(*compared);
      }
      out.push_back(std::move(nights));
    }
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "read", fmt::format("person:{}", person_id),
                      fmt::format("night-time support compared ({} packages)", out.size())},
        now);
    if (!audited) return pass(audited);
    return out;
  });
}

}  // namespace allot::app
