#pragma once
// Prometheus metrics: requests by route and status, a latency histogram per route,
// worker queue depth and database pool use. Thread-safe.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace antq::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  void record(const std::string& route, int status, double seconds);
  // A gauge read at every scrape (worker queue depth, database pool use …).
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  // A family of gauges read at every scrape, one sample per label set: `read` gives
  // ("job=\"mailbox_purge\"", value) pairs (label values already escaped).
  using Samples = std::vector<std::pair<std::string, double>>;
  void add_gauges(std::string name, std::string help, std::function<Samples()> read);
  std::string render() const;

 private:
  // Requests and latencies. REQUIRES: mutex_ held.
  std::string render_routes() const;

  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct RouteStats {
    std::map<int, std::uint64_t> by_status;
    Histogram latency;
  };
  mutable std::mutex mutex_;
  std::map<std::string, RouteStats, std::less<>> routes_;
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
  struct Family {
    std::string name;
    std::string help;
    std::function<Samples()> read;
  };
  std::vector<Family> families_;
};

}  // namespace antq::http
