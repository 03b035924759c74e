#include "modules/mailbox/repo.hpp"

#include "modules/mailbox/files_repo.hpp"

#include "modules/units/model.hpp"
#include "modules/units/subtree_sql.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"

namespace antq::mailbox::repo {
namespace {

#define TIP_SELECT                                                                                              \
  "SELECT t.id, t.unit_id, u.name, t.village_id, t.unit_key_id, t.kind, t.channel, t.status, t.identity_mode, " \
  "t.content_sealed, t.identity_sealed, t.tipster_public_key, t.wants_outcome, t.received_at, t.deadline_at, "  \
  "t.assignee_id, t.transferred_at, t.duplicate_of, t.closed_at, t.useful, t.solved_case, t.box_opening_id "    \
  "FROM tips t JOIN unit_directory u ON u.id = t.unit_id"

TipRow from_row(db::Reader& r) {
  TipRow t;
  t.id = r.i64();
  t.unit_id = r.i64();
  t.unit_name = r.text();
  t.village_id = r.opt_i64();
  t.unit_key_id = r.i64();
  t.kind = r.text();
  t.channel = r.text();
  t.status = r.text();
  t.identity_mode = r.text();
  t.content_sealed = r.blob();
  t.identity_sealed = r.blob();
  t.tipster_public_key = r.blob();
  t.wants_outcome = r.boolean();
  t.received_at = r.i64();
  t.deadline_at = r.opt_i64();
  t.assignee_id = r.opt_i64();
  t.transferred_at = r.opt_i64();
  t.duplicate_of = r.opt_i64();
  t.closed_at = r.opt_i64();
  t.useful = r.boolean();
  t.solved_case = r.boolean();
  t.box_opening_id = r.opt_i64();
  return t;
}

// The communes of the query as "t.unit_id = $n" (one: the index gives the order) or an
// IN list; no commune matches nothing.
std::string unit_filter(db::Params& params, const std::vector<std::int64_t>& unit_ids, const char* column) {
  if (unit_ids.empty()) return std::string(" WHERE 1 = 0");
  if (unit_ids.size() == 1) return std::string(" WHERE ") + column + " = " + params.add(unit_ids.front());
  std::string in;
  for (auto id : unit_ids) in += (in.empty() ? "" : ", ") + params.add(id);
  return std::string(" WHERE ") + column + " IN (" + in + ")";
}

std::string filters(db::Params& params, const ListQuery& q) {
  std::string where = unit_filter(params, q.unit_ids, "t.unit_id");
  if (q.status) where += " AND t.status = " + params.add(*q.status);
  if (q.kind) where += " AND t.kind = " + params.add(*q.kind);
  if (q.overdue_at) {
    std::string running;  // the statuses during which the legal deadline runs
    for (auto status : all_statuses()) {
      if (deadline_runs(status)) running += (running.empty() ? "" : ", ") + params.add(std::string(code(status)));
    }
    where += " AND t.deadline_at < " + params.add(*q.overdue_at) + " AND t.transferred_at IS NULL AND t.status IN (" +
             running + ")";
  }
  return where;
}

// What a tip's kept count is filed under.
struct Filed {
  std::string status;
  std::string kind;
  std::int64_t unit_id = 0;
};

std::optional<Filed> status_of(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"tips.status_of", "SELECT status, kind, unit_id FROM tips WHERE id = $1"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        return Filed{r.text(), r.text(), r.i64()};
      },
      id);
}

// A unit's kind is commune-level (units' read model gives its kind code).
bool commune_level(const std::string& kind_code) {
  auto kind = units::kind_from_code(kind_code);
  return kind && units::is_commune_level(*kind);
}

}  // namespace

