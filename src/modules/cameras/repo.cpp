#include "modules/cameras/repo.hpp"

#include <stdexcept>
#include <unordered_map>

#include "modules/units/subtree_sql.hpp"
#include "platform/db/dialect_query.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras::repo {
namespace {

#define CAMERA_COLUMNS                                                                                        \
  "c.id, c.code, c.unit_id, c.village_id, c.owner_kind, c.place, c.lon, c.lat, c.bearing, c.fov, c.range_m, " \
  "c.camera_type, c.resolution, c.night_vision, c.retention_days, c.storage, c.funding, c.cost_vnd, "         \
  "c.installed_on, c.sharing, c.commitment_signed_on, c.status, c.last_check_at, c.last_check_result, "       \
  "c.reconfirm_due, c.note, c.demo, c.confirmed, c.version"

// The status of the interval holding instant `at` (at a change, the new status).
#define STATUS_AT_JOIN_AT(at)                                                   \
  " LEFT JOIN camera_status_history h ON h.camera_id = c.id AND h.since <= " at \
  " AND (h.until IS NULL OR h.until > " at ")"
#define STATUS_AT_JOIN STATUS_AT_JOIN_AT("$5")

// A camera with its commune's and village's names and the path that decides who sees it.
#define VIEW_COLUMNS CAMERA_COLUMNS ", cu.name, COALESCE(v.name, ''), u.path"
#define VIEW_FROM                                               \
  " FROM cameras c JOIN unit_directory cu ON cu.id = c.unit_id" \
  " LEFT JOIN unit_directory v ON v.id = c.village_id"          \
  " JOIN unit_directory u ON u.id = COALESCE(c.village_id, c.unit_id)"

constexpr std::string_view kCandidatesSqlite =
    "SELECT " CAMERA_COLUMNS
    ", h.status FROM camera_rtree r JOIN cameras c ON c.id = r.id JOIN unit_directory u ON u.id = "
    "c.unit_id" STATUS_AT_JOIN
    " WHERE r.max_lon >= $1 AND r.min_lon <= $3 AND r.max_lat >= $2 AND r.min_lat <= $4 AND " ANTQ_UNIT_IN_SUBTREE(
        "u.path", "$6") " ORDER BY c.id";
// The index expression of migrations/0026_camera_reach.postgres.sql, exactly. `+ 0` keeps
// the planner off the commune index: ANDed with the reach index, a city commune's 300,000
// cameras made a search take 76 ms instead of 3.
#define REACH_BOX_POSTGRES                                                                                    \
  "box(point(c.lon - c.range_m * 1.01 / (111320.0 * greatest(0.01, cos(radians(c.lat)))), c.lat - c.range_m " \
  "* 1.01 / 110574.0), point(c.lon + c.range_m * 1.01 / (111320.0 * greatest(0.01, cos(radians(c.lat)))), "   \
  "c.lat + c.range_m * 1.01 / 110574.0))"
constexpr std::string_view kCandidatesPostgres =
    "SELECT " CAMERA_COLUMNS ", h.status FROM cameras c JOIN unit_directory u ON u.id = c.unit_id + 0" STATUS_AT_JOIN
    " WHERE " REACH_BOX_POSTGRES
    " && box(point($1, $2), point($3, $4)) AND " ANTQ_UNIT_IN_SUBTREE("u.path", "$6") " ORDER BY c.id";

template <typename T, typename F>
T must(std::optional<T> v, F what) {
  if (!v) throw std::logic_error(what());
  return *v;
}

// Where a camera stands and how it is mounted: lon, lat, bearing, fov, range_m.
void read_reach(db::Reader& r, geo::Point& point, Mounting& mounting) {
  point.lon = r.real();
  point.lat = r.real();
  auto bearing = r.opt_i64();
  mounting.bearing_deg = bearing ? std::optional<int>(static_cast<int>(*bearing)) : std::nullopt;
  mounting.fov_deg = r.integer();
  mounting.range_m = r.integer();
}

Camera from_row(db::Reader& r) {
  Camera c;
  c.id = r.i64();
  c.code = r.text();
  c.unit_id = r.i64();
  c.village_id = r.opt_i64();
  auto owner = r.text();
  c.owner_kind = must(owner_kind_from(owner), [&] { return "owner kind " + owner; });
  c.place = r.text();
  read_reach(r, c.point, c.mounting);
  c.camera_type = r.text();
  c.resolution = r.text();
  c.night_vision = r.boolean();
  c.retention_days = r.integer();
  auto storage = r.text();
  c.storage = must(storage_from(storage), [&] { return "storage " + storage; });
  auto funding = r.text();
  c.funding = must(funding_from(funding), [&] { return "funding " + funding; });
  c.cost_vnd = r.opt_i64();
  c.installed_on = r.opt_text();
  auto sharing = r.text();
  c.sharing = must(sharing_from(sharing), [&] { return "sharing " + sharing; });
  c.commitment_signed_on = r.opt_text();
  auto status = r.text();
  c.status = must(status_from(status), [&] { return "status " + status; });
  c.last_check_at = r.opt_i64();
  c.last_check_result = r.opt_text();
  c.reconfirm_due = r.opt_text();
  c.note = r.text();
  c.demo = r.boolean();
  c.confirmed = r.boolean();
  c.version = r.integer();
  return c;
}

Candidate candidate_from_row(db::Reader& r) {
  Candidate c{from_row(r), std::nullopt};
  if (auto then = r.opt_text()) c.status_then = status_from(*then);
  return c;
}

Standing standing_from_row(db::Reader& r) {
  Standing out;
  out.reach.id = r.i64();
  read_reach(r, out.reach.point, out.reach.mounting);
  out.unit_id = r.i64();
  out.retention_days = r.integer();
  auto sharing = r.text();
  out.sharing = must(sharing_from(sharing), [&] { return "sharing " + sharing; });
  return out;
}

#define INTERVAL_COLUMNS "since, until, status, reason"

StatusInterval interval_from_row(db::Reader& r) {
  StatusInterval s;
  s.since = r.i64();
  s.until = r.opt_i64();
  s.status = status_from(r.text()).value_or(Status::working);
  s.reason = r.text();
  return s;
}

CameraView view_from_row(db::Reader& r) {
  CameraView v;
  v.camera = from_row(r);
  v.unit_name = r.text();
  v.village_name = r.text();
  v.path = r.text();
  return v;
}

std::string search_text(const Camera& c) { return text::fold(c.code + " " + c.place); }

}  // namespace

