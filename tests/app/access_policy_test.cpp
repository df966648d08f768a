// The one access policy: today's role rules (docs/api.md) as data, asked by the
// route table, the use cases and GET /api/v1/session alike.
#include "allot/app/shared/access_policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace allot::app {
namespace {

Principal with_roles(std::vector<Role> roles) {
  Principal principal;
  principal.username = "someone";
  principal.agency = "demo-council";
  principal.roles = std::move(roles);
  return principal;
}

TEST(AccessPolicy, EachActionIsDeclaredOnceByItsCapability) {
  std::set<std::string> seen;
  for (const Permission& permission : AccessPolicy::standard().permissions()) {
    EXPECT_TRUE(seen.insert(std::string(permission.action)).second) << permission.action;
    EXPECT_FALSE(permission.roles.empty()) << permission.action;
    EXPECT_NE(permission.action.find('.'), std::string_view::npos) << permission.action;
  }
  EXPECT_GE(seen.size(), 10u);
}

TEST(AccessPolicy, ReadersAndWritersOfPeoplesRecordsAreTodaysRoles) {
  const AccessPolicy& policy = AccessPolicy::standard();
  // A provider reads the people it supports, only the parts it needs (record parts).
  for (Role role : {Role::kAssessor, Role::kTeamManager, Role::kPanelMember, Role::kFinanceOfficer,
                    Role::kAdministrator, Role::kProviderUser}) {
    EXPECT_TRUE(policy.allows(with_roles({role}), "people.read")) << role_name(role);
  }
  for (Role role : {Role::kCommissioner, Role::kAnalyst}) {
    EXPECT_FALSE(policy.allows(with_roles({role}), "people.read")) << role_name(role);
  }
  EXPECT_TRUE(policy.allows(with_roles({Role::kAssessor}), "people.write"));
  EXPECT_FALSE(policy.allows(with_roles({Role::kPanelMember}), "people.write"));
  EXPECT_TRUE(policy.allows(with_roles({Role::kTeamManager}), "people.decide"));
  EXPECT_FALSE(policy.allows(with_roles({Role::kAssessor}), "people.decide"));
  EXPECT_TRUE(policy.allows(with_roles({Role::kAnalyst, Role::kAssessor}), "rulebooks.calibrate"));
}

TEST(AccessPolicy, RefusalNamesTheRolesAndUnknownActionsAreNeverAllowed) {
  const AccessPolicy& policy = AccessPolicy::standard();
  auto refused = policy.check(with_roles({Role::kAssessor}), "scheduling.solve");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(refused.error().front().message,
            "needs one of the roles: commissioner, provider_user, administrator, analyst");
  EXPECT_FALSE(policy.allows(with_roles({Role::kAdministrator}), "people.delete_everything"));
  EXPECT_FALSE(policy.check(with_roles({Role::kAdministrator}), "people.delete_everything"));
  EXPECT_FALSE(policy.allows(with_roles({}), "people.read"));
}

TEST(AccessPolicy, AllowedActionsListWhatThePrincipalMayDoInDeclarationOrder) {
  const std::vector<std::string> analyst = AccessPolicy::standard().allowed_actions(with_roles({Role::kAnalyst}));
  EXPECT_EQ(analyst, (std::vector<std::string>{"rulebooks.draft", "rulebooks.validate", "rulebooks.calibrate",
                                               "rulebooks.simulate", "rulebooks.read_drafts", "rulebooks.propose",
                                               "scheduling.solve", "programmes.read", "providers.read",
                                               "workforce.read", "allocation.read", "community.read",
                                               "care_map.read", "access.read_rules"}));
  // Approving a rulebook version is a commissioner's, never an analyst's: the one
  // who proposes a version is not the one who approves it.
  const std::vector<std::string> commissioner =
      AccessPolicy::standard().allowed_actions(with_roles({Role::kCommissioner}));
  EXPECT_NE(std::find(commissioner.begin(), commissioner.end(), "rulebooks.approve"), commissioner.end());
  EXPECT_EQ(std::find(analyst.begin(), analyst.end(), "rulebooks.approve"), analyst.end());
  EXPECT_TRUE(AccessPolicy::standard().allowed_actions(with_roles({})).empty());
}

TEST(AccessPolicy, APolicyIsDataAnotherSetOfRulesCanBeGiven) {
  const AccessPolicy policy({{"reports.read", {Role::kFinanceOfficer}, "read reports"}}, {});
  EXPECT_TRUE(policy.allows(with_roles({Role::kFinanceOfficer}), "reports.read"));
  EXPECT_FALSE(policy.allows(with_roles({Role::kFinanceOfficer}), "people.read"));
  ASSERT_NE(policy.find("reports.read"), nullptr);
  EXPECT_EQ(policy.find("reports.read")->summary, "read reports");
}

TEST(AccessPolicy, APersonsRecordIsReachedOnlyFromTheirCareTeamOrByBreakGlass) {
  const AccessPolicy& policy = AccessPolicy::standard();
  const Principal assessor = with_roles({Role::kAssessor});
  PersonAccess outside;
  PersonAccess member;
  member.on_care_team = true;
  PersonAccess glass;
  glass.break_glass = true;
  EXPECT_FALSE(policy.allows(assessor, "people.read", Subject{7, &outside}));
  EXPECT_TRUE(policy.allows(assessor, "people.read", Subject{7, &member}));
  EXPECT_TRUE(policy.allows(assessor, "people.read", Subject{7, &glass}));
  // The refusal reads the same for a record that exists and one that does not.
  auto refused = policy.check(assessor, "people.read", Subject{7, &outside});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().message.find("not on their care team") != std::string::npos, true);
  // Break glass itself is the way in from outside.
  EXPECT_TRUE(policy.allows(assessor, "access.break_glass", Subject{7, &outside}));
  EXPECT_FALSE(policy.allows(with_roles({Role::kFinanceOfficer}), "access.break_glass", Subject{7, &outside}));
}

