// One POST through libcurl against a responder on a plain socket in a thread: the request
// as sent (method, headers, body), the status and body that came back, no redirect
// followed, a time-out, a refused connection, and a URL that is not http(s).
#include "platform/net/http_post.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace antq::net {
namespace {

using namespace std::chrono_literals;

// Listens on 127.0.0.1 (a free port) and answers one connection with `reply`, keeping
// what it was sent; with no reply it holds the connection open until destroyed.
class Responder {
 public:
  explicit Responder(std::string reply) : reply_(std::move(reply)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("bind");
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(listener_, 4);
    thread_ = std::thread([this] { serve(); });
  }
  ~Responder() {
    stop();
    if (client_ >= 0) ::close(client_);
    ::close(listener_);
  }
  Responder(const Responder&) = delete;
  Responder& operator=(const Responder&) = delete;

  std::string url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // What it was sent and how many connections it took, read once it has stopped.
  const std::string& received() {
    stop();
    return received_;
  }
  int connections() {
    stop();
    return connections_;
  }

 private:
  void stop() {
    if (!thread_.joinable()) return;
    ::shutdown(listener_, SHUT_RDWR);
    if (client_ >= 0) ::shutdown(client_, SHUT_RDWR);
    thread_.join();
  }

  void serve() {
    client_ = ::accept(listener_, nullptr, nullptr);
    if (client_ < 0) return;
    ++connections_;
    read_request();
    if (reply_.empty()) {
      char byte = 0;
      while (::recv(client_, &byte, 1, 0) > 0) {
      }  // hold on until the client gives up or the test ends
      return;
    }
    ::send(client_, reply_.data(), reply_.size(), MSG_NOSIGNAL);
    ::shutdown(client_, SHUT_WR);
    // A second connection (a redirect followed) would be counted here.
    int next = ::accept(listener_, nullptr, nullptr);
    if (next >= 0) {
      ++connections_;
      ::close(next);
    }
  }

  void read_request() {
    char buffer[4096];
    while (true) {
      auto end = received_.find("\r\n\r\n");
      if (end != std::string::npos) {
        auto at = received_.find("Content-Length: ");
        std::size_t length = at == std::string::npos ? 0 : std::stoul(received_.substr(at + 16));
        if (received_.size() >= end + 4 + length) return;
      }
      auto n = ::recv(client_, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      received_.append(buffer, static_cast<std::size_t>(n));
    }
  }

  std::string reply_;
  int listener_ = -1;
  std::atomic<int> client_ = -1;
  int port_ = 0;
  std::atomic<int> connections_ = 0;
  std::string received_;
  std::thread thread_;
};

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
