// Casework's rules that need no server: the gazetteer CSV (every bad row
// reported), the checks of free text, and case notes against a real store.
#include <gtest/gtest.h>

#include "allot/app/casework/case_notes.h"
#include "allot/app/casework/case_text.h"
#include "allot/app/casework/gazetteer.h"
#include "allot/app/casework/repositories.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

std::vector<std::string> paths_of(const Issues& issues) {
  std::vector<std::string> paths;
  for (const Issue& issue : issues) paths.push_back(issue.path);
  return paths;
}

TEST(Gazetteer, ReadsColumnsInAnyOrderAndNormalisesPostcodes) {
  auto addresses = read_gazetteer_csv(
      "Latitude,ADDRESS,postcode,uprn,longitude\r\n52.9101,\"12 Osmaston Road, Derby\",de12ab,100012345678,-1.4712\r\n"
      "52.9102,14 Osmaston Road,,100012345679,-1.4713\r\n",
      "council.csv");
  ASSERT_TRUE(addresses) << format_issues(addresses.error());
  ASSERT_EQ(addresses->size(), 2u);
  EXPECT_EQ((*addresses)[0], (GazetteerAddress{2, "100012345678", "DE1 2AB", "12 Osmaston Road, Derby", "52.9101", "-1.4712"}));
  EXPECT_EQ((*addresses)[1].postcode, "");
  EXPECT_EQ((*addresses)[1].line, 3);
}

TEST(Gazetteer, ReportsEveryBadRowAndAMissingColumn) {
  auto missing = read_gazetteer_csv("postcode,address,latitude\nDE1 2AB,x,52\n", "g.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error()[0].message, "there is no \"longitude\" column");

  auto bad = read_gazetteer_csv(
      "uprn,postcode,address,latitude,longitude\n"
      "1,DE1 2AB,A,52.1,-1.2\n"
      "1,DE1 2AB,B,52.1,-1.2\n"        // the same UPRN again
      "x,,C,north,-181\n"              // a UPRN that is not a number, latitude not a number, longitude out of range
      ",,,52,-1\n",                    // no postcode or UPRN, no address
      "g.csv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(paths_of(bad.error()),
            (std::vector<std::string>{"g.csv:3", "g.csv:4", "g.csv:4", "g.csv:4", "g.csv:5", "g.csv:5"}));
  EXPECT_EQ(bad.error()[0].code, ErrorCode::kDuplicate);
  EXPECT_EQ(bad.error()[3].message, "longitude -181 is outside -180 to 180 degrees");
  EXPECT_FALSE(read_gazetteer_csv("", "g.csv"));
  EXPECT_FALSE(read_gazetteer_csv("uprn,address,latitude,longitude\n", "g.csv"));
}

TEST(CaseText, RefusesBlankOverlongAndControlCharacters) {
  EXPECT_TRUE(check_case_text("A note\nwith two lines\tand a tab", "text", "the note", 100).empty());
  EXPECT_EQ(check_case_text(" \n ", "text", "the note", 100)[0].code, ErrorCode::kMissingField);
  EXPECT_EQ(check_case_text("abcdef", "text", "the note", 5)[0].message, "is 6 characters long; at most 5 are kept");
  // Characters, not bytes: five letters with accents are five characters.
  EXPECT_TRUE(check_case_text("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "text", "the note", 5).empty());
  EXPECT_EQ(check_case_text(std::string("bell\x07"), "text", "the note", 100)[0].message,
            "contains the control character U+0007; only text, new lines and tabs are kept");
}

}  // namespace
}  // namespace allot::app::testing
