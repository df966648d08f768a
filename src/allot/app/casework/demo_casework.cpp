#include "allot/app/casework/demo_casework.h"

#include <map>

#include <fmt/format.h>

#include "allot/app/casework/case_notes.h"
#include "allot/app/casework/caseload.h"
#include "allot/app/casework/gazetteer.h"
#include "allot/app/casework/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/journey_service.h"
#include "allot/app/journey/repositories.h"
#include "allot/journey_io/requests.h"

namespace allot::app {

std::string_view embedded_demo_gazetteer();  // generated from data/addresses/demo-gazetteer.csv

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

struct DemoTeam {
  const char* name;
  const char* locality;
  std::vector<TeamMember> members;
};

// The demo journey's people name these teams (app/journey/demo_journey.cpp). The
// demo journey's assessor opened every case, so North keeps its cases with
// them until a manager moves some; the other teams' cases are allocated to
// their own workers.
const std::vector<DemoTeam>& demo_teams() {
  static const std::vector<DemoTeam> kTeams = {
      {"North adults team", "North", {{"assessor", false}, {"assessor_north", false}, {"team_manager", true}}},
      {"South adults team", "South", {{"assessor_south", false}, {"team_manager", true}}},
      {"East adults team", "East", {{"assessor_east", false}, {"team_manager_east", true}}},
      {"West adults team", "West", {{"assessor_west", false}, {"team_manager_east", true}}},
      // Carers' records name the carers team (their assessments are the council's, across the city).
      {"Carers team", "All", {{"assessor", false}, {"team_manager", true}}},
  };
  return kTeams;
}

Principal demo_staff(std::string username, Role role) {
  Principal principal;
  principal.username = std::move(username);
  principal.agency = "demo-council";
  principal.roles = {role};
  return principal;
}

// Carers' budgets through the journey's own steps, each dated as it would have
// happened: a plan a week after the full assessment, sign-off a week later.
// Those signed off long enough ago have a review due (or overdue) today.
Result<Unit> sign_off_carers_budgets(Store& store, Transaction& tx, Timestamp now) {
  PersonQuery query;
  query.carers_only = true;
  query.limit = 10000;
  Result<PersonPage> page = tx.get<PersonRepository>().list(query);
  if (!page) return pass(page);
  FixedClock demo_clock(now);
  JourneyService service(store, demo_clock);
  const Principal assessor = demo_staff("assessor", Role::kAssessor);
  const Principal manager = demo_staff("team_manager", Role::kTeamManager);
  auto step = [&](const Principal& by, Id id, std::string_view name, const nlohmann::json& body) -> Result<Unit> {
    auto command = journey_io::read_step(name, body, builtin_code_lists());
    if (!command) return fail(command.error());
    auto taken = service.steps().take(by, id, *command);
    if (!taken) return fail(taken.error());
    return Unit{};
  };
  return service.within(tx, [&]() -> Result<Unit> {
    for (const PersonRecord& record : page->people) {
      Result<journey::Person> carer = JourneyCore::person_of(record);
      if (!carer) return pass(carer);
      const journey::CaseState& state = carer->state;
      if (state.stage != journey::Stage::kSupportPlanning || !state.indicative_budget || !state.carer ||
          !state.carer->full_assessment) {
        continue;
      }
      const Timestamp assessed = state.carer->full_assessment->at;
      const Timestamp decided = assessed + std::chrono::days(14);
      if (decided >= now) continue;  // still being planned: a task on the caseload
      const std::int64_t weekly = state.indicative_budget->annual.pence() / 52;
      demo_clock.set(assessed + std::chrono::days(7));
      auto planned = step(assessor, carer->id, "save_plan",
                          {{"expected_version", 0},
                           {"outcomes", {"A regular break from caring"}},
                           {"lines",
                            {{{"description", "Breaks from caring (a direct payment)"},
                              {"service_component", "other_long_term_support"},
                              {"unit", "week"},
                              {"unit_cost_pence", weekly},
                              {"units_per_week", 1},
                              {"delivery", "direct_payment"},
                              {"nhs_percent", 0}}}}});
      if (!planned) return planned;
      if (auto submitted = step(assessor, carer->id, "submit_plan", {{"version", 1}}); !submitted) return submitted;
      demo_clock.set(decided);
      const std::string start = Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(decided))).to_string();
      if (auto done = step(manager, carer->id, "decide",
                           {{"outcome", "approve"},
                            {"start", start},
                            {"reason", "A weekly break from caring, as the carer's assessment found"}});
          !done) {
        return done;
      }
    }
    return Unit{};
  });
}

}  // namespace

