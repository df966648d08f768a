// A rulebook's governance in the app layer, with a fixed clock: a draft is used by
// nobody; a proposal needs a date from today; the proposer can never decide;
// approval publishes the version, in force from its date; a rejection needs a
// reason; every step is kept and audited.
#include <algorithm>

#include "allot/app/ras/rulebook_service.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

Principal person(std::string username, std::vector<Role> roles) {
  Principal principal;
  principal.username = std::move(username);
  principal.agency = "derby-council";
  principal.roles = std::move(roles);
  return principal;
}

const Principal kAnalyst = person("analyst", {Role::kAnalyst});
const Principal kLead = person("lead", {Role::kCommissioner, Role::kAnalyst});  // proposes and approves
const Principal kCommissioner = person("commissioner", {Role::kCommissioner});

std::string document(int version, const std::string& effective_from = "2026-04-01") {
  return "{\"id\":\"adults\",\"version\":" + std::to_string(version) +
         ",\"title\":\"Adults RAS\",\"effective_from\":\"" + effective_from + "\",\"questions\":[]}";
}

const std::string kSimulation = R"({"overall": {"people": 3}})";

Date date(const char* text) { return *Date::parse(text); }

class Governance : public ServiceTest {
 protected:
  // Made when asked: the store exists only once SetUp has run.
  RulebookService rulebooks() { return RulebookService(store(), clock_); }
};

TEST_F(Governance, ADraftIsUsedByNobodyUntilApprovedThenInForceFromItsDate) {
  ok(rulebooks().publish(document(1), kAnalyst));  // t0 is 1 April 2026
  const DraftVersion draft = ok(rulebooks().add_draft(document(2), DraftOrigin::kUpload, "uploaded", kAnalyst));
  EXPECT_EQ(draft.status, DraftStatus::kDraft);
  EXPECT_FALSE(rulebooks().get("adults", 2));
  EXPECT_EQ(ok(rulebooks().in_force("adults", date("2026-12-31")))->version, 1);
  EXPECT_EQ(ok(rulebooks().next_version("adults")), 3);

  auto past = rulebooks().propose("adults", 2, date("2026-03-31"), kSimulation, kAnalyst);
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().front().path, "effective_from");
  const DraftVersion proposed = ok(rulebooks().propose("adults", 2, date("2026-05-01"), kSimulation, kAnalyst));
  EXPECT_EQ(proposed.status, DraftStatus::kProposed);
  EXPECT_NE(proposed.document.find("\"effective_from\": \"2026-05-01\""), std::string::npos) << proposed.document;
  auto twice = rulebooks().propose("adults", 2, date("2026-05-01"), kSimulation, kAnalyst);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().front().code, ErrorCode::kConflict);

  const RulebookVersion approved = ok(rulebooks().approve("adults", 2, kCommissioner));
  EXPECT_EQ(approved.effective_from, date("2026-05-01"));
  EXPECT_EQ(approved.published_by, "commissioner");
  EXPECT_EQ(ok(rulebooks().in_force("adults", date("2026-04-30")))->version, 1);
  EXPECT_EQ(ok(rulebooks().in_force("adults", date("2026-05-01")))->version, 2);
  EXPECT_FALSE(ok(rulebooks().in_force("adults", date("2026-03-31"))).has_value());
  EXPECT_EQ(ok(rulebooks().list()).front().in_force_version, 1);
  clock_.advance(std::chrono::hours(24 * 30));  // 1 May 2026
  EXPECT_EQ(ok(rulebooks().list()).front().in_force_version, 2);

  std::vector<std::string> steps;
  for (const RulebookStep& step : ok(rulebooks().history("adults", kCommissioner))) {
    steps.push_back(std::string(governance_step_name(step.step)) + " " + step.by.username);
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"drafted analyst", "proposed analyst", "approved commissioner"}));
  std::vector<std::string> audited;
  for (const AuditEntry& entry : audit_entries()) audited.push_back(entry.action);
  for (const char* action : {"draft_rulebook", "propose_rulebook", "approve_rulebook"}) {
    EXPECT_NE(std::find(audited.begin(), audited.end(), action), audited.end()) << action;
  }
}

