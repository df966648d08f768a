// Charging's repositories (charging rules versions, financial assessments) on
// every backend.
#include <gtest/gtest.h>

#include "allot/app/charging/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class ChargingRepositories : public StoreTest {
 protected:
  app::ChargingRulesVersion rules(int version) {
    return app::ChargingRulesVersion{"england", version, "England", *Date::parse("2026-04-06"), "{\"id\":\"england\"}", "finance", t0()};
  }
  app::Id person() {
    app::PersonIndex index;
    index.given_name = "Ann";
    index.family_name = "Smith";
    index.nhs_number = "9434765919";
    index.client_group = "older_people";
    index.locality = "North";
    index.team = "North adults team";
    return ok(write(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().add(index, "{}", "{}", t0()); })).id;
  }
  app::FinancialAssessmentRecord assessment(app::Id person_id, const char* effective, std::int64_t contribution) {
    app::FinancialAssessmentRecord record;
    record.person_id = person_id;
    record.rules_id = "england";
    record.rules_version = 1;
    record.status = "assessed";
    record.effective_from = *Date::parse(effective);
    record.assessment = "{}";
    record.calculation = "{}";
    record.weekly_cost = Money::from_pence(20000);
    record.assessed_weekly = Money::from_pence(contribution);
    record.contribution = Money::from_pence(contribution);
    record.recorded_by = "finance_officer";
    record.agency = "demo-council";
    record.recorded_at = t0();
    return record;
  }
};

TEST_P(ChargingRepositories, RulesVersionsAreImmutable) {
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().publish(rules(1)); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().publish(rules(2)); }));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().publish(rules(1)); })),
            ErrorCode::kConflict);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().get("england", 1); })), rules(1));
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().latest("england"); })).version, 2);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().latest("wales"); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().list_versions(); })).size(), 2u);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE charging_rules_versions SET title = 'x'")), ErrorCode::kInternal);
}

TEST_P(ChargingRepositories, TheAssessmentInForceIsTheLatestEffective) {
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::ChargingRulesRepository>().publish(rules(1)); }));
  const app::Id person_id = person();
  auto first = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().add(assessment(person_id, "2026-04-06", 1000));
  }));
  EXPECT_GT(first.id, 0);
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().add(assessment(person_id, "2026-10-01", 2500));
  }));
  auto all = ok(read(store(), [&](Transaction& tx) { return tx.get<app::FinancialAssessmentRepository>().for_person(person_id); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].contribution.pence(), 2500);
  EXPECT_EQ(all[1], first);
  auto in_june = ok(read(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().in_force(person_id, *Date::parse("2026-06-30"));
  }));
  ASSERT_TRUE(in_june);
  EXPECT_EQ(in_june->contribution.pence(), 1000);
  EXPECT_FALSE(ok(read(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().in_force(person_id, *Date::parse("2026-04-05"));
  })));
  // Everyone's in one query: the later one for this person, nobody before any was in force.
  const app::Id other = person();
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().add(assessment(other, "2026-06-01", 700));
  }));
  auto everyone = ok(read(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().all_in_force(*Date::parse("2026-11-01"));
  }));
  ASSERT_EQ(everyone.size(), 2u);
  EXPECT_EQ(everyone[0].person_id, person_id);
  EXPECT_EQ(everyone[0].contribution.pence(), 2500);
  EXPECT_EQ(everyone[1].contribution.pence(), 700);
  EXPECT_TRUE(ok(read(store(), [&](Transaction& tx) {
                return tx.get<app::FinancialAssessmentRepository>().all_in_force(*Date::parse("2026-04-05"));
              })).empty());
  // Everyone's over time, without the documents: by person, then effective date.
  auto timelines = ok(read(store(), [&](Transaction& tx) {
    return tx.get<app::FinancialAssessmentRepository>().all_without_documents();
  }));
  ASSERT_EQ(timelines.size(), 3u);
  EXPECT_EQ(timelines[0].person_id, person_id);
  EXPECT_EQ(timelines[0].contribution.pence(), 1000);
  EXPECT_EQ(timelines[1].contribution.pence(), 2500);
  EXPECT_EQ(timelines[2].person_id, other);
  EXPECT_TRUE(timelines[0].assessment.empty());
  EXPECT_TRUE(timelines[0].calculation.empty());
  EXPECT_EQ(timelines[0].recorded_by, first.recorded_by);
  // Unknown person or rules version; the database keeps assessments as written.
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::FinancialAssessmentRepository>().add(assessment(person_id + 100, "2026-04-06", 0));
            })),
            ErrorCode::kUnknownReference);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE financial_assessments SET contribution_pence = 0")), ErrorCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChargingRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(ChargingStorage, RegistersEveryChargingRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::ChargingRulesRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::FinancialAssessmentRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
