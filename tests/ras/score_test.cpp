#include <gtest/gtest.h>

#include "allot/ras/score.h"
#include "fixtures.h"

namespace allot::ras {
namespace {

using testing::must_parse;
using testing::ok_points;

Score score_of(const Rulebook& rulebook, const std::map<std::string, std::string>& answers) {
  auto resolved = resolve_answers(rulebook, answers);
  if (!resolved) throw std::runtime_error(format_issues(resolved.error()));
  return score_assessment(rulebook, *resolved);
}

TEST(Score, PointsTimesValueThenAdjustmentThenRange) {
  const Rulebook rulebook = must_parse(ok_points());
  const Score score = score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}, {"family_support", "some"}});
  // 8 + 7 = 15 points x 4500 = 67,500 pence; x 0.9 = 60,750.
  EXPECT_EQ(score.total_points, 15);
  EXPECT_EQ(score.annual.pence(), 60750);
  EXPECT_EQ(score.weekly.pence(), 1168);          // 60,750 / 52 = 1,168.27
  EXPECT_EQ(score.lower_annual.pence(), 54675);   // x 90 / 100
  EXPECT_EQ(score.upper_annual.pence(), 66825);   // x 110 / 100
  EXPECT_EQ(score.adjusted_points, Fraction::of(27, 2));
  ASSERT_EQ(score.domains.size(), 3u);
  EXPECT_EQ(score.domains[0].domain, "Personal care");
  EXPECT_EQ(score.domains[0].points, 8);
  EXPECT_EQ(score.domains[0].annual.pence(), 36000);
  EXPECT_EQ(score.derivation[0], "1. Personal care: 8 points × £45.00 = £360.00");
  EXPECT_EQ(score.derivation[3], "4. Total: 15 points × £45.00 a point = £675.00 a year");
}

TEST(Score, ReviewFlagRaisesAFlagAndNeverCaps) {
  const Rulebook rulebook = must_parse(ok_points());
  const Score score = score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}});
  EXPECT_EQ(score.annual.pence(), 67500);  // above the 50,000 threshold, and not reduced to it
  EXPECT_EQ(score.flags, std::vector<std::string>{"panel_review"});
  const Score below = score_of(rulebook, {{"personal_care", "none"}, {"mobility", "some"}});
  EXPECT_TRUE(below.flags.empty());
}

TEST(Score, RoundsOnceHalfAwayFromZero) {
  nlohmann::json document = ok_points();
  document["allocation"]["pence_per_point"] = 4505;
  const Rulebook rulebook = must_parse(document);
  // 7 x 4505 = 31,535 x 0.9 = 28,381.5 -> 28,382
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "none"}, {"mobility", "some"}, {"family_support", "some"}}).annual.pence(),
            28382);
  // 7 x 4505 x 0.75 = 23,651.25 -> 23,651
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "none"}, {"mobility", "some"}, {"family_support", "lots"}}).annual.pence(),
            23651);
}

TEST(Score, SeveralFactorsAreMultipliedBeforeTheOneRounding) {
  nlohmann::json document = ok_points();
  document["allocation"]["pence_per_point"] = 4505;
  document["questions"][1]["answers"].push_back({{"id", "two"}, {"text", "Two carers"}, {"points", 7}});
  document["adjustments"].push_back(
      {{"kind", "two_carer_support"}, {"question", "mobility"}, {"factors", {{"none", 1}, {"some", 1}, {"two", 1.25}}}});
  const Rulebook rulebook = must_parse(document);
  // 7 x 4505 = 31,535 x 0.9 x 1.25 = 35,476.875 -> 35,477. Rounding after each factor
  // would give 28,382 x 1.25 = 35,477.5 -> 35,478.
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "none"}, {"mobility", "two"}, {"family_support", "some"}}).annual.pence(),
            35477);
}