TEST_F(Governance, TheProposerCanNeverDecideEvenWithTheApprovingRole) {
  ok(rulebooks().add_draft(document(1), DraftOrigin::kCalibration, "calibrated", kLead));
  ok(rulebooks().propose("adults", 1, date("2026-04-01"), kSimulation, kLead));
  auto own = rulebooks().approve("adults", 1, kLead);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(own.error().front().path, "proposed_by");
  auto own_reject = rulebooks().reject("adults", 1, "not good", kLead);
  ASSERT_FALSE(own_reject);
  EXPECT_EQ(own_reject.error().front().code, ErrorCode::kForbidden);
  auto analyst = rulebooks().approve("adults", 1, kAnalyst);
  ASSERT_FALSE(analyst);
  EXPECT_EQ(analyst.error().front().code, ErrorCode::kForbidden);  // no approving role
  EXPECT_EQ(ok(rulebooks().draft("adults", 1, kCommissioner)).status, DraftStatus::kProposed);
  ok(rulebooks().approve("adults", 1, kCommissioner));
}

TEST_F(Governance, ARejectionNeedsAReasonAndTheVersionMayBeProposedAgain) {
  ok(rulebooks().add_draft(document(1), DraftOrigin::kUpload, "uploaded", kAnalyst));
  auto not_proposed = rulebooks().reject("adults", 1, "why", kCommissioner);
  ASSERT_FALSE(not_proposed);
  EXPECT_EQ(not_proposed.error().front().code, ErrorCode::kConflict);
  ok(rulebooks().propose("adults", 1, date("2026-04-02"), kSimulation, kAnalyst));
  for (const char* bad : {"", "   ", "line\x01"}) {
    auto refused = rulebooks().reject("adults", 1, bad, kCommissioner);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().front().path, "reason");
  }
  EXPECT_FALSE(rulebooks().reject("adults", 1, std::string(2001, 'x'), kCommissioner));
  EXPECT_EQ(ok(rulebooks().reject("adults", 1, "Losses too steep", kCommissioner)).status, DraftStatus::kRejected);
  EXPECT_FALSE(rulebooks().approve("adults", 1, kCommissioner));
  ok(rulebooks().propose("adults", 1, date("2026-04-03"), kSimulation, kAnalyst));
  // Approved too late: its date has passed, so it must be proposed again.
  clock_.advance(std::chrono::hours(24 * 3));
  auto late = rulebooks().approve("adults", 1, kCommissioner);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().front().code, ErrorCode::kConflict);
  const auto history = ok(rulebooks().history("adults", kAnalyst));
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[2].step, GovernanceStep::kRejected);
  EXPECT_EQ(history[2].note, "Losses too steep");
}

TEST_F(Governance, AVersionTakenByADraftOrAPublishedOneIsRefusedNamingTheNextFree) {
  ok(rulebooks().publish(document(1), kAnalyst));
  ok(rulebooks().add_draft(document(2), DraftOrigin::kUpload, "uploaded", kAnalyst));
  for (int version : {1, 2}) {
    auto taken = rulebooks().add_draft(document(version), DraftOrigin::kUpload, "uploaded", kAnalyst);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().front().code, ErrorCode::kConflict);
    EXPECT_NE(taken.error().front().message.find("version 3"), std::string::npos) << taken.error().front().message;
  }
  auto assessor = rulebooks().add_draft(document(3), DraftOrigin::kUpload, "uploaded", person("a", {Role::kAssessor}));
  ASSERT_FALSE(assessor);
  EXPECT_EQ(assessor.error().front().code, ErrorCode::kForbidden);
  EXPECT_FALSE(rulebooks().drafts(person("a", {Role::kAssessor})));
}

}  // namespace
}  // namespace allot::app::testing