namespace {

constexpr std::string_view kInsertHead =
    "INSERT INTO cameras (code, unit_id, village_id, owner_kind, place, lon, lat, bearing, fov, range_m, "
    "camera_type, resolution, night_vision, retention_days, storage, funding, cost_vnd, installed_on, sharing, "
    "commitment_signed_on, status, last_check_at, last_check_result, reconfirm_due, note, demo, version, "
    "created_at, updated_at, search_text, confirmed) VALUES ";
constexpr std::string_view kInsertRow =
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, "
    "$24, $25, $26, $27, $28, $28, $29, $30)";
constexpr int kInsertParams = 30;

// A new camera's row, as kInsertRow numbers it, after `out`'s values.
void add_insert_values(std::vector<db::Value>& out, const Camera& c, std::int64_t now) {
  std::optional<std::int64_t> bearing;
  if (c.mounting.bearing_deg) bearing = *c.mounting.bearing_deg;
  for (auto& v : std::vector<db::Value>{db::Tx::to_value(c.code),
                                        db::Tx::to_value(c.unit_id),
                                        db::Tx::to_value(c.village_id),
                                        db::Tx::to_value(code_of(c.owner_kind)),
                                        db::Tx::to_value(c.place),
                                        db::Tx::to_value(c.point.lon),
                                        db::Tx::to_value(c.point.lat),
                                        db::Tx::to_value(bearing),
                                        db::Tx::to_value(c.mounting.fov_deg),
                                        db::Tx::to_value(c.mounting.range_m),
                                        db::Tx::to_value(c.camera_type),
                                        db::Tx::to_value(c.resolution),
                                        db::Tx::to_value(c.night_vision),
                                        db::Tx::to_value(c.retention_days),
                                        db::Tx::to_value(code_of(c.storage)),
                                        db::Tx::to_value(code_of(c.funding)),
                                        db::Tx::to_value(c.cost_vnd),
                                        db::Tx::to_value(c.installed_on),
                                        db::Tx::to_value(code_of(c.sharing)),
                                        db::Tx::to_value(c.commitment_signed_on),
                                        db::Tx::to_value(code_of(c.status)),
                                        db::Tx::to_value(c.last_check_at),
                                        db::Tx::to_value(c.last_check_result),
                                        db::Tx::to_value(c.reconfirm_due),
                                        db::Tx::to_value(c.note),
                                        db::Tx::to_value(c.demo),
                                        db::Tx::to_value(c.version),
                                        db::Tx::to_value(now),
                                        db::Tx::to_value(search_text(c)),
                                        db::Tx::to_value(c.confirmed)}) {
    out.push_back(std::move(v));
  }
}

// Rows written by one statement (30 parameters a camera, 7 a status: far below SQLite's
// 32,766 and PostgreSQL's 65,535).
constexpr std::size_t kManyCameras = 200;
constexpr std::size_t kManyStatuses = 500;

constexpr std::string_view kStatusHead =
    "INSERT INTO camera_status_history (camera_id, since, until, status, reason, recorded_by, recorded_at) VALUES ";
constexpr std::string_view kStatusRow = "($1, $2, $3, $4, $5, $6, $7)";
constexpr int kStatusParams = 7;

void add_status_values(std::vector<db::Value>& out, const NewStatus& s, std::optional<std::int64_t> recorded_by,
                       std::int64_t now) {
  for (auto& v : std::vector<db::Value>{
           db::Tx::to_value(s.camera_id), db::Tx::to_value(s.interval.since), db::Tx::to_value(s.interval.until),
           db::Tx::to_value(code_of(s.interval.status)), db::Tx::to_value(s.interval.reason),
           db::Tx::to_value(recorded_by), db::Tx::to_value(now)}) {
    out.push_back(std::move(v));
  }
}

}  // namespace

