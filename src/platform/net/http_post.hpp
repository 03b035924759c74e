#pragma once
// One HTTP(S) POST through libcurl, for senders that deliver to another server (the
// notifications' webhook). Plain http and https only, no redirect followed, bounded in
// time and in the answer it keeps; the caller decides what a status means.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace antq::net {

struct HttpPost {
  std::string url;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{10000};
};

struct HttpAnswer {
  // Why no status came back: the time ran out, nobody answered at that address, the URL
  // is not one we send to, or something else (curl's message says what).
  enum class Failure { none, timeout, connect, bad_url, other };
  long status = 0;   // the HTTP status; 0 with a failure
  std::string body;  // the answer's first kMaxBody bytes
  Failure failure = Failure::none;
  std::string error;  // curl's words when failure != none

  static constexpr std::size_t kMaxBody = std::size_t{64} * 1024;
};

// Sends `request` and waits for the answer (at most its total timeout). Never throws for
// a network failure: that is in the answer.
HttpAnswer post(const HttpPost& request);

}  // namespace antq::net
