#include "modules/units/service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "modules/units/history.hpp"
#include "modules/units/repo.hpp"
#include "platform/db/params.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::units {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxDesignation = 50;
constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxHotline = 200;

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

// The audit entry's detail; `source` names where the change came from ("csv") if not the API.
std::string detail_of(const Unit& u, std::string_view source) {
  boost::json::object o{{"code", u.code},
                        {"name", u.name},
                        {"kind", std::string(kind_code(u.kind))},
                        {"remote", u.remote},
                        {"hotline", u.hotline}};
  if (u.parent_id) o["parent_id"] = *u.parent_id;
  if (u.valid_to) o["valid_to"] = *u.valid_to;
  if (!source.empty()) o["source"] = source;
  return boost::json::serialize(o);
}

// May `actor` create or change a unit of `kind` under a parent at `parent_path`?
void require_manage(const Actor& actor, Kind kind, const std::string& parent_path) {
  if (!Service::may_manage(actor, kind)) throw Error::forbidden("role may not manage this kind of unit");
  if (!actor.covers(parent_path)) throw Error::forbidden("parent outside scope");
}

Unit load_in_scope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto u = repo::get(tx, id);
  // Out of scope looks exactly like absent: no probing of other communes' units.
  if (!u || !actor.covers(u->path)) throw Error::not_found("unit " + std::to_string(id));
  return *u;
}

struct Validated {
  Unit unit;
  std::string parent_path;
};

// Validates a new unit; `resolve_parent` finds the parent (by id or by code).
Validated validate_new(const NewUnit& in, FieldErrors& errors, const std::function<std::optional<Unit>()>& parent) {
  Validated v;
  auto& u = v.unit;
  u.code = text::clean(in.code);
  u.name = text::clean(in.name);
  u.designation = text::clean(in.designation);
  u.note = text::clean(in.note);
  u.remote = in.remote;
  u.demo = in.demo;
  if (u.code.empty()) {
    errors.add("code", "required");
  } else if (!valid_code(u.code)) {
    errors.add("code", "invalid_format");
  }
  if (u.name.empty()) {
    errors.add("name", "required");
  } else if (text::length(u.name) > kMaxName) {
    errors.add("name", "too_long");
  }
  if (text::length(u.designation) > kMaxDesignation) errors.add("designation", "too_long");
  if (text::length(u.note) > kMaxNote) errors.add("note", "too_long");
  auto kind = kind_from_code(in.kind);
  if (in.kind.empty()) {
    errors.add("kind", "required");
  } else if (!kind) {
    errors.add("kind", "unknown_value");
  } else {
    u.kind = *kind;
  }
  if (in.valid_from) {
    u.valid_from = time::parse_date(*in.valid_from);
    if (!u.valid_from) errors.add("valid_from", "invalid_date");
  }
  if (in.valid_to) {
    u.valid_to = time::parse_date(*in.valid_to);
    if (!u.valid_to) errors.add("valid_to", "invalid_date");
  }
  auto p = parent();
  if (kind == Kind::country) {
    if (p) errors.add("parent_id", "unknown_value");
  } else if (!p) {
    errors.add("parent_id", in.parent_id ? "not_found" : "required");
  } else {
    u.parent_id = p->id;
    v.parent_path = p->path;
  }
  return v;
}

void build_tree(std::vector<TreeNode>& nodes, std::map<std::int64_t, std::vector<Unit>>& by_parent,
                std::int64_t parent_id) {
  auto it = by_parent.find(parent_id);
  if (it == by_parent.end()) return;
  std::vector<std::pair<std::string, Unit>> keyed;
  for (auto& u : it->second) keyed.emplace_back(text::collation_key(u.name), std::move(u));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, u] : keyed) {
    TreeNode node{std::move(u), {}};
    build_tree(node.children, by_parent, node.unit.id);
    nodes.push_back(std::move(node));
  }
}

}  // namespace

bool Service::may_manage(const Actor& actor, Kind kind) {
  return actor.is(Role::admin) || (actor.is(Role::officer) && officer_may_manage(kind));
}

