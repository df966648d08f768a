#include "allot/app/care_at_home/allocation_service.h"

#include <algorithm>
#include <map>

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/access/repositories.h"
#include "allot/app/care_at_home/package_names.h"
#include "allot/app/care_at_home/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/care_at_home/standing.h"
#include "allot/app/care_at_home/workforce_service.h"
#include "allot/app/casework/gazetteer.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

bool sees_everything(const Principal& by) {
  return by.has_role(Role::kCommissioner) || by.has_role(Role::kFinanceOfficer) || by.has_role(Role::kAnalyst);
}

// The providers whose records `by` may see: every one, or the one linked to
// their agency.
std::vector<ProviderRecord> in_scope(const Principal& by, const std::vector<ProviderRecord>& providers) {
  std::vector<ProviderRecord> seen;
  for (const ProviderRecord& provider : providers) {
    if (check_provider_scope(by, provider)) seen.push_back(provider);
  }
  return seen;
}

bool has_provider(const std::vector<ProviderRecord>& providers, Id id) {
  return std::any_of(providers.begin(), providers.end(), [&](const ProviderRecord& p) { return p.id == id; });
}

Result<Unit> audit(Transaction& tx, const Principal& by, std::string action, std::string subject, std::string detail,
                   Timestamp now) {
  auto audited = tx.get<AuditRepository>().append(NewAuditEntry{by.actor(), std::move(action), std::move(subject),
                                                                std::move(detail)},
                                                  now);
  if (!audited) return pass(audited);
  return Unit{};
}

std::string status_of(const std::vector<OfferRecord>& offers) {
  std::string status = "open";
  for (const OfferRecord& offer : offers) {
    if (offer.answer == "accepted") return "placed";
    if (offer.answer.empty()) status = "offered";
  }
  return status;
}

std::vector<OfferRecord> offers_for(const std::vector<OfferRecord>& offers, Id open_package_id) {
  std::vector<OfferRecord> found;
  for (const OfferRecord& offer : offers) {
    if (offer.open_package_id == open_package_id) found.push_back(offer);
  }
  return found;
}

// Where the package is in the county's travel model, or -1.
int place_of(County& county, const NewPackage& package) {
  return package.location ? county.places.add(*package.location) : -1;
}

std::string choice_json(const ProviderChoice& choice) {
  return nlohmann::json{{"rank", choice.rank},
                        {"extra_travel_minutes_per_week", std::llround(choice.extra_travel_minutes)},
                        {"extra_travel_weekly_pence", choice.extra_travel_cost.pence()},
                        {"capacity_hours_left", static_cast<double>(choice.capacity_minutes_left) / 60.0},
                        {"continuity_carers", choice.continuity_carers},
                        {"chosen_by_person", choice.chosen_by_person},
                        {"explanation", choice.explanation}}
      .dump();
}

// The person's Allot id when the package's reference is one (digits naming a
// person on record); none for a reference from another system.
std::optional<Id> allot_person(Transaction& tx, const std::string& reference) {
  if (reference.empty() || reference.size() > 18 || reference.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const Id id = std::stoll(reference);
  if (!tx.get<PersonRepository>().get(id)) return std::nullopt;
  return id;
}

// The provider that accepted a package joins the person's care team as
// "provider" (whole agency), so its users get what the care team rules give a
// provider. Nothing is added when the provider has no agency or the agency is a
// current member already; the membership is attributed to whoever accepted.
Result<std::string> join_care_team(Transaction& tx, const Principal& by, const ProviderRecord& provider,
                                   const std::string& reference, Timestamp now, const char* why = "offer accepted") {
  const std::optional<Id> person = allot_person(tx, reference);
  if (!person || provider.details.agency_code.empty()) return std::string();
  auto agency = tx.get<AgencyRepository>().find_by_code(provider.details.agency_code);
  if (!agency) return std::string();
  auto member = tx.get<AccessRepository>().is_member(*person, agency->id, std::nullopt, date_of(now));
  if (!member) return pass(member);
  if (*member) return std::string();
  auto added = tx.get<AccessRepository>().add_member(
      NewCareTeamMember{*person, agency->id, std::nullopt, "provider", date_of(now), std::nullopt}, by.actor(), now);
  if (!added) return pass(added);
  if (auto done = audit(tx, by, "care_team_add", fmt::format("person:{}", *person),
                        fmt::format("{} as provider ({})", agency->code, why), now);
      !done) {
    return pass(done);
  }
  return fmt::format("; {} joined the care team of person {}", agency->code, *person);
}

}  // namespace

