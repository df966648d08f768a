// A provider's day built around a plan that does every visit: the plan must pass
// the checker, and the engine must leave nothing out either. And what a solution
// says stops each carer from each left-out visit: written, read back, verified.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

#include "allot/solver/explain.h"
#include "allot/solver/planned_day.h"
#include "allot/solver_io/readers.h"
#include "fixtures.h"

namespace allot::solver {
namespace {

using testing::line_problem;
using testing::solve_and_check;

TEST(SolverPlannedDay, TheConstructedPlanDoesEveryVisitAndPassesTheChecker) {
  const PlannedDay day = generate_planned_day({.visits = 300, .carers = 40, .offices = 2, .seed = 5});
  const Problem& problem = day.problem;
  EXPECT_TRUE(find_problem_errors(problem).empty());
  EXPECT_EQ(problem.visits.size(), 300U);
  EXPECT_EQ(problem.name, "planned-day-300-40-offices2-seed5");
  EXPECT_EQ(problem.carers.size(), 40U);
  EXPECT_TRUE(day.plan.unassigned.empty());
  const CheckReport report = check_solution(problem, day.plan);
  EXPECT_TRUE(report.ok()) << report.violations.front();
  // the shape a provider has: two offices, pairs for double-handed calls,
  // medication rounds three hours apart, breaks, and carers who walk
  std::set<int> starts;
  int walkers = 0;
  int with_breaks = 0;
  for (const Carer& carer : problem.carers) {
    starts.insert(carer.start_location);
    walkers += carer.speed_factor < 1 ? 1 : 0;
    with_breaks += carer.breaks.empty() ? 0 : 1;
  }
  EXPECT_EQ(starts.size(), 2U);
  EXPECT_GT(walkers, 0);
  EXPECT_GT(with_breaks, 0);
  EXPECT_TRUE(std::any_of(problem.visits.begin(), problem.visits.end(),
                          [](const Visit& visit) { return visit.carers_needed == 2; }));
  ASSERT_FALSE(problem.precedences.empty());
  for (const Precedence& link : problem.precedences) EXPECT_EQ(link.min_gap, 180);
}

TEST(SolverPlannedDay, AFullDayStopsShortOfTheVisitsAskedAndSaysSo) {
  const PlannedDay day = generate_planned_day({.visits = 1000, .carers = 10, .offices = 1, .seed = 5});
  EXPECT_LT(day.problem.visits.size(), 1000U);
  EXPECT_EQ(day.problem.name, "planned-day-" + std::to_string(day.problem.visits.size()) + "-10-offices1-seed5");
  EXPECT_TRUE(check_solution(day.problem, day.plan).ok());
}

TEST(SolverPlannedDay, TheSameSeedGivesTheSameDay) {
  const PlannedDay first = generate_planned_day({.visits = 120, .carers = 12, .offices = 1, .seed = 9});
  const PlannedDay second = generate_planned_day({.visits = 120, .carers = 12, .offices = 1, .seed = 9});
  EXPECT_EQ(solver_io::problem_to_json(first.problem), solver_io::problem_to_json(second.problem));
}

TEST(SolverPlannedDay, TheEngineLeavesNothingOutWhereAPlanIsKnownToDoEverything) {
  // 60 carers from one office: more than the 20 nearest that once bounded the search
  const PlannedDay day = generate_planned_day({.visits = 500, .carers = 70, .offices = 1, .seed = 2});
  ASSERT_TRUE(check_solution(day.problem, day.plan).ok());
  const Solution plan = solve_and_check(day.problem, 1500);
  EXPECT_TRUE(plan.unassigned.empty()) << plan.unassigned.size() << " left out, first "
                                       << day.problem.visits[plan.unassigned.front().visit].id;
}

// ---- what stops each carer, in the solution JSON ------------------------------------

// Three carers, one visit none can do: c1 lacks the skill, c2's shift starts after
// the window, c3 would arrive after it closes.
Problem nobody_can_problem() {
  Problem problem = line_problem(1, 3);
  problem.visits[0].windows = {{0, 50}};
  problem.visits[0].skills = {4};
  problem.carers[1].skills = {4};
  problem.carers[2].skills = {4};
  problem.carers[1].shift = {100, 400};
  problem.carers[2].shift = {45, 400};
  return problem;
}

TEST(SolverPlannedDay, ALeftOutVisitNamesWhatStopsEachCarerInTheSolutionJson) {
  const Problem problem = nobody_can_problem();
  const Solution plan = solve_and_check(problem);
  ASSERT_EQ(plan.unassigned.size(), 1U);
  const nlohmann::json document = solver_io::solution_to_json(problem, plan);
  const nlohmann::json expected = nlohmann::json::parse(R"([
    {"carer": "c1", "obstacle": "skill"},
    {"carer": "c2", "obstacle": "shift"},
    {"carer": "c3", "obstacle": "window"}])");
  EXPECT_EQ(document["unassigned"][0]["carers"], expected);
  const auto read_back = solver_io::solution_from_json(problem, document);
  ASSERT_TRUE(read_back.has_value());
  ASSERT_EQ(read_back->unassigned[0].carers.size(), 3U);
  EXPECT_EQ(read_back->unassigned[0].carers[2].obstacle, Obstacle::kWindow);
  EXPECT_TRUE(check_solution(problem, *read_back).ok());
}

bool has_violation(const Problem& problem, const Solution& plan, const std::string& text) {
  for (const std::string& violation : check_solution(problem, plan).violations)
    if (violation.find(text) != std::string::npos) return true;
  return false;
}

TEST(SolverPlannedDay, TheCheckerRefutesAFalseObstacleReadFromJson) {
  const Problem problem = nobody_can_problem();
  nlohmann::json document = solver_io::solution_to_json(problem, solve_and_check(problem));
  document["unassigned"][0]["carers"][1]["obstacle"] = "skill";  // c2 holds the skill; its shift stops it
  auto wrong = solver_io::solution_from_json(problem, document);
  ASSERT_TRUE(wrong.has_value());
  EXPECT_TRUE(has_violation(problem, *wrong, "carer c2 is said to be stopped by skill, which does not hold"));
  // a window that c3 reaches: "window" no longer holds
  Problem later = problem;
  later.visits[0].windows = {{0, 70}};
  auto read = solver_io::solution_from_json(later, solver_io::solution_to_json(problem, solve_and_check(problem)));
  ASSERT_TRUE(read.has_value());
  EXPECT_TRUE(has_violation(later, *read, "carer c3 is said to be stopped by window, which does not hold"));
}

TEST(SolverPlannedDay, ALeftOutVisitWithoutObstaclesFailsTheCheck) {
  const Problem problem = nobody_can_problem();
  nlohmann::json document = solver_io::solution_to_json(problem, solve_and_check(problem));
  document["unassigned"][0].erase("carers");
  auto plan = solver_io::solution_from_json(problem, document);
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(has_violation(problem, *plan, "left out without naming what stops each carer"));
  document["unassigned"][0]["carers"] = nlohmann::json::array({{{"carer", "c9"}, {"obstacle", "skill"}},
                                                              {{"carer", "c1"}, {"obstacle", "tired"}}});
  const auto refused = solver_io::solution_from_json(problem, document);
  ASSERT_FALSE(refused.has_value());
  std::set<std::string> paths;
  for (const Issue& issue : refused.error()) paths.insert(issue.path);
  EXPECT_TRUE(paths.count("unassigned[0].carers[0].carer"));
  EXPECT_TRUE(paths.count("unassigned[0].carers[1].obstacle"));
}

// ---- numbers too large for their field ------------------------------------------

std::string written(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

std::string first_issue(const Result<Problem>& result) {
  if (result) return "read without an issue";
  return result.error().front().path + ": " + result.error().front().message;
}

TEST(SolverPlannedDay, ANumberTooLargeIsAnIssueNamingItsFieldNeverACrash) {
  const std::string json_path = written("huge.json", R"({"name": "x", "locations": [[0, 0]],
      "carers": [{"id": "a", "shift": [0, 100]}], "visits": [{"id": "v", "location": 0, "duration": 1e400}]})");
  const auto from_json = solver_io::read_problem_file(json_path, {});
  EXPECT_NE(first_issue(from_json).find("visits[0].duration"), std::string::npos) << first_issue(from_json);
  EXPECT_NE(first_issue(from_json).find("1e400"), std::string::npos) << first_issue(from_json);

  const std::string solomon = written("huge.txt",
                                      "HUGE\n\nVEHICLE\nNUMBER     CAPACITY\n  2         200\n\nCUSTOMER\n"
                                      "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n"
                                      "0 40 50 0 0 1236 0\n1 45 68 10 912 1e400 90\n");
  const auto from_solomon = solver_io::read_problem_file(solomon, {});
  EXPECT_NE(first_issue(from_solomon).find("huge.txt:10: DUE DATE"), std::string::npos) << first_issue(from_solomon);

  const std::string vehicles = written("many.txt",
                                       "MANY\n\nVEHICLE\nNUMBER     CAPACITY\n  1e12         200\n\nCUSTOMER\n"
                                       "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n"
                                       "0 40 50 0 0 1236 0\n1 45 68 10 912 967 90\n");
  EXPECT_NE(first_issue(solver_io::read_problem_file(vehicles, {})).find("VEHICLE NUMBER"), std::string::npos);

  // a Mankowska header asking for a billion nodes: refused, not allocated
  const std::string mankowska = written("mankowska.txt", "nbNodes\n1000000000\nnbVehi\n2\nnbServi\n2\nr\n1 0\n");
  EXPECT_NE(first_issue(solver_io::read_problem_file(mankowska, {})).find("nbNodes"), std::string::npos);
  const std::string infinite = written("infinite.txt", "nbNodes\ninf\nnbVehi\n2\nnbServi\n2\n");
  EXPECT_NE(first_issue(solver_io::read_problem_file(infinite, {})).find("nbNodes"), std::string::npos);
}

}  // namespace
}  // namespace allot::solver
