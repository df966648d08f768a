#include "allot/app/diary/demo_diary.h"

#include <fmt/format.h>

#include "allot/app/diary/diary_service.h"
#include "allot/app/diary/rules.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

Result<Principal> demo_principal(Transaction& tx, const std::string& username, Role role, const std::string& agency) {
  Result<Agency> found = tx.get<AgencyRepository>().find_by_code(agency);
  if (!found) return pass(found);
  Principal principal;
  principal.username = username;
  principal.roles = {role};
  principal.agency_id = found->id;
  principal.agency = agency;
  return principal;
}

DiaryEntryFields fields(DiaryKind kind, Date on, std::optional<int> start, std::optional<int> end, const char* place,
                        const char* title, const char* details) {
  return DiaryEntryFields{kind, on, start, end, place, title, details};
}

}  // namespace

Result<std::vector<DemoDiaryUser>> load_demo_diary(Transaction& tx, const Clock& clock, const std::string& password,
                                                   PasswordCost cost) {
  const Timestamp now = clock.now();
  const Date today(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)));
  const Date monday = week_start(today);
  Result<Agency> trust = tx.get<AgencyRepository>().find_by_code("demo-nhs");
  if (!trust) return pass(trust);
  Result<User> nurse = tx.get<UserRepository>().add(
      NewUserRecord{"nhs_nurse", "Demo NHS nurse", trust->id, {Role::kAssessor}, hash_password(password, cost)}, now);
  if (!nurse) return pass(nurse);

  PersonQuery query;
  query.agreed_budget_only = true;
  query.limit = 3;
  Result<PersonPage> people = tx.get<PersonRepository>().list(query);
  if (!people) return pass(people);

  auto council = demo_principal(tx, "assessor", Role::kAssessor, "demo-council");
  auto health = demo_principal(tx, "nhs_nurse", Role::kAssessor, "demo-nhs");
  auto provider = demo_principal(tx, "provider_user", Role::kProviderUser, "demo-care");
  if (!council) return pass(council);
  if (!health) return pass(health);
  if (!provider) return pass(provider);
  for (const PersonRecord& person : people->people) {
    auto add = [&](const Principal& by, const DiaryEntryFields& what, DiaryStatus status) {
      return DiaryService::add_in(tx, by, person.id, NewDiaryEntry{what, status}, now);
    };
    auto call = add(*council, fields(DiaryKind::kAppointment, monday.plus_days(1), 14 * 60, 14 * 60 + 30, "By phone",
                                     "Check-in call about the support plan", "Social worker calls to ask how the new visits are going"),
                    DiaryStatus::kPlanned);
    if (!call) return pass(call);
    auto nurse_visit = add(*health, fields(DiaryKind::kAppointment, monday.plus_days(2), 10 * 60, 10 * 60 + 30, "Home",
                                           "District nurse: leg dressing", "Dressing changed twice a week"),
                           DiaryStatus::kPlanned);
    if (!nurse_visit) return pass(nurse_visit);
    auto session = add(*provider, fields(DiaryKind::kEnablementSession, monday.plus_days(3), 11 * 60, 12 * 60, "Kitchen at home",
                                         "Enablement: making a hot drink safely", "Practising with the kettle tipper"),
                       DiaryStatus::kPlanned);
    if (!session) return pass(session);
    auto clinic = add(*health, fields(DiaryKind::kAppointment, monday.plus_days(4), 9 * 60 + 30, 10 * 60 + 15,
                                      "Royal Derby Hospital, outpatients", "Falls clinic", ""),
                      DiaryStatus::kPlanned);
    if (!clinic) return pass(clinic);
    auto moved_session = add(*provider, fields(DiaryKind::kEnablementSession, monday.plus_days(10), 11 * 60, 12 * 60,
                                               "Kitchen at home", "Enablement: making a hot drink safely",
                                               "Moved from last week; the occupational therapist joins"),
                             DiaryStatus::kPlanned);
    if (!moved_session) return pass(moved_session);
    // One entry moved by the trust and one cancelled by the provider, so history shows.
    DiaryEntryChange later;
    later.change_times = true;
    later.start_minute = 11 * 60;
    later.end_minute = 11 * 60 + 45;
    if (auto moved = DiaryService::change_in(tx, *health, person.id, clinic->id, 1, later, now); !moved) return pass(moved);
    if (auto cancelled = DiaryService::cancel_in(tx, *provider, person.id, session->id, 1,
                                                 "Moved to next week: the occupational therapist is on leave", now);
        !cancelled) {
      return pass(cancelled);
    }
  }
  return std::vector<DemoDiaryUser>{{"nhs_nurse", "assessor", "demo-nhs"}};
}

}  // namespace allot::app
