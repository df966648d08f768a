// Demo people for `allot serve --demo`: a council's caseload across client groups,
// localities and every stage of the journey, generated in code from a fixed seed
// and taken through the same use cases as real cases, by named demo staff with
// their roles, each request read as the API reads it, so every record, event,
// plan version and budget is one the application itself could have made.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "allot/app/demo/demo_data.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/journey/journey_service.h"
#include "allot/journey_io/requests.h"

namespace allot::app {
namespace {

using Json = nlohmann::json;

// A small deterministic generator (the same numbers on every platform, unlike
// the standard distributions).
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

 private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 24> kGivenNames = {
    "Margaret", "John",   "Patricia", "David",  "Susan",  "Peter",  "Jean",    "Michael",
    "Amrit",    "Gurdev", "Aisha",    "Tariq",  "Olivia", "Liam",   "Chloe",   "Daniel",
    "Irene",    "Stanley", "Joan",    "Harold", "Priya",  "Kwame",  "Agnieszka", "Tomasz"};
constexpr std::array<const char*, 24> kFamilyNames = {
    "Smith", "Patel",   "Jones",  "Khan",    "Williams", "Taylor", "Brown",  "Singh",
    "Evans", "Wilson",  "Thomas", "Roberts", "Walker",   "Wright", "Hughes", "Green",
    "Hall",  "Ahmed",   "Clarke", "Kowalski", "Mensah",  "Turner", "Begum",  "Cooper"};
// The letters a postcode's inward code uses (never C, I, K, M, O or V).
constexpr const char* kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
constexpr std::array<const char*, 12> kStreets = {
    "Osmaston Road", "Normanton Road", "Kedleston Road", "Burton Road", "Duffield Road", "Ashbourne Road",
    "Nottingham Road", "London Road", "Uttoxeter Road", "Station Road", "Church Street", "Victoria Street"};

struct Locality {
  const char* name;
  const char* team;
  const char* postcode_district;
  double latitude;
  double longitude;
};
constexpr std::array<Locality, 4> kLocalities = {{
    {"North", "North adults team", "DE22", 52.9400, -1.4900},
    {"South", "South adults team", "DE23", 52.8950, -1.4850},
    {"East", "East adults team", "DE21", 52.9250, -1.4300},
    {"West", "West adults team", "DE3", 52.9150, -1.5300},
}};

struct ClientGroup {
  const char* client_group;
  const char* primary_support_reason;
  int weight;      // share of the caseload
  int min_age;
  int max_age;
};
constexpr std::array<ClientGroup, 6> kClientGroups = {{
    {"older_people", "physical_support_personal_care_support", 45, 66, 98},
    {"physical_disability", "physical_support_access_mobility_only", 15, 20, 64},
    {"learning_disability", "learning_disability_support", 14, 18, 70},
    {"mental_health", "mental_health_support", 12, 18, 80},
    {"sensory_impairment", "sensory_support_support_for_visual_impairment", 7, 25, 90},
    {"older_people", "support_with_memory_cognition", 7, 70, 98},
}};

constexpr std::array<const char*, 8> kRoutes = {
    "community_other_route", "discharge_from_hospital", "community_other_route", "diversion_from_hospital_services",
    "planned_entry_transition", "discharge_from_reablement", "self_funder", "transfer_from_other_la"};
constexpr std::array<const char*, 5> kRequesters = {"self", "family", "gp", "hospital", "other"};
constexpr std::array<const char*, 4> kAccommodation = {"owner_occupier_or_shared_ownership", "tenant",
                                                       "settled_mainstream_housing_with_family_friends",
                                                       "sheltered_extra_care_housing"};

// Where each demo case stands today.
enum class Target {
  kContact,
  kSignposted,
  kEnablement,
  kAwaitingAssessment,
  kSupportPlanning,
  kAwaitingTeamManager,
  kAwaitingPanel,
  kActive,
  kActiveReviewed,
  kEquipment,
  kEnded,
};

Target target_for(int roll) {
  if (roll < 7) return Target::kContact;
  if (roll < 11) return Target::kSignposted;
  if (roll < 18) return Target::kEnablement;
  if (roll < 23) return Target::kAwaitingAssessment;
  if (roll < 32) return Target::kSupportPlanning;
  if (roll < 36) return Target::kAwaitingTeamManager;
  if (roll < 44) return Target::kAwaitingPanel;
  if (roll < 70) return Target::kActive;
  if (roll < 88) return Target::kActiveReviewed;
  if (roll < 92) return Target::kEquipment;
  return Target::kEnded;
}

// An NHS number that passes its check digit, in the 999 range kept for tests
// and demonstrations.
std::string demo_nhs_number(DemoRandom& random) {
  while (true) {
    std::string digits = "999";
    for (int digit_idx = 0; digit_idx < 6; ++digit_idx) digits += static_cast<char>('0' + random.below(10));
    int sum = 0;
    for (int digit_idx = 0; digit_idx < 9; ++digit_idx) sum += (digits[digit_idx] - '0') * (10 - digit_idx);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    return digits + static_cast<char>('0' + check);
  }
}

struct Question {
  std::string id;
  std::vector<std::string> answers;
};

std::vector<Question> questions_of(const RulebookVersion& rulebook) {
  std::vector<Question> questions;
  const Json document = Json::parse(rulebook.document);
  for (const Json& question : document["questions"]) {
    Question parsed{question["id"].get<std::string>(), {}};
    for (const Json& answer : question["answers"]) parsed.answers.push_back(answer["id"].get<std::string>());
    questions.push_back(std::move(parsed));
  }
  return questions;
}

// Answers leaning towards higher needs for higher `need` (0..3).
Json demo_answers(const std::vector<Question>& questions, DemoRandom& random, int need) {
  Json answers = Json::object();
  for (const Question& question : questions) {
    const int levels = static_cast<int>(question.answers.size());
    int level = (need * (levels - 1) + random.below(3) - 1) / 3;
    level = std::max(0, std::min(levels - 1, level));
    answers[question.id] = question.answers[static_cast<std::size_t>(level)];
  }
  return answers;
}

Json care_act_eligibility(bool eligible) {
  Json outcomes = {{"personal_hygiene", {"cannot_without_assistance"}}, {"nutrition", {"takes_significantly_longer"}}};
  if (!eligible) outcomes = {{"habitable_home", {"takes_significantly_longer"}}};
  return {{"framework", "care_act"},
          {"needs_from_impairment_or_illness", true},
          {"outcomes", outcomes},
          {"significant_impact_on_wellbeing", eligible}};
}

// A costed plan near the indicative budget: home support, a day activity, unpaid
// and community support at no cost, and sometimes NHS-funded nursing support.
Json demo_plan(std::int64_t indicative_weekly, DemoRandom& random, bool nhs_line, int expected_version) {
  Json lines = Json::array();
  const std::int64_t hourly = 1850;
  const std::int64_t home_hours = std::max<std::int64_t>(2, (indicative_weekly * (70 + random.below(40)) / 100) / hourly);
  const char* delivery = random.chance(30) ? "direct_payment" : (random.chance(20) ? "individual_service_fund" : "council_arranged");
  lines.push_back({{"description", "Help at home with personal care"},
                   {"service_component", "home_support"},
                   {"unit", "hour"},
                   {"unit_cost_pence", hourly},
                   {"units_per_week", home_hours},
                   {"delivery", delivery},
                   {"nhs_percent", 0}});
  if (random.chance(50)) {
    lines.push_back({{"description", "Day activity with friends"},
                     {"service_component", "day_support"},
                     {"unit", "day"},
                     {"unit_cost_pence", 4200},
                     {"units_per_week", 1},
                     {"delivery", random.chance(50) ? "direct_payment" : "council_arranged"},
                     {"nhs_percent", 0}});
  }
  lines.push_back({{"description", "Family help with shopping and meals (unpaid)"},
                   {"service_component", "other_long_term_support"},
                   {"unit", "week"},
                   {"unit_cost_pence", 0},
                   {"units_per_week", 1},
                   {"delivery", "council_arranged"},
                   {"nhs_percent", 0}});
  if (nhs_line) {
    lines.push_back({{"description", "Community nursing support with medication"},
                     {"service_component", "professional_support"},
                     {"unit", "hour"},
                     {"unit_cost_pence", 2200},
                     {"units_per_week", 2},
                     {"delivery", "council_arranged"},
                     {"nhs_percent", 100}});
  }
  return {{"expected_version", expected_version},
          {"outcomes", {"To stay living in my own home", "To get out and see people I know"}},
          {"lines", lines}};
}

// The most whole quarter hours at `hourly` pence that fit in `weekly` pence, as
// decimal text ("5.75").
std::string quarter_hours(std::int64_t weekly, std::int64_t hourly) {
  const std::int64_t quarters = std::max<std::int64_t>(1, weekly * 4 / hourly);
  return fmt::format("{}.{:02}", quarters / 4, quarters % 4 * 25);
}

class DemoJourney {
 public:
  DemoJourney(JourneyService& service, FixedClock& clock, Timestamp now)
      : service_(service), clock_(clock), now_(now), random_(0x5eed'a110'7de3'0001ULL) {}

  Result<DemoDataReport> run(const std::vector<Question>& adult_questions, const std::vector<Question>& carer_questions,
                             DemoDataReport report) {
    const Principal assessor = staff("assessor", "demo-council", Role::kAssessor);
    const Principal manager = staff("team_manager", "demo-council", Role::kTeamManager);
    const Principal panel = staff("panel_member", "demo-nhs", Role::kPanelMember);
    // The carers' centre completes some first-stage assessments.
    const Principal carers_centre = staff("assessor", "demo-carers", Role::kAssessor);
    struct PanelCase {
      Id person_id;
      int plan_version;
      std::int64_t indicative;
      int days_ago;
    };
    std::vector<PanelCase> panel_cases;
    std::vector<std::pair<Id, bool>> with_carers;  // person, referred-for-full-assessment leaning
    constexpr int kPeople = 320;
    for (int person_idx = 0; person_idx < kPeople; ++person_idx) {
      const Target target = target_for(random_.below(100));
      int weight_roll = random_.below(100);
      const ClientGroup* group = &kClientGroups[0];
      for (const ClientGroup& candidate : kClientGroups) {
        if (weight_roll < candidate.weight) {
          group = &candidate;
          break;
        }
        weight_roll -= candidate.weight;
      }
      const Locality& locality = random_.pick(kLocalities);
      // Older cases started longer ago, so they have reached further.
      int days_ago = 3 + random_.below(10);
      switch (target) {
        case Target::kEnablement: days_ago = 8 + random_.below(25); break;
        case Target::kAwaitingAssessment:
        case Target::kSupportPlanning: days_ago = 40 + random_.below(30); break;
        case Target::kAwaitingTeamManager:
        case Target::kAwaitingPanel: days_ago = 50 + random_.below(40); break;
        case Target::kActive: days_ago = 80 + random_.below(150); break;
        case Target::kActiveReviewed: days_ago = 180 + random_.below(300); break;
        case Target::kEquipment: days_ago = 20 + random_.below(200); break;
        case Target::kEnded: days_ago = 200 + random_.below(200); break;
        default: break;
      }
      at_days_ago(days_ago + 2);
      const int age = group->min_age + random_.below(group->max_age - group->min_age + 1);
      const Date today = today_date();
      const Date born = Date::parse(fmt::format("{:04}-{:02}-{:02}", today.year() - age - 1, 1 + random_.below(12),
                                                1 + random_.below(28)))
                            .value();
      const bool has_carer = random_.chance(group->client_group == std::string("older_people") ? 45 : 30);
      Json details = {{"given_name", random_.pick(kGivenNames)},
                      {"family_name", random_.pick(kFamilyNames)},
                      {"date_of_birth", born.to_string()},
                      {"nhs_number", demo_nhs_number(random_)},
                      {"address", fmt::format("{} {}, Derby", 1 + random_.below(240), random_.pick(kStreets))},
                      {"postcode", fmt::format("{} {}{}{}", locality.postcode_district, 1 + random_.below(9),
                                               kInwardLetters[static_cast<std::size_t>(random_.below(20))],
                                               kInwardLetters[static_cast<std::size_t>(random_.below(20))])},
                      {"latitude", locality.latitude + (random_.below(400) - 200) / 10000.0},
                      {"longitude", locality.longitude + (random_.below(400) - 200) / 10000.0},
                      {"primary_support_reason", group->primary_support_reason},
                      {"client_group", group->client_group},
                      {"has_unpaid_carer", has_carer},
                      {"accommodation_status", random_.pick(kAccommodation)},
                      {"employment_status", age >= 66 ? "not_in_paid_employment_not_seeking_work_or_retired"
                                                      : "not_in_paid_employment_seeking_work"},
                      {"locality", locality.name},
                      {"team", locality.team}};
      Result<journey::Person> person = service_.people().create(assessor, journey_io::read_person_details(details));
      if (!person) return tl::unexpected<Issues>(person.error());
      const Id id = person->id;
      if (has_carer) with_carers.emplace_back(id, random_.chance(60));

      at_days_ago(days_ago);
      const bool joint = random_.chance(25);
      if (auto done = step_contact(assessor, id, joint); !done) return fail(done.error());
      if (target == Target::kContact) continue;
      if (target == Target::kSignposted) {
        if (auto done = step(assessor, id, "screen", {{"outcome", random_.chance(50) ? "information_and_advice" : "signposting"},
                                                     {"reason", "Information about local groups met the need"}});
            !done) {
          return fail(done.error());
        }
        continue;
      }
      const bool via_enablement = target == Target::kEnablement || random_.chance(40);
      at_days_ago(days_ago - 1);
      if (via_enablement) {
        if (auto done = step(assessor, id, "screen", {{"outcome", "enablement"}, {"joint", joint}, {"reason", "Short-term enablement first"}}); !done) {
          return fail(done.error());
        }
        if (target == Target::kEnablement) continue;
        at_days_ago(std::max(1, days_ago - 30));
        if (auto done = step(assessor, id, "end_enablement",
                             {{"outcome", random_.chance(30) ? "reduced_need" : "ongoing_support"},
                              {"reason", "Needs remain after enablement"}});
            !done) {
          return fail(done.error());
        }
      } else {
        if (auto done = step(assessor, id, "screen", {{"outcome", "assessment"}, {"joint", joint}, {"reason", "Needs a full assessment"}}); !done) {
          return fail(done.error());
        }
      }
      if (target == Target::kAwaitingAssessment) continue;
      at_days_ago(std::max(1, days_ago - 35));
      if (target == Target::kEquipment) {
        if (auto done = step(assessor, id, "agree_equipment_budget",
                             {{"description", "Bath lift and grab rails"},
                              {"amount_pence", 45000 + 500 * random_.below(60)},
                              {"start", today_date().to_string()},
                              {"reason", "Minor equipment is the only need"}});
            !done) {
          return fail(done.error());
        }
        continue;
      }
      const int need = 1 + random_.below(3);
      const bool has_previous = random_.chance(15);
      Json assessment = {{"rulebook_id", "example-adults"},
                         {"rulebook_version", 1},
                         {"answers", demo_answers(adult_questions, random_, need)},
                         {"eligibility", care_act_eligibility(true)},
                         {"joint", joint},
                         {"professions", joint ? Json{"social_worker", "community_nurse"} : Json{"social_worker"}}};
      Result<journey::Person> assessed = step(assessor, id, "assess", assessment);
      if (!assessed) return fail(assessed.error());
      const std::int64_t indicative = assessed->state.indicative_budget->annual.pence();
      const std::int64_t indicative_weekly = assessed->state.indicative_budget->weekly.pence();
      if (has_previous) {
        // Someone already receiving services: their previous package is recorded
        // with the assessment, for transitional protection.
        Json reassessed = assessment;
        reassessed["previous_package_annual_pence"] = indicative + 150000 + 1000 * random_.below(200);
        Result<journey::Person> again = step(assessor, id, "assess", reassessed);
        if (!again) return fail(again.error());
      }
      if (target == Target::kSupportPlanning) continue;
      at_days_ago(std::max(1, days_ago - 40));
      const bool to_panel_target = target == Target::kAwaitingPanel || random_.chance(35);
      const bool nhs_line = to_panel_target && random_.chance(50);
      Json plan = demo_plan(indicative_weekly, random_, nhs_line, 0);
      if (to_panel_target && !nhs_line) {
        // Above the indicative range: more home support than the RAS suggests.
        plan["lines"][0]["units_per_week"] = plan["lines"][0]["units_per_week"].get<std::int64_t>() * 3 / 2 + 2;
      }
      if (target != Target::kAwaitingPanel && !to_panel_target) {
        // Within the range, so a team manager signs.
        plan["lines"] = Json::array({{{"description", "Help at home with personal care"},
                                      {"service_component", "home_support"},
                                      {"unit", "hour"},
                                      {"unit_cost_pence", 1850},
                                      {"units_per_week", quarter_hours(indicative_weekly, 1850)},
                                      {"delivery", random_.chance(35) ? "direct_payment" : "council_arranged"},
                                      {"nhs_percent", 0}},
                                     {{"description", "Neighbour pops in each evening (unpaid)"},
                                      {"service_component", "other_long_term_support"},
                                      {"unit", "week"},
                                      {"unit_cost_pence", 0},
                                      {"units_per_week", 1},
                                      {"delivery", "council_arranged"},
                                      {"nhs_percent", 0}}});
      }
      Result<journey::Person> planned = step(assessor, id, "save_plan", plan);
      if (!planned) return fail(planned.error());
      at_days_ago(std::max(1, days_ago - 42));
      Result<journey::Person> submitted = step(assessor, id, "submit_plan", {{"version", 1}});
      if (!submitted) return fail(submitted.error());
      const bool to_panel = journey::awaits_panel(submitted->state);
      if (target == Target::kAwaitingTeamManager && !to_panel) continue;
      if (target == Target::kAwaitingPanel && to_panel) continue;
      if (target == Target::kAwaitingTeamManager || target == Target::kAwaitingPanel) continue;
      const int decided_days_ago = std::max(1, days_ago - 49);
      if (to_panel) {
        panel_cases.push_back({id, 1, indicative, decided_days_ago});
        continue;
      }
      at_days_ago(decided_days_ago);
      const bool changed = random_.chance(15);
      Json decision = {{"outcome", changed ? "approve_changed_amount" : "approve"},
                       {"start", today_date().to_string()}};
      if (changed) {
        decision["agreed_annual_pence"] = indicative;
        decision["reason"] = "Agreed at the indicative budget: the plan's extra hours are covered by a day centre place";
      } else {
        decision["reason"] = "The plan meets the outcomes within the indicative range";
      }
      if (auto done = step(manager, id, "decide", decision); !done) return fail(done.error());
      if (auto done = follow_up(assessor, id, target, decided_days_ago); !done) return fail(done.error());
    }

    // The Resource Allocation Group: monthly meetings over the cases sent to it.
    std::sort(panel_cases.begin(), panel_cases.end(),
              [](const PanelCase& left, const PanelCase& right) { return left.days_ago > right.days_ago; });
    std::size_t case_idx = 0;
    int meetings = 0;
    while (case_idx < panel_cases.size()) {
      const int meeting_days_ago = panel_cases[case_idx].days_ago;
      at_days_ago(meeting_days_ago);
      Json decisions = Json::array();
      std::vector<const PanelCase*> in_meeting;
      while (case_idx < panel_cases.size() && panel_cases[case_idx].days_ago > meeting_days_ago - 28) {
        const PanelCase& panel_case = panel_cases[case_idx++];
        const int roll = random_.below(100);
        Json decision = {{"person_id", panel_case.person_id},
                         {"plan_version", panel_case.plan_version},
                         {"start", today_date().to_string()}};
        if (roll < 60) {
          decision["outcome"] = "approve";
          decision["reason"] = "Higher needs at night and NHS support agreed by the group";
        } else {
          decision["outcome"] = "approve_changed_amount";
          decision["agreed_annual_pence"] = panel_case.indicative + 100000 + 500 * random_.below(100);
          decision["reason"] = "Agreed above the indicative budget for two-carer support; the rest met by the NHS";
        }
        decisions.push_back(decision);
        in_meeting.push_back(&panel_case);
      }
      Json meeting = {{"held_on", today_date().to_string()},
                      {"members",
                       {{{"name", "Chris Allen"}, {"role", "Head of adult social care (chair)"}, {"agency", "demo-council"}},
                        {{"name", "Dr Helen Shaw"}, {"role", "Continuing healthcare lead"}, {"agency", "demo-nhs"}},
                        {{"name", "Sam Price"}, {"role", "Housing officer"}, {"agency", "demo-council"}},
                        {{"name", "Jo Reid"}, {"role", "Finance officer"}, {"agency", "demo-council"}}}},
                      {"decisions", decisions}};
      Result<journey::PanelMeeting> recorded = service_.panel().record_meeting(panel, journey_io::read_panel_meeting(meeting));
      if (!recorded) return fail(recorded.error());
      ++meetings;
      for (const PanelCase* panel_case : in_meeting) {
        const Target target = panel_case->days_ago > 120 ? Target::kActiveReviewed : Target::kActive;
        if (auto done = follow_up(assessor, panel_case->person_id, target, panel_case->days_ago); !done) {
          return fail(done.error());
        }
      }
    }

    // Carers: first-stage assessments (some by the carers' centre), full
    // assessments for those referred, some carers' personal budgets.
    int carers = 0;
    for (const auto& [cared_for, leaning] : with_carers) {
      at_days_ago(20 + random_.below(200));
      Json carer = {{"given_name", random_.pick(kGivenNames)},
                    {"family_name", random_.pick(kFamilyNames)},
                    {"date_of_birth", fmt::format("{:04}-{:02}-{:02}", today_date().year() - 30 - random_.below(50),
                                                  1 + random_.below(12), 1 + random_.below(28))},
                    {"primary_support_reason", "unknown"},
                    {"client_group", "carer"},
                    {"locality", kLocalities[static_cast<std::size_t>(random_.below(4))].name},
                    {"team", "Carers team"},
                    {"cares_for", cared_for}};
      Result<journey::Person> created = service_.people().create(assessor, journey_io::read_person_details(carer));
      if (!created) return fail(created.error());
      ++carers;
      const Id carer_id = created->id;
      if (random_.chance(15)) continue;
      const int impact = leaning ? 2 : 1;
      const Principal& completed_by = random_.chance(40) ? carers_centre : assessor;
      Result<journey::Person> first = service_.carers().first_stage(
          completed_by, carer_id,
          journey_io::read_carer_first_stage(Json{
           {"completed_by", completed_by.agency == "demo-carers" ? "partner_organisation" : "carer"},
           {"hours_caring_per_week", leaning ? 35 + random_.below(60) : 5 + random_.below(20)},
           {"health_impact", std::min(3, impact + random_.below(2))},
           {"breaks_impact", std::min(3, impact + random_.below(2))},
           {"work_learning_impact", impact},
           {"relationships_impact", random_.below(3)},
           {"willingness_impact", random_.below(2)}}));
      if (!first) return fail(first.error());
      if (!first->state.carer->first_stage->refer_for_full_assessment || random_.chance(25)) continue;
      at_days_ago(10 + random_.below(10));
      Result<journey::Person> full = service_.carers().full_assessment(
          assessor, carer_id,
          journey_io::read_carer_full_assessment(Json{{"rulebook_id", "example-carers"},
                                                      {"rulebook_version", 1},
                                                      {"answers", demo_answers(carer_questions, random_, 2)}}));
      if (!full) return fail(full.error());
    }
    report.people = kPeople;
    report.carers = carers;
    report.panel_meetings = meetings;
    return report;
  }

 private:
  void at_days_ago(int days) {
    clock_.set(now_ - std::chrono::days(days) + std::chrono::minutes(random_.below(8 * 60)));
  }
  Date today_date() const {
    return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
  }
  static Principal staff(std::string username, std::string agency, Role role) {
    Principal principal;
    principal.username = std::move(username);
    principal.agency = std::move(agency);
    principal.roles = {role};
    return principal;
  }
  // Each body is read as the API reads a request.
  Result<journey::Person> step(const Principal& principal, Id id, std::string_view name, const Json& body) {
    auto command = journey_io::read_step(name, body, builtin_code_lists());
    if (!command) return fail(command.error());
    return service_.steps().take(principal, id, *command);
  }
  Result<journey::Person> step_contact(const Principal& principal, Id id, bool joint) {
    return service_.steps().record_contact(principal, id,
                                           journey_io::read_contact({{"route_of_access", random_.pick(kRoutes)},
                                                                     {"requested_by", random_.pick(kRequesters)},
                                                                     {"joint_screening", joint},
                                                                     {"reason", "Asked for help at home"}},
                                                                    builtin_code_lists()));
  }
  // After an agreed budget: a first review for some, the end of support for others.
  Result<Unit> follow_up(const Principal& actor, Id id, Target target, int started_days_ago) {
    if (target == Target::kActiveReviewed && started_days_ago > 56) {
      at_days_ago(started_days_ago - 50);
      return finished(step(actor, id, "review",
                       {{"date", today_date().to_string()},
                        {"joint", random_.chance(40)},
                        {"outcome", "no_change"},
                        {"reason", "Support is meeting the outcomes in the plan"}}));
    }
    if (target == Target::kEnded && started_days_ago > 56) {
      at_days_ago(started_days_ago - 50);
      return finished(step(actor, id, "review",
                       {{"date", today_date().to_string()},
                        {"joint", true},
                        {"outcome", "end"},
                        {"reason", random_.chance(50) ? "Moved into a care home funded by the NHS"
                                                      : "Moved to live with family in another area"}}));
    }
    return Unit{};
  }
  static Result<Unit> finished(const Result<journey::Person>& person) {
    if (!person) return fail(person.error());
    return Unit{};
  }

  JourneyService& service_;
  FixedClock& clock_;
  Timestamp now_;
  DemoRandom random_;
};

}  // namespace

Result<DemoDataReport> load_demo_journey(Store& store, Transaction& tx, const Clock& clock, DemoDataReport report) {
  Result<RulebookVersion> adults = tx.get<app::RulebookRepository>().get("example-adults", 1);
  Result<RulebookVersion> carers = tx.get<app::RulebookRepository>().get("example-carers", 1);
  // Without the example rulebooks there is nothing to score the demo people with.
  if (!adults || !carers) return report;
  FixedClock demo_clock(clock.now());
  JourneyService service(store, demo_clock);
  DemoJourney demo(service, demo_clock, clock.now());
  Result<DemoDataReport> loaded = report;
  Result<Unit> ran = service.within(tx, [&]() -> Result<Unit> {
    loaded = demo.run(questions_of(*adults), questions_of(*carers), report);
    if (!loaded) return tl::unexpected<Issues>(loaded.error());
    return Unit{};
  });
  if (!ran) return tl::unexpected<Issues>(ran.error());
  return loaded;
}

}  // namespace allot::app
