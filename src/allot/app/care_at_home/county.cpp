#include "allot/app/care_at_home/county.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/base/money.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string hours_text(std::int64_t minutes) {
  return fmt::format("{:.1f}", static_cast<double>(minutes) / 60.0);
}

}  // namespace

std::optional<care_at_home::RateCard> card_in_force(const CountyProvider& provider, const std::string& service, Date on) {
  std::vector<care_at_home::RateCard> cards;
  for (const RateCardRecord& record : provider.cards) {
    if (record.service == service) cards.push_back(record.card);
  }
  const care_at_home::RateCard* card = care_at_home::card_on(cards, on);
  return card == nullptr ? std::nullopt : std::optional<care_at_home::RateCard>(*card);
}

CountyProvider* County::provider(Id id) {
  auto found = provider_index.find(id);
  return found == provider_index.end() ? nullptr : &providers[found->second];
}

std::int64_t carer_minutes_of(const std::vector<care_at_home::Visit>& visits) {
  std::int64_t minutes = 0;
  for (const care_at_home::Visit& visit : visits) minutes += static_cast<std::int64_t>(visit.duration_minutes) * visit.carers;
  return minutes;
}

std::string minutes_text(double minutes) {
  const auto whole = static_cast<long long>(std::llround(minutes));
  if (whole == 0 && minutes > 0) return "under a minute";
  if (whole < 60) return fmt::format("{} min", whole);
  return fmt::format("{} h {:02} min", whole / 60, whole % 60);
}

Result<std::unique_ptr<County>> load_county(Transaction& tx, const care_at_home::FrameworkRules& rules, Date today) {
  auto county = std::make_unique<County>();
  county->today = today;
  auto providers = tx.get<ProviderRepository>().list();
  if (!providers) return pass(providers);
  auto inspections = tx.get<InspectionRepository>().all();
  if (!inspections) return pass(inspections);
  auto cards = tx.get<RateCardRepository>().all();
  if (!cards) return pass(cards);
  auto bases = tx.get<BaseRepository>().all();
  if (!bases) return pass(bases);
  auto carers = tx.get<CarerRepository>().all();
  if (!carers) return pass(carers);
  auto packages = tx.get<PackageRepository>().all();
  if (!packages) return pass(packages);
  auto open = tx.get<OpenPackageRepository>().all();
  if (!open) return pass(open);
  auto offers = tx.get<OfferRepository>().all();
  if (!offers) return pass(offers);

  std::map<Id, int> base_place;
  for (const BaseRecord& base : *bases) base_place[base.id] = county->places.add(base.details.location);
  county->providers.reserve(providers->size());
  for (const ProviderRecord& record : *providers) {
    CountyProvider provider;
    provider.record = record;
    std::vector<InspectionRecord> own;
    for (const InspectionRecord& inspection : *inspections) {
      if (inspection.provider_id == record.id) own.push_back(inspection);
    }
    provider.standing = standing_from(rules, own);
    for (const RateCardRecord& card : *cards) {
      if (card.provider_id == record.id) provider.cards.push_back(card);
    }
    std::vector<care_at_home::WeekCarer> team;
    for (const CarerRecord& carer : *carers) {
      if (carer.details.provider_id != record.id) continue;
      const auto base = base_place.find(carer.details.base_id);
      if (base == base_place.end()) continue;
      team.push_back({carer.id, base->second, carer.details.travel_mode, carer.details.skills, carer.details.shifts});
      provider.carers.push_back(carer);
    }
    provider.week = std::make_unique<care_at_home::ProviderWeek>(county->places, std::move(team));
    county->provider_index[record.id] = county->providers.size();
    county->providers.push_back(std::move(provider));
  }
  county->packages = std::move(*packages);
  county->package_place.assign(county->packages.size(), -1);
  for (std::size_t index = 0; index < county->packages.size(); ++index) {
    const PackageRecord& package = county->packages[index];
    CountyProvider* provider = county->provider(package.details.provider_id);
    if (provider == nullptr) continue;
    provider->carer_minutes_taken += carer_minutes_of(package.details.visits);
    if (!package.details.location) continue;
    const int place = county->places.add(*package.details.location);
    county->package_place[index] = place;
    for (std::size_t visit = 0; visit < package.details.visits.size() && visit < package.details.visit_carers.size(); ++visit) {
      for (Id carer_id : package.details.visit_carers[visit]) {
        const int carer = provider->week->carer_index(carer_id);
        if (carer < 0) continue;
        provider->week->place(carer, care_at_home::WeekVisit{package.id, static_cast<int>(visit), place,
                                                             package.details.visits[visit]});
      }
    }
  }
  county->open_packages = std::move(*open);
  county->offers = std::move(*offers);
  // Offers accepted count against capacity until their package is made (they are made
  // at once, so this is only for an offer waiting for an answer: it holds the hours).
  for (const OfferRecord& offer : county->offers) {
    if (!offer.answer.empty()) continue;
    CountyProvider* provider = county->provider(offer.provider_id);
    for (const OpenPackageRecord& package : county->open_packages) {
      if (provider != nullptr && package.id == offer.open_package_id) {
        provider->carer_minutes_taken += carer_minutes_of(package.details.visits);
      }
    }
  }
  return county;
}

