#include "allot/base/json_reader.h"

#include <gtest/gtest.h>

#include <limits>

namespace allot {
namespace {

using nlohmann::json;

enum class Colour { kRed, kGreen, kBlue };
constexpr auto kColours = make_enum_text<Colour>({{Colour::kRed, "red"}, {Colour::kGreen, "green"}, {Colour::kBlue, "blue"}});

// The one issue a reading produced, as "path: message (code)".
std::string only_issue(const Issues& issues) {
  if (issues.size() != 1) return std::to_string(issues.size()) + " issues:\n" + format_issues(issues);
  return issues[0].path + ": " + issues[0].message + " (" + error_code_name(issues[0].code) + ")";
}

// Reads field "x" of {"x": <value>} with `read`, returning the single issue.
template <typename Read>
std::string issue_for_value(const json& value, Read read) {
  const json document = {{"x", value}};
  Issues issues;
  JsonObjectReader root(document, issues);
  read(root.required("x"));
  return only_issue(issues);
}

// The same for {"x": <value text>}.
template <typename Read>
std::string issue_for(const std::string& value_text, Read read) {
  const json document = json::parse("{\"x\": " + value_text + "}");
  Issues issues;
  JsonObjectReader root(document, issues);
  read(root.required("x"));
  return only_issue(issues);
}

TEST(JsonReader, CollectsEveryProblemAtOnceWithPaths) {
  const json document = json::parse(R"({
    "id": 42,
    "questions": [
      {"id": "care", "answers": [{"id": "none", "points": 0}, {"id": "some", "points": "12"}]},
      {"id": "food", "answers": [{"id": "none", "points": 2.5, "colour": "blue"}]}
    ],
    "visits": [{"window": [0, 10]}, {"window": "morning"}],
    "extra": true
  })");
  Issues issues;
  auto root = JsonReader(document, issues).object();
  ASSERT_TRUE(root);
  root->known_fields({"id", "title", "questions", "visits"});
  root->required("id").text();
  root->required("title").text();
  const std::vector<JsonReader> questions = root->required("questions").array().value();
  for (const JsonReader& question : questions) {
    const std::vector<JsonReader> answers = question.object()->required("answers").array().value();
    for (const JsonReader& answer : answers) {
      auto fields = answer.object().value();
      fields.known_fields({"id", "points"});
      fields.required("points").whole({.min = 0});
    }
  }
  const std::vector<JsonReader> visits = root->required("visits").array().value();
  for (const JsonReader& visit : visits) {
    visit.object()->required("window").array();
  }
  const Issues expected = {
      {ErrorCode::kInvalidValue, "extra", "unknown field; expected one of id, title, questions, visits"},
      {ErrorCode::kWrongType, "id", "expected a string; found 42"},
      {ErrorCode::kMissingField, "title", "is required"},
      {ErrorCode::kWrongType, "questions[0].answers[1].points", "expected a whole number; found \"12\""},
      {ErrorCode::kInvalidValue, "questions[1].answers[0].colour", "unknown field; expected one of id, points"},
      {ErrorCode::kWrongType, "questions[1].answers[0].points", "expected a whole number; found 2.5"},
      {ErrorCode::kWrongType, "visits[1].window", "expected an array; found \"morning\""},
  };
  EXPECT_EQ(issues, expected) << format_issues(issues);
}

TEST(JsonReader, ReadsGoodValues) {
  const json document = json::parse(R"({
    "name": "Ann", "count": 3, "whole_float": 4.0, "ratio": 0.9, "exact": "12.345", "price": 1850,
    "ok": true, "when": "2026-04-01", "colour": "green", "distance": 12.5,
    "units": {"hours": 3.5, "visits": 2}
  })");
  Issues issues;
  JsonObjectReader root(document, issues);
  EXPECT_EQ(root.required("name").text({.min_length = 1, .max_length = 3}), "Ann");
  EXPECT_EQ(root.required("count").whole({.min = 1, .max = 3}), 3);
  EXPECT_EQ(root.required("whole_float").whole(), 4);
  EXPECT_EQ(root.required("ratio").decimal(), Fraction::of(9, 10));
  EXPECT_EQ(root.required("exact").decimal(), Fraction::of(12345, 1000));
  EXPECT_EQ(root.required("price").money(), Money::from_pence(1850));
  EXPECT_EQ(root.required("ok").boolean(), true);
  EXPECT_EQ(root.required("when").date(), Date::parse("2026-04-01"));
  EXPECT_EQ(root.required("colour").one_of(kColours), Colour::kGreen);
  EXPECT_EQ(root.required("distance").number(), 12.5);
  EXPECT_EQ(root.optional("missing").text(), std::nullopt);
  EXPECT_FALSE(root.optional("missing").present());
  std::vector<std::string> paths;
  const auto units = root.required("units").object()->entries();
  for (const auto& [unit, amount] : units) {
    paths.push_back(amount.path());
    EXPECT_TRUE(amount.decimal()) << unit;
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"units.hours", "units.visits"}));
  EXPECT_TRUE(issues.empty()) << format_issues(issues);
}

