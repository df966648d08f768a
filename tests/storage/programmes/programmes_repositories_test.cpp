// The grant programmes' repository on every backend.
#include <gtest/gtest.h>

#include "allot/app/programmes/repositories.h"
#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class ProgrammeRepositories : public StoreTest {};

TEST_P(ProgrammeRepositories, AProgrammeKeepsItsLinesAndStatedTotals) {
  programmes::ProgrammeImport imported;
  imported.programme = "Carers";
  imported.lines = {{2, "Breaks", "Sitting", "Reform grant", "2008/09", Money::from_pence(1000000), true},
                    {3, "Advice", "Helpline", "Reform grant", "2009/10", Money::from_pence(250000), false}};
  imported.totals = {{4, "", "", "", "", Money::from_pence(1250000)}};
  auto added = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::ProgrammeRepository>().add(imported, "carers.csv", app::Actor{"finance_officer", "demo-council"}, t0());
  }));
  EXPECT_EQ(added.name, "Carers");
  EXPECT_EQ(added.line_count, 2);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ProgrammeRepository>().lines(added.id); })), imported.lines);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ProgrammeRepository>().totals(added.id); })), imported.totals);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::ProgrammeRepository>().list(); })).size(), 1u);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::ProgrammeRepository>().get(added.id + 1); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM programme_lines")), ErrorCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProgrammeRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

}  // namespace
}  // namespace allot::storage::testing