std::int64_t insert(db::Tx& tx, const Camera& c, std::int64_t now) {
  static const db::Query q{"cameras.insert", db::rows_sql(kInsertHead, kInsertRow, kInsertParams, 1, " RETURNING id")};
  std::vector<db::Value> values;
  add_insert_values(values, c, now);
  return db::scalar(tx, q, values);
}

std::vector<std::int64_t> insert_many(db::Tx& tx, const std::vector<const Camera*>& cameras, std::int64_t now) {
  std::vector<std::int64_t> ids;
  ids.reserve(cameras.size());
  for (std::size_t first = 0; first < cameras.size(); first += kManyCameras) {
    auto count = std::min(kManyCameras, cameras.size() - first);
    db::Query q{"cameras.insert_many",
                db::rows_sql(kInsertHead, kInsertRow, kInsertParams, static_cast<int>(count), " RETURNING id, code")};
    std::vector<db::Value> values;
    values.reserve(count * kInsertParams);
    for (std::size_t i = first; i < first + count; ++i) add_insert_values(values, *cameras[i], now);
    // The order RETURNING gives is not promised: the codes (unique) say which is which.
    std::unordered_map<std::string, std::int64_t> by_code;
    for (const auto& r : tx.query(q, values)) by_code.emplace(r.text(1), r.i64(0));
    for (std::size_t i = first; i < first + count; ++i) ids.push_back(by_code.at(cameras[i]->code));
  }
  return ids;
}

