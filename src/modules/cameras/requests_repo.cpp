#include "modules/cameras/requests_repo.hpp"

#include "modules/units/subtree_sql.hpp"
#include "platform/db/read.hpp"

namespace antq::cameras::requests_repo {
namespace {

#define REQUEST_COLUMNS                                                                                \
  "r.id, r.unit_id, u.name, r.number, r.origin, r.source_ref, r.lon IS NOT NULL, COALESCE(r.lon, 0), " \
  "COALESCE(r.lat, 0), r.from_at, r.to_at, r.reason, "                                                 \
  "r.case_ref, r.status, COALESCE(s.username, ''), r.created_at, r.closed_at"
#define REQUEST_FROM                                                   \
  " FROM footage_requests r JOIN unit_directory u ON u.id = r.unit_id" \
  " LEFT JOIN staff_directory s ON s.id = r.created_by"
// $2 (now): a link counts only while it has not expired.
#define TASK_COLUMNS                                                                                           \
  "t.id, t.camera_id, t.camera_code, t.camera_place, t.deadline_at, t.status, t.reference, t.sha256, t.note, " \
  "t.answered_by, t.answered_at, t.link_hash IS NOT NULL AND t.link_expires_at > $2, t.link_expires_at, "      \
  "t.request_id"

Request request_from_row(db::Reader& r) {
  Request q;
  q.id = r.i64();
  q.unit_id = r.i64();
  q.unit_name = r.text();
  q.number = r.text();
  q.origin = r.text();
  q.source_ref = r.text();
  bool located = r.boolean();
  auto lon = r.real();
  auto lat = r.real();
  if (located) q.point = geo::Point{lon, lat};
  q.from = r.i64();
  q.to = r.i64();
  q.reason = r.text();
  q.case_ref = r.text();
  q.status = r.text();
  q.created_by = r.text();
  q.created_at = r.i64();
  q.closed_at = r.opt_i64();
  return q;
}

std::pair<Task, std::int64_t> task_from_row(db::Reader& r) {
  Task t;
  t.id = r.i64();
  t.camera_id = r.opt_i64();
  t.camera_code = r.text();
  t.camera_place = r.text();
  t.deadline_at = r.i64();
  t.status = r.text();
  t.reference = r.text();
  t.sha256 = r.opt_text();
  t.note = r.text();
  t.answered_by = r.opt_text();
  t.answered_at = r.opt_i64();
  t.link_active = r.boolean();
  t.link_expires_at = r.opt_i64();
  auto request_id = r.i64();
  return {t, request_id};
}

}  // namespace

std::int64_t insert_request(db::Tx& tx, const Request& r, std::optional<std::int64_t> by) {
  static constexpr db::Query q{
      "footage.insert_request",
      "INSERT INTO footage_requests (unit_id, number, origin, source_ref, lon, lat, from_at, to_at, reason, case_ref, "
      "status, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12) RETURNING "
      "id"};
  std::optional<double> lon;
  std::optional<double> lat;
  if (r.point) {
    lon = r.point->lon;
    lat = r.point->lat;
  }
  return db::scalar(tx, q, r.unit_id, r.number, r.origin, r.source_ref, lon, lat, r.from, r.to, r.reason, r.case_ref,
                    by, r.created_at);
}

void insert_task(db::Tx& tx, std::int64_t request_id, const Task& t) {
  static constexpr db::Query q{"footage.insert_task",
                               "INSERT INTO footage_tasks (request_id, camera_id, camera_code, camera_place, "
                               "deadline_at, status) VALUES ($1, $2, $3, $4, $5, 'pending')"};
  tx.exec(q, request_id, t.camera_id, t.camera_code, t.camera_place, t.deadline_at);
}

std::int64_t count_in_year(db::Tx& tx, std::int64_t unit_id, const std::string& prefix) {
  static constexpr db::Query q{
      "footage.count_in_year",
      "SELECT count(*) FROM footage_requests WHERE unit_id = $1 AND substr(number, 1, $3) = $2"};
  return db::scalar(tx, q, unit_id, prefix, static_cast<std::int64_t>(prefix.size()));
}

std::optional<Request> request(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"footage.request", "SELECT " REQUEST_COLUMNS REQUEST_FROM " WHERE r.id = $1"};
  return db::one(tx, q, request_from_row, id);
}

