// Fire-safety groups: who may do what, the rules of a group's members (one village,
// present, in no other group, 5–15 or a reason), each house's extinguishers and gear, and
// the group's points. Every change is audited in its own transaction, field names only.
#include "modules/community/fire_groups.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "modules/community/fire_repo.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "platform/error.hpp"
#include "platform/geo/point_text.hpp"
#include "platform/text/text.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxNote = 2000;
constexpr const char* kKeepers = "fire-safety groups are kept by commune officers, administrators and village teams";
constexpr const char* kReaders = "fire-safety groups are not for auditors";

std::string json(boost::json::object o) { return boost::json::serialize(o); }

void require_version(std::int64_t seen, std::int64_t stored, const char* what) {
  if (seen != stored) throw Error::conflict(std::string(what) + " was changed meanwhile");
}

}  // namespace

std::string FireGroups::today() const { return time::local_date(clock_.now()); }

FireGroupView FireGroups::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_read(actor), kReaders);
  auto g = fire_repo::group(tx, id);
  auto village = g ? units_.find(tx, g->village_id) : std::nullopt;
  if (!g || !village || !actor.covers(village->path)) throw Error::not_found("fire group");
  FireGroupView v{*g, village->name, village->path, 0};
  v.members = static_cast<std::int64_t>(households_repo::in_fire_group(tx, id).size());
  return v;
}

std::pair<Household, units::Unit> FireGroups::household_in_scope(db::Tx& tx, const Actor& actor,
                                                                 std::int64_t id) const {
  auto h = households_repo::get(tx, id);
  auto village = h ? units_.find(tx, h->village_id) : std::nullopt;
  if (!h || !village || !actor.covers(village->path)) throw Error::not_found("household");
  return {*h, *village};
}

FireGroup FireGroups::checked(db::Tx& tx, const Actor& actor, const FireGroupInput& in, FireGroup g) const {
  FieldErrors errors;
  auto day = today();
  if (!in.village_id) {
    errors.add("village_id", "required");
  } else {
    // A new place must be a village today; a group keeps its own even once merged away.
    auto village = units_.find(tx, *in.village_id);
    bool kept = g.id != 0 && village && village->id == g.village_id;
    if (!village || village->kind != units::Kind::residential_area || !actor.covers(village->path) ||
        !(kept || village->active_on(day))) {
      errors.add("village_id", "not_found");
    } else {
      g.village_id = village->id;
    }
  }
  g.name = bounded(errors, "name", in.name, kMaxName);
  if (g.name.empty()) errors.add("name", "required");
  g.leader_household_id = in.leader_household_id;
  g.founded_on = past_date(errors, "founded_on", in.founded_on, day);
  g.dissolved_on = past_date(errors, "dissolved_on", in.dissolved_on, day);
  if (g.founded_on && g.dissolved_on && *g.dissolved_on < *g.founded_on) errors.add("dissolved_on", "before_founded");
  g.note = bounded(errors, "note", in.note, kMaxNote);
  errors.throw_if_any();
  return g;
}