void insert_statuses(db::Tx& tx, const std::vector<NewStatus>& statuses, std::optional<std::int64_t> recorded_by,
                     std::int64_t now) {
  for (std::size_t first = 0; first < statuses.size(); first += kManyStatuses) {
    auto count = std::min(kManyStatuses, statuses.size() - first);
    db::Query q{"cameras.insert_statuses",
                db::rows_sql(kStatusHead, kStatusRow, kStatusParams, static_cast<int>(count))};
    std::vector<db::Value> values;
    values.reserve(count * kStatusParams);
    for (std::size_t i = first; i < first + count; ++i) add_status_values(values, statuses[i], recorded_by, now);
    tx.execute(q, values);
  }
}

bool update(db::Tx& tx, const Camera& c, std::int64_t now) {
  static constexpr db::Query q{
      "cameras.update",
      "UPDATE cameras SET unit_id = $3, village_id = $4, owner_kind = $5, place = $6, lon = $7, lat = $8, "
      "bearing = $9, fov = $10, range_m = $11, camera_type = $12, resolution = $13, night_vision = $14, "
      "retention_days = $15, storage = $16, funding = $17, cost_vnd = $18, installed_on = $19, sharing = $20, "
      "commitment_signed_on = $21, note = $22, search_text = $23, updated_at = $24, version = version + 1 "
      "WHERE id = $1 AND version = $2"};
  std::optional<std::int64_t> bearing;
  if (c.mounting.bearing_deg) bearing = *c.mounting.bearing_deg;
  return tx.exec(q, c.id, c.version, c.unit_id, c.village_id, std::string(code_of(c.owner_kind)), c.place, c.point.lon,
                 c.point.lat, bearing, c.mounting.fov_deg, c.mounting.range_m, c.camera_type, c.resolution,
                 c.night_vision, c.retention_days, std::string(code_of(c.storage)), std::string(code_of(c.funding)),
                 c.cost_vnd, c.installed_on, std::string(code_of(c.sharing)), c.commitment_signed_on, c.note,
                 search_text(c), now) == 1;
}

std::optional<CameraView> view(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"cameras.view", "SELECT " VIEW_COLUMNS VIEW_FROM " WHERE c.id = $1"};
  return db::one(tx, q, view_from_row, id);
}

Page<CameraView> list(db::Tx& tx, const std::string& scope_path, const ListFilter& f) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1");
  db::Params params({scope_path});
  if (f.status) where += " AND c.status = " + params.add(*f.status);
  if (f.sharing) where += " AND c.sharing = " + params.add(*f.sharing);
  if (f.owner_kind) where += " AND c.owner_kind = " + params.add(*f.owner_kind);
  if (f.confirmed) where += " AND c.confirmed = " + params.add(std::int64_t{*f.confirmed ? 1 : 0});
  if (f.checked_before) {
    where += " AND c.status <> 'removed' AND (c.last_check_at IS NULL OR c.last_check_at < " +
             params.add(*f.checked_before) + ")";
  }
  if (f.reconfirm_by) {
    where += " AND c.status <> 'removed' AND c.reconfirm_due <= " + params.add(*f.reconfirm_by);
  }
  for (const auto& term : text::search_terms(f.q)) {
    where += " AND c.search_text LIKE '%' || CAST(" + params.add(db::like_term(term)) + " AS TEXT) || '%'";
  }
  return db::page(tx, "cameras", VIEW_COLUMNS, VIEW_FROM + where, " ORDER BY c.code", std::move(params), f.page,
                  f.page_size, view_from_row);
}

std::optional<std::int64_t> code_counter(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"cameras.code_counter",
                               "SELECT last_number FROM camera_code_counters WHERE unit_id = $1"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.i64(); }, unit_id);
}

void set_code_counter(db::Tx& tx, std::int64_t unit_id, std::int64_t last) {
  static constexpr db::Query q{"cameras.set_code_counter",
                               "INSERT INTO camera_code_counters (unit_id, last_number) VALUES ($1, $2) "
                               "ON CONFLICT (unit_id) DO UPDATE SET last_number = excluded.last_number"};
  tx.exec(q, unit_id, last);
}

