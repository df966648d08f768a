// The personal budget journey's repositories on every backend: people's records
// with optimistic concurrency, append-only events and plan versions, drafts,
// panel meetings and the list filters.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "allot/storage/shared/repository_registry.h"
#include "backend.h"
#include "helpers.h"

namespace allot::storage::testing {
namespace {

using app::Transaction;

class JourneyRepositories : public StoreTest {
 protected:
  app::PersonIndex index(const std::string& given, const std::string& family, const std::string& stage = "") {
    app::PersonIndex person;
    person.given_name = given;
    person.family_name = family;
    person.nhs_number = "9434765919";
    person.client_group = "older_people";
    person.locality = "North";
    person.team = "North adults team";
    person.stage = stage;
    return person;
  }
  app::PersonRecord add(const app::PersonIndex& person) {
    return ok(write(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().add(person, "{\"d\":1}", "{\"s\":1}", t0()); }));
  }
};

TEST_P(JourneyRepositories, RecordsAreAddedReadAndUpdatedWithOptimisticConcurrency) {
  const app::PersonRecord added = add(index("Ann", "Smith", "screening"));
  EXPECT_EQ(added.row_version, 1);
  EXPECT_EQ(added.details, "{\"d\":1}");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().get(added.id); })), added);

  app::PersonIndex changed = added.index;
  changed.stage = "active";
  changed.review_due = Date::parse("2026-06-01");
  changed.has_agreed_budget = true;
  const app::PersonRecord updated = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonRepository>().update(added.id, 1, changed, "{\"d\":2}", "{\"s\":2}", t0() + 1h);
  }));
  EXPECT_EQ(updated.row_version, 2);
  EXPECT_EQ(updated.index, changed);
  EXPECT_EQ(updated.state, "{\"s\":2}");
  EXPECT_EQ(updated.updated_at, t0() + 1h);

  // A save naming the version read before someone else's save is refused; nothing changes.
  const auto stale = write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonRepository>().update(added.id, 1, added.index, "{\"lost\":1}", "{}", t0() + 2h);
  });
  EXPECT_EQ(refusal(stale), ErrorCode::kConflict);
  EXPECT_NE(stale.error().front().message.find("you read version 1 but it is now version 2"), std::string::npos);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().get(added.id); })), updated);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::PersonRepository>().update(added.id + 100, 1, added.index, "{}", "{}", t0());
            })),
            ErrorCode::kNotFound);
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().get(added.id + 100); })),
            ErrorCode::kNotFound);
}

TEST_P(JourneyRepositories, ConcurrentStepsOnOneRecordLoseNoUpdate) {
  const app::PersonRecord added = add(index("Ann", "Smith"));
  std::atomic<int> saved{0};
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 4; ++thread_idx) {
    threads.emplace_back([&] {
      for (int attempt = 0; attempt < 5; ++attempt) {
        auto result = write(store(), [&](Transaction& tx) -> Result<app::PersonRecord> {
          auto current = tx.get<app::PersonRepository>().get(added.id);
          if (!current) return current;
          return tx.get<app::PersonRepository>().update(added.id, current->row_version, current->index, "{}",
                                    std::to_string(current->row_version), t0());
        });
        if (result) ++saved;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const app::PersonRecord final_record = ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().get(added.id); }));
  EXPECT_EQ(final_record.row_version, 1 + saved.load());
}

