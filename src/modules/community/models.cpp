// Self-management models: types kept by administrators, sites by commune officers and
// administrators, every change audited with field names only.
#include "modules/community/models.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "modules/community/fire_repo.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/model_parts_repo.hpp"
#include "modules/community/models_repo.hpp"
#include "modules/community/rules.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxNote = 2000;
constexpr const char* kTypeKeepers = "model types are kept by administrators";
constexpr const char* kSiteKeepers = "model sites are kept by commune officers and administrators";
constexpr const char* kReaders = "model sites are not for auditors";

std::string json(boost::json::object o) { return boost::json::serialize(o); }

// A type's code: 2–20 capital letters and digits ("TKANNINH").
bool valid_code(const std::string& code) {
  return code.size() >= 2 && code.size() <= 20 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool site_kind(units::Kind kind) {
  const auto& kinds = Models::site_unit_kinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

ModelType checked_type(const ModelTypeInput& in, ModelType t) {
  FieldErrors errors;
  if (!valid_code(in.code)) errors.add("code", "invalid_format");
  if (t.builtin && in.code != t.code) errors.add("code", "builtin");
  auto name = bounded(errors, "name", in.name, kMaxName);
  if (name.empty()) errors.add("name", "required");
  if (t.builtin && name != t.name) errors.add("name", "builtin");
  if (t.builtin && in.linked != t.linked) errors.add("linked", "builtin");
  t.name = name;
  t.description = bounded(errors, "description", in.description, kMaxNote);
  if (in.sort < 0 || in.sort > 10000) errors.add("sort", "out_of_range");
  errors.throw_if_any();
  t.code = in.code;
  t.linked = in.linked;
  t.active = in.active;
  t.sort = in.sort;
  return t;
}

// Whether a site runs in `year`: from its launch's year to the year of its last day (the
// day before `ended_on`), or next year while it runs (a standing unit is named ahead).
bool standing_year_ok(const ModelSite& s, int year, const std::string& today) {
  int first = std::stoi(s.launched_on.substr(0, 4));
  int last = s.ended_on ? std::stoi(rules::add_days(*s.ended_on, -1).substr(0, 4)) : std::stoi(today.substr(0, 4)) + 1;
  return year >= first && year <= last;
}

}  // namespace

const std::vector<units::Kind>& Models::site_unit_kinds() {
  static const std::vector<units::Kind> kinds{
      units::Kind::commune, units::Kind::ward,       units::Kind::special_zone, units::Kind::residential_area,
      units::Kind::agency,  units::Kind::enterprise, units::Kind::school};
  return kinds;
}

ModelSiteView Models::kept_site(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_keep_teams(actor), kSiteKeepers);
  auto v = load(tx, actor, id);
  auto unit = units_.find(tx, v.site.unit_id);
  // A linked site is read by each of its units, kept by its own unit's officers.
  if (!unit || !actor.covers(unit->path)) throw Error::forbidden("a linked site is kept by its own unit");
  return v;
}

ModelSiteView Models::load_kept(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_keep_teams(actor), kSiteKeepers);
  model_parts_repo::lock_site(tx, id);
  return kept_site(tx, actor, id);
}

ModelSiteView Models::load_recorded(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_witness(actor), "model activities are recorded by commune officers and village teams");
  model_parts_repo::lock_site(tx, id);
  auto v = load(tx, actor, id);
  auto unit = units_.find(tx, v.site.unit_id);
  if (!unit || !actor.covers(unit->path)) throw Error::forbidden("a linked site's log is kept by its own unit");
  return v;
}

bool Models::assessable_year(const ModelSite& s, int year) const {
  auto day = today();
  auto last = s.ended_on ? std::min(rules::add_days(*s.ended_on, -1), day) : day;
  return year >= std::stoi(s.launched_on.substr(0, 4)) && year <= std::stoi(last.substr(0, 4));
}

void Models::require_span(db::Tx& tx, const ModelSite& after) const {
  auto span = model_parts_repo::span(tx, after.id);
  if (span.first && *span.first < after.launched_on) throw Error::field("launched_on", "after_records");
  if (after.ended_on &&
      ((span.last && *span.last >= *after.ended_on) || (span.last_end && *span.last_end > *after.ended_on))) {
    throw Error::field("ended_on", "before_records");
  }
  for (const auto& a : model_parts_repo::assessments(tx, after.id)) {
    if (!assessable_year(after, a.year)) {
      throw Error::validation({FieldError{"launched_on", "assessment_year", std::nullopt, std::to_string(a.year)}});
    }
  }
}

