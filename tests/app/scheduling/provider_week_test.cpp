// A provider's day as the scheduling engine's problem: only that day's visits
// and shifts, a split shift as two routes, each carer's own speed, windows from
// the visit's time and tolerance, continuity with the usual carers, names kept
// beside the solver's ids; the problem is read by the solver's own reader, and
// solving it leaves out only the visit no carer has the skills for, with that
// reason.
#include <gtest/gtest.h>

#include <set>

#include "allot/app/scheduling/provider_week.h"
#include "allot/solver/solve.h"
#include "allot/solver_io/readers.h"

namespace allot::app {
namespace {

std::vector<WeekCarer> carers() {
  WeekCarer aileen{1, "Aileen Anderson", {"personal care", "medication"}, {{0, 7 * 60, 13 * 60}, {0, 16 * 60, 22 * 60}, {1, 7 * 60, 14 * 60}},
                   "Dunbar office", {56.001, -2.516}, 500};
  WeekCarer callum{2, "Callum Brown", {"personal care"}, {{0, 7 * 60, 14 * 60 + 30}}, "Dunbar office", {56.001, -2.516}, 80};
  WeekCarer morag{3, "Morag Campbell", {"personal care"}, {{2, 7 * 60, 14 * 60}}, "Dunbar office", {56.001, -2.516}, 500};
  return {aileen, callum, morag};
}

std::vector<WeekVisit> visits() {
  return {
      {7, 0, "Jean Murray", 0, 7 * 60 + 30, 15, 30, 1, {"personal care", "medication"}, {56.004, -2.520}, {1}},
      {7, 1, "Jean Murray", 0, 18 * 60, 15, 30, 1, {"personal care"}, {56.004, -2.520}, {1}},
      {8, 0, "Tom Gray", 0, 8 * 60, 30, 45, 2, {"personal care"}, {55.998, -2.530}, {}},
      {9, 0, "Ann Hogg", 0, 10 * 60, 15, 30, 1, {"hoist"}, {56.010, -2.500}, {}},
      {7, 2, "Jean Murray", 1, 7 * 60 + 30, 15, 30, 1, {"personal care"}, {56.004, -2.520}, {1}},
  };
}

TEST(ProviderWeek, TheDaysVisitsAndShiftsWithNamesBesideTheSolversIds) {
  const DayProblem monday = build_day_problem("Demo Care, Monday", 0, visits(), carers());
  const nlohmann::json& problem = monday.problem;
  ASSERT_EQ(problem["visits"].size(), 4u);  // Tuesday's visit is left for Tuesday
  ASSERT_EQ(problem["carers"].size(), 3u);  // Aileen's split shift is two routes; Morag works Wednesdays
  EXPECT_EQ(problem["carers"][0]["id"], "carer-1");
  EXPECT_EQ(problem["carers"][1]["id"], "carer-1-shift-2");
  EXPECT_EQ(problem["carers"][1]["shift"], nlohmann::json::array({16 * 60, 22 * 60}));
  EXPECT_DOUBLE_EQ(problem["carers"][2]["speed_factor"].get<double>(), 80.0 / 500.0);  // Callum walks
  EXPECT_EQ(monday.carers[1].name, "Aileen Anderson");
  EXPECT_EQ(monday.carers[1].shift, "16:00 to 22:00");
  EXPECT_EQ(monday.carers[2].name, "Callum Brown");
  // Time and tolerance make the window; the usual carer's routes are preferred.
  EXPECT_EQ(problem["visits"][0]["id"], "package-7-visit-0");
  EXPECT_EQ(problem["visits"][0]["time_windows"], nlohmann::json::parse("[[435, 465]]"));
  EXPECT_EQ(problem["visits"][0]["preferred_carers"], nlohmann::json::parse(R"(["carer-1", "carer-1-shift-2"])"));
  EXPECT_EQ(problem["visits"][2]["carers_needed"], 2);
  EXPECT_EQ(monday.visits[2].person, "Tom Gray");
  // The base and the three homes, each once.
  EXPECT_EQ(problem["locations"].size(), 4u);
  EXPECT_EQ(problem["locations"][0], nlohmann::json::array({-2.516, 56.001}));
  EXPECT_TRUE(problem["objective"]["allow_lateness"].get<bool>());
}

TEST(ProviderWeek, TheSolverReadsAndSolvesItLeavingOutOnlyWhatNoCarerCanDo) {
  const DayProblem monday = build_day_problem("Demo Care, Monday", 0, visits(), carers());
  auto problem = solver_io::problem_from_json(monday.problem);
  ASSERT_TRUE(problem.has_value()) << problem.error().front().path << ": " << problem.error().front().message;
  solver::SolveOptions options;
  options.iteration_limit = 300;
  const solver::Solution solution = solver::solve(*problem, options);
  ASSERT_EQ(solution.unassigned.size(), 1u);
  EXPECT_EQ(problem->visits[solution.unassigned[0].visit].id, "package-9-visit-0");
  EXPECT_EQ(solution.unassigned[0].reason, solver::UnassignedReason::kNoSkilledCarer);
  std::set<std::string> named;
  for (const DayRouteCarer& carer : monday.carers) named.insert(carer.solver_id);
  for (const solver::Route& route : solution.routes) {
    EXPECT_TRUE(named.contains(problem->carers[route.carer].id)) << "every route's carer has a name";
  }
  // Tom Gray's visit needs two carers: both of Monday's morning routes make it.
  EXPECT_EQ(solution.routes.size(), 3u);
}

TEST(ProviderWeek, ADayWithoutShiftsHasNoRoutesAndEveryVisitIsStillListed) {
  const DayProblem sunday = build_day_problem("Demo Care, Sunday", 6,
                                              {{7, 0, "Jean Murray", 6, 9 * 60, 15, 30, 1, {"personal care"}, {56.0, -2.5}, {}}},
                                              carers());
  EXPECT_TRUE(sunday.problem["carers"].empty());
  ASSERT_EQ(sunday.visits.size(), 1u);
  EXPECT_EQ(std::string(day_name(6)), "Sunday");
}

}  // namespace
}  // namespace allot::app