void FireGroups::write_members(db::Tx& tx, const FireGroup& group, const std::vector<std::int64_t>& ids,
                               const std::string& raw_reason) const {
  std::vector<FieldError> errors;
  auto fail = [&](const char* field, const char* code, std::string hint = {}) {
    errors.push_back(FieldError{field, code, std::nullopt, std::move(hint)});
  };
  auto day = today();
  std::vector<std::int64_t> wanted = ids;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (group.dissolved_on && !wanted.empty()) fail("household_ids", "group_dissolved");
  std::vector<std::int64_t> found;  // in the group's village and present: only these are named
  for (auto id : wanted) {
    auto h = households_repo::get(tx, id);
    if (!h || h->village_id != group.village_id || !rules::present_on(h->since_on, h->left_on, day)) {
      fail("household_ids", "not_found");
    } else if (!h->consent) {
      fail("household_ids", "no_consent", h->code);  // membership is voluntary (plan D3)
    } else {
      found.push_back(id);
    }
  }
  // A household already in another group: the household and the group by name.
  for (auto [household, other] : fire_repo::groups_of(tx, found)) {
    if (other == group.id) continue;
    auto taken = fire_repo::group(tx, other);
    auto h = households_repo::get(tx, household);
    fail("household_ids", "in_other_group",
         (h ? h->code + " → " : std::string()) + (taken ? taken->code + " " + taken->name : ""));
  }
  FieldErrors reason_errors;
  auto reason = bounded(reason_errors, "size_reason", raw_reason, kMaxNote);
  if (!reason_errors.empty()) fail("size_reason", "too_long");
  bool size_ok = rules::group_size_ok(wanted.size());
  if (!size_ok && reason.empty()) {
    fail("members", "group_size", fmt::format("{}–{}", rules::kGroupMin, rules::kGroupMax));
  }
  if (group.leader_household_id && !std::binary_search(wanted.begin(), wanted.end(), *group.leader_household_id)) {
    fail("leader_household_id", "not_member");
  }
  if (!errors.empty()) throw Error::validation(errors);
  std::set<std::int64_t> joining(wanted.begin(), wanted.end());
  for (const auto& h : households_repo::in_fire_group(tx, group.id)) {
    if (!joining.erase(h.id)) fire_repo::leave_group(tx, h.id);
  }
  for (auto id : joining) {
    if (fire_repo::join_group(tx, id, group, day)) continue;
    // Another group took it since the check, or it moved (PostgreSQL, two requests at once).
    auto taken = fire_repo::groups_of(tx, {id});
    if (!taken.empty()) throw Error::field("household_ids", "in_other_group");
    throw Error::conflict("the household was changed meanwhile");
  }
  FireGroup with_reason = group;
  with_reason.size_reason = size_ok ? "" : reason;
  if (!fire_repo::update_group(tx, with_reason, clock_.now())) throw Error::conflict("the group was changed meanwhile");
}

std::shared_ptr<const units::Service::UnitSet> FireGroups::villages_of(db::Tx& tx, const Actor& actor,
                                                                       std::optional<std::int64_t> unit_id) const {
  auto unit = units_.find(tx, unit_id.value_or(actor.scope_unit_id));
  if (!unit || !actor.covers(unit->path)) throw Error::not_found("unit");
  return units_.units_under(tx, unit->id, {units::Kind::residential_area});
}

FireDue FireGroups::due(const Actor& actor, std::optional<std::int64_t> unit_id) const {
  require(may_read(actor), kReaders);
  FireDue out;
  out.day = today();
  out.expiring_until = rules::add_days(out.day, rules::kExpiryNoticeDays);
  auto yesterday = rules::add_days(out.day, -1);
  auto first_of_year = out.day.substr(0, 4) + "-01-01";
  db_.read([&](db::Tx& tx) {
    auto ids = villages_of(tx, actor, unit_id)->ids_json;
    out.expired = fire_repo::extinguishers_due(tx, ids, std::nullopt, yesterday, FireDue::kDueListed);
    out.expiring = fire_repo::extinguishers_due(tx, ids, out.day, out.expiring_until, FireDue::kDueListed);
    out.without_drill = fire_repo::groups_without_drill(tx, ids, first_of_year, FireDue::kDueListed);
    out.without_extinguisher = fire_repo::houses_without_extinguisher(tx, ids, out.day, FireDue::kDueListed);
  });
  return out;
}

FireCoverage FireGroups::coverage(const Actor& actor, std::optional<std::int64_t> unit_id) const {
  require(may_read(actor), kReaders);
  FireCoverage out;
  auto day = today();
  db_.read([&](db::Tx& tx) {
    auto villages = villages_of(tx, actor, unit_id);
    std::map<std::int64_t, VillageCoverage> figures;
    for (const auto& c : fire_repo::coverage(tx, villages->ids_json, day)) figures[c.village_id] = c;
    for (const auto& village : villages->units) {
      auto it = figures.find(village.id);
      bool active = village.active_on(day);
      if (!active && it == figures.end()) continue;
      VillageFireCoverage row{village.id, village.name, !active, 0, 0, std::nullopt};
      if (it != figures.end()) row.households = it->second.households, row.in_group = it->second.in_group;
      row.share = rules::share(row.in_group, row.households);
      out.households += row.households;
      out.in_group += row.in_group;
      out.villages.push_back(std::move(row));
    }
  });
  out.share = rules::share(out.in_group, out.households);
  return out;
}

