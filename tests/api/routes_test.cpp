// The routing table and the OpenAPI document describe the same endpoints, and
// routes match as documented.
#include <gtest/gtest.h>

#include <set>

#include "allot/api/api.h"
#include "allot/api/shared/http.h"
#include "allot/api/shared/router.h"

namespace allot::api {
namespace {

std::string lower_method(Method method) {
  std::string name = method_name(method);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

TEST(OpenApi, DocumentIsOpenApi3) {
  const nlohmann::json document = nlohmann::json::parse(openapi_document());
  EXPECT_EQ(document.at("openapi").get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(document.at("paths").is_object());
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  const nlohmann::json document = nlohmann::json::parse(openapi_document());
  std::set<std::string> routed;
  for (const Route& route : route_table()) {
    if (!route.test_only) routed.insert(lower_method(route.method) + " " + route.pattern);
  }
  std::set<std::string> documented;
  static const std::set<std::string> kMethods = {"get", "post", "put", "patch", "delete", "head", "options"};
  for (const auto& [path, operations] : document.at("paths").items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (kMethods.count(method)) documented.insert(method + " " + path);
    }
  }
  EXPECT_EQ(routed, documented);
}

TEST(OpenApi, EveryReferencedSchemaExists) {
  const nlohmann::json document = nlohmann::json::parse(openapi_document());
  const nlohmann::json& schemas = document.at("components").at("schemas");
  std::vector<std::string> missing;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& node) {
    if (node.is_object()) {
      if (auto ref = node.find("$ref"); ref != node.end()) {
        const std::string target = ref->get<std::string>();
        const std::string prefix = "#/components/schemas/";
        if (target.rfind(prefix, 0) != 0 || !schemas.contains(target.substr(prefix.size()))) missing.push_back(target);
      }
      for (const auto& [key, child] : node.items()) walk(child);
    } else if (node.is_array()) {
      for (const auto& child : node) walk(child);
    }
  };
  walk(document);
  EXPECT_TRUE(missing.empty()) << missing.front();
}

TEST(Router, MatchesParametersAndReportsOtherMethods) {
  const RouteMatch score = match_route(Method::kPost, "/api/v1/rulebooks/example-adults/versions/2/score", false);
  ASSERT_NE(score.route, nullptr);
  EXPECT_EQ(score.route->pattern, "/api/v1/rulebooks/{id}/versions/{v}/score");
  EXPECT_EQ(score.params.at("id"), "example-adults");
  EXPECT_EQ(score.params.at("v"), "2");

  const RouteMatch wrong_method = match_route(Method::kPut, "/api/v1/session", false);
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  EXPECT_EQ(wrong_method.allowed.size(), 3u);

  EXPECT_FALSE(match_route(Method::kGet, "/api/v1/nothing", false).path_known);
  EXPECT_EQ(match_route(Method::kGet, "/api/v1/rulebooks//versions/1", false).route, nullptr);
}

TEST(Router, HeadIsServedByGetRoutes) {
  EXPECT_NE(match_route(Method::kHead, "/api/v1/health", false).route, nullptr);
}

TEST(Router, TestRoutesOnlyWhenEnabled) {
  EXPECT_EQ(match_route(Method::kGet, "/api/v1/test/fail", false).route, nullptr);
  EXPECT_FALSE(match_route(Method::kGet, "/api/v1/test/fail", false).path_known);
  EXPECT_NE(match_route(Method::kGet, "/api/v1/test/fail", true).route, nullptr);
}

TEST(Router, RoutesNeedingPersonalDataOrWritesAreNotPublic) {
  for (const Route& route : route_table()) {
    if (route.test_only || route.access != Access::kPublic || route.method == Method::kGet) continue;
    // The only public writes: signing in and the public calculator.
    EXPECT_TRUE(route.pattern == "/api/v1/session" || route.pattern == "/api/v1/rulebooks/{id}/versions/{v}/score")
        << route.pattern;
  }
}

TEST(Http, DecodesPathsAndRefusesBadEscapes) {
  std::string decoded;
  EXPECT_TRUE(decode_path("/a%20b/c", decoded));
  EXPECT_EQ(decoded, "/a b/c");
  EXPECT_FALSE(decode_path("/a%2", decoded));
  EXPECT_FALSE(decode_path("/a%zz", decoded));
  EXPECT_FALSE(decode_path("/a%00b", decoded));
}

TEST(Http, ReadsCookiesAndMediaTypes) {
  HttpRequest request;
  request.headers = {{"cookie", "theme=dark; allot_session=abc123 ; other=1"},
                     {"content-type", "Application/JSON; charset=utf-8"}};
  EXPECT_EQ(request.cookie("allot_session"), "abc123");
  EXPECT_EQ(request.cookie("missing"), "");
  EXPECT_EQ(request.media_type(), "application/json");
}

TEST(Http, IssuesMapToStatuses) {
  EXPECT_EQ(issues_response({{ErrorCode::kInvalidValue, "a", "x"}}, "m").status, 422);
  EXPECT_EQ(issues_response({{ErrorCode::kInvalidValue, "a", "x"}, {ErrorCode::kConflict, "b", "y"}}, "m").status, 409);
  EXPECT_EQ(issues_response({{ErrorCode::kNotFound, "a", "x"}}, "m").status, 404);
  EXPECT_EQ(issues_response({{ErrorCode::kMalformed, "a", "x"}}, "m").status, 400);
  const nlohmann::json body = nlohmann::json::parse(issues_response({{ErrorCode::kMissingField, "p", "is required"}}, "m").body);
  EXPECT_EQ(body["error"]["code"], "invalid_value");
  EXPECT_EQ(body["error"]["issues"][0]["path"], "p");
}

}  // namespace
}  // namespace allot::api
