#pragma once
// The only place with SQL for cameras (migrations/0018_cameras*.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::cameras::repo {

std::int64_t insert(db::Tx& tx, const Camera& camera, std::int64_t now);
// Inserts new cameras, their codes set, a statement for 200 at a time (an import of
// 100,000 on PostgreSQL made one round trip a camera); their ids, in their order.
std::vector<std::int64_t> insert_many(db::Tx& tx, const std::vector<const Camera*>& cameras, std::int64_t now);
std::optional<Camera> get(db::Tx& tx, std::int64_t id);
// The cameras of `ids` that exist, by id, in one statement.
std::vector<Camera> get_many(db::Tx& tx, const std::vector<std::int64_t>& ids);
std::optional<Camera> by_code(db::Tx& tx, const std::string& code);
// Writes every field a user edits when the stored version is still `camera.version`, and
// moves the version on; false when someone changed the camera meanwhile.
bool update(db::Tx& tx, const Camera& camera, std::int64_t now);
std::optional<CameraView> view(db::Tx& tx, std::int64_t id);
// Cameras whose village (or commune) lies in the subtree at `scope_path`, by code.
Page<CameraView> list(db::Tx& tx, const std::string& scope_path, const ListFilter& filter);
// The last camera number given in a commune (nullopt until the first), and its update.
std::optional<std::int64_t> code_counter(db::Tx& tx, std::int64_t unit_id);
void set_code_counter(db::Tx& tx, std::int64_t unit_id, std::int64_t last);
// Holds the commune's counter row (when it has one) until the transaction ends.
void lock_code_counter(db::Tx& tx, std::int64_t unit_id);
// Every camera code of a commune (what starts its counter).
std::vector<std::string> codes_of(db::Tx& tx, std::int64_t unit_id);
// The codes, in any commune, that begin with `prefix` (letters, digits and '-'; SQLite
// also gives those that differ only in case).
std::vector<std::string> codes_starting(db::Tx& tx, const std::string& prefix);
void set_reconfirm_due(db::Tx& tx, std::int64_t id, const std::string& date, std::int64_t now);
// Adds a check; it becomes the camera's last check unless a later one is recorded.
void insert_check(db::Tx& tx, std::int64_t camera_id, const Check& check, std::optional<std::int64_t> by,
                  std::int64_t now);
std::vector<Check> checks(db::Tx& tx, std::int64_t camera_id);  // newest first

// The owner's contact, sealed (and a keyed hash of the phone's digits, when there is one).
void set_owner(db::Tx& tx, std::int64_t camera_id, const std::string& sealed,
               const std::optional<std::string>& phone_lookup, std::int64_t now);
void delete_owner(db::Tx& tx, std::int64_t camera_id);
std::optional<std::string> owner_sealed(db::Tx& tx, std::int64_t camera_id);
// Deletes the camera with everything that hangs on it (owner, statuses, checks) and leaves
// a tombstone with no personal data.
void erase(db::Tx& tx, const Camera& camera, const std::string& channel, std::optional<std::int64_t> by,
           std::int64_t now);

// Cameras whose reach (the point ± the range, a little padded) meets `box` and whose
// commune lies in the subtree at `scope_path`, each with its status at `at`: the R*Tree
// on SQLite, the GiST index on PostgreSQL (migration 0026). Every camera standing inside
// the box is one; a box of no size gives the cameras that could reach that point.
std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box, const std::string& scope_path, time::Millis at);
// The candidate query of a dialect (its parameters: min lon, min lat, max lon, max lat,
// at, scope path), for the tests that read its plan.
std::string_view candidates_sql(db::Dialect dialect);

// The reach log of migrations 0044 and 0045 (SQLite only): the last version written (0
// when none), the oldest still kept, and the cameras changed after `version` (at most
// `limit`, each once). How many cameras there are; what a search decides by for the
// cameras after id `after` (by id,
// at most `limit`), and for one camera (nullopt: deleted).
struct ReachLogSpan {
  std::int64_t first = 0;
  std::int64_t last = 0;
};
std::int64_t reach_version(db::Tx& tx);
ReachLogSpan reach_log_span(db::Tx& tx);
std::vector<std::int64_t> reach_changes(db::Tx& tx, std::int64_t version, std::int64_t limit);
std::int64_t count(db::Tx& tx);
std::vector<Standing> standings(db::Tx& tx, std::int64_t after, std::int64_t limit);
std::optional<Standing> standing(db::Tx& tx, std::int64_t id);

// Starts a status at `interval.since`, ending the open one there.
// REQUIRES: `interval.since` is later than the open interval's start.
void open_status(db::Tx& tx, std::int64_t camera_id, const StatusInterval& interval,
                 std::optional<std::int64_t> recorded_by, std::int64_t now);
// The first status of a camera just inserted with that status: its history only (one
// statement where open_status takes three; an import writes 100,000 of them).
void first_status(db::Tx& tx, std::int64_t camera_id, const StatusInterval& interval,
                  std::optional<std::int64_t> recorded_by, std::int64_t now);
// Intervals of the histories of cameras just inserted (their `until` as given), a
// statement for 500 at a time.
struct NewStatus {
  std::int64_t camera_id = 0;
  StatusInterval interval;
};
void insert_statuses(db::Tx& tx, const std::vector<NewStatus>& statuses, std::optional<std::int64_t> recorded_by,
                     std::int64_t now);
// Locks the camera's row until the transaction ends (PostgreSQL; SQLite's writer is
// alone anyway), before its history is read and changed.
void lock(db::Tx& tx, std::int64_t camera_id);
// Moves the start of the camera's first status interval (its installation).
void set_first_since(db::Tx& tx, std::int64_t camera_id, time::Millis since);
// The status of the interval holding `at` (at a change, the new one); nullopt before the
// first.
std::optional<Status> status_at(db::Tx& tx, std::int64_t camera_id, time::Millis at);
// The camera's statuses, oldest first.
std::vector<StatusInterval> history(db::Tx& tx, std::int64_t camera_id);

}  // namespace antq::cameras::repo
