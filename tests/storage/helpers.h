#pragma once
// Small helpers shared by the storage tests.

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/ras/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"

namespace allot::storage::testing {

using namespace std::chrono_literals;

// 2026-04-01T09:30:00.000Z: a fixed instant; tests never read the real clock.
inline app::Timestamp t0() {
  return app::Timestamp{std::chrono::sys_days{std::chrono::year{2026} / std::chrono::April / 1}} + 9h + 30min;
}

// The value of a Result that the test expects to succeed; otherwise the test
// fails with every issue (gtest reports the exception).
template <typename T>
T ok(Result<T> result) {
  if (!result) throw std::runtime_error("unexpected refusal: " + format_issues(result.error()));
  return std::move(*result);
}

// The one error code of a refusal the test expects.
template <typename T>
ErrorCode refusal(const Result<T>& result) {
  if (result) throw std::runtime_error("expected a refusal, got a value");
  if (result.error().empty()) throw std::runtime_error("a refusal without issues");
  return result.error().front().code;
}

// Runs `work` in a write transaction and returns its value.
template <typename Work>
auto write(app::Store& store, Work&& work) {
  return app::in_transaction(store, app::Access::kWrite, std::forward<Work>(work));
}

template <typename Work>
auto read(app::Store& store, Work&& work) {
  return app::in_transaction(store, app::Access::kRead, std::forward<Work>(work));
}

inline app::Agency add_agency(app::Store& store, const std::string& code,
                              app::AgencyKind kind = app::AgencyKind::kCouncil) {
  return ok(write(store, [&](app::Transaction& tx) {
    return tx.get<app::AgencyRepository>().add(app::NewAgency{code, "Agency " + code, kind}, t0());
  }));
}

inline app::User add_user(app::Store& store, const std::string& username, app::Id agency_id,
                          std::vector<app::Role> roles = {app::Role::kAssessor}) {
  return ok(write(store, [&](app::Transaction& tx) {
    return tx.get<app::UserRepository>().add(app::NewUserRecord{username, "User " + username, agency_id, roles, "$argon2id$hash"}, t0());
  }));
}

inline app::RulebookVersion rulebook(const std::string& id, int version) {
  return app::RulebookVersion{id,
                              version,
                              "Rulebook " + id,
                              *Date::parse("2026-04-01"),
                              "{\"id\":\"" + id + "\",\"version\":" + std::to_string(version) + "}",
                              "analyst",
                              t0()};
}

}  // namespace allot::storage::testing
