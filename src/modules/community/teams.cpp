// Village security teams: who may do what, a team's villages (one commune), its members
// (one team at a time per person, one leader at a time per team) and every change audited
// with field names only. Patrols are in patrols.cpp.
#include "modules/community/teams.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "modules/community/teams_repo.hpp"
#include "platform/error.hpp"
#include "platform/privacy/personal_key.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxShort = 50;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxNote = 2000;
constexpr const char* kKeepers = "security teams are kept by commune officers and administrators";
constexpr const char* kReaders = "security teams are not for auditors";
constexpr const char* kNever = "9999-12-31";

std::string json(boost::json::object o) { return boost::json::serialize(o); }

// [joined, left) of two memberships meet.
bool overlap(const TeamMember& a, const TeamMember& b) {
  return a.joined_on < b.left_on.value_or(kNever) && b.joined_on < a.left_on.value_or(kNever);
}

// Field errors that carry a hint (a day, a name), thrown together.
struct Hinted {
  std::vector<FieldError> errors;
  void add(const char* field, const char* code, std::string hint = {}) {
    errors.push_back(FieldError{field, code, std::nullopt, std::move(hint)});
  }
  void throw_if_any() const {
    if (!errors.empty()) throw Error::validation(errors);
  }
};

// A team's dates around what it holds: founded before its first member and patrol,
// dissolved after the last ones.
void require_span(const teams_repo::TeamSpan& held, const SecurityTeam& t) {
  Hinted errors;
  if (t.founded_on && held.first_joined && *held.first_joined < *t.founded_on) {
    errors.add("founded_on", "after_members", *held.first_joined);
  } else if (t.founded_on && held.first_patrol && *held.first_patrol < *t.founded_on) {
    errors.add("founded_on", "after_patrols", *held.first_patrol);
  }
  if (t.dissolved_on && held.last_joined && *held.last_joined >= *t.dissolved_on) {
    errors.add("dissolved_on", "before_members", *held.last_joined);
  } else if (t.dissolved_on && held.last_patrol && *held.last_patrol >= *t.dissolved_on) {
    errors.add("dissolved_on", "before_patrols", *held.last_patrol);
  }
  errors.throw_if_any();
}

// The dates of a member against their age, their team's life and their patrols.
void require_dates(const TeamMember& m, const SecurityTeam& team, const teams_repo::PatrolSpan& patrols) {
  Hinted errors;
  if (!rules::adult_on(m.birth_date, m.joined_on)) errors.add("birth_date", "under_18");
  if (team.founded_on && m.joined_on < *team.founded_on) errors.add("joined_on", "before_founded");
  if (team.dissolved_on && m.joined_on >= *team.dissolved_on) errors.add("joined_on", "after_dissolved");
  if (team.dissolved_on && !m.left_on) errors.add("left_on", "required");
  if (team.dissolved_on && m.left_on && *m.left_on > *team.dissolved_on) errors.add("left_on", "after_dissolved");
  const auto& [first, last] = patrols;
  if (first && *first < m.joined_on) errors.add("joined_on", "has_patrols", *first);
  if (last && m.left_on && *last >= *m.left_on) errors.add("left_on", "has_patrols", *last);
  errors.throw_if_any();
}

}  // namespace

void Teams::under_gradings(db::Tx& tx, std::int64_t commune_id, const std::function<void()>& change) const {
  auto commune = *units_.find(tx, commune_id);
  auto finals = teams_repo::final_grading_years(tx, commune_id);
  auto outcome = [&](int year) {
    std::string key;
    for (const auto& g : sheet(tx, commune, year).members) {
      key += fmt::format("{}:{}:{};", g.member.id, g.not_eligible, g.grade.value_or(""));
    }
    return key;
  };
  std::vector<std::string> before;
  before.reserve(finals.size());
  for (auto year : finals) before.push_back(outcome(year));
  change();
  for (std::size_t i = 0; i < finals.size(); ++i) {
    if (outcome(finals[i]) != before[i]) {
      throw Error::validation({FieldError{"grading", "grading_final", std::nullopt, std::to_string(finals[i])}});
    }
  }
  teams_repo::bump_gradings(tx, commune_id);
}

std::string Teams::today() const { return time::local_date(clock_.now()); }

