#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "allot/programmes/csv.h"
#include "allot/programmes/programme.h"

namespace allot::programmes {
namespace {

std::string seed_001_text() {
  std::ifstream file(std::string(ALLOT_SOURCE_DIR) + "/data/programmes/seed-001-jip-programme.csv");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

ProgrammeImport seed_001() {
  auto rows = parse_csv(seed_001_text(), "seed-001.csv");
  if (!rows) throw std::runtime_error(format_issues(rows.error()));
  auto programme = read_programme(*rows, "seed-001.csv");
  if (!programme) throw std::runtime_error(format_issues(programme.error()));
  return *programme;
}

std::int64_t pounds(std::int64_t whole) { return whole * 100; }

TEST(Csv, QuotedCellsAndProblems) {
  auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\ny\",2\n", "t.csv");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0], (Row{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ((*rows)[1], (Row{"x\ny", "2"}));
  auto open = parse_csv("a,\"b\n", "t.csv");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error()[0].path, "t.csv:1");
}

TEST(Pounds, Forms) {
  EXPECT_EQ(parse_pounds("42000")->pence(), 4200000);
  EXPECT_EQ(parse_pounds("£42,000.50")->pence(), 4200050);
  EXPECT_EQ(parse_pounds("0.5")->pence(), 50);
  EXPECT_FALSE(parse_pounds("-5"));
  EXPECT_FALSE(parse_pounds("1.234"));
  EXPECT_FALSE(parse_pounds(""));
}

TEST(Seed001, ReproducesTheStatedTotals) {
  const ProgrammeImport programme = seed_001();
  EXPECT_EQ(programme.programme, "East Midlands JIP adult social care transformation programme");
  auto report = programme_report(programme.programme, programme.lines, programme.totals);
  ASSERT_TRUE(report);
  EXPECT_EQ((*report)["sources"], (nlohmann::json{"Reform grant", "Match funding", "Regional allocation"}));
  const auto& by_year = (*report)["by_year"];
  EXPECT_EQ(by_year["2008/09"]["total_pence"], pounds(662000));
  EXPECT_EQ(by_year["2009/10"]["total_pence"], pounds(400000));
  EXPECT_EQ(by_year["2009/10"]["confirmed_pence"], pounds(200000));  // the reform grant; the rest to be confirmed
  EXPECT_EQ(by_year["2009/10"]["tbc_pence"], pounds(200000));
  std::map<std::string, std::int64_t> first_year;
  std::map<std::string, std::int64_t> second_year_confirmed;
  for (const auto& source : (*report)["by_source"]) {
    first_year[source["source"]] = source["years"]["2008/09"]["total_pence"];
    second_year_confirmed[source["source"]] = source["years"]["2009/10"]["confirmed_pence"];
  }
  EXPECT_EQ(first_year["Reform grant"], pounds(200000));
  EXPECT_EQ(first_year["Match funding"], pounds(250000));
  EXPECT_EQ(first_year["Regional allocation"], pounds(212000));
  EXPECT_EQ(second_year_confirmed["Reform grant"], pounds(200000));
  EXPECT_EQ(second_year_confirmed["Regional allocation"], 0);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> workstreams;
  for (const auto& workstream : (*report)["by_workstream"]) {
    workstreams[workstream["workstream"]] = {workstream["years"]["2008/09"]["total_pence"],
                                             workstream["years"]["2009/10"]["total_pence"]};
  }
  EXPECT_EQ(workstreams["Personalisation"], std::pair(pounds(352000), pounds(330000)));
  EXPECT_EQ(workstreams["Safeguarding"], std::pair(pounds(70000), std::int64_t{0}));
  EXPECT_EQ(workstreams["Health and well-being"], std::pair(pounds(120000), std::int64_t{0}));
  EXPECT_EQ(workstreams["Learning disabilities"], std::pair(pounds(50000), pounds(50000)));
  EXPECT_EQ(workstreams["Cross-cutting workforce and leadership"], std::pair(pounds(70000), pounds(20000)));
}

TEST(Seed001, LinesThatDoNotAddUpAreRefusedWithEveryDifference) {
  std::string text = seed_001_text();
  // The safeguarding line's regional allocation mistyped: 25,000 as 52,000.
  const std::string from = "Regional safeguarding delivery manager,Regional allocation,2008/09,\"25,000\"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "Regional safeguarding delivery manager,Regional allocation,2008/09,\"52,000\"");
  auto rows = parse_csv(text, "seed-001.csv");
  ASSERT_TRUE(rows);
  auto programme = read_programme(*rows, "seed-001.csv");
  ASSERT_FALSE(programme);
  // Safeguarding by source and in total, the regional allocation and the year.
  ASSERT_EQ(programme.error().size(), 4u);
  EXPECT_NE(programme.error()[0].message.find("stated total for workstream \"Safeguarding\", source \"Regional "
                                              "allocation\", 2008/09 is £25,000.00; the lines add up to £52,000.00 "
                                              "(difference £27,000.00)"),
            std::string::npos)
      << programme.error()[0].message;
  EXPECT_NE(programme.error()[3].message.find("2008/09 is £662,000.00; the lines add up to £689,000.00"),
            std::string::npos);
}

TEST(Import, EveryBadCellWithItsRow) {
  const std::vector<Row> rows = {
      {"record", "programme", "workstream", "project", "source", "financial_year", "amount", "status"},
      {"line", "P", "W", "", "S", "2008/10", "ten", "maybe"},
      {"sum", "Q", "W", "X", "S", "2008/09", "1", ""},
      {"total", "P", "", "", "", "", "5", ""},
  };
  auto programme = read_programme(rows, "p.csv");
  ASSERT_FALSE(programme);
  std::vector<std::string> found;
  for (const Issue& issue : programme.error()) found.push_back(issue.path + " " + issue.message.substr(0, issue.message.find(':')));
  EXPECT_EQ(found, (std::vector<std::string>{"p.csv:2 financial_year", "p.csv:2 amount", "p.csv:2 project",
                                             "p.csv:2 status", "p.csv:3 programme", "p.csv:3 record"}));
}

TEST(Import, MissingColumnsAndNoTotals) {
  auto missing = read_programme({{"record", "programme", "amount"}}, "p.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().size(), 4u);  // workstream, project, source, financial_year
  auto no_totals = read_programme({{"record", "programme", "workstream", "project", "source", "financial_year", "amount"},
                                   {"line", "P", "W", "X", "S", "2008/09", "1"}},
                                  "p.csv");
  ASSERT_FALSE(no_totals);
  EXPECT_NE(no_totals.error()[0].message.find("states no totals"), std::string::npos);
}

}  // namespace
}  // namespace allot::programmes
