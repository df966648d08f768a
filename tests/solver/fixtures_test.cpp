// One small problem per constraint and per unassigned reason; every result is
// run through the independent checker.
#include <algorithm>
#include <atomic>

#include "fixtures.h"

namespace allot::solver {
namespace {

using testing::find_unassigned;
using testing::line_problem;
using testing::solve_and_check;
using testing::stops_of;

TEST(SolverFixtures, OkSmallServesEveryVisit) {
  const Problem problem = line_problem(5, 2);
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  // one carer out to 50 and back is the cheapest plan
  EXPECT_NEAR(solution.cost.distance, 100.0, 1e-9);
  EXPECT_EQ(solution.cost.routes_used, 1);
}

TEST(SolverFixtures, EmptyProblemGivesEmptySolution) {
  Problem problem = line_problem(0, 1);
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.routes.empty());
  EXPECT_TRUE(solution.unassigned.empty());
}

TEST(SolverFixtures, MissingSkillIsReportedNoSkilledCarer) {
  Problem problem = line_problem(3, 2);
  problem.visits[1].skills = {7};
  problem.carers[0].skills = {1};
  const Solution solution = solve_and_check(problem);
  ASSERT_NE(find_unassigned(solution, 1), nullptr);
  EXPECT_EQ(find_unassigned(solution, 1)->reason, UnassignedReason::kNoSkilledCarer);
  EXPECT_EQ(solution.unassigned.size(), 1U);
}

TEST(SolverFixtures, SkilledCarerIsChosen) {
  Problem problem = line_problem(3, 2);
  problem.visits[1].skills = {7};
  problem.carers[1].skills = {7};
  const Solution solution = solve_and_check(problem);
  std::vector<int> carers;
  ASSERT_EQ(stops_of(solution, 1, &carers).size(), 1U);
  EXPECT_EQ(carers[0], 1);
}

TEST(SolverFixtures, DemandAboveEveryCapacityIsReportedCapacity) {
  Problem problem = line_problem(3, 2);
  for (Carer& carer : problem.carers) carer.capacity = 10;
  problem.visits[2].demand = 11;
  problem.visits[0].demand = 4;
  const Solution solution = solve_and_check(problem);
  ASSERT_NE(find_unassigned(solution, 2), nullptr);
  EXPECT_EQ(find_unassigned(solution, 2)->reason, UnassignedReason::kCapacity);
}

TEST(SolverFixtures, CapacitySplitsRoutes) {
  Problem problem = line_problem(4, 3);
  for (Carer& carer : problem.carers) carer.capacity = 10;
  for (Visit& visit : problem.visits) visit.demand = 5;
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  EXPECT_EQ(solution.cost.routes_used, 2);
  for (const Route& route : solution.routes) EXPECT_LE(route.load, 10);
}

TEST(SolverFixtures, WindowOutsideEveryShiftIsReportedOutsideShifts) {
  Problem problem = line_problem(2, 1);
  problem.carers[0].shift = {0, 500};
  problem.visits[0].windows = {{600, 700}};
  const Solution solution = solve_and_check(problem);
  ASSERT_NE(find_unassigned(solution, 0), nullptr);
  EXPECT_EQ(find_unassigned(solution, 0)->reason, UnassignedReason::kOutsideShifts);
}

TEST(SolverFixtures, FarVisitIsReportedWindowUnreachable) {
  Problem problem = line_problem(3, 1);
  problem.visits[2].windows = {{0, 20}};  // 30 away from the depot
  const Solution solution = solve_and_check(problem);
  ASSERT_NE(find_unassigned(solution, 2), nullptr);
  EXPECT_EQ(find_unassigned(solution, 2)->reason, UnassignedReason::kWindowUnreachable);
}

TEST(SolverFixtures, ClashingVisitsWithOneCarerLeaveOneFullyBooked) {
  Problem problem = line_problem(2, 1);
  problem.visits[0].windows = {{100, 100}};
  problem.visits[1].windows = {{100, 100}};
  problem.visits[1].priority = 5;
  const Solution solution = solve_and_check(problem);
  ASSERT_EQ(solution.unassigned.size(), 1U);
  EXPECT_EQ(solution.unassigned[0].visit, 0) << "the higher-priority visit is kept";
  EXPECT_EQ(solution.unassigned[0].reason, UnassignedReason::kCarersFullyBooked);
  EXPECT_EQ(solution.cost.unassigned_priority, 1);
}

TEST(SolverFixtures, TimeWindowsAreRespectedAndWaitingAllowed) {
  Problem problem = line_problem(3, 1);
  problem.visits[0].windows = {{200, 210}};
  problem.visits[1].windows = {{100, 110}};
  problem.visits[2].windows = {{300, 310}};
  const Solution solution = solve_and_check(problem);
  ASSERT_TRUE(solution.unassigned.empty());
  ASSERT_EQ(solution.routes.size(), 1U);
  const auto& stops = solution.routes[0].stops;
  ASSERT_EQ(stops.size(), 3U);
  EXPECT_EQ(stops[0].index, 1);
  EXPECT_EQ(stops[1].index, 0);
  EXPECT_EQ(stops[2].index, 2);
  EXPECT_EQ(stops[0].start, 100);
}

TEST(SolverFixtures, SecondWindowIsUsedWhenTheFirstIsMissed) {
  Problem problem = line_problem(2, 1);
  problem.visits[0].windows = {{0, 5}, {150, 160}};  // 10 away: misses the first window
  const Solution solution = solve_and_check(problem);
  const auto stops = stops_of(solution, 0);
  ASSERT_EQ(stops.size(), 1U);
  EXPECT_GE(stops[0]->start, 150);
}

TEST(SolverFixtures, DoubleHandedVisitStartsTogetherWithTwoCarers) {
  Problem problem = line_problem(4, 3);
  problem.visits[1].carers_needed = 2;
  problem.visits[3].windows = {{40, 45}};
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  std::vector<int> carers;
  const auto stops = stops_of(solution, 1, &carers);
  ASSERT_EQ(stops.size(), 2U);
  EXPECT_NE(carers[0], carers[1]);
  EXPECT_DOUBLE_EQ(stops[0]->start, stops[1]->start);
}

TEST(SolverFixtures, DoubleHandedVisitWithOneCapableCarerIsUnassigned) {
  Problem problem = line_problem(2, 2);
  problem.visits[0].carers_needed = 2;
  problem.visits[0].skills = {3};
  problem.carers[0].skills = {3};
  const Solution solution = solve_and_check(problem);
  ASSERT_NE(find_unassigned(solution, 0), nullptr);
  EXPECT_EQ(find_unassigned(solution, 0)->reason, UnassignedReason::kNoSkilledCarer);
}

TEST(SolverFixtures, PrecedenceGapsHold) {
  Problem problem = line_problem(3, 2);
  problem.precedences.push_back({2, 0, 60, 90});  // v1 starts 60..90 after v3
  problem.precedences.push_back({0, 1, 0, 0});    // v2 starts with v1 (different carers)
  const Solution solution = solve_and_check(problem);
  ASSERT_TRUE(solution.unassigned.empty());
  const double gap = stops_of(solution, 0)[0]->start - stops_of(solution, 2)[0]->start;
  EXPECT_GE(gap, 60 - 1e-9);
  EXPECT_LE(gap, 90 + 1e-9);
  EXPECT_NEAR(stops_of(solution, 0)[0]->start, stops_of(solution, 1)[0]->start, 1e-9);
}

TEST(SolverFixtures, MaximumGapPullsTheFirstVisitLater) {
  Problem problem = line_problem(2, 2);
  problem.visits[1].windows = {{300, 310}};
  problem.precedences.push_back({0, 1, 0, 20});
  const Solution solution = solve_and_check(problem);
  ASSERT_TRUE(solution.unassigned.empty());
  EXPECT_GE(stops_of(solution, 0)[0]->start, 280 - 1e-9);
}

TEST(SolverFixtures, BreakIsTakenInsideItsWindow) {
  Problem problem = line_problem(4, 1);
  problem.carers[0].breaks = {{{50, 60}, 30}};
  for (Visit& visit : problem.visits) visit.duration = 20;
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  ASSERT_EQ(solution.routes.size(), 1U);
  const auto& stops = solution.routes[0].stops;
  const auto rest = std::find_if(stops.begin(), stops.end(), [](const Stop& stop) { return stop.kind == Stop::Kind::kBreak; });
  ASSERT_NE(rest, stops.end());
  EXPECT_GE(rest->start, 50);
  EXPECT_LE(rest->start, 60);
}

TEST(SolverFixtures, ExcludedCarerIsNeverUsed) {
  Problem problem = line_problem(3, 2);
  for (Visit& visit : problem.visits) visit.excluded_carers = {0};
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  for (const Route& route : solution.routes) EXPECT_NE(route.carer, 0);
}

TEST(SolverFixtures, PreferredCarerIsUsedWhenContinuityIsPriced) {
  Problem problem = line_problem(3, 2);
  problem.carers[1].start_location = problem.carers[1].end_location = 3;
  problem.objective.non_preferred_cost = 1000;
  for (Visit& visit : problem.visits) visit.preferred_carers = {0};
  const Solution solution = solve_and_check(problem);
  EXPECT_EQ(solution.cost.non_preferred_visits, 0);
}

TEST(SolverFixtures, MaximumWorkingTimeLimitsTheRoute) {
  Problem problem = line_problem(4, 2);
  problem.carers[0].max_working_time = 50;  // out to 20, two visits, back
  problem.carers[1].max_working_time = 50;
  const Solution solution = solve_and_check(problem);
  for (const Route& route : solution.routes) EXPECT_LE(route.working_time, 50 + 1e-9);
  EXPECT_FALSE(solution.unassigned.empty());
}

TEST(SolverFixtures, ShiftEndIsRespected) {
  Problem problem = line_problem(3, 1);
  problem.carers[0].shift = {0, 45};
  const Solution solution = solve_and_check(problem);
  for (const Route& route : solution.routes) EXPECT_LE(route.return_time, 45 + 1e-9);
  EXPECT_FALSE(solution.unassigned.empty());
}

TEST(SolverFixtures, SlowCarerTakesLongerToTravel) {
  Problem problem = line_problem(1, 1);
  problem.carers[0].speed_factor = 0.5;
  const Solution solution = solve_and_check(problem);
  ASSERT_EQ(solution.routes.size(), 1U);
  EXPECT_NEAR(solution.routes[0].travel_time, 40, 1e-9);
  EXPECT_NEAR(solution.routes[0].distance, 20, 1e-9);
}

TEST(SolverFixtures, SoftWindowsCountLateness) {
  Problem problem = line_problem(2, 1);
  problem.objective.allow_lateness = true;
  problem.objective.lateness_weight = 1;
  problem.objective.max_lateness_weight = 1;
  problem.visits[0].windows = {{0, 5}};
  problem.visits[1].windows = {{0, 5}};
  const Solution solution = solve_and_check(problem);
  EXPECT_TRUE(solution.unassigned.empty());
  EXPECT_GT(solution.cost.total_lateness, 0);
}

TEST(SolverFixtures, GreatCircleTravelUsesRoadFactorAndSpeed) {
  Problem problem = line_problem(1, 1);
  problem.travel.kind = TravelModel::Kind::kGreatCircle;
  problem.travel.x = {0.0, 0.0};
  problem.travel.y = {51.0, 51.01};  // about 1112 m north
  problem.travel.road_factor = 1.5;
  problem.travel.speed_metres_per_time_unit = 100;
  const double distance = travel_distance(problem.travel, 0, 1);
  EXPECT_NEAR(distance, 1.5 * 1111.95, 1.0);
  EXPECT_NEAR(travel_duration(problem.travel, 0, 1), distance / 100, 1e-9);
  solve_and_check(problem);
}

TEST(SolverFixtures, SameSeedAndIterationsGiveTheSameSolution) {
  Problem problem = generate_day({300, 40, 7});
  const Solution first = testing::solve_quietly(problem, 30, 5);
  const Solution second = testing::solve_quietly(problem, 30, 5);
  EXPECT_TRUE(check_solution(problem, first).ok());
  EXPECT_EQ(first.cost.objective, second.cost.objective);
  ASSERT_EQ(first.routes.size(), second.routes.size());
  for (std::size_t route_idx = 0; route_idx < first.routes.size(); ++route_idx) {
    ASSERT_EQ(first.routes[route_idx].stops.size(), second.routes[route_idx].stops.size());
    for (std::size_t stop_idx = 0; stop_idx < first.routes[route_idx].stops.size(); ++stop_idx)
      EXPECT_EQ(first.routes[route_idx].stops[stop_idx].start, second.routes[route_idx].stops[stop_idx].start);
  }
}

TEST(SolverFixtures, TwoThreadsAreDeterministicToo) {
  Problem problem = line_problem(30, 5);
  for (int visit_idx = 0; visit_idx < 30; ++visit_idx)
    problem.visits[visit_idx].windows = {{10.0 * (visit_idx % 7), 10.0 * (visit_idx % 7) + 300}};
  SolveOptions options;
  options.iteration_limit = 300;
  options.threads = 2;
  const Solution first = solve(problem, options);
  const Solution second = solve(problem, options);
  EXPECT_TRUE(check_solution(problem, first).ok());
  EXPECT_EQ(first.cost.objective, second.cost.objective);
  EXPECT_EQ(first.iterations, 600);
}

TEST(SolverFixtures, StopCheckCancelsAndProgressIsReported) {
  Problem problem = line_problem(20, 3);
  std::atomic<int> polls{0};
  int reports = 0;
  SolveOptions options;  // no iteration limit: runs until told to stop
  const Solution solution = solve(
      problem, options, [&](const Progress&) { ++reports; }, [&] { return ++polls > 3; });
  EXPECT_TRUE(check_solution(problem, solution).ok());
  EXPECT_TRUE(solution.unassigned.empty());
  EXPECT_GE(reports, 1);
  EXPECT_LE(solution.iterations, 64);
}

TEST(SolverFixtures, FewestRoutesFirstRanksRoutesBeforeTheObjective) {
  Cost two_short;
  two_short.routes_used = 2;
  two_short.objective = 100;
  Cost one_long = two_short;
  one_long.routes_used = 1;
  one_long.objective = 150;
  Objective objective;
  EXPECT_TRUE(is_better_for(objective, two_short, one_long));
  objective.fewest_routes_first = true;
  EXPECT_TRUE(is_better_for(objective, one_long, two_short));
  EXPECT_FALSE(is_better_for(objective, two_short, one_long));
  // leaving a visit out is still worse than any number of routes
  Cost one_out = one_long;
  one_out.unassigned_priority = 1;
  EXPECT_TRUE(is_better_for(objective, two_short, one_out));
}

TEST(SolverFixtures, ProgressFromTwoThreadsOnlyEverImproves) {
  const Problem problem = generate_day({120, 15, 4});
  SolveOptions options;
  options.threads = 2;
  options.iteration_limit = 300;
  std::vector<Progress> reports;  // the solver reports one at a time, so no lock here
  const Solution solution = solve(problem, options, [&](const Progress& progress) { reports.push_back(progress); });
  ASSERT_FALSE(reports.empty());
  for (std::size_t index = 1; index < reports.size(); ++index) {
    EXPECT_TRUE(is_better(reports[index].best, reports[index - 1].best)) << "report " << index;
    EXPECT_GE(reports[index].iteration, reports[index - 1].iteration) << "report " << index;
  }
  // the last report is the solution returned: the best of both threads
  EXPECT_NEAR(reports.back().best.objective, solution.cost.objective, 1e-6 * solution.cost.objective);
  EXPECT_EQ(reports.back().best.unassigned_priority, solution.cost.unassigned_priority);
}

TEST(SolverFixtures, IllFormedProblemIsRefused) {
  Problem problem = line_problem(2, 1);
  problem.visits[0].location = 99;
  EXPECT_FALSE(find_problem_errors(problem).empty());
  EXPECT_THROW(testing::solve_quietly(problem), std::invalid_argument);
}

TEST(SolverFixtures, GeneratedDayIsCompleteAndChecked) {
  const Problem problem = generate_day({400, 50, 3});
  EXPECT_EQ(problem.visits.size(), 400U);
  EXPECT_TRUE(find_problem_errors(problem).empty());
  const Solution solution = solve_and_check(problem, 20);
  // every visit is routed or listed with a reason
  std::size_t routed = 0;
  for (const Route& route : solution.routes)
    for (const Stop& stop : route.stops) routed += stop.kind == Stop::Kind::kVisit ? 1 : 0;
  std::size_t needed = 0;
  for (const Visit& visit : problem.visits) needed += visit.carers_needed;
  std::size_t unassigned_tasks = 0;
  for (const Unassigned& entry : solution.unassigned) unassigned_tasks += problem.visits[entry.visit].carers_needed;
  EXPECT_EQ(routed + unassigned_tasks, needed);
}

}  // namespace
}  // namespace allot::solver