std::vector<TreeNode> Service::tree(const Actor& actor, bool history) const {
  std::vector<Unit> units;
  db_.read([&](db::Tx& tx) { units = repo::subtree(tx, actor.scope_path); });
  std::string today = time::local_date(clock_.now());
  std::map<std::int64_t, std::vector<Unit>> by_parent;
  std::vector<TreeNode> roots;
  std::vector<Unit> root_units;
  for (auto& u : units) {
    if (!history && !u.active_on(today)) continue;
    bool is_root = u.path == actor.scope_path || (actor.scope_path == "/" && !u.parent_id);
    if (is_root) {
      root_units.push_back(std::move(u));
    } else if (u.parent_id) {
      by_parent[*u.parent_id].push_back(std::move(u));
    }
  }
  for (auto& u : root_units) {
    TreeNode node{std::move(u), {}};
    build_tree(node.children, by_parent, node.unit.id);
    roots.push_back(std::move(node));
  }
  return roots;
}

std::int64_t Service::version() const {
  std::int64_t v = 0;
  db_.read([&](db::Tx& tx) { v = repo::version(tx); });
  return v;
}

Service::RenderedTree Service::rendered_tree(const Actor& actor, bool history, const TreeRenderer& render) const {
  auto day = today();
  auto current = version();
  std::string key = actor.scope_path + (history ? "|h|" : "|a|") + day;
  auto body = tree_cache_.get(current, key, [&] { return render(tree(actor, history), day); });
  return {std::to_string(current) + "|" + key, std::move(body)};
}

std::string Service::today() const { return time::local_date(clock_.now()); }

Page<Unit> Service::list(const Actor& actor, const ListFilter& filter) const {
  ListFilter f = filter;
  f.page = std::max(1, f.page);
  f.page_size = std::clamp(f.page_size, 1, 500);
  if (f.kind && !kind_from_code(*f.kind)) throw Error::field("kind", "unknown_value");
  Page<Unit> page;
  db_.read([&](db::Tx& tx) { page = repo::list(tx, actor.scope_path, f, time::local_date(clock_.now())); });
  return page;
}

Page<DirectoryUnit> Service::directory(const ListFilter& filter) const {
  ListFilter f = filter;
  f.page = std::max(1, f.page);
  f.page_size = std::clamp(f.page_size, 1, 50);
  if (f.kind && !kind_from_code(*f.kind)) throw Error::field("kind", "unknown_value");
  for (const auto& k : f.kinds) {
    if (!kind_from_code(k)) throw Error::field("kind", "unknown_value");
  }
  Page<DirectoryUnit> out;
  db_.read([&](db::Tx& tx) {
    auto page = repo::list(tx, "/", f, time::local_date(clock_.now()));
    out.total = page.total;
    std::map<std::int64_t, std::optional<Unit>> seen;  // the ancestors the page's units share
    for (auto& u : page.items) {
      DirectoryUnit d;
      for (auto id = u.parent_id; id;) {
        auto it = seen.find(*id);
        if (it == seen.end()) it = seen.emplace(*id, repo::get(tx, *id)).first;
        if (!it->second || it->second->kind == Kind::country) break;
        d.within.push_back(it->second->name);
        id = it->second->parent_id;
      }
      d.unit = std::move(u);
      out.items.push_back(std::move(d));
    }
  });
  return out;
}

Detail Service::get(const Actor& actor, std::int64_t id) const {
  Detail d;
  db_.read([&](db::Tx& tx) {
    d.unit = load_in_scope(tx, actor, id);
    std::vector<std::int64_t> ids;
    std::string_view path = d.unit.path;
    for (std::size_t pos = 1; pos < path.size();) {
      auto next = path.find('/', pos);
      ids.push_back(std::stoll(std::string(path.substr(pos, next - pos))));
      pos = next + 1;
    }
    ids.pop_back();  // the unit itself
    for (const auto& a : repo::by_ids(tx, ids)) d.ancestors.push_back(Ancestor{a.id, a.name, a.kind});
    d.history = repo::history(tx, id);
    d.formed_from = repo::formed_from(tx, id);
    d.successors = repo::successors(tx, id);
    // A unit split between communes links communes of different officers: each sees the
    // others by name and code, and opens only what is in scope or above it.
    for (auto* links : {&d.formed_from, &d.successors}) {
      for (auto& l : *links) l.linked = actor.covers(l.path) || actor.scope_path.rfind(l.path, 0) == 0;
    }
  });
  d.manageable = may_manage(actor, d.unit.kind);
  for (auto kind : all_kinds()) {
    if (kind != Kind::country && may_manage(actor, kind)) d.child_kinds.push_back(kind);  // a country has no parent
  }
  return d;
}

