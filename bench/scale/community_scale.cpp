// Scale figures of the community module (make bench), in process, on the demo (SQLite, or
// ANTQ_BENCH_DB_URL): a province-sized data set — Tuyên Quang's 124 communes with 20
// villages each, 500,000 households (90% registered this year), 50,000 fire-safety groups
// of 5–15 households (about 80% of the households), about 480,000 extinguishers (about 3%
// expiring within 30 days, 1% expired) — then, for one commune and for the province, the
// due lists, the share of households in a group and the share registered (issue 11:
// p99 ≤ 20 ms a commune, ≤ 1 s the province), and the model counts per type for the
// province (≤ 200 ms). With `--data DIR` the data set is added to
// the antq data directory DIR (made with `antq demo`) and kept; run again on that
// directory, it measures the data already there.
// Prints a Markdown table for docs/performance.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "app/demo.hpp"
#include "app/modules.hpp"
#include "community_layers.hpp"
#include "modules/community/fire_repo.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/rules.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"
#include "platform/log/log.hpp"

namespace {

using namespace antq;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr int kVillagesPerCommune = 20;
constexpr int kHouseholds = 500000;
constexpr int kBatch = 10000;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

std::vector<units::Unit> communes_of(app::Context& ctx, const units::Unit& province) {
  units::ListFilter filter;
  filter.parent_id = province.id;
  filter.page_size = 500;
  std::vector<units::Unit> out;
  for (const auto& u : ctx.units->list(system_actor(), filter).items) {
    if (units::is_commune_level(u.kind)) out.push_back(u);
  }
  return out;
}

// Twenty villages under every commune, named "Thôn 1" … "Thôn 20": made, or found in a
// kept data set.
std::vector<std::vector<std::int64_t>> bench_villages(app::Context& ctx, const std::vector<units::Unit>& communes) {
  std::vector<std::vector<std::int64_t>> out;
  for (const auto& c : communes) {
    std::vector<std::int64_t> ids;
    for (int v = 1; v <= kVillagesPerCommune; ++v) {
      auto code = fmt::format("BENCH-{}-T{:02d}", c.code, v);
      auto unit = ctx.units->find_by_code(code);
      if (!unit) {
        unit = ctx.units->create(system_actor(), units::NewUnit{code, fmt::format("Thôn {}", v), "residential_area",
                                                                "thôn", c.id, std::nullopt, false, "", true});
      }
      ids.push_back(unit->id);
    }
    out.push_back(std::move(ids));
  }
  return out;
}

// Households, their registrations, groups and extinguishers, straight through the
// repositories, one village at a time, 10,000 rows or so per transaction.
void build(app::Context& ctx, const std::vector<std::vector<std::int64_t>>& villages) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> group_size(5, 11);  // 8 on average: about 50,000 groups
  auto now = ctx.clock.now();
  auto today = time::local_date(now);
  int year = community::rules::registration_year_of(today);
  auto registered_on = community::rules::registration_year(year).from;
  auto year_start = today.substr(0, 4) + "-01-01";
  std::size_t village_count = 0;
  for (const auto& v : villages) village_count += v.size();
  int per_village = kHouseholds / static_cast<int>(village_count);
  std::int64_t number = 0, groups = 0, extinguishers = 0;
  auto start = Clock::now();
  std::vector<std::int64_t> all_villages;
  for (const auto& v : villages) all_villages.insert(all_villages.end(), v.begin(), v.end());
  for (std::size_t first = 0; first < all_villages.size(); first += kBatch / per_village) {
    ctx.db->write([&](db::Tx& tx) {
      auto last = std::min(all_villages.size(), first + kBatch / per_village);
      for (auto i = first; i < last; ++i) {
        auto village = all_villages[i];
        std::vector<std::int64_t> ids;
        for (int h = 0; h < per_village; ++h) {
          community::Household house;
          house.code = fmt::format("BENCH-HO-{:07d}", ++number);
          house.village_id = village;
          house.head_name = fmt::format("Chủ hộ {}", number);
          house.members = 4;
          house.consent = community::Consent{year_start, "paper", "v1"};  // a group takes consenting households
          house.demo = true;
          auto id = community::households_repo::insert(tx, house, now);
          ids.push_back(id);
          if (unit(rng) < 0.9) {
            community::households_repo::put_registration(
                tx, community::Registration{id, year, registered_on, true, "", 1, "", {}, {}, now}, std::nullopt);
          }
          if (unit(rng) < 0.96) {
            community::Extinguisher e;
            e.household_id = id;
            e.village_id = village;
            e.kind = "abc_powder";
            e.capacity_kg = 4;
            double r = unit(rng);
            int days = r < 0.01 ? -30 : r < 0.04 ? 15 : 400;  // 1% expired, 3% expiring
            e.expires_on = community::rules::add_days(today, days);
            community::fire_repo::insert_extinguisher(tx, e, now);
            community::fire_repo::refresh_extinguisher_count(tx, id);
            ++extinguishers;
          }
        }
        // About 80% of the village in groups of 5–15.
        std::size_t next = 0;
        while (next < ids.size() * 8 / 10) {
          community::FireGroup g;
          g.code = fmt::format("BENCH-LG-{:07d}", ++groups);
          g.village_id = village;
          g.name = fmt::format("Tổ liên gia {}", groups);
          if (unit(rng) < 0.7) g.last_drill_on = year_start;
          g.demo = true;
          g.id = community::fire_repo::insert_group(tx, g, now);
          auto size = static_cast<std::size_t>(group_size(rng));
          for (auto k = next; k < std::min(ids.size(), next + size); ++k) {
            if (!community::fire_repo::join_group(tx, ids[k], g, today)) throw std::runtime_error("join_group refused");
          }
          next += size;
        }
      }
    });
  }
  std::cout << fmt::format(
      "| add {} households in {} villages, {} fire groups, {} extinguishers (bulk) | {:.1f} s | |\n", number,
      village_count, groups, extinguishers, ms_since(start) / 1000);
}

