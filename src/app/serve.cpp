#include "app/serve.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <array>
#include <filesystem>
#include <iostream>

#include "http/server.hpp"
#include "platform/log/log.hpp"
#include "platform/thread/priority.hpp"

namespace antq::app {
namespace {

// One worker at low priority (nice 10) for the mailbox's background work (search index
// refreshes); it stops, dropping what has not started, before the services go.
class BackgroundWorker {
 public:
  explicit BackgroundWorker(mailbox::Service& mailbox) : mailbox_(mailbox) {
    boost::asio::post(pool_, [] { thread::lower_priority(); });
    mailbox_.run_in_background([this](std::function<void()> task) { boost::asio::post(pool_, std::move(task)); });
  }
  ~BackgroundWorker() {
    mailbox_.run_in_background(nullptr);
    pool_.stop();
    pool_.join();
  }
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

 private:
  mailbox::Service& mailbox_;
  boost::asio::thread_pool pool_{1};
};

// Names this instance in the job leases: host, port and process.
std::string instance_name(unsigned short port) {
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}#{}", host.data(), port, ::getpid());
}

// The last run of every job, on whichever instance ran it: when it finished, whether it
// succeeded, and how long it took.
void add_job_metrics(http::Metrics& metrics, const jobs::Scheduler& scheduler) {
  using Read = std::function<double(const jobs::LastRun&)>;
  auto family = [&metrics, &scheduler](const char* name, const char* help, Read read) {
    metrics.add_gauges(name, help, [&scheduler, read] {
      http::Metrics::Samples out;
      for (const auto& run : scheduler.last_runs_seen()) out.emplace_back("job=\"" + run.job + "\"", read(run));
      return out;
    });
  };
  family("antq_job_last_run_timestamp_seconds", "When the job last finished (Unix time).",
         [](const jobs::LastRun& r) { return static_cast<double>(r.finished_at) / 1000.0; });
  family("antq_job_last_run_success", "1 when the job's last run succeeded, 0 when it failed.",
         [](const jobs::LastRun& r) { return r.ok ? 1.0 : 0.0; });
  family("antq_job_last_run_duration_seconds", "How long the job's last run took.",
         [](const jobs::LastRun& r) { return static_cast<double>(r.finished_at - r.started_at) / 1000.0; });
}

http::ServerConfig server_config(const Config& c) {
  http::ServerConfig s;
  auto colon = c.server.listen.rfind(':');
  if (colon == std::string::npos)
    throw std::invalid_argument("server.listen must be address:port, got: " + c.server.listen);
  s.address = c.server.listen.substr(0, colon);
  if (s.address.size() > 2 && s.address.front() == '[') s.address = s.address.substr(1, s.address.size() - 2);
  int port = 0;
  try {
    port = std::stoi(c.server.listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw std::invalid_argument("server.listen has a bad port: " + c.server.listen);
  s.port = static_cast<unsigned short>(port);
  s.io_threads = c.server.threads;
  s.workers = c.server.workers;
  s.queue_limit = c.server.queue;
  s.header_limit = static_cast<std::size_t>(c.server.header_limit);
  s.body_limit = static_cast<std::size_t>(c.server.body_limit);
  s.read_timeout_seconds = c.server.read_timeout;
  s.drain_timeout_seconds = c.server.drain_timeout;
  s.tls_cert = c.server.tls_cert;
  s.tls_key = c.server.tls_key;
  s.spool_dir = c.data_dir.string();
  return s;
}

std::filesystem::path static_dir(const Config& c) {
  if (!c.server.static_dir.empty()) return c.server.static_dir;
  std::filesystem::path source = std::filesystem::path(ANTQ_SOURCE_DIR) / "web" / "dist";
  if (std::filesystem::exists(source / "index.html")) return source;
  return "/usr/share/antq/web";
}

}  // namespace

DataLock::DataLock(const std::filesystem::path& data_dir) {
  auto path = data_dir / "antq.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw std::runtime_error("cannot open " + path.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("another antq process is serving " + data_dir.string());
  }
}

DataLock::~DataLock() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

// Everything the server answers, wired to the context's services: the routes of the API
// and of the citizen pages, and the metrics they report to.
struct Wiring {
  explicit Wiring(Context& ctx) {
    auto* database = ctx.db.get();
    metrics.add_gauge("antq_db_pool_in_use", "Database connections in use.",
                      [database] { return static_cast<double>(database->pool_stats().in_use); });
    metrics.add_gauge("antq_db_pool_size", "Database connections available.",
                      [database] { return static_cast<double>(database->pool_stats().size); });
    add_routes(router, ctx, metrics);
  }
  http::Metrics metrics;
  http::Router router;
};

}  // namespace

int print_routes(Context& ctx) {
  Wiring wiring(ctx);
  for (const auto& route : wiring.router.routes()) std::cout << route.method << " " << route.pattern << "\n";
  return 0;
}

int serve(Context& ctx) {
  DataLock lock(ctx.config.data_dir);
  auto wiring = std::make_unique<Wiring>(ctx);
  auto& metrics = wiring->metrics;
  auto& router = wiring->router;
  auto web = static_dir(ctx.config);
  std::unique_ptr<http::StaticFiles> files;
  if (std::filesystem::exists(web / "index.html")) {
    files = std::make_unique<http::StaticFiles>(web);
  } else {
    spdlog::warn("no web app at {}: only the API is served (run: make web)", web.string());
  }
  auto cfg = server_config(ctx.config);
  bool tls = !cfg.tls_cert.empty();
  BackgroundWorker background(*ctx.mailbox);
  http::Server server(cfg, router, files.get(), metrics);
  auto port = server.listen();
  jobs::Scheduler scheduler(*ctx.db, ctx.clock, instance_name(port));
  add_jobs(scheduler, ctx);
  add_job_metrics(metrics, scheduler);
  metrics.add_gauges("antq_notifications", "Notifications by status, as of the last dispatch.", [&ctx] {
    auto c = ctx.notify->counts_seen();
    return http::Metrics::Samples{{"status=\"pending\"", static_cast<double>(c[0])},
                                  {"status=\"sent\"", static_cast<double>(c[1])},
                                  {"status=\"dead\"", static_cast<double>(c[2])}};
  });
  scheduler.start(std::chrono::seconds(ctx.config.jobs.check_seconds));
  std::string host = cfg.address.find(':') != std::string::npos ? "[" + cfg.address + "]" : cfg.address;
  spdlog::info("antq {} listening on {}://{}:{} (database: {})", ANTQ_VERSION, tls ? "https" : "http", host, port,
               ctx.db->dialect() == db::Dialect::postgres ? "PostgreSQL" : "SQLite");
  spdlog::default_logger()->flush();
  server.run();
  return 0;
}

}  // namespace antq::app
