// The support diary's repositories on every backend: an entry with its versions,
// the latest version read by date, a version written twice refused as a
// conflict, append-only tables, and a person's packages found by reference.
#include <gtest/gtest.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/diary/repositories.h"
#include "allot/app/journey/repositories.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

Date day(const char* text) { return *Date::parse(text); }

class DiaryRepositories : public StoreTest {
 protected:
  app::Id person() {
    app::PersonIndex index;
    index.given_name = "Ada";
    index.family_name = "Diary";
    return ok(write(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().add(index, "{}", "{}", t0()); })).id;
  }
};

TEST_P(DiaryRepositories, AnEntryKeepsEveryVersionAndReadsAsItsLatest) {
  const app::Id id = person();
  const app::Actor nurse{"nhs_nurse", "demo-nhs"};
  const app::DiaryEntryFields fields{app::DiaryKind::kAppointment, day("2026-11-26"), 570, 615, "Outpatients", "Falls clinic", ""};
  const app::DiaryEntry entry = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::DiaryRepository>().add(id, fields, app::DiaryStatus::kPlanned, nurse, t0());
  }));
  EXPECT_EQ(entry.current.version, 1);
  app::DiaryEntryVersion moved = entry.current;
  moved.version = 2;
  moved.fields.on = day("2026-12-03");
  moved.fields.start_minute.reset();
  moved.fields.end_minute.reset();
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().add_version(moved); }));
  // The same version again (a second writer) is a conflict, and changes nothing.
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().add_version(moved); })),
            ErrorCode::kConflict);

  const app::DiaryEntry latest = ok(read(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().get(entry.id); }));
  EXPECT_EQ(latest.current, moved);
  EXPECT_EQ(latest.created_by, nurse);
  // By date: the entry is in the week of its latest version only.
  auto in = [&](const char* from, const char* to) {
    return ok(read(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().in_range(id, day(from), day(to)); }));
  };
  EXPECT_TRUE(in("2026-11-23", "2026-11-29").empty());
  ASSERT_EQ(in("2026-11-30", "2026-12-06").size(), 1u);
  EXPECT_FALSE(in("2026-11-30", "2026-12-06")[0].current.fields.start_minute.has_value());
  const auto versions = ok(read(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().versions(entry.id); }));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0], entry.current);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::DiaryRepository>().get(entry.id + 1); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::DiaryRepository>().add(id + 1000, fields, app::DiaryStatus::kPlanned, nurse, t0());
            })),
            ErrorCode::kUnknownReference);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE diary_entry_versions SET title = 'changed'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM diary_entries")), ErrorCode::kInternal);
}

TEST_P(DiaryRepositories, APersonsPackagesAreFoundByTheirReference) {
  const app::Id id = person();
  ok(write(store(), [&](Transaction& tx) -> Result<app::PackageRecord> {
    auto provider = tx.get<app::ProviderRepository>().add(app::NewProvider{"Acme Care", "", {"care_at_home"}, {"North"}, 100},
                                                          app::Actor{"commissioner", "demo-council"}, t0());
    if (!provider) return fail(provider.error());
    app::NewPackage package;
    package.provider_id = provider->id;
    package.person_reference = std::to_string(id);
    package.client_group = "older_people";
    package.service = "care_at_home";
    package.starts_on = day("2026-11-02");
    package.visits = {care_at_home::Visit{2, 480, 15, 45, 2, {"washing", "breakfast"}}};
    auto mine = tx.get<app::PackageRepository>().add(package, false, app::Actor{"commissioner", "demo-council"}, t0());
    if (!mine) return mine;
    package.person_reference = "EL-00001";
    return tx.get<app::PackageRepository>().add(package, false, app::Actor{"commissioner", "demo-council"}, t0());
  }));
  const auto packages = ok(read(store(), [&](Transaction& tx) {
    return tx.get<app::DiarySourceRepository>().packages_for(std::to_string(id));
  }));
  ASSERT_EQ(packages.size(), 1u);
  EXPECT_EQ(packages[0].provider, "Acme Care");
  EXPECT_EQ(packages[0].starts_on, day("2026-11-02"));
  ASSERT_EQ(packages[0].visits.size(), 1u);
  EXPECT_EQ(packages[0].visits[0].day_of_week, 2);
  EXPECT_EQ(packages[0].visits[0].duration_minutes, 45);
  EXPECT_EQ(packages[0].visits[0].carers, 2);
  EXPECT_EQ(packages[0].visits[0].tasks, (std::vector<std::string>{"washing", "breakfast"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DiaryRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
