#include "allot/journey/duplicates.h"

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

PersonDetails person(const char* given, const char* family, const char* born, const char* postcode = "",
                     const char* nhs = "") {
  PersonDetails details;
  details.given_name = given;
  details.family_name = family;
  details.date_of_birth = Date::parse(born);
  details.postcode = postcode;
  details.nhs_number = nhs;
  return details;
}

TEST(Duplicates, AnNhsNumberIsOnePerson) {
  const auto matched = duplicate_matches(person("Ann", "Lee", "1950-01-01", "", "9434765919"),
                                         person("Bea", "Ray", "1960-02-02", "", "9434765919"));
  EXPECT_EQ(matched, std::vector<DuplicateMatch>{DuplicateMatch::kNhsNumber});
}

TEST(Duplicates, TheSameNameAndDateOfBirthIgnoringCaseAndSpaces) {
  EXPECT_EQ(duplicate_matches(person("  mary  ann ", "O'NEIL", "1950-01-01"), person("Mary Ann", "O'Neil", "1950-01-01")),
            std::vector<DuplicateMatch>{DuplicateMatch::kNameAndDateOfBirth});
  EXPECT_TRUE(duplicate_matches(person("Mary", "Neil", "1950-01-01"), person("Mary", "Neil", "1950-01-02")).empty());
}

TEST(Duplicates, TheSameDateOfBirthAndPostcode) {
  EXPECT_EQ(duplicate_matches(person("Ann", "Lee", "1950-01-01", "de12ab"), person("Bob", "Ray", "1950-01-01", "DE1 2AB")),
            std::vector<DuplicateMatch>{DuplicateMatch::kDateOfBirthAndPostcode});
  // An empty NHS number, postcode or date of birth matches nothing.
  EXPECT_TRUE(duplicate_matches(person("Ann", "Lee", "1950-01-01"), person("Bob", "Ray", "1950-01-01")).empty());
  PersonDetails unborn = person("Ann", "Lee", "1950-01-01");
  unborn.date_of_birth.reset();
  EXPECT_TRUE(duplicate_matches(unborn, unborn).empty());
}

}  // namespace
}  // namespace allot::journey
