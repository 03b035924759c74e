// Scale figures of the camera registry (make bench), in process, on the demo (SQLite, or
// ANTQ_BENCH_DB_URL): a 100,000-row sheet imported, then 1,000,000 cameras — 200,000 in a
// 20 × 20 km "city" around Tân Trào's centre (500 per km²), the rest spread over Tuyên
// Quang — and "who could have seen it" at 200 m, in the city and in the countryside, with
// and without the audit entry. With `--data DIR` the cameras are added to the antq data
// directory DIR (made with `antq demo`) and kept, for bench/load/cameras.mjs; run again on
// that directory, it measures the searches on the cameras already there.
// Prints a Markdown table for docs/performance.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "app/demo.hpp"
#include "app/modules.hpp"
#include "modules/cameras/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"
#include "platform/log/log.hpp"

namespace {

using namespace antq;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr geo::Point kCentre{105.45156, 21.80561};  // Tân Trào's centre
constexpr double kKmLat = 1 / 110.574;              // degrees of latitude per km
constexpr double kKmLon = 1 / 103.4;                // degrees of longitude per km at 21.8°

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

long rss_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  }
  return 0;
}

geo::Point in_city(std::mt19937& rng) {
  std::uniform_real_distribution<double> km(-10, 10);
  return {kCentre.lon + km(rng) * kKmLon, kCentre.lat + km(rng) * kKmLat};
}

geo::Point in_province(std::mt19937& rng) {
  std::uniform_real_distribution<double> lon(104.6, 105.8);
  std::uniform_real_distribution<double> lat(21.6, 22.7);
  return {lon(rng), lat(rng)};
}

// A sheet of `rows` cameras without codes, as an officer would send it.
std::string sheet(int rows) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> bearing(0, 359);
  std::uniform_real_distribution<double> km(-1.5, 1.5);
  std::string out =
      "STT;Loại chủ sở hữu;Địa chỉ;Vĩ độ;Kinh độ;Hướng (độ);Góc nhìn (độ);Tầm xa (m);Số ngày lưu;"
      "Mức chia sẻ;Ngày lắp đặt;Tình trạng\n";
  for (int i = 1; i <= rows; ++i) {
    out += fmt::format("{};Hộ gia đình;Nhà số {};{:.6f};{:.6f};{};90;30;7;Theo yêu cầu;01/03/2024;Hoạt động\n", i, i,
                       kCentre.lat + km(rng) * kKmLat, kCentre.lon + km(rng) * kKmLon, bearing(rng));
  }
  return out;
}

void import_sheet(app::Context& ctx, std::int64_t commune) {
  constexpr int kRows = 100000;
  auto text = sheet(kRows);
  cameras::ImportOptions options;
  options.unit_id = commune;
  auto start = Clock::now();
  auto r = ctx.cameras->import_sheet(system_actor(), text, options);
  std::cout << fmt::format(
      "| import a {:.1f} MB sheet of {} cameras (every row checked and located) | {:.2f} s | ≤ 10 s |\n",
      static_cast<double>(text.size()) / 1e6, r.created, ms_since(start) / 1000);
}

// Adds `count` cameras straight through the repository, 10,000 per transaction, 200 per
// statement.
// PostgreSQL after the bulk load: vacuumed, analysed and checkpointed, as pgbench does
// before it measures, so that autovacuum's first pass over the new million rows and the
// checkpoint of their pages do not fall into the measured runs.
void settle(const std::string& url) {
  auto start = Clock::now();
  std::string command = "psql -q -v ON_ERROR_STOP=1 '" + url + "' -c 'VACUUM (ANALYZE)' -c CHECKPOINT >/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("psql: VACUUM (ANALYZE) failed");
  std::cout << fmt::format("| vacuum, analyse and checkpoint after the load (as pgbench does) | {:.1f} s | |\n",
                           ms_since(start) / 1000);
}

void bulk_insert(app::Context& ctx, std::int64_t city_commune, const std::vector<std::int64_t>& communes, int count) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> bearing(0, 359);
  std::uniform_int_distribution<int> fov_pick(0, 9);
  std::uniform_int_distribution<std::size_t> which(0, communes.size() - 1);
  auto start = Clock::now();
  auto now = ctx.clock.now();
  constexpr int kBatch = 10000;
  for (int done = 0; done < count; done += kBatch) {
    std::vector<cameras::Camera> batch;
    for (int i = done; i < std::min(count, done + kBatch); ++i) {
      bool city = i % 5 == 0;
      cameras::Camera c;
      c.code = fmt::format("BENCH-{:07d}", i);
      c.unit_id = city ? city_commune : communes[which(rng)];
      c.point = city ? in_city(rng) : in_province(rng);
      bool round = fov_pick(rng) == 0;
      c.mounting = round ? cameras::Mounting{std::nullopt, 360, 40} : cameras::Mounting{bearing(rng), 90, 30};
      c.retention_days = 14;
      c.owner_kind = cameras::OwnerKind::household;
      batch.push_back(std::move(c));
    }
    ctx.db->write([&](db::Tx& tx) {
      std::vector<const cameras::Camera*> added;
      added.reserve(batch.size());
      for (const auto& c : batch) added.push_back(&c);
      std::vector<cameras::repo::NewStatus> statuses;
      for (auto id : cameras::repo::insert_many(tx, added, now)) {
        statuses.push_back({id, {now - 365LL * 86400000, std::nullopt, cameras::Status::working, ""}});
      }
      cameras::repo::insert_statuses(tx, statuses, std::nullopt, now);
    });
  }
  std::cout << fmt::format("| add {} cameras with their status (bulk, 10,000 per transaction) | {:.1f} s | |\n", count,
                           ms_since(start) / 1000);
}