void lock_code_counter(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"cameras.lock_code_counter",
                               "UPDATE camera_code_counters SET last_number = last_number WHERE unit_id = $1"};
  tx.exec(q, unit_id);
}

std::vector<std::string> codes_of(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"cameras.codes_of", "SELECT code FROM cameras WHERE unit_id = $1"};
  return db::all(
      tx, q, [](db::Reader& r) { return r.text(); }, unit_id);
}

std::vector<std::string> codes_starting(db::Tx& tx, const std::string& prefix) {
  // LIKE matches the same on both databases here: a prefix of digits, letters and '-'.
  static constexpr db::Query q{"cameras.codes_starting", "SELECT code FROM cameras WHERE code LIKE $1 || '%'"};
  if (prefix.find_first_of("%_\\") != std::string::npos) throw std::logic_error("a code prefix with LIKE's wildcards");
  return db::all(
      tx, q, [](db::Reader& r) { return r.text(); }, prefix);
}

void set_reconfirm_due(db::Tx& tx, std::int64_t id, const std::string& date, std::int64_t now) {
  static constexpr db::Query q{"cameras.set_reconfirm_due",
                               "UPDATE cameras SET reconfirm_due = $2, updated_at = $3, version = version + 1 "
                               "WHERE id = $1"};
  tx.exec(q, id, date, now);
}

void insert_check(db::Tx& tx, std::int64_t camera_id, const Check& check, std::optional<std::int64_t> by,
                  std::int64_t now) {
  static constexpr db::Query add{"cameras.insert_check",
                                 "INSERT INTO camera_checks (camera_id, checked_at, result, note, checked_by, "
                                 "created_at) VALUES ($1, $2, $3, $4, $5, $6)"};
  // The latest check is the camera's "last check", whatever order they are recorded in.
  static constexpr db::Query last{
      "cameras.set_last_check",
      "UPDATE cameras SET last_check_at = $2, last_check_result = $3, updated_at = $4, version = version + 1 "
      "WHERE id = $1 AND (last_check_at IS NULL OR last_check_at <= $2)"};
  tx.exec(add, camera_id, check.checked_at, check.result, check.note, by, now);
  tx.exec(last, camera_id, check.checked_at, check.result, now);
}

std::vector<Check> checks(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{
      "cameras.checks",
      "SELECT k.id, k.checked_at, k.result, k.note, COALESCE(s.username, '') FROM camera_checks k "
      "LEFT JOIN staff_directory s ON s.id = k.checked_by WHERE k.camera_id = $1 ORDER BY k.checked_at DESC, k.id "
      "DESC"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        return Check{r.i64(), r.i64(), r.text(), r.text(), r.text()};
      },
      camera_id);
}

std::optional<Camera> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"cameras.get", "SELECT " CAMERA_COLUMNS " FROM cameras c WHERE c.id = $1"};
  return db::one(tx, q, from_row, id);
}

std::vector<Camera> get_many(db::Tx& tx, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  if (ids.size() == 1) {  // most searches: the plain statement, no list to unpack
    auto one = get(tx, ids.front());
    return one ? std::vector<Camera>{std::move(*one)} : std::vector<Camera>{};
  }
  static const db::DialectQuery q("cameras.get_many", [](db::Dialect d) {
    return "SELECT " CAMERA_COLUMNS " FROM cameras c WHERE " + db::in_ids(d, "c.id", "$1") + " ORDER BY c.id";
  });
  return db::all(tx, q.in(tx), from_row, db::ids_json(ids));
}

std::optional<Camera> by_code(db::Tx& tx, const std::string& code) {
  static constexpr db::Query q{"cameras.by_code", "SELECT " CAMERA_COLUMNS " FROM cameras c WHERE c.code = $1"};
  return db::one(tx, q, from_row, code);
}

