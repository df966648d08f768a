#pragma once
// A test run once on SQLite and once on PostgreSQL (skipped without
// ALLOT_TEST_POSTGRES_URL, failed under CI), each with a fresh `allot serve
// --demo` and the named demo users signed in.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fault_support.h"

namespace allot::api::test {

class BackendServerTest : public ::testing::TestWithParam<Backend> {
 protected:
  // `name` names the database; `users` are signed in for call().
  void start(const std::string& name, const std::vector<std::string>& users) {
    if (GetParam() == Backend::kPostgres) {
      if (const std::string why = postgres_unavailable(); !why.empty()) {
        if (std::getenv("CI") != nullptr) FAIL() << "CI is set but " << why;
        GTEST_SKIP() << why;
      }
    }
    database_ = FaultDatabase::make(GetParam(), name);
    server_ = database_->start_server(true);
    for (const std::string& user : users) users_.emplace(user, sign_in(*server_, user));
  }
  void TearDown() override { server_.reset(); }

  ClientResponse call(const std::string& user, const std::string& method, const std::string& target,
                      const nlohmann::json& body = nullptr) {
    return call_as(*server_, users_.at(user), method, target, body);
  }

  std::unique_ptr<FaultDatabase> database_;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, SignedInUser> users_;
};

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

}  // namespace allot::api::test
