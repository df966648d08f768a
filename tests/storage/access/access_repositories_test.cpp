// Care teams, sharing agreements, consent and break glass on every backend: the
// rule that decides who may see a person, and the list condition built from it.
#include <gtest/gtest.h>

#include <chrono>

#include "allot/app/access/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/storage/access/access_storage.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class AccessRepositories : public StoreTest {
 protected:
  app::Id add_person(const std::string& family) {
    app::PersonIndex person;
    person.given_name = "Ann";
    person.family_name = family;
    person.nhs_number = "";
    person.client_group = "older_people";
    person.locality = "North";
    person.team = "North adults team";
    return ok(write(store(), [&](Transaction& tx) {
             return tx.get<app::PersonRepository>().add(person, "{}", "{}", t0());
           })).id;
  }
  app::PersonAccess access(app::Id person, app::Id user, app::Id agency, Date on, app::Timestamp now) {
    return ok(read(store(), [&](Transaction& tx) {
      return tx.get<app::AccessRepository>().person_access(person, app::CareTeamViewer{user, agency, on, false}, now);
    }));
  }
  std::int64_t listed(app::Id user, app::Id agency, Date on) {
    app::PersonQuery query;
    query.visible = app::PersonVisibility{false, std::nullopt, app::CareTeamViewer{user, agency, on, false}};
    return ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(query); })).total;
  }
};

TEST_P(AccessRepositories, APartnerSeesOnlyWhileOnTheTeamUnderAnAgreementWithConsent) {
  const app::Agency council = add_agency(store(), "council");
  const app::Agency trust = add_agency(store(), "trust", app::AgencyKind::kNhsTrust);
  const app::User nurse = add_user(store(), "nurse", trust.id);
  const app::User worker = add_user(store(), "worker", council.id);
  const app::Id ann = add_person("Ash");
  add_person("Birch");
  const Date today(std::chrono::year{2026} / 11 / 22);
  const app::Actor by{"manager", "council"};
  auto repo_of = [](Transaction& tx) -> app::AccessRepository& { return tx.get<app::AccessRepository>(); };
  ok(write(store(), [&](Transaction& tx) {
    return repo_of(tx).add_member({ann, council.id, std::nullopt, "lead_agency", today, std::nullopt}, by, t0());
  }));
  EXPECT_TRUE(access(ann, worker.id, council.id, today, t0()).on_care_team);
  EXPECT_EQ(listed(worker.id, council.id, today), 1);
  // The trust on the team is not enough: an agreement and consent are needed.
  ok(write(store(), [&](Transaction& tx) {
    return repo_of(tx).add_member({ann, trust.id, std::nullopt, "nhs_professional", today, std::nullopt}, by, t0());
  }));
  EXPECT_FALSE(access(ann, nurse.id, trust.id, today, t0()).on_care_team);
  const app::SharingAgreement agreement = ok(write(store(), [&](Transaction& tx) {
    return repo_of(tx).add_agreement(trust.id, "S75", "joint care", today.plus_days(-1), std::nullopt, by, t0());
  }));
  EXPECT_FALSE(access(ann, nurse.id, trust.id, today, t0()).on_care_team);
  ok(write(store(), [&](Transaction& tx) { return repo_of(tx).record_consent(ann, trust.id, "given", "", by, t0()); }));
  EXPECT_TRUE(access(ann, nurse.id, trust.id, today, t0()).on_care_team);
  EXPECT_EQ(listed(nurse.id, trust.id, today), 1);
  // Not before the membership starts.
  EXPECT_FALSE(access(ann, nurse.id, trust.id, today.plus_days(-5), t0()).on_care_team);
  // A withdrawal is the latest decision: access ends.
  ok(write(store(), [&](Transaction& tx) { return repo_of(tx).record_consent(ann, trust.id, "withdrawn", "", by, t0()); }));
  EXPECT_FALSE(access(ann, nurse.id, trust.id, today, t0()).on_care_team);
  EXPECT_EQ(listed(nurse.id, trust.id, today), 0);
  ok(write(store(), [&](Transaction& tx) { return repo_of(tx).record_consent(ann, trust.id, "given", "", by, t0()); }));
  ok(write(store(), [&](Transaction& tx) { return repo_of(tx).end_agreement(agreement.id, today, "ended", by, t0()); }));
  EXPECT_FALSE(access(ann, nurse.id, trust.id, today, t0()).on_care_team);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return repo_of(tx).end_agreement(agreement.id, today, "again", by, t0());
            })),
            ErrorCode::kConflict);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return repo_of(tx).consents(ann); })).size(), 3u);
  // Kept: nothing is changed or removed.
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM sharing_consents")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE care_team_members SET team_role = 'x'")), ErrorCode::kInternal);
}

TEST_P(AccessRepositories, AnEndedMembershipAndAnExpiredBreakGlassGrantGiveNoAccess) {
  const app::Agency council = add_agency(store(), "council");
  const app::User worker = add_user(store(), "worker", council.id);
  const app::User other = add_user(store(), "other", council.id);
  const app::Id ann = add_person("Ash");
  const Date today(std::chrono::year{2026} / 11 / 22);
  const app::Actor by{"manager", "council"};
  const app::CareTeamMember member = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::AccessRepository>().add_member({ann, council.id, worker.id, "allocated_worker", today, std::nullopt},
                                                      by, t0());
  }));
  EXPECT_TRUE(access(ann, worker.id, council.id + 100, today, t0()).on_care_team);
  EXPECT_FALSE(access(ann, other.id, council.id + 100, today, t0()).on_care_team);
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::AccessRepository>().end_member(member.id, today, "moved on", by, t0());
  }));
  EXPECT_FALSE(access(ann, worker.id, council.id + 100, today, t0()).on_care_team);
  const auto members = ok(read(store(), [&](Transaction& tx) { return tx.get<app::AccessRepository>().members(ann); }));
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].ended_on, today);
  EXPECT_EQ(members[0].username, "worker");

  app::BreakGlassGrant grant;
  grant.person_id = ann;
  grant.user_id = other.id;
  grant.username = "other";
  grant.agency = "council";
  grant.roles = "assessor";
  grant.reason = "Safeguarding call at night";
  grant.granted_at = t0();
  grant.expires_at = t0() + std::chrono::hours(8);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::AccessRepository>().grant_break_glass(grant); }));
  const app::PersonAccess during = access(ann, other.id, council.id + 100, today, t0() + std::chrono::hours(7));
  EXPECT_TRUE(during.break_glass);
  EXPECT_EQ(during.break_glass_reason, grant.reason);
  EXPECT_FALSE(access(ann, other.id, council.id + 100, today, t0() + std::chrono::hours(8)).break_glass);
  EXPECT_FALSE(access(ann, worker.id, council.id + 100, today, t0()).break_glass);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) {
              return tx.get<app::AccessRepository>().break_glass_grants(t0(), 10);
            })).size(),
            1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