Money travel_cost(double minutes, Money hourly) {
  const Int128 pence_seconds = static_cast<Int128>(hourly.pence()) * static_cast<Int128>(std::llround(minutes * 60));
  return Money::from_pence(static_cast<std::int64_t>((pence_seconds + 1800) / 3600));
}

std::string not_eligible_because(const CountyProvider& provider, const NewPackage& package) {
  const NewProvider& details = provider.record.details;
  if (!contains(details.services, package.service)) return fmt::format("does not offer {}", package.service);
  if (!package.area.empty() && !contains(details.areas, package.area)) {
    return fmt::format("does not reach the {} area", package.area);
  }
  if (!provider.standing.admitted) {
    return fmt::format("not admitted to the framework: {}",
                       provider.standing.reasons.empty() ? "no inspections" : provider.standing.reasons.front());
  }
  if (package.model == PackageModel::kPersonalBudget && !provider.standing.uplift_and_personal_budget) {
    return fmt::format("not eligible for the personal budget model: {}",
                       provider.standing.reasons.empty() ? "grades below the gate" : provider.standing.reasons.front());
  }
  if (!card_in_force(provider, package.service, package.starts_on)) {
    return fmt::format("has no rates for {} in force on {}", package.service, package.starts_on.to_string());
  }
  return "";
}

