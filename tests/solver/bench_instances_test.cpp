// Every shared benchmark instance is solved briefly and checked: the readers, the
// solver and the checker agree on all 186 of them.
#include <filesystem>

#include "allot/solver_io/readers.h"
#include "fixtures.h"

namespace allot::solver {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_in(const std::string& folder, const std::string& extension) {
  std::vector<std::string> files;
  const fs::path root = fs::path(ALLOT_SHARED_DIR) / "bench" / folder;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.path().extension() == extension) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void solve_all(const std::vector<std::string>& files, std::size_t expected, long iterations, bool all_served) {
  ASSERT_EQ(files.size(), expected) << "shared bench data missing? ALLOT_SHARED_DIR=" << ALLOT_SHARED_DIR;
  for (const std::string& path : files) {
    const auto problem = solver_io::read_problem_file(path, {.truncate_to_tenth = true});
    ASSERT_TRUE(problem) << format_issues(problem.error());
    const Solution solution = testing::solve_quietly(*problem, iterations);
    const CheckReport report = check_solution(*problem, solution);
    EXPECT_TRUE(report.ok()) << path << ": " << report.violations.front();
    if (all_served) {
      EXPECT_TRUE(solution.unassigned.empty()) << path;
    }
  }
}

TEST(BenchInstances, Solomon) { solve_all(files_in("vrptw/solomon/vrplib", ".vrp"), 56, 300, true); }
TEST(BenchInstances, SolomonTextFormat) { solve_all(files_in("vrptw/solomon/solomon_format", ".txt"), 56, 0, false); }
TEST(BenchInstances, GehringHomberger200) { solve_all(files_in("vrptw/homberger/vrplib/gh200", ".vrp"), 60, 100, true); }
TEST(BenchInstances, MankowskaText) { solve_all(files_in("hhc/mankowska/txt", ".txt"), 70, 30, true); }
TEST(BenchInstances, MankowskaIolabJson) { solve_all(files_in("hhc/mankowska/json_small", ".json"), 20, 100, true); }

// Fleet minimisation: R101 with exact distances needs 19 routes in the best known
// (vehicles-first) solution; a distance-only search settles on 20 or more. A visit
// nobody can do (a skill no vehicle has) must not stop the fleet shrinking.
TEST(BenchInstances, FewestRoutesFirstReachesTheBestKnownFleetOnR101) {
  auto problem = solver_io::read_problem_file(
      (fs::path(ALLOT_SHARED_DIR) / "bench/vrptw/solomon/vrplib/R101.vrp").string(), {.truncate_to_tenth = false});
  ASSERT_TRUE(problem) << format_issues(problem.error());
  problem->objective.fewest_routes_first = true;
  Visit impossible = problem->visits.front();
  impossible.id = "needs-a-skill-nobody-has";
  impossible.skills = {99};
  problem->visits.push_back(impossible);
  const Solution solution = testing::solve_quietly(*problem, 20000);
  const CheckReport report = check_solution(*problem, solution);
  EXPECT_TRUE(report.ok()) << report.violations.front();
  ASSERT_EQ(solution.unassigned.size(), 1U);
  EXPECT_EQ(solution.unassigned[0].reason, UnassignedReason::kNoSkilledCarer);
  EXPECT_LE(solution.cost.routes_used, 19);
}

// Links between routes (double-handed visits, precedences) at a scale where full
// start-time recomputation takes many sweeps.
TEST(BenchInstances, GeneratedDayOfFifteenHundredVisits) {
  const Problem problem = generate_day({1500, 180, 11});
  const Solution solution = testing::solve_quietly(problem, 150, 3);
  const CheckReport report = check_solution(problem, solution);
  EXPECT_TRUE(report.ok()) << report.violations.front();
  EXPECT_LT(solution.unassigned.size(), 150U);
}

}  // namespace
}  // namespace allot::solver
