// The only translation unit with Beast's HTTP machinery (it is slow to compile).
#include "http/server.hpp"

#include "platform/thread/priority.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>

#include "http/problem.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/database.hpp"
#include "platform/log/log.hpp"

namespace antq::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// The problem+json for whatever exception is in flight. Call only inside a catch.
Response current_error_response(const Request& req) {
  Error e = current_error();
  if (e.kind() == Error::Kind::internal) spdlog::error("{} internal error: {}", req.request_id, e.internal_message());
  return problem(e, req);
}

// 16 hex digits from a per-thread generator seeded by libsodium: unique enough to find a
// request in the logs, without a system call per request.
std::string new_request_id() {
  thread_local std::uint64_t state = [] {
    std::uint64_t seed = 0;
    auto bytes = crypto::random_bytes(sizeof seed);
    std::memcpy(&seed, bytes.data(), sizeof seed);
    return seed;
  }();
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);  // splitmix64
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, z >>= 4) id[static_cast<std::size_t>(i)] = kHex[z & 15];
  return id;
}

// Citizen submissions are slow on purpose (Argon2id): their threads yield the CPU to
// staff requests (nice 10), so that a flood does not slow officers down.
void lower_priority_once() {
  thread_local bool lowered = false;
  if (lowered) return;
  lowered = true;
  thread::lower_priority();
}

Response run_handler(const Route& route, Request& req) noexcept {
  try {
    return route.handler(req);
  } catch (...) {
    return current_error_response(req);
  }
}

// The same on every response: written as one block.
constexpr std::string_view kSecurityHeaders =
    "Server: antq\r\n"
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "Cross-Origin-Opener-Policy: same-origin\r\n"
    "Permissions-Policy: camera=(), microphone=(), geolocation=(self)\r\n";
constexpr std::string_view kHsts = "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n";

bool status_has_body(int status) { return status >= 200 && status != 204 && status != 304; }

// The status line and headers of a response, ready to write.
std::string serialize_head(const Response& res, const Request& req, unsigned version, bool keep_alive, bool tls) {
  std::string head;
  head.reserve(512 + res.headers.size() * 64);
  auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  head.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(res.status)).append(" ");
  head.append(reason.data(), reason.size()).append("\r\n");
  head.append(kSecurityHeaders);
  if (tls) head.append(kHsts);
  head.append("X-Request-Id: ").append(req.request_id).append("\r\n");
  for (const auto& [name, value] : res.headers) {
    bool unsafe = value.find_first_of("\r\n") != std::string::npos || name.find_first_of("\r\n:") != std::string::npos;
    if (unsafe) continue;  // never let a value split the response
    head.append(name).append(": ").append(value).append("\r\n");
  }
  if (status_has_body(res.status)) {
    auto length = res.stream ? res.stream_length : res.content().size();
    head.append("Content-Length: ").append(std::to_string(length)).append("\r\n");
  }
  if (!keep_alive) {
    head.append("Connection: close\r\n");
  } else if (version == 10) {
    head.append("Connection: keep-alive\r\n");
  }
  head.append("\r\n");
  return head;
}

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category();
}

}  // namespace

