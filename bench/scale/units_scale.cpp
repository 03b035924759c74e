// Scale figures of the units module (make bench), in process, on a fresh SQLite database
// (or ANTQ_BENCH_DB_URL): importing the national tree from refdata/vn-units-2025 with
// every predecessor, importing every commune's boundary, locating random points among the
// 3,321 communes, and building the unit tree of a province reviewer and of the nation.
// Prints a Markdown table for docs/performance.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "app/modules.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/log/log.hpp"

namespace {

using namespace antq;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const fs::path kData = fs::path(ANTQ_SOURCE_DIR) / "refdata" / "vn-units-2025";

void import_tree(app::Context& ctx) {
  auto start = Clock::now();
  auto list = units::official::read(read_file(kData / "units.csv"), read_file(kData / "formed-from.csv"),
                                    read_file(kData / "provinces-formed-from.csv"));
  units::official::apply_basis(list, read_file(kData / "basis.csv"));
  auto parsed = ms_since(start);
  auto report = ctx.units->import_official(system_actor(), list);
  auto total = ms_since(start);
  std::cout << fmt::format("| national tree: read the list | {:.0f} ms | |\n", parsed);
  std::cout << fmt::format("| national tree: import {} units with their predecessors | {:.2f} s | ≤ 10 s |\n",
                           report.created, total / 1000);
  start = Clock::now();
  auto again = ctx.units->import_official(system_actor(), list);
  std::cout << fmt::format("| the same import again ({} unchanged, nothing written) | {:.2f} s | |\n", again.unchanged,
                           ms_since(start) / 1000);
}

// Imports every commune's boundary; returns their boxes (where the test points are drawn).
std::vector<geo::BBox> import_boundaries(app::Context& ctx) {
  auto start = Clock::now();
  int features = 0;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kData / "boundaries" / "communes")) {
    files.push_back(read_file(entry.path()));
    features += ctx.boundaries->import_geojson(system_actor(), files.back()).imported;
  }
  std::cout << fmt::format("| boundaries: import {} communes (17 MB of GeoJSON) | {:.2f} s | |\n", features,
                           ms_since(start) / 1000);
  std::vector<geo::BBox> boxes;
  for (const auto& text : files) {
    auto doc = boost::json::parse(text);
    for (const auto& f : doc.at("features").as_array()) {
      std::vector<geo::Problem> problems;
      boxes.push_back(geo::bbox(geo::parse(f.at("geometry"), problems)));
    }
  }
  return boxes;
}

// Points drawn in the box of a random commune: most fall in it or a neighbour, some
// outside every commune (the sea, the border, the gaps between simplified neighbours).
void locate(app::Context& ctx, const std::vector<geo::BBox>& boxes) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> which(0, boxes.size() - 1);
  std::uniform_real_distribution<double> unit(0, 1);
  auto point = [&] {
    const auto& b = boxes[which(rng)];
    return geo::Point{b.min_lon + unit(rng) * (b.max_lon - b.min_lon), b.min_lat + unit(rng) * (b.max_lat - b.min_lat)};
  };
  for (int i = 0; i < 500; ++i) ctx.boundaries->locate(point());  // the first touch parses a shape
  std::vector<double> times;
  int found = 0;
  constexpr int kPoints = 20000;
  for (int i = 0; i < kPoints; ++i) {
    auto p = point();
    auto start = Clock::now();
    auto r = ctx.boundaries->locate(p);
    times.push_back(ms_since(start));
    if (r.commune) ++found;
  }
  std::cout << fmt::format(
      "| locate a point among 3,321 communes ({} random points, {} in a commune): p50 / p99 | {:.3f} / {:.3f} ms | "
      "p99 ≤ 1 ms |\n",
      kPoints, found, percentile(times, 0.5), percentile(times, 0.99));
}

void trees(app::Context& ctx) {
  Actor reviewer = system_actor();
  reviewer.role = Role::reviewer;
  reviewer.scope_path = ctx.units->find_by_code("08")->path;
  for (const auto& [name, actor] : {std::pair{"Tuyên Quang (a province reviewer)", reviewer},
                                    std::pair{"the nation (a national administrator)", system_actor()}}) {
    auto start = Clock::now();
    auto roots = ctx.units->tree(actor, true);
    std::size_t n = 0;
    std::vector<const units::TreeNode*> stack;
    for (const auto& r : roots) stack.push_back(&r);
    while (!stack.empty()) {
      const auto* node = stack.back();
      stack.pop_back();
      ++n;
      for (const auto& c : node->children) stack.push_back(&c);
    }
    std::cout << fmt::format("| unit tree with history of {}: {} units, built uncached | {:.1f} ms | |\n", name, n,
                             ms_since(start));
  }
}

}  // namespace

int main() {
  crypto::init();
  log::init("warn");
  auto dir = fs::temp_directory_path() / fmt::format("antq-units-scale-{}", std::random_device{}());
  fs::create_directories(dir);
  std::map<std::string, std::string> overrides;
  if (const char* url = std::getenv("ANTQ_BENCH_DB_URL")) overrides["database.url"] = url;
  auto ctx = app::open_context(app::load_config(dir, overrides));
  std::cout << "\n| units at national scale (" << (overrides.empty() ? "SQLite" : "PostgreSQL")
            << ", in process) | measured | target |\n|---|---:|---|\n";
  import_tree(*ctx);
  auto boxes = import_boundaries(*ctx);
  locate(*ctx, boxes);
  trees(*ctx);
  ctx.reset();
  fs::remove_all(dir);
  return 0;
}
