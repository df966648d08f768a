// Care at home packages on every backend: the person's name kept with the
// package, a package given to another provider only while it is still with the
// provider the change expects, and each change kept (append-only).
#include <gtest/gtest.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/storage/shared/migrations.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class CareAtHomeRepositories : public StoreTest {
 protected:
  const app::Actor commissioner{"commissioner", "demo-council"};

  app::Id provider(const char* name) {
    return ok(write(store(), [&](Transaction& tx) {
             return tx.get<app::ProviderRepository>().add(app::NewProvider{name, "", {"care_at_home"}, {"North"}, 100},
                                                           commissioner, t0());
           })).id;
  }
};

TEST_P(CareAtHomeRepositories, APackageChangesProviderOnlyFromTheOneItHasAndEveryChangeIsKept) {
  const app::Id first = provider("Acme Care");
  const app::Id second = provider("Brunton Care");
  app::NewPackage package;
  package.provider_id = first;
  package.person_reference = "EL-00001";
  package.person_name = "Agnes Murray";
  package.client_group = "older_people";
  package.service = "care_at_home";
  package.starts_on = *Date::parse("2026-11-02");
  package.visits = {care_at_home::Visit{2, 480, 15, 45, 1, {"washing"}}};
  package.visit_carers = {{}};
  const app::PackageRecord added = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PackageRepository>().add(package, false, commissioner, t0());
  }));
  EXPECT_EQ(added.details.person_name, "Agnes Murray");
  const app::OpenPackageRecord open = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::OpenPackageRepository>().add(package, commissioner, t0());
  }));
  EXPECT_EQ(open.details.person_name, "Agnes Murray");

  const app::ProviderChangeRecord change = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PackageRepository>().change_provider(added.id, first, second, {{7}}, "job-1", commissioner, t0());
  }));
  EXPECT_EQ(change.package_id, added.id);
  EXPECT_EQ(change.from_provider_id, first);
  EXPECT_EQ(change.to_provider_id, second);
  EXPECT_EQ(change.replan, "job-1");
  EXPECT_EQ(change.changed_by, "commissioner");
  const app::PackageRecord moved = ok(read(store(), [&](Transaction& tx) { return tx.get<app::PackageRepository>().get(added.id); }));
  EXPECT_EQ(moved.details.provider_id, second);
  EXPECT_EQ(moved.details.visit_carers, (std::vector<std::vector<app::Id>>{{7}}));
  EXPECT_EQ(moved.details.person_name, "Agnes Murray");

  // A change that expects the provider it had before is refused and changes nothing.
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::PackageRepository>().change_provider(added.id, first, second, {}, "job-2", commissioner, t0());
            })),
            ErrorCode::kConflict);
  const auto changes = ok(read(store(), [&](Transaction& tx) { return tx.get<app::PackageRepository>().provider_changes(added.id); }));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].id, change.id);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE care_package_provider_changes SET replan = 'other'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM care_package_provider_changes")), ErrorCode::kInternal);
}