TeamView Teams::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_read(actor), kReaders);
  auto t = teams_repo::team(tx, id);
  auto commune = t ? units_.find(tx, t->commune_id) : std::nullopt;
  if (!t || !commune) throw Error::not_found("security team");
  TeamView v{*t, commune->name, {}, 0};
  bool covered = actor.covers(commune->path);
  for (auto village_id : teams_repo::village_ids(tx, id)) {
    auto village = units_.find(tx, village_id);
    if (!village) continue;
    covered = covered || actor.covers(village->path);
    v.villages.push_back(TeamVillage{village->id, village->name});
  }
  if (!covered) throw Error::not_found("security team");
  v.members = teams_repo::members_on(tx, id, today());
  return v;
}

SecurityTeam Teams::checked(db::Tx& tx, const Actor& actor, const TeamInput& in, SecurityTeam t,
                            std::vector<units::Unit>& villages) const {
  FieldErrors errors;
  auto day = today();
  std::set<std::int64_t> kept;
  if (t.id != 0) {
    auto ids = teams_repo::village_ids(tx, t.id);
    kept.insert(ids.begin(), ids.end());
  }
  std::set<std::int64_t> wanted(in.village_ids.begin(), in.village_ids.end());
  if (wanted.empty()) errors.add("village_ids", "required");
  std::int64_t commune_id = t.id != 0 ? t.commune_id : 0;  // 0: the first village says
  for (auto id : wanted) {
    auto village = units_.find(tx, id);
    // A new village must be one today; a team keeps its own even once merged away.
    if (!village || village->kind != units::Kind::residential_area || !actor.covers(village->path) ||
        !village->parent_id || !(kept.contains(id) || village->active_on(day))) {
      errors.add("village_ids", "not_found");
      continue;
    }
    if (commune_id != 0 && commune_id != *village->parent_id) {
      errors.add("village_ids", "other_commune");
      continue;
    }
    commune_id = *village->parent_id;
    villages.push_back(*village);
  }
  t.commune_id = commune_id;
  t.name = bounded(errors, "name", in.name, kMaxName);
  if (t.name.empty()) errors.add("name", "required");
  t.decision_number = bounded(errors, "decision_number", in.decision_number, kMaxShort);
  t.decision_on = past_date(errors, "decision_on", in.decision_on, day);
  t.decision_signer = bounded(errors, "decision_signer", in.decision_signer, kMaxName);
  t.founded_on = past_date(errors, "founded_on", in.founded_on, day);
  t.dissolved_on = past_date(errors, "dissolved_on", in.dissolved_on, day);
  if (t.founded_on && t.dissolved_on && *t.dissolved_on < *t.founded_on) errors.add("dissolved_on", "before_founded");
  t.note = bounded(errors, "note", in.note, kMaxNote);
  errors.throw_if_any();
  return t;
}

Page<TeamView> Teams::list(const Actor& actor, const TeamFilter& in) const {
  require(may_read(actor), kReaders);
  teams_repo::TeamFilter f;
  f.terms = text::search_terms(in.q);
  f.include_dissolved = in.include_dissolved;
  f.page = std::max(1, in.page);
  f.page_size = std::clamp(in.page_size, 1, 500);
  Page<TeamView> out;
  db_.read([&](db::Tx& tx) {
    auto unit = units_.find(tx, in.unit_id.value_or(actor.scope_unit_id));
    if (!unit || !actor.covers(unit->path)) throw Error::not_found("unit");
    auto villages = units_.units_under(tx, unit->id, {units::Kind::residential_area});
    auto page = teams_repo::teams(tx, villages->ids_json, f);
    out.total = page.total;
    for (const auto& t : page.items) out.items.push_back(load(tx, actor, t.id));
  });
  return out;
}

TeamDetail Teams::get(const Actor& actor, std::int64_t id) const {
  TeamDetail out;
  db_.read([&](db::Tx& tx) {
    out.view = load(tx, actor, id);
    out.members = teams_repo::members_of(tx, id);
    // A birth date is for those who keep the team; the others see the year.
    if (!may_keep_teams(actor)) {
      for (auto& m : out.members) m.birth_date.clear();
    }
  });
  return out;
}