std::int64_t insert(db::Tx& tx, const TipRow& t, const std::string& receipt_lookup, std::int64_t now) {
  static constexpr db::Query q{
      "tips.insert",
      "INSERT INTO tips (unit_id, village_id, unit_key_id, kind, channel, status, identity_mode, content_sealed, "
      "identity_sealed, receipt_lookup, tipster_public_key, wants_outcome, received_at, deadline_at, updated_at, "
      "box_opening_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $15) RETURNING id"};
  db::Value identity = t.identity_sealed.empty() ? db::Value(nullptr) : db::Value(db::Blob{t.identity_sealed});
  db::Value lookup = receipt_lookup.empty() ? db::Value(nullptr) : db::Value(receipt_lookup);
  db::Value tipster = t.tipster_public_key.empty() ? db::Value(nullptr) : db::Value(db::Blob{t.tipster_public_key});
  auto id = db::scalar(tx, q, t.unit_id, t.village_id, t.unit_key_id, t.kind, t.channel, t.status, t.identity_mode,
                       db::Blob{t.content_sealed}, identity, lookup, tipster, t.wants_outcome, now, t.deadline_at,
                       t.box_opening_id);
  adjust_count(tx, t.unit_id, t.status, t.kind, 1);
  return id;
}

std::optional<TipRow> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"tips.get", TIP_SELECT " WHERE t.id = $1", true};
  return db::one(tx, q, from_row, id);
}

std::optional<TipRow> by_receipt(db::Tx& tx, const std::string& receipt_lookup) {
  static constexpr db::Query q{"tips.by_receipt", TIP_SELECT " WHERE t.receipt_lookup = $1", true};
  return db::one(tx, q, from_row, receipt_lookup);
}

std::vector<TipRow> list(db::Tx& tx, const ListQuery& q, int limit, int offset) {
  if (q.unit_ids.size() > 1) return list_merged(tx, q, limit, offset);
  db::Params params;
  std::string where = filters(params, q);
  // LIMIT and OFFSET are written as numbers, not parameters: with parameters PostgreSQL's
  // generic plan does not know the page is small and may sort the whole commune.
  std::string sql = TIP_SELECT + where + " ORDER BY t.received_at DESC, t.id DESC LIMIT " + std::to_string(limit) +
                    " OFFSET " + std::to_string(offset);
  return db::all(tx, db::Query{"tips.list", sql, true}, params.values(), from_row);
}

// Several communes (a merged commune keeps its own tips): one index scan per commune,
// merged, instead of sorting all their tips.
std::vector<TipRow> list_merged(db::Tx& tx, const ListQuery& q, int limit, int offset) {
  db::Params params;
  std::string parts;
  std::string enough = std::to_string(limit + offset);
  for (std::size_t i = 0; i < q.unit_ids.size(); ++i) {
    ListQuery one = q;
    one.unit_ids = {q.unit_ids[i]};
    parts += std::string(i ? " UNION ALL " : "") + "SELECT * FROM (" TIP_SELECT + filters(params, one) +
             " ORDER BY t.received_at DESC, t.id DESC LIMIT " + enough + ") p" + std::to_string(i);
  }
  std::string sql = "SELECT * FROM (" + parts + ") m ORDER BY m.received_at DESC, m.id DESC LIMIT " +
                    std::to_string(limit) + " OFFSET " + std::to_string(offset);
  return db::all(tx, db::Query{"tips.list_merged", sql, true}, params.values(), from_row);
}

std::int64_t count(db::Tx& tx, const ListQuery& q) {
  db::Params params;
  if (q.overdue_at) {
    std::string sql = "SELECT count(*) FROM tips t" + filters(params, q);
    return db::scalar(tx, db::Query{"tips.count", sql}, params.values());
  }
  std::string sql = "SELECT COALESCE(SUM(c.n), 0) FROM tip_counts c" + unit_filter(params, q.unit_ids, "c.unit_id");
  if (q.status) sql += " AND c.status = " + params.add(*q.status);
  if (q.kind) sql += " AND c.kind = " + params.add(*q.kind);
  return db::scalar(tx, db::Query{"tip_counts.sum", sql}, params.values());
}

std::vector<StatusCount> status_counts(db::Tx& tx, const std::string& scope_path) {
  static constexpr db::Query q{"tip_counts.in_scope",
                               "SELECT c.unit_id, u.kind, c.status, SUM(c.n) FROM tip_counts c JOIN unit_directory u ON u.id = "
                               "c.unit_id WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1") " "
                               "GROUP BY c.unit_id, u.kind, c.status"};
  struct Counted {
    StatusCount count;
    std::string unit_kind;
  };
  auto read = [](db::Reader& r) {
    Counted c;
    c.count.unit_id = r.i64();
    c.unit_kind = r.text();
    c.count.status = r.text();
    c.count.n = r.i64();
    return c;
  };
  std::vector<StatusCount> out;
  for (auto& c : db::all(tx, q, read, scope_path)) {
    if (commune_level(c.unit_kind) && c.count.n > 0) out.push_back(std::move(c.count));
  }
  return out;
}