TEST(AccessPolicy, TheAdministratorReachesNoOnesRecordAndAPanelMemberThePlansAwaitingThePanel) {
  const AccessPolicy& policy = AccessPolicy::standard();
  PersonAccess member;
  member.on_care_team = true;
  EXPECT_FALSE(policy.allows(with_roles({Role::kAdministrator}), "people.read", Subject{7, &member}));
  PersonAccess awaiting;
  awaiting.awaiting_panel = true;
  EXPECT_TRUE(policy.allows(with_roles({Role::kPanelMember}), "people.read", Subject{7, &awaiting}));
  EXPECT_FALSE(policy.allows(with_roles({Role::kAssessor}), "people.read", Subject{7, &awaiting}));
  // Case notes are the workers': not the panel's, not finance's.
  EXPECT_FALSE(policy.allows(with_roles({Role::kPanelMember}), "notes.read", Subject{7, &member}));
  EXPECT_FALSE(policy.allows(with_roles({Role::kFinanceOfficer}), "notes.read", Subject{7, &member}));
  // Every role has one reach rule.
  for (Role role : all_roles()) {
    const auto reaches = policy.reaches();
    EXPECT_TRUE(std::any_of(reaches.begin(), reaches.end(), [&](const RoleReach& rule) { return rule.role == role; }))
        << role_name(role);
  }
}


// A user with several roles sees, of each record, the union of what each of their
// roles sees of it, and never more: a role that does not reach the record adds
// nothing, and a part only an own-work role sees stays its own agency's work.
TEST(AccessPolicy, SeveralRolesSeeTheUnionOfWhatEachRoleSeesNeverMore) {
  const AccessPolicy& policy = AccessPolicy::standard();
  PersonAccess outside;
  PersonAccess member;
  member.on_care_team = true;
  PersonAccess awaiting;
  awaiting.awaiting_panel = true;
  PersonAccess glass;
  glass.break_glass = true;
  const auto parts = [&](std::vector<Role> roles, const PersonAccess& access, bool own_record) {
    Principal principal = with_roles(std::move(roles));
    if (own_record) principal.person_id = 7;
    return policy.parts_of(principal, "people.read", Subject{7, &access});
  };
  for (const PersonAccess* access : {&outside, &member, &awaiting, &glass}) {
    for (bool own_record : {false, true}) {
      for (Role first : all_roles()) {
        for (Role second : all_roles()) {
          if (second <= first) continue;
          std::set<RecordPart> expected;
          for (Role role : {first, second}) {
            for (RecordPart part : parts({role}, *access, own_record)) expected.insert(part);
          }
          const std::vector<RecordPart> both = parts({first, second}, *access, own_record);
          EXPECT_EQ(std::set<RecordPart>(both.begin(), both.end()), expected)
              << role_name(first) << " + " << role_name(second) << " on_care_team=" << access->on_care_team
              << " awaiting_panel=" << access->awaiting_panel << " break_glass=" << access->break_glass;
        }
      }
    }
  }
  // A provider who is also a finance officer sees the money of the people their
  // agency supports, and of the plan still only the lines their agency delivers:
  // the finance role sees no plan, so it widens nothing there.
  const Principal provider_finance = with_roles({Role::kFinanceOfficer, Role::kProviderUser});
  EXPECT_EQ(parts({Role::kFinanceOfficer, Role::kProviderUser}, member, false),
            (std::vector<RecordPart>{RecordPart::kIdentity, RecordPart::kPlan, RecordPart::kMoney, RecordPart::kDiary}));
  EXPECT_TRUE(policy.own_work_only(provider_finance, "people.read", Subject{7, &member}, RecordPart::kPlan));
  EXPECT_TRUE(policy.own_work_only(with_roles({Role::kProviderUser}), "people.read", Subject{7, &member}, RecordPart::kPlan));
  // A panel member sees the whole plan of a person on their agency's care team:
  // with that role as well, the whole plan is theirs to see.
  const Principal provider_panel = with_roles({Role::kPanelMember, Role::kProviderUser});
  EXPECT_FALSE(policy.own_work_only(provider_panel, "people.read", Subject{7, &member}, RecordPart::kPlan));
  // Awaiting the panel but not supported by the provider's agency: only the panel role reaches.
  EXPECT_FALSE(policy.own_work_only(provider_panel, "people.read", Subject{7, &awaiting}, RecordPart::kPlan));
  EXPECT_EQ(parts({Role::kPanelMember, Role::kProviderUser}, awaiting, false),
            (std::vector<RecordPart>{RecordPart::kIdentity, RecordPart::kAssessment, RecordPart::kPlan,
                                     RecordPart::kMoney}));
  // Off every care team and not awaiting the panel: nothing, whatever the roles.
  EXPECT_TRUE(parts({Role::kPanelMember, Role::kProviderUser, Role::kFinanceOfficer}, outside, false).empty());
}

}  // namespace
}  // namespace allot::app