TEST(JsonReader, NullReadsAsAbsent) {
  EXPECT_EQ(issue_for("null", [](const JsonReader& field) { field.text(); }), "x: is required (missing_field)");
  const json document = json::parse(R"({"x": null})");
  Issues issues;
  EXPECT_FALSE(JsonObjectReader(document, issues).optional("x").present());
  EXPECT_TRUE(issues.empty());
}

TEST(JsonReader, TypeMismatchesSayWhatWasExpectedAndFound) {
  EXPECT_EQ(issue_for("42", [](const JsonReader& field) { field.text(); }), "x: expected a string; found 42 (wrong_type)");
  EXPECT_EQ(issue_for("\"12\"", [](const JsonReader& field) { field.whole(); }),
            "x: expected a whole number; found \"12\" (wrong_type)");
  EXPECT_EQ(issue_for("\"12\"", [](const JsonReader& field) { field.number(); }),
            "x: expected a number; found \"12\" (wrong_type)");
  EXPECT_EQ(issue_for("12.5", [](const JsonReader& field) { field.money(); }),
            "x: expected whole pence; found 12.5 (wrong_type)");
  EXPECT_EQ(issue_for("true", [](const JsonReader& field) { field.decimal(); }),
            "x: expected a decimal number; found true (wrong_type)");
  EXPECT_EQ(issue_for("\"most\"", [](const JsonReader& field) { field.decimal(); }),
            "x: expected a decimal number; found \"most\" (invalid_value)");
  EXPECT_EQ(issue_for("\"yes\"", [](const JsonReader& field) { field.boolean(); }),
            "x: expected true or false; found \"yes\" (wrong_type)");
  EXPECT_EQ(issue_for("[1]", [](const JsonReader& field) { field.object(); }),
            "x: expected an object; found an array (wrong_type)");
  EXPECT_EQ(issue_for("{}", [](const JsonReader& field) { field.array(); }),
            "x: expected an array; found an object (wrong_type)");
  EXPECT_EQ(issue_for("20260401", [](const JsonReader& field) { field.date(); }),
            "x: expected a date like 2026-04-01; found 20260401 (wrong_type)");
  EXPECT_EQ(issue_for("\"2026-02-30\"", [](const JsonReader& field) { field.date(); }),
            "x: expected a date like 2026-04-01; found \"2026-02-30\" (invalid_value)");
}