std::vector<IdRow> list_ids(db::Tx& tx, const ListQuery& q) {
  db::Params params;
  std::string sql =
      "SELECT t.id, t.unit_id FROM tips t" + filters(params, q) + " ORDER BY t.received_at DESC, t.id DESC";
  return db::all(tx, db::Query{"tips.list_ids", sql, true}, params.values(), [](db::Reader& r) {
    return IdRow{r.i64(), r.i64()};
  });
}

void adjust_count(db::Tx& tx, std::int64_t unit_id, const std::string& status, const std::string& kind,
                  std::int64_t delta) {
  static constexpr db::Query q{"tip_counts.adjust",
                               "INSERT INTO tip_counts (unit_id, status, kind, n) VALUES ($1, $2, $3, $4) "
                               "ON CONFLICT (unit_id, status, kind) DO UPDATE SET n = tip_counts.n + excluded.n"};
  tx.exec(q, unit_id, status, kind, delta);
}

void update_workflow(db::Tx& tx, const TipRow& t, std::int64_t now) {
  auto before = status_of(tx, t.id);
  if (before && before->status != t.status) {
    adjust_count(tx, before->unit_id, before->status, before->kind, -1);
    adjust_count(tx, before->unit_id, t.status, before->kind, 1);
  }
  static constexpr db::Query q{"tips.update_workflow",
                               "UPDATE tips SET status = $2, assignee_id = $3, transferred_at = $4, duplicate_of = $5, "
                               "closed_at = $6, updated_at = $7, useful = $8, solved_case = $9 WHERE id = $1"};
  tx.exec(q, t.id, t.status, t.assignee_id, t.transferred_at, t.duplicate_of, t.closed_at, now, t.useful,
          t.solved_case);
}

void insert_event(db::Tx& tx, std::int64_t tip_id, const EventRow& e) {
  static constexpr db::Query q{"tip_events.insert",
                               "INSERT INTO tip_events (tip_id, at, actor_id, from_status, to_status, unit_key_id, "
                               "details_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
  tx.exec(q, tip_id, e.at, e.actor_id, e.from_status, e.to_status, e.unit_key_id, db::Blob{e.details_sealed});
}

std::vector<EventRow> events(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query q{"tip_events.list",
                               "SELECT e.at, e.actor_id, COALESCE(us.username, ''), e.from_status, e.to_status, "
                               "e.unit_key_id, e.details_sealed FROM tip_events e LEFT JOIN staff_directory us ON "
                               "us.id = e.actor_id WHERE e.tip_id = $1 ORDER BY e.at, e.id"};
  return db::all(
      tx, q,
      [](db::Reader& r) { return EventRow{r.i64(), r.opt_i64(), r.text(), r.text(), r.text(), r.i64(), r.blob()}; },
      tip_id);
}

std::int64_t insert_message(db::Tx& tx, std::int64_t tip_id, const MessageRow& m) {
  static constexpr db::Query q{
      "tip_messages.insert",
      "INSERT INTO tip_messages (tip_id, author, author_id, internal, unit_key_id, body_for_unit, body_for_tipster, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"};
  db::Value tipster = m.body_for_tipster.empty() ? db::Value(nullptr) : db::Value(db::Blob{m.body_for_tipster});
  return db::scalar(tx, q, tip_id, m.author, m.author_id, m.internal, m.unit_key_id, db::Blob{m.body_for_unit}, tipster,
                    m.created_at);
}

std::vector<MessageRow> messages(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query q{
      "tip_messages.list",
      "SELECT m.id, m.author, m.author_id, COALESCE(us.username, ''), m.internal, m.unit_key_id, m.body_for_unit, "
      "m.body_for_tipster, m.created_at FROM tip_messages m LEFT JOIN staff_directory us ON us.id = m.author_id "
      "WHERE m.tip_id = $1 ORDER BY m.created_at, m.id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        return MessageRow{r.i64(), r.text(), r.opt_i64(), r.text(), r.boolean(), r.i64(), r.blob(), r.blob(), r.i64()};
      },
      tip_id);
}

