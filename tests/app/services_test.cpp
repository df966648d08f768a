// The audit, directory and rulebook services, and the demo data loader.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include <set>

#include "allot/app/identity/audit_service.h"
#include "allot/app/identity/auth_service.h"
#include "allot/app/demo/demo_data.h"
#include "allot/app/identity/directory_service.h"
#include "allot/app/ras/rulebook_service.h"
#include "allot/app/identity/password.h"
#include "fixture.h"

namespace allot::app::testing {
namespace {

const Actor kAnalyst{"analyst", "derby-council"};

Principal signed_in(std::string username, std::vector<Role> roles) {
  Principal principal;
  principal.username = std::move(username);
  principal.agency = "derby-council";
  principal.roles = std::move(roles);
  return principal;
}

const Principal kAnalystUser = signed_in("analyst", {Role::kAnalyst});
const Principal kAdministrator = signed_in("admin", {Role::kAdministrator});

std::string rulebook_document(const std::string& id, int version, const std::string& title = "Adults RAS") {
  return "{\"id\":\"" + id + "\",\"version\":" + std::to_string(version) + ",\"title\":\"" + title +
         "\",\"effective_from\":\"2026-04-01\",\"questions\":[]}";
}

class Audit : public ServiceTest {};

TEST_F(Audit, RecordsWhoWhenWhatAndOnWhom) {
  AuditService audit(store(), clock_);
  ok(audit.record(Actor{"assessor", "derby-council"}, "read", "person:42", "support plan"));
  AuditQuery query;
  query.subject = "person:42";
  const std::vector<AuditEntry> entries = ok(audit.list(query));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at, t0());
  EXPECT_EQ(entries[0].actor, "assessor");
  EXPECT_EQ(entries[0].agency, "derby-council");
  EXPECT_EQ(entries[0].action, "read");
  EXPECT_EQ(entries[0].detail, "support plan");
  EXPECT_EQ(entries[0].seq, 1);
}

TEST_F(Audit, ASearchKeepsTheRolesAndThePeopleItReturned) {
  AuditService audit(store(), clock_);
  Principal principal = system_principal("kim", "derby-council");
  principal.roles = {Role::kAssessor, Role::kTeamManager};
  ok(audit.record(principal, "search", "people", "list q=\"smith\"", {4, 17}));
  AuditQuery query;
  query.person = 17;
  const std::vector<AuditEntry> entries = ok(audit.list(query));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].roles, "assessor,team_manager");
  EXPECT_EQ(entries[0].people, ",4,17,");
}

TEST_F(Audit, InsideARequestARecordReturnsATicketSettledOnceDurable) {
  AuditService audit(store(), clock_);
  std::vector<AuditTicket> tickets;
  {
    AuditScope scope;
    scope.set_roles("analyst");
    ok(audit.record(Actor{"analyst", "derby-council"}, "read", "person:7", "record"));
    ok(audit.record(Actor{"analyst", "derby-council"}, "read", "person:8", "record"));
    tickets = scope.take_tickets();
  }
  ASSERT_EQ(tickets.size(), 2u);
  std::promise<bool> all_written;
  when_all_written(tickets, [&](bool written) { all_written.set_value(written); });
  EXPECT_TRUE(all_written.get_future().get());
  const std::vector<AuditEntry> entries = ok(audit.list(AuditQuery{}));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].roles, "analyst");  // from the request's scope
}

TEST_F(Audit, ManyThreadsReadingShareFewerWritesAndKeepOneChain) {
  AuditService audit(store(), clock_);
  std::shared_ptr<AuditWriter> writer = AuditWriter::for_store(store());
  const auto [batches_before, entries_before] = writer->batches_and_entries();
  constexpr int kThreads = 16;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int idx = 0; idx < kEach; ++idx) {
        if (!audit.record(Actor{"user" + std::to_string(thread_idx), "derby-council"}, "read",
                          "person:" + std::to_string(idx), "record")) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  const auto [batches_after, entries_after] = writer->batches_and_entries();
  EXPECT_EQ(entries_after - entries_before, kThreads * kEach);
  // Every record() waited for its own entry, yet the writer needed fewer writes
  // than entries: requests shared durable writes.
  EXPECT_LT(batches_after - batches_before, kThreads * kEach);
  const AuditChainReport report = ok(audit.verify());
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, kThreads * kEach);
}

TEST_F(Audit, RefusesAnonymousOrEmptyEntries) {
  AuditService audit(store(), clock_);
  auto refused = audit.record(Actor{"", ""}, "", "", "");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().size(), 3u);
  AuditQuery too_many;
  too_many.limit = 5000;
  EXPECT_EQ(audit.list(too_many).error().front().path, "limit");
}