Issues check_open_package(const NewPackage& package) {
  Issues issues = care_at_home::check_pattern(package.visits, package.nights);
  const auto& known = provider_services();
  if (std::find(known.begin(), known.end(), package.service) == known.end()) {
    issues.push_back({ErrorCode::kInvalidValue, "service",
                      fmt::format("expected one of care_at_home, housing_support, childrens_care_at_home, "
                                  "specialist_support, night_support; found \"{}\"",
                                  package.service)});
  }
  if (package.person_reference.empty() || package.person_reference.size() > 100) {
    issues.push_back({ErrorCode::kMissingField, "person_reference", "name the person (1 to 100 characters)"});
  }
  if (package.client_group.empty() || package.client_group.size() > 100) {
    issues.push_back({ErrorCode::kMissingField, "client_group", "name the client group (1 to 100 characters)"});
  }
  if (package.area.empty() || package.area.size() > 100) {
    issues.push_back({ErrorCode::kMissingField, "area", "name the area the person lives in (1 to 100 characters)"});
  }
  if (package.locality.size() > 100) issues.push_back({ErrorCode::kInvalidValue, "locality", "at most 100 characters"});
  if (package.visits.empty()) issues.push_back({ErrorCode::kMissingField, "visits", "a package needs at least one visit"});
  if (!package.location) {
    issues.push_back({ErrorCode::kMissingField, "location",
                      "give the latitude and longitude, or a person_reference whose address is in the gazetteer"});
  } else {
    for (Issue& issue : care_at_home::check_point(*package.location, "location")) issues.push_back(std::move(issue));
  }
  return issues;
}

Result<CurrentPackages> AllocationService::packages(const Principal& by, std::optional<Id> provider_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CurrentPackages> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.read"); !allowed) return pass(allowed);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    CurrentPackages out;
    out.providers = in_scope(by, *providers);
    if (provider_id && !has_provider(*providers, *provider_id)) {
      return fail(ErrorCode::kNotFound, "provider_id", fmt::format("there is no provider {}", *provider_id));
    }
    if (provider_id && !has_provider(out.providers, *provider_id)) {
      return fail(ErrorCode::kForbidden, "provider_id", "that provider is not your organisation's");
    }
    auto packages = tx.get<PackageRepository>().all();
    if (!packages) return pass(packages);
    PackageNames names(tx, store_, clock_, by);
    for (PackageRecord& package : *packages) {
      if (provider_id ? package.details.provider_id != *provider_id : !has_provider(out.providers, package.details.provider_id)) {
        continue;
      }
      names.hide_unless_visible(package.details);
      out.packages.push_back(std::move(package));
    }
    auto plans = tx.get<CostedPlanRepository>().all();
    if (!plans) return pass(plans);
    std::set<Id> listed;
    for (const PackageRecord& package : out.packages) listed.insert(package.id);
    for (const CostedPlanRecord& plan : *plans) {  // by package and version: the newest comes last
      if (!listed.contains(plan.package_id)) continue;
      CostedPlanSummary& summary = out.costed_plans[plan.package_id];
      summary.version = plan.version;
      summary.status = plan.decision.empty() ? "proposed" : plan.decision;
      if (plan.decision == "agreed") summary.in_force = plan.id;
    }
    if (auto done = audit(tx, by, "list_care_packages", provider_id ? fmt::format("provider:{}", *provider_id) : "providers",
                          fmt::format("{} packages", out.packages.size()), clock_.now());
        !done) {
      return pass(done);
    }
    return out;
  });
}

