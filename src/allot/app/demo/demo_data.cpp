#include "allot/app/demo/demo_data.h"

#include "allot/app/access/demo_access.h"
#include "allot/app/budgets/demo_budgets.h"
#include "allot/app/casework/demo_casework.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/care_at_home/demo_providers.h"
#include "allot/app/community/demo_community.h"
#include "allot/app/identity/auth_service.h"
#include "allot/app/ras/demo_rulebooks.h"
#include "allot/app/ras/rulebook_service.h"
#include "allot/app/charging/demo_charging.h"
#include "allot/app/diary/demo_diary.h"
#include "allot/app/programmes/demo_programmes.h"

namespace allot::app {

namespace {

struct DemoAgency {
  const char* code;
  const char* name;
  AgencyKind kind;
};

// One agency of each kind, so sharing across agencies can be tried at once.
constexpr DemoAgency kDemoAgencies[] = {
    {"demo-council", "Demo City Council", AgencyKind::kCouncil},
    {"demo-nhs", "Demo NHS Foundation Trust", AgencyKind::kNhsTrust},
    {"demo-care", "Demo Care at Home Ltd", AgencyKind::kProvider},
    {"demo-carers", "Demo Carers Centre", AgencyKind::kThirdSector},
};

// Where each demo role works: providers' staff at the provider, health staff at
// the trust, everyone else at the council.
const char* agency_for(Role role) {
  switch (role) {
    case Role::kProviderUser: return "demo-care";
    case Role::kPanelMember: return "demo-nhs";
    default: return "demo-council";
  }
}

std::string display_name_for(Role role) {
  std::string name = role_name(role);
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return "Demo " + name;
}

}  // namespace

Result<DemoDataReport> load_demo_data(Store& store, const Clock& clock, const DemoDataInput& input) {
  // Every file is checked before anything is written, and every problem reported.
  Issues issues;
  std::vector<std::pair<RulebookHeader, const DemoRulebookFile*>> rulebooks;
  std::set<std::pair<std::string, int>> seen;
  for (const DemoRulebookFile& file : input.rulebooks) {
    Result<RulebookHeader> header = read_rulebook_header(file.document);
    if (!header) {
      for (Issue issue : header.error()) {
        issue.path = issue.path.empty() ? file.source : file.source + ": " + issue.path;
        issues.push_back(std::move(issue));
      }
      continue;
    }
    if (!seen.insert({header->id, header->version}).second) {
      issues.push_back({ErrorCode::kConflict, file.source,
                        fmt::format("rulebook \"{}\" version {} appears in two files", header->id, header->version)});
      continue;
    }
    rulebooks.emplace_back(*header, &file);
  }
  if (!issues.empty()) return fail(std::move(issues));

  DemoDataReport report;
  report.password = input.password.empty() ? random_token(12) : input.password;
  const Timestamp now = clock.now();
  const Actor system{"system", "demo-council"};

  Result<Unit> loaded = store.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    Result<std::vector<Agency>> agencies = tx.get<app::AgencyRepository>().list();
    if (!agencies) return tl::unexpected<Issues>(agencies.error());
    Result<std::int64_t> users = tx.get<app::UserRepository>().count();
    if (!users) return tl::unexpected<Issues>(users.error());
    Result<std::vector<RulebookVersion>> existing = tx.get<app::RulebookRepository>().list_versions();
    if (!existing) return tl::unexpected<Issues>(existing.error());
    if (!agencies->empty() || *users > 0 || !existing->empty()) return Unit{};

    std::map<std::string, Id> agency_ids;
    for (const DemoAgency& demo : kDemoAgencies) {
      Result<Agency> agency = tx.get<app::AgencyRepository>().add(NewAgency{demo.code, demo.name, demo.kind}, now);
      if (!agency) return tl::unexpected<Issues>(agency.error());
      agency_ids[demo.code] = agency->id;
    }
    for (Role role : all_roles()) {
      const std::string username = role_name(role);
      // Each user gets a hash of their own (its own salt), although the password
      // is shared, so one cracked hash does not reveal which others match.
      const std::string password_hash = hash_password(report.password, input.password_cost);
      Result<User> user = tx.get<app::UserRepository>().add(
          NewUserRecord{username, display_name_for(role), agency_ids.at(agency_for(role)), {role}, password_hash}, now);
      if (!user) return tl::unexpected<Issues>(user.error());
      report.accounts.push_back(DemoAccount{username, username, agency_for(role)});
    }
    for (const auto& [header, file] : rulebooks) {
      Result<Unit> published = tx.get<app::RulebookRepository>().publish(RulebookVersion{header.id, header.version, header.title,
                                                                      header.effective_from, file->document,
                                                                      system.username, now});
      if (!published) return published;
      report.rulebooks.push_back(fmt::format("{} v{}", header.id, header.version));
    }
    if (Result<int> governed = load_demo_rulebook_governance(tx, clock); !governed) {
      return tl::unexpected<Issues>(governed.error());
    }
    Result<DemoDataReport> journey = load_demo_journey(store, tx, clock, report);
    if (!journey) return tl::unexpected<Issues>(journey.error());
    report = *journey;
    if (auto budgets = load_demo_budgets(tx, clock); !budgets) return tl::unexpected<Issues>(budgets.error());
    if (Result<int> charging = load_demo_charging(tx, clock); !charging) return tl::unexpected<Issues>(charging.error());
    if (Result<Id> programme = load_demo_programmes(tx, clock); !programme) return tl::unexpected<Issues>(programme.error());
    if (Result<int> providers = load_demo_providers(tx, clock); !providers) return tl::unexpected<Issues>(providers.error());
    // Teams, caseloads and case notes are for the demo council's people.
    if (report.people > 0) {
      auto casework = load_demo_casework(store, tx, clock, report.password, input.password_cost);
      if (!casework) return tl::unexpected<Issues>(casework.error());
      for (const DemoCaseworkUser& user : *casework) {
        report.accounts.push_back(DemoAccount{user.username, user.role, "demo-council"});
      }
      auto diary = load_demo_diary(tx, clock, report.password, input.password_cost);
      if (!diary) return tl::unexpected<Issues>(diary.error());
      for (const DemoDiaryUser& user : *diary) report.accounts.push_back(DemoAccount{user.username, user.role, user.agency});
    }
    if (Result<int> community = load_demo_community(tx, clock); !community) return tl::unexpected<Issues>(community.error());
    if (report.people > 0) {
      if (Result<int> teams = load_demo_care_teams(tx, clock); !teams) return tl::unexpected<Issues>(teams.error());
    }
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{system, "load_demo_data", "database",
                      fmt::format("{} agencies, {} users, {} rulebooks, {} people, {} carers", std::size(kDemoAgencies),
                                  report.accounts.size(), report.rulebooks.size(), report.people, report.carers)},
        now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    report.loaded = true;
    return Unit{};
  });
  if (!loaded) return tl::unexpected<Issues>(loaded.error());
  if (!report.loaded) {
    report.password.clear();
  }
  return report;
}

}  // namespace allot::app
