#include "modules/audit/repo.hpp"

#include "platform/db/params.hpp"

namespace antq::audit::repo {
namespace {

constexpr const char* kColumns =
    "id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, prev_hash, hash";

Entry from_row(const db::Row& r) {
  Entry e;
  e.id = r.i64(0);
  e.at = r.i64(1);
  e.actor_id = r.opt_i64(2);
  e.actor_name = r.text(3);
  e.action = r.text(4);
  e.entity = r.text(5);
  e.entity_id = r.text(6);
  e.reason = r.text(7);
  e.detail = r.text(8);
  e.prev_hash = r.text(9);
  e.hash = r.text(10);
  return e;
}

}  // namespace

Head claim_next(db::Tx& tx) {
  static constexpr db::Query q{"audit.claim_next",
                               "UPDATE audit_head SET last_id = last_id + 1 WHERE id = 1 RETURNING last_id, last_hash"};
  auto r = tx.row(q);
  if (!r) throw std::logic_error("audit_head row is missing");
  return Head{r->i64(0), r->text(1)};
}

// The entry and the new head; one statement on PostgreSQL (a round trip less per change).
void append(db::Tx& tx, const Entry& e) {
  static constexpr db::Query insert{
      "audit.insert",
      "INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, prev_hash, "
      "hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
  static constexpr db::Query both{
      "audit.append",
      "WITH entry AS (INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, "
      "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)) "
      "UPDATE audit_head SET last_id = $1, last_hash = $11 WHERE id = 1"};
  static constexpr db::Query set_head{"audit.set_head",
                                      "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1"};
  if (tx.dialect() == db::Dialect::postgres) {
    tx.exec(both, e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.reason, e.detail,
            e.prev_hash, e.hash);
    return;
  }
  tx.exec(insert, e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.reason, e.detail,
          e.prev_hash, e.hash);
  tx.exec(set_head, e.id, e.hash);
}

Head head(db::Tx& tx) {
  static constexpr db::Query q{"audit.head", "SELECT last_id, last_hash FROM audit_head WHERE id = 1"};
  auto r = tx.row(q);
  if (!r) throw std::logic_error("audit_head row is missing");
  return Head{r->i64(0), r->text(1)};
}

Page list(db::Tx& tx, const Filter& f) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  if (f.actor) where += " AND actor_name = " + params.add(*f.actor);
  if (f.action) {
    auto p = params.add(*f.action);  // the action itself, or any action under it ("user" → "user.create")
    where += " AND (action = " + p + " OR substr(action, 1, length(" + p + ") + 1) = " + p + " || '.')";
  }
  if (f.entity) where += " AND entity = " + params.add(*f.entity);
  if (f.entity_id) where += " AND entity_id = " + params.add(*f.entity_id);
  if (f.from) where += " AND at >= " + params.add(*f.from);
  if (f.to) where += " AND at < " + params.add(*f.to);
  Page page;
  page.total =
      tx.query(db::Query{"audit.count", "SELECT count(*) FROM audit_log" + where}, params.values()).at(0).i64(0);
  std::string limit = params.add(static_cast<std::int64_t>(f.page_size));
  std::string offset = params.add(static_cast<std::int64_t>((f.page - 1) * f.page_size));
  std::string list_sql = std::string("SELECT ") + kColumns + " FROM audit_log" + where + " ORDER BY id DESC LIMIT " +
                         limit + " OFFSET " + offset;
  for (const auto& r : tx.query(db::Query{"audit.list", list_sql}, params.values())) page.items.push_back(from_row(r));
  return page;
}

void each(db::Tx& tx, const std::function<bool(const Entry&)>& visit) {
  static const std::string sql =
      std::string("SELECT ") + kColumns + " FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000";
  std::int64_t after = -1;
  while (true) {
    auto rows = tx.rows(db::Query{"audit.each", sql}, after);
    if (rows.empty()) return;
    for (const auto& r : rows) {
      Entry e = from_row(r);
      after = e.id;
      if (!visit(e)) return;
    }
  }
}

}  // namespace antq::audit::repo