Result<std::vector<DemoCaseworkUser>> load_demo_casework(Store& store, Transaction& tx, const Clock& clock,
                                                         const std::string& password, PasswordCost cost) {
  const Timestamp now = clock.now();
  if (auto carers = sign_off_carers_budgets(store, tx, now); !carers) return pass(carers);
  Result<Agency> council = tx.get<AgencyRepository>().find_by_code("demo-council");
  if (!council) return pass(council);
  std::vector<DemoCaseworkUser> users;
  const std::pair<const char*, Role> kUsers[] = {{"assessor_north", Role::kAssessor},
                                                 {"assessor_south", Role::kAssessor},
                                                 {"assessor_east", Role::kAssessor},
                                                 {"assessor_west", Role::kAssessor},
                                                 {"team_manager_east", Role::kTeamManager}};
  for (const auto& [username, role] : kUsers) {
    Result<User> user = tx.get<UserRepository>().add(
        NewUserRecord{username, fmt::format("Demo {}", username), council->id, {role}, hash_password(password, cost)},
        now);
    if (!user) return pass(user);
    users.push_back({username, role_name(role)});
  }
  for (const DemoTeam& demo : demo_teams()) {
    Result<Team> team = CaseloadService::add_team(tx, Team{0, demo.name, demo.locality, demo.members}, now);
    if (!team) return pass(team);
  }

  // Every open case in South, East and West goes to the team's worker; every
  // fifth open case in North moves to the second North worker; carers stay with
  // the carers team's worker who made their records.
  PersonQuery query;
  query.limit = 10000;
  Result<PersonPage> page = tx.get<PersonRepository>().list(query);
  if (!page) return pass(page);
  const Principal north_manager = demo_staff("team_manager", Role::kTeamManager);
  const Principal east_manager = demo_staff("team_manager_east", Role::kTeamManager);
  const std::map<std::string, std::pair<const char*, const Principal*>> kWorkers = {
      {"South adults team", {"assessor_south", &north_manager}},
      {"East adults team", {"assessor_east", &east_manager}},
      {"West adults team", {"assessor_west", &east_manager}}};
  int north_seen = 0;
  std::vector<Id> noted;
  for (const PersonRecord& record : page->people) {
    const std::string& stage = record.index.stage;
    if (stage.empty() || stage == "closed") continue;
    std::optional<ReallocateCommand> command;
    const Principal* by = nullptr;
    if (const auto found = kWorkers.find(record.index.team); found != kWorkers.end()) {
      command = ReallocateCommand{found->second.first, "Allocated to the locality team's worker"};
      by = found->second.second;
    } else if (record.index.team == "North adults team" && ++north_seen % 5 == 0) {
      command = ReallocateCommand{"assessor_north", "Balancing the team's caseloads"};
      by = &north_manager;
    }
    if (command) {
      Result<Allocation> allocated = CaseloadService::reallocate_in(tx, *by, record.id, *command, now);
      if (!allocated) return pass(allocated);
    }
    if (noted.size() < 3 && (stage == "support_planning" || stage == "active")) noted.push_back(record.id);
  }

  // Case notes, one corrected.
  const Principal assessor = demo_staff("assessor", Role::kAssessor);
  const char* kNotes[] = {
      "Phoned to arrange the home visit; daughter will be there on Tuesday afternoon.",
      "Home visit done. Prefers support in the mornings; a direct payment was discussed and is wanted.",
      "Spoke with the GP surgery about the medication review; they will write to us."};
  for (std::size_t index = 0; index < noted.size(); ++index) {
    Result<CaseNote> note = CaseNotes::write_in(tx, assessor, noted[index], {kNotes[index], std::nullopt}, now);
    if (!note) return pass(note);
    if (index == 0) {
      Result<CaseNote> correction = CaseNotes::write_in(
          tx, assessor, noted[index],
          {"Correction: the visit is on Wednesday afternoon, not Tuesday; the daughter will be there.", note->id}, now);
      if (!correction) return pass(correction);
    }
  }

  Result<GazetteerImport> gazetteer =
      Gazetteer::import_in(tx, Actor{"administrator", "demo-council"}, now, embedded_demo_gazetteer(), "demo-gazetteer.csv");
  if (!gazetteer) return pass(gazetteer);
  return users;
}

}  // namespace allot::app