Result<std::vector<OpenPackageView>> AllocationService::open_packages(const Principal& by) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<OpenPackageView>> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.read"); !allowed) return pass(allowed);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    const std::vector<ProviderRecord> seen = in_scope(by, *providers);
    auto open = tx.get<OpenPackageRepository>().all();
    if (!open) return pass(open);
    auto offers = tx.get<OfferRepository>().all();
    if (!offers) return pass(offers);
    std::vector<OpenPackageView> views;
    PackageNames names(tx, store_, clock_, by);
    for (OpenPackageRecord& package : *open) {
      std::vector<OfferRecord> own = offers_for(*offers, package.id);
      const std::string status = status_of(own);
      if (!sees_everything(by)) {
        // A provider's users see the packages offered to their provider, and only those offers.
        std::erase_if(own, [&](const OfferRecord& offer) { return !has_provider(seen, offer.provider_id); });
        if (own.empty()) continue;
      }
      names.hide_unless_visible(package.details);
      views.push_back(OpenPackageView{std::move(package), status, std::move(own)});
    }
    if (auto done = audit(tx, by, "list_open_packages", "open_packages", fmt::format("{} open packages", views.size()),
                          clock_.now());
        !done) {
      return pass(done);
    }
    return views;
  });
}

Result<OpenPackageRecord> AllocationService::add_open_package(const Principal& by, const NewPackage& package,
                                                              const std::string& origin) {
  if (Issues issues = check_open_package(package); !issues.empty()) return fail(std::move(issues));
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<OpenPackageRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    if (package.chosen_provider_id != 0) {
      if (auto chosen = tx.get<ProviderRepository>().get(package.chosen_provider_id); !chosen) {
        return fail(ErrorCode::kUnknownReference, "chosen_provider_id",
                    fmt::format("there is no provider {}", package.chosen_provider_id));
      }
    }
    const Timestamp now = clock_.now();
    // A package for a person on record carries their name from the record.
    NewPackage named = package;
    if (named.person_name.empty()) named.person_name = name_on_record(tx, named.person_reference);
    auto added = tx.get<OpenPackageRepository>().add(named, by.actor(), now);
    if (!added) return pass(added);
    if (auto done = audit(tx, by, "add_open_package", fmt::format("open_package:{}", added->id),
                          fmt::format("{} for {} in {}{}", package.service, package.person_reference, package.area,
                                      origin.empty() ? "" : "; " + origin),
                          now);
        !done) {
      return pass(done);
    }
    PackageNames(tx, store_, clock_, by).hide_unless_visible(added->details);
    return added;
  });
}

Result<std::optional<care_at_home::GeoPoint>> AllocationService::person_location(const Principal& by,
                                                                                  const std::string& reference) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::optional<care_at_home::GeoPoint>> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    const std::optional<Id> person = allot_person(tx, reference);
    if (!person) return std::optional<care_at_home::GeoPoint>();
    auto found = Gazetteer::locate_in(tx, *person);
    if (!found) return pass(found);
    if (!*found) {
      // Not in the gazetteer: the coordinates on the person's record, if any.
      auto record = tx.get<PersonRepository>().get(*person);
      if (!record) return pass(record);
      const nlohmann::json details = nlohmann::json::parse(record->details, nullptr, false);
      if (!details.is_object() || !details.value("latitude", nlohmann::json()).is_number() ||
          !details.value("longitude", nlohmann::json()).is_number()) {
        return std::optional<care_at_home::GeoPoint>();
      }
      const auto latitude = care_at_home::parse_degrees(fmt::format("{:.6f}", details["latitude"].get<double>()));
      const auto longitude = care_at_home::parse_degrees(fmt::format("{:.6f}", details["longitude"].get<double>()));
      if (!latitude || !longitude) return std::optional<care_at_home::GeoPoint>();
      return std::optional<care_at_home::GeoPoint>(care_at_home::GeoPoint{*latitude, *longitude});
    }
    const auto latitude = care_at_home::parse_degrees((*found)->latitude);
    const auto longitude = care_at_home::parse_degrees((*found)->longitude);
    if (!latitude || !longitude) return std::optional<care_at_home::GeoPoint>();
    return std::optional<care_at_home::GeoPoint>(care_at_home::GeoPoint{*latitude, *longitude});
  });
}

