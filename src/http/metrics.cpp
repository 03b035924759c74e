#include "http/metrics.hpp"

#include <fmt/format.h>

namespace antq::http {
namespace {

std::string escape_label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto it = routes_.find(route);
  if (it == routes_.end()) it = routes_.emplace(route, RouteStats{}).first;
  ++it->second.by_status[status];
  auto& h = it->second.latency;
  ++h.count;
  h.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(read)});
}

void Metrics::add_gauges(std::string name, std::string help, std::function<Samples()> read) {
  std::lock_guard lock(mutex_);
  families_.push_back(Family{std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  std::vector<Gauge> gauges;
  std::vector<Family> families;
  {
    std::lock_guard lock(mutex_);
    out += render_routes();
    gauges = gauges_;
    families = families_;
  }
  // Read outside the lock, which every finished request takes to record itself.
  for (const auto& g : gauges) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name, g.help, g.name, g.name, g.read());
  }
  for (const auto& f : families) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n", f.name, f.help, f.name);
    Samples samples;
    try {
      samples = f.read();
    } catch (const std::exception&) {
      continue;
    }
    for (const auto& [labels, value] : samples) out += fmt::format("{}{{{}}} {}\n", f.name, labels, value);
  }
  return out;
}

std::string Metrics::render_routes() const {
  std::string out;
  out += "# HELP antq_http_requests_total HTTP requests by route pattern and status.\n";
  out += "# TYPE antq_http_requests_total counter\n";
  for (const auto& [route, stats] : routes_) {
    for (const auto& [status, n] : stats.by_status) {
      out += fmt::format("antq_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", escape_label(route), status, n);
    }
  }
  out += "# HELP antq_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE antq_http_request_duration_seconds histogram\n";
  for (const auto& [route, stats] : routes_) {
    const auto& h = stats.latency;
    auto label = escape_label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("antq_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label, kBuckets[i],
                         h.buckets[i]);
    }
    out += fmt::format("antq_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label, h.count);
    out += fmt::format("antq_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label, h.sum);
    out += fmt::format("antq_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, h.count);
  }
  return out;
}

}  // namespace antq::http