// `excluded`: the cameras within 200 m left out are read too, each with its reasons.
void search(app::Context& ctx, const char* where, const Actor& officer, geo::Point (*point)(std::mt19937&),
            bool audited, bool excluded, int n) {
  std::mt19937 rng(9);
  std::vector<double> times;
  std::size_t seen = 0;
  std::size_t near = 0;
  auto at = ctx.clock.now() - 3600LL * 1000;
  for (int i = 0; i < n; ++i) {
    cameras::SearchQuery q{point(rng), at, 200, excluded, "đo hiệu năng"};
    auto start = Clock::now();
    auto r = audited ? ctx.cameras->search(officer, q) : ctx.cameras->sightings(officer, q);
    times.push_back(ms_since(start));
    seen += r.seen.size();
    near += r.seen.size() + r.excluded.size();
  }
  std::cout << fmt::format(
      "| who could have seen it at 200 m, {}{}{} ({} searches; {:.1f} cameras listed, {:.1f} seen): p50 / p99 | "
      "{:.3f} / {:.3f} ms | {} |\n",
      where, excluded ? ", with the cameras left out and why" : "",
      audited ? ", with the durable audit entry" : ", read only", n, static_cast<double>(near) / n,
      static_cast<double>(seen) / n, percentile(times, 0.5), percentile(times, 0.99),
      audited || excluded ? "reported" : "p99 ≤ 2 ms");
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init();
  log::init("warn");
  bool keep = argc == 3 && std::string(argv[1]) == "--data";
  fs::path dir = keep ? fs::path(argv[2])
                      : fs::temp_directory_path() / fmt::format("antq-cameras-scale-{}", std::random_device{}());
  fs::create_directories(dir);
  std::map<std::string, std::string> overrides;
  if (const char* url = std::getenv("ANTQ_BENCH_DB_URL")) overrides["database.url"] = url;
  auto ctx = app::open_context(app::load_config(dir, overrides));
  if (!keep) app::load_demo(*ctx, "mat-khau-do-hieu-nang");
  std::cout << "\n| cameras at scale (" << (overrides.empty() ? "SQLite" : "PostgreSQL")
            << ", in process) | measured | target |\n|---|---:|---|\n";
  auto tan_trao = ctx->units->find_by_code("02545").value();
  auto province = ctx->units->find_by_code("08").value();
  std::vector<std::int64_t> communes;
  units::ListFilter filter;
  filter.parent_id = province.id;
  filter.page_size = 500;
  for (const auto& u : ctx->units->list(system_actor(), filter).items) communes.push_back(u.id);
  if (!keep) import_sheet(*ctx, tan_trao.id);
  // A kept directory that has its million already is measured again as it is.
  std::int64_t stored = 0;
  ctx->db->read([&](db::Tx& tx) {
    stored = db::scalar(tx, db::Query{"bench.cameras", "SELECT count(*) FROM cameras"});
  });
  if (stored < 1000000) bulk_insert(*ctx, tan_trao.id, communes, 1000000);
  if (const char* url = std::getenv("ANTQ_BENCH_DB_URL"); url && stored < 1000000) settle(url);

  Actor officer = system_actor();
  officer.system = false;
  officer.role = Role::officer;
  officer.username = "officer.tantrao";
  officer.scope_path = tan_trao.path;
  Actor provincial = officer;  // an officer of the whole province, for the countryside
  provincial.scope_path = province.path;
  {
    // The first search after a start loads the reach index (every camera).
    std::mt19937 rng(1);
    auto start = Clock::now();
    ctx->cameras->sightings(officer, cameras::SearchQuery{in_city(rng), ctx->clock.now(), 200, false, "đo hiệu năng"});
    std::cout << fmt::format("| the first search after a start (it loads the reach index) | {:.0f} ms | |\n",
                             ms_since(start));
  }
  search(*ctx, "in the city (500 cameras per km²)", officer, in_city, false, false, 20000);
  search(*ctx, "in the countryside (about 40 per km²)", provincial, in_province, false, false, 20000);
  search(*ctx, "in the city", officer, in_city, false, true, 20000);
  search(*ctx, "in the city", officer, in_city, true, false, 2000);
  std::cout << fmt::format("| bench process memory after 1,000,000 cameras: peak / now | {} / {} MB | |\n",
                           rss_kb("VmHWM:") / 1024, rss_kb("VmRSS:") / 1024);
  ctx.reset();
  if (!keep) fs::remove_all(dir);
  return 0;
}
