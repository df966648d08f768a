// Readers and the JSON format: errors carry their place, and a problem survives a
// round trip through JSON.
#include <fstream>

#include "allot/solver_io/readers.h"
#include "fixtures.h"

namespace allot::solver {
namespace {

const std::string kShared = ALLOT_SHARED_DIR;

TEST(SolverIo, SolomonAndVrplibCopiesAgree) {
  const auto text = solver_io::read_problem_file(kShared + "/bench/vrptw/solomon/solomon_format/C101.txt", {});
  const auto vrp = solver_io::read_problem_file(kShared + "/bench/vrptw/solomon/vrplib/C101.vrp", {});
  ASSERT_TRUE(text) << format_issues(text.error());
  ASSERT_TRUE(vrp) << format_issues(vrp.error());
  ASSERT_EQ(text->visits.size(), 100U);
  ASSERT_EQ(vrp->visits.size(), 100U);
  EXPECT_EQ(text->carers.size(), 25U);
  EXPECT_EQ(text->carers[0].capacity, 200);
  for (std::size_t visit_idx = 0; visit_idx < 100; ++visit_idx) {
    EXPECT_EQ(text->visits[visit_idx].duration, vrp->visits[visit_idx].duration);
    EXPECT_EQ(text->visits[visit_idx].windows[0].end, vrp->visits[visit_idx].windows[0].end);
    EXPECT_EQ(text->visits[visit_idx].demand, vrp->visits[visit_idx].demand);
  }
}

TEST(SolverIo, DimacsTruncationTruncatesArcs) {
  const auto vrp = solver_io::read_problem_file(kShared + "/bench/vrptw/solomon/vrplib/C101.vrp", {.truncate_to_tenth = true});
  ASSERT_TRUE(vrp);
  const double arc = travel_distance(vrp->travel, 0, 1);  // (40,50) to (45,68): 18.68...
  EXPECT_DOUBLE_EQ(arc, 18.6);
}

TEST(SolverIo, MankowskaTextAndIolabJsonDescribeTheSameInstance) {
  const auto text = solver_io::read_problem_file(kShared + "/bench/hhc/mankowska/txt/InstanzCPLEX_HCSRP_10_1.txt", {});
  const auto json = solver_io::read_problem_file(kShared + "/bench/hhc/mankowska/json_small/InstanzCPLEX_HCSRP_10_1.json", {});
  ASSERT_TRUE(text) << format_issues(text.error());
  ASSERT_TRUE(json) << format_issues(json.error());
  EXPECT_EQ(text->visits.size(), 13U);  // 10 patients, three of them need two services
  EXPECT_EQ(json->visits.size(), 13U);
  EXPECT_EQ(text->precedences.size(), 3U);
  EXPECT_EQ(json->precedences.size(), 3U);
  EXPECT_EQ(text->carers.size(), 3U);
  EXPECT_DOUBLE_EQ(text->visits[0].duration, 14.0);
}

TEST(SolverIo, SolomonErrorsNameTheLine) {
  const std::string text =
      "BAD\n\nVEHICLE\nNUMBER     CAPACITY\n  2         200\n\nCUSTOMER\n"
      "CUST NO.   XCOORD.    YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME\n\n"
      "    0        40         50          0          0       1236          0\n"
      "    1        45         x68         10        912        967         90\n"
      "    2        45         70         30        900        870         90\n";
  const auto problem = solver_io::read_solomon(text, "bad.txt", {});
  ASSERT_FALSE(problem);
  const std::string report = format_issues(problem.error());
  EXPECT_NE(report.find("bad.txt:11"), std::string::npos) << report;
}

TEST(SolverIo, JsonErrorsAreAllReportedWithPaths) {
  const auto document = nlohmann::json::parse(R"({
    "locations": [[0, 0], [1, 1]],
    "carers": [{"id": "a", "start_location": 0, "shift": [0, 100]}],
    "visits": [
      {"id": "v1", "location": 5, "duration": 10},
      {"id": "v2", "location": 1, "duration": -1, "time_windows": [[10, 5]], "carers_needed": 3,
       "preferred_carers": ["nobody"]}
    ],
    "precedences": [{"first": "v1", "second": "v9"}],
    "objective": {"allow_lateness": "yes", "fewest_routes_first": 1}
  })");
  const auto problem = solver_io::problem_from_json(document);
  ASSERT_FALSE(problem);
  const std::string report = format_issues(problem.error());
  for (const char* path : {"visits[0].location", "visits[1].duration", "visits[1].time_windows[0]",
                           "visits[1].carers_needed", "visits[1].preferred_carers[0]", "precedences[0].second",
                           "objective.allow_lateness", "objective.fewest_routes_first"})
    EXPECT_NE(report.find(path), std::string::npos) << path << " missing from\n" << report;
}

TEST(SolverIo, ProblemAndSolutionRoundTripThroughJson) {
  Problem problem = generate_day({120, 15, 2});
  problem.objective.fewest_routes_first = true;
  const auto again = solver_io::problem_from_json(solver_io::problem_to_json(problem));
  ASSERT_TRUE(again) << format_issues(again.error());
  EXPECT_TRUE(again->objective.fewest_routes_first);
  const Solution first = testing::solve_and_check(problem, 20);
  const Solution second = testing::solve_and_check(*again, 20);
  EXPECT_NEAR(first.cost.objective, second.cost.objective, 1e-6);
  const auto read_back = solver_io::solution_from_json(problem, solver_io::solution_to_json(problem, first));
  ASSERT_TRUE(read_back) << format_issues(read_back.error());
  EXPECT_TRUE(check_solution(problem, *read_back).ok());
}

TEST(SolverIo, WorkedExampleInTheDocsSolves) {
  const auto problem = solver_io::read_problem_file(std::string(ALLOT_SOURCE_DIR) + "/data/solver/example.json", {});
  ASSERT_TRUE(problem) << format_issues(problem.error());
  const Solution solution = testing::solve_and_check(*problem, 100);
  // the catheter visit has no skilled carer; the evening visit falls after both shifts
  ASSERT_EQ(solution.unassigned.size(), 2U);
  EXPECT_EQ(solution.unassigned[0].reason, UnassignedReason::kNoSkilledCarer);
  EXPECT_EQ(solution.unassigned[1].reason, UnassignedReason::kOutsideShifts);
}

}  // namespace
}  // namespace allot::solver
