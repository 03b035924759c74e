// The second layer of the community benchmark's province (plan step 32), over the villages
// of community_scale.cpp: two security teams a village (one for the village, one shared
// with the next village) of four members each, two years of patrols (two a week a team,
// written in one statement per table), 80 self-management sites a commune with two teams
// each, 20,000 confirmed cameras and a paper box in every village. Only community_scale.cpp
// includes it.
#pragma once

#include <chrono>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/modules.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/community/model_parts_repo.hpp"
#include "modules/community/models_repo.hpp"
#include "modules/community/rules.hpp"
#include "modules/community/teams_repo.hpp"
#include "modules/mailbox/boxes_repo.hpp"
#include "platform/db/read.hpp"

namespace antq::bench {

constexpr int kSitesPerCommune = 80;
constexpr int kCameras = 20000;
constexpr int kPatrolsPerTeam = 208;  // two a week for two years

struct Layers {
  std::int64_t teams = 0, members = 0, patrols = 0, sites = 0, cameras = 0, boxes = 0;
};

inline void add_teams(db::Tx& tx, std::int64_t commune, const std::vector<std::int64_t>& villages, std::int64_t now,
                      Layers& added) {
  for (std::size_t v = 0; v < villages.size(); ++v) {
    for (int shared = 0; shared < 2; ++shared) {
      community::SecurityTeam t;
      t.code = fmt::format("BENCH-TBV-{:06d}", added.teams + 1);
      t.commune_id = commune;
      t.name = fmt::format("Tổ bảo vệ ANTT {}", added.teams + 1);
      t.founded_on = "2024-01-01";
      t.demo = true;
      auto id = community::teams_repo::insert_team(tx, t, now);
      std::vector<std::int64_t> on{villages[v]};
      if (shared == 1) on.push_back(villages[(v + 1) % villages.size()]);
      community::teams_repo::set_villages(tx, id, on);
      for (int m = 0; m < 4; ++m) {
        community::teams_repo::StoredMember s;
        s.member.team_id = id;
        s.member.full_name = fmt::format("Thành viên {}", added.members + 1);
        s.member.birth_date = "1980-05-01";
        s.member.position = m == 0 ? "leader" : m == 1 ? "deputy" : "member";
        s.member.joined_on = "2024-01-01";
        s.person_lookup = fmt::format("bench-person-{:08d}", ++added.members);
        community::teams_repo::insert_member(tx, s, now);
      }
      ++added.teams;
    }
  }
}

// Every team's patrols, numbered 0…207 back from today, led by its leader and deputy.
inline void add_patrols(db::Tx& tx, const std::string& today, std::int64_t now) {
  bool pg = tx.dialect() == db::Dialect::postgres;
  std::string numbers =
      fmt::format("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {}) ", kPatrolsPerTeam - 1);
  std::string id = pg ? "lpad(to_hex(t.id), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n.i), 12, '0')"
                      : "printf('%08x-0000-4000-8000-%012x', t.id, n.i)";
  std::string day = pg ? fmt::format("to_char(DATE '{}' - (n.i * 7 / 2), 'YYYY-MM-DD')", today)
                       : fmt::format("date('{}', '-' || (n.i * 7 / 2) || ' days')", today);
  tx.execute_script(numbers +
                    "INSERT INTO security_patrols (id, team_id, patrol_on, shift, route, findings, tip_refs, version, "
                    "content_hash, received_at) SELECT " +
                    id + ", t.id, " + day +
                    ", CASE n.i % 2 WHEN 0 THEN 'evening' ELSE 'night' END, '', 'Bình thường', '', 1, 'bench', " +
                    std::to_string(now) + " FROM security_teams t CROSS JOIN n WHERE t.code LIKE 'BENCH-TBV-%'");
  tx.execute_script(
      "INSERT INTO security_patrol_members (patrol_id, member_id) SELECT p.id, m.id FROM security_patrols p "
      "JOIN security_teams t ON t.id = p.team_id JOIN security_team_members m ON m.team_id = t.id "
      "AND m.position IN ('leader', 'deputy') WHERE t.code LIKE 'BENCH-TBV-%'");
}

inline void add_sites(db::Tx& tx, const std::vector<community::ModelType>& types,
                      const std::vector<std::int64_t>& villages, std::int64_t now, Layers& added) {
  std::vector<std::int64_t> manual;
  for (const auto& t : types) {
    if (!t.source && !t.linked) manual.push_back(t.id);
  }
  for (int s = 0; s < kSitesPerCommune; ++s) {
    community::ModelSite site;
    site.code = fmt::format("BENCH-MH-{:06d}", added.sites + 1);
    site.type_id = manual[static_cast<std::size_t>(s) % manual.size()];
    site.unit_id = villages[static_cast<std::size_t>(s) % villages.size()];
    site.name = fmt::format("Mô hình {}", added.sites + 1);
    site.launched_on = s % 10 == 0 ? "2026-03-01" : "2024-06-01";  // a tenth new this year
    site.demo = true;
    auto id = community::models_repo::insert_site(tx, site, now);
    for (int k = 0; k < 2; ++k) {
      community::ModelTeam team;
      team.site_id = id;
      team.name = fmt::format("Tổ {}", k + 1);
      team.founded_on = site.launched_on;
      community::model_parts_repo::insert_team(tx, team);
    }
    ++added.sites;
  }
}

inline void add_cameras_and_box(db::Tx& tx, std::int64_t commune, const std::vector<std::int64_t>& villages,
                                int cameras, std::mt19937& rng, std::int64_t now, Layers& added) {
  std::uniform_real_distribution<double> lon(105.0, 105.6), lat(21.6, 22.5);
  for (int i = 0; i < cameras; ++i) {
    cameras::Camera c;
    c.code = fmt::format("BENCH-CAM-{:06d}", added.cameras + 1);
    c.unit_id = commune;
    c.village_id = villages[static_cast<std::size_t>(i) % villages.size()];
    c.point = geo::Point{lon(rng), lat(rng)};
    c.mounting = cameras::Mounting{std::nullopt, 360, 40};
    c.installed_on = i % 8 == 0 ? "2026-02-01" : "2024-05-01";
    c.demo = true;
    auto id = cameras::repo::insert(tx, c, now);
    cameras::repo::first_status(tx, id, {now - 365LL * 86400000, std::nullopt, cameras::Status::working, ""},
                                std::nullopt, now);
    ++added.cameras;
  }
  for (auto village : villages) {
    mailbox::repo::insert_box(tx, mailbox::NewBox{commune, village, "Nhà văn hóa thôn"}, now);
    ++added.boxes;
  }
}

// The whole layer, a commune per transaction, then the patrols; prints its row.
inline void add_layers(app::Context& ctx, const std::vector<std::int64_t>& communes,
                       const std::vector<std::vector<std::int64_t>>& villages) {
  auto start = std::chrono::steady_clock::now();
  auto now = ctx.clock.now();
  std::mt19937 rng(11);
  Layers added;
  std::vector<community::ModelType> types;
  ctx.db->read([&](db::Tx& tx) { types = community::models_repo::types(tx); });
  int per_commune = kCameras / static_cast<int>(communes.size());
  for (std::size_t c = 0; c < communes.size(); ++c) {
    ctx.db->write([&](db::Tx& tx) {
      add_teams(tx, communes[c], villages[c], now, added);
      add_sites(tx, types, villages[c], now, added);
      int cameras = per_commune + (c < static_cast<std::size_t>(kCameras % communes.size()) ? 1 : 0);
      add_cameras_and_box(tx, communes[c], villages[c], cameras, rng, now, added);
    });
  }
  ctx.db->write([&](db::Tx& tx) { add_patrols(tx, time::local_date(now), now); });
  ctx.db->read([&](db::Tx& tx) {
    added.patrols = db::scalar(tx, db::Query{"bench.patrols", "SELECT count(*) FROM security_patrols"});
  });
  auto s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format(
      "| add {} security teams ({} members), {} patrols over two years, {} model sites (two teams each), {} "
      "cameras, {} paper boxes | {:.1f} s | |\n",
      added.teams, added.members, added.patrols, added.sites, added.cameras, added.boxes, s);
}

}  // namespace antq::bench