TEST(JsonReader, RangesAndLengths) {
  EXPECT_EQ(issue_for("-3", [](const JsonReader& field) { field.whole({.min = 0}); }),
            "x: must not be negative; found -3 (invalid_value)");
  EXPECT_EQ(issue_for("0", [](const JsonReader& field) { field.whole({.min = 1}); }),
            "x: must be at least 1; found 0 (invalid_value)");
  EXPECT_EQ(issue_for("150", [](const JsonReader& field) { field.whole({.min = 0, .max = 100}); }),
            "x: must be at most 100; found 150 (invalid_value)");
  EXPECT_EQ(issue_for("2.5", [](const JsonReader& field) { field.decimal({.max = Fraction(2)}); }),
            "x: must be at most 2; found 2.5 (invalid_value)");
  EXPECT_EQ(issue_for("0.1234567890123", [](const JsonReader& field) { field.decimal(); }),
            "x: expected at most 12 decimal places; found 0.1234567890123 (invalid_value)");
  EXPECT_EQ(issue_for("0.125", [](const JsonReader& field) { field.decimal({.max_decimal_places = 2}); }),
            "x: expected at most 2 decimal places; found 0.125 (invalid_value)");
  EXPECT_EQ(issue_for("-0.5", [](const JsonReader& field) { field.number({.min = 0}); }),
            "x: must not be negative; found -0.5 (invalid_value)");
  EXPECT_EQ(issue_for("\"\"", [](const JsonReader& field) { field.text({.min_length = 1}); }),
            "x: must not be empty (invalid_value)");
  EXPECT_EQ(issue_for("\"abcdef\"", [](const JsonReader& field) { field.text({.max_length = 5}); }),
            "x: must be at most 5 characters; found 6 (invalid_value)");
  // Characters, not bytes: "£££" is three characters in six bytes.
  EXPECT_EQ(issue_for("\"£££\"", [](const JsonReader& field) { field.text({.max_length = 2}); }),
            "x: must be at most 2 characters; found 3 (invalid_value)");
  EXPECT_EQ(issue_for("[]", [](const JsonReader& field) { field.array({.min_items = 1}); }),
            "x: must have at least 1 item; found 0 (invalid_value)");
  EXPECT_EQ(issue_for("[1, 2, 3]", [](const JsonReader& field) { field.array({.max_items = 2}); }),
            "x: must have at most 2 items; found 3 (invalid_value)");
}

TEST(JsonReader, NumbersTooLargeForADoubleNameTheirField) {
  // nlohmann::json refuses 1e400 while parsing; parse_json says where it was.
  const auto parsed = parse_json(R"({"visits": [{"id": "a"}, {"id": "b", "duration": 1e400}]})", "body");
  ASSERT_FALSE(parsed);
  const Issues expected = {{ErrorCode::kMalformed, "visits[1].duration",
                            "expected a number no larger than 1.7976931348623157e+308; found 1e400"}};
  EXPECT_EQ(parsed.error(), expected);
  const auto top = parse_json("[1, -1E+999]", "body");
  ASSERT_FALSE(top);
  EXPECT_EQ(top.error()[0].path, "[1]");
  EXPECT_EQ(top.error()[0].message, "expected a number no larger than 1.7976931348623157e+308; found -1E+999");
}

// Found by the hostile-input table (tests/api/hostile_input_test.cpp): 200,000
// nested arrays (400 KB) kept a request handler busy for minutes, each level
// holding a copy of its path. Deep nesting is refused at once, where it passes the limit.
TEST(JsonReader, NestingDeeperThanTheLimitIsRefusedQuickly) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  const auto parsed = parse_json(deep, "body");
  ASSERT_FALSE(parsed);
  ASSERT_EQ(parsed.error().size(), 1u);
  EXPECT_EQ(parsed.error()[0].code, ErrorCode::kMalformed);
  EXPECT_EQ(parsed.error()[0].message, "arrays and objects may be nested at most 64 levels deep");
  EXPECT_EQ(parsed.error()[0].path.rfind("[0][0][0]", 0), 0u);

  std::string objects;
  for (std::size_t level = 0; level < kMaxJsonDepth + 1; ++level) objects += "{\"a\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  const auto too_deep = parse_json(objects, "body");
  ASSERT_FALSE(too_deep);
  EXPECT_EQ(too_deep.error()[0].code, ErrorCode::kMalformed);

  // At the limit, a document still reads.
  std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parse_json(at_limit, "body"));
}

