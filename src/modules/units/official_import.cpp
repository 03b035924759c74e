// antq units import-official: the official 2025 list (official.hpp) into the unit tree.
//
// Each unit of the list is found by its identity (`official_key`), else by its code when
// it was made by hand, by CSV or by the demo; then created, or changed where it differs.
// Pre-reform units become historical units under their main successor. Nothing that
// already matches is written, so a second import leaves the version and the audit log
// as they were.
#include <boost/json.hpp>

#include <map>
#include <set>

#include "modules/units/history.hpp"
#include "modules/units/repo.hpp"
#include "modules/units/service.hpp"
#include "platform/error.hpp"

namespace antq::units {
namespace {

using official::ImportReport;
using official::ListedUnit;
using official::Predecessor;

struct DryRunDone {};

std::string listed_key(const std::string& code) { return "vn2025|" + code; }
std::string predecessor_key(const Predecessor& p) { return "vn2025<" + p.key; }

Unit country_as_listed() {
  Unit u;
  u.code = "VN";
  u.name = "Việt Nam";
  u.name_en = "Viet Nam";
  u.kind = Kind::country;
  u.official_key = "vn";
  return u;
}

Unit as_listed(const ListedUnit& l) {
  Unit u;
  u.code = l.code;
  u.name = l.name;
  u.name_en = l.name_en;
  u.kind = kind_from_code(l.kind).value_or(Kind::commune);
  u.designation = l.designation;
  if (!l.unchanged) u.valid_from = l.effective;  // a unit kept as it was began before
  u.official_key = listed_key(l.code);
  return u;
}

// The unit the list means: the one imported before (by identity), else one made by hand
// or by CSV with the same code. A unit with that code and another identity is a clash.
std::optional<Unit> find_official(db::Tx& tx, const std::string& key, const std::string& code) {
  if (auto u = repo::by_official_key(tx, key)) return u;
  auto u = repo::by_code(tx, code);
  if (u && u->official_key) throw Error::conflict("code " + code + " is " + *u->official_key + ", not " + key);
  return u;
}

// One province's writes, in the caller's transaction, counted into the report.
class ProvinceWriter {
 public:
  using MergeFn = std::function<void(db::Tx& tx, const Unit& source, const Unit& target, const std::string& date,
                                     const std::string& basis, const std::string& part)>;

  ProvinceWriter(db::Tx& tx, time::Millis now, MergeFn merge, ImportReport& report)
      : tx_(tx), now_(now), merge_(std::move(merge)), report_(report) {}

  // The unit as listed, under `parent`: created, or changed where it differs.
  Unit upsert(const Unit& wanted, const std::optional<Unit>& parent);
  // A pre-reform unit under its main successor, linked to every successor (`current`:
  // the province's units of the list by code).
  void predecessor(const Predecessor& p, const std::map<std::string, Unit>& current, const std::string& date,
                   const std::string& basis);
  void load_links(const std::string& province_path) { links_ = repo::successor_pairs(tx_, province_path); }
  bool changed() const { return changed_; }

 private:
  Unit create(Unit wanted, const std::optional<Unit>& parent);
  bool link(std::int64_t unit_id, const Unit& to, const std::string& date, bool main, const std::string& part,
            const std::string& basis);

