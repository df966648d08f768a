#include "allot/app/access/demo_access.h"

#include <chrono>

#include "allot/app/access/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"

namespace allot::app {

Result<int> load_demo_care_teams(Transaction& tx, const Clock& clock) {
  const Timestamp now = clock.now();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  const Actor system{"system", "demo-council"};
  AccessRepository& access = tx.get<AccessRepository>();
  int added = 0;
  struct Joining {
    const char* agency;
    const char* selection;
    const char* team_role;
    const char* agreement;  // null for the council, which holds the records
  };
  static constexpr Joining kJoinings[] = {
      {"demo-council", "all", "lead_agency", nullptr},
      {"demo-nhs", "mental_health", "nhs_professional",
       "Information sharing agreement between Demo City Council and Demo NHS Foundation Trust (section 75)"},
      {"demo-care", "home_care", "provider", "Care at home framework: information sharing schedule"},
  };
  for (const Joining& joining : kJoinings) {
    Result<Agency> agency = tx.get<AgencyRepository>().find_by_code(joining.agency);
    if (!agency) return fail(agency.error());
    if (joining.agreement != nullptr) {
      Result<std::vector<SharingAgreement>> existing = access.agreements();
      if (!existing) return fail(existing.error());
      bool found = false;
      for (const SharingAgreement& agreement : *existing) found = found || agreement.agency_id == agency->id;
      if (!found) {
        auto agreed = access.add_agreement(agency->id, joining.agreement,
                                           "shared support plans, risks and the diary of people on joint care teams",
                                           today.plus_days(-365), std::nullopt, system, now);
        if (!agreed) return fail(agreed.error());
      }
    }
    Result<int> joined =
        access.add_agency_to_people(joining.selection, agency->id, joining.team_role, today.plus_days(-365), system, now);
    if (!joined) return fail(joined.error());
    added += *joined;
  }
  // The demo's own account: "person" sees the first person with an agreed budget.
  Result<UserCredentials> own = tx.get<UserRepository>().find_credentials("person");
  if (own) {
    PersonQuery query;
    query.agreed_budget_only = true;
    query.limit = 1;
    Result<PersonPage> first = tx.get<PersonRepository>().list(query);
    if (!first) return fail(first.error());
    if (!first->people.empty()) {
      if (auto linked = access.link_account(own->user.id, first->people.front().id, "self", system, now); !linked) {
        return fail(linked.error());
      }
    }
  }
  return added;
}

}  // namespace allot::app
