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

// Found by fuzz/fuzz_solver_text: a count beyond an int (DIMENSION 1e37) was
// converted to int, undefined behaviour; counts and ids are now read as whole
// numbers in range, and numbers must be finite and within 1e15, each refusal naming its field.
TEST(SolverIo, TextCountsAndNumbersOutOfRangeAreRefusedNotConverted) {
  const auto vrplib = solver_io::read_vrplib(
      "NAME : x\nDIMENSION : 11111111111111111111111111111111111111\nVEHICLES : 2.5\nNODE_COORD_SECTION\n1 0 0\n",
      "huge.vrp", {});
  ASSERT_FALSE(vrplib);
  std::string report = format_issues(vrplib.error());
  EXPECT_NE(report.find("huge.vrp:2: DIMENSION: expected a number from 0 to 100000; found 1111"), std::string::npos) << report;
  EXPECT_NE(report.find("huge.vrp:3: VEHICLES: expected a whole number; found 2.5"), std::string::npos)
      << report;
  const auto too_many = solver_io::read_vrplib("NAME : x\nDIMENSION : 5000000\n", "many.vrp", {});
  ASSERT_FALSE(too_many);
  report = format_issues(too_many.error());
  EXPECT_NE(report.find("many.vrp:2: DIMENSION: expected a number from 0 to 100000; found 5000000"), std::string::npos) << report;

  const std::string solomon =
      "S\n\nVEHICLE\nNUMBER     CAPACITY\n  1e12         200\n\nCUSTOMER\n"
      "CUST NO.   XCOORD.    YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME\n\n"
      "    0        40         50          0          0       inf          0\n"
      "    1        nan        68         10        912        967         1e300\n";
  const auto problem = solver_io::read_solomon(solomon, "odd.txt", {});
  ASSERT_FALSE(problem);
  report = format_issues(problem.error());
  EXPECT_NE(report.find("odd.txt:5: VEHICLE NUMBER: expected a number from 0 to 100000; found 1e12"), std::string::npos) << report;
  EXPECT_NE(report.find("odd.txt:10: DUE DATE: expected a number from -1e+15 to 1e+15; found inf"), std::string::npos) << report;
  EXPECT_NE(report.find("odd.txt:11: XCOORD.: expected a number from -1e+15 to 1e+15; found nan"), std::string::npos) << report;
  EXPECT_NE(report.find("odd.txt:11: SERVICE TIME: expected a number from -1e+15 to 1e+15; found 1e300"), std::string::npos) << report;

  // A matrix is sized only once the file holds its numbers.
  const auto mankowska = solver_io::read_mankowska("nbNodes\n90000\nnbVehi\n90000\nnbServi\n6\nr\n1 0\n", "big.txt");
  ASSERT_FALSE(mankowska);
  report = format_issues(mankowska.error());
  EXPECT_NE(report.find("big.txt: r: file ends early; expected 540000 numbers"), std::string::npos) << report;
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

TEST(SolverIo, JsonErrorsUseTheReaderWording) {
  const auto document = nlohmann::json::parse(R"({
    "locations": [[0, 0], [1, "north"]],
    "travel": {"kind": "crow_flies"},
    "carers": [{"id": "a", "start_location": 0, "shift": [480, 420], "speed_factor": 0, "colour": "red"}],
    "visits": [
      {"id": "v1", "location": 1.5, "duration": "ten", "time_windows": [[10]], "carers_needed": 3, "skills": [7]},
      {"id": "v2", "location": 1, "duration": 1e300, "priority": 0}
    ],
    "objective": {"allow_lateness": "yes"}
  })");
  const auto problem = solver_io::problem_from_json(document);
  ASSERT_FALSE(problem);
  const Issues expected = {
      {ErrorCode::kInvalidValue, "travel.kind", "expected one of matrix, euclidean, great_circle; found \"crow_flies\""},
      {ErrorCode::kWrongType, "locations[1][1]", "expected a number; found \"north\""},
      {ErrorCode::kInvalidValue, "carers[0].colour",
       "unknown field; expected one of id, start_location, end_location, shift, skills, breaks, max_working_time, "
       "speed_factor, capacity"},
      {ErrorCode::kInvalidValue, "carers[0].shift", "must not end before it starts; found [480,420]"},
      {ErrorCode::kInvalidValue, "carers[0].speed_factor", "must be above 0; found 0"},
      {ErrorCode::kWrongType, "visits[0].location", "expected a whole number; found 1.5"},
      {ErrorCode::kWrongType, "visits[0].duration", "expected a number; found \"ten\""},
      {ErrorCode::kWrongType, "visits[0].time_windows[0]", "expected [start, end]; found 1 item"},
      {ErrorCode::kWrongType, "visits[0].skills[0]", "expected a string; found 7"},
      {ErrorCode::kInvalidValue, "visits[0].carers_needed", "must be 1 or 2; found 3"},
      {ErrorCode::kInvalidValue, "visits[1].duration", "must be at most 1e+15; found 1e+300"},
      {ErrorCode::kInvalidValue, "visits[1].priority", "must be at least 1; found 0"},
      {ErrorCode::kWrongType, "objective.allow_lateness", "expected true or false; found \"yes\""},
  };
  EXPECT_EQ(problem.error(), expected) << format_issues(problem.error());
}