std::string Models::today() const { return time::local_date(clock_.now()); }

std::vector<ModelType> Models::types(const Actor& actor) const {
  require(may_read(actor), kReaders);
  std::vector<ModelType> out;
  db_.read([&](db::Tx& tx) { out = models_repo::types(tx); });
  return out;
}

ModelType Models::add_type(const Actor& actor, const ModelTypeInput& input) const {
  require(may_keep_types(actor), kTypeKeepers);
  auto t = checked_type(input, ModelType{});
  db_.write([&](db::Tx& tx) {
    if (models_repo::code_taken(tx, t.code)) throw Error::field("code", "taken");
    t.id = models_repo::insert_type(tx, t);
    audit_.record(tx, actor, "model_type.create", "model_type", std::to_string(t.id), json({{"code", t.code}}));
  });
  return t;
}

ModelType Models::update_type(const Actor& actor, std::int64_t id, const ModelTypeInput& input) const {
  require(may_keep_types(actor), kTypeKeepers);
  ModelType out;
  db_.write([&](db::Tx& tx) {
    auto before = models_repo::type(tx, id);
    if (!before) throw Error::not_found("model type");
    if (input.version != before->version) throw Error::conflict("the model type was changed meanwhile");
    out = checked_type(input, *before);
    if (out.code != before->code && models_repo::code_taken(tx, out.code)) throw Error::field("code", "taken");
    // Its sites' other units and standing units mean something only while it is linked.
    if (before->linked && !out.linked && models_repo::linked_sites(tx, id) > 0) {
      throw Error::field("linked", "has_participants");
    }
    if (!models_repo::update_type(tx, out)) throw Error::conflict("the model type was changed meanwhile");
    ++out.version;
    boost::json::array fields;
    if (out.code != before->code) fields.emplace_back("code");
    if (out.name != before->name) fields.emplace_back("name");
    if (out.description != before->description) fields.emplace_back("description");
    if (out.linked != before->linked) fields.emplace_back("linked");
    if (out.active != before->active) fields.emplace_back("active");
    if (out.sort != before->sort) fields.emplace_back("sort");
    audit_.record(tx, actor, "model_type.update", "model_type", std::to_string(id), json({{"fields", fields}}));
  });
  return out;
}

ModelSiteView Models::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_read(actor), kReaders);
  auto s = models_repo::site(tx, id);
  auto unit = s ? units_.find(tx, s->unit_id) : std::nullopt;
  if (!s || !unit) throw Error::not_found("model site");
  auto type = *models_repo::type(tx, s->type_id);
  ModelSiteView v{*s, type.name, type.linked, unit->name, {}, {}};
  bool covered = actor.covers(unit->path);
  for (const auto& p : models_repo::participants(tx, id)) {
    auto other = units_.find(tx, p.unit_id);
    if (!other) continue;
    covered = covered || actor.covers(other->path);
    v.participants.push_back(SiteUnit{other->id, other->name, p.joined_on});
  }
  if (!covered) throw Error::not_found("model site");
  for (auto st : models_repo::standing(tx, id)) {
    auto u = units_.find(tx, st.unit_id);
    st.unit_name = u ? u->name : "";
    v.standing.push_back(std::move(st));
  }
  return v;
}

