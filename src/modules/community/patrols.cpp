// A security team's patrol log: recorded online or on a phone with no signal, by the
// offline rule (offline.hpp), each write audited. The members are those in the team that
// day; the route, drawn on the map, lies in the commune unless the user confirmed it.
#include <fmt/format.h>

#include <boost/json.hpp>

#include <algorithm>

#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "modules/community/teams.hpp"
#include "modules/community/teams_repo.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxText = 2000;
constexpr int kDefaultDays = 90;

bool known_shift(const std::string& s) { return s == "morning" || s == "afternoon" || s == "evening" || s == "night"; }

std::string route_key(const std::vector<geo::Point>& route) {
  std::string out;
  for (const auto& p : route) out += fmt::format("{:.7f},{:.7f};", p.lat, p.lon);
  return out;
}

std::string ids_key(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += std::to_string(id) + ",";
  return out;
}

// The patrol's own fields, checked and hashed; the team's rules come after.
Patrol parsed(const std::string& id, const PatrolInput& in, const std::string& today) {
  FieldErrors errors;
  Patrol p;
  p.id = id;
  p.team_id = in.team_id;
  auto on = past_date(errors, "patrol_on", in.patrol_on, today);
  if (!on && in.patrol_on.empty()) errors.add("patrol_on", "required");
  p.patrol_on = on.value_or("");
  if (!known_shift(in.shift)) errors.add("shift", "unknown_value");
  p.shift = in.shift;
  p.member_ids = in.member_ids;
  std::sort(p.member_ids.begin(), p.member_ids.end());
  p.member_ids.erase(std::unique(p.member_ids.begin(), p.member_ids.end()), p.member_ids.end());
  if (p.member_ids.empty()) errors.add("member_ids", "required");
  if (in.route.size() == 1) errors.add("route", "too_few_points");
  if (in.route.size() > static_cast<std::size_t>(Teams::kMaxRoutePoints)) errors.add("route", "too_long");
  if (std::any_of(in.route.begin(), in.route.end(),
                  [](const geo::Point& pt) { return pt.lat < -90 || pt.lat > 90 || pt.lon < -180 || pt.lon > 180; })) {
    errors.add("route", "out_of_range");
  }
  p.route = in.route;
  p.findings = bounded(errors, "findings", in.findings, kMaxText);
  p.tip_refs = bounded(errors, "tip_refs", in.tip_refs, kMaxText);
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  errors.throw_if_any();
  p.content_hash = ContentHash{}
                       .add("team_id", p.team_id)
                       .add("patrol_on", p.patrol_on)
                       .add("shift", p.shift)
                       .add("members", ids_key(p.member_ids))
                       .add("route", route_key(p.route))
                       .add("findings", p.findings)
                       .add("tip_refs", p.tip_refs)
                       .hex();
  return p;
}

}  // namespace

Written<Patrol> Teams::record_patrol(const Actor& actor, const std::string& id, const PatrolInput& in) const {
  require(may_witness(actor), "patrols are recorded by commune officers and security teams");
  if (!valid_record_id(id)) throw Error::not_found("patrol");
  auto p = parsed(id, in, today());
  Written<Patrol> out;
  db_.write([&](db::Tx& tx) {
    auto stored = teams_repo::patrol(tx, id);
    if (stored) {
      load(tx, actor, stored->team_id);
      if (stored->team_id != p.team_id) throw Error::field("team_id", "cannot_change");
    }
    auto team = load(tx, actor, p.team_id);
    const auto& t = team.team;
    auto check = [&](Patrol& fresh) {
      if (t.founded_on && fresh.patrol_on < *t.founded_on) throw Error::field("patrol_on", "before_founded");
      if (t.dissolved_on && fresh.patrol_on >= *t.dissolved_on) throw Error::field("patrol_on", "after_dissolved");
      auto members = teams_repo::members_of(tx, t.id);
      for (auto member_id : fresh.member_ids) {
        bool there = std::any_of(members.begin(), members.end(), [&](const TeamMember& m) {
          return m.id == member_id && rules::in_team_on(m.joined_on, m.left_on, fresh.patrol_on);
        });
        if (!there) throw Error::field("member_ids", "not_in_team");
      }
      auto commune = *units_.find(tx, t.commune_id);
      auto own = boundaries_.polygons(commune.id);
      for (const auto& point : fresh.route)
        boundaries_.require_in_commune(commune, point, in.confirm_route, "route", own.get());
      fresh.recorded_by = user_of(actor);
      fresh.device_at = in.device_at;
      fresh.received_at = clock_.now();
    };
    out = write_offline(
        stored, in.base_version, p, check,
        [&](const Patrol& r, auto seen) { return teams_repo::put_patrol(tx, r, seen); },
        [&] { return teams_repo::patrol(tx, id); }, "the patrol");
    if (out.outcome == Outcome::replayed) return;
    audit_.record(tx, actor, "patrol.record", "security_team", std::to_string(t.id),
                  boost::json::serialize(boost::json::object{{"patrol", id},
                                                             {"outcome", std::string(code_of(out.outcome))},
                                                             {"version", out.record.version},
                                                             {"members", out.record.member_ids.size()}}));
  });
  return out;
}

Patrol Teams::patrol(const Actor& actor, const std::string& id) const {
  require(may_read(actor), "security teams are not for auditors");
  if (!valid_record_id(id)) throw Error::not_found("patrol");
  Patrol out;
  db_.read([&](db::Tx& tx) {
    auto p = teams_repo::patrol(tx, id);
    if (!p) throw Error::not_found("patrol");
    load(tx, actor, p->team_id);
    out = *p;
  });
  return out;
}

std::vector<Patrol> Teams::patrols(const Actor& actor, std::int64_t team_id, std::optional<std::string> from,
                                   std::optional<std::string> to) const {
  require(may_read(actor), "security teams are not for auditors");
  FieldErrors errors;
  auto days = listed_days(errors, from, to, today(), kDefaultDays);
  errors.throw_if_any();
  std::vector<Patrol> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, team_id);
    out = teams_repo::patrols_of(tx, team_id, days.first, days.second);
  });
  return out;
}

}  // namespace antq::community
