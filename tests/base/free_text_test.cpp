#include "allot/base/free_text.h"

#include <gtest/gtest.h>

namespace allot {
namespace {

TEST(FreeText, BlankIsOnlySpacesOfAnyKind) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank("   \t\r\n"));
  EXPECT_TRUE(is_blank("\xC2\xA0\xE2\x80\x83"));  // no-break space, em space
  EXPECT_FALSE(is_blank(" a "));
}

TEST(FreeText, NamesThePlainProblem) {
  EXPECT_EQ(free_text_problem("", kNameText), std::nullopt);
  EXPECT_EQ(free_text_problem("Zoë O'Brien-Smith", kNameText), std::nullopt);
  EXPECT_EQ(free_text_problem("   ", kNameText), "must not be blank (only spaces)");
  EXPECT_EQ(free_text_problem(std::string(101, 'a'), kNameText), "must be at most 100 characters; found 101");
  // Characters, not bytes: 100 two-byte letters fit.
  std::string accented;
  for (int letter = 0; letter < 100; ++letter) accented += "\xC3\xA9";
  EXPECT_EQ(free_text_problem(accented, kNameText), std::nullopt);
  EXPECT_EQ(free_text_problem("Ann\x07", kNameText), "must not contain control characters; found U+0007 at character 4");
  EXPECT_EQ(free_text_problem("A\tB", kNameText), "must not contain control characters; found U+0009 at character 2");
  EXPECT_EQ(free_text_problem("x\x7f", kLineText), "must not contain control characters; found U+007F at character 2");
  EXPECT_EQ(free_text_problem("x\xC2\x85", kLineText), "must not contain control characters; found U+0085 at character 2");
  // Text that runs over lines keeps its line breaks and tabs, never other controls.
  EXPECT_EQ(free_text_problem("1 High Street\r\nDerby\tDE1 2AB", kAddressText), std::nullopt);
  EXPECT_EQ(free_text_problem("a\nb\x1b", kParagraphText),
            "must not contain control characters other than line breaks and tabs; found U+001B at character 4");
  EXPECT_EQ(free_text_problem("\n\n", kParagraphText), "must not be blank (only spaces)");
}

}  // namespace
}  // namespace allot