ModelSite Models::checked(db::Tx& tx, const Actor& actor, const ModelSiteInput& in, ModelSite s,
                          std::vector<SiteUnitInput>& participants) const {
  FieldErrors errors;
  auto day = today();
  if (s.id == 0) {
    auto type = models_repo::type(tx, in.type_id);
    if (!type) {
      errors.add("type_id", "not_found");
    } else if (type->source) {
      errors.add("type_id", "automatic");  // its sites are another service's records
    } else if (!type->active) {
      errors.add("type_id", "inactive");
    }
    auto unit = units_.find(tx, in.unit_id);
    if (!unit || !actor.covers(unit->path) || !unit->active_on(day)) {
      errors.add("unit_id", "not_found");
    } else if (!site_kind(unit->kind)) {
      errors.add("unit_id", "not_site_unit");
    }
    s.type_id = in.type_id;
    s.unit_id = in.unit_id;
  } else {
    if (in.type_id != s.type_id) errors.add("type_id", "cannot_change");
    if (in.unit_id != s.unit_id) errors.add("unit_id", "cannot_change");
  }
  s.name = bounded(errors, "name", in.name, kMaxName);
  if (s.name.empty()) errors.add("name", "required");
  auto launched = past_date(errors, "launched_on", in.launched_on, day);
  if (!launched && in.launched_on.empty()) errors.add("launched_on", "required");
  s.launched_on = launched.value_or("");
  s.ended_on = past_date(errors, "ended_on", in.ended_on, day);
  if (launched && s.ended_on && *s.ended_on <= *launched) errors.add("ended_on", "before_launched");
  s.note = bounded(errors, "note", in.note, kMaxNote);
  auto type = models_repo::type(tx, s.type_id);
  if (!in.participants.empty() && type && !type->linked) errors.add("participants", "not_linked");
  if (in.participants.size() > kMaxParticipants) errors.add("participants", "too_long");
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < in.participants.size(); ++i) {
    const auto& p = in.participants[i];
    FieldErrors row;  // each refusal names its row
    auto unit = units_.find(tx, p.unit_id);
    // Another commune's or province's unit may join: no scope rule, only a real one.
    if (!unit) {
      row.add("participants", "not_found");
    } else if (!site_kind(unit->kind)) {
      row.add("participants", "not_site_unit");
    } else if (p.unit_id == s.unit_id) {
      row.add("participants", "own_unit");
    } else if (!seen.insert(p.unit_id).second) {
      row.add("participants", "duplicate");
    }
    auto joined = past_date(row, "participants.joined_on", p.joined_on, day);
    if (!joined && p.joined_on.empty()) row.add("participants.joined_on", "required");
    // A unit merged away (or ended) before the day it joined cannot have joined. A unit
    // formed after that day may: the reform's communes carry on their predecessors' links.
    if (unit && joined && unit->valid_to && *unit->valid_to < *joined) row.add("participants", "not_in_force");
    if (joined && launched && *joined < *launched) row.add("participants.joined_on", "before_launched");
    errors.add_row(row, i);
    participants.push_back(SiteUnitInput{p.unit_id, joined.value_or("")});
  }
  errors.throw_if_any();
  std::sort(participants.begin(), participants.end(),
            [](const SiteUnitInput& a, const SiteUnitInput& b) { return a.unit_id < b.unit_id; });
  return s;
}

Page<ModelSiteView> Models::sites(const Actor& actor, const ModelSiteFilter& in) const {
  require(may_read(actor), kReaders);
  models_repo::SiteFilter f;
  f.type_id = in.type_id;
  f.terms = text::search_terms(in.q);
  f.include_ended = in.include_ended;
  f.today = today();
  f.page = std::max(1, in.page);
  f.page_size = std::clamp(in.page_size, 1, 500);
  Page<ModelSiteView> out;
  db_.read([&](db::Tx& tx) {
    auto unit = units_.find(tx, in.unit_id.value_or(actor.scope_unit_id));
    if (!unit || !actor.covers(unit->path)) throw Error::not_found("unit");
    auto units = units_.units_under(tx, unit->id, site_unit_kinds());
    auto page = models_repo::sites(tx, units->ids_json, f);
    out.total = page.total;
    for (const auto& s : page.items) out.items.push_back(load(tx, actor, s.id));
  });
  return out;
}

ModelSiteDetail Models::detail(db::Tx& tx, const Actor& actor, ModelSiteView view) const {
  ModelSiteDetail out;
  static_cast<ModelSiteView&>(out) = std::move(view);
  auto id = out.site.id;
  auto unit = units_.find(tx, out.site.unit_id);
  bool own_unit = unit && actor.covers(unit->path);
  out.may_keep = may_keep_teams(actor) && own_unit;
  auto day = today();
  for (int year = std::stoi(day.substr(0, 4)) + 1; year >= std::stoi(out.site.launched_on.substr(0, 4)); --year) {
    if (!rules::year_ok(year)) continue;  // the years the standing and assessment routes take
    if (out.linked && standing_year_ok(out.site, year, day)) out.standing_years.push_back(year);
    if (assessable_year(out.site, year)) out.assessable_years.push_back(year);
  }
  out.may_record = may_witness(actor) && own_unit;
  out.board = model_parts_repo::board(tx, id);
  out.teams = model_parts_repo::teams(tx, id);
  out.assessments = model_parts_repo::assessments(tx, id);
  auto files = fire_repo::files_of(tx, "model_site", std::to_string(id));
  if (!files.empty()) out.regulation = files.back();
  return out;
}