Result<RankingOutcome> AllocationService::rank(const Principal& by, Id open_package_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<RankingOutcome> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    auto package = tx.get<OpenPackageRepository>().get(open_package_id);
    if (!package) return pass(package);
    auto county = load_county(tx, rules_, date_of(clock_.now()));
    if (!county) return pass(county);
    RankingOutcome outcome{*package, rank_providers(**county, package->details, place_of(**county, package->details), package->id)};
    if (auto done = audit(tx, by, "rank_providers", fmt::format("open_package:{}", package->id),
                          fmt::format("{} offered, {} not", outcome.ranking.offered.size(), outcome.ranking.not_offered.size()),
                          clock_.now());
        !done) {
      return pass(done);
    }
    PackageNames(tx, store_, clock_, by).hide_unless_visible(outcome.package.details);
    return outcome;
  });
}

Result<OfferRecord> AllocationService::offer(const Principal& by, Id open_package_id, Id provider_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<OfferRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    auto package = tx.get<OpenPackageRepository>().get(open_package_id);
    if (!package) return pass(package);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) {
      return fail(ErrorCode::kUnknownReference, "provider_id", fmt::format("there is no provider {}", provider_id));
    }
    auto county = load_county(tx, rules_, date_of(clock_.now()));
    if (!county) return pass(county);
    const std::string status = status_of(offers_for((*county)->offers, open_package_id));
    if (status != "open") {
      return fail(ErrorCode::kConflict, "open_package",
                  status == "placed" ? "the package has been placed already"
                                     : "the package is offered already: wait for the provider's answer");
    }
    const Ranking ranking = rank_providers(**county, package->details, place_of(**county, package->details), package->id);
    const auto chosen = std::find_if(ranking.offered.begin(), ranking.offered.end(),
                                     [&](const ProviderChoice& choice) { return choice.provider_id == provider_id; });
    if (chosen == ranking.offered.end()) {
      std::string why = "it is not ranked for this package";
      for (const ProviderChoice& choice : ranking.not_offered) {
        if (choice.provider_id == provider_id) why = choice.explanation;
      }
      return fail(ErrorCode::kConflict, "provider_id",
                  fmt::format("{} cannot be offered this package: {}", provider->details.name, why));
    }
    const Timestamp now = clock_.now();
    auto made = tx.get<OfferRepository>().add(open_package_id, provider_id, choice_json(*chosen), by.actor(), now);
    if (!made) return pass(made);
    if (auto done = audit(tx, by, "offer_package", fmt::format("open_package:{}", open_package_id),
                          fmt::format("offered to {} (rank {})", provider->details.name, chosen->rank), now);
        !done) {
      return pass(done);
    }
    return made;
  });
}

Result<std::vector<OfferRecord>> AllocationService::offers(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<OfferRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.read"); !allowed) return pass(allowed);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    const std::vector<ProviderRecord> seen = in_scope(by, *providers);
    auto all = tx.get<OfferRepository>().all();
    if (!all) return pass(all);
    std::erase_if(*all, [&](const OfferRecord& offer) { return !has_provider(seen, offer.provider_id); });
    return all;
  });
}