TEST_F(Audit, AnEntryRecordedInAFailedTransactionDisappearsWithIt) {
  AuditService audit(store(), clock_);
  auto outcome = store().run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    auto entry = audit.record_in(tx, kAnalyst, "update", "person:1", "changed address");
    if (!entry) return tl::unexpected<Issues>(entry.error());
    return fail(ErrorCode::kConflict, "person:1", "was changed by someone else");
  });
  EXPECT_FALSE(outcome);
  EXPECT_TRUE(ok(audit.list(AuditQuery{})).empty());
}

class Rulebooks : public ServiceTest {};

TEST_F(Rulebooks, HeaderProblemsAreAllReported) {
  auto refused = read_rulebook_header(R"({"id": 7, "version": 0, "effective_from": "2026-02-30"})");
  ASSERT_FALSE(refused);
  std::vector<std::string> paths;
  for (const Issue& issue : refused.error()) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"id", "version", "title", "effective_from"}));
  EXPECT_EQ(refused.error()[0].code, ErrorCode::kWrongType);
  EXPECT_EQ(refused.error()[2].code, ErrorCode::kMissingField);
  EXPECT_EQ(read_rulebook_header("[1]").error().front().code, ErrorCode::kMalformed);
  EXPECT_EQ(read_rulebook_header("{").error().front().code, ErrorCode::kMalformed);
}

TEST_F(Rulebooks, PublishedVersionsAreKeptExactlyAndNeverReplaced) {
  RulebookService rulebooks(store(), clock_);
  const std::string first = rulebook_document("adults", 1);
  ok(rulebooks.publish(first, kAnalystUser));
  EXPECT_EQ(ok(rulebooks.get("adults", 1)).document, first);
  auto again = rulebooks.publish(rulebook_document("adults", 1, "Changed"), kAnalystUser);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().front().code, ErrorCode::kConflict);
  EXPECT_EQ(ok(rulebooks.next_version("adults")), 2);
  EXPECT_EQ(ok(rulebooks.next_version("carers")), 1);

  const std::string second = ok(with_rulebook_version(first, 2));
  clock_.advance(std::chrono::hours(24));
  ok(rulebooks.publish(second, kAnalystUser));
  ok(rulebooks.publish(rulebook_document("carers", 1, "Carers"), kAnalystUser));
  auto summaries = ok(rulebooks.list());
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].id, "adults");
  EXPECT_EQ(summaries[0].latest_version, 2);
  ASSERT_EQ(summaries[0].versions.size(), 2u);
  EXPECT_EQ(summaries[0].versions[1].published_at, t0() + std::chrono::hours(24));
  EXPECT_EQ(ok(rulebooks.latest("adults")).version, 2);
  EXPECT_EQ(rulebooks.get("adults", 3).error().front().code, ErrorCode::kNotFound);
}