std::string_view candidates_sql(db::Dialect dialect) {
  return dialect == db::Dialect::postgres ? kCandidatesPostgres : kCandidatesSqlite;
}

std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box, const std::string& scope_path, time::Millis at) {
  static constexpr db::Query sqlite{"cameras.candidates_sqlite", kCandidatesSqlite};
  static constexpr db::Query postgres{"cameras.candidates_postgres", kCandidatesPostgres};
  const auto& q = tx.dialect() == db::Dialect::postgres ? postgres : sqlite;
  return db::all(tx, q, candidate_from_row, box.min_lon, box.min_lat, box.max_lon, box.max_lat, at, scope_path);
}

#define STANDING_COLUMNS "id, lon, lat, bearing, fov, range_m, unit_id, retention_days, sharing"

std::int64_t reach_version(db::Tx& tx) {
  static constexpr db::Query q{"cameras.reach_version", "SELECT COALESCE(max(version), 0) FROM camera_reach_log"};
  return db::scalar(tx, q);
}

ReachLogSpan reach_log_span(db::Tx& tx) {
  static constexpr db::Query q{"cameras.reach_log_span",
                               "SELECT COALESCE((SELECT min(version) FROM camera_reach_log), 0), "
                               "COALESCE((SELECT max(version) FROM camera_reach_log), 0)"};
  return must(db::one(tx, q,
                      [](db::Reader& r) {
                        return ReachLogSpan{r.i64(), r.i64()};
                      }),
              [] { return std::string("reach log span"); });
}

std::vector<std::int64_t> reach_changes(db::Tx& tx, std::int64_t version, std::int64_t limit) {
  static constexpr db::Query q{"cameras.reach_changes",
                               "SELECT DISTINCT camera_id FROM camera_reach_log WHERE version > $1 LIMIT $2"};
  return db::all(
      tx, q, [](db::Reader& r) { return r.i64(); }, version, limit);
}

std::int64_t count(db::Tx& tx) {
  static constexpr db::Query q{"cameras.count", "SELECT count(*) FROM cameras"};
  return db::scalar(tx, q);
}

std::vector<Standing> standings(db::Tx& tx, std::int64_t after, std::int64_t limit) {
  static constexpr db::Query q{"cameras.standings",
                               "SELECT " STANDING_COLUMNS " FROM cameras WHERE id > $1 ORDER BY id LIMIT $2"};
  static constexpr db::Query histories{"cameras.standing_histories",
                                       "SELECT camera_id, " INTERVAL_COLUMNS
                                       " FROM camera_status_history WHERE camera_id > $1 AND camera_id <= $2 "
                                       "ORDER BY camera_id, since"};
  auto out = db::all(tx, q, standing_from_row, after, limit);
  if (out.empty()) return out;
  auto rows = db::all(
      tx, histories,
      [](db::Reader& r) {
        auto camera_id = r.i64();
        return std::pair{camera_id, interval_from_row(r)};
      },
      after, out.back().reach.id);
  // Both by camera id: one pass hands each camera its intervals.
  auto it = out.begin();
  for (auto& [camera_id, interval] : rows) {
    while (it != out.end() && it->reach.id < camera_id) ++it;
    if (it != out.end() && it->reach.id == camera_id) it->history.push_back(std::move(interval));
  }
  return out;
}

std::optional<Standing> standing(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"cameras.standing", "SELECT " STANDING_COLUMNS " FROM cameras WHERE id = $1"};
  auto out = db::one(tx, q, standing_from_row, id);
  if (out) out->history = history(tx, id);
  return out;
}

void open_status(db::Tx& tx, std::int64_t camera_id, const StatusInterval& s, std::optional<std::int64_t> recorded_by,
                 std::int64_t now) {
  static constexpr db::Query close{
      "cameras.close_status", "UPDATE camera_status_history SET until = $2 WHERE camera_id = $1 AND until IS NULL"};
  static constexpr db::Query current{"cameras.set_status",
                                     "UPDATE cameras SET status = $2, updated_at = $3 WHERE id = $1"};
  tx.exec(close, camera_id, s.since);
  first_status(tx, camera_id, s, recorded_by, now);
  tx.exec(current, camera_id, std::string(code_of(s.status)), now);
}

