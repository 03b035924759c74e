// Routing: literal segments beat parameters; wrong method lists the allowed ones.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace antq::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(200, name); };
}

Request request(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

// The name of the handler that `method path` reaches, or "" when none.
std::string reached(const Router& router, const std::string& method, const std::string& path) {
  auto req = request(method, path);
  auto m = router.match(req);
  return m.route ? m.route->handler(req).body : "";
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Parameter routes added first, so that order cannot explain the result.
    router_.add("GET", "/api/v1/units/{id}", named("unit"));
    router_.add("PATCH", "/api/v1/units/{id}", named("patch unit"));
    router_.add("GET", "/api/v1/units/tree", named("tree"));
    router_.add("GET", "/api/v1/units", named("list"));
    router_.add("POST", "/api/v1/units", named("create"));
    router_.add("GET", "/api/v1/units/{id}/history/{event}", named("event"));
  }
  Router router_;
};

TEST_F(RouterTest, LiteralSegmentBeatsParameter) {
  EXPECT_EQ(reached(router_, "GET", "/api/v1/units/tree"), "tree");
  EXPECT_EQ(reached(router_, "GET", "/api/v1/units/42"), "unit");
}

TEST_F(RouterTest, MatchesOnMethodAndPath) {
  EXPECT_EQ(reached(router_, "GET", "/api/v1/units"), "list");
  EXPECT_EQ(reached(router_, "POST", "/api/v1/units"), "create");
  EXPECT_EQ(reached(router_, "PATCH", "/api/v1/units/42"), "patch unit");
}

TEST_F(RouterTest, HeadIsRoutedAsGet) { EXPECT_EQ(reached(router_, "HEAD", "/api/v1/units/tree"), "tree"); }

TEST_F(RouterTest, CapturesParameters) {
  auto req = request("GET", "/api/v1/units/42/history/merged");
  auto m = router_.match(req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/units/{id}/history/{event}");
  EXPECT_EQ(req.params, (std::map<std::string, std::string>{{"id", "42"}, {"event", "merged"}}));
}

TEST_F(RouterTest, WrongMethodListsTheAllowedMethods) {
  auto req = request("DELETE", "/api/v1/units");
  auto m = router_.match(req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(RouterTest, WrongMethodOnAParameterRouteListsItsMethods) {
  auto req = request("DELETE", "/api/v1/units/42");
  auto m = router_.match(req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PATCH"}));
}

TEST_F(RouterTest, WrongMethodOnALiteralPathListsOnlyItsOwnMethods) {
  // "/api/v1/units/tree" also fits "{id}" (GET, PATCH), but the literal pattern wins.
  auto req = request("DELETE", "/api/v1/units/tree");
  auto m = router_.match(req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET"}));
}

TEST(Router, ListsEachAllowedMethodOnce) {
  Router router;
  router.add("GET", "/api/v1/units/{id}", named("by id"));
  router.add("GET", "/api/v1/units/{code}", named("by code"));
  auto req = request("PUT", "/api/v1/units/42");
  EXPECT_EQ(router.match(req).allowed, (std::vector<std::string>{"GET"}));
}

TEST_F(RouterTest, UnknownPathMatchesNothing) {
  for (const char* path : {"/api/v1/unit", "/api/v1/units/42/history", "/api/v2/units", "/", "/api/v1/units/1/2/3/4"}) {
    auto req = request("GET", path);
    auto m = router_.match(req);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST_F(RouterTest, NoParametersAreLeftFromAFailedMatch) {
  auto req = request("GET", "/nowhere");
  router_.match(req);
  EXPECT_TRUE(req.params.empty());
}

TEST(SplitPath, DropsEmptySegments) {
  EXPECT_EQ(split_path("/api/v1/units"), (std::vector<std::string>{"api", "v1", "units"}));
  EXPECT_EQ(split_path("/"), std::vector<std::string>{});
  EXPECT_EQ(split_path(""), std::vector<std::string>{});
  EXPECT_EQ(split_path("/a//b/"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace antq::http
