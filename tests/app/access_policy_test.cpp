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
  for (Role role : {Role::kAssessor, Role::kTeamManager, Role::kPanelMember, Role::kFinanceOfficer,
                    Role::kAdministrator}) {
    EXPECT_TRUE(policy.allows(with_roles({role}), "people.read")) << role_name(role);
  }
  for (Role role : {Role::kCommissioner, Role::kProviderUser, Role::kAnalyst}) {
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
                                               "scheduling.solve", "programmes.read", "providers.read", "workforce.read",
                                               "allocation.read"}));
  // Approving a rulebook version is a commissioner's, never an analyst's: the one
  // who proposes a version is not the one who approves it.
  const std::vector<std::string> commissioner =
      AccessPolicy::standard().allowed_actions(with_roles({Role::kCommissioner}));
  EXPECT_NE(std::find(commissioner.begin(), commissioner.end(), "rulebooks.approve"), commissioner.end());
  EXPECT_EQ(std::find(analyst.begin(), analyst.end(), "rulebooks.approve"), analyst.end());
  EXPECT_TRUE(AccessPolicy::standard().allowed_actions(with_roles({})).empty());
}

TEST(AccessPolicy, APolicyIsDataAnotherSetOfRulesCanBeGiven) {
  const AccessPolicy policy({{"reports.read", {Role::kFinanceOfficer}, "read reports"}});
  EXPECT_TRUE(policy.allows(with_roles({Role::kFinanceOfficer}), "reports.read"));
  EXPECT_FALSE(policy.allows(with_roles({Role::kFinanceOfficer}), "people.read"));
  ASSERT_NE(policy.find("reports.read"), nullptr);
  EXPECT_EQ(policy.find("reports.read")->summary, "read reports");
}

}  // namespace
}  // namespace allot::app
