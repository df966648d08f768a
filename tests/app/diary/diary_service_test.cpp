// The support diary's use cases against a real SQLite store: entries from several
// agencies, changes kept as versions, stale versions and other agencies refused
// without a change, cancellation with a reason, visits derived from a package,
// and the audit entries every read and write leaves.
#include <gtest/gtest.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/diary/diary_service.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/journey_service.h"
#include "allot/journey_io/requests.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

Principal staff(const char* username, const char* agency, Role role) {
  Principal principal;
  principal.username = username;
  principal.agency = agency;
  principal.roles = {role};
  return principal;
}

const Principal kCouncil = staff("assessor", "derby-council", Role::kAssessor);
const Principal kNurse = staff("nhs_nurse", "derby-nhs", Role::kAssessor);
const Principal kProvider = staff("provider_user", "acme-care", Role::kProviderUser);
const Principal kFinance = staff("finance_officer", "derby-council", Role::kFinanceOfficer);

Date day(const char* text) { return *Date::parse(text); }

class DiaryServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    JourneyService journey(store(), clock_);
    auto details = journey_io::read_person_details({{"given_name", "Ada"},
                                                    {"family_name", "Diary"},
                                                    {"date_of_birth", "1940-02-03"},
                                                    {"primary_support_reason", "physical_support_personal_care_support"},
                                                    {"client_group", "older_people"},
                                                    {"locality", "North"},
                                                    {"team", "North adults team"}});
    person_ = ok(journey.people().create(kCouncil, details)).id;
    service_ = std::make_unique<DiaryService>(store(), clock_);
  }

  NewDiaryEntry appointment(const char* title, const char* on = "2026-04-02") {
    return NewDiaryEntry{DiaryEntryFields{DiaryKind::kAppointment, day(on), 600, 630, "Home", title, ""},
                         DiaryStatus::kPlanned};
  }

  void TearDown() override {
    service_.reset();
    ServiceTest::TearDown();
  }

  std::unique_ptr<DiaryService> service_;  // made once the store is open
  DiaryService& diary() { return *service_; }
  Id person_ = 0;
};

TEST_F(DiaryServiceTest, EveryAgencySeesTheOthersEntriesWithWhoWroteThem) {
  const DiaryEntry council = ok(diary().add(kCouncil, person_, appointment("Check-in call")));
  const DiaryEntry nurse = ok(diary().add(kNurse, person_, appointment("Leg dressing", "2026-04-01")));
  EXPECT_EQ(council.current.version, 1);
  EXPECT_EQ(council.created_by, (Actor{"assessor", "derby-council"}));
  const DiaryView view = ok(diary().read(kProvider, person_, std::nullopt, std::nullopt));
  // Today is Wednesday 1 April 2026: the week from Monday 30 March.
  EXPECT_EQ(view.from, day("2026-03-30"));
  EXPECT_EQ(view.to, day("2026-04-05"));
  ASSERT_EQ(view.entries.size(), 2u);
  EXPECT_EQ(view.entries[0].id, nurse.id);  // by date
  EXPECT_EQ(view.entries[1].current.by.agency, "derby-council");
  EXPECT_EQ(ok(diary().read(kProvider, person_, day("2026-04-03"), std::nullopt)).entries.size(), 0u);
}

TEST_F(DiaryServiceTest, AChangeIsANewVersionAndAStaleVersionChangesNothing) {
  const DiaryEntry entry = ok(diary().add(kNurse, person_, appointment("Falls clinic")));
  DiaryEntryChange later;
  later.change_times = true;
  later.start_minute = 660;
  later.end_minute = 705;
  const DiaryEntry moved = ok(diary().change(kNurse, person_, entry.id, 1, later));
  EXPECT_EQ(moved.current.version, 2);
  EXPECT_EQ(moved.current.fields.start_minute, 660);
  EXPECT_EQ(moved.current.fields.title, "Falls clinic");

  DiaryEntryChange done;
  done.status = DiaryStatus::kDone;
  auto stale = diary().change(kNurse, person_, entry.id, 1, done);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error()[0].code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error()[0].path, "version");

  const auto versions = ok(diary().history(kCouncil, person_, entry.id));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].fields.start_minute, 600);
  EXPECT_EQ(versions[1].fields.start_minute, 660);
  EXPECT_EQ(versions[1].by.username, "nhs_nurse");
}