// A personal budget model package keeps its outcomes and budget; its costed
// plans are versioned, each answered once, and neither plans nor answers can be
// changed or removed.
TEST_P(CareAtHomeRepositories, CostedPlansAreVersionedAnsweredOnceAndKept) {
  app::NewPackage package;
  package.provider_id = provider("Acme Care");
  package.person_reference = "EL-00002";
  package.client_group = "older_people";
  package.service = "care_at_home";
  package.model = app::PackageModel::kPersonalBudget;
  package.starts_on = *Date::parse("2026-11-02");
  package.visits = {care_at_home::Visit{2, 480, 15, 60, 1, {}}};
  package.outcomes = {"I want to swim again", "I want to get up when I choose"};
  package.weekly_budget = Money::from_pence(25000);
  const app::PackageRecord added = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PackageRepository>().add(package, false, commissioner, t0());
  }));
  EXPECT_EQ(added.details.outcomes, package.outcomes);
  EXPECT_EQ(added.details.weekly_budget.pence(), 25000);
  const app::OpenPackageRecord open = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::OpenPackageRepository>().add(package, commissioner, t0());
  }));
  EXPECT_EQ(open.details.outcomes, package.outcomes);
  EXPECT_EQ(open.details.weekly_budget.pence(), 25000);

  const app::Actor provider_user{"provider_user", "demo-care"};
  app::CostedPlanLine line;
  line.what = "Support to go swimming on Tuesdays";
  line.outcomes = {"I want to swim again"};
  line.minutes_per_week = 120;
  line.hourly_rate = Money::from_pence(2000);
  line.weekly_cost = Money::from_pence(4000);
  const app::CostedPlanRecord first = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::CostedPlanRepository>().add(added.id, 1, {line}, Money::from_pence(4000), provider_user, t0());
  }));
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.proposed_by, "provider_user");
  ASSERT_EQ(first.lines.size(), 1u);
  EXPECT_EQ(first.lines[0].what, line.what);
  EXPECT_EQ(first.lines[0].outcomes, line.outcomes);
  EXPECT_EQ(first.lines[0].hourly_rate.pence(), 2000);
  EXPECT_TRUE(first.decision.empty());
  // The same version twice is a conflict, not a second row.
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::CostedPlanRepository>().add(added.id, 1, {line}, Money::from_pence(4000), provider_user, t0());
            })),
            ErrorCode::kConflict);
  const app::CostedPlanRecord sent_back = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::CostedPlanRepository>().decide(first.id, "sent_back", "Two shorter sessions", commissioner, t0());
  }));
  EXPECT_EQ(sent_back.decision, "sent_back");
  EXPECT_EQ(sent_back.reason, "Two shorter sessions");
  EXPECT_EQ(sent_back.decided_by, "commissioner");
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::CostedPlanRepository>().decide(first.id, "agreed", "", commissioner, t0());
            })),
            ErrorCode::kConflict);
  ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::CostedPlanRepository>().add(added.id, 2, {line}, Money::from_pence(4000), provider_user, t0());
  }));
  const auto plans = ok(read(store(), [&](Transaction& tx) { return tx.get<app::CostedPlanRepository>().for_package(added.id); }));
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[0].decision, "sent_back");
  EXPECT_EQ(plans[1].version, 2);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::CostedPlanRepository>().all(); })).size(), 2u);
  for (const char* sql : {"UPDATE care_costed_plans SET total_pence = 1", "DELETE FROM care_costed_plans",
                          "UPDATE care_costed_plan_decisions SET reason = 'other'", "DELETE FROM care_costed_plan_decisions"}) {
    EXPECT_EQ(refusal(store().execute_sql(sql)), ErrorCode::kInternal) << sql;
  }
}

// Packages made for a person on record before packages carried names take the
// name from the record when the database is upgraded; others stay unnamed.
TEST_P(CareAtHomeRepositories, PackagesMadeBeforeNamesTakeTheirPersonsNameOnUpgrade) {
  int names_version = 0;
  for (const Migration& migration : migrations()) {
    if (migration.source.find("care_at_home_names_and_replans") != std::string::npos) names_version = migration.version;
  }
  ASSERT_GT(names_version, 1);
  TestDatabase old_database(GetParam());
  auto old_store = old_database.open(names_version - 1);
  ASSERT_TRUE(old_store) << format_issues(old_store.error());
  app::PersonIndex index;
  index.given_name = "Isa";
  index.family_name = "Upgraded";
  const app::Id person = ok(write(**old_store, [&](Transaction& tx) {
    return tx.get<app::PersonRepository>().add(index, "{}", "{}", t0());
  })).id;
  const std::string columns =
      "INSERT INTO care_packages (provider_id, person_reference, client_group, service, model, visits, nights, "
      "starts_on, off_framework, added_by, agency, added_at) VALUES ((SELECT MAX(id) FROM providers), '";
  const std::string rest = "', 'older_people', 'care_at_home', 'time_and_task', '[]', "
                           "'{\"kind\":0,\"nights\":0,\"hours\":0,\"technology_weekly_pence\":0}', '2026-11-02', 0, "
                           "'commissioner', 'demo-council', '2026-11-01T09:00:00.000Z')";
  ok((*old_store)->execute_sql(
      "INSERT INTO providers (name, former_framework, services, areas, capacity_hours_per_week, added_by, agency, "
      "added_at) VALUES ('Acme Care', '', '[]', '[]', 100, 'commissioner', 'demo-council', '2026-11-01T09:00:00.000Z')"));
  ok((*old_store)->execute_sql(columns + std::to_string(person) + rest));
  ok((*old_store)->execute_sql(columns + "EL-00001" + rest));
  old_store->reset();

  auto upgraded = old_database.open();
  ASSERT_TRUE(upgraded) << format_issues(upgraded.error());
  const auto packages = ok(read(**upgraded, [&](Transaction& tx) { return tx.get<app::PackageRepository>().all(); }));
  ASSERT_EQ(packages.size(), 2u);
  EXPECT_EQ(packages[0].details.person_name, "Isa Upgraded");
  EXPECT_EQ(packages[1].details.person_name, "");
}

INSTANTIATE_TEST_SUITE_P(Backends, CareAtHomeRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