std::vector<Task> tasks(db::Tx& tx, std::int64_t request_id, time::Millis now) {
  static constexpr db::Query q{"footage.tasks",
                               "SELECT " TASK_COLUMNS
                               " FROM footage_tasks t WHERE t.request_id = $1 ORDER BY t.deadline_at, t.id"};
  std::vector<Task> out;
  for (auto& [t, _] : db::all(tx, q, task_from_row, request_id, now)) out.push_back(std::move(t));
  return out;
}

Page<Request> list(db::Tx& tx, const std::string& scope_path, const std::optional<std::string>& status, int page,
                   int page_size) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1");
  db::Params params({scope_path});
  if (status) where += " AND r.status = " + params.add(*status);
  // The path comes from the full units view: the read model has it.
  return db::page(tx, "footage", REQUEST_COLUMNS, std::string(REQUEST_FROM) + where,
                  " ORDER BY r.created_at DESC, r.id DESC", std::move(params), page, page_size, request_from_row);
}

std::optional<std::pair<Task, std::int64_t>> task(db::Tx& tx, std::int64_t task_id, time::Millis now) {
  static constexpr db::Query q{"footage.task", "SELECT " TASK_COLUMNS " FROM footage_tasks t WHERE t.id = $1"};
  return db::one(tx, q, task_from_row, task_id, now);
}

std::optional<std::pair<Task, std::int64_t>> task_by_link(db::Tx& tx, const std::string& link_hash, time::Millis now) {
  static constexpr db::Query q{"footage.task_by_link",
                               "SELECT " TASK_COLUMNS " FROM footage_tasks t WHERE t.link_hash = $1"};
  return db::one(tx, q, task_from_row, db::Blob{link_hash}, now);
}

void set_link(db::Tx& tx, std::int64_t task_id, const std::string& link_hash, time::Millis expires_at) {
  static constexpr db::Query q{"footage.set_link",
                               "UPDATE footage_tasks SET link_hash = $2, link_expires_at = $3 WHERE id = $1"};
  tx.exec(q, task_id, db::Blob{link_hash}, expires_at);
}

bool set_outcome(db::Tx& tx, std::int64_t task_id, const Outcome& o, const std::string& answered_by, time::Millis at) {
  static constexpr db::Query q{
      "footage.set_outcome",
      "UPDATE footage_tasks SET status = $2, reference = $3, sha256 = $4, note = $5, answered_by = $6, "
      "answered_at = $7, link_hash = NULL, link_expires_at = NULL WHERE id = $1 AND status = 'pending'"};
  std::optional<std::string> sha;
  if (!o.sha256.empty()) sha = o.sha256;
  return tx.exec(q, task_id, o.status, o.reference, sha, o.note, answered_by, at) == 1;
}

void close_request(db::Tx& tx, std::int64_t id, time::Millis at) {
  static constexpr db::Query q{"footage.close",
                               "UPDATE footage_requests SET status = 'closed', closed_at = $2 "
                               "WHERE id = $1 AND status = 'open'"};
  static constexpr db::Query links{"footage.end_links",
                                   "UPDATE footage_tasks SET link_hash = NULL, link_expires_at = NULL "
                                   "WHERE request_id = $1"};
  tx.exec(q, id, at);
  tx.exec(links, id);
}

void withdraw_tasks(db::Tx& tx, std::int64_t camera_id, time::Millis at) {
  static constexpr db::Query q{"footage.withdraw",
                               "UPDATE footage_tasks SET status = 'withdrawn', answered_at = $2, link_hash = NULL, "
                               "link_expires_at = NULL WHERE camera_id = $1 AND status = 'pending'"};
  tx.exec(q, camera_id, at);
}

}  // namespace antq::cameras::requests_repo