std::string unit_path(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query q{"tips.unit_path",
                               "SELECT u.path FROM tips t JOIN unit_directory u ON u.id = t.unit_id WHERE t.id = $1"};
  return db::one(
             tx, q, [](db::Reader& r) { return r.text(); }, tip_id)
      .value_or(std::string());
}

std::vector<StatRow> stat_rows(db::Tx& tx, const std::string& scope_path, std::int64_t from, std::int64_t to) {
  static constexpr db::Query live{
      "tips.stat_rows",
      "SELECT t.kind, t.channel, t.status, t.received_at, t.transferred_at, t.deadline_at, t.useful, t.solved_case, "
      "COALESCE(v.name, '') FROM tips t JOIN unit_directory u ON u.id = t.unit_id LEFT JOIN unit_directory v ON v.id = "
      "t.village_id "
      "WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1") " AND t.received_at >= $2 "
      "AND t.received_at < $3"};
  static constexpr db::Query purged{
      "tips.stat_rows_purged",
      "SELECT p.kind, p.channel, p.final_status, p.received_at, p.transfer_ms, p.overdue, p.useful, p.solved_case, "
      "COALESCE(v.name, ''), p.transferred FROM tip_purged_counts p JOIN unit_directory u ON u.id = p.unit_id "
      "LEFT JOIN unit_directory v ON v.id = p.village_id WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1") " "
      "AND p.received_at >= $2 AND p.received_at < $3"};
  auto out = db::all(
      tx, live,
      [](db::Reader& r) {
        return StatRow{r.text(),    r.text(),    r.text(),    r.i64(),  r.opt_i64(),
                       r.opt_i64(), r.boolean(), r.boolean(), r.text(), false};
      },
      scope_path, from, to);
  auto read_purged = [](db::Reader& r) {
    StatRow row;
    row.kind = r.text();
    row.channel = r.text();
    row.status = r.text();
    row.received_at = r.i64();
    auto transfer_ms = r.opt_i64();
    row.purged_overdue = r.boolean();
    row.useful = r.boolean();
    row.solved_case = r.boolean();
    row.village_name = r.text();
    if (r.boolean()) row.transferred_at = row.received_at + transfer_ms.value_or(0);
    return row;
  };
  for (auto& row : db::all(tx, purged, read_purged, scope_path, from, to)) out.push_back(std::move(row));
  return out;
}

std::vector<TipRow> expired(db::Tx& tx, std::int64_t now) {
  static constexpr db::Query q{
      "tips.expired", TIP_SELECT
      " JOIN mailbox_retention r ON r.kind = t.kind WHERE t.status = 'closed' "
      "AND t.closed_at IS NOT NULL AND t.closed_at + r.days * CAST(86400000 AS BIGINT) < $1 ORDER BY t.id"};
  return db::all(tx, q, from_row, now);
}

void insert_purged_count(db::Tx& tx, const TipRow& t, bool overdue, std::int64_t now) {
  static constexpr db::Query q{
      "tip_purged_counts.insert",
      "INSERT INTO tip_purged_counts (unit_id, village_id, received_at, kind, channel, final_status, useful, "
      "solved_case, transferred, transfer_ms, overdue, purged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
      "$11, $12)"};
  std::optional<std::int64_t> transfer_ms;
  if (t.transferred_at) transfer_ms = *t.transferred_at - t.received_at;
  tx.exec(q, t.unit_id, t.village_id, t.received_at, t.kind, t.channel, t.status, t.useful, t.solved_case,
          t.transferred_at.has_value(), transfer_ms, overdue, now);
}

bool delete_tip(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query events{"tip_events.delete", "DELETE FROM tip_events WHERE tip_id = $1"};
  static constexpr db::Query messages{"tip_messages.delete", "DELETE FROM tip_messages WHERE tip_id = $1"};
  static constexpr db::Query dups{"tips.clear_duplicates",
                                  "UPDATE tips SET duplicate_of = NULL WHERE duplicate_of = $1"};
  static constexpr db::Query tip{"tips.delete", "DELETE FROM tips WHERE id = $1"};
  auto before = status_of(tx, id);
  if (!before) return false;
  tx.exec(events, id);
  tx.exec(messages, id);
  delete_files_of(tx, id);
  tx.exec(dups, id);
  bool deleted = tx.exec(tip, id) > 0;
  if (deleted) adjust_count(tx, before->unit_id, before->status, before->kind, -1);
  return deleted;
}