Actor officer_of(const units::Unit& unit) {
  Actor a = system_actor();
  a.system = false;
  a.role = Role::officer;
  a.username = "officer";
  a.scope_unit_id = unit.id;
  a.scope_path = unit.path;
  return a;
}

struct Figures {
  double due = 0;
  double coverage = 0;
  double registration = 0;
};

Figures measure(app::Context& ctx, const units::Unit& unit) {
  auto actor = officer_of(unit);
  Figures f;
  auto start = Clock::now();
  auto due = ctx.fire_groups->due(actor, unit.id);
  f.due = ms_since(start);
  start = Clock::now();
  auto coverage = ctx.fire_groups->coverage(actor, unit.id);
  f.coverage = ms_since(start);
  start = Clock::now();
  auto registrations = ctx.households->registrations(actor, unit.id, 0);
  f.registration = ms_since(start);
  if (due.expired.total < 0 || coverage.households < 0 || registrations.households < 0) std::abort();
  return f;
}

// A team's patrol log as its page opens it (the last 90 days, each patrol with its
// members), for every 20th team of the province, five rounds.
void patrol_log(app::Context& ctx, const std::vector<units::Unit>& communes) {
  std::map<std::int64_t, const units::Unit*> commune_of;
  for (const auto& c : communes) commune_of[c.id] = &c;
  std::vector<std::pair<std::int64_t, std::int64_t>> teams;  // team, commune
  ctx.db->read([&](db::Tx& tx) {
    teams = db::all(
        tx,
        db::Query{"bench.teams_sampled",
                  "SELECT id, commune_id FROM security_teams WHERE code LIKE 'BENCH-%' AND id % 20 = 0 ORDER BY id"},
        [](db::Reader& r) {
          auto id = r.i64();
          return std::pair{id, r.i64()};
        });
  });
  std::vector<double> times;
  std::size_t patrols = 0;
  for (int round = 0; round < 5; ++round) {
    for (const auto& [team, commune] : teams) {
      auto start = Clock::now();
      patrols += ctx.teams->patrols(officer_of(*commune_of.at(commune)), team, std::nullopt, std::nullopt).size();
      times.push_back(ms_since(start));
    }
  }
  std::cout << fmt::format(
      "| a team's patrol log, the last 90 days ({} teams × 5 rounds, {:.0f} patrols each): p50 / p99 | {:.2f} / {:.2f} "
      "ms | |\n",
      teams.size(), static_cast<double>(patrols) / static_cast<double>(std::max<std::size_t>(1, times.size())),
      percentile(times, 0.5), percentile(times, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init();
  log::init("warn");
  bool keep = argc == 3 && std::string(argv[1]) == "--data";
  fs::path dir = keep ? fs::path(argv[2])
                      : fs::temp_directory_path() / fmt::format("antq-community-scale-{}", std::random_device{}());
  fs::create_directories(dir);
  std::map<std::string, std::string> overrides;
  if (const char* url = std::getenv("ANTQ_BENCH_DB_URL")) overrides["database.url"] = url;
  auto ctx = app::open_context(app::load_config(dir, overrides));
  if (!keep) app::load_demo(*ctx, "mat-khau-do-hieu-nang");
  std::cout << "\n| community at province scale (" << (overrides.empty() ? "SQLite" : "PostgreSQL")
            << ", in process) | measured | target |\n|---|---:|---|\n";
  auto province = ctx->units->find_by_code("08").value();
  auto communes = communes_of(*ctx, province);
  // A kept directory that has its households already is measured again as it is.
  std::int64_t stored = 0;
  std::int64_t teams = 0;
  ctx->db->read([&](db::Tx& tx) {
    stored = db::scalar(tx, db::Query{"bench.households", "SELECT count(*) FROM households"});
    teams = db::scalar(tx, db::Query{"bench.teams", "SELECT count(*) FROM security_teams WHERE code LIKE 'BENCH-%'"});
  });
  if (stored < kHouseholds || teams == 0) {
    auto villages = bench_villages(*ctx, communes);
    if (stored < kHouseholds) build(*ctx, villages);
    if (teams == 0) {
      std::vector<std::int64_t> ids(communes.size());
      std::transform(communes.begin(), communes.end(), ids.begin(), [](const units::Unit& c) { return c.id; });
      bench::add_layers(*ctx, ids, villages);
    }
    // The planner's statistics, as the database's own maintenance would leave them.
    ctx->db->write([](db::Tx& tx) { tx.execute_script("ANALYZE"); });
  }

  std::vector<double> due, coverage, registration, all;
  for (int round = 0; round < 20; ++round) {
    for (const auto& c : communes) {
      auto f = measure(*ctx, c);
      due.push_back(f.due);
      coverage.push_back(f.coverage);
      registration.push_back(f.registration);
      all.push_back(f.due + f.coverage + f.registration);
    }
  }
  auto row = [&](const char* what, const std::vector<double>& v, const char* target) {
    std::cout << fmt::format("| one commune ({} × 20 rounds): {}: p50 / p99 | {:.2f} / {:.2f} ms | {} |\n",
                             communes.size(), what, percentile(v, 0.5), percentile(v, 0.99), target);
  };
  row("the fire due lists", due, "");
  row("households in a fire group per village", coverage, "");
  row("the share registered per village, with the missing households", registration, "");
  row("all three", all, "p99 ≤ 20 ms");
  std::vector<double> province_all;
  Figures last;
  for (int round = 0; round < 5; ++round) {
    last = measure(*ctx, province);
    province_all.push_back(last.due + last.coverage + last.registration);
  }
  std::cout << fmt::format(
      "| the province ({} communes): due lists {:.0f} ms, fire coverage {:.0f} ms, registration share {:.0f} ms; all "
      "three, worst of 5 | {:.0f} ms | ≤ 1 s |\n",
      communes.size(), last.due, last.coverage, last.registration,
      *std::max_element(province_all.begin(), province_all.end()));
  // The model counts per type for the province: every commune's fire groups (each village
  // with groups a site), the demo's cameras, boxes, team and model sites, in one query.
  // The first call after start (its statements prepared, the province's units read and
  // cached) is reported apart from the ten after it.
  std::vector<double> counts;
  int sites = 0;
  double first = 0;
  for (int round = 0; round <= 10; ++round) {
    auto start = Clock::now();
    auto c = ctx->models->counts(officer_of(province), province.id, std::nullopt, std::nullopt);
    (round == 0 ? first : counts.emplace_back()) = ms_since(start);
    sites = 0;
    for (const auto& t : c.totals) sites += t.sites;
  }
  std::cout << fmt::format(
      "| the province: the model counts per type and commune ({} sites): the first call; then median / worst of {} | "
      "{:.0f}; {:.0f} / {:.0f} ms | ≤ 200 ms |\n",
      sites, counts.size(), first, percentile(counts, 0.5), *std::max_element(counts.begin(), counts.end()));
  patrol_log(*ctx, communes);
  ctx.reset();
  if (!keep) fs::remove_all(dir);
  return 0;
}
