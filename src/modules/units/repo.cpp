#include "modules/units/repo.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "modules/units/subtree_sql.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::units::repo {
namespace {

#define UNIT_COLUMNS                                                                                                   \
  "id, code, name, kind, designation, parent_id, path, depth, valid_from, valid_to, remote, merged_into, demo, note, " \
  "hotline, name_en, official_key"

Unit from_row(db::Reader& r) {
  Unit u;
  u.id = r.i64();
  u.code = r.text();
  u.name = r.text();
  u.kind = kind_from_code(r.text()).value_or(Kind::residential_area);
  u.designation = r.text();
  u.parent_id = r.opt_i64();
  u.path = r.text();
  u.depth = r.integer();
  u.valid_from = r.opt_text();
  u.valid_to = r.opt_text();
  u.remote = r.boolean();
  u.merged_into = r.opt_i64();
  u.demo = r.boolean();
  u.note = r.text();
  u.hotline = r.text();
  u.name_en = r.text();
  u.official_key = r.opt_text();
  return u;
}

void bump_version(db::Tx& tx) {
  static constexpr db::Query q{"units.bump_version", "UPDATE units_version SET version = version + 1 WHERE id = 1"};
  tx.exec(q);
}

}  // namespace

std::int64_t insert(db::Tx& tx, const Unit& u, const std::string& parent_path, std::int64_t now) {
  static constexpr db::Query q{
      "units.insert",
      "INSERT INTO units (code, name, name_folded, kind, designation, parent_id, path, depth, valid_from, valid_to, "
      "remote, merged_into, demo, note, created_at, updated_at, hotline, name_en, official_key) "
      "VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17) RETURNING id"};
  static constexpr db::Query set_path{
      "units.set_path", "UPDATE units SET path = CAST($2 AS TEXT) || CAST(id AS TEXT) || '/' WHERE id = $1"};
  int depth = parent_path.empty() ? 0 : static_cast<int>(std::count(parent_path.begin(), parent_path.end(), '/')) - 1;
  auto id = db::scalar(tx, q, u.code, u.name, text::fold(u.name + " " + u.code), std::string(kind_code(u.kind)),
                       u.designation, u.parent_id, depth, u.valid_from, u.valid_to, u.remote, u.merged_into, u.demo,
                       u.note, now, u.hotline, u.name_en, u.official_key);
  tx.exec(set_path, id, parent_path.empty() ? std::string("/") : parent_path);
  bump_version(tx);
  return id;
}

std::optional<Unit> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"units.get", "SELECT " UNIT_COLUMNS " FROM units WHERE id = $1"};
  return db::one(tx, q, from_row, id);
}

std::optional<Unit> by_official_key(db::Tx& tx, const std::string& key) {
  static constexpr db::Query q{"units.by_official_key", "SELECT " UNIT_COLUMNS " FROM units WHERE official_key = $1"};
  return db::one(tx, q, from_row, key);
}

std::optional<Unit> by_code(db::Tx& tx, const std::string& code) {
  static constexpr db::Query q{"units.by_code", "SELECT " UNIT_COLUMNS " FROM units WHERE code = $1"};
  return db::one(tx, q, from_row, code);
}

std::vector<Unit> by_ids(db::Tx& tx, const std::vector<std::int64_t>& ids) {
  std::vector<Unit> out;
  for (auto id : ids) {
    if (auto u = get(tx, id)) out.push_back(std::move(*u));
  }
  return out;
}

std::vector<Unit> subtree(db::Tx& tx, const std::string& path) {
  static constexpr db::Query q{"units.subtree",
                               "SELECT " UNIT_COLUMNS
                               " FROM units WHERE " ANTQ_UNIT_IN_SUBTREE("path", "$1") " "
                               "ORDER BY path"};
  return db::all(tx, q, from_row, path);
}

std::vector<Unit> children(db::Tx& tx, std::int64_t parent_id) {
  static constexpr db::Query q{"units.children", "SELECT " UNIT_COLUMNS " FROM units WHERE parent_id = $1 ORDER BY id"};
  return db::all(tx, q, from_row, parent_id);
}

void update_fields(db::Tx& tx, const Unit& u, std::int64_t now) {
  static constexpr db::Query q{
      "units.update",
      "UPDATE units SET code = $2, name = $3, name_folded = $4, designation = $5, valid_from = $6, valid_to = $7, "
      "remote = $8, merged_into = $9, note = $10, updated_at = $11, hotline = $12, name_en = $13, official_key = $14, "
      "kind = $15 WHERE id = $1"};
  tx.exec(q, u.id, u.code, u.name, text::fold(u.name + " " + u.code), u.designation, u.valid_from, u.valid_to, u.remote,
          u.merged_into, u.note, now, u.hotline, u.name_en, u.official_key, std::string(kind_code(u.kind)));
  bump_version(tx);  // a rename or a hotline change must reach every instance's cached tree too
}

