#pragma once
// An HTTP responder for tests of code that calls out: it listens on 127.0.0.1 (a free
// port) on a plain socket in a thread of its own and answers one connection with a canned
// reply, keeping what it was sent; with an empty reply it holds the connection open (for
// time-outs) until the client gives up or the test ends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

namespace antq::testing {

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

}  // namespace antq::testing