struct Server::Impl {
  Impl(ServerConfig c, const Router& r, const StaticFiles* f, Metrics& m)
      : cfg(std::move(c)), router(r), files(f), metrics(m) {
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    io_threads = cfg.io_threads > 0 ? cfg.io_threads : static_cast<int>(cores);
    workers = cfg.workers > 0 ? cfg.workers : static_cast<int>(2 * cores);
    pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(workers));
    // Twice the cores: while one submission waits for its durable commit, another derives.
    citizen_workers = 2 * static_cast<int>(cores);
    citizen_queue_limit = 4 * static_cast<int>(cores);
    citizen_pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(citizen_workers));
    if (!cfg.tls_cert.empty() && !cfg.tls_key.empty()) {
      ssl.emplace(asio::ssl::context::tls_server);
      ssl->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
      ssl->use_certificate_chain_file(cfg.tls_cert);
      ssl->use_private_key_file(cfg.tls_key, asio::ssl::context::pem);
    }
  }

  ~Impl() {
    std::lock_guard lock(gate->mutex);
    gate->open = false;
  }

  // Closed when the server goes: what an answer waits for (Response::wait_for) may finish
  // later, on another thread, and must not post to a destroyed io_context then.
  struct Gate {
    std::mutex mutex;
    bool open = true;
  };
  std::shared_ptr<Gate> gate = std::make_shared<Gate>();

  ServerConfig cfg;
  const Router& router;
  const StaticFiles* files;
  Metrics& metrics;
  int io_threads = 1;
  int workers = 1;
  // The first I/O thread's, which also accepts and drains.
  asio::io_context ioc;
  // The other I/O threads' io_contexts, one each (concurrency hint 1). A connection stays
  // on the one it was accepted onto: no two threads take turns at one scheduler's lock or
  // wake each other to hand a connection's work over.
  std::vector<std::unique_ptr<asio::io_context>> lanes;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> lanes_kept;
  std::size_t accepted = 0;
  std::unique_ptr<asio::thread_pool> pool;
  std::unique_ptr<asio::thread_pool> citizen_pool;
  int citizen_workers = 1;
  int citizen_queue_limit = 4;
  std::atomic<int> citizen_queued{0};
  std::atomic<int> uploads{0};
  std::optional<asio::ssl::context> ssl;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<int> inflight{0};
  std::atomic<int> queued{0};
  std::atomic<bool> draining{false};
  bool loopback = false;

  Request to_request(const bhttp::request_header<>& in, const std::string& client, bool tls) {
    Request req;
    req.request_id = new_request_id();
    req.method = std::string(in.method_string());
    req.client = client;
    req.loopback = loopback;
    for (const auto& field : in) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.locale = i18n::from_accept_language(req.header("accept-language").value_or(""));
    bool proxied_tls = loopback && req.header("x-forwarded-proto").value_or("") == "https";
    req.secure = tls || proxied_tls;
    auto target = boost::urls::parse_origin_form(std::string_view(in.target().data(), in.target().size()));
    if (!target) throw Error::of(Error::Kind::bad_path, "unparsable request target");
    req.path = target->path();
    for (auto param : target->params(boost::urls::encoding_opts(true))) {
      req.query.emplace_back(std::string(param.key), std::string(param.value));
    }
    return req;
  }

  // Routes and runs a request. Sets the metrics label and the logging policy first, so
  // that they hold even when this throws.
  asio::awaitable<Response> dispatch(Request& req, std::string& route_label, bool& log_client) {
    auto match = router.match(req);
    if (match.route) {
      route_label = match.route->pattern;
      log_client = match.route->options.log_client;
      if (!match.route->options.blocking) co_return run_handler(*match.route, req);
      bool citizen = match.route->options.citizen_pool;
      auto& counter = citizen ? citizen_queued : queued;
      int limit = citizen ? citizen_workers + citizen_queue_limit : workers + cfg.queue_limit;
      if (counter.load() >= limit) throw Error::of(Error::Kind::overloaded, "worker queue full");
      ++counter;
      struct Release {
        std::atomic<int>& n;
        ~Release() { --n; }
      } release{counter};
      const Route& route = *match.route;
      auto& target = citizen ? *citizen_pool : *pool;
      co_return co_await asio::co_spawn(
          target.get_executor(),
          [&]() -> asio::awaitable<Response> {
            if (citizen) lower_priority_once();
            co_return run_handler(route, req);
          },
          asio::use_awaitable);
    }
    if (!match.allowed.empty()) {
      Response r = problem(Error::of(Error::Kind::method_not_allowed), req);
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      r.set("Allow", allow);
      co_return r;
    }
    if (req.path.rfind("/api/", 0) == 0 || !files || (req.method != "GET" && req.method != "HEAD")) {
      throw Error::not_found("no route for " + req.path);
    }
    route_label = "static";
    co_return files->serve(req);
  }

  void log_request(const Request& req, int status, double ms, bool log_client) {
    if (log_client) {
      spdlog::info("{} {} {} {} {:.1f}ms client={}", req.request_id, req.method, req.path, status, ms, req.client);
    } else {
      spdlog::info("{} {} {} {} {:.1f}ms", req.request_id, req.method, req.path, status, ms);
    }
  }

  // What was read of one request: the request itself, or the error to answer.
  struct Incoming {
    Request req;
    beast::error_code ec;                // a parse error or a limit; the connection is then closed
    std::optional<Error::Kind> refused;  // answered without reading the body
    std::shared_ptr<void> upload_slot;   // held while an upload is spooled and handled
    bool keep_alive = false;
    unsigned version = 11;
  };

  // The upload limit of the route a request header names (0: not an upload route).
  std::size_t upload_limit_of(const bhttp::request_header<>& head, const std::string& client, bool tls) {
    if (head.method() != bhttp::verb::post && head.method() != bhttp::verb::put) return 0;
    try {
      Request probe = to_request(head, client, tls);
      auto match = router.match(probe);
      return match.route ? match.route->options.upload_limit : 0;
    } catch (...) {
      return 0;  // answered by the normal path
    }
  }

  // Reads one request: the header first, then the body into memory or, on upload routes,
  // into an encrypted spool.
  template <class Stream>
  asio::awaitable<Incoming> read_request(Stream& stream, beast::flat_buffer& buffer, const std::string& client,
                                         bool tls) {
    Incoming in;
    bhttp::request_parser<bhttp::empty_body> head;
    head.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
    // Beast checks Content-Length against the body limit with the header: the real limit
    // depends on the route, set once the header is known.
    head.body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(cfg.read_timeout_seconds));
    auto [hec, hbytes] = co_await bhttp::async_read_header(stream, buffer, head, use_tuple);
    (void)hbytes;
    in.ec = hec;
    if (hec) {
      in.req.method = std::string(head.get().method_string());
      co_return in;
    }
    in.version = head.get().version();
    std::size_t upload = upload_limit_of(head.get(), client, tls);
    auto declared = head.content_length();
    if (declared && *declared > (upload > 0 ? upload : cfg.body_limit)) {
      in.ec = bhttp::error::body_limit;
      in.req.method = std::string(head.get().method_string());
      co_return in;
    }
    if (upload > 0) {
      // Uploads in progress are bounded like the citizens' queue, so that a flood of large
      // bodies cannot fill the disk with spools.
      if (uploads.fetch_add(1) >= citizen_workers + citizen_queue_limit) {
        --uploads;
        in.refused = Error::Kind::overloaded;
        in.req.method = std::string(head.get().method_string());
        co_return in;
      }
      in.upload_slot = std::shared_ptr<void>(nullptr, [this](void*) { --uploads; });
      bool expects_continue = beast::iequals(head.get()[bhttp::field::expect], "100-continue");
      bhttp::request_parser<bhttp::buffer_body> upload_parser(std::move(head));
      upload_parser.body_limit(upload);
      auto slot = in.upload_slot;
      Incoming read = co_await read_upload(stream, buffer, upload_parser, expects_continue, client, tls);
      read.upload_slot = std::move(slot);
      co_return read;
    }
    bhttp::request_parser<bhttp::string_body> parser(std::move(head));
    parser.body_limit(cfg.body_limit);
    auto [ec, bytes] = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
    (void)bytes;
    in.ec = ec;
    in.req.method = std::string(parser.get().method_string());
    if (ec) co_return in;
    in.keep_alive = parser.get().keep_alive();
    try {
      in.req = to_request(parser.get(), client, tls);
      in.req.body = std::move(parser.get().body());
    } catch (...) {
      in.req.method = std::string(parser.get().method_string());
      in.ec = bhttp::error::bad_target;
    }
    co_return in;
  }

  template <class Stream>
  asio::awaitable<Incoming> read_upload(Stream& stream, beast::flat_buffer& buffer,
                                        bhttp::request_parser<bhttp::buffer_body>& parser, bool expects_continue,
                                        const std::string& client, bool tls) {
    Incoming in;
    in.version = parser.get().version();
    if (expects_continue) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await asio::async_write(stream, asio::buffer(kContinue.data(), kContinue.size()), use_tuple);
    }
    auto spool = std::make_shared<SpooledBody>(cfg.spool_dir.empty() ? std::filesystem::temp_directory_path().string()
                                                                     : cfg.spool_dir);
    std::vector<char> piece(std::size_t{64} * 1024);
    while (!parser.is_done()) {
      parser.get().body().data = piece.data();
      parser.get().body().size = piece.size();
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(cfg.read_timeout_seconds));
      auto [ec, bytes] = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
      (void)bytes;
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) {
        in.ec = ec;
        in.req.method = std::string(parser.get().method_string());
        co_return in;
      }
      spool->append(std::string_view(piece.data(), piece.size() - parser.get().body().size));
    }
    spool->finish();
    in.keep_alive = parser.get().keep_alive();
    try {
      in.req = to_request(parser.get(), client, tls);
      in.req.upload = std::move(spool);
    } catch (...) {
      in.req.method = std::string(parser.get().method_string());
      in.ec = bhttp::error::bad_target;
    }
    co_return in;
  }

  // Writes a streamed body, producing each piece on the worker pool. False when the
  // producer failed or the client went away (the connection must then close).
  template <class Stream>
  asio::awaitable<bool> write_stream(Stream& stream, Response& res) {
    for (;;) {
      std::optional<std::string> piece;
      try {
        piece = co_await asio::co_spawn(
            pool->get_executor(), [&]() -> asio::awaitable<std::optional<std::string>> { co_return res.stream(); },
            asio::use_awaitable);
      } catch (const std::exception& e) {
        spdlog::error("streamed response failed: {}", e.what());
        co_return false;
      }
      if (!piece) co_return true;
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(cfg.read_timeout_seconds));
      auto [wec, written] = co_await asio::async_write(stream, asio::buffer(*piece), use_tuple);
      (void)written;
      if (wec) co_return false;
    }
  }

  // The answer once what it waits for is done (Response::wait_for), or the problem it
  // failed with. The connection's coroutine is suspended meanwhile; no thread waits.
  asio::awaitable<Response> settled(Response res, Request& req) {
    auto step = std::move(res.wait_for);
    res.wait_for = nullptr;
    // A named local, not a temporary of the co_await expression: GCC 12 destroys a
    // lambda temporary there twice, and this one holds a shared_ptr.
    auto initiation = [&step, gate = gate](auto handler) {
      auto shared = std::make_shared<decltype(handler)>(std::move(handler));
      // Called once, from another thread: it hands the handler over to the posted call,
      // so the coroutine it resumes is only ever owned (and ended) on its own executor.
      auto done = [shared, gate](std::exception_ptr e) mutable {
        auto owned = std::move(shared);
        std::lock_guard lock(gate->mutex);
        if (!gate->open || !owned) return;  // the server is gone, and its connections with it
        auto ex = asio::get_associated_executor(*owned);
        asio::post(ex, [owned = std::move(owned), e] { std::move (*owned)(e); });
      };
      try {
        step(done);
      } catch (...) {
        done(std::current_exception());
      }
    };
    try {
      // An exception_ptr first in the signature: use_awaitable rethrows it here.
      co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr)>(initiation,
                                                                                             asio::use_awaitable);
    } catch (...) {
      res = current_error_response(req);
    }
    co_return res;
  }

  template <class Stream>
  asio::awaitable<void> serve_connection(Stream& stream, std::string client, bool tls) {
    beast::flat_buffer buffer;
    while (!draining) {
      Incoming in = co_await read_request(stream, buffer, client, tls);
      const auto& ec = in.ec;
      if (ec && !is_parse_error(ec)) co_return;  // closed, reset or timed out: nothing to answer
      if (ec == bhttp::error::end_of_stream) co_return;
      auto started = std::chrono::steady_clock::now();
      Request& req = in.req;
      Response res;
      std::string route_label = "unmatched";
      bool log_client = true;
      bool keep_alive = false;
      ++inflight;
      bool refused = ec || in.refused;
      if (refused) {
        req.request_id = new_request_id();
        req.client = client;
        auto kind = in.refused                         ? *in.refused
                    : ec == bhttp::error::body_limit   ? Error::Kind::payload_too_large
                    : ec == bhttp::error::header_limit ? Error::Kind::payload_too_large
                                                       : Error::Kind::bad_path;
        res = problem(Error::of(kind, in.refused ? "too many uploads at once" : ec.message()), req);
        if (ec == bhttp::error::header_limit) res.status = 431;
      } else {
        try {
          res = co_await dispatch(req, route_label, log_client);
          if (res.wait_for) res = co_await settled(std::move(res), req);
        } catch (...) {
          res = current_error_response(req);
        }
        keep_alive = in.keep_alive && !draining;
      }
      req.upload.reset();  // the spool goes as soon as the handler is done
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      metrics.record(route_label, res.status, ms / 1000);
      log_request(req, res.status, ms, log_client);
      bool send_body = req.method != "HEAD" && status_has_body(res.status);
      bool streamed = static_cast<bool>(res.stream) && send_body;
      std::string head = serialize_head(res, req, in.version, keep_alive, tls);
      const std::string& body = res.content();
      std::array<asio::const_buffer, 2> buffers{asio::buffer(head),
                                                asio::buffer(body.data(), send_body && !streamed ? body.size() : 0)};
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(cfg.read_timeout_seconds));
      auto [wec, written] = co_await asio::async_write(stream, buffers, use_tuple);
      (void)written;
      bool complete = !wec && (!streamed || co_await write_stream(stream, res));
      --inflight;
      if (refused && complete) co_await discard_unread(stream);
      if (!complete || !keep_alive) break;
    }
    co_await close(stream);
  }

  // After refusing a request whose body is still arriving, read and drop what the client
  // sends for a moment: closing with unread data would reset the connection and the
  // client might never see the answer (a "lingering close").
  template <class Stream>
  asio::awaitable<void> discard_unread(Stream& stream) {
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 16384> sink{};
    std::size_t total = 0;
    while (total < std::size_t{64} * 1024 * 1024) {
      beast::get_lowest_layer(stream).expires_after(2s);
      auto [rec, n] = co_await stream.async_read_some(asio::buffer(sink), use_tuple);
      if (rec) break;
      total += n;
    }
  }

  asio::awaitable<void> close(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    co_return;
  }

  asio::awaitable<void> close(beast::ssl_stream<beast::tcp_stream>& stream) {
    beast::get_lowest_layer(stream).expires_after(2s);
    co_await stream.async_shutdown(use_tuple);
  }

  asio::awaitable<void> plain_session(tcp::socket socket, std::string client) {
    beast::tcp_stream stream(std::move(socket));
    co_await serve_connection(stream, std::move(client), false);
  }

  asio::awaitable<void> tls_session(tcp::socket socket, std::string client) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *ssl);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(cfg.read_timeout_seconds));
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, use_tuple);
    if (ec) co_return;
    co_await serve_connection(stream, std::move(client), true);
  }

  asio::awaitable<void> accept_loop() {
    while (acceptor.is_open()) {
      auto [ec, socket] = co_await acceptor.async_accept(next_lane(), use_tuple);
      if (ec) {
        if (!acceptor.is_open() || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept: {}", ec.message());
        continue;
      }
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto peer = socket.remote_endpoint(ignored);
      std::string client = ignored ? "?" : peer.address().to_string();
      auto executor = socket.get_executor();
      if (ssl) {
        asio::co_spawn(executor, tls_session(std::move(socket), std::move(client)), asio::detached);
      } else {
        asio::co_spawn(executor, plain_session(std::move(socket), std::move(client)), asio::detached);
      }
    }
  }

  // The io_context of the next connection, in turn.
  asio::io_context& next_lane() {
    auto i = accepted++ % (lanes.size() + 1);
    return i == 0 ? ioc : *lanes[i - 1];
  }

  void begin_drain() {
    if (draining.exchange(true)) return;
    spdlog::info("stopping: no new connections, waiting for {} request(s) in flight", inflight.load());
    beast::error_code ignored;
    acceptor.close(ignored);
    asio::co_spawn(ioc, drain(), asio::detached);
  }

  asio::awaitable<void> drain() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(cfg.drain_timeout_seconds);
    asio::steady_timer timer(ioc);
    while (inflight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      timer.expires_after(10ms);
      co_await timer.async_wait(use_tuple);
    }
    if (inflight.load() > 0) spdlog::warn("drain timeout: closing {} request(s)", inflight.load());
    lanes_kept.clear();
    for (auto& lane : lanes) lane->stop();
    ioc.stop();
  }
};