TEST_P(JourneyRepositories, ListsFilterCountAndPage) {
  add(index("Ann", "Smith", "screening"));
  app::PersonIndex active = index("Bob", "Jones", "active");
  active.review_due = Date::parse("2026-05-01");
  active.has_agreed_budget = true;
  active.locality = "South";
  const app::PersonRecord bob = add(active);
  app::PersonIndex panel = index("Cath", "Khan", "awaiting_sign_off");
  panel.awaiting_panel = true;
  const app::PersonRecord cath = add(panel);
  app::PersonIndex carer = index("Dev", "Khan");
  carer.cares_for = cath.id;
  carer.nhs_number = "";
  const app::PersonRecord dev = add(carer);

  auto list = [&](app::PersonQuery query) {
    return ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(query); }));
  };
  app::PersonQuery all;
  const app::PersonPage everyone = list(all);
  EXPECT_EQ(everyone.total, 4);
  ASSERT_EQ(everyone.people.size(), 4u);
  EXPECT_EQ(everyone.people[0].index.family_name, "Jones");  // ordered by family then given name
  EXPECT_EQ(everyone.people[1].index.given_name, "Cath");

  app::PersonQuery paged;
  paged.limit = 2;
  paged.offset = 2;
  const app::PersonPage page = list(paged);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.people.size(), 2u);
  EXPECT_EQ(page.people[0].id, dev.id);

  app::PersonQuery by_stage;
  by_stage.stage = "";
  EXPECT_EQ(list(by_stage).total, 1);
  app::PersonQuery due;
  due.review_due_by = Date::parse("2026-05-01");
  ASSERT_EQ(list(due).people.size(), 1u);
  EXPECT_EQ(list(due).people[0].id, bob.id);
  due.review_due_by = Date::parse("2026-04-30");
  EXPECT_EQ(list(due).total, 0);
  app::PersonQuery queue;
  queue.awaiting_panel_only = true;
  EXPECT_EQ(list(queue).people.at(0).id, cath.id);
  app::PersonQuery carers;
  carers.carers_only = true;
  EXPECT_EQ(list(carers).people.at(0).index.cares_for, cath.id);
  app::PersonQuery text;
  text.text = "bob JON";  // spaces are ignored: "Bob Jones" finds Bob Jones
  EXPECT_EQ(list(text).total, 1);
  text.text = "Jones Bob";
  EXPECT_EQ(list(text).total, 1);
  text.text = "943476";  // part of an NHS number
  EXPECT_EQ(list(text).total, 3);
  text.text = "nobody";
  EXPECT_EQ(list(text).total, 0);
  text.text = "khan";
  EXPECT_EQ(list(text).total, 2);
  text.text = "%";  // matched literally, not as a LIKE wildcard
  EXPECT_EQ(list(text).total, 0);
  text.text = "b_b";
  EXPECT_EQ(list(text).total, 0);
  app::PersonQuery south;
  south.locality = "South";
  EXPECT_EQ(list(south).total, 1);
  app::PersonQuery bad;
  bad.limit = 0;
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().list(bad); })), ErrorCode::kInvalidValue);

  // A carer must name a person who exists.
  app::PersonIndex orphan = index("Eve", "Hall");
  orphan.cares_for = dev.id + 100;
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::PersonRepository>().add(orphan, "{}", "{}", t0()); })),
            ErrorCode::kUnknownReference);
}

TEST_P(JourneyRepositories, EventsAreAppendOnly) {
  const app::PersonRecord person = add(index("Ann", "Smith"));
  const app::PersonEvent first = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonEventRepository>().append({person.id, "contact", "request", "", "{\"a\":1}", {"assessor", "council"}, "asked"},
                                    t0());
  }));
  const app::PersonEvent second = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PersonEventRepository>().append(
        {person.id, "screen", "request", "progress_to_assessment", "{}", {"assessor", "council"}, ""}, t0() + 1min);
  }));
  EXPECT_EQ(first.actor, "assessor");
  EXPECT_EQ(first.agency, "council");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonEventRepository>().for_person(person.id); })),
            (std::vector<app::PersonEvent>{first, second}));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::PersonEventRepository>().append({person.id + 100, "contact", "request", "", "{}", {"a", "b"}, ""}, t0());
            })),
            ErrorCode::kUnknownReference);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE person_events SET reason = 'rewritten'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM person_events")), ErrorCode::kInternal);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PersonEventRepository>().for_person(person.id); })).size(), 2u);
}