Unit Service::create(const Actor& actor, const NewUnit& input) const {
  Unit created;
  db_.write([&](db::Tx& tx) {
    created = create_in(tx, actor, input, [&]() -> std::optional<Unit> {
      if (!input.parent_id) return std::nullopt;
      return repo::get(tx, *input.parent_id);
    });
  });
  return created;
}

Unit Service::create_in(db::Tx& tx, const Actor& actor, const NewUnit& input,
                        const std::function<std::optional<Unit>()>& parent, std::string_view source) const {
  FieldErrors errors;
  auto v = validate_new(input, errors, parent);
  errors.throw_if_any();
  if (v.unit.kind == Kind::country) {
    if (!actor.is(Role::admin) || actor.scope_path != "/")
      throw Error::forbidden("only a national admin adds countries");
  } else {
    require_manage(actor, v.unit.kind, v.parent_path);
  }
  if (repo::by_code(tx, v.unit.code)) throw Error::field("code", "duplicate");
  auto now = clock_.now();
  auto id = repo::insert(tx, v.unit, v.parent_path, now);
  Unit created = *repo::get(tx, id);
  audit_.record(tx, actor, "unit.create", "unit", std::to_string(id), detail_of(created, source));
  return created;
}

Unit Service::update(const Actor& actor, std::int64_t id, const UnitPatch& patch) const {
  Unit updated;
  db_.write([&](db::Tx& tx) { updated = update_in(tx, actor, load_in_scope(tx, actor, id), patch); });
  return updated;
}

Unit Service::update_in(db::Tx& tx, const Actor& actor, Unit u, const UnitPatch& patch, std::string_view source) const {
  require_manage(actor, u.kind, u.path);
  FieldErrors errors;
  if (patch.code) {
    std::string code = text::clean(*patch.code);
    if (!valid_code(code)) {
      errors.add("code", code.empty() ? "required" : "invalid_format");
    } else if (code != u.code && repo::by_code(tx, code)) {
      errors.add("code", "duplicate");
    }
    u.code = code;
  }
  std::string old_name = u.name;
  if (patch.name) {
    u.name = text::clean(*patch.name);
    if (u.name.empty()) errors.add("name", "required");
    if (text::length(u.name) > kMaxName) errors.add("name", "too_long");
  }
  if (patch.designation) {
    u.designation = text::clean(*patch.designation);
    if (text::length(u.designation) > kMaxDesignation) errors.add("designation", "too_long");
  }
  if (patch.note) {
    u.note = text::clean(*patch.note);
    if (text::length(u.note) > kMaxNote) errors.add("note", "too_long");
  }
  if (patch.hotline) {
    u.hotline = text::clean(*patch.hotline);
    if (text::length(u.hotline) > kMaxHotline) errors.add("hotline", "too_long");
  }
  if (patch.remote) u.remote = *patch.remote;
  if (patch.valid_from) {
    u.valid_from = time::parse_date(*patch.valid_from);
    if (!u.valid_from) errors.add("valid_from", "invalid_date");
  }
  if (patch.clear_valid_to) u.valid_to.reset();
  if (patch.valid_to) {
    u.valid_to = time::parse_date(*patch.valid_to);
    if (!u.valid_to) errors.add("valid_to", "invalid_date");
  }
  std::optional<Unit> new_parent;
  if (patch.parent_id && patch.parent_id != u.parent_id) {
    new_parent = repo::get(tx, *patch.parent_id);
    if (!new_parent) {
      errors.add("parent_id", "not_found");
    } else if (!actor.covers(new_parent->path)) {
      errors.add("parent_id", "out_of_scope");
    } else if (new_parent->path.rfind(u.path, 0) == 0) {
      errors.add("parent_id", "cycle");
    }
  }
  errors.throw_if_any();
  auto now = clock_.now();
  repo::update_fields(tx, u, now);
  if (u.name != old_name) {
    auto renamed = history_event("renamed", time::local_date(now), std::nullopt, std::nullopt, "");
    renamed.old_name = old_name;
    repo::insert_history(tx, u.id, renamed, now);
  }
  if (new_parent) {
    repo::insert_history(tx, u.id, history_event("moved", time::local_date(now), u.parent_id, new_parent->id, ""), now);
    repo::move(tx, u, *new_parent, now);
  }
  Unit updated = *repo::get(tx, u.id);
  audit_.record(tx, actor, "unit.update", "unit", std::to_string(u.id), detail_of(updated, source));
  return updated;
}

