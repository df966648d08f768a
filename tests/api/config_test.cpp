#include "allot/api/shared/config.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace allot::api {
namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

TEST(Config, DefaultsWhenNothingIsGiven) {
  ConfigSources sources;
  sources.env = env_of({});
  const auto resolved = resolve_config(sources);
  ASSERT_TRUE(resolved) << format_issues(resolved.error());
  EXPECT_EQ(resolved->config.port, 8080);
  EXPECT_EQ(resolved->config.host, "127.0.0.1");
  EXPECT_EQ(resolved->config.database, "allot.sqlite");
  EXPECT_FALSE(resolved->config.test_routes);
  EXPECT_EQ(resolved->origin.at("port"), "default");
}

TEST(Config, FileThenEnvironmentThenFlagsEachWin) {
  ConfigSources sources;
  sources.file_text = R"({"port": 9000, "host": "0.0.0.0", "database": "from-file.sqlite", "demo": true})";
  sources.file_name = "allot.json";
  sources.env = env_of({{"ALLOT_PORT", "9100"}, {"ALLOT_DATABASE", "from-env.sqlite"}});
  sources.flags = {{"port", "9200"}};
  const auto resolved = resolve_config(sources);
  ASSERT_TRUE(resolved) << format_issues(resolved.error());
  EXPECT_EQ(resolved->config.port, 9200);
  EXPECT_EQ(resolved->origin.at("port"), "flag");
  EXPECT_EQ(resolved->config.database, "from-env.sqlite");
  EXPECT_EQ(resolved->origin.at("database"), "env ALLOT_DATABASE");
  EXPECT_EQ(resolved->config.host, "0.0.0.0");
  EXPECT_EQ(resolved->origin.at("host"), "file");
  EXPECT_TRUE(resolved->config.demo);
}

TEST(Config, EveryBadValueIsReportedAtOnce) {
  ConfigSources sources;
  sources.file_text = R"({"port": "eighty", "colour": "blue", "io_threads": [1]})";
  sources.file_name = "allot.json";
  sources.env = env_of({{"ALLOT_READ_TIMEOUT_SECONDS", "0"}, {"ALLOT_TEST_ROUTES", "maybe"}});
  sources.flags = {{"port", "70000"}};
  const auto resolved = resolve_config(sources);
  ASSERT_FALSE(resolved);
  std::vector<std::string> paths;
  for (const Issue& issue : resolved.error()) paths.push_back(issue.path);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"--port", "ALLOT_READ_TIMEOUT_SECONDS", "ALLOT_TEST_ROUTES",
                                             "allot.json:colour", "allot.json:io_threads", "allot.json:port"}));
}

TEST(Config, MalformedFileIsRefused) {
  ConfigSources sources;
  sources.file_text = "port = 8080";
  sources.file_name = "allot.json";
  sources.env = env_of({});
  const auto resolved = resolve_config(sources);
  ASSERT_FALSE(resolved);
  EXPECT_EQ(resolved.error().front().code, ErrorCode::kMalformed);
}

TEST(Config, DescriptionHidesSecrets) {
  ConfigSources sources;
  sources.env = env_of({{"ALLOT_DATABASE", "postgresql://allot:hunter22@db.example/allot"},
                        {"ALLOT_DEMO_PASSWORD", "very-secret-demo"}});
  const auto resolved = resolve_config(sources);
  ASSERT_TRUE(resolved);
  std::string all;
  for (const std::string& line : describe_config(*resolved)) all += line + "\n";
  EXPECT_EQ(all.find("hunter22"), std::string::npos) << all;
  EXPECT_EQ(all.find("very-secret-demo"), std::string::npos) << all;
  EXPECT_NE(all.find("postgresql://allot:***@db.example/allot"), std::string::npos) << all;
  EXPECT_NE(all.find("config demo_password = (set)"), std::string::npos) << all;
}

TEST(Config, RedactsPasswordsInQueryStrings) {
  EXPECT_EQ(redact_database("postgresql://db/allot?user=a&password=s3cret&sslmode=require"),
            "postgresql://db/allot?user=a&password=***&sslmode=require");
  EXPECT_EQ(redact_database("allot.sqlite"), "allot.sqlite");
  EXPECT_EQ(redact_database("postgresql://allot@db/allot"), "postgresql://allot@db/allot");
}

}  // namespace
}  // namespace allot::api