  db::Tx& tx_;
  time::Millis now_;
  MergeFn merge_;
  ImportReport& report_;
  std::set<std::pair<std::int64_t, std::int64_t>> links_;
  bool changed_ = false;
};

Unit ProvinceWriter::create(Unit wanted, const std::optional<Unit>& parent) {
  if (parent) wanted.parent_id = parent->id;
  auto id = repo::insert(tx_, wanted, parent ? parent->path : "", now_);
  ++report_.created;
  changed_ = true;
  return *repo::get(tx_, id);
}

Unit ProvinceWriter::upsert(const Unit& wanted, const std::optional<Unit>& parent) {
  auto found = find_official(tx_, *wanted.official_key, wanted.code);
  if (!found) return create(wanted, parent);
  Unit u = *found;
  if (u.valid_to) {
    // Ended since (merged by an administrator after the list, or made ended by CSV): the
    // tree's later history wins over the list; reopening it would undo a merge.
    report_.kept.push_back(u.code + " " + u.designation + " " + u.name + " (" + *u.valid_to + ")");
    ++report_.unchanged;
    return u;
  }
  bool differs = u.name != wanted.name || u.name_en != wanted.name_en || u.designation != wanted.designation ||
                 u.kind != wanted.kind || u.code != wanted.code || u.official_key != wanted.official_key ||
                 (wanted.valid_from && u.valid_from != wanted.valid_from);
  // A unit made by hand or by the demo is put where the list has it; one imported before
  // and moved since stays where an administrator put it.
  bool moves = parent && u.parent_id != parent->id && !u.official_key;
  if (differs) {
    std::string old_name = u.name;
    u.name = wanted.name;
    u.name_en = wanted.name_en;
    u.designation = wanted.designation;
    u.kind = wanted.kind;
    u.code = wanted.code;
    u.official_key = wanted.official_key;
    if (wanted.valid_from) u.valid_from = wanted.valid_from;
    repo::update_fields(tx_, u, now_);
    if (old_name != u.name) {
      auto renamed = history_event("renamed", time::local_date(now_), std::nullopt, std::nullopt, "");
      renamed.old_name = old_name;
      repo::insert_history(tx_, u.id, renamed, now_);
      ++report_.renamed;
    }
  }
  if (moves) {
    if (parent->path.rfind(u.path, 0) == 0) throw Error::conflict("unit " + u.code + " lies above " + parent->code);
    repo::insert_history(tx_, u.id, history_event("moved", time::local_date(now_), u.parent_id, parent->id, ""), now_);
    repo::move(tx_, u, *parent, now_);
    u = *repo::get(tx_, u.id);
  }
  if (differs || moves) {
    ++report_.updated;
    changed_ = true;
  } else {
    ++report_.unchanged;
  }
  return u;
}

bool ProvinceWriter::link(std::int64_t unit_id, const Unit& to, const std::string& date, bool main,
                          const std::string& part, const std::string& basis) {
  if (!links_.insert({unit_id, to.id}).second) return false;
  repo::insert_successor(tx_, unit_id, successor_link(to.id, date, main, part, basis));
  changed_ = true;
  return true;
}

void ProvinceWriter::predecessor(const Predecessor& p, const std::map<std::string, Unit>& current,
                                 const std::string& date, const std::string& basis) {
  const Unit& main = current.at(p.successors[p.main].code);
  auto key = predecessor_key(p);
  auto found = find_official(tx_, key, p.code);
  bool existed = found.has_value();
  bool changed = false;
  Unit u;
  if (!found) {
    Unit wanted;
    wanted.code = p.code;
    wanted.name = p.name;
    wanted.kind = kind_from_code(p.kind).value_or(Kind::commune);
    wanted.designation = p.designation;
    wanted.valid_to = time::previous_day(date);
    wanted.merged_into = main.id;
    wanted.note = p.note;
    wanted.official_key = key;
    u = create(wanted, main);
    repo::insert_history(tx_, u.id, history_event("merged", date, std::nullopt, main.id, basis), now_);
  } else if (!found->valid_to || *found->valid_to >= date) {
    // Made by hand (the demo, a CSV) and still current: it merges now, villages and all.
    u = *found;
    u.official_key = key;
    if (u.note.empty()) u.note = p.note;
    repo::update_fields(tx_, u, now_);
    if (main.path.rfind(u.path, 0) == 0) throw Error::conflict("unit " + u.code + " lies above " + main.code);
    merge_(tx_, u, main, date, basis, p.successors[p.main].part);
    links_.insert({u.id, main.id});
    ++report_.merged;
    changed = true;
  } else {
    u = *found;
    if (!u.official_key) {
      u.official_key = key;
      repo::update_fields(tx_, u, now_);
      ++report_.updated;
      changed = true;
    }
  }
  for (std::size_t i = 0; i < p.successors.size(); ++i) {
    const auto& s = p.successors[i];
    if (link(u.id, current.at(s.code), date, i == p.main, s.part, basis) && existed) {
      ++report_.successors;
      changed = true;
    }
  }
  if (existed && !changed) ++report_.unchanged;
  changed_ = changed_ || changed;
}

// The list's units grouped by the province they belong to.
struct ByProvince {
  std::map<std::string, std::vector<const ListedUnit*>> communes;
  std::map<std::string, std::vector<const Predecessor*>> predecessors;
  std::map<std::string, const ListedUnit*> listed;  // by code