namespace {

std::vector<Unit> sorted_vietnamese(std::vector<Unit> units) {
  std::vector<std::pair<std::string, Unit>> keyed;
  keyed.reserve(units.size());
  for (auto& u : units) keyed.emplace_back(text::collation_key(u.name), std::move(u));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Unit> out;
  out.reserve(keyed.size());
  for (auto& [k, u] : keyed) out.push_back(std::move(u));
  return out;
}

}  // namespace

std::vector<Unit> Service::public_provinces() const {
  Actor everyone = system_actor();
  ListFilter f;
  f.kind = "province";
  f.page_size = 500;
  return sorted_vietnamese(list(everyone, f).items);
}

std::vector<Unit> Service::public_communes(std::int64_t province_id, const std::string& query) const {
  std::vector<Unit> out;
  std::string folded = text::fold(query);
  std::string today = time::local_date(clock_.now());
  db_.read([&](db::Tx& tx) {
    auto province = repo::get(tx, province_id);
    if (!province || province->kind != Kind::province) return;
    for (auto& u : repo::subtree(tx, province->path)) {
      if (!is_commune_level(u.kind) || !u.active_on(today)) continue;
      if (!folded.empty() && text::fold(u.name).find(folded) == std::string::npos) continue;
      out.push_back(std::move(u));
    }
  });
  return sorted_vietnamese(std::move(out));
}

std::vector<Unit> Service::public_villages(std::int64_t commune_id) const {
  std::vector<Unit> out;
  std::string today = time::local_date(clock_.now());
  db_.read([&](db::Tx& tx) {
    for (auto& u : repo::children(tx, commune_id)) {
      if (u.kind == Kind::residential_area && u.active_on(today)) out.push_back(std::move(u));
    }
  });
  return sorted_vietnamese(std::move(out));
}

std::optional<Unit> Service::find(db::Tx& tx, std::int64_t id) const { return repo::get(tx, id); }

std::optional<Unit> Service::find_by_code(const std::string& code) const {
  std::optional<Unit> u;
  db_.read([&](db::Tx& tx) { u = repo::by_code(tx, code); });
  return u;
}

std::optional<Unit> Service::find(std::int64_t id) const {
  std::optional<Unit> u;
  db_.read([&](db::Tx& tx) { u = repo::get(tx, id); });
  return u;
}

std::vector<Unit> Service::children(db::Tx& tx, std::int64_t parent_id) const { return repo::children(tx, parent_id); }

std::shared_ptr<const Service::UnitSet> Service::units_under(db::Tx& tx, std::int64_t unit_id,
                                                             const std::vector<Kind>& kinds) const {
  std::string key = std::to_string(unit_id);
  for (auto kind : kinds) key += "|" + std::string(kind_code(kind));
  return sets_cache_.get(repo::version(tx), key, [&] {
    UnitSet set{{}, "[]"};
    auto top = repo::get(tx, unit_id);
    if (!top) return set;
    std::vector<std::int64_t> ids;
    for (auto& unit : repo::subtree(tx, top->path)) {
      if (std::find(kinds.begin(), kinds.end(), unit.kind) == kinds.end()) continue;
      ids.push_back(unit.id);
      set.units.push_back(std::move(unit));
    }
    set.ids_json = db::ids_json(ids);
    return set;
  });
}

std::shared_ptr<const std::vector<std::int64_t>> Service::ids_under(db::Tx& tx, const std::string& path) const {
  auto now = clock_.now();
  // Only what was built at a version read in an earlier look: a set built in this
  // snapshot without reading the version could be older than the version it is kept at.
  if (!ids_recheck_.due(tx, now)) {
    if (auto kept = ids_cache_.newest(path)) return kept;
  }
  auto ids = ids_cache_.get(repo::version(tx), path, [&] {
    std::vector<std::int64_t> out;
    for (const auto& unit : repo::subtree(tx, path)) out.push_back(unit.id);
    std::sort(out.begin(), out.end());
    return out;
  });
  ids_recheck_.looked(tx, now);
  return ids;
}

}  // namespace antq::units
