#include "allot/journey/person.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace allot::journey {
namespace {

CodeLists shipped_codes() {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/data/codes/cld.json");
  std::stringstream text;
  text << in.rdbuf();
  auto codes = parse_code_lists(nlohmann::json::parse(text.str()));
  if (!codes) throw std::runtime_error(format_issues(codes.error()));
  return *codes;
}

PersonDetails ok_person() {
  PersonDetails person;
  person.given_name = "Ada";
  person.family_name = "Jones";
  person.date_of_birth = Date::parse("1941-06-03");
  person.nhs_number = "943 476 5919";
  person.postcode = "ls1 4ap";
  person.latitude = 53.7997;
  person.longitude = -1.5492;
  person.primary_support_reason = "physical_support_personal_care_support";
  person.client_group = "older_people";
  person.accommodation_status = "owner_occupier_or_shared_ownership";
  return person;
}

TEST(CodeLists, ShippedClientLevelDataListsLoad) {
  const CodeLists codes = shipped_codes();
  ASSERT_NE(codes.find("route_of_access"), nullptr);
  EXPECT_EQ(codes.find("route_of_access")->entries.size(), 8u);
  EXPECT_TRUE(codes.find("delivery_mechanism")->contains("cassr_managed_personal_budget"));
}

TEST(Person, AValidPersonHasNoProblems) {
  EXPECT_TRUE(check_person(ok_person(), shipped_codes(), *Date::parse("2026-11-22")).empty());
}

TEST(Person, EveryProblemIsListed) {
  PersonDetails person = ok_person();
  person.given_name.clear();
  person.date_of_birth = Date::parse("2027-01-01");
  person.nhs_number = "9434765918";
  person.postcode = "not a postcode";
  person.longitude.reset();
  person.client_group = "teenagers";
  const Issues issues = check_person(person, shipped_codes(), *Date::parse("2026-11-22"));
  ASSERT_EQ(issues.size(), 6u) << format_issues(issues);
  EXPECT_EQ(issues[0].path, "given_name");
  EXPECT_EQ(issues[1].path, "date_of_birth");
  EXPECT_EQ(issues[2].path, "nhs_number");
  EXPECT_EQ(issues[3].path, "postcode");
  EXPECT_EQ(issues[4].path, "latitude");
  EXPECT_EQ(issues[5].path, "client_group");
  EXPECT_NE(issues[5].message.find("expected one of older_people"), std::string::npos);
}

TEST(Postcode, NormalisesUkShapes) {
  EXPECT_EQ(normalise_postcode("ls14ap"), "LS1 4AP");
  EXPECT_EQ(normalise_postcode(" EC1A  1BB "), "EC1A 1BB");
  EXPECT_EQ(normalise_postcode("M1 1AE"), "M1 1AE");
  EXPECT_FALSE(normalise_postcode("12345"));
  EXPECT_FALSE(normalise_postcode("LS1-4AP"));
  EXPECT_FALSE(normalise_postcode("ABC DEF"));
}

}  // namespace
}  // namespace allot::journey
