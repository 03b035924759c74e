#pragma once
// The HTTP server (Boost.Beast, C++20 coroutines). One io_context thread per core reads
// and writes; handlers marked blocking run on a bounded worker pool; when that pool's
// queue is full the answer is 503 with Retry-After. SIGINT/SIGTERM drain: stop
// accepting, let in-flight requests finish within drain_timeout, then close.
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace antq::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 0;          // 0: one per core
  int workers = 0;             // 0: two per core
  int queue_limit = 256;       // blocking jobs waiting beyond the workers
  std::size_t header_limit = std::size_t{8} * 1024;
  std::size_t body_limit = std::size_t{1024} * 1024;
  int read_timeout_seconds = 30;
  int drain_timeout_seconds = 10;
  std::string tls_cert;  // PEM chain; TLS is on when both are set
  std::string tls_key;
  std::string spool_dir;  // where uploads are spooled (encrypted); empty: the system's temp dir
};

class Server {
 public:
  // Adds its own gauges (worker queue, requests in flight) to `metrics`.
  // `static_files` may be null.
  Server(ServerConfig config, const Router& router, const StaticFiles* static_files, Metrics& metrics);
  ~Server();
  // Binds and listens; throws when the address is taken. Returns the bound port.
  unsigned short listen();
  // Serves until SIGINT/SIGTERM (or stop()), then drains. Blocks.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antq::http