  explicit ByProvince(const official::List& list) {
    for (const auto& p : list.provinces) listed[p.code] = &p;
    for (const auto& c : list.communes) {
      listed[c.code] = &c;
      communes[c.parent_code].push_back(&c);
    }
    for (const auto& p : list.predecessors) {
      const auto* main = listed.at(p.successors[p.main].code);
      predecessors[main->kind == "province" ? main->code : main->parent_code].push_back(&p);
    }
  }
  std::size_t size(const std::string& province) const {
    auto count = [&](const auto& m) {
      auto it = m.find(province);
      return it == m.end() ? std::size_t{0} : it->second.size();
    };
    return 1 + count(communes) + count(predecessors);
  }
};

template <typename T>
const std::vector<const T*>& of(const std::map<std::string, std::vector<const T*>>& m, const std::string& key) {
  static const std::vector<const T*> none;
  auto it = m.find(key);
  return it == m.end() ? none : it->second;
}

std::string counts_json(const ListedUnit& province, const ImportReport& before, const ImportReport& after) {
  return boost::json::serialize(boost::json::object{{"province", province.code},
                                                    {"created", after.created - before.created},
                                                    {"updated", after.updated - before.updated},
                                                    {"renamed", after.renamed - before.renamed},
                                                    {"merged", after.merged - before.merged},
                                                    {"successors", after.successors - before.successors}});
}

}  // namespace

official::ImportReport Service::import_official(const Actor& actor, const official::List& list,
                                                const official::ImportOptions& options) const {
  if (!actor.is(Role::admin) || actor.scope_path != "/") {
    throw Error::forbidden("only a national administrator imports the official list");
  }
  std::vector<const ListedUnit*> provinces;
  for (const auto& p : list.provinces) {
    if (options.province.empty() || p.code == options.province) provinces.push_back(&p);
  }
  if (provinces.empty()) throw Error::field("province", "not_found");
  ByProvince by(list);
  std::size_t total = 0;
  for (const auto* p : provinces) total += by.size(p->code);

  ImportReport report;
  report.dry_run = options.dry_run;
  std::size_t done = 0;
  bool country_seen = false;  // counted once, not per province
  auto merge = [this](db::Tx& tx, const Unit& source, const Unit& target, const std::string& date,
                      const std::string& basis,
                      const std::string& part) { merge_in(tx, source, target, date, basis, part); };
  auto import_province = [&](db::Tx& tx, const ListedUnit& listed) {
    auto before = report;
    ProvinceWriter w(tx, clock_.now(), merge, report);
    auto country = country_seen ? *find_official(tx, "vn", "VN") : w.upsert(country_as_listed(), std::nullopt);
    country_seen = true;
    auto province = w.upsert(as_listed(listed), country);
    w.load_links(province.path);
    std::map<std::string, Unit> current{{province.code, province}};
    std::set<std::int64_t> listed_ids{province.id};
    for (const auto* c : of(by.communes, listed.code)) {
      auto u = w.upsert(as_listed(*c), province);
      listed_ids.insert(u.id);
      current[c->code] = std::move(u);
      for (const auto& n : c->not_units) report.not_units.push_back(c->code + ": " + n);
    }
    for (const auto* p : of(by.predecessors, listed.code)) {
      const auto* successor = by.listed.at(p->successors[p->main].code);
      w.predecessor(*p, current, successor->effective, successor->basis);
    }
    for (const auto& u : repo::subtree(tx, province.path)) {
      if (is_commune_level(u.kind) && !u.valid_to && !u.demo && !listed_ids.contains(u.id)) {
        report.missing.push_back(u.code + " " + u.designation + " " + u.name);
      }
    }
    if (w.changed()) {
      ++report.provinces;
      audit_.record(tx, actor, "unit.import_official", "unit", std::to_string(province.id),
                    counts_json(listed, before, report));
    }
    done += by.size(listed.code);
    if (options.progress) options.progress(done, total);
  };
  try {
    if (options.dry_run) {
      db_.write([&](db::Tx& tx) {
        for (const auto* p : provinces) import_province(tx, *p);
        throw DryRunDone{};
      });
    } else {
      for (const auto* p : provinces) db_.write([&](db::Tx& tx) { import_province(tx, *p); });
    }
  } catch (const DryRunDone&) {
  }
  return report;
}

}  // namespace antq::units
