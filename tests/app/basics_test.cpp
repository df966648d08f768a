// Timestamps, names of roles and agency kinds, passwords and tokens.
#include <gtest/gtest.h>

#include <set>

#include "allot/app/shared/clock.h"
#include "allot/app/identity/password.h"
#include "allot/app/identity/records.h"

namespace allot::app {
namespace {

using namespace std::chrono_literals;

TEST(Timestamps, RoundTripToTheMillisecond) {
  const Timestamp at = Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 3 / 31}} + 23h + 59min + 58s + 7ms;
  EXPECT_EQ(format_timestamp(at), "2026-03-31T23:59:58.007Z");
  EXPECT_EQ(parse_timestamp("2026-03-31T23:59:58.007Z"), at);
}

TEST(Timestamps, RejectAnythingButTheStoredForm) {
  EXPECT_FALSE(parse_timestamp("2026-03-31T23:59:58Z"));
  EXPECT_FALSE(parse_timestamp("2026-02-30T00:00:00.000Z"));
  EXPECT_FALSE(parse_timestamp("2026-03-31T24:00:00.000Z"));
  EXPECT_FALSE(parse_timestamp("2026-03-31 23:59:58.007Z"));
  EXPECT_FALSE(parse_timestamp("2026-03-31T23:59:58.007+01"));
}

TEST(FixedClock, MovesOnlyWhenTold) {
  FixedClock clock(Timestamp{} + 10s);
  EXPECT_EQ(clock.now(), Timestamp{} + 10s);
  clock.advance(5s);
  EXPECT_EQ(clock.now(), Timestamp{} + 15s);
  clock.set(Timestamp{});
  EXPECT_EQ(clock.now(), Timestamp{});
}

TEST(Names, RolesAndAgencyKindsRoundTrip) {
  EXPECT_EQ(all_roles().size(), 10u);
  EXPECT_EQ(role_name(Role::kDataProtectionOfficer), std::string("data_protection_officer"));
  for (Role role : all_roles()) EXPECT_EQ(parse_role(role_name(role)), role);
  EXPECT_EQ(role_name(Role::kProviderUser), std::string("provider_user"));
  EXPECT_FALSE(parse_role("Assessor"));
  for (AgencyKind kind : {AgencyKind::kCouncil, AgencyKind::kNhsTrust, AgencyKind::kProvider, AgencyKind::kThirdSector}) {
    EXPECT_EQ(parse_agency_kind(agency_kind_name(kind)), kind);
  }
  EXPECT_EQ(agency_kind_name(AgencyKind::kNhsTrust), std::string("nhs_trust"));
  EXPECT_FALSE(parse_agency_kind("charity"));
}

TEST(Passwords, VerifyOnlyTheRightPassword) {
  const std::string hash = hash_password("correct horse battery", PasswordCost::kMinimum);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse battery ", hash));
  EXPECT_FALSE(verify_password("", hash));
  EXPECT_FALSE(verify_password("correct horse battery", "not a hash"));
  // The same password hashes differently each time (a random salt).
  EXPECT_NE(hash_password("correct horse battery", PasswordCost::kMinimum), hash);
}

TEST(Tokens, AreRandomUrlSafeAndHashedStably) {
  std::set<std::string> seen;
  for (int idx = 0; idx < 50; ++idx) {
    const std::string token = random_token();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 50u);
  EXPECT_EQ(hash_token("abc"), hash_token("abc"));
  EXPECT_NE(hash_token("abc"), hash_token("abd"));
  EXPECT_EQ(hash_token("abc").size(), 64u);
}

TEST(Tokens, CompareInConstantTimeButCorrectly) {
  EXPECT_TRUE(equal_in_constant_time("same-token", "same-token"));
  EXPECT_FALSE(equal_in_constant_time("same-token", "same-tokeN"));
  EXPECT_FALSE(equal_in_constant_time("short", "longer"));
  EXPECT_TRUE(equal_in_constant_time("", ""));
}

}  // namespace
}  // namespace allot::app