ModelSiteDetail Models::site(const Actor& actor, std::int64_t id) const {
  ModelSiteDetail out;
  db_.read([&](db::Tx& tx) { out = detail(tx, actor, load(tx, actor, id)); });
  return out;
}

ModelSiteDetail Models::create_site(const Actor& actor, const ModelSiteInput& input) const {
  require(may_keep_teams(actor), kSiteKeepers);
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    std::vector<SiteUnitInput> participants;
    auto s = checked(tx, actor, input, ModelSite{}, participants);
    s.demo = input.demo;
    auto unit = *units_.find(tx, s.unit_id);
    // The code follows the commune the site is in (a village's or a body's parent).
    auto commune = unit;
    for (int up = 0; up < 3 && !units::is_commune_level(commune.kind) && commune.parent_id; ++up) {
      commune = *units_.find(tx, *commune.parent_id);
    }
    s.code = fmt::format("{}-MH-{:03d}", commune.code, households_repo::next_number(tx, commune.id, "MH"));
    id = models_repo::insert_site(tx, s, clock_.now());
    models_repo::set_participants(tx, id, participants);
    audit_.record(tx, actor, "model_site.create", "model_site", std::to_string(id),
                  json({{"code", s.code}, {"type_id", s.type_id}, {"participants", participants.size()}}));
  });
  return site(actor, id);
}

ModelSiteDetail Models::update_site(const Actor& actor, std::int64_t id, const ModelSiteInput& input) const {
  require(may_keep_teams(actor), kSiteKeepers);
  db_.write([&](db::Tx& tx) {
    auto before = load_kept(tx, actor, id);
    if (input.version != before.site.version) throw Error::conflict("the model site was changed meanwhile");
    std::vector<SiteUnitInput> participants;
    auto after = checked(tx, actor, input, before.site, participants);
    auto stored = models_repo::participants(tx, id);
    bool moved = stored.size() != participants.size() ||
                 !std::equal(stored.begin(), stored.end(), participants.begin(), [](const auto& a, const auto& b) {
                   return a.unit_id == b.unit_id && a.joined_on == b.joined_on;
                 });
    // A year's standing unit stays one of the site's units, in a year the site runs.
    for (const auto& st : before.standing) {
      if (!standing_year_ok(after, st.year, today())) {
        throw Error::validation({FieldError{"launched_on", "standing_year", std::nullopt, std::to_string(st.year)}});
      }
      bool kept = st.unit_id == after.unit_id || std::any_of(participants.begin(), participants.end(),
                                                             [&](const auto& p) { return p.unit_id == st.unit_id; });
      if (!kept) {
        throw Error::validation({FieldError{"participants", "standing_unit", std::nullopt, std::to_string(st.year)}});
      }
    }
    require_span(tx, after);
    if (!models_repo::update_site(tx, after, clock_.now()))
      throw Error::conflict("the model site was changed meanwhile");
    if (moved) models_repo::set_participants(tx, id, participants);
    const auto& b = before.site;
    boost::json::array fields;
    if (after.name != b.name) fields.emplace_back("name");
    if (after.launched_on != b.launched_on) fields.emplace_back("launched_on");
    if (after.ended_on != b.ended_on) fields.emplace_back("ended_on");
    if (after.note != b.note) fields.emplace_back("note");
    if (moved) fields.emplace_back("participants");
    audit_.record(tx, actor, "model_site.update", "model_site", std::to_string(id), json({{"fields", fields}}));
  });
  return site(actor, id);
}