Page<FireGroupView> FireGroups::list(const Actor& actor, const FireGroupFilter& in) const {
  require(may_read(actor), kReaders);
  fire_repo::GroupFilter f;
  f.terms = text::search_terms(in.q);
  f.include_dissolved = in.include_dissolved;
  f.page = std::max(1, in.page);
  f.page_size = std::clamp(in.page_size, 1, 500);
  Page<FireGroupView> out;
  db_.read([&](db::Tx& tx) {
    auto villages = villages_of(tx, actor, in.unit_id);
    std::map<std::int64_t, const units::Unit*> by_id;
    for (const auto& v : villages->units) by_id[v.id] = &v;
    auto page = fire_repo::groups(tx, villages->ids_json, f);
    out.total = page.total;
    for (auto& row : page.items) {
      const auto* village = by_id.at(row.group.village_id);
      out.items.push_back(FireGroupView{std::move(row.group), village->name, village->path, row.members});
    }
  });
  return out;
}

FireGroupDetail FireGroups::get(const Actor& actor, std::int64_t id) const {
  FireGroupDetail out;
  db_.read([&](db::Tx& tx) {
    out.view = load(tx, actor, id);
    auto members = households_repo::in_fire_group(tx, id);
    std::vector<std::int64_t> ids;
    ids.reserve(members.size());
    for (const auto& h : members) ids.push_back(h.id);
    std::map<std::int64_t, MemberHouse> houses;
    for (const auto& h : members) houses[h.id] = MemberHouse{h.id, h.code, h.head_name, h.address, h.members, {}, {}};
    for (auto& e : fire_repo::extinguishers_of(tx, ids)) houses[e.household_id].extinguishers.push_back(std::move(e));
    for (auto& g : fire_repo::gear_of(tx, ids)) houses[g.household_id].gear = std::move(g);
    for (const auto& h : members) {
      auto& house = houses[h.id];
      std::stable_partition(house.extinguishers.begin(), house.extinguishers.end(),
                            [](const Extinguisher& e) { return !e.retired_on; });
      out.houses.push_back(std::move(house));
    }
    out.points = fire_repo::points_of(tx, id);
  });
  return out;
}

FireGroupView FireGroups::create(const Actor& actor, const FireGroupInput& input) const {
  require(may_write(actor), kKeepers);
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    FireGroup g = checked(tx, actor, input, FireGroup{});
    g.demo = input.demo;
    auto village = *units_.find(tx, g.village_id);
    auto commune = *units_.find(tx, *village.parent_id);
    g.code = fmt::format("{}-LG-{:05d}", commune.code, households_repo::next_number(tx, commune.id, "LG"));
    auto leader = g.leader_household_id;
    g.leader_household_id.reset();  // set once the members are in
    g.id = id = fire_repo::insert_group(tx, g, clock_.now());
    g.leader_household_id = leader;
    write_members(tx, g, input.household_ids, input.size_reason);
    audit_.record(tx, actor, "fire_group.create", "fire_group", std::to_string(id),
                  json({{"code", g.code}, {"households", input.household_ids.size()}}));
  });
  FireGroupView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