Server::Server(ServerConfig config, const Router& router, const StaticFiles* static_files, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(config), router, static_files, metrics)) {
  auto* im = impl_.get();
  metrics.add_gauge("antq_worker_queue_depth", "Blocking requests queued or running on the worker pool.",
                    [im] { return static_cast<double>(im->queued.load()); });
  metrics.add_gauge("antq_worker_pool_size", "Worker threads.", [im] { return static_cast<double>(im->workers); });
  metrics.add_gauge("antq_citizen_queue_depth", "Citizen submissions queued or running on their own pool.",
                    [im] { return static_cast<double>(im->citizen_queued.load()); });
  metrics.add_gauge("antq_http_requests_in_flight", "Requests being answered.",
                    [im] { return static_cast<double>(im->inflight.load()); });
}

Server::~Server() {
  if (impl_->pool) impl_->pool->join();
  if (impl_->citizen_pool) impl_->citizen_pool->join();
}

unsigned short Server::listen() {
  auto& im = *impl_;
  auto address = asio::ip::make_address(im.cfg.address);
  im.loopback = address.is_loopback();
  tcp::endpoint endpoint(address, im.cfg.port);
  im.acceptor.open(endpoint.protocol());
  im.acceptor.set_option(asio::socket_base::reuse_address(true));
  im.acceptor.bind(endpoint);
  im.acceptor.listen(asio::socket_base::max_listen_connections);
  return im.acceptor.local_endpoint().port();
}

void Server::run() {
  auto& im = *impl_;
  im.signals.async_wait([&im](const beast::error_code& ec, int) {
    if (!ec) im.begin_drain();
  });
  asio::co_spawn(im.ioc, im.accept_loop(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < im.io_threads; ++i) {
    auto& lane = *im.lanes.emplace_back(std::make_unique<asio::io_context>(1));
    im.lanes_kept.push_back(asio::make_work_guard(lane));
    threads.emplace_back([&lane] { lane.run(); });
  }
  im.ioc.run();
  for (auto& t : threads) t.join();
  im.pool->join();
  im.citizen_pool->join();
  spdlog::info("stopped");
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_drain(); });
}

}  // namespace antq::http