TeamView Teams::create(const Actor& actor, const TeamInput& input) const {
  require(may_keep_teams(actor), kKeepers);
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    std::vector<units::Unit> villages;
    auto t = checked(tx, actor, input, SecurityTeam{}, villages);
    auto commune = *units_.find(tx, t.commune_id);
    t.demo = input.demo;
    t.code = fmt::format("{}-TBV-{:03d}", commune.code, households_repo::next_number(tx, commune.id, "TBV"));
    id = teams_repo::insert_team(tx, t, clock_.now());
    std::vector<std::int64_t> ids;
    ids.reserve(villages.size());
    for (const auto& v : villages) ids.push_back(v.id);
    teams_repo::set_villages(tx, id, ids);
    audit_.record(tx, actor, "security_team.create", "security_team", std::to_string(id),
                  json({{"code", t.code}, {"villages", ids.size()}}));
  });
  TeamView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

TeamView Teams::update(const Actor& actor, std::int64_t id, const TeamInput& input) const {
  require(may_keep_teams(actor), kKeepers);
  db_.write([&](db::Tx& tx) {
    auto before = load(tx, actor, id);
    if (input.version != before.team.version) throw Error::conflict("the team was changed meanwhile");
    std::vector<units::Unit> villages;
    auto after = checked(tx, actor, input, before.team, villages);
    require_span(teams_repo::span(tx, id), after);
    under_gradings(tx, after.commune_id, [&] {
      if (!teams_repo::update_team(tx, after, clock_.now())) throw Error::conflict("the team was changed meanwhile");
      if (after.dissolved_on) teams_repo::end_memberships(tx, id, *after.dissolved_on, clock_.now());
    });
    std::vector<std::int64_t> ids;
    ids.reserve(villages.size());
    for (const auto& v : villages) ids.push_back(v.id);
    std::sort(ids.begin(), ids.end());
    boost::json::array fields;
    const auto& b = before.team;
    if (ids != teams_repo::village_ids(tx, id)) fields.emplace_back("village_ids");
    teams_repo::set_villages(tx, id, ids);
    if (after.name != b.name) fields.emplace_back("name");
    if (after.decision_number != b.decision_number || after.decision_on != b.decision_on ||
        after.decision_signer != b.decision_signer) {
      fields.emplace_back("decision");
    }
    if (after.founded_on != b.founded_on) fields.emplace_back("founded_on");
    if (after.dissolved_on != b.dissolved_on) fields.emplace_back("dissolved_on");
    if (after.note != b.note) fields.emplace_back("note");
    audit_.record(tx, actor, "security_team.update", "security_team", std::to_string(id), json({{"fields", fields}}));
  });
  TeamView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

TeamMember Teams::write_member(db::Tx& tx, const Actor& actor, const TeamView& team, const MemberInput& in,
                               std::optional<TeamMember> before) const {
  FieldErrors errors;
  auto day = today();
  teams_repo::StoredMember s;
  if (before) s = *teams_repo::member(tx, before->id);
  auto& m = s.member;
  m.team_id = team.team.id;
  m.full_name = bounded(errors, "full_name", in.full_name, kMaxName);
  if (m.full_name.empty()) errors.add("full_name", "required");
  auto born = past_date(errors, "birth_date", in.birth_date, day);
  if (!born && in.birth_date.empty()) errors.add("birth_date", "required");
  m.birth_date = born.value_or("");
  if (in.position != "leader" && in.position != "deputy" && in.position != "member") {
    errors.add("position", "unknown_value");
  }
  m.position = in.position;
  m.residence = bounded(errors, "residence", in.residence, kMaxAddress);
  auto joined = past_date(errors, "joined_on", in.joined_on, day);
  if (!joined && in.joined_on.empty()) errors.add("joined_on", "required");
  m.joined_on = joined.value_or("");
  m.left_on = past_date(errors, "left_on", in.left_on, day);
  if (joined && m.left_on && *m.left_on < *joined) errors.add("left_on", "before_joined");

  m.note = bounded(errors, "note", in.note, kMaxNote);
  if (in.phone && in.phone->empty()) {
    s.phone_sealed.reset();
    s.phone_lookup.reset();
  } else if (in.phone) {
    auto check = text::normalise_phone(*in.phone);
    if (!check.phone) {
      errors.add("phone", check.error);
    } else {
      s.phone_sealed = personal_key_.seal(check.phone->e164);
      s.phone_lookup = personal_key_.lookup(check.phone->e164);
    }
  }
  m.phone_public = in.phone_public;
  if (m.phone_public && !s.phone_sealed) errors.add("phone_public", "no_phone");
  errors.throw_if_any();
  require_dates(m, team.team, before ? teams_repo::member_patrols(tx, before->id) : teams_repo::PatrolSpan{});
  privacy::check_key(tx, personal_key_, clock_.now());  // sealed and hashed under the key on record
  s.person_lookup = personal_key_.lookup(text::fold(m.full_name) + "|" + m.birth_date);
  m.has_phone = s.phone_sealed.has_value();
  m.birth_year = std::stoi(m.birth_date.substr(0, 4));

  teams_repo::lock_team(tx, team.team.id);       // two leaders added at once are checked in turn
  teams_repo::lock_person(tx, s.person_lookup);  // and one person in two teams at once
  std::vector<FieldError> clashes;
  for (const auto& other : teams_repo::memberships(tx, s.person_lookup)) {
    if (other.id == m.id || !overlap(m, other)) continue;
    std::string hint;
    try {
      auto t = load(tx, actor, other.team_id);
      hint = t.team.code + " " + t.team.name;
    } catch (const Error&) {
      // Another commune's team: the clash is told, not where.
    }
    clashes.push_back(FieldError{"full_name", "in_other_team", std::nullopt, hint});
    break;
  }
  if (m.position == "leader") {
    for (const auto& other : teams_repo::members_of(tx, team.team.id)) {
      if (other.id != m.id && other.position == "leader" && overlap(m, other)) {
        clashes.push_back(FieldError{"position", "second_leader", std::nullopt, other.full_name});
        break;
      }
    }
  }
  if (!clashes.empty()) throw Error::validation(clashes);
  if (before) {
    if (!teams_repo::update_member(tx, s, clock_.now())) throw Error::conflict("the member was changed meanwhile");
    ++m.version;
  } else {
    m.id = teams_repo::insert_member(tx, s, clock_.now());
    m.version = 1;
  }
  return m;
}

TeamMember Teams::add_member(const Actor& actor, std::int64_t team_id, const MemberInput& input) const {
  require(may_keep_teams(actor), kKeepers);
  TeamMember out;
  db_.write([&](db::Tx& tx) {
    auto team = load(tx, actor, team_id);
    under_gradings(tx, team.team.commune_id, [&] { out = write_member(tx, actor, team, input, std::nullopt); });
    audit_.record(tx, actor, "team_member.create", "security_team", std::to_string(team_id),
                  json({{"member", out.id}, {"position", out.position}}));
  });
  return out;
}

TeamMember Teams::update_member(const Actor& actor, std::int64_t member_id, const MemberInput& input) const {
  require(may_keep_teams(actor), kKeepers);
  TeamMember out;
  db_.write([&](db::Tx& tx) {
    auto stored = teams_repo::member(tx, member_id);
    if (!stored) throw Error::not_found("team member");
    auto team = load(tx, actor, stored->member.team_id);
    if (input.version != stored->member.version) throw Error::conflict("the member was changed meanwhile");
    const auto& b = stored->member;
    under_gradings(tx, team.team.commune_id, [&] { out = write_member(tx, actor, team, input, b); });
    boost::json::array fields;
    if (out.full_name != b.full_name || out.birth_date != b.birth_date) fields.emplace_back("identity");
    if (out.position != b.position) fields.emplace_back("position");
    if (out.residence != b.residence) fields.emplace_back("residence");
    if (out.has_phone != b.has_phone || (input.phone && !input.phone->empty())) fields.emplace_back("phone");
    if (out.phone_public != b.phone_public) fields.emplace_back("phone_public");
    if (out.joined_on != b.joined_on) fields.emplace_back("joined_on");
    if (out.left_on != b.left_on) fields.emplace_back("left_on");
    if (out.note != b.note) fields.emplace_back("note");
    audit_.record(tx, actor, "team_member.update", "security_team", std::to_string(b.team_id),
                  json({{"member", member_id}, {"fields", fields}}));
  });
  return out;
}

}  // namespace antq::community
