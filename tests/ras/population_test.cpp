#include <gtest/gtest.h>

#include <limits>
#include <utility>

#include "allot/ras/population_csv.h"
#include "allot/ras/simulate.h"
#include "allot/ras/synthetic_population.h"
#include "fixtures.h"

namespace allot::ras {
namespace {

using testing::must_parse;
using testing::ok_points;

struct Read {
  std::vector<std::string> ids;
  PopulationReadSummary summary;
};

Read read(const Rulebook& rulebook, std::string_view text) {
  Read out;
  out.summary = read_population_csv(rulebook, text, "people.csv",
                                    [&](const PopulationRow& row) { out.ids.emplace_back(row.person_id); });
  return out;
}

TEST(PopulationCsv, ReadsRowsAndUsesDefaults) {
  const Rulebook rulebook = must_parse(ok_points());
  // family_support is missing: its default ("none") applies. Quoted and CRLF lines are fine.
  const Read out = read(rulebook,
                        "person_id,client_group,current_annual_pence,personal_care,mobility\r\n"
                        "P1,Older people,1000,some,none\r\n"
                        "\"P2\",\"Mental health, community\",2000,lots,some\r\n");
  EXPECT_TRUE(out.summary.issues.empty()) << format_issues(out.summary.issues);
  EXPECT_EQ(out.ids, (std::vector<std::string>{"P1", "P2"}));
}

TEST(PopulationCsv, ReportsEveryBadRowWithItsLine) {
  const Rulebook rulebook = must_parse(ok_points());
  const Read out = read(rulebook,
                        "person_id,client_group,current_annual_pence,personal_care,mobility,family_support\n"
                        "P1,Older people,1000,some,none,none\n"
                        "P2,Older people,12.50,some,none,none\n"
                        "P3,Older people,1000,sum,none,none\n"
                        "P1,Older people,1000,some,none,none\n"
                        "P5,Older people,1000,some\n"
                        ",Older people,1000,some,none,none\n");
  EXPECT_EQ(out.summary.rows, 1u);
  EXPECT_EQ(out.summary.bad_rows, 5u);
  const Issues& issues = out.summary.issues;
  ASSERT_EQ(issues.size(), 5u) << format_issues(issues);
  EXPECT_EQ(issues[0].path, "people.csv:3");
  EXPECT_NE(issues[0].message.find("expected whole pence"), std::string::npos);
  EXPECT_EQ(issues[1].path, "people.csv:4");
  EXPECT_EQ(issues[1].message, "personal_care: unknown answer \"sum\"; expected one of none, some, lots");
  EXPECT_EQ(issues[2].path, "people.csv:5");
  EXPECT_NE(issues[2].message.find("appears more than once"), std::string::npos);
  EXPECT_EQ(issues[3].path, "people.csv:6");
  EXPECT_EQ(issues[3].message, "found 4 fields; expected 6 as in the header");
  EXPECT_EQ(issues[4].path, "people.csv:7");
}

TEST(PopulationCsv, HeaderProblemsStopBeforeAnyRow) {
  const Rulebook rulebook = must_parse(ok_points());
  const Read out = read(rulebook, "person_id,current_annual_pence,personal_care,hobbies\nP1,1,some,yes\n");
  EXPECT_EQ(out.summary.rows, 0u);
  ASSERT_EQ(out.summary.issues.size(), 3u) << format_issues(out.summary.issues);
  EXPECT_NE(out.summary.issues[0].message.find("unknown column \"hobbies\""), std::string::npos);
  EXPECT_EQ(out.summary.issues[1].message, "missing column client_group");
  EXPECT_EQ(out.summary.issues[2].message, "missing column mobility (the question has no default answer)");
}

TEST(PopulationCsv, IssueListIsCappedButCounted) {
  const Rulebook rulebook = must_parse(ok_points());
  std::string text = "person_id,client_group,current_annual_pence,personal_care,mobility\n";
  for (int row = 0; row < 250; ++row) text += "P" + std::to_string(row) + ",g,-1,some,none\n";
  const Read out = read(rulebook, text);
  EXPECT_EQ(out.summary.bad_rows, 250u);
  ASSERT_EQ(out.summary.issues.size(), 201u);
  EXPECT_EQ(out.summary.issues.back().message, "... and 50 more problems");
}

TEST(Simulate, TotalsGainersLosersAndProtectionByHand) {
  const Rulebook rulebook = must_parse(ok_points());
  const CompiledRulebook compiled(rulebook);
  SimulationAccumulator accumulator;
  // Indicative 67,500 (range 60,750..74,250) for some/some.
  const std::vector<std::size_t> chosen = {1, 1, 0};
  const auto amounts = compiled.score(chosen.data());
  accumulator.add("Older people", amounts, Money::from_pence(50000));   // current below the range: gains
  accumulator.add("Older people", amounts, Money::from_pence(70000));   // within; protection 2,500
  accumulator.add("Mental health", amounts, Money::from_pence(90000));  // above the range: loses; protection 22,500
  const SimulationReport report = accumulator.report(rulebook);
  EXPECT_EQ(report.overall.people, 3);
  EXPECT_EQ(report.overall.total_indicative.pence(), 202500);
  EXPECT_EQ(report.overall.total_current.pence(), 210000);
  EXPECT_EQ(report.overall.above_range, 1);
  EXPECT_EQ(report.overall.within_range, 1);
  EXPECT_EQ(report.overall.below_range, 1);
  EXPECT_EQ(report.overall.protection_needed.pence(), 25000);
  ASSERT_EQ(report.groups.size(), 2u);
  EXPECT_EQ(report.groups[0].client_group, "Older people");
  EXPECT_EQ(report.groups[0].protection_needed.pence(), 2500);
  EXPECT_EQ(report.groups[1].below_range, 1);
}

std::string generate(const Rulebook& rulebook, std::int64_t people, std::uint64_t seed) {
  std::string text;
  generate_population(rulebook, {people, seed}, [&](std::string_view chunk) { text += chunk; });
  return text;
}

TEST(SyntheticPopulation, DeterministicForASeedAndReadableBack) {
  const Rulebook rulebook = must_parse(nlohmann::json::parse(testing::read_source_file("data/rulebooks/example-adults.json")));
  const std::string first = generate(rulebook, 2000, 7);
  EXPECT_EQ(first, generate(rulebook, 2000, 7));
  EXPECT_NE(first, generate(rulebook, 2000, 8));
  SimulationAccumulator accumulator;
  const CompiledRulebook compiled(rulebook);
  const PopulationReadSummary summary = read_population_csv(rulebook, first, "generated", [&](const PopulationRow& row) {
    accumulator.add(row.client_group, compiled.score(row.chosen), row.current_annual);
  });
  EXPECT_TRUE(summary.issues.empty()) << format_issues(summary.issues);
  const SimulationReport report = accumulator.report(rulebook);
  EXPECT_EQ(report.overall.people, 2000);
  ASSERT_EQ(report.groups.size(), 4u);
  // Older people are the largest group; every group has people who gain and who lose.
  std::int64_t older = 0;
  for (const GroupTotals& group : report.groups) {
    if (group.client_group == "Older people") older = group.people;
    EXPECT_GT(group.above_range, 0) << group.client_group;
    EXPECT_GT(group.below_range, 0) << group.client_group;
  }
  EXPECT_GT(older, 1000);
}


// Reading in parts gives what reading in one go gives: the same rows, the same
// problems at the same lines, a person_id repeated across parts found.
struct PartsRead {
  std::vector<std::string> ids;  // in part order, then file order
  PopulationReadSummary summary;
};

PartsRead read_in_parts(const Rulebook& rulebook, std::string_view text, std::size_t parts, std::size_t max_issues = 200) {
  std::vector<std::vector<std::string>> by_part(parts);
  PopulationReadOptions options;
  options.min_part_bytes = 1;
  options.max_issues = max_issues;
  PartsRead out;
  out.summary = read_population_csv_in_parts(
      rulebook, text, "people.csv", parts,
      [&](std::size_t part, const PopulationRow& row) { by_part.at(part).emplace_back(row.person_id); }, options);
  for (const auto& ids : by_part) out.ids.insert(out.ids.end(), ids.begin(), ids.end());
  return out;
}

std::string many_rows(std::size_t count, std::string_view bad_every_tenth = {}) {
  std::string text = "person_id,client_group,current_annual_pence,personal_care,mobility,family_support\n";
  for (std::size_t index = 1; index <= count; ++index) {
    text += "P" + std::to_string(index) + ",Group " + std::to_string(index % 3) + ",1000,";
    text += index % 10 == 0 && !bad_every_tenth.empty() ? std::string(bad_every_tenth) : "some";
    text += ",none,none\n";
  }
  return text;
}

TEST(PopulationCsvInParts, GivesTheRowsAndProblemsOfOneRead) {
  const Rulebook rulebook = must_parse(ok_points());
  const std::string text = many_rows(500, "sum");
  const Read whole = read(rulebook, text);
  for (const std::size_t parts : {2u, 3u, 7u}) {
    const PartsRead out = read_in_parts(rulebook, text, parts);
    EXPECT_EQ(out.ids, whole.ids) << parts << " parts";
    EXPECT_EQ(out.summary.rows, 450u);
    EXPECT_EQ(out.summary.bad_rows, 50u);
    ASSERT_EQ(out.summary.issues.size(), whole.summary.issues.size());
    for (std::size_t index = 0; index < whole.summary.issues.size(); ++index) {
      EXPECT_EQ(out.summary.issues[index].path, whole.summary.issues[index].path) << parts << " parts, issue " << index;
      EXPECT_EQ(out.summary.issues[index].message, whole.summary.issues[index].message);
    }
    EXPECT_EQ(out.summary.issues.front().path, "people.csv:11");  // P10, after the header
  }
}

TEST(PopulationCsvInParts, FindsAPersonRepeatedInALaterPart) {
  const Rulebook rulebook = must_parse(ok_points());
  std::string text = many_rows(300);
  text += "P7,Group 1,1000,some,none,none\n";    // line 302: P7 was on line 8, in the first part
  text += "\"P9\",Group 1,1000,some,none,none\n";  // line 303: a quoted repeat of P9
  const Read whole = read(rulebook, text);
  const PartsRead out = read_in_parts(rulebook, text, 4);
  EXPECT_EQ(out.summary.rows, 300u);
  EXPECT_EQ(out.summary.bad_rows, 2u);
  ASSERT_EQ(out.summary.issues.size(), 2u) << format_issues(out.summary.issues);
  EXPECT_EQ(out.summary.issues[0].path, "people.csv:302");
  EXPECT_EQ(out.summary.issues[0].message, "person_id \"P7\" appears more than once");
  EXPECT_EQ(out.summary.issues[1].path, "people.csv:303");
  EXPECT_EQ(whole.summary.issues.size(), 2u);
  EXPECT_EQ(whole.summary.issues[0].path, "people.csv:302");
}

TEST(PopulationCsvInParts, KeepsTheFirstProblemsInLineOrderAndCountsTheRest) {
  const Rulebook rulebook = must_parse(ok_points());
  const std::string text = many_rows(1000, "sum");  // 100 bad rows
  const Read whole = [&] {
    Read result;
    PopulationReadOptions options;
    options.max_issues = 5;
    result.summary = read_population_csv(rulebook, text, "people.csv", [](const PopulationRow&) {}, options);
    return result;
  }();
  const PartsRead out = read_in_parts(rulebook, text, 3, 5);
  ASSERT_EQ(out.summary.issues.size(), 6u);
  for (std::size_t index = 0; index < 6; ++index) {
    EXPECT_EQ(out.summary.issues[index].path, whole.summary.issues[index].path);
    EXPECT_EQ(out.summary.issues[index].message, whole.summary.issues[index].message);
  }
  EXPECT_EQ(out.summary.issues.back().message, "... and 95 more problems");
}

TEST(PopulationCsv, RefusesACurrentCostAboveTheBoundRatherThanSumIt) {
  const Rulebook rulebook = must_parse(ok_points());
  const Read out = read(rulebook,
                        "person_id,client_group,current_annual_pence,personal_care,mobility,family_support\n"
                        "P1,Older people,10000000001,some,none,none\n"
                        "P2,Older people,9223372036854775807,some,none,none\n");
  EXPECT_EQ(out.summary.bad_rows, 2u);
  ASSERT_EQ(out.summary.issues.size(), 2u);
  EXPECT_NE(out.summary.issues[0].message.find("from 0 to 10000000000"), std::string::npos);
}

TEST(SimulationAccumulator, MergesLaterPartsKeepingGroupsInFirstAppearance) {
  const Rulebook rulebook = must_parse(ok_points());
  const CompiledRulebook compiled(rulebook);
  const std::size_t chosen[] = {1, 0, 0};
  const CompiledRulebook::Amounts amounts = compiled.score(chosen);
  SimulationAccumulator whole, first, second;
  for (const auto& [group, part] : std::vector<std::pair<std::string, int>>{{"B", 0}, {"A", 0}, {"B", 1}, {"C", 1}}) {
    whole.add(group, amounts, Money::from_pence(1000));
    (part == 0 ? first : second).add(group, amounts, Money::from_pence(1000));
  }
  first.merge(second);
  EXPECT_EQ(simulation_to_json(first.report(rulebook)), simulation_to_json(whole.report(rulebook)));
  EXPECT_FALSE(first.overflowed());
}

TEST(SimulationAccumulator, NotesOverflowInsteadOfWrapping) {
  const Rulebook rulebook = must_parse(ok_points());
  const CompiledRulebook compiled(rulebook);
  const std::size_t chosen[] = {1, 0, 0};
  SimulationAccumulator accumulator;
  const Money near_max = Money::from_pence(std::numeric_limits<std::int64_t>::max() / 2 + 1);
  accumulator.add("A", compiled.score(chosen), near_max);
  EXPECT_FALSE(accumulator.overflowed());
  accumulator.add("A", compiled.score(chosen), near_max);
  EXPECT_TRUE(accumulator.overflowed());
}

}  // namespace
}  // namespace allot::ras