TEST(Score, BandsPriceTheTotalPoints) {
  nlohmann::json document = ok_points();
  document["allocation"] = nlohmann::json::parse(R"({"method": "bands", "bands": [
      {"from_points": 0, "to_points": 9, "label": "A", "annual_pence": 0},
      {"from_points": 10, "to_points": 19, "label": "B", "annual_pence": 10000},
      {"from_points": 20, "to_points": 22, "label": "C", "annual_pence": 20000}]})");
  const Rulebook rulebook = must_parse(document);
  const Score score = score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}, {"family_support", "some"}});
  EXPECT_EQ(score.band_label, "B");
  EXPECT_EQ(score.annual.pence(), 9000);  // 10,000 x 0.9
  EXPECT_EQ(score.derivation[3], "4. Total: 15 points, in band \"B\" (10 to 19 points) = £100.00 a year");
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "lots"}, {"mobility", "some"}}).annual.pence(), 20000);
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "none"}, {"mobility", "some"}}).annual.pence(), 0);
}

TEST(Score, RatesAreFiftyTwoTimesTheWeeklyCost) {
  nlohmann::json document = ok_points();
  document["allocation"] = {{"method", "rates"}, {"rates", {{"home_care_hour", 1850}}}};
  const Rulebook rulebook = must_parse(document);
  // 3.5 hours x 1,850 = 6,475 a week; x 52 = 336,700.
  const Score plain = score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}});
  EXPECT_EQ(plain.annual.pence(), 336700);
  EXPECT_EQ(plain.weekly.pence(), 6475);
  EXPECT_EQ(plain.derivation[0], "1. Personal care (Some): 3.5 home care hour × £18.50 = £64.75 a week");
  EXPECT_EQ(score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}, {"family_support", "lots"}}).annual.pence(),
            252525);
}

TEST(Score, UnknownAndMissingAnswersAreAllReported) {
  const Rulebook rulebook = must_parse(ok_points());
  auto result = resolve_answers(rulebook, {{"personal_care", "sum"}, {"hobbies", "yes"}});
  ASSERT_FALSE(result);
  const Issues& issues = result.error();
  ASSERT_EQ(issues.size(), 3u) << format_issues(issues);
  EXPECT_EQ(issues[0].path, "answers.hobbies");
  EXPECT_EQ(issues[1].path, "answers.personal_care");
  EXPECT_EQ(issues[1].message, "unknown answer \"sum\"; expected one of none, some, lots");
  EXPECT_EQ(issues[2].path, "answers.mobility");
  EXPECT_EQ(issues[2].message, "unanswered; expected one of none, some");
}

TEST(Score, AnswersDocumentMustHoldTextAnswers) {
  const Rulebook rulebook = must_parse(ok_points());
  auto result = read_answers(rulebook, nlohmann::json::parse(R"({"answers": {"personal_care": 3, "mobility": "some"}})"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error()[0].path, "answers.personal_care");
}

TEST(Score, CompiledScoringMatchesFullScoring) {
  const std::string text = testing::read_source_file("data/rulebooks/example-adults.json");
  const Rulebook rulebook = must_parse(nlohmann::json::parse(text));
  const CompiledRulebook compiled(rulebook);
  // Walk a spread of answer combinations; both paths must agree to the penny.
  std::vector<std::size_t> chosen(rulebook.questions.size(), 0);
  for (int step = 0; step < 500; ++step) {
    for (std::size_t question_idx = 0; question_idx < chosen.size(); ++question_idx) {
      chosen[question_idx] = static_cast<std::size_t>(step * 7 + question_idx * 3) % rulebook.questions[question_idx].answers.size();
    }
    const Score full = score_assessment(rulebook, AnswerSet{chosen});
    const CompiledRulebook::Amounts fast = compiled.score(chosen.data());
    ASSERT_EQ(full.annual, fast.annual);
    ASSERT_EQ(full.lower_annual, fast.lower_annual);
    ASSERT_EQ(full.upper_annual, fast.upper_annual);
  }
}

TEST(Score, JsonHasTheDocumentedFields) {
  const Rulebook rulebook = must_parse(ok_points());
  const nlohmann::json out = score_to_json(score_of(rulebook, {{"personal_care", "some"}, {"mobility", "some"}}));
  for (const char* field : {"total_points", "annual_pence", "weekly_pence", "lower_annual_pence", "upper_annual_pence",
                            "flags", "domains", "derivation", "rulebook_id", "rulebook_version"}) {
    EXPECT_TRUE(out.contains(field)) << field;
  }
  EXPECT_EQ(out["annual_pence"], 67500);
}

}  // namespace
}  // namespace allot::ras