Result<OfferRecord> AllocationService::answer(const Principal& by, Id offer_id, bool accept, const std::string& reason) {
  if (!accept && reason.find_first_not_of(" \t") == std::string::npos) {
    return fail(ErrorCode::kMissingField, "reason", "say why the offer is declined");
  }
  if (reason.size() > 1000) return fail(ErrorCode::kInvalidValue, "reason", "a reason is at most 1,000 characters");
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<OfferRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.answer"); !allowed) return pass(allowed);
    auto offer = tx.get<OfferRepository>().get(offer_id);
    if (!offer) return pass(offer);
    auto provider = tx.get<ProviderRepository>().get(offer->provider_id);
    if (!provider) return pass(provider);
    if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
    if (!offer->answer.empty()) {
      return fail(ErrorCode::kConflict, "offer", fmt::format("the offer was {} already", offer->answer));
    }
    const Timestamp now = clock_.now();
    Id package_id = 0;
    std::string joined;
    if (accept) {
      auto open = tx.get<OpenPackageRepository>().get(offer->open_package_id);
      if (!open) return pass(open);
      auto county = load_county(tx, rules_, date_of(now));
      if (!county) return pass(county);
      NewPackage package = open->details;
      package.provider_id = provider->id;
      package.open_package_id = open->id;
      // The visits go to the carers where they add least travel now.
      CountyProvider* own = (*county)->provider(provider->id);
      if (own != nullptr && package.location) {
        const care_at_home::Fit fit = own->week->fit((*county)->places.add(*package.location), package.visits);
        if (fit.fits) {
          for (const std::vector<int>& visit : fit.carers) {
            std::vector<Id> ids;
            for (int carer : visit) ids.push_back(own->carers[static_cast<std::size_t>(carer)].id);
            package.visit_carers.push_back(std::move(ids));
          }
        }
      }
      const bool off_framework = own == nullptr || !own->standing.admitted;
      auto added = tx.get<PackageRepository>().add(package, off_framework, by.actor(), now);
      if (!added) return pass(added);
      package_id = added->id;
      auto team = join_care_team(tx, by, *provider, package.person_reference, now);
      if (!team) return pass(team);
      joined = *team;
    }
    auto answered = tx.get<OfferRepository>().answer(offer_id, accept ? "accepted" : "declined", reason, package_id,
                                                     by.actor(), now);
    if (!answered) return pass(answered);
    if (auto done = audit(tx, by, accept ? "accept_offer" : "decline_offer", fmt::format("offer:{}", offer_id),
                          accept ? fmt::format("package {} added{}", package_id, joined) : reason, now);
        !done) {
      return pass(done);
    }
    return answered;
  });
}