Ranking rank_providers(County& county, const NewPackage& package, int place, Id open_package_id) {
  Ranking ranking;
  const std::int64_t needed = carer_minutes_of(package.visits);
  // The person's current carers: whoever makes the visits of their other packages.
  std::set<Id> current_carers;
  for (const PackageRecord& other : county.packages) {
    if (other.details.person_reference != package.person_reference) continue;
    for (const std::vector<Id>& visit : other.details.visit_carers) current_carers.insert(visit.begin(), visit.end());
  }
  std::map<Id, const OfferRecord*> declined;
  for (const OfferRecord& offer : county.offers) {
    if (offer.open_package_id == open_package_id && open_package_id != 0 && offer.answer == "declined") {
      declined[offer.provider_id] = &offer;
    }
  }
  for (CountyProvider& provider : county.providers) {
    const NewProvider& details = provider.record.details;
    ProviderChoice choice;
    choice.provider_id = provider.record.id;
    choice.provider_name = details.name;
    choice.chosen_by_person = package.chosen_provider_id == provider.record.id;
    choice.personal_budget_eligible = provider.standing.uplift_and_personal_budget;
    const std::int64_t capacity = static_cast<std::int64_t>(details.capacity_hours_per_week) * 60;
    choice.capacity_minutes_left = capacity - provider.carer_minutes_taken - needed;
    for (const CarerRecord& carer : provider.carers) choice.continuity_carers += current_carers.contains(carer.id) ? 1 : 0;
    const std::optional<care_at_home::RateCard> card = card_in_force(provider, package.service, package.starts_on);
    auto refuse = [&](std::string why) {
      choice.explanation = std::move(why);
      ranking.not_offered.push_back(choice);
    };
    if (std::string why = not_eligible_because(provider, package); !why.empty()) {
      refuse(std::move(why));
      continue;
    }
    if (choice.capacity_minutes_left < 0) {
      refuse(fmt::format("full: {} of its {} hours a week are taken and the package needs {}",
                         hours_text(provider.carer_minutes_taken), details.capacity_hours_per_week, hours_text(needed)));
      continue;
    }
    if (auto found = declined.find(provider.record.id); found != declined.end()) {
      refuse(fmt::format("declined this package: {}", found->second->reason));
      continue;
    }
    if (place < 0) {
      refuse("the package has no location, so the travel it adds cannot be measured");
      continue;
    }
    const care_at_home::Fit fit = provider.week->fit(place, package.visits);
    if (!fit.fits) {
      refuse(fit.reason);
      continue;
    }
    choice.offered = true;
    choice.extra_travel_minutes = fit.extra_minutes;
    // Travel time costed at the provider's day rate: what the minutes would be worth as care.
    choice.extra_travel_cost = travel_cost(fit.extra_minutes, card->day_hourly);
    for (const std::vector<int>& visit : fit.carers) {
      std::vector<Id> ids;
      for (int carer : visit) ids.push_back(provider.carers[static_cast<std::size_t>(carer)].id);
      choice.visit_carers.push_back(std::move(ids));
    }
    ranking.offered.push_back(std::move(choice));
  }
  std::sort(ranking.offered.begin(), ranking.offered.end(), [](const ProviderChoice& a, const ProviderChoice& b) {
    if (a.chosen_by_person != b.chosen_by_person) return a.chosen_by_person;
    if ((a.continuity_carers > 0) != (b.continuity_carers > 0)) return a.continuity_carers > 0;
    if (std::llround(a.extra_travel_minutes) != std::llround(b.extra_travel_minutes)) {
      return a.extra_travel_minutes < b.extra_travel_minutes;
    }
    if (a.capacity_minutes_left != b.capacity_minutes_left) return a.capacity_minutes_left > b.capacity_minutes_left;
    return a.provider_name < b.provider_name;
  });
  for (std::size_t index = 0; index < ranking.offered.size(); ++index) {
    ProviderChoice& choice = ranking.offered[index];
    choice.rank = static_cast<int>(index) + 1;
    std::vector<std::string> parts;
    if (choice.chosen_by_person) parts.push_back("the person's choice");
    if (choice.continuity_carers > 0) {
      parts.push_back(fmt::format("{} of the person's current carers work here", choice.continuity_carers));
    }
    parts.push_back(fmt::format("adds {} of travel a week ({} at its day rate)", minutes_text(choice.extra_travel_minutes),
                                format_pounds(choice.extra_travel_cost)));
    parts.push_back(fmt::format("{} hours a week left after this package", hours_text(choice.capacity_minutes_left)));
    parts.push_back(choice.personal_budget_eligible ? "meets the grade gates for uplifts and the personal budget model"
                                                    : "meets the framework's admission grades");
    std::string text = parts.front();
    for (std::size_t part = 1; part < parts.size(); ++part) text += "; " + parts[part];
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    choice.explanation = text;
  }
  std::sort(ranking.not_offered.begin(), ranking.not_offered.end(),
            [](const ProviderChoice& a, const ProviderChoice& b) { return a.provider_name < b.provider_name; });
  if (ranking.offered.empty()) {
    // The reason of the providers that came closest: those that offer the service
    // and reach the area, else the first refusal.
    std::string reason = "no provider on the framework offers " + package.service + " in the " + package.area + " area";
    for (const ProviderChoice& choice : ranking.not_offered) {
      const CountyProvider* provider = county.provider(choice.provider_id);
      if (contains(provider->record.details.services, package.service) &&
          (package.area.empty() || contains(provider->record.details.areas, package.area))) {
        reason = fmt::format("nobody can take it ({}: {})", choice.provider_name, choice.explanation);
        break;
      }
    }
    ranking.unplaced = reason;
  }
  return ranking;
}

}  // namespace allot::app
