#include "allot/base/enum_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "allot/base/issue.h"

namespace allot {
namespace {

enum class Size { kSmall, kMedium, kLarge };
constexpr auto kSizes = make_enum_text<Size>({{Size::kSmall, "small"}, {Size::kMedium, "medium"}, {Size::kLarge, "large"}});

static_assert(kSizes.name(Size::kMedium) == std::string_view("medium"));
static_assert(kSizes.parse("large") == Size::kLarge);
static_assert(!kSizes.parse("Large"));
static_assert(kSizes.covers_through(Size::kLarge));
static_assert(!kSizes.covers_through(Size::kMedium));
// A value listed twice, or a name used twice, is caught.
static_assert(!make_enum_text<Size>({{Size::kSmall, "small"}, {Size::kSmall, "medium"}, {Size::kLarge, "large"}})
                   .covers_through(Size::kLarge));
static_assert(!make_enum_text<Size>({{Size::kSmall, "small"}, {Size::kMedium, "small"}, {Size::kLarge, "large"}})
                   .covers_through(Size::kLarge));

TEST(EnumText, NamesAndParsesBothWays) {
  for (const auto& [value, name] : kSizes) {
    EXPECT_EQ(kSizes.parse(name), value);
    EXPECT_STREQ(kSizes.name(value), name);
  }
  EXPECT_EQ(kSizes.parse(""), std::nullopt);
  EXPECT_EQ(kSizes.names(), "small, medium, large");
  EXPECT_EQ(kSizes.size(), 3u);
  EXPECT_STREQ(kSizes.name(static_cast<Size>(7)), "");
}

TEST(ErrorCodes, StableTextBothWays) {
  EXPECT_STREQ(error_code_name(ErrorCode::kInvalidValue), "invalid_value");
  EXPECT_STREQ(error_code_name(ErrorCode::kForbidden), "forbidden");
  EXPECT_EQ(kErrorCodes.parse("too_many_requests"), ErrorCode::kTooManyRequests);
}

// docs/errors.md is the public list of codes: each one is documented there.
TEST(ErrorCodes, EveryCodeIsDocumented) {
  std::ifstream file(std::string(ALLOT_SOURCE_DIR) + "/docs/errors.md");
  ASSERT_TRUE(file) << "docs/errors.md is missing";
  std::stringstream text;
  text << file.rdbuf();
  for (const auto& [code, name] : kErrorCodes) {
    EXPECT_NE(text.str().find("| `" + std::string(name) + "` |"), std::string::npos) << name << " is not in docs/errors.md";
  }
}

}  // namespace
}  // namespace allot