TEST(JsonReader, TextWithControlCharactersIsRefused) {
  const nlohmann::json document = {{"a", std::string("x\0y", 3)}, {"b", "caf\u00e9\x7f"}, {"c", "line one\nline two\t"}};
  Issues issues;
  const auto root = JsonReader(document, issues).object();
  ASSERT_TRUE(root);
  EXPECT_FALSE(root->required("a").text());
  EXPECT_FALSE(root->required("b").text());
  EXPECT_EQ(root->required("c").text(), "line one\nline two\t");
  const Issues expected = {
      {ErrorCode::kInvalidValue, "a", "must not contain control characters; found U+0000 at character 2"},
      {ErrorCode::kInvalidValue, "b", "must not contain control characters; found U+007F at character 5"},
  };
  EXPECT_EQ(issues, expected);
}

TEST(JsonReader, SyntaxErrorsGiveLineAndColumn) {
  const auto parsed = parse_json("{\n  \"a\": 1,\n  \"b\": }", "file.json");
  ASSERT_FALSE(parsed);
  ASSERT_EQ(parsed.error().size(), 1u);
  EXPECT_EQ(parsed.error()[0].code, ErrorCode::kMalformed);
  EXPECT_EQ(parsed.error()[0].path, "file.json:3:8");
  EXPECT_EQ(parsed.error()[0].message.rfind("not valid JSON: syntax error", 0), 0u) << parsed.error()[0].message;
  EXPECT_EQ(parse_json(R"({"a": [1, 2.5, "x"], "b": {"c": null}})", "ok")->dump(), R"({"a":[1,2.5,"x"],"b":{"c":null}})");
}

TEST(JsonReader, NumbersThatDoNotFitAreIssuesNotExceptions) {
  // Infinities can only come from JSON built in code; readers still refuse them.
  const double infinity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(issue_for_value(infinity, [](const JsonReader& field) { field.whole(); }),
            "x: must be at most 9223372036854775807; found a number too large to hold (invalid_value)");
  EXPECT_EQ(issue_for_value(-infinity, [](const JsonReader& field) { field.whole(); }),
            "x: must be at least -9223372036854775808; found a number too large to hold (invalid_value)");
  EXPECT_EQ(issue_for_value(infinity, [](const JsonReader& field) { field.number(); }),
            "x: must be at most 1e+15; found a number too large to hold (invalid_value)");
  EXPECT_EQ(issue_for_value(infinity, [](const JsonReader& field) { field.decimal(); }),
            "x: must be at most 1000000000000; found a number too large to hold (invalid_value)");
  EXPECT_EQ(issue_for_value(infinity, [](const JsonReader& field) { field.money(); }),
            "x: must be at most 1000000000000000; found a number too large to hold (invalid_value)");
  // A 30-digit integer parses to a double; past 2^64 nlohmann keeps it unsigned.
  EXPECT_EQ(issue_for("123456789012345678901234567890", [](const JsonReader& field) { field.whole(); }),
            "x: must be at most 9223372036854775807; found 1.2345678901234568e+29 (invalid_value)");
  EXPECT_EQ(issue_for("18446744073709551615", [](const JsonReader& field) { field.whole(); }),
            "x: must be at most 9223372036854775807; found 18446744073709551615 (invalid_value)");
  EXPECT_EQ(issue_for("9223372036854775808", [](const JsonReader& field) { field.whole({.max = 100}); }),
            "x: must be at most 100; found 9223372036854775808 (invalid_value)");
  EXPECT_EQ(issue_for("\"1e400\"", [](const JsonReader& field) { field.decimal(); }),
            "x: must be at most 1000000000000; found \"1e400\" (invalid_value)");
  EXPECT_EQ(issue_for("\"-123456789012345678901234567890\"", [](const JsonReader& field) { field.decimal(); }),
            "x: must be at least -1000000000000; found \"-123456789012345678901234567890\" (invalid_value)");
  EXPECT_EQ(issue_for("\"1e-400\"", [](const JsonReader& field) { field.decimal(); }),
            "x: expected at most 12 decimal places; found \"1e-400\" (invalid_value)");
  EXPECT_EQ(issue_for("18446744073709551615", [](const JsonReader& field) { field.decimal(); }),
            "x: must be at most 1000000000000; found 18446744073709551615 (invalid_value)");
  // Money is checked against kMaxPence, so sums of amounts cannot overflow.
  EXPECT_EQ(issue_for("10000000000000000", [](const JsonReader& field) { field.money(); }),
            "x: must be at most 1000000000000000; found 10000000000000000 (invalid_value)");
  EXPECT_EQ(issue_for("-1", [](const JsonReader& field) { field.money(); }),
            "x: must not be negative; found -1 (invalid_value)");
}