TEST(SolverIo, IolabErrorsNameTheFileAndPlace) {
  const auto document = nlohmann::json::parse(R"({
    "services": [{"id": "s1"}],
    "patients": [{"id": "p1", "time_window": [60, 30], "required_caregivers": [{"service": "s9", "duration": 10}],
                  "synchronization": "yes"}],
    "distances": [[0, 1], [1, -2]],
    "caregivers": [{"id": "c1", "abilities": "s1"}]
  })");
  const auto problem = solver_io::read_iolab(document, "data/tiny.json");
  ASSERT_FALSE(problem);
  const Issues expected = {
      {ErrorCode::kInvalidValue, "data/tiny.json: distances[1][1]", "must not be negative; found -2"},
      {ErrorCode::kInvalidValue, "data/tiny.json: patients[0].time_window", "must not end before it starts; found [60,30]"},
      {ErrorCode::kUnknownReference, "data/tiny.json: patients[0].required_caregivers[0].service", "no service \"s9\""},
      {ErrorCode::kWrongType, "data/tiny.json: caregivers[0].abilities", "expected an array; found \"s1\""},
  };
  EXPECT_EQ(problem.error(), expected) << format_issues(problem.error());
}

// Found by fuzz/fuzz_solver_json: two patients with one id were read, and the
// problem could not be written back as Allot's JSON (visit ids must be unique).
TEST(SolverIo, IolabIdsUsedTwiceAreRefused) {
  const auto document = nlohmann::json::parse(R"({
    "services": [{"id": "s1"}, {"id": "s1"}],
    "patients": [{"id": "p1", "time_window": [0, 30], "required_caregivers": [{"service": "s1", "duration": 10}]},
                 {"id": "p1", "time_window": [0, 30], "required_caregivers": [{"service": "s1", "duration": 10}]}],
    "distances": [[0, 1, 1], [1, 0, 1], [1, 1, 0]],
    "caregivers": [{"id": "c1", "abilities": ["s1"]}, {"id": "c1", "abilities": ["s1"]}]
  })");
  const auto problem = solver_io::read_iolab(document, "twice.json");
  ASSERT_FALSE(problem);
  const Issues expected = {
      {ErrorCode::kDuplicate, "twice.json: services[1].id", "id \"s1\" used twice"},
      {ErrorCode::kDuplicate, "twice.json: patients[1].id", "id \"p1\" used twice"},
      {ErrorCode::kDuplicate, "twice.json: patients[1].required_caregivers[0].service", "makes a second visit \"p1\""},
      {ErrorCode::kDuplicate, "twice.json: caregivers[1].id", "id \"c1\" used twice"},
  };
  EXPECT_EQ(problem.error(), expected) << format_issues(problem.error());
}

