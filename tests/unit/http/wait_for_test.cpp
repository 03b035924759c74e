// Response::wait_for: an answer that waits for something done elsewhere (a durable audit
// entry) holds no thread meanwhile, neither a worker nor the one that read the request,
// and a failure there turns it into a problem response.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"

namespace antq::http {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Calls `done` from another thread after `delay`, as the database's writer does.
std::function<void(Response::Settled)> later(std::chrono::milliseconds delay, std::exception_ptr error = nullptr) {
  return [delay, error](Response::Settled done) {
    std::thread([delay, error, done = std::move(done)] {
      std::this_thread::sleep_for(delay);
      done(error);
    }).detach();
  };
}

class WaitForTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/late", [](Request&) {
      auto res = Response::text(200, "xong");
      res.wait_for = later(300ms);
      return res;
    });
    // Answered on the thread that read the request (a search on SQLite): its wait must not
    // hold that thread either, or the other connections would stop with it.
    router_.add(
        "GET", "/late-here",
        [](Request&) {
          auto res = Response::text(200, "xong");
          res.wait_for = later(300ms);
          return res;
        },
        RouteOptions{.blocking = false});
    router_.add("GET", "/fails", [](Request&) {
      auto res = Response::text(200, "không được gửi");
      res.wait_for = later(10ms, std::make_exception_ptr(std::runtime_error("disk full")));
      return res;
    });
    ServerConfig config;
    config.port = 0;
    config.io_threads = 1;
    config.workers = 1;  // one worker: waiting answers must not hold it
    server_ = std::make_unique<Server>(config, router_, nullptr, metrics_);
    port_ = server_->listen();
    running_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    server_->stop();
    running_.join();
  }

  std::string get(const std::string& path) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port_});
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    asio::write(socket, asio::buffer(request));
    std::string answer;
    boost::system::error_code ec;
    asio::read(socket, asio::dynamic_buffer(answer), ec);
    return answer;
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
  std::thread running_;
};

TEST_F(WaitForTest, AnswersWaitingTogetherHoldNoWorker) {
  for (const std::string path : {"/late", "/late-here"}) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::future<std::string>> answers;
    answers.reserve(4);
    for (int i = 0; i < 4; ++i) answers.push_back(std::async(std::launch::async, [this, path] { return get(path); }));
    for (auto& a : answers) {
      auto text = a.get();
      EXPECT_EQ(text.rfind("HTTP/1.1 200", 0), 0U) << path << ": " << text;
      EXPECT_NE(text.find("xong"), std::string::npos);
    }
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_GE(elapsed, 300ms) << path;  // each waited
    EXPECT_LT(elapsed, 900ms) << path;  // together: one thread holding each wait would take 1.2 s
  }
}

TEST_F(WaitForTest, AFailureThereIsAProblemNotTheAnswer) {
  auto text = get("/fails");
  EXPECT_EQ(text.rfind("HTTP/1.1 500", 0), 0U) << text;
  EXPECT_EQ(text.find("không được gửi"), std::string::npos);
  EXPECT_EQ(text.find("disk full"), std::string::npos);  // internal details stay in the log
}

}  // namespace
}  // namespace antq::http