TEST_F(Rulebooks, OnlyThoseThePolicyAllowsMayPublishAndNothingIsWrittenOtherwise) {
  RulebookService rulebooks(store(), clock_);
  auto refused = rulebooks.publish(rulebook_document("adults", 1), signed_in("assessor", {Role::kAssessor}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(refused.error().front().message, "needs one of the roles: analyst, administrator");
  EXPECT_EQ(rulebooks.get("adults", 1).error().front().code, ErrorCode::kNotFound);
  auto no_draft = rulebooks.save_draft("adults", R"({"id":"adults"})", std::nullopt, signed_in("viewer", {}));
  EXPECT_EQ(no_draft.error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(rulebooks.get_draft("adults").error().front().code, ErrorCode::kNotFound);
}

TEST_F(Rulebooks, ScoresNeedAPublishedVersionAndJson) {
  RulebookService rulebooks(store(), clock_);
  ok(rulebooks.publish(rulebook_document("adults", 1), kAnalystUser));
  NewScore score{"adults", 1, R"({"mobility":"some"})", R"({"annual_pence":1250000})", Money::from_pence(1250000)};
  ScoreRecord recorded = ok(rulebooks.record_score(score, Actor{"public", "public"}));
  EXPECT_EQ(recorded.scored_by, "public");
  EXPECT_EQ(ok(rulebooks.get_score(recorded.id)), recorded);
  EXPECT_EQ(ok(rulebooks.scores_for("adults", 1)).size(), 1u);

  NewScore unknown = score;
  unknown.rulebook_version = 2;
  EXPECT_EQ(rulebooks.record_score(unknown, kAnalyst).error().front().code, ErrorCode::kUnknownReference);
  NewScore broken = score;
  broken.answers = "{";
  broken.result = "";
  EXPECT_EQ(rulebooks.record_score(broken, kAnalyst).error().size(), 2u);
}

TEST_F(Rulebooks, DraftsMustNameTheirRulebook) {
  RulebookService rulebooks(store(), clock_);
  EXPECT_EQ(rulebooks.save_draft("adults", R"({"id":"carers"})", std::nullopt, kAnalystUser).error().front().path, "id");
  RulebookDraft draft = ok(rulebooks.save_draft("adults", R"({"id":"adults"})", std::nullopt, kAnalystUser));
  RulebookDraft saved = ok(rulebooks.save_draft("adults", R"({"id":"adults","title":"x"})", draft.row_version, kAnalystUser));
  EXPECT_EQ(rulebooks.save_draft("adults", R"({"id":"adults"})", draft.row_version, kAnalystUser).error().front().code,
            ErrorCode::kConflict);
  ok(rulebooks.discard_draft("adults", saved.row_version));
  EXPECT_EQ(rulebooks.get_draft("adults").error().front().code, ErrorCode::kNotFound);
}

class Directory : public ServiceTest {};

TEST_F(Directory, OnlyAdministratorsAddAgencies) {
  DirectoryService directory(store(), clock_);
  auto refused = directory.create_agency(NewAgency{"derby-nhs", "Derby NHS", AgencyKind::kNhsTrust}, kAnalystUser);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().front().code, ErrorCode::kForbidden);
  EXPECT_EQ(directory.agency_by_code("derby-nhs").error().front().code, ErrorCode::kNotFound);
}

TEST_F(Directory, AgencyCodesAreCheckedAndUnique) {
  DirectoryService directory(store(), clock_);
  auto bad = directory.create_agency(NewAgency{"Derby Council", "", AgencyKind::kCouncil}, kAdministrator);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().size(), 2u);
  Agency agency = ok(directory.create_agency(NewAgency{"derby-nhs", "Derby NHS", AgencyKind::kNhsTrust}, kAdministrator));
  EXPECT_EQ(ok(directory.agency_by_code("derby-nhs")), agency);
  EXPECT_EQ(directory.create_agency(NewAgency{"derby-nhs", "Again", AgencyKind::kNhsTrust}, kAdministrator)
                .error()
                .front()
                .code,
            ErrorCode::kDuplicate);
}

class DemoData : public ServiceTest {
 protected:
  DemoDataInput input() {
    DemoDataInput in;
    in.rulebooks = {{"data/rulebooks/adults.json", rulebook_document("adults", 1)},
                    {"data/rulebooks/carers.json", rulebook_document("carers", 2, "Carers")}};
    in.password_cost = PasswordCost::kMinimum;
    return in;
  }
};

TEST_F(DemoData, LoadsOnceIntoAnEmptyDatabase) {
  DemoDataReport report = ok(load_demo_data(store(), clock_, input()));
  EXPECT_TRUE(report.loaded);
  EXPECT_EQ(report.accounts.size(), all_roles().size());
  EXPECT_EQ(report.rulebooks, (std::vector<std::string>{"adults v1", "carers v2"}));
  EXPECT_GE(report.password.size(), 10u);

  // Every demo user can sign in with the printed password.
  AuthOptions options;
  options.password_cost = PasswordCost::kMinimum;
  AuthService auth(store(), clock_, options);
  for (const DemoAccount& account : report.accounts) {
    SignedIn signed_in = ok(auth.sign_in(account.username, report.password));
    EXPECT_EQ(signed_in.user.roles, std::vector<Role>{*parse_role(account.role)});
    EXPECT_EQ(signed_in.agency.code, account.agency);
  }
  EXPECT_EQ(ok(DirectoryService(store(), clock_).agencies()).size(), 4u);

  DemoDataReport second = ok(load_demo_data(store(), clock_, input()));
  EXPECT_FALSE(second.loaded);
  EXPECT_TRUE(second.password.empty());
  EXPECT_EQ(ok(DirectoryService(store(), clock_).users()).size(), all_roles().size());
}

TEST_F(DemoData, UsesTheGivenPassword) {
  DemoDataInput in = input();
  in.password = "demo-password-123";
  EXPECT_EQ(ok(load_demo_data(store(), clock_, in)).password, "demo-password-123");
  // Each demo user has a hash of their own, though the password is the same.
  std::set<std::string> hashes;
  for (const User& user : ok(DirectoryService(store(), clock_).users())) {
    const UserCredentials credentials = ok(in_transaction(store(), Access::kRead, [&](Transaction& tx) {
      return tx.get<UserRepository>().find_credentials(user.username);
    }));
    EXPECT_TRUE(verify_password("demo-password-123", credentials.password_hash));
    hashes.insert(credentials.password_hash);
  }
  EXPECT_EQ(hashes.size(), all_roles().size());
}

TEST_F(DemoData, BadFilesAreAllReportedAndNothingIsLoaded) {
  DemoDataInput in = input();
  in.rulebooks.push_back({"data/rulebooks/broken.json", "{\"id\":\"broken\"}"});
  in.rulebooks.push_back({"data/rulebooks/copy.json", rulebook_document("adults", 1)});
  auto refused = load_demo_data(store(), clock_, in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().size(), 4u);  // version, title, effective_from, and the duplicate
  EXPECT_EQ(refused.error().front().path, "data/rulebooks/broken.json: version");
  EXPECT_EQ(refused.error().back().code, ErrorCode::kConflict);
  EXPECT_TRUE(ok(DirectoryService(store(), clock_).users()).empty());
}

}  // namespace
}  // namespace allot::app::testing