TEST_F(DiaryServiceTest, OnlyTheWritingAgencyChangesAnEntryAndBadChangesReportEveryField) {
  const DiaryEntry entry = ok(diary().add(kNurse, person_, appointment("Falls clinic")));
  auto other = diary().cancel(kProvider, person_, entry.id, 1, "not needed");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error()[0].code, ErrorCode::kForbidden);

  DiaryEntryChange bad;
  bad.title = "";
  bad.change_times = true;
  bad.start_minute = 700;
  bad.end_minute = 600;
  bad.status = DiaryStatus::kCancelled;
  auto refused = diary().change(kNurse, person_, entry.id, 1, bad);
  ASSERT_FALSE(refused);
  std::vector<std::string> paths;
  for (const Issue& issue : refused.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"title", "end", "status"}));
  EXPECT_EQ(ok(diary().history(kNurse, person_, entry.id)).size(), 1u);
}

TEST_F(DiaryServiceTest, ACancellationKeepsItsReasonAndIsFinal) {
  const DiaryEntry entry = ok(diary().add(kProvider, person_, appointment("Enablement session")));
  auto blank = diary().cancel(kProvider, person_, entry.id, 1, "  ");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error()[0].path, "reason");
  const DiaryEntry cancelled = ok(diary().cancel(kProvider, person_, entry.id, 1, "Therapist on leave"));
  EXPECT_EQ(cancelled.current.status, DiaryStatus::kCancelled);
  EXPECT_EQ(cancelled.current.cancel_reason, "Therapist on leave");
  auto again = diary().cancel(kProvider, person_, entry.id, 2, "again");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error()[0].code, ErrorCode::kConflict);
  DiaryEntryChange retitle;
  retitle.title = "Renamed";
  EXPECT_EQ(diary().change(kProvider, person_, entry.id, 2, retitle).error()[0].code, ErrorCode::kConflict);
}

TEST_F(DiaryServiceTest, RefusalsForOtherRolesPeopleAndEntries) {
  EXPECT_EQ(diary().read(kFinance, person_, std::nullopt, std::nullopt).error()[0].code, ErrorCode::kForbidden);
  EXPECT_EQ(diary().add(kFinance, person_, appointment("x")).error()[0].code, ErrorCode::kForbidden);
  EXPECT_EQ(diary().read(kCouncil, person_ + 100, std::nullopt, std::nullopt).error()[0].code, ErrorCode::kNotFound);
  EXPECT_EQ(diary().history(kCouncil, person_, 999).error()[0].code, ErrorCode::kNotFound);
  EXPECT_EQ(diary().add(kCouncil, person_, NewDiaryEntry{appointment("x").fields, DiaryStatus::kCancelled})
                .error()[0]
                .path,
            "status");
}

TEST_F(DiaryServiceTest, VisitsComeFromThePersonsPackageWithoutBeingCopied) {
  ok(in_transaction(store(), Access::kWrite, [&](Transaction& tx) -> Result<PackageRecord> {
    auto provider = tx.get<ProviderRepository>().add(NewProvider{"Acme Care", "", {"care_at_home"}, {"North"}, 100},
                                                     Actor{"commissioner", "derby-council"}, t0());
    if (!provider) return fail(provider.error());
    NewPackage package;
    package.provider_id = provider->id;
    package.person_reference = std::to_string(person_);
    package.client_group = "older_people";
    package.service = "care_at_home";
    package.starts_on = day("2026-03-01");
    package.visits = {care_at_home::Visit{0, 480, 15, 45, 1, {"breakfast"}}, care_at_home::Visit{3, 1020, 15, 30, 1, {}}};
    return tx.get<PackageRepository>().add(package, false, Actor{"commissioner", "derby-council"}, t0());
  }));
  const DiaryView view = ok(diary().read(kNurse, person_, day("2026-03-30"), day("2026-04-12")));
  ASSERT_EQ(view.derived.size(), 4u);  // two Mondays, two Thursdays
  EXPECT_EQ(view.derived[0].fields.on, day("2026-03-30"));
  EXPECT_EQ(view.derived[0].from, "Acme Care");
  EXPECT_EQ(view.derived[1].fields.on, day("2026-04-02"));
  EXPECT_TRUE(view.entries.empty());
}