TEST(JsonReader, EnumsReadThroughTheirTable) {
  EXPECT_EQ(issue_for("\"purple\"", [](const JsonReader& field) { field.one_of(kColours); }),
            "x: expected one of red, green, blue; found \"purple\" (invalid_value)");
  EXPECT_EQ(issue_for("2", [](const JsonReader& field) { field.one_of(kColours); }),
            "x: expected one of red, green, blue; found 2 (wrong_type)");
}

TEST(JsonReader, UnknownFieldsNamedWithTheirPath) {
  const json document = json::parse(R"({"visits": [{"id": "a", "windw": [0, 1], "odd key": 1}]})");
  Issues issues;
  auto visit = JsonReader(document, issues).object()->required("visits").array()->at(0).object();
  visit->known_fields({"id", "window"});
  const Issues expected = {
      {ErrorCode::kInvalidValue, "visits[0][\"odd key\"]", "unknown field; expected one of id, window"},
      {ErrorCode::kInvalidValue, "visits[0].windw", "unknown field; expected one of id, window"},
  };
  EXPECT_EQ(issues, expected) << format_issues(issues);
}

TEST(JsonReader, PathsAndDescriptions) {
  EXPECT_EQ(field_path("", "id"), "id");
  EXPECT_EQ(field_path("visits[2]", "window"), "visits[2].window");
  EXPECT_EQ(field_path("units", "a.b"), "units[\"a.b\"]");
  EXPECT_EQ(index_path("questions", 3), "questions[3]");
  EXPECT_EQ(index_path("", 0), "[0]");
  EXPECT_EQ(describe_json(json(nullptr)), "null");
  EXPECT_EQ(describe_json(json("a\"b")), "\"a\\\"b\"");
  EXPECT_EQ(describe_json(json(std::string(50, 'a'))), "\"" + std::string(40, 'a') + "…\"");
  EXPECT_EQ(describe_json(json(std::string(50, 'a'))).size(), 40u + 2 + std::string("…").size());
}

TEST(JsonReader, ADocumentThatIsNotAnObject) {
  Issues issues;
  EXPECT_FALSE(JsonReader(json::array(), issues).object());
  EXPECT_EQ(only_issue(issues), ": expected an object; found an array (wrong_type)");
  // Built over a non-object, an object reader sees every field as absent.
  issues.clear();
  const json text = "just text";
  JsonObjectReader fields(text, issues);
  fields.known_fields({"a"});
  EXPECT_FALSE(fields.optional("a").present());
  EXPECT_TRUE(fields.entries().empty());
  fields.required("a");
  EXPECT_EQ(only_issue(issues), "a: is required (missing_field)");
}

}  // namespace
}  // namespace allot
