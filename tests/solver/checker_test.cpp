// The checker must catch each kind of fault when a correct solution is damaged.
#include "fixtures.h"

namespace allot::solver {
namespace {

using testing::line_problem;

class CheckerFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    problem_ = line_problem(4, 2);
    problem_.visits[0].windows = {{0, 500}};
    problem_.visits[2].carers_needed = 2;
    solution_ = testing::solve_and_check(problem_);
    ASSERT_TRUE(check_solution(problem_, solution_).ok());
  }
  bool has_violation(const std::string& fragment) const {
    for (const std::string& violation : check_solution(problem_, solution_).violations)
      if (violation.find(fragment) != std::string::npos) return true;
    return false;
  }
  Stop& first_stop_of(int visit) {
    for (Route& route : solution_.routes)
      for (Stop& stop : route.stops)
        if (stop.kind == Stop::Kind::kVisit && stop.index == visit) return stop;
    throw std::logic_error("visit not routed");
  }
  Problem problem_;
  Solution solution_;
};

TEST_F(CheckerFaults, StartBeforeArrival) {
  first_stop_of(1).start -= 100;
  EXPECT_TRUE(has_violation("starts before arriving"));
}

TEST_F(CheckerFaults, StartAfterWindow) {
  problem_.visits[0].windows = {{0, 1}};
  EXPECT_TRUE(has_violation("after every window"));
}

TEST_F(CheckerFaults, MissingSkill) {
  problem_.visits[1].skills = {4};
  EXPECT_TRUE(has_violation("lacks a required skill"));
}

TEST_F(CheckerFaults, VisitDroppedSilently) {
  for (Route& route : solution_.routes) std::erase_if(route.stops, [](const Stop& stop) { return stop.index == 3; });
  EXPECT_TRUE(has_violation("neither routed nor listed"));
}

TEST_F(CheckerFaults, DoubleHandedStartsApart) {
  first_stop_of(2).start += 1;
  EXPECT_TRUE(has_violation("different times"));
}

TEST_F(CheckerFaults, PrecedenceBroken) {
  problem_.precedences.push_back({3, 0, 1000, 2000});
  EXPECT_TRUE(has_violation("precedences[0]"));
}

TEST_F(CheckerFaults, ShiftOverrun) {
  for (Carer& carer : problem_.carers) carer.shift.end = 10;
  EXPECT_TRUE(has_violation("after the shift ends"));
}

TEST_F(CheckerFaults, CapacityOverrun) {
  for (Carer& carer : problem_.carers) carer.capacity = 1;
  for (Visit& visit : problem_.visits) visit.demand = 1;
  EXPECT_TRUE(has_violation("above capacity"));
}

TEST_F(CheckerFaults, ObjectiveMisreported) {
  solution_.cost.objective += 1;
  EXPECT_TRUE(has_violation("cost: objective"));
}

TEST_F(CheckerFaults, ExcludedCarerUsed) {
  problem_.visits[1].excluded_carers = {solution_.routes[0].carer, 1 - solution_.routes[0].carer};
  EXPECT_TRUE(has_violation("excluded"));
}

}  // namespace
}  // namespace allot::solver
