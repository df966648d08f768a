#include <gtest/gtest.h>

#include "allot/ras/rulebook_json.h"
#include "fixtures.h"

namespace allot::ras {
namespace {

using testing::must_parse;
using testing::ok_points;

bool has_issue(const Issues& issues, std::string_view path, std::string_view fragment) {
  for (const Issue& issue : issues) {
    if (issue.path == path && issue.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

TEST(Rulebook, ExampleRulebooksAreValid) {
  for (const char* name : {"example-adults", "example-children-bands", "example-ready-reckoner", "example-carers"}) {
    const std::string text = testing::read_source_file(std::string("data/rulebooks/") + name + ".json");
    auto document = parse_json_text(text, name);
    ASSERT_TRUE(document) << name;
    auto rulebook = parse_rulebook(*document);
    EXPECT_TRUE(rulebook) << name << ":\n" << (rulebook ? "" : format_issues(rulebook.error()));
  }
}

TEST(Rulebook, RoundTripsThroughJson) {
  const Rulebook rulebook = must_parse(ok_points());
  const nlohmann::json again = rulebook_to_json(rulebook);
  const Rulebook reparsed = must_parse(again);
  EXPECT_EQ(rulebook_to_json(reparsed), again);
  EXPECT_EQ(reparsed.adjustments[0].factors[1], Fraction::of(9, 10));
}

TEST(Rulebook, ReportsEveryProblemAtOnce) {
  nlohmann::json document = ok_points();
  document["questions"][1]["id"] = "personal_care";                       // duplicate question id
  document["questions"][0]["answers"][1]["points"] = -4;                   // negative points
  document["questions"][0]["answers"][2]["id"] = "some";                   // duplicate answer id
  document["adjustments"][0]["factors"]["lots"] = 2.5;                     // factor outside (0, 2]
  document["review_flags"][0]["flag"] = "";                                // empty flag
  document.erase("title");                                                 // missing field
  document["colour"] = "blue";                                             // unknown field
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  const Issues& issues = result.error();
  EXPECT_TRUE(has_issue(issues, "questions[1].id", "appears twice")) << format_issues(issues);
  EXPECT_TRUE(has_issue(issues, "questions[0].answers[1].points", "must not be negative; found -4"));
  EXPECT_TRUE(has_issue(issues, "questions[0].answers[2].id", "appears twice"));
  EXPECT_TRUE(has_issue(issues, "adjustments[0].factors.lots", "above 0 and at most 2; found 2.5"));
  EXPECT_TRUE(has_issue(issues, "review_flags[0].flag", "must not be empty"));
  EXPECT_TRUE(has_issue(issues, "title", "is required"));
  EXPECT_TRUE(has_issue(issues, "colour", "unknown field"));
}

TEST(Rulebook, RejectsUnknownMethodAndUnknownAdjustmentQuestion) {
  nlohmann::json document = ok_points();
  document["allocation"] = {{"method", "guess"}};
  document["adjustments"][0]["question"] = "carers";
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  EXPECT_TRUE(has_issue(result.error(), "allocation.method", "expected one of points, bands, rates; found \"guess\""));
  EXPECT_TRUE(has_issue(result.error(), "adjustments[0].question", "unknown question \"carers\""));
}

TEST(Rulebook, AdjustmentMustGiveEveryAnswerAFactor) {
  nlohmann::json document = ok_points();
  document["adjustments"][0]["factors"].erase("lots");
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  EXPECT_TRUE(has_issue(result.error(), "adjustments[0].factors.lots", "needs a factor"));
}

nlohmann::json bands_document(nlohmann::json bands) {
  nlohmann::json document = ok_points();
  document["allocation"] = {{"method", "bands"}, {"bands", std::move(bands)}};
  return document;
}

TEST(Rulebook, BandsMustNotOverlapOrLeaveGaps) {
  auto overlapping = parse_rulebook(bands_document(nlohmann::json::parse(R"([
      {"from_points": 0, "to_points": 10, "label": "A", "annual_pence": 0},
      {"from_points": 10, "to_points": 30, "label": "B", "annual_pence": 100}])")));
  ASSERT_FALSE(overlapping);
  EXPECT_TRUE(has_issue(overlapping.error(), "allocation.bands[1]", "overlaps the band before"));

  auto gap = parse_rulebook(bands_document(nlohmann::json::parse(R"([
      {"from_points": 0, "to_points": 10, "label": "A", "annual_pence": 0},
      {"from_points": 12, "to_points": 30, "label": "B", "annual_pence": 100}])")));
  ASSERT_FALSE(gap);
  EXPECT_TRUE(has_issue(gap.error(), "allocation.bands[1]", "leaves a gap"));

  // The example's answers can reach 22 points; bands stopping at 20 leave people out.
  auto short_bands = parse_rulebook(bands_document(nlohmann::json::parse(R"([
      {"from_points": 0, "to_points": 20, "label": "A", "annual_pence": 0}])")));
  ASSERT_FALSE(short_bands);
  EXPECT_TRUE(has_issue(short_bands.error(), "allocation.bands", "answers can total 22"));
}

TEST(Rulebook, RatesMustPriceEveryUnit) {
  nlohmann::json document = ok_points();
  document["allocation"] = {{"method", "rates"}, {"rates", {{"day_service_day", 6500}}}};
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  EXPECT_TRUE(has_issue(result.error(), "questions[0].answers[1].units_per_week.home_care_hour", "has no rate"));
}

TEST(Rulebook, PointsMustBeWholeNumbers) {
  nlohmann::json document = ok_points();
  document["questions"][0]["answers"][1]["points"] = 2.5;
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  EXPECT_TRUE(has_issue(result.error(), "questions[0].answers[1].points", "whole number"));
}

TEST(Rulebook, WrongTypesSayWhatWasExpectedAndFound) {
  nlohmann::json document = ok_points();
  document["title"] = 42;
  document["questions"][0]["answers"] = "none";
  document["adjustments"][0]["kind"] = "sometimes";
  document["allocation"]["pence_per_point"] = "12";
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  const Issues& issues = result.error();
  EXPECT_TRUE(has_issue(issues, "title", "expected a string; found 42")) << format_issues(issues);
  EXPECT_TRUE(has_issue(issues, "questions[0].answers", "expected an array; found \"none\""));
  EXPECT_TRUE(has_issue(issues, "adjustments[0].kind",
                        "expected one of informal_support, two_carer_support, night_support, other; found \"sometimes\""));
  EXPECT_TRUE(has_issue(issues, "allocation.pence_per_point", "expected whole pence; found \"12\""));
}

TEST(Rulebook, NumbersTooLargeAreIssuesWithTheirPath) {
  nlohmann::json document = ok_points();
  document["allocation"]["pence_per_point"] = 1e20;
  document["questions"][0]["answers"][1]["points"] = 18446744073709551615u;
  auto result = parse_rulebook(document);
  ASSERT_FALSE(result);
  EXPECT_TRUE(has_issue(result.error(), "allocation.pence_per_point", "must be at most 1000000000000000; found 1e+20"))
      << format_issues(result.error());
  EXPECT_TRUE(has_issue(result.error(), "questions[0].answers[1].points",
                        "must be at most 9223372036854775807; found 18446744073709551615"));
  // 1e400 does not fit a double: the text is refused where the number is.
  std::string text = ok_points().dump();
  text.replace(text.find("\"pence_per_point\":") + 18, 1, "1e400,\"x\":");
  auto parsed = parse_json_text(text, "big.json");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error()[0].path, "allocation.pence_per_point");
  EXPECT_EQ(parsed.error()[0].message, "expected a number no larger than 1.7976931348623157e+308; found 1e400");
}

TEST(Rulebook, FactorsAndUnitsMayBeDecimalText) {
  nlohmann::json document = ok_points();
  document["adjustments"][0]["factors"]["some"] = "0.9";
  const Rulebook rulebook = must_parse(document);
  EXPECT_EQ(rulebook.adjustments[0].factors[1], Fraction::of(9, 10));
}

// The names written in rulebooks are the names the rest of Allot prints.
TEST(Rulebook, EnumTablesAgreeWithTheirNameFunctions) {
  for (const auto& [method, name] : kAllocationMethods) EXPECT_STREQ(allocation_method_name(method), name);
  for (const auto& [kind, name] : kAdjustmentKinds) EXPECT_STREQ(adjustment_kind_name(kind), name);
}

TEST(Rulebook, JsonSyntaxErrorsNameLineAndColumn) {
  auto result = parse_json_text("{\n  \"id\": ,\n}", "broken.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error()[0].path, "broken.json:2:9");
}

}  // namespace
}  // namespace allot::ras