TEST_P(JourneyRepositories, DraftsAreSavedWithOptimisticConcurrency) {
  const app::PersonRecord person = add(index("Ann", "Smith"));
  auto save = [&](std::optional<std::int64_t> version, const std::string& document) {
    return write(store(), [&](Transaction& tx) {
      return tx.get<app::JourneyDraftRepository>().save(person.id, "assessment", document, version, "assessor", t0());
    });
  };
  EXPECT_EQ(ok(save(std::nullopt, "{\"a\":1}")).row_version, 1);
  EXPECT_EQ(refusal(save(std::nullopt, "{\"a\":2}")), ErrorCode::kConflict);
  EXPECT_EQ(ok(save(1, "{\"a\":3}")).row_version, 2);
  EXPECT_EQ(refusal(save(1, "{\"lost\":1}")), ErrorCode::kConflict);
  const app::JourneyDraft kept =
      ok(read(store(), [&](Transaction& tx) { return tx.get<app::JourneyDraftRepository>().get(person.id, "assessment"); }));
  EXPECT_EQ(kept.document, "{\"a\":3}");
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::JourneyDraftRepository>().get(person.id, "plan"); })),
            ErrorCode::kNotFound);
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::JourneyDraftRepository>().remove(person.id, "assessment"); }));
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::JourneyDraftRepository>().get(person.id, "assessment"); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) {
              return tx.get<app::JourneyDraftRepository>().save(person.id + 100, "plan", "{}", std::nullopt, "assessor", t0());
            })),
            ErrorCode::kUnknownReference);
}

TEST_P(JourneyRepositories, PlanVersionsAreKeptAndNeverSavedTwice) {
  const app::PersonRecord person = add(index("Ann", "Smith"));
  const app::PlanVersionRecord first{person.id, 1, "{\"v\":1}", Money::from_pence(100000), "assessor", t0()};
  const app::PlanVersionRecord second{person.id, 2, "{\"v\":2}", Money::from_pence(120000), "assessor", t0() + 1h};
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::PlanVersionRepository>().add(first); }));
  ok(write(store(), [&](Transaction& tx) { return tx.get<app::PlanVersionRepository>().add(second); }));
  EXPECT_EQ(refusal(write(store(), [&](Transaction& tx) { return tx.get<app::PlanVersionRepository>().add(second); })), ErrorCode::kConflict);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE support_plans SET document = '{}'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM support_plans")), ErrorCode::kInternal);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PlanVersionRepository>().for_person(person.id); })),
            (std::vector<app::PlanVersionRecord>{first, second}));
}

TEST_P(JourneyRepositories, PanelMeetingsAreRecordedAndListedNewestFirst) {
  const app::PanelMeeting march = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PanelMeetingRepository>().add({*Date::parse("2026-03-10"), "[1]", "[2]", {"panel_member", "nhs"}}, t0());
  }));
  const app::PanelMeeting april = ok(write(store(), [&](Transaction& tx) {
    return tx.get<app::PanelMeetingRepository>().add({*Date::parse("2026-04-07"), "[3]", "[4]", {"panel_member", "nhs"}}, t0());
  }));
  EXPECT_EQ(march.recorded_by, "panel_member");
  EXPECT_EQ(march.agency, "nhs");
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PanelMeetingRepository>().get(april.id); })), april);
  EXPECT_EQ(ok(read(store(), [&](Transaction& tx) { return tx.get<app::PanelMeetingRepository>().list(10); })),
            (std::vector<app::PanelMeeting>{april, march}));
  EXPECT_EQ(refusal(read(store(), [&](Transaction& tx) { return tx.get<app::PanelMeetingRepository>().get(april.id + 100); })),
            ErrorCode::kNotFound);
  EXPECT_EQ(refusal(store().execute_sql("UPDATE panel_meetings SET decisions = '[]'")), ErrorCode::kInternal);
  EXPECT_EQ(refusal(store().execute_sql("DELETE FROM panel_meetings")), ErrorCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Backends, JourneyRepositories, ::testing::Values(BackendKind::kSqlite, BackendKind::kPostgres),
                         backend_label);

TEST(JourneyStorage, RegistersEveryJourneyRepository) {
  EXPECT_TRUE(sql_repositories().contains(typeid(app::PersonRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::PersonEventRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::JourneyDraftRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::PlanVersionRepository)));
  EXPECT_TRUE(sql_repositories().contains(typeid(app::PanelMeetingRepository)));
}

}  // namespace
}  // namespace allot::storage::testing
