#include "modules/units/repo.hpp"

#include <algorithm>

#include "modules/units/subtree_sql.hpp"
#include "platform/db/params.hpp"
#include "platform/text/text.hpp"

namespace antq::units::repo {
namespace {

#define UNIT_COLUMNS                                                                                                   \
  "id, code, name, kind, designation, parent_id, path, depth, valid_from, valid_to, remote, merged_into, demo, note, " \
  "hotline"

Unit from_row(const db::Row& r) {
  Unit u;
  u.id = r.i64(0);
  u.code = r.text(1);
  u.name = r.text(2);
  u.kind = kind_from_code(r.text(3)).value_or(Kind::residential_area);
  u.designation = r.text(4);
  u.parent_id = r.opt_i64(5);
  u.path = r.text(6);
  u.depth = static_cast<int>(r.i64(7));
  u.valid_from = r.opt_text(8);
  u.valid_to = r.opt_text(9);
  u.remote = r.boolean(10);
  u.merged_into = r.opt_i64(11);
  u.demo = r.boolean(12);
  u.note = r.text(13);
  u.hotline = r.text(14);
  return u;
}

void bump_version(db::Tx& tx) {
  static constexpr db::Query q{"units.bump_version", "UPDATE units_version SET version = version + 1 WHERE id = 1"};
  tx.exec(q);
}

std::vector<Unit> many(const db::Rows& rows) {
  std::vector<Unit> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

std::int64_t insert(db::Tx& tx, const Unit& u, const std::string& parent_path, std::int64_t now) {
  static constexpr db::Query q{
      "units.insert",
      "INSERT INTO units (code, name, name_folded, kind, designation, parent_id, path, depth, valid_from, valid_to, "
      "remote, merged_into, demo, note, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id"};
  static constexpr db::Query set_path{
      "units.set_path", "UPDATE units SET path = CAST($2 AS TEXT) || CAST(id AS TEXT) || '/' WHERE id = $1"};
  int depth = parent_path.empty() ? 0 : static_cast<int>(std::count(parent_path.begin(), parent_path.end(), '/')) - 1;
  auto id = tx.row(q, u.code, u.name, text::fold(u.name + " " + u.code), std::string(kind_code(u.kind)), u.designation,
                   u.parent_id, depth, u.valid_from, u.valid_to, u.remote, u.merged_into, u.demo, u.note, now)
                ->i64(0);
  tx.exec(set_path, id, parent_path.empty() ? std::string("/") : parent_path);
  bump_version(tx);
  return id;
}

std::optional<Unit> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"units.get", "SELECT " UNIT_COLUMNS " FROM units WHERE id = $1"};
  auto r = tx.row(q, id);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<Unit> by_code(db::Tx& tx, const std::string& code) {
  static constexpr db::Query q{"units.by_code", "SELECT " UNIT_COLUMNS " FROM units WHERE code = $1"};
  auto r = tx.row(q, code);
  if (!r) return std::nullopt;
  return from_row(*r);
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
  return many(tx.rows(q, path));
}

std::vector<Unit> children(db::Tx& tx, std::int64_t parent_id) {
  static constexpr db::Query q{"units.children", "SELECT " UNIT_COLUMNS " FROM units WHERE parent_id = $1 ORDER BY id"};
  return many(tx.rows(q, parent_id));
}

void update_fields(db::Tx& tx, const Unit& u, std::int64_t now) {
  static constexpr db::Query q{
      "units.update",
      "UPDATE units SET code = $2, name = $3, name_folded = $4, designation = $5, valid_from = $6, valid_to = $7, "
      "remote = $8, merged_into = $9, note = $10, updated_at = $11, hotline = $12 WHERE id = $1"};
  tx.exec(q, u.id, u.code, u.name, text::fold(u.name + " " + u.code), u.designation, u.valid_from, u.valid_to, u.remote,
          u.merged_into, u.note, now, u.hotline);
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
  return tx.row(q)->i64(0);
}

void insert_history(db::Tx& tx, std::int64_t unit_id, const HistoryEvent& e, std::int64_t now) {
  static constexpr db::Query q{
      "units.insert_history",
      "INSERT INTO unit_history (unit_id, event, event_date, from_parent_id, to_parent_id, basis, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)"};
  tx.exec(q, unit_id, e.event, e.date, e.from_parent_id, e.to_parent_id, e.basis, now);
}

std::vector<HistoryEvent> history(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "units.history",
      "SELECT h.event, h.event_date, h.from_parent_id, h.to_parent_id, h.basis, f.name, t.name "
      "FROM unit_history h LEFT JOIN units f ON f.id = h.from_parent_id "
      "LEFT JOIN units t ON t.id = h.to_parent_id WHERE h.unit_id = $1 ORDER BY h.event_date, h.id"};
  std::vector<HistoryEvent> out;
  for (const auto& r : tx.rows(q, unit_id)) {
    out.push_back(HistoryEvent{r.text(0), r.text(1), r.opt_i64(2), r.opt_i64(3), r.text(4), r.text(5), r.text(6)});
  }
  return out;
}

ListPage list(db::Tx& tx, const std::string& scope_path, const ListFilter& f, const std::string& today) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("path", "$1");
  db::Params params({scope_path});
  if (f.query) where += " AND name_folded LIKE '%' || CAST(" + params.add(db::like_term(*f.query)) + " AS TEXT) || '%'";
  if (f.kind) where += " AND kind = " + params.add(*f.kind);
  if (f.parent_id) where += " AND parent_id = " + params.add(*f.parent_id);
  if (!f.include_history) where += " AND (valid_to IS NULL OR valid_to >= " + params.add(today) + ")";
  ListPage page;
  page.total = tx.query(db::Query{"units.count", "SELECT count(*) FROM units" + where}, params.values()).at(0).i64(0);
  std::string limit = params.add(static_cast<std::int64_t>(f.page_size));
  std::string offset = params.add(static_cast<std::int64_t>((f.page - 1) * f.page_size));
  std::string sql =
      "SELECT " UNIT_COLUMNS " FROM units" + where + " ORDER BY name_folded, id LIMIT " + limit + " OFFSET " + offset;
  page.items = many(tx.query(db::Query{"units.list", sql}, params.values()));
  return page;
}

}  // namespace antq::units::repo