TEST_F(DiaryServiceTest, EnablementFromTheJourneyIsShownWhereItFalls) {
  JourneyService journey(store(), clock_);
  ok(journey.steps().record_contact(
      kCouncil, person_,
      journey_io::read_contact({{"route_of_access", "discharge_from_hospital"}, {"requested_by", "hospital"}},
                               builtin_code_lists())));
  auto screen = journey_io::read_step("screen", {{"outcome", "enablement"}, {"planned_end", "2026-05-06"}},
                                      builtin_code_lists());
  ASSERT_TRUE(screen) << format_issues(screen.error());
  ok(journey.steps().take(kCouncil, person_, *screen));
  const DiaryView start = ok(diary().read(kProvider, person_, std::nullopt, std::nullopt));
  ASSERT_EQ(start.derived.size(), 1u);
  EXPECT_EQ(start.derived[0].source, DiarySource::kEnablement);
  EXPECT_EQ(start.derived[0].fields.on, day("2026-04-01"));
  EXPECT_EQ(start.derived[0].fields.title, "Enablement begins");
  const DiaryView end = ok(diary().read(kProvider, person_, day("2026-05-04"), std::nullopt));
  ASSERT_EQ(end.derived.size(), 1u);
  EXPECT_EQ(end.derived[0].fields.title, "Enablement planned to end");
  EXPECT_EQ(end.derived[0].fields.on, day("2026-05-06"));
}

TEST_F(DiaryServiceTest, PlannedAndDoneSwapAsNewVersions) {
  const DiaryEntry entry = ok(diary().add(kProvider, person_, appointment("Enablement session")));
  DiaryEntryChange done;
  done.status = DiaryStatus::kDone;
  EXPECT_EQ(ok(diary().change(kProvider, person_, entry.id, 1, done)).current.status, DiaryStatus::kDone);
  DiaryEntryChange same;
  same.status = DiaryStatus::kDone;
  EXPECT_EQ(diary().change(kProvider, person_, entry.id, 2, same).error()[0].code, ErrorCode::kInvalidValue);
  DiaryEntryChange planned;
  planned.status = DiaryStatus::kPlanned;
  EXPECT_EQ(ok(diary().change(kProvider, person_, entry.id, 2, planned)).current.version, 3);
}

TEST_F(DiaryServiceTest, ReadsAndWritesAreAudited) {
  const DiaryEntry entry = ok(diary().add(kNurse, person_, appointment("Falls clinic")));
  ok(diary().read(kProvider, person_, std::nullopt, std::nullopt));
  ok(diary().history(kCouncil, person_, entry.id));
  const std::string subject = "person:" + std::to_string(person_);
  int reads = 0;
  int writes = 0;
  for (const AuditEntry& audited : audit_entries()) {
    if (audited.subject != subject) continue;
    if (audited.action == "read" && audited.detail.rfind("support diary", 0) == 0) ++reads;
    if (audited.action == "update" && audited.detail.find("diary entry") != std::string::npos) {
      ++writes;
      EXPECT_EQ(audited.actor, "nhs_nurse");
    }
  }
  EXPECT_EQ(reads, 2);
  EXPECT_EQ(writes, 1);
}

}  // namespace
}  // namespace allot::app::testing