TEST(SolverIo, IolabSequentialGapsMustBeInOrder) {
  const auto document = nlohmann::json::parse(R"({
    "services": [{"id": "s1"}, {"id": "s2"}],
    "patients": [{"id": "p1", "time_window": [0, 300],
                  "required_caregivers": [{"service": "s1", "duration": 10}, {"service": "s2", "duration": 10}],
                  "synchronization": {"type": "sequential", "distance": [60, 30]}}],
    "distances": [[0, 1], [1, 0]],
    "caregivers": [{"id": "c1", "abilities": ["s1", "s2"]}]
  })");
  const auto problem = solver_io::read_iolab(document, "gaps.json");
  ASSERT_FALSE(problem);
  const Issues expected = {{ErrorCode::kInvalidValue, "gaps.json: patients[0].synchronization.distance",
                            "the smaller gap must come first; found [60,30]"}};
  EXPECT_EQ(problem.error(), expected) << format_issues(problem.error());
}

// Found by fuzz/fuzz_solver_json: one service twice for a patient made two visits of one id.
TEST(SolverIo, IolabVisitIdsAreUnique) {
  const auto document = nlohmann::json::parse(R"({
    "services": [{"id": "s1"}],
    "patients": [{"id": "p1", "time_window": [0, 300],
                  "required_caregivers": [{"service": "s1", "duration": 10}, {"service": "s1", "duration": 10}]}],
    "distances": [[0, 1], [1, 0]],
    "caregivers": [{"id": "c1", "abilities": ["s1"]}]
  })");
  const auto problem = solver_io::read_iolab(document, "twice.json");
  ASSERT_FALSE(problem);
  const Issues expected = {{ErrorCode::kDuplicate, "twice.json: patients[0].required_caregivers[1].service",
                            "makes a second visit \"p1/s1\""}};
  EXPECT_EQ(problem.error(), expected) << format_issues(problem.error());
}

TEST(SolverIo, EveryUnassignedReasonReadsBack) {
  Problem problem = generate_day({20, 3, 1});
  Solution solution;
  for (auto reason : {UnassignedReason::kNoSkilledCarer, UnassignedReason::kCapacity, UnassignedReason::kOutsideShifts,
                      UnassignedReason::kWindowUnreachable, UnassignedReason::kCarersFullyBooked}) {
    solution.unassigned.push_back({static_cast<int>(solution.unassigned.size()), reason});
  }
  const auto read_back = solver_io::solution_from_json(problem, solver_io::solution_to_json(problem, solution));
  ASSERT_TRUE(read_back) << format_issues(read_back.error());
  ASSERT_EQ(read_back->unassigned.size(), solution.unassigned.size());
  for (std::size_t entry_idx = 0; entry_idx < solution.unassigned.size(); ++entry_idx) {
    EXPECT_EQ(read_back->unassigned[entry_idx].reason, solution.unassigned[entry_idx].reason);
  }
}

TEST(SolverIo, UnboundedEndsReadBackAsNull) {
  Problem problem = generate_day({20, 3, 1});
  problem.carers[0].shift.end = kUnbounded;
  const nlohmann::json document = solver_io::problem_to_json(problem);
  EXPECT_TRUE(document["carers"][0]["shift"][1].is_null());
  const auto again = solver_io::problem_from_json(document);
  ASSERT_TRUE(again) << format_issues(again.error());
  EXPECT_EQ(again->carers[0].shift.end, kUnbounded);
}

TEST(SolverIo, TwoDifferentCarersForAPairReadsAndWritesBack) {
  Problem problem = generate_day({20, 3, 1});
  problem.precedences.push_back(Precedence{0, 1, 30, 90, true});
  problem.precedences.push_back(Precedence{2, 3, 0, 0, false});
  const nlohmann::json document = solver_io::problem_to_json(problem);
  EXPECT_EQ(document["precedences"].back().count("different_carers"), 0U);
  const auto again = solver_io::problem_from_json(document);
  ASSERT_TRUE(again) << format_issues(again.error());
  ASSERT_EQ(again->precedences.size(), problem.precedences.size());
  EXPECT_TRUE(again->precedences[again->precedences.size() - 2].different_carers);
  EXPECT_FALSE(again->precedences.back().different_carers);
  nlohmann::json wrong = document;
  wrong["precedences"].back()["different_carers"] = "yes";
  const auto refused = solver_io::problem_from_json(wrong);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().front().path.find("different_carers"), std::string::npos);
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
