// Errors as RFC 9457 problem documents, in the request's language.
#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <functional>
#include <stdexcept>
#include <string>

#include "platform/db/database.hpp"

namespace antq::http {
namespace {

Request request_in(i18n::Locale locale) {
  Request r;
  r.method = "POST";
  r.path = "/api/v1/units";
  r.request_id = "req-1";
  r.locale = locale;
  return r;
}

boost::json::object body_of(const Response& r) { return boost::json::parse(r.body).as_object(); }

TEST(Problem, ValidationFailureIs422WithItsType) {
  auto r = problem(Error::field("name", "required"), request_in(i18n::Locale::vi));
  EXPECT_EQ(r.status, 422);
  auto body = body_of(r);
  EXPECT_EQ(body.at("type").as_string(), "/problems/validation-failed");
  EXPECT_EQ(body.at("status").as_int64(), 422);
  EXPECT_EQ(body.at("instance").as_string(), "req-1");
}

TEST(Problem, IsServedAsProblemJson) {
  auto r = problem(Error::not_found(), request_in(i18n::Locale::vi));
  EXPECT_EQ(r.header("Content-Type"), "application/problem+json; charset=utf-8");
}

TEST(Problem, TitleIsVietnameseByDefault) {
  auto body = body_of(problem(Error::field("name", "required"), Request{}));
  EXPECT_EQ(body.at("title").as_string(), "Dữ liệu không hợp lệ");
  EXPECT_EQ(body.at("detail").as_string(), "Một số trường chưa đúng, xin kiểm tra lại.");
}

TEST(Problem, TitleIsEnglishForEnglishRequests) {
  auto body = body_of(problem(Error::field("name", "required"), request_in(i18n::Locale::en)));
  EXPECT_EQ(body.at("title").as_string(), "Invalid data");
  EXPECT_EQ(body.at("detail").as_string(), "Some fields are not valid; please check them.");
}

TEST(Problem, ListsEachFieldWithALocalizedMessage) {
  Error e = Error::validation({{"name", "required", std::nullopt, {}}, {"code", "too_long", std::nullopt, {}}});
  auto vi = body_of(problem(e, request_in(i18n::Locale::vi))).at("errors").as_array();
  ASSERT_EQ(vi.size(), 2u);
  EXPECT_EQ(vi[0].at("field").as_string(), "name");
  EXPECT_EQ(vi[0].at("code").as_string(), "required");
  EXPECT_EQ(vi[0].at("message").as_string(), "Bắt buộc nhập");
  EXPECT_EQ(vi[1].at("message").as_string(), "Quá dài");
  EXPECT_FALSE(vi[0].as_object().contains("line"));
  auto en = body_of(problem(e, request_in(i18n::Locale::en))).at("errors").as_array();
  EXPECT_EQ(en[0].at("message").as_string(), "Required");
  EXPECT_EQ(en[1].at("message").as_string(), "Too long");
}

TEST(Problem, CsvErrorsCarryTheirLine) {
  Error e = Error::csv({{"kind", "unknown_value", 7, "thon"}});
  auto r = problem(e, request_in(i18n::Locale::en));
  EXPECT_EQ(r.status, 422);
  auto body = body_of(r);
  EXPECT_EQ(body.at("type").as_string(), "/problems/csv-invalid");
  auto item = body.at("errors").as_array().at(0).as_object();
  EXPECT_EQ(item.at("line").as_int64(), 7);
  EXPECT_EQ(item.at("message").as_string(), "Value not accepted: thon");
}

TEST(Problem, TooManyAttemptsSaysWhenToRetry) {
  auto r = problem(Error::too_many_attempts(17), request_in(i18n::Locale::vi));
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("Retry-After"), "17");
}

TEST(Problem, OnlyThrottlingAndOverloadSetRetryAfter) {
  EXPECT_EQ(problem(Error::forbidden(), Request{}).header("Retry-After"), std::nullopt);
  EXPECT_EQ(problem(Error::of(Error::Kind::overloaded), Request{}).header("Retry-After"), "1");
}

TEST(Problem, NeverShowsTheInternalMessage) {
  auto r = problem(Error::internal("SELECT * FROM users failed: disk full"), request_in(i18n::Locale::en));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("disk full"), std::string::npos) << r.body;
}

TEST(StatusOf, MapsKindsToHttpStatuses) {
  struct Row {
    Error::Kind kind;
    int status;
  };
  const Row table[] = {
      {Error::Kind::validation, 422},        {Error::Kind::malformed_json, 400}, {Error::Kind::not_found, 404},
      {Error::Kind::unauthenticated, 401},   {Error::Kind::forbidden, 403},      {Error::Kind::csrf_failed, 403},
      {Error::Kind::too_many_attempts, 429}, {Error::Kind::conflict, 409},       {Error::Kind::payload_too_large, 413},
      {Error::Kind::overloaded, 503},        {Error::Kind::internal, 500},
  };
  for (const auto& r : table) EXPECT_EQ(status_of(r.kind), r.status) << slug_of(r.kind);
}

}  // namespace
}  // namespace antq::http

namespace antq::http {
namespace {

Error mapped(const std::function<void()>& thrower) {
  try {
    thrower();
  } catch (...) {
    return current_error();
  }
  ADD_FAILURE() << "nothing thrown";
  return Error::internal("none");
}

TEST(CurrentError, MapsDatabaseRefusalsInOnePlace) {
  using K = db::DbError::Kind;
  EXPECT_EQ(mapped([] { throw db::DbError(K::unique_violation, "dup"); }).kind(), Error::Kind::conflict);
  EXPECT_EQ(mapped([] { throw db::DbError(K::busy, "locked"); }).kind(), Error::Kind::overloaded);
  EXPECT_EQ(mapped([] { throw db::DbError(K::other, "broken"); }).kind(), Error::Kind::internal);
  EXPECT_EQ(mapped([] { throw Error::not_found("x"); }).kind(), Error::Kind::not_found);
  EXPECT_EQ(mapped([] { throw std::runtime_error("boom"); }).kind(), Error::Kind::internal);
  EXPECT_EQ(status_of(mapped([] { throw db::DbError(K::busy, "locked"); }).kind()), 503);
}

}  // namespace
}  // namespace antq::http