ModelSiteDetail Models::set_standing(const Actor& actor, std::int64_t id, int year, std::int64_t unit_id) const {
  require(may_keep_teams(actor), kSiteKeepers);
  db_.write([&](db::Tx& tx) {
    auto v = load_kept(tx, actor, id);
    if (!v.linked) throw Error::field("unit_id", "not_linked");
    if (!rules::year_ok(year) || !standing_year_ok(v.site, year, today())) throw Error::field("year", "out_of_range");
    bool member = unit_id == v.site.unit_id || std::any_of(v.participants.begin(), v.participants.end(),
                                                           [&](const SiteUnit& p) { return p.unit_id == unit_id; });
    if (!member) throw Error::field("unit_id", "not_participant");
    models_repo::put_standing(tx, id, year, unit_id);
    audit_.record(tx, actor, "model_site.standing", "model_site", std::to_string(id),
                  json({{"year", year}, {"unit_id", unit_id}}));
  });
  return site(actor, id);
}

ModelCounts Models::counts(const Actor& actor, std::optional<std::int64_t> unit_id, std::optional<std::string> from,
                           std::optional<std::string> to) const {
  require(may_read(actor), kReaders);
  FieldErrors errors;
  auto last = any_date(errors, "to", to).value_or(today());
  auto first = any_date(errors, "from", from).value_or(last.substr(0, 4) + "-01-01");
  if (first > last) errors.add("from", "after_to");
  errors.throw_if_any();
  ModelCounts out;
  out.from = first;
  out.to = last;
  db_.read([&](db::Tx& tx) {
    auto unit = units_.find(tx, unit_id.value_or(actor.scope_unit_id));
    if (!unit || !actor.covers(unit->path)) throw Error::not_found("unit");
    out.unit_id = unit->id;
    out.types = models_repo::types(tx);
    auto under = units_.units_under(tx, unit->id, site_unit_kinds());
    // Each unit under the asked one belongs to the child whose path it extends.
    std::unordered_map<std::int64_t, std::int64_t> child_of;
    std::map<std::int64_t, units::Unit> children;
    for (const auto& u : under->units) {
      if (u.id == unit->id || u.path.size() <= unit->path.size()) continue;
      auto rest = u.path.substr(unit->path.size());
      auto child_id = std::stoll(rest.substr(0, rest.find('/')));
      child_of[u.id] = child_id;
      if (child_id == u.id) children[u.id] = u;
    }
    // A site is new when it began in the period: the earliest of its rows running on the
    // last day (a linked site's own unit, a village's oldest group still there) is on or
    // after `first`. Its teams are the most it has on one unit (models_repo::DirectoryRow).
    struct Site {
      std::string first_on;
      int teams = 0;
    };
    using Tally = std::unordered_map<std::int64_t, Site>;  // by site_key, unique within a type
    std::map<std::pair<std::int64_t, std::int64_t>, Tally> by_child;
    std::map<std::int64_t, Tally> totals;
    for (const auto& row : models_repo::running(tx, under->ids_json, last)) {
      auto count_in = [&](Tally& t) {
        auto [it, added] = t.try_emplace(row.site_key, Site{row.from_on, row.teams});
        if (added) return;
        it->second.first_on = std::min(it->second.first_on, row.from_on);
        it->second.teams = std::max(it->second.teams, row.teams);
      };
      count_in(totals[row.type_id]);
      if (auto it = child_of.find(row.unit_id); it != child_of.end()) count_in(by_child[{row.type_id, it->second}]);
    }
    auto count_of = [&](std::int64_t type, std::int64_t at, const Tally& t) {
      int teams = 0, fresh = 0;
      for (const auto& [key, site] : t) {
        teams += site.teams;
        if (site.first_on >= first) ++fresh;
      }
      return ModelCount{type, at, static_cast<int>(t.size()), teams, fresh};
    };
    for (const auto& [type, t] : totals) out.totals.push_back(count_of(type, unit->id, t));
    std::set<std::int64_t> holding;
    for (const auto& [key, t] : by_child) {
      out.by_child.push_back(count_of(key.first, key.second, t));
      holding.insert(key.second);
    }
    for (auto id : holding) {
      auto it = children.find(id);
      auto child = it != children.end() ? std::optional(it->second) : units_.find(tx, id);  // a province, a district
      if (child) out.children.push_back(*child);
    }
  });
  return out;
}

}  // namespace antq::community