Result<std::vector<AppliedMove>> AllocationService::apply_replan(const Principal& by, const std::string& replan,
                                                                const std::vector<ProposedMove>& moves) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<AppliedMove>> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.offer"); !allowed) return pass(allowed);
    const Timestamp now = clock_.now();
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    std::map<Id, const ProviderRecord*> provider_of;
    for (const ProviderRecord& provider : *providers) provider_of[provider.id] = &provider;
    // Every package changed since the proposal is named before anything moves.
    Issues stale;
    for (std::size_t index = 0; index < moves.size(); ++index) {
      const ProposedMove& move = moves[index];
      const std::string path = move.path.empty() ? fmt::format("changes[{}]", index) : move.path;
      auto package = tx.get<PackageRepository>().get(move.package_id);
      if (!package) {
        stale.push_back({ErrorCode::kConflict, path, fmt::format("package {} is no longer kept", move.package_id)});
        continue;
      }
      if (!provider_of.contains(move.to_provider_id)) {
        stale.push_back({ErrorCode::kConflict, path, fmt::format("provider {} is no longer kept", move.to_provider_id)});
        continue;
      }
      if (package->details.provider_id != move.from_provider_id) {
        const auto now_with = provider_of.find(package->details.provider_id);
        const auto then_with = provider_of.find(move.from_provider_id);
        stale.push_back(
            {ErrorCode::kConflict, path,
             fmt::format("package {} ({}) is now with {}, not {} as when the re-plan was made", move.package_id,
                         package->details.person_reference,
                         now_with == provider_of.end() ? "another provider" : now_with->second->details.name,
                         then_with == provider_of.end() ? "the provider it had" : then_with->second->details.name)});
      }
    }
    if (!stale.empty()) return fail(std::move(stale));
    auto county = load_county(tx, rules_, date_of(now));
    if (!county) return pass(county);
    std::map<Id, std::size_t> index_of;
    for (std::size_t index = 0; index < (*county)->packages.size(); ++index) index_of[(*county)->packages[index].id] = index;
    std::vector<AppliedMove> applied;
    PackageNames names(tx, store_, clock_, by);
    for (const ProposedMove& move : moves) {
      const std::size_t index = index_of.at(move.package_id);
      const PackageRecord& package = (*county)->packages[index];
      const int place = (*county)->package_place[index];
      // Out of the old provider's week, into the new one's where it adds least travel.
      if (CountyProvider* from = (*county)->provider(move.from_provider_id); from != nullptr) from->week->remove(package.id);
      std::vector<std::vector<Id>> visit_carers;
      CountyProvider* to = (*county)->provider(move.to_provider_id);
      if (to != nullptr && place >= 0) {
        const care_at_home::Fit fit = to->week->fit(place, package.details.visits);
        if (fit.fits) {
          to->week->add(package.id, place, package.details.visits, fit);
          for (const std::vector<int>& visit : fit.carers) {
            std::vector<Id> ids;
            for (int carer : visit) ids.push_back(to->carers[static_cast<std::size_t>(carer)].id);
            visit_carers.push_back(std::move(ids));
          }
        }
      }
      auto changed = tx.get<PackageRepository>().change_provider(package.id, move.from_provider_id, move.to_provider_id,
                                                                 visit_carers, replan, by.actor(), now);
      if (!changed) return pass(changed);
      auto team = join_care_team(tx, by, *provider_of.at(move.to_provider_id), package.details.person_reference, now,
                                 "re-plan applied");
      if (!team) return pass(team);
      auto now_package = tx.get<PackageRepository>().get(package.id);
      if (!now_package) return pass(now_package);
      names.hide_unless_visible(now_package->details);
      applied.push_back(AppliedMove{*changed, *now_package, !visit_carers.empty(), *team});
    }
    if (auto done = audit(tx, by, "apply_replan", "replan:" + replan, fmt::format("{} packages moved", applied.size()), now);
        !done) {
      return pass(done);
    }
    return applied;
  });
}

Result<std::vector<ProviderChangeRecord>> AllocationService::provider_changes(const Principal& by, Id package_id) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<ProviderChangeRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "allocation.read"); !allowed) return pass(allowed);
    auto package = tx.get<PackageRepository>().get(package_id);
    if (!package) return pass(package);
    auto changes = tx.get<PackageRepository>().provider_changes(package_id);
    if (!changes) return pass(changes);
    auto providers = tx.get<ProviderRepository>().list();
    if (!providers) return pass(providers);
    const std::vector<ProviderRecord> seen = in_scope(by, *providers);
    bool theirs = has_provider(seen, package->details.provider_id);
    for (const ProviderChangeRecord& change : *changes) theirs = theirs || has_provider(seen, change.from_provider_id);
    if (!theirs) return fail(ErrorCode::kForbidden, "package", "that package is not your organisation's");
    if (auto done = audit(tx, by, "read_package_providers", fmt::format("package:{}", package_id),
                          fmt::format("{} changes", changes->size()), clock_.now());
        !done) {
      return pass(done);
    }
    return changes;
  });
}

}  // namespace allot::app