FireGroupView FireGroups::update(const Actor& actor, std::int64_t id, const FireGroupInput& input) const {
  require(may_write(actor), kKeepers);
  db_.write([&](db::Tx& tx) {
    auto before = load(tx, actor, id).group;
    require_version(input.version, before.version, "the group");
    FireGroup after = checked(tx, actor, input, before);
    if (after.village_id != before.village_id && !households_repo::in_fire_group(tx, id).empty()) {
      throw Error::field("village_id", "has_members");
    }
    // The leader is a member; a dissolved group keeps the leader it had, or none.
    if (after.leader_household_id && after.leader_household_id != before.leader_household_id) {
      if (after.dissolved_on) throw Error::field("leader_household_id", "group_dissolved");
      auto members = households_repo::in_fire_group(tx, id);
      bool member = std::any_of(members.begin(), members.end(),
                                [&](const Household& h) { return h.id == *after.leader_household_id; });
      if (!member) throw Error::field("leader_household_id", "not_member");
    }
    if (!fire_repo::update_group(tx, after, clock_.now())) throw Error::conflict("the group was changed meanwhile");
    // A group dissolved lets its households go: they may join another one.
    if (after.dissolved_on && !before.dissolved_on) {
      for (const auto& h : households_repo::in_fire_group(tx, id)) fire_repo::leave_group(tx, h.id);
    }
    boost::json::array fields;
    if (after.name != before.name) fields.emplace_back("name");
    if (after.village_id != before.village_id) fields.emplace_back("village_id");
    if (after.leader_household_id != before.leader_household_id) fields.emplace_back("leader_household_id");
    if (after.founded_on != before.founded_on) fields.emplace_back("founded_on");
    if (after.dissolved_on != before.dissolved_on) fields.emplace_back("dissolved_on");
    if (after.note != before.note) fields.emplace_back("note");
    audit_.record(tx, actor, "fire_group.update", "fire_group", std::to_string(id), json({{"fields", fields}}));
  });
  FireGroupView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

FireGroupView FireGroups::set_members(const Actor& actor, std::int64_t id, const std::vector<std::int64_t>& ids,
                                      const std::string& size_reason, std::int64_t version) const {
  require(may_write(actor), kKeepers);
  db_.write([&](db::Tx& tx) {
    auto group = load(tx, actor, id).group;
    require_version(version, group.version, "the group");
    write_members(tx, group, ids, size_reason);
    audit_.record(tx, actor, "fire_group.members", "fire_group", std::to_string(id),
                  json({{"households", ids.size()}, {"size_reason", !size_reason.empty()}}));
  });
  FireGroupView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

Extinguisher FireGroups::checked(const ExtinguisherInput& in, Extinguisher e) const {
  FieldErrors errors;
  auto day = today();
  if (in.kind != "abc_powder" && in.kind != "co2" && in.kind != "other") errors.add("kind", "unknown_value");
  e.kind = in.kind;
  e.kind_note = bounded(errors, "kind_note", in.kind_note, kMaxName);
  if (in.capacity_kg && (*in.capacity_kg <= 0 || *in.capacity_kg > 100)) errors.add("capacity_kg", "out_of_range");
  e.capacity_kg = in.capacity_kg;
  if (in.count < 1 || in.count > 20) errors.add("count", "out_of_range");
  e.count = in.count;
  e.manufactured_on = past_date(errors, "manufactured_on", in.manufactured_on, day);
  e.last_refill_on = past_date(errors, "last_refill_on", in.last_refill_on, day);
  auto expires = any_date(errors, "expires_on", in.expires_on);
  if (in.expires_on.empty()) errors.add("expires_on", "required");
  e.expires_on = expires.value_or("");
  if (e.manufactured_on && expires && *expires <= *e.manufactured_on) {
    errors.add("expires_on", "before_manufactured");
  }
  if (e.manufactured_on && e.last_refill_on && *e.last_refill_on < *e.manufactured_on) {
    errors.add("last_refill_on", "before_manufactured");
  }
  errors.throw_if_any();
  return e;
}

Extinguisher FireGroups::add_extinguisher(const Actor& actor, std::int64_t household_id,
                                          const ExtinguisherInput& input) const {
  require(may_write(actor), kKeepers);
  Extinguisher e = checked(input, Extinguisher{});
  db_.write([&](db::Tx& tx) {
    auto [household, village] = household_in_scope(tx, actor, household_id);
    fire_repo::lock_household(tx, household.id);
    e.household_id = household.id;
    e.village_id = household.village_id;
    e.id = fire_repo::insert_extinguisher(tx, e, clock_.now());
    fire_repo::refresh_extinguisher_count(tx, household.id);
    audit_.record(tx, actor, "extinguisher.create", "household", std::to_string(household.id),
                  json({{"extinguisher", e.id}, {"count", e.count}}));
  });
  return e;
}

Extinguisher FireGroups::update_extinguisher(const Actor& actor, std::int64_t id,
                                             const ExtinguisherInput& input) const {
  require(may_write(actor), kKeepers);
  Extinguisher out;
  db_.write([&](db::Tx& tx) {
    auto before = fire_repo::extinguisher(tx, id);
    if (!before) throw Error::not_found("extinguisher");
    household_in_scope(tx, actor, before->household_id);
    fire_repo::lock_household(tx, before->household_id);
    require_version(input.version, before->version, "the extinguisher");
    out = checked(input, *before);
    if (!fire_repo::update_extinguisher(tx, out, clock_.now())) {
      throw Error::conflict("the extinguisher was changed meanwhile");
    }
    ++out.version;
    fire_repo::refresh_extinguisher_count(tx, out.household_id);
    audit_.record(tx, actor, "extinguisher.update", "household", std::to_string(out.household_id),
                  json({{"extinguisher", id}}));
  });
  return out;
}

Extinguisher FireGroups::retire_extinguisher(const Actor& actor, std::int64_t id, std::optional<std::string> on,
                                             std::int64_t version) const {
  require(may_write(actor), kKeepers);
  FieldErrors errors;
  auto day = past_date(errors, "retired_on", on, today()).value_or(today());
  errors.throw_if_any();
  Extinguisher out;
  db_.write([&](db::Tx& tx) {
    auto e = fire_repo::extinguisher(tx, id);
    if (!e) throw Error::not_found("extinguisher");
    household_in_scope(tx, actor, e->household_id);
    fire_repo::lock_household(tx, e->household_id);
    require_version(version, e->version, "the extinguisher");
    if (e->manufactured_on && day < *e->manufactured_on) throw Error::field("retired_on", "before_manufactured");
    e->retired_on = day;
    if (!fire_repo::update_extinguisher(tx, *e, clock_.now())) {
      throw Error::conflict("the extinguisher was changed meanwhile");
    }
    ++e->version;
    fire_repo::refresh_extinguisher_count(tx, e->household_id);
    audit_.record(tx, actor, "extinguisher.retire", "household", std::to_string(e->household_id),
                  json({{"extinguisher", id}}));
    out = *e;
  });
  return out;
}

HouseholdGear FireGroups::put_gear(const Actor& actor, std::int64_t household_id, const HouseholdGear& in) const {
  require(may_write(actor), kKeepers);
  FieldErrors errors;
  HouseholdGear g = in;
  g.household_id = household_id;
  g.forcing_tools = bounded(errors, "forcing_tools", in.forcing_tools, kMaxName);
  if (in.forcing_tool_count < 0 || in.forcing_tool_count > 50) errors.add("forcing_tool_count", "out_of_range");
  if (in.push_buttons < 0 || in.push_buttons > 20) errors.add("push_buttons", "out_of_range");
  g.checked_on = past_date(errors, "checked_on", in.checked_on, today());
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    household_in_scope(tx, actor, household_id);
    fire_repo::put_gear(tx, g, clock_.now());
    audit_.record(tx, actor, "fire_gear.update", "household", std::to_string(household_id));
  });
  return g;
}

