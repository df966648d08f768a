// Large fleets from one place, and the reasons given for visits left out: each
// must be true, and the checker must refute a false one.
#include <random>

#include "allot/solver/explain.h"
#include "allot/solver_io/readers.h"
#include "fixtures.h"

namespace allot::solver {
namespace {

using testing::find_unassigned;
using testing::line_problem;
using testing::solve_and_check;

// A depot in the middle of a 100 x 100 square, `visit_count` customers scattered
// by seed, `carer_count` identical vehicles of capacity 50 from the depot and
// demand 10 a visit: at most five visits a route, so a complete plan needs
// visit_count / 5 routes, and any split into fives is one (shifts are long).
Problem one_depot_problem(int visit_count, int carer_count, bool windows) {
  Problem problem;
  problem.name = "one-depot";
  problem.travel.kind = TravelModel::Kind::kEuclidean;
  problem.travel.location_count = visit_count + 1;
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> coordinate(0, 100);
  problem.travel.x.push_back(50);
  problem.travel.y.push_back(50);
  for (int visit_idx = 0; visit_idx < visit_count; ++visit_idx) {
    problem.travel.x.push_back(coordinate(random));
    problem.travel.y.push_back(coordinate(random));
    Visit visit;
    visit.id = "v" + std::to_string(visit_idx + 1);
    visit.location = visit_idx + 1;
    visit.duration = 10;
    visit.demand = 10;
    // wide windows, staggered: every visit can still be the first of a route
    if (windows) visit.windows = {{100.0 * (visit_idx % 5), 100.0 * (visit_idx % 5) + 400}};
    problem.visits.push_back(visit);
  }
  for (int carer_idx = 0; carer_idx < carer_count; ++carer_idx) {
    Carer carer;
    carer.id = "c" + std::to_string(carer_idx + 1);
    carer.shift = {0, 2000};
    carer.capacity = 50;
    problem.carers.push_back(carer);
  }
  return problem;
}

TEST(SolverFleet, HundredIdenticalCarersFromOneDepotOpenEveryRouteNeeded) {
  // 400 visits need 80 routes of five: more than the 20 nearest carers and more
  // than the 60 above which routes are chosen from a granular list.
  const Problem problem = one_depot_problem(400, 100, false);
  const Solution solution = solve_and_check(problem, 300);
  EXPECT_TRUE(solution.unassigned.empty()) << solution.unassigned.size() << " left out";
  EXPECT_GE(solution.cost.routes_used, 80);
}

TEST(SolverFleet, HundredIdenticalCarersWithTimeWindowsLeaveNothingOut) {
  const Problem problem = one_depot_problem(400, 100, true);
  const Solution solution = solve_and_check(problem, 300);
  EXPECT_TRUE(solution.unassigned.empty()) << solution.unassigned.size() << " left out";
}

TEST(SolverFleet, FewestRoutesWithALargeFleetStaysComplete) {
  Problem problem = one_depot_problem(400, 100, true);
  problem.objective.fewest_routes_first = true;
  const Solution solution = solve_and_check(problem, 400);
  EXPECT_TRUE(solution.unassigned.empty()) << solution.unassigned.size() << " left out";
  EXPECT_GE(solution.cost.routes_used, 80);
}

TEST(SolverFleet, MixedKindsFromOneOfficeEachOpenRoutes) {
  // 70 carers who cannot do skill 1 and 30 who can, all from the depot: the
  // skilled visits must still find the skilled carers' empty days.
  Problem problem = one_depot_problem(300, 100, false);
  for (int carer_idx = 70; carer_idx < 100; ++carer_idx) problem.carers[carer_idx].skills = {1};
  for (int visit_idx = 0; visit_idx < 100; ++visit_idx) problem.visits[visit_idx].skills = {1};
  const Solution solution = solve_and_check(problem, 300);
  EXPECT_TRUE(solution.unassigned.empty()) << solution.unassigned.size() << " left out";
}

// ---- the checker refutes false reasons ------------------------------------------

bool has_violation(const Problem& problem, const Solution& solution, const std::string& fragment) {
  for (const std::string& violation : check_solution(problem, solution).violations)
    if (violation.find(fragment) != std::string::npos) return true;
  return false;
}

TEST(SolverFleet, CheckerRefutesFullyBookedWhileCarersStandIdle) {
  // The plan of a 20-carer fleet, checked against the same visits with 100
  // carers: the 80 idle carers could take what it leaves out.
  const Problem small = one_depot_problem(400, 20, false);
  const Solution plan = solve_and_check(small, 50);
  ASSERT_FALSE(plan.unassigned.empty());
  ASSERT_EQ(plan.unassigned.front().reason, UnassignedReason::kCarersFullyBooked);
  const Problem large = one_depot_problem(400, 100, false);
  EXPECT_TRUE(has_violation(large, plan, "is unused and could do it"));
}

TEST(SolverFleet, CheckerRefutesFullyBookedWhereARouteHasRoom) {
  Problem problem = line_problem(3, 1);
  Solution plan = solve_and_check(problem);
  ASSERT_TRUE(plan.unassigned.empty());
  // take the last stop out and call it fully booked: the route still has room
  Route& route = plan.routes[0];
  const int visit = route.stops.back().index;
  route.stops.pop_back();
  plan.unassigned.push_back({visit, UnassignedReason::kCarersFullyBooked});
  EXPECT_TRUE(has_violation(problem, plan, "route has room for it"));
}

TEST(SolverFleet, CheckerAcceptsATrueFullyBooked) {
  // one carer, two visits at the same moment far apart: one must be left out
  Problem problem = line_problem(2, 1);
  problem.travel.x = {0, 10, -10};
  problem.visits[0].windows = {{10, 10}};
  problem.visits[1].windows = {{10, 10}};
  const Solution plan = solve_and_check(problem);
  ASSERT_EQ(plan.unassigned.size(), 1U);
  EXPECT_EQ(plan.unassigned[0].reason, UnassignedReason::kCarersFullyBooked);
}

TEST(SolverFleet, CheckerRefutesWindowUnreachableWhenACarerCouldGo) {
  Problem problem = line_problem(2, 1);
  const Solution solved = solve_and_check(problem);
  Solution plan = solved;
  // claim the first visit is out of reach
  for (Route& route : plan.routes) std::erase_if(route.stops, [](const Stop& stop) { return stop.index == 0; });
  plan.unassigned.push_back({0, UnassignedReason::kWindowUnreachable});
  EXPECT_TRUE(has_violation(problem, plan, "could do it on an empty day"));
}

TEST(SolverFleet, CheckerRefutesFullyBookedDoubleHandedWithTwoIdleCarers) {
  Problem problem = line_problem(2, 3);
  problem.visits[1].carers_needed = 2;
  Solution plan = solve_and_check(problem);
  ASSERT_TRUE(plan.unassigned.empty());
  // keep only the single visit's route; say the double-handed one is fully booked
  std::erase_if(plan.routes, [](const Route& route) {
    return std::any_of(route.stops.begin(), route.stops.end(), [](const Stop& stop) { return stop.index == 1; }) &&
           route.stops.size() == 1;
  });
  for (Route& route : plan.routes) std::erase_if(route.stops, [](const Stop& stop) { return stop.index == 1; });
  std::erase_if(plan.routes, [](const Route& route) { return route.stops.empty(); });
  plan.unassigned.push_back({1, UnassignedReason::kCarersFullyBooked});
  EXPECT_TRUE(has_violation(problem, plan, "could do it together"));
}

TEST(SolverFleet, ReasonsOfEverySolvedFixtureHold) {
  // the solver's own reasons on a crowded day: every one survives the checker
  Problem problem = one_depot_problem(200, 70, true);
  for (Carer& carer : problem.carers) carer.shift = {0, 300};
  const Solution plan = solve_and_check(problem, 200);
  EXPECT_FALSE(plan.unassigned.empty());
}

// ---- a patient's two services go to two carers ------------------------------------

Problem two_services_problem(bool different_carers) {
  Problem problem = line_problem(2, 2);
  problem.visits[1].location = 1;  // the same patient
  problem.precedences.push_back({0, 1, 10, 100, different_carers});
  return problem;
}

TEST(SolverFleet, TwoServicesOfOnePatientGoToTwoCarers) {
  const Problem problem = two_services_problem(true);
  const Solution plan = solve_and_check(problem);
  ASSERT_TRUE(plan.unassigned.empty());
  std::vector<int> first_carers;
  std::vector<int> second_carers;
  testing::stops_of(plan, 0, &first_carers);
  testing::stops_of(plan, 1, &second_carers);
  ASSERT_EQ(first_carers.size(), 1U);
  ASSERT_EQ(second_carers.size(), 1U);
  EXPECT_NE(first_carers[0], second_carers[0]);
}

TEST(SolverFleet, OneCarerMayDoBothServicesWhenAllowed) {
  const Problem problem = two_services_problem(false);
  const Solution plan = solve_and_check(problem);
  EXPECT_TRUE(plan.unassigned.empty());
  EXPECT_EQ(plan.cost.routes_used, 1);  // cheaper with one carer
}

TEST(SolverFleet, CheckerRefusesOneCarerForBothServices) {
  const Solution one_carer = solve_and_check(two_services_problem(false));
  ASSERT_EQ(one_carer.cost.routes_used, 1);
  EXPECT_TRUE(has_violation(two_services_problem(true), one_carer, "need different carers"));
}

TEST(SolverFleet, WithOneCarerTheSecondServiceIsLeftOutAndTheReasonHolds) {
  Problem problem = two_services_problem(true);
  problem.carers.pop_back();
  const Solution plan = solve_and_check(problem);
  EXPECT_EQ(plan.unassigned.size(), 1U);
}

// ---- each carer's obstacle is named and checked ------------------------------------

Obstacle obstacle_of(const std::vector<Explanation>& explanations, int visit, int carer) {
  for (const Explanation& explanation : explanations)
    if (explanation.visit == visit)
      for (const CarerObstacle& entry : explanation.carers)
        if (entry.carer == carer) return entry.obstacle;
  throw std::logic_error("not explained");
}

TEST(SolverFleet, EachCarerIsNamedWithTheConstraintThatStopsThem) {
  // one visit at x = 10, window [0, 50], skill 4; four carers, each stopped by
  // something else
  Problem problem = line_problem(1, 4);
  problem.visits[0].windows = {{0, 50}};
  problem.visits[0].skills = {4};
  for (int carer_idx = 1; carer_idx < 4; ++carer_idx) problem.carers[carer_idx].skills = {4};
  problem.carers[1].shift = {100, 200};  // starts after the window closes
  problem.carers[2].shift = {45, 200};   // arrives at 55
  problem.carers[3].shift = {0, 20};     // back at 25
  const Solution plan = solve_and_check(problem);
  ASSERT_EQ(plan.unassigned.size(), 1U);
  EXPECT_EQ(plan.unassigned[0].reason, UnassignedReason::kWindowUnreachable);
  const auto explanations = explain_unassigned(problem, plan);
  EXPECT_EQ(obstacle_of(explanations, 0, 0), Obstacle::kSkill);
  EXPECT_EQ(obstacle_of(explanations, 0, 1), Obstacle::kShift);
  EXPECT_EQ(obstacle_of(explanations, 0, 2), Obstacle::kWindow);
  EXPECT_EQ(obstacle_of(explanations, 0, 3), Obstacle::kTravel);
  EXPECT_TRUE(check_explanations(problem, plan, explanations).empty());
}

TEST(SolverFleet, CheckerRefutesAWrongObstacle) {
  Problem problem = line_problem(1, 2);
  problem.visits[0].windows = {{0, 50}};
  problem.carers[1].shift = {100, 200};
  problem.visits[0].skills = {4};
  problem.carers[1].skills = {4};
  const Solution plan = solve_and_check(problem);
  auto explanations = explain_unassigned(problem, plan);
  ASSERT_TRUE(check_explanations(problem, plan, explanations).empty());
  explanations[0].carers[1].obstacle = Obstacle::kSkill;  // it holds the skill: its shift is the obstacle
  EXPECT_FALSE(check_explanations(problem, plan, explanations).empty());
  explanations[0].carers.pop_back();  // and every carer must be named
  bool named = false;
  for (const std::string& violation : check_explanations(problem, plan, explanations))
    named = named || violation.find("named 0 times") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(SolverFleet, BookedCarersAreNamedAndRefutedWhereARouteHasRoom) {
  Problem problem = line_problem(2, 1);
  problem.travel.x = {0, 10, -10};
  problem.visits[0].windows = {{10, 10}};
  problem.visits[1].windows = {{10, 10}};
  const Solution plan = solve_and_check(problem);
  ASSERT_EQ(plan.unassigned.size(), 1U);
  const auto explanations = explain_unassigned(problem, plan);
  EXPECT_EQ(obstacle_of(explanations, plan.unassigned[0].visit, 0), Obstacle::kBooked);
  EXPECT_TRUE(check_explanations(problem, plan, explanations).empty());
  // widen the windows: the one route now has room, so "booked" is false
  Problem roomy = problem;
  roomy.visits[0].windows = {{10, 100}};
  roomy.visits[1].windows = {{10, 100}};
  EXPECT_FALSE(check_explanations(roomy, plan, explanations).empty());
}

TEST(SolverFleet, TheOtherServicesCarerIsNamedAsThePartner) {
  Problem problem = two_services_problem(true);
  problem.carers.pop_back();
  const Solution plan = solve_and_check(problem);
  ASSERT_EQ(plan.unassigned.size(), 1U);
  const auto explanations = explain_unassigned(problem, plan);
  EXPECT_EQ(obstacle_of(explanations, plan.unassigned[0].visit, 0), Obstacle::kPartner);
  EXPECT_TRUE(check_explanations(problem, plan, explanations).empty());
}

TEST(SolverFleet, ExplanationsOfACrowdedDayAllHold) {
  Problem problem = one_depot_problem(200, 70, true);
  for (Carer& carer : problem.carers) carer.shift = {0, 300};
  for (int carer_idx = 0; carer_idx < 70; carer_idx += 3) problem.carers[carer_idx].skills = {1};
  for (int visit_idx = 0; visit_idx < 200; visit_idx += 7) problem.visits[visit_idx].skills = {1};
  const Solution plan = solve_and_check(problem, 200);
  ASSERT_FALSE(plan.unassigned.empty());
  const auto violations = check_explanations(problem, plan, explain_unassigned(problem, plan));
  EXPECT_TRUE(violations.empty()) << violations.front();
}

TEST(SolverFleet, ADayFromOneOfficeIsCheckedAndEveryReasonHolds) {
  // 100 carers of mixed shifts, skills and travel modes, all from one office
  const Problem problem = generate_day({.visits = 600, .carers = 100, .seed = 3, .offices = 1});
  for (const Carer& carer : problem.carers) ASSERT_EQ(carer.start_location, problem.carers[0].start_location);
  const Solution plan = solve_and_check(problem, 300);
  const auto violations = check_explanations(problem, plan, explain_unassigned(problem, plan));
  EXPECT_TRUE(violations.empty()) << violations.front();
  EXPECT_LE(plan.unassigned.size(), 30U);
}

// Mankowska et al. (2014): a carer visits a patient at most once, so the readers
// ask for two carers for a patient's two services unless told otherwise.
TEST(SolverFleet, MankowskaAndIolabReadersAskForTwoCarersUnlessAllowedOne) {
  const std::string shared = ALLOT_SHARED_DIR;
  for (const std::string& path : {shared + "/bench/hhc/mankowska/txt/InstanzCPLEX_HCSRP_10_1.txt",
                                 shared + "/bench/hhc/mankowska/json_small/InstanzCPLEX_HCSRP_10_1.json"}) {
    const auto apart = solver_io::read_problem_file(path, {});
    ASSERT_TRUE(apart.has_value()) << path;
    ASSERT_FALSE(apart->precedences.empty()) << path;
    for (const Precedence& link : apart->precedences) EXPECT_TRUE(link.different_carers) << path;
    const auto together = solver_io::read_problem_file(path, {.one_carer_for_both_services = true});
    ASSERT_TRUE(together.has_value()) << path;
    for (const Precedence& link : together->precedences) EXPECT_FALSE(link.different_carers) << path;
  }
}

}  // namespace
}  // namespace allot::solver
