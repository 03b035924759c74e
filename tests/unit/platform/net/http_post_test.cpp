// One POST through libcurl against a responder on a plain socket in a thread: the request
// as sent (method, headers, body), the status and body that came back, no redirect
// followed, a time-out, a refused connection, and a URL that is not http(s).
#include "platform/net/http_post.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "../../support/responder.hpp"

namespace antq::net {
namespace {

using namespace std::chrono_literals;
using testing::Responder;

HttpPost to(const std::string& url, const std::string& body) {
  HttpPost request;
  request.url = url;
  request.body = body;
  request.headers = {{"X-Antq-Signature", "sha256=abc"}};
  request.connect_timeout = 2s;
  request.total_timeout = 5s;
  return request;
}

TEST(HttpPost, SendsTheBodyAndHeadersAndReturnsTheStatusAndBody) {
  Responder responder("HTTP/1.1 202 Accepted\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnoted: ok");
  const std::string body = R"({"subject":"Nhắc việc"})";
  auto answer = post(to(responder.url(), body));
  EXPECT_EQ(answer.failure, HttpAnswer::Failure::none) << answer.error;
  EXPECT_EQ(answer.status, 202);
  EXPECT_EQ(answer.body, "noted: ok");
  const auto& sent = responder.received();
  EXPECT_EQ(sent.rfind("POST /hook HTTP/1.1\r\n", 0), 0U) << sent;
  EXPECT_NE(sent.find("Content-Type: application/json\r\n"), std::string::npos) << sent;
  EXPECT_NE(sent.find("X-Antq-Signature: sha256=abc\r\n"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("Expect:"), std::string::npos) << sent;
  EXPECT_NE(sent.find("Content-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos) << sent;
  EXPECT_EQ(sent.substr(sent.size() - body.size()), body);
}

TEST(HttpPost, ARedirectIsAnsweredNotFollowed) {
  Responder responder("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  auto answer = post(to(responder.url(), "{}"));
  EXPECT_EQ(answer.failure, HttpAnswer::Failure::none) << answer.error;
  EXPECT_EQ(answer.status, 302);
  EXPECT_EQ(responder.connections(), 1);
}

TEST(HttpPost, AServerThatNeverAnswersTimesOut) {
  Responder responder("");
  auto request = to(responder.url(), "{}");
  request.total_timeout = 300ms;
  auto started = std::chrono::steady_clock::now();
  auto answer = post(request);
  EXPECT_EQ(answer.failure, HttpAnswer::Failure::timeout) << answer.error;
  EXPECT_EQ(answer.status, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(HttpPost, NobodyListeningIsAConnectFailure) {
  std::string url;
  {
    Responder gone("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    url = gone.url();
    post(to(url, "{}"));  // takes its one connection; then the port closes
  }
  auto answer = post(to(url, "{}"));
  EXPECT_EQ(answer.failure, HttpAnswer::Failure::connect) << answer.error;
  EXPECT_FALSE(answer.error.empty());
}

TEST(HttpPost, OnlyHttpAndHttpsAreSentTo) {
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/", "not a url"}) {
    auto answer = post(to(url, "{}"));
    EXPECT_EQ(answer.failure, HttpAnswer::Failure::bad_url) << url << ": " << answer.error;
    EXPECT_EQ(answer.status, 0) << url;
  }
}

TEST(HttpPost, OnlyTheFirstPartOfALongAnswerIsKept) {
  std::string big(HttpAnswer::kMaxBody + 5000, 'x');
  Responder responder("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + std::to_string(big.size()) +
                      "\r\nConnection: close\r\n\r\n" + big);
  auto answer = post(to(responder.url(), "{}"));
  EXPECT_EQ(answer.status, 500);
  EXPECT_EQ(answer.body.size(), HttpAnswer::kMaxBody);
}

}  // namespace
}  // namespace antq::net