FirePoint FireGroups::checked(db::Tx& tx, const FireGroupView& group, const FirePointInput& in, FirePoint p) const {
  FieldErrors errors;
  p.group_id = group.group.id;
  p.name = bounded(errors, "name", in.name, kMaxName);
  if (p.name.empty()) errors.add("name", "required");
  p.equipment = bounded(errors, "equipment", in.equipment, kMaxNote);
  p.note = bounded(errors, "note", in.note, kMaxNote);
  auto parsed = geo::parse_point(in.point);
  if (!parsed.point) errors.add("point", in.point.empty() ? "required" : parsed.problem);
  errors.throw_if_any();
  p.lon = parsed.point->lon;
  p.lat = parsed.point->lat;
  auto village = *units_.find(tx, group.group.village_id);
  auto commune = *units_.find(tx, *village.parent_id);
  boundaries_.require_in_commune(commune, *parsed.point, in.confirm_location, "point");
  return p;
}

FirePoint FireGroups::add_point(const Actor& actor, std::int64_t group_id, const FirePointInput& input) const {
  require(may_write(actor), kKeepers);
  FirePoint p;
  db_.write([&](db::Tx& tx) {
    p = checked(tx, load(tx, actor, group_id), input, FirePoint{});
    p.id = fire_repo::insert_point(tx, p, clock_.now());
    audit_.record(tx, actor, "fire_point.create", "fire_group", std::to_string(group_id), json({{"point", p.id}}));
  });
  return p;
}

FirePoint FireGroups::update_point(const Actor& actor, std::int64_t id, const FirePointInput& input) const {
  require(may_write(actor), kKeepers);
  FirePoint p;
  db_.write([&](db::Tx& tx) {
    auto stored = fire_repo::point(tx, id);
    if (!stored) throw Error::not_found("fire point");
    p = checked(tx, load(tx, actor, stored->group_id), input, *stored);
    fire_repo::update_point(tx, p, clock_.now());
    audit_.record(tx, actor, "fire_point.update", "fire_group", std::to_string(p.group_id), json({{"point", id}}));
  });
  return p;
}

void FireGroups::delete_point(const Actor& actor, std::int64_t id) const {
  require(may_write(actor), kKeepers);
  db_.write([&](db::Tx& tx) {
    auto stored = fire_repo::point(tx, id);
    if (!stored) throw Error::not_found("fire point");
    load(tx, actor, stored->group_id);
    fire_repo::delete_point(tx, id);
    audit_.record(tx, actor, "fire_point.delete", "fire_group", std::to_string(stored->group_id),
                  json({{"point", id}}));
  });
}

}  // namespace antq::community
