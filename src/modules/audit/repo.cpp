#include "modules/audit/repo.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/db/params.hpp"
#include "platform/db/read.hpp"

namespace antq::audit::repo {
namespace {

#define AUDIT_COLUMNS "id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, prev_hash, hash"

Entry from_row(db::Reader& r) {
  Entry e;
  e.id = r.i64();
  e.at = r.i64();
  e.actor_id = r.opt_i64();
  e.actor_name = r.text();
  e.action = r.text();
  e.entity = r.text();
  e.entity_id = r.text();
  e.reason = r.text();
  e.detail = r.text();
  e.prev_hash = r.text();
  e.hash = r.text();
  return e;
}

Head head_from(db::Reader& r) { return Head{r.i64(), r.text()}; }

Head the_head(std::optional<Head> head) {
  if (!head) throw std::logic_error("audit_head row is missing");
  return *head;
}

}  // namespace

Head claim_next(db::Tx& tx) {
  static constexpr db::Query q{"audit.claim_next",
                               "UPDATE audit_head SET last_id = last_id + 1 WHERE id = 1 RETURNING last_id, last_hash"};
  return the_head(db::one(tx, q, head_from));
}

Head claim(db::Tx& tx, std::int64_t count) {
  static constexpr db::Query q{
      "audit.claim", "UPDATE audit_head SET last_id = last_id + $1 WHERE id = 1 RETURNING last_id, last_hash"};
  return the_head(db::one(tx, q, head_from, count));
}

namespace {

constexpr std::string_view kInsertHead =
    "INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, prev_hash, "
    "hash) VALUES ";
constexpr std::string_view kInsertRow = "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr int kInsertParams = 11;

// The parameters of entries[first, first + count), row after row.
std::vector<db::Value> values_of(const std::vector<const Entry*>& entries, std::size_t first, std::size_t count) {
  std::vector<db::Value> values;
  values.reserve(count * kInsertParams + 2);
  for (std::size_t i = first; i < first + count; ++i) {
    const auto& e = *entries[i];
    for (auto& v : {db::Tx::to_value(e.id), db::Tx::to_value(e.at), db::Tx::to_value(e.actor_id),
                    db::Tx::to_value(e.actor_name), db::Tx::to_value(e.action), db::Tx::to_value(e.entity),
                    db::Tx::to_value(e.entity_id), db::Tx::to_value(e.reason), db::Tx::to_value(e.detail),
                    db::Tx::to_value(e.prev_hash), db::Tx::to_value(e.hash)}) {
      values.push_back(v);
    }
  }
  return values;
}

}  // namespace

void insert(db::Tx& tx, const Entry& e) { insert_all(tx, {&e}); }

void insert_all(db::Tx& tx, const std::vector<const Entry*>& entries) {
  for (std::size_t first = 0; first < entries.size(); first += kEntriesPerStatement) {
    auto count = std::min(kEntriesPerStatement, entries.size() - first);
    db::Query q{"audit.insert", db::rows_sql(kInsertHead, kInsertRow, kInsertParams, static_cast<int>(count))};
    tx.execute(q, values_of(entries, first, count));
  }
}

void append_all(db::Tx& tx, const std::vector<const Entry*>& entries, bool ends_transaction) {
  if (entries.empty()) return;
  const auto& last = *entries.back();
  if (tx.dialect() != db::Dialect::postgres) {
    insert_all(tx, entries);
    if (ends_transaction) tx.next_is_last();
    set_head(tx, last.id, last.hash);
    return;
  }
  auto final_first = (entries.size() - 1) / kEntriesPerStatement * kEntriesPerStatement;
  insert_all(tx,
             std::vector<const Entry*>(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(final_first)));
  // The last rows and the new head in one statement (a data-modifying WITH).
  auto count = entries.size() - final_first;
  auto values = values_of(entries, final_first, count);
  auto n = static_cast<int>(values.size());
  values.emplace_back(last.id);
  values.emplace_back(last.hash);
  static const std::string head = "WITH entry AS (" + std::string(kInsertHead);
  db::Query q{
      "audit.append_all",
      db::rows_sql(head, kInsertRow, kInsertParams, static_cast<int>(count),
                   fmt::format(") UPDATE audit_head SET last_id = ${}, last_hash = ${} WHERE id = 1", n + 1, n + 2))};
  if (ends_transaction) tx.next_is_last();
  tx.execute(q, values);
}

bool append_after(db::Tx& tx, const std::vector<const Entry*>& entries, const Head& known) {
  if (entries.empty() || entries.size() > kEntriesPerStatement || tx.dialect() != db::Dialect::postgres) {
    throw std::logic_error("audit::repo::append_after: 1 to 100 entries, on PostgreSQL");
  }
  // Typed: the rows are selected (only while the head is the one known), not inserted as
  // VALUES, so the columns do not give the parameters their types.
  static constexpr std::string_view kTypedRow =
      "($1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, "
      "$11::text)";
  auto count = static_cast<int>(entries.size());
  auto values = values_of(entries, 0, entries.size());
  auto n = static_cast<int>(values.size());
  values.emplace_back(known.last_id);
  values.emplace_back(known.last_hash);
  values.emplace_back(entries.back()->id);
  values.emplace_back(entries.back()->hash);
  auto head = fmt::format(
      "WITH head AS (SELECT id FROM audit_head WHERE id = 1 AND last_id = ${} AND last_hash = ${} FOR UPDATE), "
      "entry AS (INSERT INTO audit_log (" AUDIT_COLUMNS ") SELECT given.* FROM head, (VALUES ",
      n + 1, n + 2);
  auto tail = fmt::format(
      ") AS given) UPDATE audit_head SET last_id = ${}, last_hash = ${} FROM head "
      "WHERE audit_head.id = head.id",
      n + 3, n + 4);
  db::Query q{"audit.append_after", db::rows_sql(head, kTypedRow, kInsertParams, count, tail)};
  tx.next_is_last();
  return tx.execute(q, values) == 1;
}

void set_head(db::Tx& tx, std::int64_t last_id, const std::string& last_hash) {
  static constexpr db::Query q{"audit.set_head", "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1"};
  tx.exec(q, last_id, last_hash);
}

// The entry and the new head; one statement on PostgreSQL (a round trip less per change).
void append(db::Tx& tx, const Entry& e) {
  static constexpr db::Query both{
      "audit.append",
      "WITH entry AS (INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, reason, detail, "
      "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)) "
      "UPDATE audit_head SET last_id = $1, last_hash = $11 WHERE id = 1"};
  if (tx.dialect() == db::Dialect::postgres) {
    tx.exec(both, e.id, e.at, e.actor_id, e.actor_name, e.action, e.entity, e.entity_id, e.reason, e.detail,
            e.prev_hash, e.hash);
    return;
  }
  insert(tx, e);
  set_head(tx, e.id, e.hash);
}

Head head(db::Tx& tx) {
  static constexpr db::Query q{"audit.head", "SELECT last_id, last_hash FROM audit_head WHERE id = 1"};
  return the_head(db::one(tx, q, head_from));
}

Page<Entry> list(db::Tx& tx, const Filter& f) {
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
  return db::page(tx, "audit", AUDIT_COLUMNS, " FROM audit_log" + where, " ORDER BY id DESC", std::move(params), f.page,
                  f.page_size, from_row);
}

void each(db::Tx& tx, const std::function<bool(const Entry&)>& visit) {
  static constexpr db::Query q{"audit.each",
                               "SELECT " AUDIT_COLUMNS " FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000"};
  std::int64_t after = -1;
  while (true) {
    auto entries = db::all(tx, q, from_row, after);
    if (entries.empty()) return;
    for (const auto& e : entries) {
      after = e.id;
      if (!visit(e)) return;
    }
  }
}

}  // namespace antq::audit::repo