void first_status(db::Tx& tx, std::int64_t camera_id, const StatusInterval& s, std::optional<std::int64_t> recorded_by,
                  std::int64_t now) {
  insert_statuses(tx, {NewStatus{camera_id, s}}, recorded_by, now);
}

void set_owner(db::Tx& tx, std::int64_t camera_id, const std::string& sealed,
               const std::optional<std::string>& phone_lookup, std::int64_t now) {
  static constexpr db::Query q{
      "cameras.set_owner",
      "INSERT INTO camera_owners (camera_id, sealed, phone_lookup, updated_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (camera_id) DO UPDATE SET sealed = excluded.sealed, phone_lookup = excluded.phone_lookup, "
      "updated_at = excluded.updated_at"};
  std::optional<db::Blob> lookup;
  if (phone_lookup) lookup = db::Blob{*phone_lookup};
  tx.exec(q, camera_id, db::Blob{sealed}, lookup, now);
}

void delete_owner(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{"cameras.delete_owner", "DELETE FROM camera_owners WHERE camera_id = $1"};
  tx.exec(q, camera_id);
}

std::optional<std::string> owner_sealed(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{"cameras.owner", "SELECT sealed FROM camera_owners WHERE camera_id = $1",
                               /*binary_results=*/true};
  return db::one(
      tx, q, [](db::Reader& r) { return r.blob(); }, camera_id);
}

void erase(db::Tx& tx, const Camera& c, const std::string& channel, std::optional<std::int64_t> by, std::int64_t now) {
  static constexpr db::Query tomb{"cameras.tombstone",
                                  "INSERT INTO camera_tombstones (camera_code, unit_id, owner_kind, erased_at, "
                                  "channel, erased_by) VALUES ($1, $2, $3, $4, $5, $6)"};
  static constexpr db::Query del{"cameras.erase", "DELETE FROM cameras WHERE id = $1"};
  // Footage tasks stay as the record of a request, under the camera's code only: its place
  // (often a household's gate) goes with it.
  static constexpr db::Query tasks{"cameras.erase_task_places",
                                   "UPDATE footage_tasks SET camera_place = '' WHERE camera_id = $1"};
  tx.exec(tomb, c.code, c.unit_id, std::string(code_of(c.owner_kind)), now, channel, by);
  tx.exec(tasks, c.id);
  tx.exec(del, c.id);
}

void lock(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{"cameras.lock", "UPDATE cameras SET version = version WHERE id = $1"};
  tx.exec(q, camera_id);
}

void set_first_since(db::Tx& tx, std::int64_t camera_id, time::Millis since) {
  static constexpr db::Query q{"cameras.set_first_since",
                               "UPDATE camera_status_history SET since = $2 WHERE camera_id = $1 AND since = "
                               "(SELECT MIN(since) FROM camera_status_history WHERE camera_id = $1)"};
  tx.exec(q, camera_id, since);
}

std::optional<Status> status_at(db::Tx& tx, std::int64_t camera_id, time::Millis at) {
  static constexpr db::Query q{"cameras.status_at",
                               "SELECT status FROM camera_status_history WHERE camera_id = $1 AND since <= $2 "
                               "AND (until IS NULL OR until > $2)"};
  auto code = db::one(
      tx, q, [](db::Reader& r) { return r.text(); }, camera_id, at);
  return code ? status_from(*code) : std::nullopt;
}

std::vector<StatusInterval> history(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{
      "cameras.history", "SELECT " INTERVAL_COLUMNS " FROM camera_status_history WHERE camera_id = $1 ORDER BY since"};
  return db::all(tx, q, interval_from_row, camera_id);
}

}  // namespace antq::cameras::repo
