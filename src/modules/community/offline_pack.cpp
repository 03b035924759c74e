#include "modules/community/offline_pack.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "modules/community/fire_repo.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "modules/community/teams_repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/params.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

// Far above what one village holds; a bound on the pack's size all the same.
constexpr int kMaxGroups = 1000;
constexpr int kMaxTeams = 100;

bool in_team_on(const TeamMember& m, const std::string& day) {
  return m.joined_on <= day && (!m.left_on || *m.left_on > day);
}

void add_households(db::Tx& tx, OfflinePack& pack, const std::string& ids) {
  for (auto& row : households_repo::pack_rows(tx, ids, pack.year, pack.today)) {
    pack.households.push_back(PackHousehold{std::move(row.household), std::move(row.registration), row.fire_group_id});
  }
}

void add_groups(db::Tx& tx, OfflinePack& pack, const std::string& ids) {
  fire_repo::GroupFilter filter;
  filter.page_size = kMaxGroups;
  std::map<std::int64_t, std::size_t> index;
  auto groups = fire_repo::groups(tx, ids, filter);
  for (auto& listed : groups.items) {
    index[listed.group.id] = pack.groups.size();
    pack.groups.push_back(PackGroup{std::move(listed.group), {}});
  }
  for (const auto& h : pack.households) {
    auto it = h.fire_group_id ? index.find(*h.fire_group_id) : index.end();
    if (it != index.end()) pack.groups[it->second].household_ids.push_back(h.household.id);
  }
  std::vector<std::int64_t> group_ids;
  group_ids.reserve(pack.groups.size());
  for (const auto& g : pack.groups) group_ids.push_back(g.group.id);
  if (!group_ids.empty()) pack.drills = fire_repo::drills_in(tx, db::ids_json(group_ids), pack.recent_from);
}

void add_equipment(db::Tx& tx, OfflinePack& pack) {
  std::vector<std::int64_t> households;
  households.reserve(pack.households.size());
  for (const auto& h : pack.households) households.push_back(h.household.id);
  if (households.empty()) return;
  for (auto& e : fire_repo::extinguishers_of(tx, households)) {
    if (!e.retired_on) pack.extinguishers.push_back(std::move(e));
  }
  pack.gear = fire_repo::gear_of(tx, households);
}

void add_teams(db::Tx& tx, OfflinePack& pack, const std::string& ids) {
  teams_repo::TeamFilter filter;
  filter.page_size = kMaxTeams;
  auto teams = teams_repo::teams(tx, ids, filter);
  for (auto& team : teams.items) {
    PackTeam entry{std::move(team), {}};
    for (auto& m : teams_repo::members_of(tx, entry.team.id)) {
      if (in_team_on(m, pack.today)) entry.members.push_back(std::move(m));
    }
    for (auto& p : teams_repo::patrols_of(tx, entry.team.id, pack.recent_from, pack.today)) {
      pack.patrols.push_back(std::move(p));
    }
    for (auto& m : teams_repo::meetings_of(tx, entry.team.id, pack.recent_from, pack.today)) {
      pack.meetings.push_back(std::move(m));
    }
    pack.teams.push_back(std::move(entry));
  }
  std::stable_sort(pack.patrols.begin(), pack.patrols.end(),
                   [](const Patrol& a, const Patrol& b) { return a.patrol_on > b.patrol_on; });
  std::stable_sort(pack.meetings.begin(), pack.meetings.end(),
                   [](const Meeting& a, const Meeting& b) { return a.held_on > b.held_on; });
}

std::string counts_json(const OfflinePack& pack) {
  return boost::json::serialize(boost::json::object{
      {"households", pack.households.size()},
      {"groups", pack.groups.size()},
      {"teams", pack.teams.size()},
      {"patrols", pack.patrols.size()},
      {"drills", pack.drills.size()},
      {"meetings", pack.meetings.size()},
      {"checks", pack.checks.size()},
  });
}

}  // namespace

PackBody OfflinePacks::pack(const Actor& actor, std::int64_t village_id, const Renderer& render,
                            std::string_view known_etag) const {
  internal::require(internal::may_witness(actor), "offline packs are for commune officers and village teams");
  auto pack = read(actor, village_id);
  add_boundary(actor, pack);
  auto body = std::make_shared<const std::string>(render(pack));
  PackBody out{"\"" + crypto::blake2b_hex(*body).substr(0, 32) + "\"", nullptr};
  if (out.etag == known_etag) return out;
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "household.offline_pack", "unit", std::to_string(village_id), counts_json(pack));
  });
  out.body = std::move(body);
  return out;
}

OfflinePack OfflinePacks::read(const Actor& actor, std::int64_t village_id) const {
  OfflinePack pack;
  pack.today = time::local_date(clock_.now());
  pack.year = rules::registration_year_of(pack.today);
  pack.recent_from = rules::add_days(pack.today, -kRecentDays);
  db_.read([&](db::Tx& tx) {
    auto village = units_.find(tx, village_id);
    if (!village || !actor.covers(village->path)) throw Error::not_found("village");
    if (village->kind != units::Kind::residential_area || !village->active_on(pack.today) || !village->parent_id) {
      throw Error::field("village_id", "not_village");
    }
    auto commune = units_.find(tx, *village->parent_id);
    if (!commune) throw Error::not_found("village");
    pack.village = std::move(*village);
    pack.commune = std::move(*commune);
    auto ids = db::ids_json(std::vector<std::int64_t>{village_id});
    add_households(tx, pack, ids);
    add_groups(tx, pack, ids);
    add_equipment(tx, pack);
    pack.checks = fire_repo::checks_in(tx, ids, pack.recent_from);
    add_teams(tx, pack, ids);
  });
  return pack;
}

// The village's own boundary where it has one; most villages have none, and their
// commune's outline is what a route is drawn against.
void OfflinePacks::add_boundary(const Actor& actor, OfflinePack& pack) const {
  for (const auto* unit : {&pack.village, &pack.commune}) {
    try {
      pack.boundary = boundaries_.boundary(actor, unit->id, kBoundaryToleranceM).body;
      pack.boundary_of = unit == &pack.village ? "village" : "commune";
      return;
    } catch (const Error& e) {
      if (e.kind() != Error::Kind::not_found) throw;
    }
  }
}

}  // namespace antq::community