std::map<std::string, int> retention(db::Tx& tx) {
  static constexpr db::Query q{"mailbox_retention.list", "SELECT kind, days FROM mailbox_retention ORDER BY kind"};
  std::map<std::string, int> out;
  for (auto& [kind, days] : db::all(tx, q, [](db::Reader& r) { return std::pair{r.text(), r.integer()}; })) {
    out[kind] = days;
  }
  return out;
}

void set_retention(db::Tx& tx, const std::string& kind, int days) {
  static constexpr db::Query q{"mailbox_retention.set", "UPDATE mailbox_retention SET days = $2 WHERE kind = $1"};
  tx.exec(q, kind, days);
}

std::optional<std::string> install_secret(db::Tx& tx, const std::string& name) {
  static constexpr db::Query q{"install_secrets.get", "SELECT value FROM install_secrets WHERE name = $1"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.blob(); }, name);
}

void insert_install_secret(db::Tx& tx, const std::string& name, const std::string& value) {
  static constexpr db::Query q{"install_secrets.insert", "INSERT INTO install_secrets (name, value) VALUES ($1, $2)"};
  tx.exec(q, name, db::Blob{value});
}

std::string user_full_name(db::Tx& tx, std::int64_t user_id) {
  static constexpr db::Query q{"staff.full_name", "SELECT full_name FROM staff_directory WHERE id = $1"};
  return db::one(
             tx, q, [](db::Reader& r) { return r.text(); }, user_id)
      .value_or(std::string());
}

std::vector<std::int64_t> communes_in(db::Tx& tx, const std::string& scope_path) {
  static constexpr db::Query q{
      "units.in_scope_kinds",
      "SELECT id, kind FROM unit_directory WHERE " ANTQ_UNIT_IN_SUBTREE("path", "$1") " ORDER BY id"};
  std::vector<std::int64_t> out;
  for (const auto& [id, kind] : db::all(
           tx, q,
           [](db::Reader& r) {
             return std::pair{r.i64(), r.text()};
           },
           scope_path)) {
    if (commune_level(kind)) out.push_back(id);
  }
  return out;
}

std::optional<SearchIndexRow> search_index(db::Tx& tx, std::int64_t unit_id) {
  // Binary results: the segment is megabytes, hex would double it.
  static constexpr db::Query q{
      "tip_search_index.get",
      "SELECT unit_key_id, key_sealed, segment, last_tip_id, entries FROM tip_search_index WHERE unit_id = $1", true};
  return db::one(
      tx, q, [&](db::Reader& r) { return SearchIndexRow{unit_id, r.i64(), r.blob(), r.blob(), r.i64(), r.i64()}; },
      unit_id);
}

std::vector<SealedContent> sealed_contents(db::Tx& tx, std::int64_t unit_id, std::int64_t after_id, int limit) {
  std::string sql =
      "SELECT id, unit_key_id, content_sealed FROM tips WHERE unit_id = $1 AND id > $2 ORDER BY id LIMIT " +
      std::to_string(limit);
  return db::all(
      tx, db::Query{"tips.sealed_contents", sql, true},
      [](db::Reader& r) {
        return SealedContent{r.i64(), r.i64(), r.blob()};
      },
      unit_id, after_id);
}

void put_search_index(db::Tx& tx, const SearchIndexRow& row, std::int64_t now) {
  static constexpr db::Query q{
      "tip_search_index.put",
      "INSERT INTO tip_search_index (unit_id, unit_key_id, key_sealed, segment, last_tip_id, entries, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (unit_id) DO UPDATE SET unit_key_id = excluded.unit_key_id, "
      "key_sealed = excluded.key_sealed, segment = excluded.segment, last_tip_id = excluded.last_tip_id, "
      "entries = excluded.entries, updated_at = excluded.updated_at"};
  tx.exec(q, row.unit_id, row.unit_key_id, db::Blob{row.key_sealed}, db::Blob{row.segment}, row.last_tip_id,
          row.entries, now);
}

void drop_search_index(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"tip_search_index.drop", "DELETE FROM tip_search_index WHERE unit_id = $1"};
  tx.exec(q, unit_id);
}

}  // namespace antq::mailbox::repo