void move(db::Tx& tx, const Unit& u, const Unit& new_parent, std::int64_t now) {
  static constexpr db::Query set_parent{"units.set_parent",
                                        "UPDATE units SET parent_id = $2, updated_at = $3 WHERE id = $1"};
  static constexpr db::Query rewrite{
      "units.rewrite_paths",
      "UPDATE units SET path = CAST($2 AS TEXT) || substr(path, length(CAST($1 AS TEXT)) + 1), depth = depth + $3 "
      "WHERE " ANTQ_UNIT_IN_SUBTREE("path", "$1")};
  std::string new_path = new_parent.path + std::to_string(u.id) + "/";
  tx.exec(set_parent, u.id, new_parent.id, now);
  tx.exec(rewrite, u.path, new_path, new_parent.depth + 1 - u.depth);
  bump_version(tx);
}

std::int64_t version(db::Tx& tx) {
  static constexpr db::Query q{"units.version", "SELECT version FROM units_version WHERE id = 1"};
  return db::scalar(tx, q);
}

void insert_history(db::Tx& tx, std::int64_t unit_id, const HistoryEvent& e, std::int64_t now) {
  static constexpr db::Query q{"units.insert_history",
                               "INSERT INTO unit_history (unit_id, event, event_date, from_parent_id, to_parent_id, "
                               "basis, recorded_at, old_name) "
                               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
  tx.exec(q, unit_id, e.event, e.date, e.from_parent_id, e.to_parent_id, e.basis, now, e.old_name);
}

std::vector<HistoryEvent> history(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "units.history",
      "SELECT h.event, h.event_date, h.from_parent_id, h.to_parent_id, h.basis, f.name, t.name, h.old_name "
      "FROM unit_history h LEFT JOIN units f ON f.id = h.from_parent_id "
      "LEFT JOIN units t ON t.id = h.to_parent_id WHERE h.unit_id = $1 ORDER BY h.event_date, h.id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        return HistoryEvent{r.text(), r.text(), r.opt_i64(), r.opt_i64(), r.text(), r.text(), r.text(), r.text()};
      },
      unit_id);
}

void insert_successor(db::Tx& tx, std::int64_t unit_id, const MergeLink& to) {
  static constexpr db::Query q{"units.insert_successor",
                               "INSERT INTO unit_successors (unit_id, successor_id, effective_date, main, part, basis) "
                               "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_id, successor_id) DO NOTHING"};
  tx.exec(q, unit_id, to.id, to.date, to.main, to.part, to.basis);
  bump_version(tx);
}

namespace {

MergeLink link_from_row(db::Reader& r) {
  MergeLink l;
  l.id = r.i64();
  l.code = r.text();
  l.name = r.text();
  l.kind = kind_from_code(r.text()).value_or(Kind::commune);
  l.designation = r.text();
  l.date = r.text();
  l.main = r.boolean();
  l.part = r.text();
  l.basis = r.text();
  l.path = r.text();
  return l;
}

}  // namespace

std::vector<MergeLink> formed_from(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "units.formed_from",
      "SELECT u.id, u.code, u.name, u.kind, u.designation, s.effective_date, s.main, s.part, s.basis, u.path "
      "FROM unit_successors s JOIN units u ON u.id = s.unit_id WHERE s.successor_id = $1 ORDER BY u.name_folded, u.id"};
  return db::all(tx, q, link_from_row, unit_id);
}

std::vector<MergeLink> successors(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "units.successors",
      "SELECT u.id, u.code, u.name, u.kind, u.designation, s.effective_date, s.main, s.part, s.basis, u.path "
      "FROM unit_successors s JOIN units u ON u.id = s.successor_id WHERE s.unit_id = $1 ORDER BY s.main DESC, u.code"};
  return db::all(tx, q, link_from_row, unit_id);
}

std::set<std::pair<std::int64_t, std::int64_t>> successor_pairs(db::Tx& tx, const std::string& path) {
  static constexpr db::Query q{"units.successor_pairs",
                               "SELECT s.unit_id, s.successor_id FROM unit_successors s "
                               "JOIN units u ON u.id = s.successor_id WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1")};
  auto rows = db::all(
      tx, q,
      [](db::Reader& r) {
        return std::pair{r.i64(), r.i64()};
      },
      path);
  return {rows.begin(), rows.end()};
}

Page<Unit> list(db::Tx& tx, const std::string& scope_path, const ListFilter& f, const std::string& today) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("path", "$1");
  db::Params params({scope_path});
  if (f.query) where += " AND name_folded LIKE '%' || CAST(" + params.add(db::like_term(*f.query)) + " AS TEXT) || '%'";
  if (f.kind) where += " AND kind = " + params.add(*f.kind);
  if (!f.kinds.empty()) {
    std::string any;
    for (const auto& k : f.kinds) any += (any.empty() ? "" : ", ") + params.add(k);
    where += " AND kind IN (" + any + ")";
  }
  if (f.parent_id) where += " AND parent_id = " + params.add(*f.parent_id);
  if (!f.include_history) where += " AND (valid_to IS NULL OR valid_to >= " + params.add(today) + ")";
  return db::page(tx, "units", UNIT_COLUMNS, " FROM units" + where, " ORDER BY name_folded, id", std::move(params),
                  f.page, f.page_size, from_row);
}

}  // namespace antq::units::repo
